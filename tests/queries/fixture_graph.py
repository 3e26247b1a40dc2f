"""A small hand-made ecosystem graph for the saved-query, search and export tests.

Projects and who takes part (L = leads, F = funds, P = participates)::

    Projet Alpha  (active,    Scale AI 2.0 M, total 5.0 M): Acme L+P, Grande Chaîne P, UdeM P,
                                                           Alice P, Scale AI F, Investissement Québec F
    Projet Beta   (completed, Scale AI 1.0 M, total 1.5 M): Grande Chaîne L+P, LogiQ P, McGill P, Scale AI F
    Projet Gamma  (active,    Scale AI 0.5 M, total 3.0 M): LogiQ L+P, Solo Data P, Grande Chaîne P, Scale AI F
    Projet Delta  (announced, no amounts):                 Mila L+P, UdeM P

Explicit partnerships: Acme–UdeM (stated in two documents), Grande Chaîne–LogiQ.
Affiliations: Alice → UdeM (professeure), Alice → Acme (conseillère scientifique),
Bob → Grande Chaîne (CEO, stated twice in one document and once in another).
Amii and Orphelin Inc. have no relationship at all.
"""

from __future__ import annotations

import time

from grappe.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    GraphBatch,
    GraphMention,
    Relation,
    RelType,
    make_id,
)

ORG, UNI, PER, PRJ = EntityType.ORGANIZATION, EntityType.UNIVERSITY, EntityType.PERSON, EntityType.PROJECT

ENTITIES = [
    Entity("acme", ORG, "Acme Robotique", "startup", ["Acme Robotics"]),
    Entity("gci", ORG, "Grande Chaîne Inc.", "company", ["GCI"]),
    Entity("logiq", ORG, "LogiQ", "sme", ["Logistique Québec"]),
    Entity("solo", ORG, "Solo Data", "startup", []),
    Entity("scale", ORG, "Scale AI", "cluster", ["Supergrappe Scale AI", "SCALE AI"]),
    Entity("invq", ORG, "Investissement Québec", "investor", ["IQ"]),
    Entity("mila", ORG, "Mila", "research_institute", ["Institut québécois d'intelligence artificielle"]),
    Entity("amii", ORG, "Amii", "research_institute", ["Alberta Machine Intelligence Institute"]),
    Entity("orphan", ORG, "Orphelin Inc.", "sme", []),
    Entity("udem", UNI, "Université de Montréal", None, ["UdeM", "University of Montreal"]),
    Entity("mcgill", UNI, "McGill University", None, ["Université McGill"]),
    Entity("alice", PER, "Alice Tremblay"),
    Entity("bob", PER, "Bob Martin"),
    Entity("alpha", PRJ, "Projet Alpha", None, ["Alpha"],
           {"status": "active", "scale_ai_investment_cad": 2_000_000, "total_investment_cad": 5_000_000}),
    Entity("beta", PRJ, "Projet Beta", None, [],
           {"status": "completed", "scale_ai_investment_cad": 1_000_000, "total_investment_cad": 1_500_000}),
    Entity("gamma", PRJ, "Projet Gamma", None, [],
           {"status": "active", "scale_ai_investment_cad": 500_000, "total_investment_cad": 3_000_000}),
    Entity("delta", PRJ, "Projet Delta", None, [], {"status": "announced"}),
]

NAMES = {e.id: e.name for e in ENTITIES}

DOCUMENTS = [
    Document("d1", "reports/rapport-2023.pdf", "pdf", "", title="Rapport annuel 2023", date="2023-06",
             kind="annual_report"),
    Document("d2", "news/communique.html", "html", "", title="Communiqué Acme", date="2024-01",
             language="fr", kind="press_release"),
    Document("d3", "news/beta.html", "html", "", title="Beta en bref", date="2024-03", language="en",
             kind="news_article"),
]

_spans: dict[str, int] = {}


def _ev(doc: str, sentence: str) -> Evidence:
    start = _spans.get(doc, 0)
    _spans[doc] = start + len(sentence) + 1
    return Evidence(doc, start, start + len(sentence), sentence)


def _rel(t: RelType, s: str, o: str, doc: str, sentence: str, role: str | None = None) -> Relation:
    return Relation(t, s, o, _ev(doc, sentence), role)


P, L, F, A, W = (RelType.PARTICIPATES_IN, RelType.LEADS, RelType.FUNDS, RelType.AFFILIATED_WITH,
                 RelType.PARTNERS_WITH)

