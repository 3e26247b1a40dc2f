"""Both backends hold the same graph after the same writes (runs when NEO4J_URI is set)."""

from __future__ import annotations

import os

import pytest
from graphs.every_type import batch

from graph.store import open_store

from .conftest import neo4j_settings

pytestmark = pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                                reason="NEO4J_URI is not set: differential check skipped")

READS = [
    ("read/document_ids", {}),
    ("read/entities_by_ids", {"ids": ["org-nordlab", "org-acme", "uni-nordville", "per-ab", "prj-ai"]}),
    ("read/document_by_id", {"id": "doc-2"}),
]


def _comparable(rows):
    out = []
    for row in rows:
        row = dict(row)
        row.pop("ingested_at", None)  # a timestamp of each write
        out.append(row)
    return sorted(out, key=repr)


def test_same_batches_same_graph(make_store, settings):
    falkor = make_store()
    neo = open_store(neo4j_settings(settings))
    try:
        neo.clear()
        neo.create_schema()
        for store in (falkor, neo):
            store.write(batch("doc-1"))
            store.write(batch("doc-2"))
            store.delete_document("doc-1")
        assert falkor.stats() == neo.stats()
        for name, params in READS:
            assert _comparable(falkor.run(name, **params).rows) == _comparable(neo.run(name, **params).rows), name
        q = ("MATCH (s:Entity)-[r]->(t:Entity) RETURN type(r) AS type, s.id AS s, t.id AS t, r.sentence AS sentence "
             "ORDER BY type, s, t, sentence")
        assert falkor.read(q).rows == neo.read(q).rows
    finally:
        neo.clear()
        neo.close()
