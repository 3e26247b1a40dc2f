"""Names and typing helpers: list items, acronyms, trimming an organization's name, roles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from grappe.model import EntityType
from grappe.text import fold
from nlp.facts import Cand
from nlp.lexicon import WORDS as W
from nlp.lexicon import Lexicon
from nlp.rules.context import Context
from nlp.rules.cues import per_language, register
from nlp.rules.shapes import BASED_IN, NAME_AT, PERSON_TITLE
from nlp.textutil import (
    first_name_ok,
    looks_like_person,
    name_like,
    person_at_start,
    squash,
    strip_bullet,
    type_cue,
)

#: the lexicon labels this family reads (a test holds the code to this list)
CUES = register("names", "BOARD_HEADER", "COUNTRY", "DEPARTMENT", "GOV_TEMPLATE", "INSTITUTION_HEAD",
                "LIST_AND", "MINISTER", "OF_PREP", "ORG_DESCRIPTOR", "PROVINCE", "ROLE")

_PAREN_TAIL = re.compile(r"^(?P<head>.+?)\s*\((?P<inner>[^()]+)\)\s*$", re.S)


#: words an acronym skips ("SRG" for "The Stellan Research Group")
_ACR_SKIP = W.set("ACRONYM_SKIP")


def is_acronym_of(acr: str, name: str) -> bool:
    """'SRG' for 'The Stellan Research Group', 'Nmli' for 'Nordic Marine Learning
    Institute', 'CQDA' for 'Centre québécois de données avancées'."""
    letters = fold(re.sub(r"[^A-Za-zÀ-ÿ]", "", acr))
    if not 2 <= len(letters) <= 16 or " " in acr.strip() or acr.strip() == name.strip():
        return False
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in _ACR_SKIP]
    initials = "".join(w[0] for w in words)
    if len(letters) > 10 and acr.isupper():
        return False
    if not initials or letters[0] != initials[0]:
        return False
    if letters == initials:
        return True
    it = iter(initials)
    if acr.isupper():
        return all(ch in it for ch in letters)
    # a contraction of word beginnings: "PrairiesCan", "FedDev"
    parts = re.findall(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*", acr)
    if len(parts) < 2 or "".join(parts) != acr:
        return False
    ws = iter(words)
    return all(any(w.startswith(fold(part)) for w in ws) for part in parts)


def defines_acronym(acr: str, name: str) -> bool:
    """Whether "name (acr)" reads as the text defining a short form of its own. The
    parenthesis is the evidence, so the short form only has to be drawn from the name:
    its initials (``is_acronym_of``), those initials in another order (a name translated:
    "UAFN" for "Francophone Nordic Academic Union"), or its letters in order through
    the name from its first word on ("Nordacol" for "Nordic Data Collective"), as in
    Schwartz and Hearst (2003)."""
    if is_acronym_of(acr, name):
        return True
    letters = fold(re.sub(r"[^A-Za-zÀ-ÿ]", "", acr))
    if not 2 <= len(letters) <= 10 or " " in acr.strip() or sum(ch.isupper() for ch in acr) < 1:
        return False
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in _ACR_SKIP]
    if len(words) < 2 or letters[0] != words[0][0]:
        return False
    if len(letters) == len(words) and sorted(letters) == sorted(w[0] for w in words):
        return True
    rest = fold(name)  # the short form may take a letter from a skipped word ("aux", "and")
    pos = rest.find(words[0])
    for ch in letters:
        pos = rest.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


@per_language
def _item_separator(lex: Lexicon) -> re.Pattern:
    """Between two list items: a comma, a semicolon, a line break, "et"/"and" before a name."""
    and_ = lex.alt("LIST_AND")
    art = (rf"(?:(?:{W.ARTICLE_OR_OF})?"
           rf"(?:(?:{W.COMPANY_NOUN})\s+)?)"
           rf"(?:(?:[a-z-]+\s+)?(?i:{lex.alt('ORG_DESCRIPTOR')})(?:\s+[a-zà-öø-ÿ-]+){{0,2}}\s+)?")
    return re.compile(rf"\s*[,;]\s*(?:{and_}\s+)?|\s*\n\s*(?=[A-ZÀ-ÖØ-Þ])|\s+{and_}\s+(?={art}[A-ZÀ-ÖØ-Þ0-9])")


