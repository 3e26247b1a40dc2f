"""The analyst console: read-only enforced by the database, time limit, row cap, hostile input."""

from __future__ import annotations

import pytest
from graphs.every_type import batch

from grappe.errors import QueryError, QueryTimeout, ReadOnlyViolation

WRITES = [
    "CREATE (n:Entity {id: 'x'})",
    "MERGE (n:Entity {id: 'x'}) RETURN n",
    "MATCH (n:Entity) SET n.name = 'pwned'",
    "MATCH (n:Entity) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Entity) REMOVE n.name",
    "MATCH (n:Entity) REMOVE n:Entity",
    "CREATE INDEX FOR (n:Foo) ON (n.bar)",
    "UNWIND range(1, 3) AS i CREATE (:Spam {i: i})",
    "MATCH (a:Entity), (b:Entity) CREATE (a)-[:X]->(b)",
    "FOREACH (i IN [1] | CREATE (:Spam))",
]
#: index and constraint DDL differs by dialect: each backend gets its own
DDL = {
    "falkordb": ["DROP INDEX ON :Entity(id)", "DROP INDEX FOR (n:Entity) ON (n.id)"],
    "neo4j": ["DROP INDEX mention_doc_id", "DROP CONSTRAINT entity_id",
              "CREATE INDEX spam IF NOT EXISTS FOR (n:Spam) ON (n.x)"],
}
ALL_WRITES = [(None, q) for q in WRITES] + [(b, q) for b, qs in DDL.items() for q in qs]
WRITE_PROCEDURES = {
    "falkordb": ["CALL db.idx.fulltext.createNodeIndex('Spam', 'name')",
                 "CALL db.idx.fulltext.drop('Entity')"],
    "neo4j": ["CALL db.createLabel('Spam')", "CALL db.createRelationshipType('SPAM')"],
}


def _unchanged(store, before):
    assert store.stats() == before
    assert store.read("MATCH (n:Entity) WHERE n.name = 'pwned' RETURN count(n) AS n").scalar() == 0


@pytest.mark.parametrize("dialect, query", ALL_WRITES)
def test_read_rejects_writes(store, backend, dialect, query):
    if dialect not in (None, backend):
        pytest.skip(f"{dialect} syntax")
    store.write(batch())
    before = store.stats()
    with pytest.raises(ReadOnlyViolation) as info:
        store.read(query)
    assert "read-only" in str(info.value) or "not allowed" in str(info.value)
    _unchanged(store, before)


@pytest.mark.parametrize("dialect, query", ALL_WRITES)
def test_database_is_the_real_lock(store, backend, dialect, query):
    """Bypass the Python pre-check: the database itself refuses."""
    if dialect not in (None, backend):
        pytest.skip(f"{dialect} syntax")
    store.write(batch())
    before = store.stats()
    with pytest.raises(ReadOnlyViolation) as info:
        store._read_only(query, None, 5000, 100)
    assert info.value.backend == store.backend
    assert info.value.detail  # the database's own message
    _unchanged(store, before)


def test_write_procedures_rejected(store, backend):
    store.write(batch())
    before = store.stats()
    for query in WRITE_PROCEDURES[backend]:
        with pytest.raises(ReadOnlyViolation):
            store.read(query)
        with pytest.raises(ReadOnlyViolation):
            store._read_only(query, None, 5000, 100)
    _unchanged(store, before)
    indexes = store.read("CALL db.indexes()").rows if backend == "falkordb" else None
    if indexes is not None:
        assert not any("Spam" in str(row) for row in indexes)


def test_pre_check_allows_reads_that_look_like_writes(store):
    store.write(batch())
    res = store.read(
        "MATCH (e:Entity) WHERE e.name <> 'CREATE (x)' // DELETE n\n"
        "RETURN e.name AS name, {set: 1} AS m, 'MERGE' AS `create` ORDER BY name LIMIT 1")
    assert res.rows[0]["m"] == {"set": 1}
    rows = store.read("MATCH ()-[r]->() RETURN r.start AS start, r.end AS end LIMIT 1").rows
    assert set(rows[0]) == {"start", "end"}


