"""The text facts every layer shares: the one fold of names, and the legal forms.

* :func:`fold`: the comparison form of a name, used by extraction, its scorer,
  resolution, the store's ``search_text``, search and matchmaking alike;
* :data:`LEGAL_FORMS`, :data:`LEGAL_FORMS_IN_TEXT`, :func:`legal_form_pattern`,
  :data:`PERSON_SUFFIXES` and :func:`keeps_period`: the words that end names, read from
  ``grappe/data/names.toml``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from grappe.errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent / "data"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "‛": "'",
                         "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l",
                         "Ł": "L", "đ": "d", "Đ": "D"})
_ELISION = re.compile(r"\b(?:qu|[ldjmnstc])'(?=\w)")
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}(?:[^\W\d_]\b)?")
_NON_WORD = re.compile(r"[\W_]+")


def strip_accents(text: str) -> str:
    """``text`` without combining marks ("Énergie" -> "Energie"); case and punctuation kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The comparison form of a name: accents stripped, case folded, ’ read as ',
    elisions dropped (l', d', qu'...), dotted abbreviations joined, ``&`` and ``+`` read
    as "and", every run of other characters one space.

    >>> fold("L’École de technologie supérieure (S.E.N.C.) & Cie")
    'ecole de technologie superieure senc and cie'
    """
    text = strip_accents(name or "").translate(_QUOTES).casefold()
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _ELISION.sub("", text)
    text = text.replace("&", " and ").replace("+", " and ")
    return _NON_WORD.sub(" ", text).strip()


def _words(table: dict[str, object], key: str, where: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(where + key, value, "a list of words")
    return [" ".join(v.split()) for v in value]


def _read(path: Path) -> dict[str, dict[str, object]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path), type(exc).__name__, f"a readable TOML file ({exc})") from None
    return {k: v for k, v in data.items() if isinstance(v, dict)}


_NAMES_FILE = DATA_DIR / "names.toml"
_NAMES = _read(_NAMES_FILE)


def _list(section: str, key: str) -> list[str]:
    return _words(_NAMES.get(section, {}), key, f"{_NAMES_FILE.name}: [{section}] ")


#: Legal forms as written in running text ("inc", "ltée", "s.e.n.c").
LEGAL_FORMS_IN_TEXT: tuple[str, ...] = tuple(_list("legal_forms", "in_text"))
#: Every legal form as a folded word sequence (("inc",), ("s", "e", "n", "c")...).
LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(dict.fromkeys(
    tuple(fold(form).split()) for form in (*_list("legal_forms", "name_end"), *LEGAL_FORMS_IN_TEXT)))
#: Generation suffixes after a person's name ("jr", "sr"), folded.
PERSON_SUFFIXES: tuple[str, ...] = tuple(fold(s) for s in _list("person", "suffixes"))


def legal_form_pattern() -> str:
    """A regular-expression fragment for a legal form after a name (", inc.", " ltée")."""
    forms = "|".join(re.escape(f) for f in LEGAL_FORMS_IN_TEXT)
    return rf",?[ \t]+(?i:{forms})\.?(?!\w)"


_KEEPS_PERIOD = re.compile(
    r"(?i)\b(?:" + "|".join(re.escape(f) for f in _list("abbreviations", "keep_period")) + r")\.$")


def keeps_period(name: str) -> bool:
    """Whether ``name`` ends with an abbreviation whose period belongs to it ("Acme inc.")."""
    return bool(_KEEPS_PERIOD.search(name))
