"""Fixtures: a small handmade ecosystem, written through ``store.write`` (and as edge lists)."""

from __future__ import annotations

from grappe.model import Document, Entity, EntityType, Evidence, GraphBatch, Relation, RelType

ORG, UNI, PER, PRJ = EntityType.ORGANIZATION, EntityType.UNIVERSITY, EntityType.PERSON, EntityType.PROJECT

ENTITIES = [
    Entity("S", ORG, "Acme AI", "startup"),
    Entity("U1", UNI, "Université Alpha"),
    Entity("C1", ORG, "BigCo Retail", "company"),
    Entity("C2", ORG, "LogiTrans", "company"),
    Entity("R1", ORG, "Institut Beta", "research_institute"),
    Entity("S2", ORG, "Delta Robotics", "startup"),
    Entity("U2", UNI, "Université Gamma"),
    Entity("H", ORG, "Hôpital Epsilon", "hospital"),
    Entity("X", ORG, "Isolated Inc", "sme"),
    Entity("M", PER, "Marie Curie"),
    Entity("P1", PRJ, "Supply chain demand forecasting"),
    Entity("P2", PRJ, "Supply chain routing optimization"),
    Entity("P3", PRJ, "Warehouse robotics for supply chain"),
    Entity("P4", PRJ, "Hospital imaging triage"),
]

#: (actor, project, relation type)
PARTICIPATIONS = [
    ("S", "P1", RelType.LEADS), ("U1", "P1", RelType.PARTICIPATES_IN), ("C1", "P1", RelType.PARTICIPATES_IN),
    ("C1", "P2", RelType.PARTICIPATES_IN), ("R1", "P2", RelType.LEADS), ("C2", "P2", RelType.PARTICIPATES_IN),
    ("U1", "P3", RelType.PARTICIPATES_IN), ("U2", "P3", RelType.PARTICIPATES_IN),
    ("S2", "P3", RelType.LEADS),
    ("U2", "P4", RelType.PARTICIPATES_IN), ("H", "P4", RelType.LEADS),
]
PARTNERSHIP_SENTENCE = "Acme AI and LogiTrans signed a partnership."

DOC = Document(id="doc1", source="fixture.txt", format="txt", text="x" * 500, title="Fixture")


def batch() -> GraphBatch:
    rels = []
    for i, (a, p, t) in enumerate(PARTICIPATIONS):
        rels.append(Relation(t, a, p, Evidence("doc1", i * 10, i * 10 + 5, f"{a} works on {p}.")))
        # the same fact twice (another span): one edge per evidence, DISTINCT must dedupe
        if i == 0:
            rels.append(Relation(t, a, p, Evidence("doc1", 400, 405, f"{a} again on {p}.")))
    rels.append(Relation(RelType.PARTNERS_WITH, "S", "C2", Evidence("doc1", 200, 240, PARTNERSHIP_SENTENCE)))
    rels.append(Relation(RelType.AFFILIATED_WITH, "M", "U2", Evidence("doc1", 300, 320, "Marie, U2."),
                         role="professor"))
    rels.append(Relation(RelType.FUNDS, "X", "P1", Evidence("doc1", 330, 340, "X funds P1.")))
    return GraphBatch(documents=[DOC], entities=list(ENTITIES), relations=rels)


def edge_lists():
    from graph.analytics.projection import EdgeLists

    return EdgeLists(
        entities=[{"id": e.id, "name": e.name, "type": e.type.value, "subtype": e.subtype} for e in ENTITIES],
        participations=[(a, p) for a, p, _ in PARTICIPATIONS],
        partnerships=[("S", "C2")], affiliations=[("M", "U2")],
        project_text={e.id: e.name for e in ENTITIES if e.type == PRJ},
    )


import pytest  # noqa: E402


@pytest.fixture
def edges():
    return edge_lists()


@pytest.fixture
def fixture_batch():
    return batch()
