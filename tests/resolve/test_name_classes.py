"""One test per class of real-world name variant, in French and in English.

Invented organizations only ("Acme", "Nordville"): the mechanism and the language
data do the work, never a list of particular names.
"""

from __future__ import annotations

import pytest

from graph.resolve.normalize import acronym_match
from graph.resolve.resolver import Item, resolve
from tests.resolve.test_resolver import apart, clusters_of, together

# --------------------------------------------------------------------------- acronyms


@pytest.mark.parametrize(("acronym", "name"), [
    ("UQN", "Université du Québec à Nordville"),  # function words skipped (fr)
    ("UQAN", "Université du Québec à Nordville"),  # ... or giving their letter
    ("NIT", "Nordville Institute of Technology"),  # (en)
    ("ITN", "Institut de technologie de Nordville"),
    ("ÉTN", "École de technologie de Nordville"),  # accents folded
    ("HN", "Hydro-Nordville"),  # hyphenated parts are words
    ("ESNS", "École Saint-Nordin supérieure"),
    ("UdeN", "Université de Nordville"),  # mixed case, a lowercase "de" letter
    ("UofN", "University of Nordville"),  # ... and "of"
    ("ARC", "Acme Research Council Canada"),  # a trailing qualifier left out
])
def test_acronym_shapes(acronym: str, name: str) -> None:
    assert acronym_match(acronym, name) > 0


def test_an_acronym_from_the_other_language_spells_a_noun_and_its_adjectives_backwards() -> None:
    # "Agence spatiale nordique" is the "Nordic Space Agency": NSA, as well as ASN
    assert acronym_match("NSA", "Agence spatiale nordique") > 0
    assert acronym_match("ASN", "Agence spatiale nordique") > 0
    c = clusters_of(["NSA", "Agence spatiale nordique", "Borealis Logistique"])
    assert together(c, "NSA", "Agence spatiale nordique") and len(c) == 2
    # only a phrase without function words reverses; two-letter acronyms never do
    assert acronym_match("TNI", "Institut de technologie nordique") == 0
    assert acronym_match("NA", "Agence nordique") == 0


def test_an_acronym_may_leave_out_what_the_institution_is_for() -> None:
    assert acronym_match("DNC", "Développement nordique Canada pour les régions de l'Est") > 0
    assert acronym_match("INB", "Institut Nordville de biologie") > 0  # and its field
    c = clusters_of(["DNC", "Développement nordique Canada pour les régions de l'Est", "Borealis Logistique"])
    assert together(c, "DNC", "Développement nordique Canada pour les régions de l'Est") and len(c) == 2
    assert acronym_match("DNR", "Développement nordique Canada pour les régions de l'Est") == 0


def test_acronyms_never_skip_a_leading_qualifier() -> None:
    assert acronym_match("NRA", "Canadian Northern Acme Company") == 0


@pytest.mark.parametrize(("acronym", "full"), [
    ("UQN", "Université du Québec à Nordville"),
    ("NIT", "Nordville Institute of Technology"),
    ("ÉTN", "École de technologie de Nordville"),
    ("UdeN", "Université de Nordville"),
    ("uNordville", "University of Nordville"),
    ("ARI inc.", "Acme Robotique Industrielle"),
])
def test_a_bare_acronym_joins_its_only_candidate(acronym: str, full: str) -> None:
    c = clusters_of([acronym, full, "Borealis Logistique", "Université Laurentide"])
    assert together(c, acronym, full) and len(c) == 3


@pytest.mark.parametrize(("acronym", "one", "two"), [
    ("UQN", "Université du Québec à Nordville", "Union québécoise de natation"),
    ("NIT", "Nordville Institute of Technology", "National Insurance Trust"),
])
def test_two_candidates_block_the_merge_and_are_reported(acronym: str, one: str, two: str) -> None:
    result = resolve([Item(acronym), Item(one), Item(two)])
    assert len(result.clusters) == 3
    [conflict] = result.conflicts
    assert conflict.name == acronym and conflict.lines == [1]
    assert sorted(conflict.candidates) == [[2], [3]]


def test_a_defined_acronym_wins_over_initials() -> None:
    c = clusters_of(["Nordville Institute of Technology (NIT)", "NIT", "National Insurance Trust"])
    assert together(c, "Nordville Institute of Technology (NIT)", "NIT")
    assert apart(c, "NIT", "National Insurance Trust")


# --------------------------------------------------------------------------- legal and corporate words


@pytest.mark.parametrize("names", [
    ["Société Acme", "Acme Corporation", "Acme"],  # legal form before, after, none
    ["Les Compagnies Acme limitée", "Acme Companies Limited", "Acme"],  # before and after
    ["Acme Solutions Inc.", "Acme"],  # corporate word
    ["Groupe Acme inc.", "Acme Group", "Acme"],
    ["Acme Canada S.E.N.C.R.L., s.r.l.", "Acme Canada LLP", "Acme"],  # partnership, qualifier
    ["Acme Canada", "Acme LLP"],
    # words naming the kind of body or the line of business, before or after the name
    ["Robotique Acme", "Acme inc.", "Acme"],
    ["Mouvement des caisses Acme", "Mouvement Acme", "Acme"],
    ["Acme Communications Inc.", "Acme"],
    ["Acme Group Acquisition Corporation", "Acme Group"],
])
def test_legal_and_corporate_words_in_any_position(names: list[str]) -> None:
    c = clusters_of(names)
    assert len(c) == 1, c


