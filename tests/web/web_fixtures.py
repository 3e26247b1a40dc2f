"""A small hand-made graph for the web tests: a few Quebec AI ecosystem actors
(French and English names, accents, acronyms), two projects, people with roles,
partnerships with evidence sentences, a hub with 35 partners (for the network
drawing), and one hostile entity whose name and alias are HTML."""

from __future__ import annotations

import re
from typing import Any

from grappe.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    GraphBatch,
    GraphMention,
    Relation,
    RelType,
)

ORG, UNI, PERSON, PROJECT = EntityType.ORGANIZATION, EntityType.UNIVERSITY, EntityType.PERSON, EntityType.PROJECT

HOSTILE_NAME = '<script>alert("pwned")</script> Labs'
HOSTILE_ALIAS = "<img src=x onerror=alert(1)>"

UDEM = "NK-udem"
MILA = "NK-mila"
IVADO = "NK-ivado"
SCALE = "NK-scaleai"
BOREALE = "NK-boreale"
OPTIMUS = "NK-optimus"
POLY = "NK-poly"
HOSTILE = "NK-hostile"
MARIE = "NK-marie"
JEAN = "NK-jean"
PROJ_DEMAND = "NK-proj-demande"
PROJ_WAREHOUSE = "NK-proj-entrepot"

DOC_FR = "doc-fr-2023"
DOC_EN = "doc-en-2024"
DOC_HOSTILE = "doc-hostile"

ENTITIES = [
    Entity(UDEM, UNI, "Université de Montréal", None, ["UdeM", "University of Montreal"]),
    Entity(MILA, ORG, "Mila - Institut québécois d'intelligence artificielle", "research_institute",
           ["Mila", "Quebec AI Institute"]),
    Entity(IVADO, ORG, "IVADO", "research_institute", ["Institut de valorisation des données"]),
    Entity(SCALE, ORG, "Scale AI", "cluster", ["SCALE AI", "Supergrappe des chaînes d'approvisionnement"]),
    Entity(BOREALE, ORG, "Logistique Boréale", "company", ["Boreal Logistics"]),
    Entity(OPTIMUS, ORG, "Optimus Chaîne", "startup", ["Optimus Chain"]),
    Entity(POLY, UNI, "Polytechnique Montréal", None, ["Polytechnique", "Poly"]),
    Entity(HOSTILE, ORG, HOSTILE_NAME, "startup", [HOSTILE_ALIAS]),
    Entity(MARIE, PERSON, "Marie Tremblay", None, []),
    Entity(JEAN, PERSON, "Jean Dupuis", None, []),
    Entity(PROJ_DEMAND, PROJECT, "Prévision de la demande", None, ["Demand forecasting"],
           {"status": "active", "scale_ai_investment_cad": 1_500_000, "total_investment_cad": 4_200_000}),
    Entity(PROJ_WAREHOUSE, PROJECT, "Entrepôt intelligent", None, ["Smart warehouse"],
           {"status": "completed", "scale_ai_investment_cad": 800_000}),
]

DOCUMENTS = [
    Document(DOC_FR, "samples/communique-2023.txt", "txt", "", "Communiqué : Logistique Boréale et l'UdeM",
             "2023-05-10", "fr", "press_release"),
    Document(DOC_EN, "samples/annual-report-2024.pdf", "pdf", "", "Scale AI annual report 2024",
             "2024-03-01", "en", "annual_report"),
    Document(DOC_HOSTILE, "samples/<b>hostile</b>.html", "html", "", "<i>Hostile</i> page",
             "2024-06-01", "en", "web_page"),
]

_S1 = "Logistique Boréale s'associe à l'Université de Montréal pour le projet Prévision de la demande."
_S2 = "Boreal Logistics and Mila will co-develop forecasting models, Scale AI announced."
_S3 = "Optimus Chaîne works with Polytechnique Montréal and Mila on the Entrepôt intelligent project."
_S4 = f"{HOSTILE_NAME} partners with Mila <b>today</b>."
_S5 = "Marie Tremblay, professeure à l'Université de Montréal, dirige l'équipe scientifique."
_S6 = "Jean Dupuis, président de Logistique Boréale, salue l'entente."
_S7 = "Scale AI finance les projets Prévision de la demande et Entrepôt intelligent."


def _ev(doc: str, sentence: str, start: int) -> Evidence:
    return Evidence(doc, start, start + len(sentence), sentence)


