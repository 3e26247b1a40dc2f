"""Resolution quality on two sets of real public names (tests/data/resolve/).

``mentions.tsv``: the project's hand-made set. ``public_variants.tsv``: real name
variants collected from public pages (sources in its fifth column and in
``SOURCES.md``). Lines are ``name<TAB>type<TAB>group<TAB>gold``. Precision matters
most: a wrong merge is worse than a miss. The held-out part of the second set is
never scored here (``bench/resolution_quality.py`` reports it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.resolve.evaluate import errors, quality
from graph.resolve.fitting import read_set
from graph.resolve.resolver import resolve_mentions

DATA = Path(__file__).resolve().parent.parent / "data" / "resolve"


@pytest.mark.parametrize(("name", "min_size", "min_precision", "min_recall"), [
    # floors a little under what the sets reach (R 0.994 and 0.955): the issue asks 0.92;
    # the misses left are short forms a general rule cannot tell from sub-brands
    # ("Acme Canada" / "Acme", a hyphenated brand's first half) and renamed companies
    ("mentions.tsv", 250, 0.98, 0.98),
    ("public_variants.tsv", 300, 0.98, 0.95),
])
def test_quality_on_public_names(name: str, min_size: int, min_precision: float, min_recall: float) -> None:
    items, gold = read_set(DATA / name)
    assert len(items) >= min_size
    predicted = [0] * len(items)
    for k, cluster in enumerate(resolve_mentions(items)):
        for line in cluster.lines:
            predicted[line - 1] = k
    q = quality(predicted, gold)
    print(name, q)
    wrong = errors(predicted, gold, [i.name for i in items])["wrong_merges"]
    assert q.pair_precision >= min_precision, wrong
    assert q.pair_recall >= min_recall, q
    assert q.bcubed_f1 >= 0.95, q


def test_the_second_set_names_its_sources() -> None:
    for name in ("public_variants.tsv", "public_variants_heldout.tsv", "public_variants_heldout2.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                assert line.split("\t")[4].startswith(("http://", "https://")), line


def test_metrics() -> None:
    q = quality([1, 1, 2, 2], ["a", "a", "a", "b"])
    assert q.pair_precision == 0.5 and round(q.pair_recall, 3) == round(1 / 3, 3)
    perfect = quality([1, 1, 2], ["x", "x", "y"])
    assert perfect.pair_f1 == 1.0 and perfect.bcubed_f1 == 1.0
