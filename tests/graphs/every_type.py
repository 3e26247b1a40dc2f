"""A small hand-made batch covering every entity type and relation type (the store contract)."""

from __future__ import annotations

from graphs.builder import GraphBuilder
from grappe.model import Document, Entity, EntityType, GraphBatch, GraphMention, Relation, RelType

ORG = Entity("org-nordlab", EntityType.ORGANIZATION, "Nordlab – Institut nordvillois d'IA", "research_institute",
             ["Nordlab", "Nordville AI Institute"])
ORG2 = Entity("org-acme", EntityType.ORGANIZATION, "Acme Télécom", "company", ["ATC"])
UNI = Entity("uni-nordville", EntityType.UNIVERSITY, "Université de Nordville", None, ["UdN"])
PERSON = Entity("per-ab", EntityType.PERSON, "Anne Boréal", None, [])
PROJECT = Entity("prj-ai", EntityType.PROJECT, "Projet IA santé", None, ["AI Health"],
                 {"status": "active", "scale_ai_investment_cad": 1250000.0, "total_investment_cad": 4000000})
ENTITIES = [ORG, ORG2, UNI, PERSON, PROJECT]


def doc(doc_id: str, title: str = "Rapport annuel") -> Document:
    return GraphBuilder().document(doc_id, f"samples/{doc_id}.txt", "txt", text="x" * 500, title=title,
                                   date="2024-03-01", language="fr", kind="annual_report")


def mention(entity_id: str, doc_id: str, start: int, text: str) -> GraphMention:
    return GraphBuilder().mention(entity_id, doc_id, start, text)


def _relate(b: GraphBuilder, doc_id: str, offset: int) -> None:
    def rel(type_: RelType, source: Entity, target: Entity, start: int, role: str | None = None) -> None:
        b.relate(type_, source.id, target.id, doc_id, f"Phrase {start} du document {doc_id}.", role,
                 start=start + offset)

    rel(RelType.PARTICIPATES_IN, ORG, PROJECT, 0)
    rel(RelType.PARTICIPATES_IN, UNI, PROJECT, 30)
    rel(RelType.LEADS, ORG, PROJECT, 60)
    rel(RelType.FUNDS, ORG2, PROJECT, 90)
    rel(RelType.AFFILIATED_WITH, PERSON, UNI, 120, role="professeur titulaire")
    # given with the larger id first: stored once, smaller id as source
    rel(RelType.PARTNERS_WITH, ORG, ORG2, 150)


def relations(doc_id: str, offset: int = 0) -> list[Relation]:
    b = GraphBuilder()
    _relate(b, doc_id, offset)
    return b.relations


def batch(doc_id: str = "doc-1", entities: list[Entity] | None = None) -> GraphBatch:
    b = GraphBuilder()
    b.documents.append(doc(doc_id))
    b.entities.extend(ENTITIES if entities is None else entities)
    for i, e in enumerate(b.entities):
        b.mention(e.id, doc_id, 200 + 10 * i, e.name[:8])
    _relate(b, doc_id, 0)
    return b.batch()