RELATIONS = [
    Relation(RelType.PARTNERS_WITH, BOREALE, UDEM, _ev(DOC_FR, _S1, 0)),
    Relation(RelType.PARTNERS_WITH, BOREALE, MILA, _ev(DOC_EN, _S2, 0)),
    Relation(RelType.PARTNERS_WITH, OPTIMUS, POLY, _ev(DOC_EN, _S3, 100)),
    Relation(RelType.PARTNERS_WITH, OPTIMUS, MILA, _ev(DOC_EN, _S3, 100)),
    Relation(RelType.PARTNERS_WITH, HOSTILE, MILA, _ev(DOC_HOSTILE, _S4, 0)),
    Relation(RelType.PARTICIPATES_IN, BOREALE, PROJ_DEMAND, _ev(DOC_FR, _S1, 0)),
    Relation(RelType.PARTICIPATES_IN, UDEM, PROJ_DEMAND, _ev(DOC_FR, _S1, 0)),
    Relation(RelType.LEADS, BOREALE, PROJ_DEMAND, _ev(DOC_FR, _S1, 0)),
    Relation(RelType.PARTICIPATES_IN, OPTIMUS, PROJ_WAREHOUSE, _ev(DOC_EN, _S3, 100)),
    Relation(RelType.PARTICIPATES_IN, POLY, PROJ_WAREHOUSE, _ev(DOC_EN, _S3, 100)),
    Relation(RelType.PARTICIPATES_IN, MILA, PROJ_WAREHOUSE, _ev(DOC_EN, _S3, 100)),
    Relation(RelType.FUNDS, SCALE, PROJ_DEMAND, _ev(DOC_EN, _S7, 300)),
    Relation(RelType.FUNDS, SCALE, PROJ_WAREHOUSE, _ev(DOC_EN, _S7, 300)),
    Relation(RelType.AFFILIATED_WITH, MARIE, UDEM, _ev(DOC_FR, _S5, 200), role="professeure"),
    Relation(RelType.AFFILIATED_WITH, JEAN, BOREALE, _ev(DOC_FR, _S6, 400), role="président"),
]

HUB_SIZE = 35


def _hub() -> tuple[list[Entity], list[Relation], list[GraphMention]]:
    """35 startups that partner with IVADO (a hub for the ego-network drawing)."""
    entities, relations, mentions = [], [], []
    for i in range(HUB_SIZE):
        eid = f"NK-hub-{i:02d}"
        name = f"Startup Québec {i:02d} Intelligence Artificielle" if i % 3 == 0 else f"Jeune Pousse {i:02d}"
        entities.append(Entity(eid, ORG, name, "startup", []))
        sentence = f"{name} rejoint le réseau IVADO."
        relations.append(Relation(RelType.PARTNERS_WITH, IVADO, eid, _ev(DOC_EN, sentence, 1000 + 100 * i)))
        mentions.append(GraphMention(f"m-hub-{i}", eid, DOC_EN, 1000 + 100 * i, 1000 + 100 * i + len(name), name))
    return entities, relations, mentions


def _mentions() -> list[GraphMention]:
    out = []
    for rel in RELATIONS:
        for eid in (rel.source_id, rel.target_id):
            mid = f"m-{eid}-{rel.evidence.doc_id}-{rel.evidence.start}"
            out.append(GraphMention(mid, eid, rel.evidence.doc_id, rel.evidence.start,
                                    rel.evidence.start + 5, eid))
    return list({m.id: m for m in out}.values())


def batch() -> GraphBatch:
    hub_entities, hub_relations, hub_mentions = _hub()
    return GraphBatch(
        documents=list(DOCUMENTS),
        entities=ENTITIES + hub_entities,
        mentions=_mentions() + hub_mentions,
        relations=RELATIONS + hub_relations,
    )


# --------------------------------------------------------------------------- helpers

PASSWORD = "correct horse battery"

_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def csrf(client: Any) -> str:
    """The session's CSRF token, as a page gives it."""
    html = client.get("/login").get_data(as_text=True)
    m = _META.search(html)
    assert m, "no csrf meta tag"
    return m.group(1)


def login(client: Any, name: str, password: str = PASSWORD) -> str:
    token = csrf(client)
    r = client.post("/login", data={"username": name, "password": password, "csrf_token": token})
    assert r.status_code == 302, r.get_data(as_text=True)[:500]
    return csrf(client)
