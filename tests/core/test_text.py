"""grappe.text: the one fold of names, and the written forms of a folded one."""

from __future__ import annotations

import re

import pytest

from grappe.text import fold, written, written_alternation


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


@pytest.mark.parametrize(
    ("folded", "text"),
    [
        ("ltee", "ltée"),
        ("senc", "s.e.n.c"),
        ("s e n c", "s. e. n. c."),
        ("and co", "& co"),
        ("societe d etat", "société d état"),
    ],
)
def test_written_matches_the_ways_a_folded_form_is_written(folded: str, text: str) -> None:
    assert re.fullmatch(written(folded), text)
    assert fold(text) == folded


def test_written_alternation_tries_longer_forms_first() -> None:
    alternation = written_alternation(["inc", "senc", "sencrl"])
    assert re.match(f"(?:{alternation})", "s.e.n.c.r.l").group(0) == "s.e.n.c.r.l"
    assert not re.fullmatch(alternation, "incubator")
