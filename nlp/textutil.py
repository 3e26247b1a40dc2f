"""Small text helpers shared by the rule layers: blocks, sentences, names, amounts, typing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from grappe.model import EntityType
from nlp.lexicon import WORDS as W
from nlp.lexicon import Lexicon

BULLETS = "→•·▪◦●■□➢➤►▶‣⁃∙*–—-"
_BULLET_START = re.compile(r"^[ \t]*[→•·▪◦●■□➢➤►▶‣⁃∙*–—-]+[ \t]+")
_BLANK = re.compile(r"\n[ \t\f\u00a0]*\n\s*")
_WS = re.compile(r"\s+")
URL = re.compile(r"https?://\S+|www\.\S+")
UPPER_START = re.compile(r"^[A-ZÀ-ÖØ-Þ0-9«\"]")
_TOKEN = re.compile(r"[^\W\d_][\w’'.&+-]*|\d[\w.,]*|[&+@]")


def squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


#: function words a name cannot end with ("Faculté des arts de l’" cut before a second name)
_TRAIL_PARTICLES = re.compile(rf"(?:\s+(?:{W.TAIL_PARTICLE})(?:['’]|\b))+\s*$")


def drop_trailing_particles(name: str) -> str:
    return _TRAIL_PARTICLES.sub("", name)


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines."""

    start: int
    end: int
    text: str

    def lines(self) -> list[tuple[int, int, str]]:
        out = []
        pos = self.start
        for raw in self.text.split("\n"):
            s = pos
            pos += len(raw) + 1
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                out.append((s + lead, s + lead + len(stripped), stripped))
        return out


def blocks(text: str) -> list[Block]:
    out = []
    pos = 0
    for m in _BLANK.finditer(text):
        if text[pos:m.start()].strip():
            out.append(Block(pos, m.start(), text[pos:m.start()]))
        pos = m.end()
    if text[pos:].strip():
        out.append(Block(pos, len(text), text[pos:]))
    return out


def strip_bullet(s: str, start: int) -> tuple[str, int]:
    m = _BULLET_START.match(s)
    if m:
        return s[m.end():], start + m.end()
    return s, start


_SENT_END = re.compile(r"(?<=[.!?])" + "".join(rf"(?<!\b{w}\.)" for w in W.items("TITLE_ABBREV")) +
                       r"(?:[ \u00a0\u202f]?[»\"”])?\s+(?=[«\"“A-ZÀ-ÖØ-Þ])|\n[ \t\f]*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: paragraph breaks and sentence-final punctuation."""
    out = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


_PARTICLES = W.set("NAME_PARTICLE_WORD")
#: the unit words of an amount, by scale
_BILLION = W.set("BILLION")
_MILLION = W.set("MILLION")
_SUFFIX = re.compile(rf",?\s+(?:{W.NAME_SUFFIX})\.?$")
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ](?:[a-z]{0,2}['’][A-Z])?[a-zà-öø-ÿ’'.]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'.]+)*\.?$")
PERSON_AT_START = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’']+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’']+)*)"
    rf"(?:\s+(?:(?:{W.NAME_PARTICLE})\s+)?"
    r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'A-ZÀ-ÖØ-Þ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’']+)*){1,2}"
    rf"(?:,?\s+(?:{W.JR_SR})\.?)?"
)


def first_name_ok(token: str, lex: Lexicon) -> bool:
    head = token.split("-")[0]
    return token in lex.first_names or head in lex.first_names


def looks_like_person(name: str, lex: Lexicon, ner_persons: set[str] | frozenset = frozenset()) -> bool:
    """Lexical evidence that ``name`` is a person: 2-4 capitalised tokens and a known
    first name, or a NER person span with the same text."""
    base = _SUFFIX.sub("", name.strip())
    toks = base.split()
    if not 2 <= len(toks) <= 4:
        return False
    if any(t.casefold() not in _PARTICLES and not _NAME_TOKEN.match(t) for t in toks):
        return False
    if type_cue(base, lex)[0] != EntityType.ORGANIZATION or type_cue(base, lex)[1] is not None:
        return False
    return first_name_ok(toks[0], lex) or squash(name) in ner_persons or base in ner_persons


