"""Writing a batch and reading it back, on every backend."""

from __future__ import annotations

import pytest
from graphs.every_type import ENTITIES, ORG, ORG2, PERSON, PROJECT, UNI, batch, relations

from graph.store._common import entity_from_row, search_text
from grappe.model import Entity, EntityType, GraphBatch, Relation, RelType
from grappe.text import fold


def test_every_entity_type_round_trips(store):
    stats = store.write(batch())
    assert (stats.documents, stats.entities, stats.mentions, stats.relations) == (1, 5, 5, 6)
    rows = store.run("read/entities_by_ids", ids=[e.id for e in ENTITIES] + ["missing"]).rows
    got = {r["id"]: entity_from_row(r) for r in rows}
    assert set(got) == {e.id for e in ENTITIES}
    for e in ENTITIES:
        back = got[e.id]
        assert (back.type, back.name, back.subtype, back.aliases) == (e.type, e.name, e.subtype, e.aliases)
    assert got[PROJECT.id].attributes == PROJECT.attributes
    one = store.run("read/entity_by_id", id=UNI.id).first()
    assert one["name"] == "Université de Nordville" and one["properties"]["search_text"] == "universite de nordville udn"


def test_labels_and_search_text(store):
    store.write(batch())
    for etype in EntityType:
        res = store.read(f"MATCH (e:Entity:{etype.value}) RETURN e.id AS id, labels(e) AS labels")
        assert len(res.rows) == sum(1 for e in ENTITIES if e.type == etype)
        assert set(res.rows[0]["labels"]) == {"Entity", etype.value}
    st = store.read("MATCH (e:Entity {id: $id}) RETURN e.search_text AS s", {"id": ORG.id}).scalar()
    assert st == search_text(ORG.name, ORG.aliases)
    # the shared fold (grappe.text) also drops French elisions
    assert fold("Nordlab – Institut nordvillois d'IA") == "nordlab institut nordvillois ia"
    assert "é" not in st and "'" not in st


def test_every_relation_type_round_trips_with_evidence(store):
    store.write(batch())
    rows = store.read(
        "MATCH (s:Entity)-[r]->(t:Entity) RETURN type(r) AS type, s.id AS source, t.id AS target, "
        "r.id AS id, r.doc_id AS doc_id, r.start AS start, r.end AS end, r.sentence AS sentence, "
        "r.role AS role ORDER BY type, source").rows
    expected = relations("doc-1")
    assert len(rows) == len(expected)
    by_id = {r["id"]: r for r in rows}
    for rel in expected:
        if rel.type == RelType.PARTNERS_WITH:  # stored once, smaller id first
            source, target = sorted([rel.source_id, rel.target_id])
            stored_id = Relation(rel.type, source, target, rel.evidence).id
        else:
            source, target, stored_id = rel.source_id, rel.target_id, rel.id
        row = by_id[stored_id]
        assert (row["type"], row["source"], row["target"]) == (rel.type.value, source, target)
        assert (row["doc_id"], row["start"], row["end"], row["sentence"]) == (
            rel.evidence.doc_id, rel.evidence.start, rel.evidence.end, rel.evidence.sentence)
        assert row["role"] == rel.role
    assert by_id[relations("doc-1")[4].id]["role"] == "professeur titulaire"


def test_partnership_written_both_ways_is_one_edge(store):
    b = batch()
    forward = [r for r in b.relations if r.type == RelType.PARTNERS_WITH][0]
    backward = Relation(RelType.PARTNERS_WITH, forward.target_id, forward.source_id, forward.evidence)
    store.write(GraphBatch(relations=[backward]))
    store.write(b)
    assert store.stats()["PARTNERS_WITH"] == 1
    row = store.read("MATCH (a)-[:PARTNERS_WITH]->(b) RETURN a.id AS a, b.id AS b").first()
    assert row == {"a": min(ORG.id, ORG2.id), "b": max(ORG.id, ORG2.id)}


def test_mentions_document_and_named_reads(store):
    store.write(batch())
    res = store.read(
        "MATCH (d:Document)-[:HAS_MENTION]->(m:Mention)-[:REFERS_TO]->(e:Entity) "
        "RETURN d.id AS doc, m.doc_id AS mdoc, m.start AS start, m.end AS end, m.text AS text, e.id AS entity "
        "ORDER BY start")
    assert [r["entity"] for r in res.rows] == [e.id for e in ENTITIES]
    assert all(r["doc"] == r["mdoc"] == "doc-1" for r in res.rows)
    assert store.run("read/document_ids").rows == [{"id": "doc-1"}]
    d = store.run("read/document_by_id", id="doc-1").first()
    assert d["title"] == "Rapport annuel" and d["kind"] == "annual_report" and d["language"] == "fr"
    assert d["ingested_at"]


def test_stats_counts(store):
    store.write(batch())
    s = store.stats()
    assert s["Entity"] == 5 and s["Organization"] == 2 and s["University"] == 1
    assert s["Person"] == 1 and s["Project"] == 1 and s["Document"] == 1 and s["Mention"] == 5
    assert s["PARTICIPATES_IN"] == 2 and s["LEADS"] == 1 and s["FUNDS"] == 1
    assert s["AFFILIATED_WITH"] == 1 and s["PARTNERS_WITH"] == 1
    assert s["HAS_MENTION"] == 5 and s["REFERS_TO"] == 5


def test_idempotent_upserts(store):
    b = batch()
    store.write(b)
    before = store.stats()
    snapshot = store.read("MATCH (n) RETURN n ORDER BY n.id", max_rows=1000).rows
    store.write(b)
    assert store.stats() == before
    assert store.read("MATCH (n) RETURN n ORDER BY n.id", max_rows=1000).rows == snapshot


def test_entity_update_and_mention_repointing(store):
    store.write(batch())
    renamed = Entity(ORG2.id, EntityType.ORGANIZATION, "ATC Inc.", "company", ["Acme"])
    store.write(GraphBatch(entities=[renamed]))
    row = store.run("read/entity_by_id", id=ORG2.id).first()
    assert row["name"] == "ATC Inc." and row["aliases"] == ["Acme"]
    # the mention of ORG2 now resolves to PERSON: one REFERS_TO, to the new entity
    m = [x for x in batch().mentions if x.entity_id == ORG2.id][0]
    from grappe.model import GraphMention
    store.write(GraphBatch(mentions=[GraphMention(m.id, PERSON.id, m.doc_id, m.start, m.end, m.text)]))
    refs = store.read("MATCH (m:Mention {id: $id})-[:REFERS_TO]->(e) RETURN e.id AS id", {"id": m.id}).rows
    assert refs == [{"id": PERSON.id}]


def test_upsert_rows_generic(store):
    n = store.upsert_rows("write/documents", (
        {"id": f"d{i}", "title": f"T{i}", "date": None, "language": "en", "format": "txt", "kind": None,
         "source": "s", "ingested_at": "2024-01-01T00:00:00+00:00"} for i in range(25)))
    assert n == 25 and store.stats()["Document"] == 25


def test_schema_is_idempotent_and_ids_are_unique(store, backend):
    store.create_schema()
    store.create_schema()
    store.write(batch())
    from grappe.errors import QueryError

    with pytest.raises(QueryError):
        # the same id under another type label: refused by the unique constraint on Entity.id
        store.write(GraphBatch(entities=[Entity(ORG.id, EntityType.PERSON, "Imposteur")]))
    assert store.stats()["Entity"] == 5
