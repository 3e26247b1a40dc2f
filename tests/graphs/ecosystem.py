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

from graph.store.base import GraphStore
from graphs import builder
from graphs.builder import ORG, PER, PRJ, UNI
from grappe.model import GraphBatch, RelType

_b = builder.GraphBuilder()

_b.entity("acme", ORG, "Acme Robotique", "startup", ["Acme Robotics"])
_b.entity("gci", ORG, "Grande Chaîne Inc.", "company", ["GCI"])
_b.entity("logiq", ORG, "LogiQ", "sme", ["Logistique Québec"])
_b.entity("solo", ORG, "Solo Data", "startup", [])
_b.entity("scale", ORG, "Scale AI", "cluster", ["Supergrappe Scale AI", "SCALE AI"])
_b.entity("invq", ORG, "Investissement Québec", "investor", ["IQ"])
_b.entity("mila", ORG, "Mila", "research_institute", ["Institut québécois d'intelligence artificielle"])
_b.entity("amii", ORG, "Amii", "research_institute", ["Alberta Machine Intelligence Institute"])
_b.entity("orphan", ORG, "Orphelin Inc.", "sme", [])
_b.entity("udem", UNI, "Université de Montréal", None, ["UdeM", "University of Montreal"])
_b.entity("mcgill", UNI, "McGill University", None, ["Université McGill"])
_b.entity("alice", PER, "Alice Tremblay")
_b.entity("bob", PER, "Bob Martin")
_b.entity("alpha", PRJ, "Projet Alpha", None, ["Alpha"],
    {"status": "active", "scale_ai_investment_cad": 2_000_000, "total_investment_cad": 5_000_000})
_b.entity("beta", PRJ, "Projet Beta", None, [],
    {"status": "completed", "scale_ai_investment_cad": 1_000_000, "total_investment_cad": 1_500_000})
_b.entity("gamma", PRJ, "Projet Gamma", None, [],
    {"status": "active", "scale_ai_investment_cad": 500_000, "total_investment_cad": 3_000_000})
_b.entity("delta", PRJ, "Projet Delta", None, [], {"status": "announced"})

NAMES = {e.id: e.name for e in _b.entities}

_b.document("d1", "reports/rapport-2023.pdf", "pdf", title="Rapport annuel 2023", date="2023-06",
            kind="annual_report")
_b.document("d2", "news/communique.html", "html", title="Communiqué Acme", date="2024-01", language="fr",
            kind="press_release")
_b.document("d3", "news/beta.html", "html", title="Beta en bref", date="2024-03", language="en",
            kind="news_article")

P, L, F, A, W = (RelType.PARTICIPATES_IN, RelType.LEADS, RelType.FUNDS, RelType.AFFILIATED_WITH,
                 RelType.PARTNERS_WITH)

_b.relate(L, "acme", "alpha", "d1", "Acme Robotique dirige le Projet Alpha.")
_b.relate(P, "acme", "alpha", "d1", "Acme Robotique participe au Projet Alpha.")
_b.relate(P, "acme", "alpha", "d2", "Acme Robotique, au coeur du Projet Alpha.")
_b.relate(P, "gci", "alpha", "d1", "Grande Chaîne participe au Projet Alpha.")
_b.relate(P, "udem", "alpha", "d1", "L'Université de Montréal participe au Projet Alpha.")
_b.relate(P, "alice", "alpha", "d2", "Alice Tremblay travaille sur le Projet Alpha.")
_b.relate(F, "scale", "alpha", "d1", "Scale AI finance le Projet Alpha.")
_b.relate(F, "invq", "alpha", "d1", "Investissement Québec finance aussi le Projet Alpha.")
_b.relate(L, "gci", "beta", "d3", "Grande Chaîne leads Projet Beta.")
_b.relate(P, "gci", "beta", "d3", "Grande Chaîne takes part in Projet Beta.")
_b.relate(P, "logiq", "beta", "d3", "LogiQ takes part in Projet Beta.")
_b.relate(P, "mcgill", "beta", "d3", "McGill University takes part in Projet Beta.")
_b.relate(F, "scale", "beta", "d3", "Scale AI funds Projet Beta.")
_b.relate(L, "logiq", "gamma", "d1", "LogiQ dirige le Projet Gamma.")
_b.relate(P, "logiq", "gamma", "d1", "LogiQ participe au Projet Gamma.")
_b.relate(P, "solo", "gamma", "d1", "Solo Data participe au Projet Gamma.")
_b.relate(P, "gci", "gamma", "d1", "Grande Chaîne participe au Projet Gamma.")
_b.relate(F, "scale", "gamma", "d1", "Scale AI finance le Projet Gamma.")
_b.relate(L, "mila", "delta", "d2", "Mila dirige le Projet Delta.")
_b.relate(P, "mila", "delta", "d2", "Mila participe au Projet Delta.")
_b.relate(P, "udem", "delta", "d2", "L'UdeM participe au Projet Delta.")
_b.relate(W, "acme", "udem", "d1", "Acme Robotique et l'Université de Montréal sont partenaires.")
_b.relate(W, "udem", "acme", "d2", "L'UdeM s'associe à Acme Robotique.")
_b.relate(W, "gci", "logiq", "d3", "Grande Chaîne partners with LogiQ.")
_b.relate(A, "alice", "udem", "d1", "Alice Tremblay, professeure à l'Université de Montréal.", "professeure")
_b.relate(A, "alice", "acme", "d2", "Alice Tremblay, conseillère scientifique chez Acme.",
          "conseillère scientifique")
_b.relate(A, "bob", "gci", "d1", "Bob Martin, CEO de Grande Chaîne.", "CEO")
_b.relate(A, "bob", "gci", "d1", "Bob Martin (CEO, Grande Chaîne).", "CEO")
_b.relate(A, "bob", "gci", "d3", "Bob Martin, CEO of Grande Chaîne.", "CEO")

#: (entity id, document id, how many mentions)
MENTION_COUNTS = [
    ("acme", "d1", 3), ("acme", "d2", 3), ("gci", "d1", 2), ("gci", "d3", 3), ("logiq", "d1", 2),
    ("logiq", "d3", 1), ("solo", "d1", 1), ("scale", "d1", 2), ("scale", "d3", 1), ("invq", "d1", 1),
    ("mila", "d2", 2), ("amii", "d2", 1), ("orphan", "d3", 1), ("udem", "d1", 2), ("udem", "d2", 2),
    ("mcgill", "d3", 1), ("alice", "d1", 1), ("alice", "d2", 1), ("bob", "d1", 2), ("bob", "d3", 1),
    ("alpha", "d1", 2), ("alpha", "d2", 1), ("beta", "d3", 2), ("gamma", "d1", 1), ("delta", "d2", 1),
]


_offset: dict[str, int] = {}
for _entity, _doc, _n in MENTION_COUNTS:
    for _ in range(_n):
        _b.mention(_entity, _doc, 10_000 + _offset.get(_doc, 0), NAMES[_entity])
        _offset[_doc] = _offset.get(_doc, 0) + 50

ENTITIES = _b.entities
DOCUMENTS = _b.documents
RELATIONS = _b.relations


def batch() -> GraphBatch:
    return _b.batch()


def load(store: GraphStore) -> None:
    """Write the ecosystem into ``store`` and wait for its indexes."""
    builder.load(store, batch())
