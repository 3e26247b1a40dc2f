"""grappe.text: the one fold of names."""

from __future__ import annotations

import pytest

from grappe.text import fold


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
