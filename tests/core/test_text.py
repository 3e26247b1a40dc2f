"""grappe.text: the one fold of names and the words that end names, read from data."""

from __future__ import annotations

import re

import pytest

from grappe.text import LEGAL_FORMS, PERSON_SUFFIXES, fold, keeps_period, legal_form_pattern


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Université de Montréal", "universite de montreal"),
        ("L’École de technologie supérieure", "ecole de technologie superieure"),
        ("l'Institut d'intelligence", "institut intelligence"),
        ("Pratt & Whitney", "pratt and whitney"),
        ("S.E.N.C.R.L.", "sencrl"),
        ("  Hydro-Québec  ", "hydro quebec"),
        ("ÉTS", "ets"),
        ("Marie-Paule Jolicœur", "marie paule jolicoeur"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_treats_both_apostrophes_alike() -> None:
    assert fold("Queen’s University") == fold("Queen's University")


def test_fold_reads_ampersand_and_plus_as_and() -> None:
    assert fold("Dupont & Fils") == "dupont and fils"
    assert fold("ARC+") == "arc and"


def test_legal_forms_hold_the_running_text_forms_folded() -> None:
    assert ("ltee",) in LEGAL_FORMS and ("senc",) in LEGAL_FORMS and ("s", "a", "s") in LEGAL_FORMS
    assert PERSON_SUFFIXES == ("jr", "sr")


@pytest.mark.parametrize(
    ("text", "found"),
    [("Acme Robotique inc. a", " inc."), ("Nordville Bois, ltée,", ", ltée"),
     ("Acme Incubateur", None), ("Acme s.e.n.c", " s.e.n.c")],
)
def test_legal_form_pattern_after_a_name(text: str, found: str | None) -> None:
    m = re.search(legal_form_pattern(), text)
    assert (m.group(0) if m else None) == found


def test_keeps_period_only_after_an_abbreviation() -> None:
    assert keeps_period("Acme Robotique Inc.")
    assert keeps_period("Jean Nordville jr.")
    assert not keeps_period("Acme Robotique lab.")
