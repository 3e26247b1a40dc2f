"""Resolution quality on a hand-made set of public names (tests/data/resolve/).

``mentions.tsv``: ``name<TAB>type<TAB>group<TAB>gold`` per line, ``#`` comments.
Precision matters most: a wrong merge is worse than a miss.
"""

from __future__ import annotations

from pathlib import Path

from graph.resolve.evaluate import errors, quality
from graph.resolve.resolver import Item, resolve_mentions

DATA = Path(__file__).resolve().parent.parent / "data" / "resolve" / "mentions.tsv"


def load() -> tuple[list[Item], list[str]]:
    items, gold = [], []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, type_, group, label = line.split("\t")
        items.append(Item(name, type_, group))
        gold.append(label)
    return items, gold


def test_quality_on_public_names() -> None:
    items, gold = load()
    assert len(items) >= 250
    predicted = [0] * len(items)
    for k, cluster in enumerate(resolve_mentions(items)):
        for line in cluster.lines:
            predicted[line - 1] = k
    q = quality(predicted, gold)
    print(q)
    wrong = errors(predicted, gold, [i.name for i in items])["wrong_merges"]
    assert q.pair_precision >= 0.98, wrong
    assert q.pair_recall >= 0.90, q
    assert q.bcubed_f1 >= 0.95, q


def test_metrics() -> None:
    q = quality([1, 1, 2, 2], ["a", "a", "a", "b"])
    assert q.pair_precision == 0.5 and round(q.pair_recall, 3) == round(1 / 3, 3)
    perfect = quality([1, 1, 2], ["x", "x", "y"])
    assert perfect.pair_f1 == 1.0 and perfect.bcubed_f1 == 1.0
