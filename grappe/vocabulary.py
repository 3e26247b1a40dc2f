"""The shared language data of names, read once from ``grappe/lang/*.toml``: what resolution
compares names with, and the legal forms every layer recognises.

One file per language (``fr``, ``en``, and ``intl`` for legal forms met in foreign
names). Each holds general vocabulary only, never a list of particular
organizations: function words, titles, word *roles* (legal form, partnership form, corporate
generic word, line-of-business word, country or region qualifier, company suffix: a legal form that makes a
name a company for the extraction rules), generic institution words mapped to
one concept shared across languages, multi-word generic expressions, ordinary
word translations into English and adjective endings.

Everything is written folded (see :func:`graph.resolve.normalize.fold`); the
loader merges the languages and checks the shapes, naming the file at fault.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from grappe.errors import GrappeError

LANG_DIR = Path(__file__).resolve().parent / "lang"
LANGUAGES = ("fr", "en", "intl")


@dataclass(frozen=True)
class Vocabulary:
    function_words: frozenset[str]
    honorifics: frozenset[str]
    purpose_words: frozenset[str]  # "for", "pour": what follows says what the institution is for
    legal: tuple[tuple[str, ...], ...]  # folded word sequences, longest first
    partnership: tuple[tuple[str, ...], ...]  # the legal forms of partnerships (also in legal)
    company_suffix: tuple[tuple[str, ...], ...]  # legal forms that mark a company after a name (also in legal)
    corporate: tuple[str, ...]  # folded words: the kind of body (Group, Solutions)
    business: tuple[str, ...]  # folded words: the line of business (Railway, Robotics)
    qualifier: tuple[tuple[str, ...], ...]  # folded word sequences
    concepts: dict[str, str]  # word -> "#concept"
    phrases: dict[tuple[str, ...], tuple[str, ...]]  # word sequence -> replacement tokens
    translations: dict[str, str]  # word -> English word (or concept)
    endings: tuple[tuple[str, str], ...]  # (French ending, English ending), longest first


def _words(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GrappeError(f"{where}: expected a list of words", "Fix the language data file.")
    return [" ".join(v.split()) for v in value]


def _table(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise GrappeError(f"{where}: expected a table of word = \"word\"", "Fix the language data file.")
    return {" ".join(k.split()): " ".join(v.split()) for k, v in value.items()}


def load(directory: Path = LANG_DIR, languages: tuple[str, ...] = LANGUAGES) -> Vocabulary:
    """Merge the language files of ``directory``."""
    function_words: set[str] = set()
    honorifics: set[str] = set()
    purpose_words: set[str] = set()
    legal: set[tuple[str, ...]] = set()
    partnership: set[tuple[str, ...]] = set()
    company_suffix: set[tuple[str, ...]] = set()
    corporate: list[str] = []
    business: list[str] = []
    qualifier: set[tuple[str, ...]] = set()
    concepts: dict[str, str] = {}
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    translations: dict[str, str] = {}
    endings: dict[str, str] = {}
    for lang in languages:
        path = directory / f"{lang}.toml"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise GrappeError(f"{path}: cannot read language data ({exc})",
                              "Restore the file from the repository.") from exc
        where = str(path)
        function_words.update(_words(data.get("function_words", []), f"{where} function_words"))
        honorifics.update(_words(data.get("honorifics", []), f"{where} honorifics"))
        purpose_words.update(_words(data.get("purpose_words", []), f"{where} purpose_words"))
        roles = data.get("roles", {})
        legal.update(tuple(w.split()) for w in _words(roles.get("legal", []), f"{where} roles.legal"))
        for role, kept in (("partnership", partnership), ("company_suffix", company_suffix)):
            forms = [tuple(w.split()) for w in _words(roles.get(role, []), f"{where} roles.{role}")]
            kept.update(forms)
            legal.update(forms)  # legal forms with a further role
        corporate.extend(_words(roles.get("corporate", []), f"{where} roles.corporate"))
        business.extend(_words(roles.get("business", []), f"{where} roles.business"))
        qualifier.update(tuple(w.split()) for w in _words(roles.get("qualifier", []),
                                                          f"{where} roles.qualifier"))
        concepts.update(_table(data.get("concepts", {}), f"{where} concepts"))
        for k, v in _table(data.get("phrases", {}), f"{where} phrases").items():
            phrases[tuple(k.split())] = tuple(v.split())
        translations.update(_table(data.get("translations", {}), f"{where} translations"))
        endings.update(_table(data.get("endings", {}), f"{where} endings"))
    return Vocabulary(
        function_words=frozenset(function_words),
        honorifics=frozenset(honorifics),
        purpose_words=frozenset(purpose_words),
        legal=tuple(sorted(legal, key=lambda s: (-len(s), s))),
        partnership=tuple(sorted(partnership, key=lambda s: (-len(s), s))),
        company_suffix=tuple(sorted(company_suffix, key=lambda s: (-len(s), s))),
        corporate=tuple(dict.fromkeys(corporate)),
        business=tuple(dict.fromkeys(business)),
        qualifier=tuple(sorted(qualifier, key=lambda s: (-len(s), s))),
        concepts=concepts,
        phrases=phrases,
        translations=translations,
        endings=tuple(sorted(endings.items(), key=lambda e: (-len(e[0]), e[0]))),
    )


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load()
