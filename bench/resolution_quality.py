"""Pairwise and B-cubed quality of ``grappe resolve`` on the quality sets, the
held-out one included (scored here only, never used to tune anything).

    .venv/bin/python bench/resolution_quality.py [FILE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.resolve.evaluate import quality
from graph.resolve.fitting import read_set
from graph.resolve.resolver import resolve_mentions

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "resolve"
SETS = ("mentions.tsv", "public_variants.tsv", "public_variants_heldout.tsv", "public_variants_heldout2.tsv")


def score(path: Path) -> str:
    items, gold = read_set(path)
    predicted = [0] * len(items)
    for k, cluster in enumerate(resolve_mentions(items)):
        for line in cluster.lines:
            predicted[line - 1] = k
    return f"{path.name}: {len(items)} names, {len(set(gold))} entities; {quality(predicted, gold)}"


def main(argv: list[str]) -> None:
    for path in [Path(a) for a in argv] or [DATA / s for s in SETS]:
        print(score(path))


if __name__ == "__main__":
    main(sys.argv[1:])
