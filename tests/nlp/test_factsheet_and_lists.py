"""Fact sheets ("Project: X / Lead: / Partners: / Funding:"), colon lists whose items carry
a description and belong to the project the text introduced, short forms of two-word
company names, and place prefixes. Rule layers only (spacy.blank, no NER); invented names."""

from __future__ import annotations

from nlp_helpers import names, rels, run_rules

from nlp.assemble import _link_variants
from nlp.facts import Cand


def test_fact_sheet_names_the_project_its_lead_partners_and_funders():
    text = ("Quarry Works unveils a new plan.\n\n"
            "AT A GLANCE\n"
            "Project: OreSense\n"
            "Lead: Quarry Works Inc.\n"
            "Partners: Quarry Works, Lumen Data Labs, Université de Rimouski\n"
            "Funding: Axelia ($2.1 million); Fonds Nordet ($400,000)\n"
            "Duration: 24 months\n")
    ex = run_rules(text, "en")
    assert "OreSense" in names(ex, "Project")
    assert "AT A GLANCE" not in names(ex, "Project")
    r = rels(ex)
    assert ("LEADS", "Quarry Works Inc.", "OreSense") in r or ("LEADS", "Quarry Works", "OreSense") in r
    assert ("PARTICIPATES_IN", "Lumen Data Labs", "OreSense") in r
    assert ("PARTICIPATES_IN", "Université de Rimouski", "OreSense") in r
    assert ("FUNDS", "Axelia", "OreSense") in r
    assert ("FUNDS", "Fonds Nordet", "OreSense") in r


def test_colon_list_with_descriptions_joins_the_project():
    text = ("Épiceries Marvel dévoile Rayon 360, un projet de prévision des commandes.\n\n"
            "Piloté par Marvel, le consortium compte trois autres membres :\n\n"
            "Prévisia, une jeune pousse spécialisée en prévision de la demande;\n"
            "Transports Lemire & Fils, transporteur frigorifique établi à Bécancour;\n"
            "l'Université de Rimouski (UR).\n\n"
            "Axelia injecte 3,1 M$ dans le projet.\n")
    r = rels(run_rules(text, "fr"))
    assert ("PARTICIPATES_IN", "Prévisia", "Rayon 360") in r
    assert ("PARTICIPATES_IN", "Transports Lemire & Fils", "Rayon 360") in r
    assert ("PARTICIPATES_IN", "Université de Rimouski", "Rayon 360") in r
    assert ("FUNDS", "Axelia", "Rayon 360") in r
    # the paragraph after the list is not a member
    assert ("PARTICIPATES_IN", "Axelia", "Rayon 360") not in r


def test_colon_list_without_a_project_is_a_partnership_of_the_subject():
    text = ("Lumen Data Labs annonce ses alliances.\n\n"
            "Lumen Data Labs compte trois partenaires :\n\n"
            "Prévisia, une jeune pousse de Québec;\n"
            "Fonds Nordet, un investisseur;\n")
    r = rels(run_rules(text, "fr"))
    assert any(t == "PARTNERS_WITH" and {a, b} == {"Lumen Data Labs", "Prévisia"} for t, a, b in r)


def _org(name: str, at: int) -> Cand:
    return Cand(name, "Organization", at, at + len(name), subtype="company")


def test_short_form_of_a_two_word_company_becomes_its_alias():
    cands = [_org("Marvel Logistique", 0), _org("Marvel", 80), _org("Épiceries Dunord", 120), _org("Dunord", 200)]
    _link_variants(cands)
    assert "Marvel" in cands[0].aliases
    assert "Dunord" in cands[2].aliases


def test_a_unit_word_or_two_candidates_keep_the_short_form_apart():
    labs = [_org("Nordex Labs", 0), _org("Nordex", 40)]
    _link_variants(labs)
    assert "Nordex" not in labs[0].aliases  # IVADO / IVADO Labs: two organizations
    two = [_org("Vireo Transport", 0), _org("Vireo Analytics", 30), _org("Vireo", 60)]
    _link_variants(two)
    assert not any("Vireo" in c.aliases for c in two)  # which one? neither


def test_place_prefix_is_not_part_of_the_name():
    text = "The project brings together Toronto-based Kestrel Metrics and the University of Brandon."
    orgs = names(run_rules(text, "en"), "Organization")
    assert "Kestrel Metrics" in orgs
    assert not any("based" in o for o in orgs)


def test_an_organization_collaborating_on_its_own_is_not_a_project_participant():
    text = ("Épiceries Marvel dévoile Rayon 360, un projet de prévision des commandes. "
            "Rayon 360 nous permet d'aller plus loin, et l'Institut Lumen collabore par ailleurs depuis 2023 "
            "avec l'Université de Rimouski.")
    r = rels(run_rules(text, "fr"))
    assert ("PARTICIPATES_IN", "Université de Rimouski", "Rayon 360") not in r
    assert any(t == "PARTNERS_WITH" and {a, b} == {"Institut Lumen", "Université de Rimouski"} for t, a, b in r)


def test_a_project_in_collaboration_with_partners_still_takes_them_in():
    text = ("Le projet Rayon 360 est dirigé par Épiceries Marvel, en partenariat avec "
            "l'Université de Rimouski et l'Institut Nordet (IN).")
    r = rels(run_rules(text, "fr"))
    assert ("PARTICIPATES_IN", "Université de Rimouski", "Rayon 360") in r
