"""Span hygiene, prose project anchoring, amount-anchored funding and role phrases
on handwritten sentences (invented names)."""

from __future__ import annotations

from nlp_helpers import names, rels, run_rules

from nlp.components.entities import _pieces
from nlp.lexicon import lexicon


def _cut(text: str, lang: str = "en") -> list[str]:
    return [text[a:b] for a, b in _pieces(text, 0, len(text), "ORG", lexicon(lang))]


def test_span_trailing_verb_and_pipe():
    assert _cut("Acme Robotics is") == ["Acme Robotics"]
    assert _cut("Partenaires | Boréal Tech", "fr") == ["Partenaires", "Boréal Tech"]


def test_span_coordination_split():
    assert _cut("Zephyr Labs, Nordik") == ["Zephyr Labs", "Nordik"]
    assert _cut("Gaspé University and QLAB") == ["Gaspé University", "QLAB"]
    assert _cut("Bolt Institute and Polytechnique Gaspé") == ["Bolt Institute", "Polytechnique Gaspé"]
    assert _cut("Procter and Sons") == ["Procter and Sons"]  # no cue on either side: one name


def test_span_leading_article_paren_and_lowercase_tail():
    assert _cut("The Université de Gaspé (Gaspé University") == ["Université de Gaspé"]
    assert _cut("Université Boréale autour d'un objectif", "fr") == ["Université Boréale"]
    assert _cut("Institut de valorisation des données", "fr") == ["Institut de valorisation des données"]


def test_span_role_phrase_keeps_the_organization():
    assert _cut("Director of Logistics at Nordik Foods") == ["Nordik Foods"]


def test_project_called_anchors_later_sentences():
    text = ("Zephyr Labs is working with Nordik Foods on an initiative called CargoMind. "
            "The project, led by Zephyr Labs, uses machine learning. "
            "Acme Fund is contributing $2.1 million to the $5.6 million project.")
    ex = run_rules(text, "en")
    assert "CargoMind" in names(ex, "Project")
    assert ("LEADS", "Zephyr Labs", "CargoMind") in rels(ex)
    assert ("FUNDS", "Acme Fund", "CargoMind") in rels(ex)


def test_amount_anchored_funding_fr():
    text = ("Le projet, baptisé Cargo Futé, réunit Nordik et Boréal Tech.\n\n"
            "Fonds Horizon y investit 2,2 M$ sur un budget total de 5 M$.")
    ex = run_rules(text, "fr")
    assert ("FUNDS", "Fonds Horizon", "Cargo Futé") in rels(ex)


def test_funding_without_amount_is_not_read_as_funds():
    text = ("Zephyr Labs will lead DockMind, a project to predict delays. "
            "Acme Fund is providing $1.5 million and Nordik Rail is contributing data and staff.")
    ex = run_rules(text, "en")
    assert ("FUNDS", "Acme Fund", "DockMind") in rels(ex)
    assert ("FUNDS", "Nordik Rail", "DockMind") not in rels(ex)


def test_role_phrase_binds_person_to_the_organization_after_at():
    text = "\"We are ready,\" said Kevin Tremblay, Director of Data Science at Nordik Rail."
    ex = run_rules(text, "en")
    assert ("AFFILIATED_WITH", "Kevin Tremblay", "Nordik Rail") in rels(ex)
    assert "Data Science" not in names(ex)
    text = "« Nous sommes prêts », a déclaré Julie Gagnon, vice-présidente, science des données chez Boréal Tech."
    ex = run_rules(text, "fr")
    assert ("AFFILIATED_WITH", "Julie Gagnon", "Boréal Tech") in rels(ex)


FR_REPORT = """Projets financés

Optimisation des quais de chargement

Projet dirigé par Nordik Rail, en partenariat avec Boréal Tech, pour réduire l'attente des camions.

Partenaires : Nordik Rail, Boréal Tech, Université de Gaspé
Investissement de Fonds Horizon : 1,5 M$
"""


def test_title_above_a_prose_paragraph_and_prose_lead():
    ex = run_rules(FR_REPORT, "fr")
    project = "Optimisation des quais de chargement"
    assert project in names(ex, "Project")
    assert {("PARTICIPATES_IN", n, project) for n in ("Nordik Rail", "Boréal Tech", "Université de Gaspé")} <= rels(ex)
    assert ("LEADS", "Nordik Rail", project) in rels(ex)


def test_consortium_membership_is_partnership_not_project_participation():
    text = ("Le projet Cargo Futé est dirigé par Nordik Rail.\n\n"
            "Boréal Data est un consortium de recherche qui réunit l'Université de Gaspé et Polytechnique Rimouski.")
    ex = run_rules(text, "fr")
    assert ("PARTICIPATES_IN", "Université de Gaspé", "Cargo Futé") not in rels(ex)
    assert ("PARTNERS_WITH", "Boréal Data", "Université de Gaspé") in rels(ex)


