"""Build the held-out gold JSON files from compact hand-written specs.

The annotation was written by hand from the texts in ../corpus before the
extractor was run on them. Entity spec: (id, type, subtype|None, name, aliases).
Relation spec: (type, source, target[, role]).
"""
import json
from pathlib import Path

ORG, U, H, P = "Organization", "University", "Person", "Project"

DOCS = {
    "communique-horizon-fret-fr.txt": dict(
        title="Logistica Nord lance Horizon Fret, un projet de 7,2 M$ pour prévoir la congestion portuaire",
        language="fr", date="2025-04-14", kind="press_release",
        entities=[
            ("o1", ORG, "sme", "Logistica Nord", []),
            ("u1", U, None, "Université de l'Estuaire", []),
            ("o2", ORG, "research_institute", "Institut Boréal de données", ["IBD"]),
            ("o3", ORG, "cluster", "Axelia", []),
            ("o4", ORG, "government", "Développement économique Canada pour les régions du Québec", ["DEC"]),
            ("o5", ORG, "company", "Terminaux Saint-Roch", []),
            ("o6", ORG, "company", "Groupe Maritime Valcourt", []),
            ("o7", ORG, "startup", "Opti-Quai", []),
            ("h1", H, None, "Nadia Belhumeur", []),
            ("h2", H, None, "Hélène Tardif", []),
            ("h3", H, None, "Marc-Antoine Giroux", []),
            ("h4", H, None, "Julie Paradis", []),
            ("p1", P, None, "Horizon Fret", [], {"total_investment_cad": 7200000}),
        ],
        relations=[
            ("LEADS", "o1", "p1"),
            ("PARTICIPATES_IN", "u1", "p1"), ("PARTICIPATES_IN", "o2", "p1"),
            ("PARTICIPATES_IN", "o5", "p1"), ("PARTICIPATES_IN", "o6", "p1"),
            ("PARTICIPATES_IN", "o7", "p1"), ("PARTICIPATES_IN", "h2", "p1"),
            ("FUNDS", "o3", "p1"), ("FUNDS", "o4", "p1"),
            ("AFFILIATED_WITH", "h1", "o1", "présidente-directrice générale"),
            ("AFFILIATED_WITH", "h2", "u1", "titulaire de la Chaire de recherche en logistique intelligente"),
            ("AFFILIATED_WITH", "h3", "o3", "directeur des investissements"),
            ("AFFILIATED_WITH", "h4", "o1", "Conseillère en communication"),
        ],
    ),
    "article-triage-urgences-fr.md": dict(
        title="Santé : un consortium mise sur l'IA pour désengorger les urgences",
        language="fr", date="2026-02-03", kind="news_article",
        entities=[
            ("h1", H, None, "Camille Des Rosiers", []),
            ("o1", ORG, "company", "Medalis", []),
            ("o2", ORG, "hospital", "Centre hospitalier régional de Lanaudière-Nord", []),
            ("o3", ORG, "hospital", "Hôpital Sainte-Aurélie", []),
            ("o4", ORG, "hospital", "Institut universitaire de santé de la Mauricie", []),
            ("u1", U, None, "Université du Haut-Richelieu", []),
            ("o5", ORG, "company", "Clearpath Health Analytics", []),
            ("o6", ORG, "cluster", "Axelia", []),
            ("o7", ORG, "government", "Fonds de recherche du Québec – Santé", ["FRQS"]),
            ("h2", H, None, "Étienne Marchand", []),
            ("h3", H, None, "Karim Haddad", []),
            ("h4", H, None, "Sarah Lévesque", []),
            ("h5", H, None, "Rebecca Thornton", []),
            ("p1", P, None, "Triage prédictif", [], {"total_investment_cad": 4600000}),
        ],
        relations=[
            ("LEADS", "o1", "p1"),
            ("PARTICIPATES_IN", "o2", "p1"), ("PARTICIPATES_IN", "o3", "p1"),
            ("PARTICIPATES_IN", "o4", "p1"), ("PARTICIPATES_IN", "u1", "p1"),
            ("PARTICIPATES_IN", "o5", "p1"), ("PARTICIPATES_IN", "h4", "p1"),
            ("FUNDS", "o6", "p1"), ("FUNDS", "o7", "p1"),
            ("AFFILIATED_WITH", "h2", "o3", "chef du département de médecine d'urgence"),
            ("AFFILIATED_WITH", "h3", "o1", "président-directeur général"),
            ("AFFILIATED_WITH", "h4", "u1", "professeure au Département d'informatique"),
            ("AFFILIATED_WITH", "h5", "o5", "Vice-President of Innovation"),
            ("PARTNERS_WITH", "o1", "o3"),
        ],
    ),
    "rapport-annuel-ia-estrie-fr.txt": dict(
        title="Regroupement IA Estrie — Rapport annuel 2024-2025",
        language="fr", date="2025", kind="annual_report",
        entities=[
            ("o1", ORG, "nonprofit", "Regroupement IA Estrie", []),
            ("o2", ORG, "government", "ministère de l'Économie, de l'Innovation et de l'Énergie du Québec", []),
            ("o3", ORG, "government", "Ville de Sherbrooke", []),
            ("o4", ORG, "investor", "Desjardins Capital régional", []),
            ("u1", U, None, "Cégep de Granby-Haute-Yamaska", []),
            ("o5", ORG, "sme", "Usinage Beaulac", []),
            ("o6", ORG, "sme", "Plastiques Mégantic", []),
            ("o7", ORG, "sme", "Meubles Orford", []),
            ("u2", U, None, "Collège Champlain-Lennoxville", []),
            ("o8", ORG, "research_institute", "Institut de robotique des Cantons", ["IRC"]),
            ("o9", ORG, "nonprofit", "Estrie Innovation", []),
            ("o10", ORG, "company", "Fromagerie du Lac-Brome", []),
            ("o11", ORG, "company", "Lemire Boisvert CPA", []),
            ("h1", H, None, "Marie-Josée Fortier", []),
            ("h2", H, None, "Olivier Champagne", []),
            ("h3", H, None, "Nathalie Kouassi", []),
            ("h4", H, None, "Patrick Dubé", []),
            ("h5", H, None, "Jean-François Thibodeau", []),
            ("h6", H, None, "Amélie Ross", []),
            ("p1", P, None, "Cap IA PME", []),
        ],
        relations=[
            ("LEADS", "o1", "p1"), ("FUNDS", "o4", "p1"),
            ("PARTICIPATES_IN", "u1", "p1"), ("PARTICIPATES_IN", "o5", "p1"),
            ("PARTICIPATES_IN", "o6", "p1"), ("PARTICIPATES_IN", "o7", "p1"),
            ("PARTNERS_WITH", "o1", "u2"), ("PARTNERS_WITH", "o1", "o8"),
            ("PARTNERS_WITH", "o1", "o9"),
            ("AFFILIATED_WITH", "h1", "o1", "Présidente du conseil d'administration"),
            ("AFFILIATED_WITH", "h1", "o10", "Vice-présidente, transformation numérique"),
            ("AFFILIATED_WITH", "h2", "o1", "vice-président"),
            ("AFFILIATED_WITH", "h2", "o9", "Directeur général"),
            ("AFFILIATED_WITH", "h3", "o1", "trésorière"),
            ("AFFILIATED_WITH", "h3", "o11", "Associée"),
            ("AFFILIATED_WITH", "h4", "o1", "administrateur"),
            ("AFFILIATED_WITH", "h4", "u2", "Professeur"),
            ("AFFILIATED_WITH", "h5", "o1", "directeur général"),
            ("AFFILIATED_WITH", "h6", "o1", "conseillère principale en transfert technologique"),
        ],
    ),
    "release-gridwise-en.txt": dict(
        title="Government of Canada invests $3.4 million in AI project to balance Prairie power grids",
        language="en", date="2025-09-09", kind="press_release",
        entities=[
            ("o0", ORG, "government", "Government of Canada", []),
            ("o1", ORG, "government", "Prairies Economic Development Canada", ["PrairiesCan"]),
            ("o2", ORG, "company", "Voltaris Analytics", []),
            ("o3", ORG, "company", "Red River Power Cooperative", []),
            ("u1", U, None, "University of Assiniboia", []),
            ("o4", ORG, "research_institute", "Keewatin Institute for Applied Computing", []),
            ("o5", ORG, "cluster", "Axelia", []),
            ("o6", ORG, "research_institute", "Manitoba Hydro Innovation Lab", []),
            ("h1", H, None, "Dana Whitford", []),
            ("h2", H, None, "Priya Natarajan", []),
            ("h3", H, None, "Thomas Okafor", []),
            ("h4", H, None, "Michael Brandt", []),
            ("p1", P, None, "GridWise", [], {"total_investment_cad": 6800000}),
        ],
        relations=[
            ("LEADS", "o2", "p1"),
            ("PARTICIPATES_IN", "o3", "p1"), ("PARTICIPATES_IN", "u1", "p1"),
            ("PARTICIPATES_IN", "o4", "p1"), ("PARTICIPATES_IN", "h3", "p1"),
            ("FUNDS", "o0", "p1"), ("FUNDS", "o1", "p1"), ("FUNDS", "o5", "p1"),
            ("AFFILIATED_WITH", "h1", "o0", "Minister of Prairies Economic Development Canada"),
            ("AFFILIATED_WITH", "h2", "o2", "Chief Technology Officer"),
            ("AFFILIATED_WITH", "h3", "u1", "Associate Professor of Electrical Engineering"),
            ("AFFILIATED_WITH", "h4", "o1", "Director of Communications"),
            ("PARTNERS_WITH", "o2", "o6"),
        ],
    ),
    "article-project-tally-en.txt": dict(
        title="Toronto startup and Montréal lab team up on AI for freight invoices",
        language="en", date="2026-03-18", kind="news_article",
        entities=[
            ("h1", H, None, "Hannah Kowalski", []),
            ("o0", ORG, "media", "The Ledger", []),
            ("o1", ORG, "startup", "Ledgerline", []),
            ("o2", ORG, "research_institute", "Institut Polaris de recherche en IA", ["Polaris"]),
            ("o3", ORG, "cluster", "Axelia", []),
            ("o4", ORG, "investor", "Ontario Centre for Innovation Ventures", []),
            ("o5", ORG, "company", "Northway Grocers", []),
            ("o6", ORG, "company", "Cobalt Freight Systems", []),
            ("u1", U, None, "Lakeshore University", []),
            ("o7", ORG, "investor", "Brightwater Ventures", []),
            ("h2", H, None, "Aaron Feldman", []),
            ("h3", H, None, "Mélodie Carrier", []),
            ("h4", H, None, "Sandeep Gill", []),
            ("p1", P, None, "Project Tally", []),
        ],
        relations=[
            ("LEADS", "o1", "p1"),
            ("PARTICIPATES_IN", "o2", "p1"), ("PARTICIPATES_IN", "o5", "p1"),
            ("PARTICIPATES_IN", "o6", "p1"),
            ("FUNDS", "o3", "p1"), ("FUNDS", "o4", "p1"),
            ("PARTNERS_WITH", "o1", "o2"),
            ("AFFILIATED_WITH", "h1", "o0", None),
            ("AFFILIATED_WITH", "h2", "o1", "co-founder and CEO"),
            ("AFFILIATED_WITH", "h3", "o2", "scientific director"),
            ("AFFILIATED_WITH", "h4", "o5", "vice-president of finance"),
        ],
    ),
    "about-partners-coastal-ai-en.md": dict(
        title="About the Coastal AI Network",
        language="en", date=None, kind="web_page",
        entities=[
            ("o1", ORG, "nonprofit", "Coastal AI Network", []),
            ("o2", ORG, "association", "Halifax Ocean Tech Alliance", []),
            ("o3", ORG, "company", "Fundy Digital Corporation", []),
            ("u1", U, None, "Université de Moncton", []),
            ("u2", U, None, "Cape Breton Polytechnic", []),
            ("o4", ORG, "research_institute", "Saltwater Research Institute", []),
            ("o5", ORG, "research_institute", "Bedford Marine Data Centre", []),
            ("o6", ORG, "government", "Atlantic Canada Opportunities Agency", ["ACOA"]),
            ("o7", ORG, "company", "Harbourline Seafoods", []),
            ("o8", ORG, "company", "Acadian Catch", []),
            ("o9", ORG, "company", "Tidewater Packaging", []),
            ("h1", H, None, "Fiona MacIsaac", []),
            ("h2", H, None, "Rémi Cormier", []),
            ("h3", H, None, "Grace Oduya", []),
            ("h4", H, None, "Colin Baird", []),
            ("h5", H, None, "Leila Haddad", []),
            ("h6", H, None, "Martin Doucet", []),
            ("p1", P, None, "Blue Shift", []),
        ],
        relations=[
            ("PARTNERS_WITH", "o1", "o2"), ("PARTNERS_WITH", "o1", "o3"),
            ("PARTNERS_WITH", "o1", "u1"), ("PARTNERS_WITH", "o1", "u2"),
            ("PARTNERS_WITH", "o1", "o4"), ("PARTNERS_WITH", "o1", "o5"),
            ("LEADS", "o4", "p1"), ("FUNDS", "o6", "p1"),
            ("PARTICIPATES_IN", "o7", "p1"), ("PARTICIPATES_IN", "o8", "p1"),
            ("PARTICIPATES_IN", "o9", "p1"),
            ("AFFILIATED_WITH", "h1", "o1", "Executive Director"),
            ("AFFILIATED_WITH", "h2", "o1", "Director of Research Partnerships"),
            ("AFFILIATED_WITH", "h3", "o1", "Program Manager, Blue Shift"),
            ("AFFILIATED_WITH", "h4", "o1", "Chair"),
            ("AFFILIATED_WITH", "h4", "o3", "President"),
            ("AFFILIATED_WITH", "h5", "o1", "Board of Directors"),
            ("AFFILIATED_WITH", "h5", "u1", "Vice-President Research"),
            ("AFFILIATED_WITH", "h6", "o1", "Board of Directors"),
            ("AFFILIATED_WITH", "h6", "o7", "Chief Operating Officer"),
        ],
    ),
}


def build(out: Path) -> None:
    for fname, d in DOCS.items():
        ents = []
        for spec in d["entities"]:
            eid, typ, sub, name, aliases = spec[:5]
            e = {"id": eid, "type": typ}
            if sub:
                e["subtype"] = sub
            e["name"] = name
            e["aliases"] = aliases
            if len(spec) > 5:
                e["attributes"] = spec[5]
            ents.append(e)
        rels = []
        for spec in d["relations"]:
            r = {"type": spec[0], "source": spec[1], "target": spec[2]}
            if spec[0] == "AFFILIATED_WITH":
                r["role"] = spec[3]
            rels.append(r)
        doc = {"document": {"file": fname, "title": d["title"], "language": d["language"],
                            "date": d["date"], "kind": d["kind"]},
               "entities": ents, "relations": rels}
        (out / (Path(fname).stem + ".json")).write_text(
            json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build(Path(__file__).resolve().parent.parent / "gold")
