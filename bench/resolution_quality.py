"""Pairwise and B-cubed quality of ``grappe resolve`` on the quality sets, the
held-out one included (scored here only, never used to tune anything).

    .venv/bin/python bench/resolution_quality.py [--incremental] [FILE ...]

With ``--incremental`` the names go through the ingest path instead
(``StoreResolver``, holding the graph in memory as ``grappe load --bulk`` does): one
document per name, in file order, each resolved against the entities the earlier ones
made. A name of no type is taken as an organization.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.resolve.evaluate import quality
from graph.resolve.fitting import read_set
from graph.resolve.resolver import resolve_mentions
from graph.resolve.store_resolver import StoreResolver
from graph.store.base import QueryResult
from grappe.model import Document, EntityType, ExtractedEntity, Extraction, Mention

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "resolve"
SETS = ("mentions.tsv", "public_variants.tsv", "public_variants_heldout.tsv", "public_variants_heldout2.tsv")


def score(path: Path) -> str:
    items, gold = read_set(path)
    predicted = [0] * len(items)
    for k, cluster in enumerate(resolve_mentions(items)):
        for line in cluster.lines:
            predicted[line - 1] = k
    return f"{path.name}: {len(items)} names, {len(set(gold))} entities; {quality(predicted, gold)}"


class _EmptyStore:
    """An empty graph: the resolver holds every entity it assigns in memory."""

    def run(self, name: str, **params: object) -> QueryResult:
        return QueryResult([], [])


def score_incremental(path: Path) -> str:
    items, gold = read_set(path)
    resolver, store, ids = StoreResolver(small_graph=sys.maxsize), _EmptyStore(), {}
    predicted = []
    for line, item in enumerate(items, 1):
        doc = Document(id=f"q{line}", source=f"q{line}.txt", format="txt", text=item.name, title="")
        entity = ExtractedEntity(key="e0", type=EntityType(item.type or "Organization"), name=item.name,
                                 mentions=[Mention(doc.id, 0, len(item.name), item.name)])
        assigned = resolver.assign(Extraction(document=doc, entities=[entity], relations=[]), store)["e0"].id
        predicted.append(ids.setdefault(assigned, len(ids)))
    return f"{path.name} (incremental): {len(items)} names, {len(set(gold))} entities; {quality(predicted, gold)}"


def main(argv: list[str]) -> None:
    incremental = "--incremental" in argv
    paths = [Path(a) for a in argv if a != "--incremental"] or [DATA / s for s in SETS]
    for path in paths:
        print(score_incremental(path) if incremental else score(path))


if __name__ == "__main__":
    main(sys.argv[1:])
