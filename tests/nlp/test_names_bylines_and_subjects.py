"""Names and who a story is about: sentence-case project names, descriptor-introduced
names, subject-before-verb participants, chained funders, acronym-backed names, contact
blocks and bylines, titles before names, headings that choose the document's subject.
Rule layers only (spacy.blank, no NER); invented names."""

from __future__ import annotations

from nlp_helpers import names, rels, run_rules

from nlp.components.entities import _pieces
from nlp.lexicon import lexicon
from nlp.rules import is_acronym_of


def test_sentence_case_project_in_apposition_and_its_consortium():
    text = ("Un consortium recevra 4 M$ pour développer Vigie côtière, un outil d'aide à la décision. "
            "Le projet est mené par la société gaspésienne Maréo, en collaboration avec l'Hôpital Sainte-Flavie. "
            "L'Université de Matane et l'entreprise ontarienne Kelpwise Analytics complètent le consortium. "
            "Le financement provient de la grappe Axelia, qui injecte 1,9 M$, et du Fonds de recherche Nordet (FRN), "
            "qui y consacre 800 000 $.")
    ex = run_rules(text, "fr")
    assert "Vigie côtière" in names(ex, "Project")
    r = rels(ex)
    assert ("LEADS", "Maréo", "Vigie côtière") in r
    assert ("PARTICIPATES_IN", "Hôpital Sainte-Flavie", "Vigie côtière") in r
    assert ("PARTICIPATES_IN", "Université de Matane", "Vigie côtière") in r
    assert ("PARTICIPATES_IN", "Kelpwise Analytics", "Vigie côtière") in r
    assert ("FUNDS", "Axelia", "Vigie côtière") in r
    assert ("FUNDS", "Fonds de recherche Nordet", "Vigie côtière") in r


def test_project_named_again_and_partners_signing_on():
    text = ("The agency announced a $3 million investment in GridLoom, a project that forecasts demand. "
            "GridLoom is led by Voltcraft Analytics and brings together Prairie Rural Power. "
            "Canadian retailer Northgate Grocers and logistics firm Cobalt Haul Systems have signed on as industrial partners. "
            "The three-year initiative will receive $2.2 million from the Axelia cluster and $900,000 from Tundra Technologies.")
    r = rels(run_rules(text, "en"))
    assert ("LEADS", "Voltcraft Analytics", "GridLoom") in r
    assert ("PARTICIPATES_IN", "Northgate Grocers", "GridLoom") in r
    assert ("PARTICIPATES_IN", "Cobalt Haul Systems", "GridLoom") in r
    assert ("FUNDS", "Axelia", "GridLoom") in r
    assert ("FUNDS", "Tundra Technologies", "GridLoom") in r


def test_acronym_backed_name_with_lowercase_words():
    text = "Le Regroupement Boréal collabore de façon continue avec l'Institut de robotique des Cantons (IRC)."
    ex = run_rules(text, "fr")
    assert "Institut de robotique des Cantons" in names(ex, "Organization")
    assert ("PARTNERS_WITH", "Regroupement Boréal", "Institut de robotique des Cantons") in rels(ex)



def test_a_name_that_goes_on_after_its_acronym_is_read_whole():
    text = ("Northgate Health will lead the Regional Care Innovation (RCI) Health Network. "
            "The RCI Health Network receives $5 million.")
    ex = run_rules(text, "en")
    net = next(e for e in ex.entities if e.name == "Regional Care Innovation (RCI) Health Network")
    assert {"RCI Health Network", "RCI"} <= set(net.aliases)
    assert "Regional Care Innovation" not in names(ex)


def test_words_after_an_acronym_stay_apart_unless_the_text_joins_them():
    text = ("L'Institut de technologie avancée (ITA) Paul Martel réunit Acme et Beta. "
            "L'ITA Paul Martel a été créé en 2019. "
            "Acme s’associe au Bureau des sols nordiques (BSN) Maxime Roy signe l’entente.")
    ex = run_rules(text, "fr")
    assert "Institut de technologie avancée (ITA) Paul Martel" in names(ex)
    assert "Bureau des sols nordiques" in names(ex)  # "BSN Maxime Roy" is never written

