"""A small hand-made batch covering every entity type and relation type."""

from __future__ import annotations

from grappe.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    GraphBatch,
    GraphMention,
    Mention,
    Relation,
    RelType,
)


def doc(doc_id: str, title: str = "Rapport annuel") -> Document:
    return Document(id=doc_id, source=f"samples/{doc_id}.txt", format="txt", text="x" * 500, title=title,
                    date="2024-03-01", language="fr", kind="annual_report")


def mention(entity_id: str, doc_id: str, start: int, text: str) -> GraphMention:
    return GraphMention(Mention(doc_id, start, start + len(text), text).id, entity_id, doc_id,
                        start, start + len(text), text)


ORG = Entity("org-mila", EntityType.ORGANIZATION, "Mila – Institut québécois d'IA", "research_institute",
             ["Mila", "Quebec AI Institute"])
ORG2 = Entity("org-bell", EntityType.ORGANIZATION, "Bell Canada", "company", ["BCE"])
UNI = Entity("uni-udem", EntityType.UNIVERSITY, "Université de Montréal", None, ["UdeM"])
PERSON = Entity("per-yb", EntityType.PERSON, "Yoshua Bengio", None, [])
PROJECT = Entity("prj-ai", EntityType.PROJECT, "Projet IA santé", None, ["AI Health"],
                 {"status": "active", "scale_ai_investment_cad": 1250000.0, "total_investment_cad": 4000000})
ENTITIES = [ORG, ORG2, UNI, PERSON, PROJECT]


def relations(doc_id: str, offset: int = 0) -> list[Relation]:
    def ev(start: int) -> Evidence:
        return Evidence(doc_id, start + offset, start + offset + 20, f"Phrase {start} du document {doc_id}.")

    return [
        Relation(RelType.PARTICIPATES_IN, ORG.id, PROJECT.id, ev(0)),
        Relation(RelType.PARTICIPATES_IN, UNI.id, PROJECT.id, ev(30)),
        Relation(RelType.LEADS, ORG.id, PROJECT.id, ev(60)),
        Relation(RelType.FUNDS, ORG2.id, PROJECT.id, ev(90)),
        Relation(RelType.AFFILIATED_WITH, PERSON.id, UNI.id, ev(120), role="professeur titulaire"),
        # given with the larger id first: stored once, smaller id as source
        Relation(RelType.PARTNERS_WITH, ORG.id, ORG2.id, ev(150)),
    ]


def batch(doc_id: str = "doc-1", entities: list[Entity] | None = None) -> GraphBatch:
    ents = ENTITIES if entities is None else entities
    mentions = [mention(e.id, doc_id, 200 + 10 * i, e.name[:8]) for i, e in enumerate(ents)]
    return GraphBatch([doc(doc_id)], list(ents), mentions, relations(doc_id))