RELATIONS = [
    _rel(L, "acme", "alpha", "d1", "Acme Robotique dirige le Projet Alpha."),
    _rel(P, "acme", "alpha", "d1", "Acme Robotique participe au Projet Alpha."),
    _rel(P, "acme", "alpha", "d2", "Acme Robotique, au coeur du Projet Alpha."),
    _rel(P, "gci", "alpha", "d1", "Grande Chaîne participe au Projet Alpha."),
    _rel(P, "udem", "alpha", "d1", "L'Université de Montréal participe au Projet Alpha."),
    _rel(P, "alice", "alpha", "d2", "Alice Tremblay travaille sur le Projet Alpha."),
    _rel(F, "scale", "alpha", "d1", "Scale AI finance le Projet Alpha."),
    _rel(F, "invq", "alpha", "d1", "Investissement Québec finance aussi le Projet Alpha."),
    _rel(L, "gci", "beta", "d3", "Grande Chaîne leads Projet Beta."),
    _rel(P, "gci", "beta", "d3", "Grande Chaîne takes part in Projet Beta."),
    _rel(P, "logiq", "beta", "d3", "LogiQ takes part in Projet Beta."),
    _rel(P, "mcgill", "beta", "d3", "McGill University takes part in Projet Beta."),
    _rel(F, "scale", "beta", "d3", "Scale AI funds Projet Beta."),
    _rel(L, "logiq", "gamma", "d1", "LogiQ dirige le Projet Gamma."),
    _rel(P, "logiq", "gamma", "d1", "LogiQ participe au Projet Gamma."),
    _rel(P, "solo", "gamma", "d1", "Solo Data participe au Projet Gamma."),
    _rel(P, "gci", "gamma", "d1", "Grande Chaîne participe au Projet Gamma."),
    _rel(F, "scale", "gamma", "d1", "Scale AI finance le Projet Gamma."),
    _rel(L, "mila", "delta", "d2", "Mila dirige le Projet Delta."),
    _rel(P, "mila", "delta", "d2", "Mila participe au Projet Delta."),
    _rel(P, "udem", "delta", "d2", "L'UdeM participe au Projet Delta."),
    _rel(W, "acme", "udem", "d1", "Acme Robotique et l'Université de Montréal sont partenaires."),
    _rel(W, "udem", "acme", "d2", "L'UdeM s'associe à Acme Robotique."),
    _rel(W, "gci", "logiq", "d3", "Grande Chaîne partners with LogiQ."),
    _rel(A, "alice", "udem", "d1", "Alice Tremblay, professeure à l'Université de Montréal.", "professeure"),
    _rel(A, "alice", "acme", "d2", "Alice Tremblay, conseillère scientifique chez Acme.",
         "conseillère scientifique"),
    _rel(A, "bob", "gci", "d1", "Bob Martin, CEO de Grande Chaîne.", "CEO"),
    _rel(A, "bob", "gci", "d1", "Bob Martin (CEO, Grande Chaîne).", "CEO"),
    _rel(A, "bob", "gci", "d3", "Bob Martin, CEO of Grande Chaîne.", "CEO"),
]

#: (entity id, document id, how many mentions)
MENTION_COUNTS = [
    ("acme", "d1", 3), ("acme", "d2", 3), ("gci", "d1", 2), ("gci", "d3", 3), ("logiq", "d1", 2),
    ("logiq", "d3", 1), ("solo", "d1", 1), ("scale", "d1", 2), ("scale", "d3", 1), ("invq", "d1", 1),
    ("mila", "d2", 2), ("amii", "d2", 1), ("orphan", "d3", 1), ("udem", "d1", 2), ("udem", "d2", 2),
    ("mcgill", "d3", 1), ("alice", "d1", 1), ("alice", "d2", 1), ("bob", "d1", 2), ("bob", "d3", 1),
    ("alpha", "d1", 2), ("alpha", "d2", 1), ("beta", "d3", 2), ("gamma", "d1", 1), ("delta", "d2", 1),
]


def mentions() -> list[GraphMention]:
    out = []
    offset: dict[str, int] = {}
    for entity_id, doc_id, n in MENTION_COUNTS:
        for _ in range(n):
            start = 10_000 + offset.get(doc_id, 0)
            offset[doc_id] = offset.get(doc_id, 0) + 50
            text = NAMES[entity_id]
            out.append(GraphMention(make_id("m", doc_id, start, start + len(text)), entity_id, doc_id,
                                    start, start + len(text), text))
    return out


def batch() -> GraphBatch:
    return GraphBatch(documents=list(DOCUMENTS), entities=list(ENTITIES), mentions=mentions(),
                      relations=list(RELATIONS))


def ready(store, timeout: float = 10.0) -> None:  # any GraphStore
    """Wait until the store's indexes are built. FalkorDB builds an index in the background
    (status "UNDER CONSTRUCTION"), and a full-text query meanwhile finds nothing."""
    if getattr(store, "backend", "") != "falkordb":
        return
    deadline = time.monotonic() + timeout
    while True:
        statuses = [r.get("status") for r in store.read("CALL db.indexes() YIELD status RETURN status").rows]
        if all(s == "OPERATIONAL" for s in statuses) or time.monotonic() > deadline:
            return
        time.sleep(0.02)


def load(store) -> None:  # any GraphStore
    """Write the fixture graph into ``store`` and wait for its indexes."""
    store.write(batch())
    ready(store)