def test_active_lead_of_a_named_project():
    text = "Zephyr Labs, a Gaspé startup founded in 2021, will lead DockMind, a project to predict delays."
    ex = run_rules(text, "en")
    assert ("LEADS", "Zephyr Labs", "DockMind") in rels(ex)


def test_collaboration_with_a_project_subject_is_participation():
    text = "The DockMind project is led by Zephyr Labs in collaboration with Nordik Rail and Gaspé University."
    ex = run_rules(text, "en")
    assert ("PARTICIPATES_IN", "Nordik Rail", "DockMind") in rels(ex)
    assert not {r for r in rels(ex, "PARTNERS_WITH") if "DockMind" in r}


FR_TEAM = """Le projet, baptisé Cargo Futé, est dirigé par Nordik Rail.

Le comité consultatif du projet réunit :

Julie Gagnon
Professeure titulaire, Université de Gaspé

Marc Tremblay
Vice-président, ingénierie, Boréal Tech
"""


def test_project_committee_members_take_part_and_keep_their_affiliation():
    ex = run_rules(FR_TEAM, "fr")
    assert ("PARTICIPATES_IN", "Julie Gagnon", "Cargo Futé") in rels(ex)
    assert ("PARTICIPATES_IN", "Marc Tremblay", "Cargo Futé") in rels(ex)
    assert ("AFFILIATED_WITH", "Julie Gagnon", "Université de Gaspé") in rels(ex)
    assert ("AFFILIATED_WITH", "Marc Tremblay", "Boréal Tech") in rels(ex)
    assert "Professeure titulaire" not in names(ex)


def test_people_taking_part_in_a_project_in_prose():
    text = ("Zephyr Labs will lead DockMind, a project to predict delays. "
            "The research work will be supervised by Luc Martin, a professor at Gaspé University. "
            "Nadia Roy, a professor at the Université de Gaspé, will lead the research team. "
            "The steering committee includes Laura Chen (Nordik Rail) and Omar Haddad (Boréal Tech).")
    ex = run_rules(text, "en")
    for person in ("Luc Martin", "Nadia Roy", "Laura Chen", "Omar Haddad"):
        assert ("PARTICIPATES_IN", person, "DockMind") in rels(ex)
    assert ("AFFILIATED_WITH", "Laura Chen", "Nordik Rail") in rels(ex)
    assert "Laura Chen (Nordik Rail)" not in names(ex)
    assert not any(n.startswith("de ") for n in names(ex, "Person"))


def test_possessive_unit_and_institution_after_a_french_role():
    assert _cut("Gaspé University's School of Design") == ["Gaspé University"]
    assert _cut("Children's Hospital of Gaspé") == ["Children's Hospital of Gaspé"]
    text = ("Les travaux seront supervisés par Luc Gagnon, professeur au Département de génie industriel "
            "de l'Université de Gaspé, en collaboration avec Boréal Tech.")
    ex = run_rules(text, "fr")
    assert ("AFFILIATED_WITH", "Luc Gagnon", "Université de Gaspé") in rels(ex)


def test_hyphenated_first_name_and_complement_is_not_a_funder():
    text = ("Nordia annonce le lancement du projet Bloc Agile. Fonds Horizon y investit 1,6 M$, "
            "et le gouvernement du Nunavut accorde 0,8 M$. "
            "« Nous sommes prêts », explique Marie-Ève Caron, vice-présidente chez Nordia.")
    ex = run_rules(text, "fr")
    assert "Marie-Ève Caron" in names(ex, "Person") and "Ève Caron" not in names(ex)
    assert ("FUNDS", "Nunavut", "Bloc Agile") not in rels(ex)
    assert ("FUNDS", "Fonds Horizon", "Bloc Agile") in rels(ex)


def test_mutual_partnership_phrasings():
    text = "Zephyr Labs and Nordik Rail previously worked together on warehouse automation."
    ex = run_rules(text, "en")
    assert {r[1:] for r in rels(ex, "PARTNERS_WITH")} & {("Zephyr Labs", "Nordik Rail"), ("Nordik Rail", "Zephyr Labs")}


def test_named_tool_is_a_project():
    text = ("Zephyr Labs is building a pricing engine called PriceMind with Nordik Foods. "
            "Acme Fund is contributing $1.4 million to the project.")
    ex = run_rules(text, "en")
    assert "PriceMind" in names(ex, "Project")
    assert ("FUNDS", "Acme Fund", "PriceMind") in rels(ex)


def test_byline_person_and_working_with():
    text = ("Retail AI gets a boost\n\nBy Julia Hartman\nMarch 3, 2025\n\n"
            "Zephyr Labs is working with Nordik Foods and Boréal Tech on a shared initiative called CargoMind.")
    ex = run_rules(text, "en")
    assert "Julia Hartman" in names(ex, "Person")
    assert ("PARTNERS_WITH", "Zephyr Labs", "Nordik Foods") in rels(ex) or \
        ("PARTNERS_WITH", "Nordik Foods", "Zephyr Labs") in rels(ex)