def test_legal_and_corporate_words_do_not_make_different_names_one() -> None:
    c = clusters_of(["Acme inc.", "Bolt inc.", "Acme Solutions", "Acme Technologies", "Société Bolt"])
    assert apart(c, "Acme inc.", "Bolt inc.")
    assert apart(c, "Acme Solutions", "Acme Technologies")  # two different corporate words
    assert together(c, "Bolt inc.", "Société Bolt")


def test_a_brand_ending_in_s_is_not_a_plural() -> None:
    # "Acmes" (a chain named after its founder) is not "Acme Companies"; generic words
    # of the language data still lose their plural ("Acme Robotics" = "Robotique Acme")
    c = clusters_of(["Acme Companies Limited", "Acme", "Acmes", "Acme Robotics", "Robotique Acme"])
    assert apart(c, "Acme", "Acmes")
    assert together(c, "Acme Robotics", "Robotique Acme")


def test_bare_initials_do_not_hide_a_match_of_the_names() -> None:
    # "(NC)" spells the long form only as initials (candidate only), but the names
    # themselves differ by a corporate word: one railway
    c = clusters_of(["Nordville Central Railroad", "Nordville Central (NC)", "Borealis Logistique"])
    assert together(c, "Nordville Central Railroad", "Nordville Central (NC)") and len(c) == 2


# --------------------------------------------------------------------------- country and region qualifiers


def test_country_qualifiers() -> None:
    c = clusters_of(["Banque Acme du Canada", "Acme Bank of Canada", "Acme Bank",
                     "Agence spatiale de Nordland", "Acme Bank France"])
    assert together(c, "Banque Acme du Canada", "Acme Bank of Canada", "Acme Bank")
    # two different qualifiers on the same name: two entities
    assert apart(c, "Acme Bank of Canada", "Acme Bank France")


def test_a_bare_country_beside_a_brand_is_a_subsidiary_unless_a_partnership() -> None:
    c = clusters_of(["Acme Canada Inc.", "Acme"])
    assert len(c) == 2  # the national subsidiary of a group
    c = clusters_of(["Acme Canada LLP", "Acme"])
    assert len(c) == 1  # one firm across countries


def test_a_qualifier_inside_the_name_is_part_of_it() -> None:
    c = clusters_of(["Université du Québec à Nordville", "Université de Nordville"])
    assert len(c) == 2


# --------------------------------------------------------------------------- two official names


@pytest.mark.parametrize(("fr", "en"), [
    ("Aliments Acme", "Acme Foods"),
    ("Chambre de commerce de Nordville", "Nordville Board of Trade"),
    ("Chambre de commerce de Nordville", "Nordville Chamber of Commerce"),
    ("Centre de recherche informatique de Nordville", "Nordville Computer Research Institute"),
    ("Institut de cardiologie de Nordville", "Nordville Heart Institute"),
    ("Conseil national de recherches de Nordland", "National Research Council of Nordland"),
    ("Banque de développement de Nordland", "Nordland Development Bank"),
    ("Calcul Nordland", "Compute Nordland"),  # the English noun "compute"
])
def test_bilingual_generic_words_in_either_order(fr: str, en: str) -> None:
    c = clusters_of([fr, en])
    assert len(c) == 1


def test_generic_words_do_not_join_different_institutions() -> None:
    c = clusters_of(["Institut de cardiologie de Nordville", "Université de Nordville",
                     "Fondation de l'Institut de cardiologie de Nordville"])
    assert len(c) == 3


# --------------------------------------------------------------------------- long and short forms, taglines


def test_a_long_form_and_its_short_form() -> None:
    c = clusters_of(["Acme Institute for Artificial Intelligence", "Acme Institute",
                     "Institut Acme pour l'intelligence artificielle"])
    assert len(c) == 1


def test_a_name_with_a_dash_and_a_tagline() -> None:
    c = clusters_of(["Acme – Institut québécois de robotique", "Acme - Quebec Robotics Institute", "ACME"])
    assert len(c) == 1


def test_tickers_are_not_part_of_a_name() -> None:
    c = clusters_of(["Acme Robotique inc. (TSX: ACR)", "Acme Robotique (T.ACR)", "Acme Robotique"])
    assert len(c) == 1


# --------------------------------------------------------------------------- government departments


@pytest.mark.parametrize("names", [
    ["Department of Northern Affairs", "Northern Affairs Canada"],  # legal title / applied title
    ["Ministère de la Santé numérique", "Santé numérique Canada", "Digital Health Canada"],
])
def test_a_department_and_its_applied_title(names: list[str]) -> None:
    c = clusters_of([*names, "Borealis Logistique"])
    assert together(c, *names) and len(c) == 2, c


def test_a_department_title_needs_the_same_words() -> None:
    c = clusters_of(["Department of Northern Affairs", "Northern Affairs Labs Canada",
                     "Northern Canada", "Department of Northern Affairs Canada Ontario"])
    assert len(c) == 4, c


# --------------------------------------------------------------------------- a field after the name


@pytest.mark.parametrize("names", [
    ["Institut Nordville de recherches médicales", "Institut Nordville", "Nordville Institute"],
    ["Nordville Institute of Medical Research", "Nordville Institute"],
])
def test_a_long_form_naming_its_field(names: list[str]) -> None:
    c = clusters_of([*names, "Borealis Logistique"])
    assert together(c, *names) and len(c) == 2, c


def test_two_fields_are_two_institutes() -> None:
    c = clusters_of(["Institut Nordville de biologie", "Institut Nordville de chimie",
                     "Université de Nordville", "Institut de recherches cliniques de Nordville"])
    assert len(c) == 4, c
