"""grappe.vocabulary: the language data of names, merged from grappe/lang/*.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from grappe.errors import GrappeError
from grappe.vocabulary import load, vocabulary


def test_forms_with_a_further_role_are_legal_forms_too() -> None:
    v = vocabulary()
    assert v.company_suffix and set(v.company_suffix) <= set(v.legal)
    assert v.partnership and set(v.partnership) <= set(v.legal)


def test_a_role_that_is_not_a_list_of_words_names_its_file(tmp_path: Path) -> None:
    (tmp_path / "xx.toml").write_text('[roles]\ncompany_suffix = "inc"\n', encoding="utf-8")
    with pytest.raises(GrappeError, match=r"xx\.toml roles\.company_suffix"):
        load(tmp_path, ("xx",))


def test_a_company_suffix_written_with_spaces_is_a_word_sequence(tmp_path: Path) -> None:
    (tmp_path / "xx.toml").write_text('[roles]\ncompany_suffix = ["s  a", "gmbh"]\n', encoding="utf-8")
    v = load(tmp_path, ("xx",))
    assert v.company_suffix == (("s", "a"), ("gmbh",))
    assert v.legal == (("s", "a"), ("gmbh",))
