"""200,000 rows in one call are split into batches of settings.batch_size."""

from __future__ import annotations

import time

from grappe.model import Document, Entity, EntityType, Evidence, GraphBatch, Relation, RelType


def test_200k_entities_in_one_write(store):
    n = 200_000
    entities = [Entity(f"NK-{i:06d}", EntityType.ORGANIZATION, f"Organisation numéro {i}", "company")
                for i in range(n)]
    t0 = time.perf_counter()
    stats = store.write(GraphBatch(entities=entities))
    elapsed = time.perf_counter() - t0
    assert stats.entities == n
    counts = store.stats()
    assert counts["Entity"] == n and counts["Organization"] == n
    assert store.run("read/entity_by_id", id="NK-199999").first()["name"] == "Organisation numéro 199999"
    print(f"\n{n} entities in {elapsed:.1f}s ({n / elapsed:,.0f} rows/s, batch {store.batch_size})")


def test_upsert_rows_splits_into_batches(make_store):
    store = make_store(batch_size=1000)
    rows = ({"id": f"d{i}", "title": "", "date": None, "language": "fr", "format": "txt", "kind": None,
             "source": "s", "ingested_at": "2024-01-01"} for i in range(200_000))
    assert store.upsert_rows("write/documents", rows) == 200_000
    assert store.stats()["Document"] == 200_000


def test_many_relations_in_one_write(make_store):
    store = make_store(batch_size=5000)
    ents = [Entity(f"o{i:05d}", EntityType.ORGANIZATION, f"O {i}") for i in range(2000)]
    rels = [Relation(RelType.PARTNERS_WITH, ents[i % 2000].id, ents[(i * 7 + 1) % 2000].id,
                     Evidence("d", i, i + 1, "s")) for i in range(30_000)]
    store.write(GraphBatch(documents=[Document("d", "s", "txt", "t")], entities=ents, relations=rels))
    from graph.store._common import relation_row

    assert store.stats()["PARTNERS_WITH"] == len({relation_row(r)["id"] for r in rels})
