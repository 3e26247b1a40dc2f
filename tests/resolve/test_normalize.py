"""Normalisation rules for resolution: legal forms, cross-language keys, acronyms, parsing."""

from __future__ import annotations

import pytest

from graph.resolve.normalize import acronym_match, looks_like_acronym, name_key, parse


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Coveo", "Coveo Inc."),
        ("Metro inc.", "METRO INC"),
        ("IBM Canada Ltée", "IBM Canada Ltd."),
        ("Pratt & Whitney Canada Corp.", "Pratt and Whitney Canada"),
        ("Cabinet X S.E.N.C.R.L.", "Cabinet X"),
        ("Société Y SAS", "Société Y"),
    ],
)
def test_legal_suffixes_do_not_count(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_legal_suffix_alone_is_kept() -> None:
    assert name_key("Inc.") == "inc"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Université de Montréal", "University of Montreal"),
        ("Université Laval", "Laval University"),
        ("Université Concordia", "Concordia University"),
        ("Institut Vecteur", "Vector Institute"),
        ("Institut québécois d'intelligence artificielle", "Quebec Artificial Intelligence Institute"),
        ("Fondation HEC Montréal", "HEC Montréal Foundation"),
        ("Collège Dawson", "Dawson College"),
        ("Banque de Montréal", "Bank of Montreal"),
        ("Cégep de St-Jérôme", "Cégep de Saint-Jérôme"),
        ("Scale AI", "l’IA Scale"),
    ],
)
def test_cross_language_forms_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Université de Montréal", "Université du Québec à Montréal"),
        ("IVADO", "IVADO Labs"),
        ("HEC Montréal", "Fondation HEC Montréal"),
        ("Université de Sherbrooke", "Cégep de Sherbrooke"),
    ],
)
def test_distinct_names_have_distinct_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("acronym", "name", "level"),
    [
        ("UQAM", "Université du Québec à Montréal", 1),
        ("UdeM", "Université de Montréal", 1),
        ("ÉTS", "École de technologie supérieure", 1),
        ("IVADO", "Institut de valorisation des données", 1),
        ("Amii", "Alberta Machine Intelligence Institute", 1),
        ("CRIM", "Centre de recherche informatique de Montréal", 1),
        ("ULaval", "Université Laval", 2),
        ("ULaval", "Laval University", 2),
        ("Mila", "Institut québécois d'intelligence artificielle", 0),
        ("HEC", "HEC Montréal", 0),
        ("UQAM", "Université de Montréal", 0),
    ],
)
def test_acronym_match(acronym: str, name: str, level: int) -> None:
    assert acronym_match(acronym, name) == level


def test_looks_like_acronym() -> None:
    assert looks_like_acronym("UQAM") and looks_like_acronym("UdeM") and looks_like_acronym("ÉTS")
    assert not looks_like_acronym("Mila") and not looks_like_acronym("Université Laval")


def test_parse_defined_alias() -> None:
    p = parse("Université du Québec à Montréal (UQAM)")
    assert p.primary == "Université du Québec à Montréal" and p.aliases == ("UQAM",) and p.qualifier is None
    p = parse("ETS - École de technologie supérieure")
    assert p.primary == "ETS" and p.aliases == ("École de technologie supérieure",)


def test_parse_parent_is_a_qualifier_not_an_alias() -> None:
    p = parse("CICIEM (Université Concordia)")
    assert p.primary == "CICIEM" and p.aliases == () and p.qualifier == "Université Concordia"
    p = parse("Institut intelligence et données – Université Laval")
    assert p.primary == "Institut intelligence et données" and p.qualifier == "Université Laval"
