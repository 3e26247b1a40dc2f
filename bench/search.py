"""Search latency on a synthetic graph: ``python -m bench.search [--entities 100000]``.

Writes N synthetic entities (French and English names, aliases, acronyms) into a
graph named ``bench_search`` of the store GRAPPE_GRAPH_URL names (the embedded
FalkorDB in GRAPPE_DATA_DIR by default), then times ``graph.search.search`` on a
mix of queries: exact names, aliases and acronyms, accent-free and lower-case
forms, prefixes, typos and common words. Prints p50 / p95 / max in milliseconds.
The graph is dropped at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from graph.search import search
from graph.store import open_store
from grappe.model import Entity, EntityType, GraphBatch
from grappe.settings import Settings

HEADS = ["Institut", "Centre", "Laboratoire", "Groupe", "Société", "Université", "Collège", "Alliance",
         "Institute", "Center", "Lab", "Group", "Solutions", "Technologies", "Systèmes", "Réseau"]
WORDS = ["intelligence", "artificielle", "logistique", "chaîne", "approvisionnement", "données", "robotique",
         "santé", "énergie", "optimisation", "transport", "manufacturier", "numérique", "vision", "québec",
         "montréal", "laval", "sherbrooke", "gatineau", "analytics", "supply", "chain", "data", "learning",
         "deep", "quantum", "retail", "forecast", "maritime", "portuaire", "aérospatiale", "agroalimentaire"]
SUFFIXES = ["", "", "", " inc.", " ltée", " SA", " Canada", " Québec", " Labs", " AI"]
TYPES = [EntityType.ORGANIZATION] * 6 + [EntityType.UNIVERSITY, EntityType.PERSON, EntityType.PROJECT]
SUBTYPES = ["company", "startup", "sme", "government", "research_institute", "investor", "nonprofit"]
FIRST = ["Marie", "Jean", "Sophie", "Luc", "Émilie", "François", "Amélie", "Yoshua", "Joëlle", "Hugo"]
LAST = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Pelletier"]


def synthetic(n: int, seed: int = 7) -> list[Entity]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        etype = rnd.choice(TYPES)
        if etype is EntityType.PERSON:
            name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}-{i}"
            aliases: list[str] = []
        else:
            words = [rnd.choice(HEADS)] + rnd.sample(WORDS, rnd.randint(1, 3))
            name = " ".join(w if k == 0 else w.capitalize() for k, w in enumerate(words))
            name += f" {i}" if rnd.random() < 0.5 else ""
            name += rnd.choice(SUFFIXES)
            acronym = "".join(w[0] for w in name.split() if w[0].isalpha()).upper() + str(i % 97)
            aliases = [acronym] + ([name.upper()] if rnd.random() < 0.2 else [])
        subtype = rnd.choice(SUBTYPES) if etype is EntityType.ORGANIZATION else None
        out.append(Entity(f"B-{i:07d}", etype, name, subtype, aliases))
    return out


KINDS = ("name", "alias", "accents", "prefix", "typo", "word")


def queries(entities: list[Entity], n: int, seed: int = 11) -> list[tuple[str, str, str]]:
    """(query, id of the entity it was made from, kind); kind "word" targets no entity."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        e = rnd.choice(entities)
        kind = KINDS[rnd.randrange(6)]
        if kind == "alias" and not e.aliases:
            kind = "name"
        if kind == "name":
            out.append((e.name, e.id, kind))
        elif kind == "alias":
            out.append((e.aliases[0].lower(), e.id, kind))
        elif kind == "accents":
            out.append((e.name.lower().replace("é", "e").replace("è", "e").replace("â", "a"), e.id, kind))
        elif kind == "prefix":
            out.append((e.name[: max(3, len(e.name) // 2)], e.id, kind))
        elif kind == "typo":
            chars = list(e.name)
            k = rnd.randrange(1, len(chars) - 1)
            chars[k], chars[k + 1] = chars[k + 1], chars[k]
            out.append(("".join(chars), e.id, kind))
        else:
            out.append((rnd.choice(WORDS), "", kind))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--keep", action="store_true", help="keep the bench_search graph")
    ap.add_argument("--reuse", action="store_true", help="reuse a kept bench_search graph (no writing)")
    args = ap.parse_args()
    settings = Settings.load()
    store = open_store(settings, graph_name="bench_search")
    try:
        entities = synthetic(args.entities)
        if not args.reuse:
            store.drop() if hasattr(store, "drop") else store.clear()
            store.create_schema()
            t0 = time.perf_counter()
            for k in range(0, len(entities), 10_000):
                store.write(GraphBatch(entities=entities[k:k + 10_000]))
            print(f"wrote {len(entities)} entities in {time.perf_counter() - t0:.1f} s")
        qs = queries(entities, args.queries)
        for q, _, _ in qs[:20]:  # warm-up
            search(store, q)
        times, found = [], 0
        recall: dict[str, list[int]] = {}
        for q, target, kind in qs:
            t = time.perf_counter()
            hits = search(store, q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
            found += bool(hits)
            if target:
                ids = [h.id for h in hits]
                recall.setdefault(kind, []).append(0 if target not in ids else 1 if ids[0] == target else 2)
        times.sort()
        p = lambda x: times[min(len(times) - 1, int(x * len(times)))]  # noqa: E731
        print(f"{len(qs)} queries: p50 {statistics.median(times):.1f} ms, p95 {p(0.95):.1f} ms, "
              f"p99 {p(0.99):.1f} ms, max {times[-1]:.1f} ms; {found}/{len(qs)} with hits")
        for kind, marks in recall.items():
            top1 = sum(m == 1 for m in marks) / len(marks)
            top10 = sum(m > 0 for m in marks) / len(marks)
            print(f"  {kind:8} {len(marks):4} queries: source entity first {top1:.0%}, in top 10 {top10:.0%}")
    finally:
        if not args.keep:
            store.drop() if hasattr(store, "drop") else store.clear()
        store.close()


if __name__ == "__main__":
    main()