def test_timeout_stops_a_runaway_query(store):
    store.write(batch())
    with pytest.raises(QueryTimeout) as info:
        store.read("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                   "WITH a, b WHERE a * b = -1 RETURN count(*) AS n", timeout_ms=300)
    assert "300 ms" in str(info.value)
    # the store is still usable afterwards
    assert store.read("RETURN 1 AS one").scalar() == 1


def test_row_cap_and_truncated_flag(store):
    res = store.read("UNWIND range(1, 50) AS i RETURN i", max_rows=10)
    assert res.truncated and len(res.rows) == 10 and res.rows[0] == {"i": 1}
    res = store.read("UNWIND range(1, 10) AS i RETURN i", max_rows=10)
    assert not res.truncated and len(res.rows) == 10
    assert res.columns == ["i"]


def test_query_errors_carry_the_database_message(store):
    with pytest.raises(QueryError) as info:
        store.read("MATCH (n RETURN n")
    assert not isinstance(info.value, (QueryTimeout, ReadOnlyViolation))
    assert info.value.detail and "console" in str(info.value)


HOSTILE = [
    "O'Brien \"the\" `tick`",
    "}) DETACH DELETE n //",
    "'}) MATCH (n) DETACH DELETE n RETURN 1 //",
    "\\' OR 1=1 --",
    "line\nbreak\ttab",
    "émoji 🚀 – ünïcödé",
    "$param {x} `a`b` \\\\ \\",
]


def test_hostile_strings_are_plain_data(store):
    from grappe.model import Entity, EntityType, GraphBatch

    store.write(batch())
    before = store.stats()
    entities = [Entity(f"hostile-{i}", EntityType.PERSON, s, None, [s + "x", "«" + s + "»"], {"note": s})
                for i, s in enumerate(HOSTILE)]
    store.write(GraphBatch(entities=entities))
    assert store.stats()["Entity"] == before["Entity"] + len(HOSTILE)
    for e in entities:
        row = store.run("read/entity_by_id", id=e.id).first()
        assert row["name"] == e.name and row["aliases"] == e.aliases and row["properties"]["note"] == e.name
        got = store.read("MATCH (e:Entity) WHERE e.name = $name RETURN e.id AS id", {"name": e.name})
        assert got.rows == [{"id": e.id}]
    assert store.delete_document(HOSTILE[1]) == 0
    assert store.stats()["Document"] == 1


def test_results_are_plain_python(store):
    from graph.store.base import GraphStore

    assert isinstance(store, GraphStore)
    store.write(batch())
    res = store.read(
        "MATCH p = (o:Organization)-[r:LEADS]->(x:Project) "
        "RETURN o, r, p, date('2024-03-01') AS d, localdatetime('2024-03-01T10:20:30') AS dt, "
        "{k: [1, 'a', null]} AS m")
    row = res.rows[0]
    assert res.columns == ["o", "r", "p", "d", "dt", "m"]
    o, r, p = row["o"], row["r"], row["p"]
    assert isinstance(o["_id"], str) and set(o["_labels"]) == {"Entity", "Organization"} and o["id"] == "org-nordlab"
    assert r["_type"] == "LEADS" and r["_start"] == o["_id"] and r["doc_id"] == "doc-1"
    assert isinstance(p, list) and len(p) == 3 and p[0]["_id"] == o["_id"] and p[1]["_type"] == "LEADS"
    assert row["d"] == "2024-03-01" and row["dt"].startswith("2024-03-01T10:20:30")
    assert row["m"] == {"k": [1, "a", None]}
    import json

    json.dumps(res.to_json())  # everything serialisable


def test_read_on_a_graph_nobody_wrote_to(make_store, backend):
    if backend != "falkordb":
        pytest.skip("FalkorDB creates graphs on first write")
    fresh = make_store(schema=False)
    assert fresh.read("RETURN 1 AS one").rows == [{"one": 1}]
    assert fresh.read("MATCH (n) RETURN count(n) AS n").scalar() == 0
    assert all(v == 0 for v in fresh.stats().values())
