"""Title, publication date and kind of a document, from metadata and text cues."""

from __future__ import annotations

import re

_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH_RE})\s+((?:19|20)\d{{2}})\b", re.I)
_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b", re.I)
_MY = re.compile(rf"\b({_MONTH_RE})\s+((?:19|20)\d{{2}})\b", re.I)
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)?\d{2})\b")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")

#: How much of the start of the text dates and cues are looked for in.
HEAD = 3000


def _ymd(y: str, m: int, d: int | None = None) -> str:
    return f"{y}-{m:02d}-{d:02d}" if d else f"{y}-{m:02d}"


def find_date(text: str) -> str | None:
    """Publication date from the start of the text.

    A full date (2023-06-15, 15 juin 2023, June 15, 2023) wins; then month and
    year; then a report-year range ("2022–2023", "2022-23": the report is
    published after the period, so the *second* year); then the first year.
    """
    head = text[:HEAD]
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(head):
        found.append((m.start(), m.group()))
    for m in _DMY.finditer(head):
        found.append((m.start(), _ymd(m.group(3), _MONTHS[m.group(2).lower()], int(m.group(1)))))
    for m in _MDY.finditer(head):
        found.append((m.start(), _ymd(m.group(3), _MONTHS[m.group(1).lower()], int(m.group(2)))))
    if found:
        return min(found)[1]
    m = _MY.search(head)
    if m:
        return _ymd(m.group(2), _MONTHS[m.group(1).lower()])
    for m in _YEAR_RANGE.finditer(head):
        first, second = m.group(1), m.group(2)
        second = second if len(second) == 4 else first[:2] + second
        if int(second) == int(first) + 1:
            return second
    m = _YEAR.search(head)
    return m.group(1) if m else None


_ANNUAL = re.compile(
    r"rapport annuel|annual report|rapport d'activités|états financiers|financial statements"
    r"|exercice (?:terminé|financier)|fiscal year|conseil d'administration|board of directors"
    r"|message (?:du|de la|des) (?:président|co-président|ministre)|message from the",
    re.I,
)
_PRESS = re.compile(
    r"communiqué de presse|press release|news release|pour diffusion immédiate|for immediate release"
    r"|^\s*-\s?30\s?-\s*$|renseignements\s*:|media contact|contact médias|relations médias|media relations",
    re.I | re.M,
)
_NEWS = re.compile(
    r"(?i:^\s*source\s*:)|(?i:par la rédaction|journaliste)|^(?i:by|par) [A-ZÉ][\w'-]+ [A-ZÉ][\w'-]+\s*$",
    re.M,
)


def guess_kind(text: str, *, fmt: str, title: str = "", pages: int = 0, raw: str = "") -> str | None:
    """annual_report / press_release / news_article / web_page from textual cues.

    Annual-report cues are counted (distinct) over the whole text (``raw`` too,
    whose running headers often say "Rapport annuel"); press-release and news
    cues over the start and the end.
    """
    edges = f"{title}\n{text[:HEAD]}\n{text[-1500:]}"
    annual = {m.group().casefold() for m in _ANNUAL.finditer(f"{title}\n{text}\n{raw}")}
    scores = {
        "annual_report": len(annual) + (pages >= 8) + (len(text) > 40_000)
        + 3 * bool(re.search(r"rapport annuel|annual report", title, re.I)),
        "press_release": 2 * len(_PRESS.findall(edges)),
        "news_article": 2 * len(_NEWS.findall(edges)),
    }
    kind, score = max(scores.items(), key=lambda kv: kv[1])
    if score >= 2:
        return kind
    if fmt == "html":
        return "web_page"
    return "news_article" if len(text) < 20_000 else None


def guess_title(text: str) -> str:
    """The first short non-empty line (a heading) of the text."""
    for line in text[:2000].split("\n"):
        line = line.strip().lstrip("#").strip()
        if 3 <= len(line) <= 150 and any(ch.isalpha() for ch in line):
            return line
    return ""


_REPORT_YEAR = re.compile(
    r"(?:rapport annuel|annual report)\s*((?:19|20)\d{2})(?:\s*[-–—/]\s*((?:19|20)?\d{2}))?", re.I
)


def report_year(text: str) -> str | None:
    """The year of "Rapport annuel 2022–2023" / "Annual Report 2023" (second year of a range)."""
    m = _REPORT_YEAR.search(text)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    if second:
        second = second if len(second) == 4 else first[:2] + second
        if int(second) == int(first) + 1:
            return second
    return first