def person_at_start(s: str, lex: Lexicon, ner_persons: set[str] | frozenset = frozenset()) -> str | None:
    """The person name a string starts with, if any."""
    m = PERSON_AT_START.match(s)
    if not m:
        return None
    cand = m.group()
    # shrink until it is a person (e.g. "Jeanne Roy Direction" -> "Jeanne Roy")
    toks = cand.split()
    while len(toks) >= 2:
        name = " ".join(toks)
        if looks_like_person(name, lex, ner_persons):
            rest = s[len(name):]
            if rest[:1].isalpha():  # cut inside a word
                return None
            return name
        toks = toks[:-1]
    return None


def has(lex: Lexicon, label: str, s: str, flags: int = 0) -> bool:
    return bool(lex.rx(label, r"(?<!\w){}(?!\w)", flags).search(s))


def type_cue(name: str, lex: Lexicon) -> tuple[str, str | None]:
    """(type, subtype) from lexical cues in an organization's name; (Organization, None)
    when no cue says anything."""
    if lex.rx("GOV_OF", r"(?i)^{}").search(name) or has(lex, "FEDERAL", name):
        return EntityType.ORGANIZATION, "government"
    if lex.rx("MUNICIPAL", r"^{}\s").search(name):
        return EntityType.ORGANIZATION, "government"  # "Ville de Nordville", "City of Sudbourg"
    if has(lex, "CLUSTER_CUE", name):
        return EntityType.ORGANIZATION, "cluster"
    if lex.rx("MINISTRY", r"^{}").search(name) or has(lex, "GOV_AGENCY", name):
        return EntityType.ORGANIZATION, "government"
    if has(lex, "NONPROFIT_CUE", name):
        return EntityType.ORGANIZATION, "nonprofit"
    if has(lex, "HOSPITAL_CUE", name):
        return EntityType.ORGANIZATION, "hospital"
    if has(lex, "UNIV_CUE", name):
        return EntityType.UNIVERSITY, None
    if has(lex, "RESEARCH_CUE", name):
        return EntityType.ORGANIZATION, "research_institute"
    if has(lex, "ASSOCIATION_CUE", name):
        return EntityType.ORGANIZATION, "association"
    if has(lex, "INVESTOR_CUE", name):
        return EntityType.ORGANIZATION, "investor"
    if has(lex, "MEDIA_CUE", name):
        return EntityType.ORGANIZATION, "media"
    if has(lex, "COMPANY_CUE", name):
        return EntityType.ORGANIZATION, "company"
    return EntityType.ORGANIZATION, None


#: an amount of money anywhere in a sentence ("$2 million", "1,4 M$", "3 millions")
MONEY = re.compile(rf"\$\s?\d|\d\s*(?:M\s?\$|G\s?\$|\$)|\d\s+(?:{W.MONEY_SCALE_WORD})\b", re.I)

_AMOUNT = re.compile(
    r"(?P<cur1>\$\s?)?(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*"
    rf"(?P<unit>{W.AMOUNT_UNIT})?"
    rf"(?:\s+(?:{W.DOLLARS}))?(?P<cur2>\s?\$)?",
    re.I,
)


def parse_amount(s: str) -> float | None:
    """'9,3 M$' -> 9300000; '$1.8 million' -> 1800000; '2,9 $M'; '1 500 000 $'."""
    for m in _AMOUNT.finditer(s):
        if not (m.group("unit") or m.group("cur1") or m.group("cur2")):
            continue
        num = m.group("num").replace("\u00a0", "").replace("\u202f", "")
        if " " in num:
            num = num.replace(" ", "")
        num = num.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", num) else num.replace(",", "")
        try:
            value = float(num)
        except ValueError:
            continue
        unit = (m.group("unit") or "").casefold().replace(" ", "").replace("$", "")
        if unit in _BILLION:
            value *= 1e9
        elif unit in _MILLION:
            value *= 1e6
        elif unit == "k":
            value *= 1e3
        return round(value)
    return None


def name_like(s: str, max_words: int = 10) -> bool:
    """A short capitalised phrase that could be a name (not a sentence, number or heading)."""
    s = s.strip()
    if not s or not UPPER_START.match(s) or s[0].isdigit():
        return False
    if s.endswith((".", ":", ";", "!", "?")) and not re.search(rf"\b(?:{W.ABBREV_SENTENCE})\.$", s):
        return False
    words = s.split()
    if len(words) > max_words:
        return False
    if URL.search(s):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(words) >= 3 and letters and all(c.isupper() for c in letters):
        return False  # an all-caps heading
    return True