def test_contractions_and_accents_make_acronyms():
    assert is_acronym_of("PrairiesCan", "Prairies Economic Development Canada")
    assert is_acronym_of("DEC", "Développement économique Canada pour les régions du Québec")
    assert not is_acronym_of("CanPrairies", "Prairies Economic Development Canada")


def test_possessive_place_and_french_complement():
    text = "Ledgerly and Montréal's Institut Polaris de recherche en IA are partnering."
    lex = lexicon("en")
    s = text.index("Montréal")
    e = text.index(" de recherche")
    assert [text[a:b] for a, b in _pieces(text, s, e, "ORG", lex)] == ["Institut Polaris de recherche en IA"]


def test_contact_block_and_byline_with_outlet():
    text = ("By Hannah Kowalczyk, The Ledger\n\nQuaymark AI lance un projet.\n\n"
            "Renseignements :\nJulie Paradis\nConseillère en communication, Quaymark AI\n418 555-0142\n")
    r = rels(run_rules(text, "fr"))
    assert ("AFFILIATED_WITH", "Hannah Kowalczyk", "The Ledger") in r
    assert ("AFFILIATED_WITH", "Julie Paradis", "Quaymark AI") in r


def test_titles_before_a_name_and_minister_with_acronym():
    text = ("Today, the Honourable Dana Whitford, Minister of Prairies Economic Development Canada (PrairiesCan), "
            "announced funding. \"It matters,\" said Minister Whitford.")
    ex = run_rules(text, "en")
    people = names(ex, "Person")
    assert "Dana Whitford" in people
    assert not any(p.startswith(("Honourable", "Minister")) for p in people)
    assert ("AFFILIATED_WITH", "Dana Whitford", "Government of Canada") in rels(ex)


def test_leadership_heading_and_about_heading_choose_the_subject():
    text = ("About the Tidewell Institute\n\nThe Tidewell Institute connects researchers. "
            "Blue Current is led by Saltmarsh Research Institute and funded by Saltmarsh Research Institute. "
            "Saltmarsh Research Institute works with Saltmarsh Research Institute partners.\n\n"
            "Leadership\n\nFiona MacAskill, Executive Director\nRémi Cormeau, Director of Research Partnerships\n")
    ex = run_rules(text, "en")
    r = rels(ex)
    for person in ("Fiona MacAskill", "Rémi Cormeau"):  # the "About X" heading wins over the most-named
        assert any(t == "AFFILIATED_WITH" and s == person and o.endswith("Tidewell Institute") for t, s, o in r)
    assert "Leadership" not in names(ex)


def test_ministry_name_stops_before_a_city_and_keeps_lowercase_words():
    text = ("Grâce au soutien du ministère des Ressources naturelles et des Forêts et de la Ville de Sherbrooke, "
            "le Regroupement Boréal a grandi.")
    ex = run_rules(text, "fr")
    orgs = names(ex, "Organization")
    assert "Ministère des Ressources naturelles et des Forêts" in orgs
    assert not any("Ville" in o and "Ministère" in o for o in orgs)


def test_minister_announcing_an_investment_in_a_project():
    text = ("Today, the Honourable Dana Whitford, Minister of Prairies Economic Development Canada, announced "
            "a $3.4 million investment in GridLoom, a project that forecasts demand. "
            "The Minister of Industry, Paul Roy, also announced a $3 million investment in Bolt Technologies.")
    r = rels(run_rules(text, "en"))
    assert ("FUNDS", "Government of Canada", "GridLoom") in r
    assert not any(t == "FUNDS" and "Bolt" in s_ + o for t, s_, o in r)
