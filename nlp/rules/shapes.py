"""Text shapes the rule families share: capitalised runs, legal forms, datelines, titles."""

from __future__ import annotations

import re

from grappe.text import written_alternation
from grappe.vocabulary import vocabulary
from nlp.lexicon import WORDS as W

#: a legal form after a company name ("Acme inc.", ", Ltd", " S.E.N.C."): the language
#: data's ``company_suffix`` forms (``grappe/lang/*.toml``), as they are written
LEGAL_FORM = rf",?[ \t]+(?i:{written_alternation(' '.join(f) for f in vocabulary().company_suffix)})\.?(?!\w)"
#: the same, compiled once (it is long): matched where a name ends
LEGAL_FORM_RX = re.compile(LEGAL_FORM)


#: an executive title before a name ("CEO Maëlle Roy"): a person, never an organization's name
EXEC_TITLE = re.compile(rf"^(?:{W.EXEC_TITLE})\s+(?=[A-ZÀ-ÖØ-Þ])")


#: "MONTRÉAL, le 4 mars 2024 –", "TORONTO, May 2, 2024 /CNW/ -": a place and a date, not a name
DATELINE = re.compile(
    rf"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]+(?:\([^)]*\))?,\s*(?:[A-Z][A-Za-z.]{{1,4}},\s*)?(?:(?:{W.DATELINE_ARTICLE})\s+)?"
    r"(?:\d{1,2}(?:er)?\s+\w+|\w+\.?\s+\d{1,2}),?\s+\d{4}\s*(?:/[^/\n]+/)?\s*[–—-]+\s*"
)


#: a place prefix that is not part of a name: "Toronto-based", "Quebec City-based"
BASED_IN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w.'’]*(?:[ -][A-ZÀ-ÖØ-Þ][\w.'’]*)?-based\s+(?=[A-ZÀ-ÖØ-Þ])")


CAP = r"[A-ZÀ-ÖØ-Þ][\w’'&.+@-]*"


OPT_ART = rf"(?:(?i:{W.OPT_ARTICLE})\s*)?"


ORG_RUN = rf"{CAP}(?:[ \t]+(?:(?:{W.NAME_LINK})[ \t]+)?{CAP}){{0,6}}"


#: titles written in front of a name ("the Honourable Jane Doe", "Minister Doe", "Dre Roy")
PERSON_TITLE = re.compile(
    rf"^(?:(?:{W.THE_L})\s*)?(?:{W.PERSON_TITLE})\.?\s+(?=[A-ZÀ-ÖØ-Þ])")


ARTICLES = re.compile(
    rf"^(?:(?:{W.ELISION})\s*|(?:{W.LEADING_WORD})\s+)+", re.I)


NAME_AT = re.compile(
    rf"^(?:{CAP})(?:[ \t]+(?:(?:{W.NAME_AT_LINK})[ \t]+)?(?:{CAP}|\d{{4}})){{0,7}}"
)


MONEY_AMT = rf"(?:\$\s?[\d.,]+(?:\s*(?:{W.MONEY_SCALE}))?|[\d][\d.,\s]*\s*(?:{W.MONEY_SUFFIX}))"
