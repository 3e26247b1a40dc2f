"""The one fold of names: the comparison form used by extraction, its scorer, resolution,
the store's ``search_text``, search and matchmaking alike. The words of names (legal forms,
function words, generic institution words) are language data: :mod:`grappe.vocabulary`.
"""

from __future__ import annotations

import re
import unicodedata
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