def split_items(seg: str, start: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Split a list on commas, semicolons, line breaks and 'et'/'and' before a capital."""
    pat = _item_separator(lex)
    out = []
    pos = 0
    depth_safe = _mask_parens(seg)
    for m in pat.finditer(depth_safe):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(seg)))
    items = []
    for s, e in out:
        raw = seg[s:e]
        raw2, s2 = strip_bullet(raw, s)
        text = raw2.strip().rstrip(";,")
        if text.endswith(".") and not re.search(rf"(?i)\b(?:{W.ABBREV_END_ITEM})\.$", text):
            text = text[:-1].rstrip()
        if not text:
            continue
        lead = len(raw2) - len(raw2.lstrip())
        items.append((squash(text), start + s2 + lead, start + s2 + lead + len(text)))
    return items


def _mask_parens(s: str) -> str:
    """Replace separators inside parentheses so they do not split items."""
    out, depth = [], 0
    for c in s:
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        out.append("_" if depth and c in ",;\n" else c)
    return "".join(out)


@dataclass
class Item:
    cands: list[Cand]
    main: Cand | None  # the entity the item names (person or organization)
    affiliation: tuple[Cand, Cand] | None = None  # (person, org) stated inside the item


def parse_item(name: str, start: int, end: int, ctx: Context, group: str | None = None,
               default_type: str | None = None) -> Item | None:
    """One list item -> its entity (person or organization), with unit/acronym/affiliation."""
    lex = ctx.lex
    name = name.strip().strip("«»\"").strip()
    bm = BASED_IN.match(name)
    if bm:  # "Halifax-based Corvane Analytics"
        start += bm.end()
        name = name[bm.end():]
    if not name_like(name, 14):
        return None
    groups = {group} if group else set()
    # "Firstname Lastname de l'Institut X - Université Y"
    person = person_at_start(name, lex, ctx.persons)
    weak = default_type == EntityType.ORGANIZATION  # a list of organizations: a person needs a known first name
    if person and weak and not first_name_ok(person.split()[0], lex):
        person = None
    if person and len(person) < len(name):
        rest = name[len(person):]
        m = lex.rx("OF_PREP", r"^\s+(?:{})\s*(?P<org>[A-ZÀ-ÖØ-Þ].+)$").match(rest)
        if m and type_cue(m.group("org"), lex) != (EntityType.ORGANIZATION, None):
            org_name = m.group("org")
            p = Cand(person, EntityType.PERSON, start, start + len(person), groups=set(groups))
            o_start = start + len(person) + m.start("org")
            o = org_cand(org_name, o_start, o_start + len(org_name), lex)
            return Item([p, o], p, (p, o))
    if person and person == name:
        p = Cand(person, EntityType.PERSON, start, end, groups=set(groups))
        return Item([p], p)
    m = _PAREN_TAIL.match(name)
    if m:
        head, inner = m.group("head").strip(), m.group("inner").strip()
        if is_acronym_of(inner, head):
            c = org_cand(head, start, start + len(head), lex)
            c.aliases += [inner, name]
            c.groups |= groups
            return Item([c], c)
        if type_cue(inner, lex) != (EntityType.ORGANIZATION, None) and name_like(head, 6):
            # a named unit of an institution: "LUMEN (Université X)"
            t, sub = type_cue(inner, lex)
            c = org_cand(head, start, start + len(head), lex)
            if c.type == EntityType.ORGANIZATION and c.subtype is None:
                c.type, c.subtype = t, sub
            c.aliases.append(name)
            c.groups |= groups
            return Item([c], c)
    if looks_like_person(name, lex, ctx.persons) and not (weak and not first_name_ok(name.split()[0], lex)):
        p = Cand(name, EntityType.PERSON, start, end, groups=set(groups))
        return Item([p], p)
    c = org_cand(name, start, end, lex)
    c.groups |= groups
    if default_type and c.subtype is None and c.type == EntityType.ORGANIZATION and default_type != EntityType.ORGANIZATION:
        c.type = default_type
    return Item([c], c)


def org_cand(name: str, start: int, end: int, lex: Lexicon) -> Cand:
    t, sub = type_cue(name, lex)
    return Cand(squash(name), t, start, end, subtype=sub)


def is_role(s: str, lex: Lexicon) -> bool:
    s = s.strip()
    if not s:
        return False
    if lex.rx("DEPARTMENT", r"(?i)^{}$").match(s):
        return True
    if lex.rx("ROLE", r"(?i)^(?:co-?)?{}$").match(s):
        return True
    if lex.rx("ROLE", r"^(?i:co-?)?(?i:{})(?:\s+[a-zà-öø-ÿ][\w’'-]*){1,3}$").match(s):
        return True  # a title with lowercase qualifiers ("Professeure titulaire")
    return bool(lex.rx("ROLE", rf"(?i)^(?:co-?)?{{}}\s+(?:{W.ROLE_LINK})\s+[\w’' -]+$").match(s)) \
        and not type_cue(s, lex)[0] == EntityType.UNIVERSITY


def province_gov(lex: Lexicon, province: str) -> str:
    """The government of a province: 'Gouvernement de l'Île-du-Prince-Édouard', 'Government of Prince Edward Island'."""
    prep = lex.extra.get("PROVINCE", {}).get(province, {}).get("prep")
    if prep is None:
        return gov_name(lex, of=province)
    head = lex.patterns.get("GOV_TEMPLATE", ["{}"])[0].split(" ")[0]
    return f"{head} {prep}{'' if prep.endswith(chr(39)) else ' '}{province}"


def gov_name(lex: Lexicon, country: str | None = None, of: str | None = None) -> str:
    template = lex.patterns.get("GOV_TEMPLATE", ["{}"])[0]
    return template.replace("{}", of or country or lex.patterns.get("COUNTRY", [""])[0])


def clean_person(s: str, lex: Lexicon) -> str:
    """Drop a title or a sentence word glued before a name ("Selon Marie Roy",
    "the Honourable Jane Doe") and a final period."""
    s = PERSON_TITLE.sub("", s.strip())
    toks = s.strip().rstrip(".").split()
    while len(toks) > 2 and toks[0] not in lex.first_names and first_name_ok(toks[1], lex):
        toks = toks[1:]
    return " ".join(toks)


def name_shaped(s: str, lex: Lexicon) -> bool:
    """Two or three capitalised words with no organization cue: a name, where the
    construction (honorific, "Minister X") already says it is a person."""
    toks = s.split()
    return 2 <= len(toks) <= 3 and all(re.fullmatch(r"[A-ZÀ-ÖØ-Þ](?:[a-z]{0,2}['’][A-Z])?[a-zà-öø-ÿ’'-]+", t)
                                       for t in toks) \
        and type_cue(s, lex) == (EntityType.ORGANIZATION, None)


def is_minister(role: str, lex: Lexicon) -> bool:
    return bool(lex.rx("MINISTER", rf"(?i)^(?:{W.FIRST_MINISTER})?{{}}").match(role.strip()))


def trim_org(org: str, lex: Lexicon) -> str | None:
    org = re.sub(r"(?<=s)['’]$|['’]s$", "", org.strip().rstrip(".,;:"))  # "Acme's", "Corvane Analytics'"
    org = BASED_IN.sub("", org)
    poss = re.search(r"['’]s\s+[A-ZÀ-ÖØ-Þ]", org)
    if poss and type_cue(org[:poss.start()], lex) != (EntityType.ORGANIZATION, None):
        org = org[:poss.start()]  # "Acme University's School of Design": the university
    org = re.sub(rf"\s+(?:{W.TRAILING_LINK})$", "", org, flags=re.I)
    org = re.sub(r"^(?:l['’]|d['’])", "", org)
    if not org or not name_like(org, 8):
        return None
    if org.casefold() in lex.stop_names or lex.rx("BOARD_HEADER", r"(?i)^(?:{})$").match(org):
        return None  # a generic word or a heading ("Board of Directors", "Leadership")
    return org


def org_at(body: str, lex: Lexicon) -> str | None:
    """The organization name a string starts with: "Long name (ACR)", an institution
    head word followed by its complement ("Banque de développement du Canada"), or a
    run of capitalised words."""
    acr = re.match(r"^(?P<name>[A-ZÀ-ÖØ-Þ][^()]{2,80}?)\s*\((?P<acr>[A-ZÀ-ÖØ-Þ][\w.&-]{1,10})\)", body)
    if acr and is_acronym_of(acr.group("acr"), acr.group("name")) and not re.search(r"[.;:!?]", acr.group("name")):
        return acr.group("name").strip()
    if lex.rx("INSTITUTION_HEAD", r"^{}(?!\w)").match(body):
        m = re.match(rf"^(?:(?!\s(?:{W.AND_OR}|{W.WITH})\s)[^,.;:!?()«»\n])+", body)
        words = m.group().split() if m else []
        # stop at a verb-like lowercase word after the complement: keep up to 8 words
        if 1 < len(words) <= 8:
            return trim_org(m.group().strip(), lex)
    m = NAME_AT.match(body)
    return trim_org(m.group(), lex) if m else None


_TAIL_PARTICLES = W.set("TAIL_PARTICLE")


def cut_lower_tail(raw: str, lex: Lexicon) -> str:
    """Cut a name at a lowercase word that follows a capitalised non-head word
    ("Université Acme autour d'un objectif" -> "Université Acme"); inner lowercase words
    after a head or a particle stay ("Institut de valorisation des données")."""
    words = list(re.finditer(r"\S+", raw))
    for i in range(2, len(words)):
        w, prev = words[i].group(), words[i - 1].group()
        if (w[:1].islower() and re.split(r"['’]", w.casefold())[0] not in _TAIL_PARTICLES
                and prev[:1].isupper() and type_cue(prev, lex) == (EntityType.ORGANIZATION, None)):
            return raw[:words[i].start()].rstrip()
    return raw
