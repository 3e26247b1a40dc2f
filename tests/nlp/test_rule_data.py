"""The rule layer's language data: the shared folder, the cue registries of the rule
families, the word lists the code's patterns are written with, and patterns built once
per language. Invented data only."""

from __future__ import annotations

import importlib
import io
import json
import re
import tokenize
from pathlib import Path

import pytest

import nlp.rules  # noqa: F401  (imports every family, so each registers its cues)
from nlp.lexicon import PATTERNS_DIR, WORDS, Lexicon, lexicon, read_lexicon
from nlp.rules.cues import FAMILIES, per_language
from nlp.rules.shapes import LEGAL_FORM

NLP = Path(__file__).resolve().parents[2] / "nlp"
FAMILY_MODULES = ("boards", "fields", "lists", "mentions", "names", "projects", "roles")
#: the code that must hold no word list of its own
WORDLESS = [*sorted((NLP / "rules").glob("*.py")), *sorted((NLP / "components").glob("*.py")),
            NLP / "discourse.py", NLP / "assemble.py", NLP / "lexicon.py"]
#: how the rule code reads a label: lex.alt("X"), ci("X"), lex.rx("X", …), has(lex, "X"), …
_LABEL_READS = [r"\balt\(['\"]([A-Z_0-9]+)['\"]", r"\bci\(['\"]([A-Z_0-9]+)['\"]", r"\brx\(['\"]([A-Z_0-9]+)['\"]",
                r"\bhas\(\w+(?:\.lex)?, ['\"]([A-Z_0-9]+)['\"]", r"patterns\.get\(['\"]([A-Z_0-9]+)['\"]",
                r"extra\.get\(['\"]([A-Z_0-9]+)['\"]", r"\bseq\(['\"]([A-Z_0-9]+)['\"]"]


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _row(label: str, pattern: str) -> str:
    return json.dumps({"label": label, "pattern": pattern}, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- shared folder


def test_shared_entries_come_first_and_are_merged_with_the_language(tmp_path):
    _write(tmp_path / "shared", "cues.jsonl", "# a comment line\n" + _row("ROLE", "directeur") + _row("W_AND", "et"))
    _write(tmp_path / "shared", "first_names.txt", "# given names\nOdile\n")
    _write(tmp_path / "shared", "stop_names.txt", "Rapport\n")
    _write(tmp_path / "fr", "cues.jsonl", _row("ROLE", "présidente"))
    _write(tmp_path / "fr", "first_names.txt", "Anatole\n")
    _write(tmp_path / "fr", "stop_names.txt", "Bilan\n")
    lex = read_lexicon("fr", tmp_path)
    assert lex.patterns["ROLE"] == ["directeur", "présidente"]
    assert lex.first_names == {"Odile", "Anatole"}
    assert lex.stop_names == {"rapport", "bilan"}
    assert read_lexicon("shared", tmp_path).patterns == {"ROLE": ["directeur"], "W_AND": ["et"]}


def test_a_bad_cue_row_names_its_file_and_line(tmp_path):
    _write(tmp_path / "shared", "cues.jsonl", "")
    _write(tmp_path / "fr", "cues.jsonl", _row("ROLE", "présidente") + '{"label": "ROLE"}\n')
    with pytest.raises(ValueError, match=r"fr/cues\.jsonl:2"):
        read_lexicon("fr", tmp_path)


def test_first_names_are_written_once():
    for lang in ("fr", "en"):
        assert not (PATTERNS_DIR / lang / "first_names.txt").exists()
    assert lexicon("fr").first_names == lexicon("en").first_names


def test_no_cue_row_is_written_in_both_language_folders():
    rows = {lang: {line for line in (PATTERNS_DIR / lang / "cues.jsonl").read_text(encoding="utf-8").splitlines()
                   if line.startswith("{")} for lang in ("fr", "en")}
    assert rows["fr"] & rows["en"] == set()


# --------------------------------------------------------------------------- cue registries


@pytest.mark.parametrize("family", FAMILY_MODULES)
def test_each_family_reads_only_the_labels_it_declares(family):
    source = (NLP / "rules" / f"{family}.py").read_text(encoding="utf-8")
    read = {label for rx in _LABEL_READS for label in re.findall(rx, source)}
    assert read == FAMILIES[family]


@pytest.mark.parametrize("family", FAMILY_MODULES)
def test_every_declared_label_has_entries_in_both_languages(family):
    for lang in ("fr", "en"):
        missing = [label for label in FAMILIES[family] if not lexicon(lang).patterns.get(label)]
        assert missing == [], f"{family}: no {lang} entries for {missing}"


def test_patterns_are_built_once_per_lexicon():
    calls = []

    @per_language
    def build(lex: Lexicon) -> re.Pattern:
        calls.append(lex.lang)
        return re.compile(lex.alt("ROLE"))

    lex = read_lexicon("fr")
    first = build(lex)
    assert build(lex) is first
    build(read_lexicon("en"))
    assert calls == ["fr", "en"]


def test_the_rule_families_keep_their_patterns_with_the_lexicon():
    lex = read_lexicon("en")
    roles = importlib.import_module("nlp.rules.roles")
    assert roles.patterns(lex) is roles.patterns(lex)
    assert "nlp.rules.roles.patterns" in lex._memo


# --------------------------------------------------------------------------- word lists


def _code_word_labels() -> set[str]:
    used = set()
    for path in NLP.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bW\.([A-Z][A-Z0-9_]+)\b", text))
        used |= set(re.findall(r"\bW\.(?:set|items)\(\"([A-Z0-9_]+)\"\)", text))
    return used - {"ARTICLE"}  # the example in the Words docstring


def test_every_word_list_the_code_names_is_in_the_shared_data_and_used():
    data = {label[2:] for label in lexicon("en").patterns if label.startswith("W_")}
    used = _code_word_labels()
    assert used - data == set()
    assert data - used == set()
    assert WORDS.EXEC_TITLE.split("|")[0] == lexicon("fr").patterns["W_EXEC_TITLE"][0]


def test_legal_forms_after_a_name_come_from_the_core_language_data():
    """One list of legal forms (``grappe/lang/*.toml``): the rules read its
    ``company_suffix`` forms as they are written, and keep no word list of their own."""
    assert not any(label.startswith("W_LEGAL") for label in lexicon("fr").patterns)
    after = re.compile(rf"Acme{LEGAL_FORM}$")
    for company in ("Acme inc.", "Acme, Inc.", "Acme Ltée", "Acme limitée", "Acme S.E.N.C.", "Acme LLC",
                    "Acme Corp.", "Acme, Ltd"):
        assert after.match(company), company
    for other in ("Acme Incubator", "Acme company", "Acme Ltdx"):
        assert not after.match(other), other


def test_an_unknown_word_list_is_a_clear_error():
    with pytest.raises(AttributeError, match="W_NO_SUCH_LIST"):
        _ = WORDS.NO_SUCH_LIST


def _groups(body: str):
    """The (?:…), (?i:…) and (…) groups of a regex source, innermost first."""
    stack, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = body.find("]", i + 2)
            i = (j if j > 0 else len(body)) + 1
            continue
        if c == "(":
            m = re.match(r"\((\?(?:[aiLmsux]*:|<?[=!]|P<\w+>))?", body[i:])
            stack.append(i + len(m.group()))
            i += len(m.group())
            continue
        if c == ")" and stack:
            yield body[stack.pop():i]
        i += 1


_WORD_ALT = re.compile(r"[A-Za-zÀ-ÿ'’]+(?:\\s\+[A-Za-zÀ-ÿ'’]+)*\??")


@pytest.mark.parametrize("path", WORDLESS, ids=lambda p: p.name)
def test_no_word_alternation_is_written_in_code(path):
    """A regex group of two or more words ("le|la|the") belongs in the pattern data."""
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type != tokenize.STRING:
            continue
        prefix = re.match(r"[rRfFbBuU]*", tok.string).group()
        if tok.string[len(prefix):][:3] in ('"""', "'''"):
            continue  # a docstring
        body = tok.string[len(prefix) + 1:-1]
        if "f" in prefix.lower():
            body = re.sub(r"\{[^{}]*\}", "", body)
        for group in _groups(body):
            alts = group.split("|")
            words = [a for a in alts if _WORD_ALT.fullmatch(a) and len(a.rstrip("?")) >= 2]
            if len(alts) >= 2 and len(words) == len(alts):
                found.append(f"{tok.start[0]}: {group}")
    assert found == []
