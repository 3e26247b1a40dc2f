"""delete_document removes one document's facts and keeps everyone else's."""

from __future__ import annotations

from graphs.every_type import ENTITIES, ORG, PERSON, batch, doc, mention, relations

from grappe.model import Entity, EntityType, GraphBatch


def test_delete_document_keeps_other_documents_facts(store):
    store.write(batch("doc-1"))
    # doc-2 states the same facts (its own evidence) and mentions one extra entity
    only2 = Entity("org-only2", EntityType.ORGANIZATION, "Seulement Deux", "startup")
    b2 = batch("doc-2", ENTITIES + [only2])
    store.write(b2)
    # doc-3 mentions an entity nobody else mentions
    only3 = Entity("org-only3", EntityType.ORGANIZATION, "Seulement Trois", "sme")
    store.write(GraphBatch([doc("doc-3")], [only3, PERSON],
                           [mention(only3.id, "doc-3", 0, "Seul"), mention(PERSON.id, "doc-3", 10, "Boréal")]))
    before = store.stats()
    assert before["PARTICIPATES_IN"] == 4 and before["Document"] == 3

    deleted = store.delete_document("doc-2")
    assert deleted > 0
    after = store.stats()
    assert after["Document"] == 2
    assert after["Entity"] == before["Entity"] - 1  # only org-only2 was left with no mention
    assert store.run("read/entity_by_id", id="org-only2").first() is None
    assert store.run("read/entity_by_id", id="org-only3").first() is not None
    for rtype in ("PARTICIPATES_IN", "LEADS", "FUNDS", "AFFILIATED_WITH", "PARTNERS_WITH"):
        assert after[rtype] == before[rtype] // 2 if rtype != "PARTICIPATES_IN" else after[rtype] == 2
    left = store.read("MATCH ()-[r]->() WHERE r.doc_id IS NOT NULL RETURN DISTINCT r.doc_id AS d").rows
    assert left == [{"d": "doc-1"}]
    assert store.read("MATCH (m:Mention {doc_id: 'doc-2'}) RETURN count(m) AS n").scalar() == 0
    assert store.run("read/document_ids").rows == [{"id": "doc-1"}, {"id": "doc-3"}]
    # doc-1's evidence is intact
    rows = store.read("MATCH ()-[r {doc_id: 'doc-1'}]->() RETURN r.sentence AS s").rows
    assert len(rows) == len(relations("doc-1"))

    # deleting the last document that mentions ORG removes it with its relationships
    store.delete_document("doc-1")
    assert store.run("read/entity_by_id", id=ORG.id).first() is None
    assert store.stats()["PARTICIPATES_IN"] == 0
    assert store.run("read/entity_by_id", id=PERSON.id).first() is not None  # doc-3 still mentions it


def test_delete_unknown_document_is_a_no_op(store):
    store.write(batch("doc-1"))
    before = store.stats()
    assert store.delete_document("nope") == 0
    assert store.stats() == before


def test_clear(store):
    store.write(batch("doc-1"))
    store.clear()
    assert all(v == 0 for v in store.stats().values())
    store.write(batch("doc-1"))  # still usable, schema in place
    assert store.stats()["Entity"] == 5
