"""The one fold of names: the comparison form used by extraction, its scorer, resolution,
the store's ``search_text``, search and matchmaking alike. The words of names (legal forms,
function words, generic institution words) are language data: :mod:`grappe.vocabulary`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

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

    >>> fold("L’École de génie nordique (S.E.N.C.) & Cie")
    'ecole de genie nordique senc and cie'
    """
    text = strip_accents(name or "").translate(_QUOTES).casefold()
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _ELISION.sub("", text)
    text = text.replace("&", " and ").replace("+", " and ")
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    # every Latin letter fold reads as a plain one ("é" -> "e"): the inverse of strip_accents
    out: dict[str, list[str]] = {}
    for code in range(0xC0, 0x100):  # Latin-1: the accents of the languages read
        char = chr(code)
        base = strip_accents(char).casefold()
        if len(base) == 1 and base.isascii() and base.isalpha() and char.islower():
            out.setdefault(base, []).append(char)
    return {base: "[" + base + "".join(chars) + "]" for base, chars in out.items()}


def _letter(char: str) -> str:
    return _accented().get(char, re.escape(char))


def written(folded: str) -> str:
    """A regular-expression fragment for the ways a folded word sequence is written in
    text: any accents on its letters, a dot after each letter ("S.E.N.C." for "senc"),
    "&" for "and". Lower case: the caller's pattern ignores case where it must.

    >>> bool(re.fullmatch(written("ltee"), "ltée"))
    True
    """
    parts = []
    for word in folded.split():
        if word == "and":
            parts.append("(?:and|&)")  # fold reads "&" as "and"
        elif len(word) == 1:
            parts.append(_letter(word) + r"\.?")
        else:
            plain = "".join(_letter(c) for c in word)
            dotted = r"\.".join(_letter(c) for c in word)  # fold joins dotted abbreviations
            parts.append(f"(?:{plain}|{dotted})")
    return r"[ \t]+".join(parts)


def written_alternation(forms: Iterable[str]) -> str:
    """:func:`written` of each folded form, joined by "|" longest first (so "sencrl"
    is tried before "senc"); not wrapped in a group."""
    return "|".join(written(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))
