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
