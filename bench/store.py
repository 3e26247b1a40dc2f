"""Graph store throughput and 2-hop latency: ``python -m bench.store [--entities 100000] [--relations 500000]``.

Starts its own embedded FalkorDB in a temporary data folder (the default backend,
as a user gets it), creates the schema, then measures:

* entity upsert throughput (rows/s) through ``store.write`` (UNWIND batches);
* relationship upsert throughput (rows/s): PARTNERS_WITH between organizations and
  PARTICIPATES_IN organization -> project, each with evidence;
* re-upsert of the same entities (the idempotent path: MERGE finds every node);
* p50 / p95 / max of a 2-hop "partners of partners" read from random organizations,
  through the analysts' read-only path (``store.read``).

Relationship ends follow a skewed (Zipf-like) draw so a few hubs exist, as in a
real ecosystem. Prints a table and one JSON line; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time

from graph.store import open_store
from graph.store.embedded import EmbeddedFalkorDB
from grappe.model import Document, Entity, EntityType, Evidence, GraphBatch, Relation, RelType
from grappe.settings import Settings

PARTNERS_OF_PARTNERS = """
MATCH (o:Organization {id: $id})-[:PARTNERS_WITH]-(p:Entity)-[:PARTNERS_WITH]-(q:Entity)
WHERE q <> o AND NOT (o)-[:PARTNERS_WITH]-(q)
RETURN q.id AS id, q.name AS name, count(DISTINCT p) AS via
ORDER BY via DESC, name
LIMIT 25
"""


def skewed(rng: random.Random, n: int) -> int:
    """An index in [0, n) where small indexes are much more likely (a few hubs)."""
    return min(n - 1, int(n * rng.random() ** 3))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=500_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    n_projects = max(1, args.entities // 5)
    n_orgs = args.entities - n_projects
    orgs = [Entity(f"NK-org-{i:07d}", EntityType.ORGANIZATION, f"Organisation {i}", "company", [f"ORG{i}"])
            for i in range(n_orgs)]
    projects = [Entity(f"NK-prj-{i:07d}", EntityType.PROJECT, f"Projet {i}", None, [],
                       {"status": "active", "total_investment_cad": float(rng.randint(1, 50) * 100_000)})
                for i in range(n_projects)]
    docs = [Document(f"doc-{i:05d}", f"bench/{i}.txt", "txt", "") for i in range(1000)]
    rels: list[Relation] = []
    n_partners = args.relations * 3 // 5
    for i in range(args.relations):
        doc = docs[i % len(docs)].id
        ev = Evidence(doc, i, i + 40, f"Phrase de preuve {i}.")
        if i < n_partners:
            a, b = skewed(rng, n_orgs), rng.randrange(n_orgs)
            if a == b:
                b = (b + 1) % n_orgs
            rels.append(Relation(RelType.PARTNERS_WITH, orgs[a].id, orgs[b].id, ev))
        else:
            rels.append(Relation(RelType.PARTICIPATES_IN, orgs[rng.randrange(n_orgs)].id,
                                 projects[skewed(rng, n_projects)].id, ev))

    with tempfile.TemporaryDirectory(prefix="grappe-bench-") as tmp:
        settings = Settings.load({"data_dir": tmp, "graph_name": "bench_store",
                                  "batch_size": args.batch_size}, environ={})
        server = EmbeddedFalkorDB.from_settings(settings)
        try:
            t0 = time.perf_counter()
            store = open_store(settings)
            startup = time.perf_counter() - t0
            store.create_schema()
            store.write(GraphBatch(documents=docs))

            t0 = time.perf_counter()
            store.write(GraphBatch(entities=orgs + projects))
            ent_s = time.perf_counter() - t0

            t0 = time.perf_counter()
            store.write(GraphBatch(relations=rels))
            rel_s = time.perf_counter() - t0

            t0 = time.perf_counter()
            store.write(GraphBatch(entities=orgs + projects))
            reent_s = time.perf_counter() - t0

            stats = store.stats()
            starts = [orgs[skewed(rng, n_orgs) if k % 2 else rng.randrange(n_orgs)].id
                      for k in range(args.queries)]
            times = []
            for oid in starts:
                t0 = time.perf_counter()
                store.read(PARTNERS_OF_PARTNERS, {"id": oid}, timeout_ms=60_000, max_rows=25)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            store.close()
        finally:
            server.stop()

    result = {
        "backend": "falkordb-embedded",
        "server_start_s": round(startup, 2),
        "entities": len(orgs) + len(projects),
        "entity_rows_per_s": round((len(orgs) + len(projects)) / ent_s),
        "entity_reupsert_rows_per_s": round((len(orgs) + len(projects)) / reent_s),
        "relations": len(rels),
        "relations_stored": stats["PARTNERS_WITH"] + stats["PARTICIPATES_IN"],
        "relation_rows_per_s": round(len(rels) / rel_s),
        "two_hop_queries": len(times),
        "two_hop_p50_ms": round(statistics.median(times), 1),
        "two_hop_p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "two_hop_max_ms": round(times[-1], 1),
        "batch_size": args.batch_size,
    }
    print(f"embedded FalkorDB started in {startup:.2f}s")
    print(f"entities   {result['entities']:>9,} in {ent_s:7.1f}s  {result['entity_rows_per_s']:>8,} rows/s"
          f"  (re-upsert {result['entity_reupsert_rows_per_s']:,} rows/s)")
    print(f"relations  {len(rels):>9,} in {rel_s:7.1f}s  {result['relation_rows_per_s']:>8,} rows/s")
    print(f"2-hop partners of partners over {len(times)} starts: p50 {result['two_hop_p50_ms']} ms, "
          f"p95 {result['two_hop_p95_ms']} ms, max {result['two_hop_max_ms']} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
