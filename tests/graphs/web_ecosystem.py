"""A small hand-made graph for the web tests: a few ecosystem actors (French and English
names, accents, acronyms), two projects, people with roles, partnerships with evidence
sentences, a hub with 35 partners (for the network drawing), and one hostile entity whose
name and alias are HTML."""

from __future__ import annotations

from graphs.builder import ORG, PER, PRJ, UNI, GraphBuilder
from grappe.model import GraphBatch, RelType

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

HUB_SIZE = 35

_S1 = "Logistique Boréale s'associe à l'Université de Montréal pour le projet Prévision de la demande."
_S2 = "Boreal Logistics and Mila will co-develop forecasting models, Scale AI announced."
_S3 = "Optimus Chaîne works with Polytechnique Montréal and Mila on the Entrepôt intelligent project."
_S4 = f"{HOSTILE_NAME} partners with Mila <b>today</b>."
_S5 = "Marie Tremblay, professeure à l'Université de Montréal, dirige l'équipe scientifique."
_S6 = "Jean Dupuis, président de Logistique Boréale, salue l'entente."
_S7 = "Scale AI finance les projets Prévision de la demande et Entrepôt intelligent."


def _build() -> GraphBuilder:
    b = GraphBuilder()
    b.entity(UDEM, UNI, "Université de Montréal", None, ["UdeM", "University of Montreal"])
    b.entity(MILA, ORG, "Mila - Institut québécois d'intelligence artificielle", "research_institute",
             ["Mila", "Quebec AI Institute"])
    b.entity(IVADO, ORG, "IVADO", "research_institute", ["Institut de valorisation des données"])
    b.entity(SCALE, ORG, "Scale AI", "cluster", ["SCALE AI", "Supergrappe des chaînes d'approvisionnement"])
    b.entity(BOREALE, ORG, "Logistique Boréale", "company", ["Boreal Logistics"])
    b.entity(OPTIMUS, ORG, "Optimus Chaîne", "startup", ["Optimus Chain"])
    b.entity(POLY, UNI, "Polytechnique Montréal", None, ["Polytechnique", "Poly"])
    b.entity(HOSTILE, ORG, HOSTILE_NAME, "startup", [HOSTILE_ALIAS])
    b.entity(MARIE, PER, "Marie Tremblay")
    b.entity(JEAN, PER, "Jean Dupuis")
    b.entity(PROJ_DEMAND, PRJ, "Prévision de la demande", None, ["Demand forecasting"],
             {"status": "active", "scale_ai_investment_cad": 1_500_000, "total_investment_cad": 4_200_000})
    b.entity(PROJ_WAREHOUSE, PRJ, "Entrepôt intelligent", None, ["Smart warehouse"],
             {"status": "completed", "scale_ai_investment_cad": 800_000})

    b.document(DOC_FR, "samples/communique-2023.txt", "txt", title="Communiqué : Logistique Boréale et l'UdeM",
               date="2023-05-10", language="fr", kind="press_release")
    b.document(DOC_EN, "samples/annual-report-2024.pdf", "pdf", title="Scale AI annual report 2024",
               date="2024-03-01", language="en", kind="annual_report")
    b.document(DOC_HOSTILE, "samples/<b>hostile</b>.html", "html", title="<i>Hostile</i> page",
               date="2024-06-01", language="en", kind="web_page")

    W, P, L, F, A = (RelType.PARTNERS_WITH, RelType.PARTICIPATES_IN, RelType.LEADS, RelType.FUNDS,
                     RelType.AFFILIATED_WITH)
    b.relate(W, BOREALE, UDEM, DOC_FR, _S1, start=0)
    b.relate(W, BOREALE, MILA, DOC_EN, _S2, start=0)
    b.relate(W, OPTIMUS, POLY, DOC_EN, _S3, start=100)
    b.relate(W, OPTIMUS, MILA, DOC_EN, _S3, start=100)
    b.relate(W, HOSTILE, MILA, DOC_HOSTILE, _S4, start=0)
    b.relate(P, BOREALE, PROJ_DEMAND, DOC_FR, _S1, start=0)
    b.relate(P, UDEM, PROJ_DEMAND, DOC_FR, _S1, start=0)
    b.relate(L, BOREALE, PROJ_DEMAND, DOC_FR, _S1, start=0)
    b.relate(P, OPTIMUS, PROJ_WAREHOUSE, DOC_EN, _S3, start=100)
    b.relate(P, POLY, PROJ_WAREHOUSE, DOC_EN, _S3, start=100)
    b.relate(P, MILA, PROJ_WAREHOUSE, DOC_EN, _S3, start=100)
    b.relate(F, SCALE, PROJ_DEMAND, DOC_EN, _S7, start=300)
    b.relate(F, SCALE, PROJ_WAREHOUSE, DOC_EN, _S7, start=300)
    b.relate(A, MARIE, UDEM, DOC_FR, _S5, "professeure", start=200)
    b.relate(A, JEAN, BOREALE, DOC_FR, _S6, "président", start=400)
    # each entity is mentioned where its relations' evidence starts
    for rel in list(b.relations):
        for eid in (rel.source_id, rel.target_id):
            start = rel.evidence.start
            b.mention(eid, rel.evidence.doc_id, start, eid, end=start + 5,
                      mention_id=f"m-{eid}-{rel.evidence.doc_id}-{start}")
    # 35 startups that partner with IVADO (a hub for the ego-network drawing)
    for i in range(HUB_SIZE):
        eid = f"NK-hub-{i:02d}"
        name = f"Startup Québec {i:02d} Intelligence Artificielle" if i % 3 == 0 else f"Jeune Pousse {i:02d}"
        b.entity(eid, ORG, name, "startup")
        start = 1000 + 100 * i
        b.relate(W, IVADO, eid, DOC_EN, f"{name} rejoint le réseau IVADO.", start=start)
        b.mention(eid, DOC_EN, start, name, mention_id=f"m-hub-{i}")
    return b


_GRAPH = _build()
ENTITIES = _GRAPH.entities
DOCUMENTS = _GRAPH.documents
RELATIONS = _GRAPH.relations


def batch() -> GraphBatch:
    return _GRAPH.batch()