def test_organization_title_before_a_name():
    text = "The platform will be tested this fall, said Nordik scientific director Anne Tremblay."
    ex = run_rules(text, "en")
    assert ("AFFILIATED_WITH", "Anne Tremblay", "Nordik") in rels(ex)


def test_announcers_of_a_project_take_part_and_dateline_with_province():
    text = ("HALIFAX, NS, September 12, 2025 /CNW/ - Zephyr Labs and Gaspé Port Authority today announced "
            "HarborMind, a $4 million initiative to predict arrivals.")
    ex = run_rules(text, "en")
    assert ("PARTICIPATES_IN", "Gaspé Port Authority", "HarborMind") in rels(ex)
    assert ("PARTICIPATES_IN", "Zephyr Labs", "HarborMind") in rels(ex)
    text = ("RIMOUSKI, le 14 octobre 2025 – La Ville de Rimouski et la jeune pousse Hydronik lancent "
            "AquaMind, un projet de 2,8 M$ visant à détecter les fuites.")
    ex = run_rules(text, "fr")
    assert ("PARTICIPATES_IN", "Ville de Rimouski", "AquaMind") in rels(ex)
    assert ("PARTICIPATES_IN", "Hydronik", "AquaMind") in rels(ex)


def test_ministry_funder_and_scientific_lead():
    text = ("Nordia lance AquaMind, un projet de 2,8 M$. Le ministère de l'Économie et de l'Innovation verse 0,5 M$ "
            "au projet. Le volet scientifique sera dirigé par Luc Bélanger, professeur à l'École de technologie "
            "supérieure.")
    ex = run_rules(text, "fr")
    assert ("FUNDS", "Économie et de l'Innovation", "AquaMind") not in rels(ex)
    assert not any(r[0] == "FUNDS" and r[1] in ("Innovation", "Économie") for r in rels(ex))
    assert ("PARTICIPATES_IN", "Luc Bélanger", "AquaMind") in rels(ex)
    assert ("AFFILIATED_WITH", "Luc Bélanger", "École de technologie supérieure") in rels(ex)


def test_platform_apposition_honorific_and_apostrophe_names():
    text = ("Acme Fund is providing $2 million to ShelfMind, a shelf-monitoring platform for grocery chains. "
            "The two-year project brings together Zephyr Labs and Nordik Foods. "
            "Work on the vision models will be overseen by Dr. Hannah Park of the University of Gaspé. "
            "Sarah O'Neill, vice-president, store operations at Nordik Foods, said pilots will begin.")
    ex = run_rules(text, "en")
    assert "ShelfMind" in names(ex, "Project")
    assert ("FUNDS", "Acme Fund", "ShelfMind") in rels(ex)
    assert ("PARTICIPATES_IN", "Hannah Park", "ShelfMind") in rels(ex)
    assert ("AFFILIATED_WITH", "Sarah O'Neill", "Nordik Foods") in rels(ex)
    assert _cut("Gaspé University's") == ["Gaspé University"]


def test_qualified_role_before_chez_and_also_working_with():
    text = "« Les PME ont besoin d'outils simples », souligne Julie Paradis, première vice-présidente, Innovation chez Boréal Tech."
    ex = run_rules(text, "fr")
    assert ("AFFILIATED_WITH", "Julie Paradis", "Boréal Tech") in rels(ex)
    text = "Zephyr Labs, a spin-off of Gaspé University, is also working with Nordik College on operator training."
    ex = run_rules(text, "en")
    assert ("PARTNERS_WITH", "Zephyr Labs", "Nordik College") in rels(ex) or \
        ("PARTNERS_WITH", "Nordik College", "Zephyr Labs") in rels(ex)



def test_apposition_makes_an_organization():
    text = "The sector has matured since Nordik AI, once the best-known Gaspé start-up in the field, was acquired."
    ex = run_rules(text, "en")
    assert "Nordik AI" in names(ex, "Organization")


def test_person_leading_the_team_is_not_an_organization_and_co_abbreviation():
    text = ("Zephyr Labs will lead DockMind, a project to predict delays. "
            "Dr. Ethan Cole, an associate professor at Gaspé University, will coordinate the research team. "
            "Other participants include Nordik Freight Co. and Ocean Data Lab.")
    ex = run_rules(text, "en")
    assert "Dr. Ethan Cole" not in names(ex)
    assert ("PARTICIPATES_IN", "Ethan Cole", "DockMind") in rels(ex)
    assert ("PARTICIPATES_IN", "Ocean Data Lab", "DockMind") in rels(ex)


def test_investment_in_a_company_is_not_project_funding():
    text = ("Zephyr Labs will lead DockMind, a project to predict delays. "
            "Separately, Acme Capital is investing $5 million in Nordik Robotics.")
    ex = run_rules(text, "en")
    assert ("FUNDS", "Acme Capital", "DockMind") not in rels(ex)
