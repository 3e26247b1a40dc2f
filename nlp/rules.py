"""The rule layers, as pure functions over (text, lexicon, context) that add to Facts.

* :func:`project_fields` - report layouts: a project title followed by
  "Partenaires : A, B" / "Projet dirigé par : X", status and investment lines;
* :func:`lists` - boards and teams ("Name / Affiliation" items after a board
  heading) and lists introduced by a colon (institutions we collaborate with,
  an event's partners), plus events whose sub-items say who led them;
* :func:`prose` - sentences: roles ("Jane Doe, CEO of X"), ministers, explicit
  partnerships, "X, an event organised by Y", governments, participation.

They are wrapped as spaCy components in :mod:`nlp.components`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from grappe.text import fold, keeps_period, legal_form_pattern
from nlp.facts import MAIN_PROJECT, PROJECT_OR_SUBJECT, RULE, SUBJECT, Cand, Facts
from nlp.lexicon import Lexicon
from nlp.textutil import (
    MONEY,
    PERSON_AT_START,
    URL,
    Block,
    blocks,
    first_name_ok,
    has,
    looks_like_person,
    name_like,
    parse_amount,
    person_at_start,
    squash,
    strip_bullet,
    type_cue,
)

#: a legal form after a company name ("Acme inc.", ", Ltd")
LEGAL_FORM = legal_form_pattern()
#: an executive title before a name ("CEO Maëlle Roy"): a person, never an organization's name
EXEC_TITLE = re.compile(r"^(?:CEO|CTO|CFO|COO|CSO|CIO|PDG|DG|Chair|President|Présidente?)\s+(?=[A-ZÀ-ÖØ-Þ])")

#: "MONTRÉAL, le 4 mars 2024 –", "TORONTO, May 2, 2024 /CNW/ -": a place and a date, not a name
DATELINE = re.compile(
    r"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]+(?:\([^)]*\))?,\s*(?:[A-Z][A-Za-z.]{1,4},\s*)?(?:(?:le|the)\s+)?"
    r"(?:\d{1,2}(?:er)?\s+\w+|\w+\.?\s+\d{1,2}),?\s+\d{4}\s*(?:/[^/\n]+/)?\s*[–—-]+\s*"
)


@dataclass
class Context:
    """What the rules may use besides the text: NER spans, by label."""

    text: str
    lex: Lexicon
    doc_key: str = ""
    persons: set[str] = field(default_factory=set)  # NER person strings
    orgs: list[tuple[int, int, str]] = field(default_factory=list)  # NER org spans
    places: list[tuple[int, int]] = field(default_factory=list)  # NER place spans
    _lower: set[str] | None = field(default=None, repr=False)
    _groups: int = field(default=0, repr=False)

    def is_place(self, start: int, end: int) -> bool:
        """A place for NER, with no organization cue in its name ("Nova AI" is not)."""
        if type_cue(self.text[start:end], self.lex) != ("Organization", None):
            return False
        return any(s <= start and end <= e for s, e in self.places)

    def is_common(self, word: str) -> bool:
        """Is the word written in lowercase somewhere in the text (a common word)?"""
        if self._lower is None:
            self._lower = set(re.findall(r"(?<![\w’'])[a-zà-öø-ÿ][a-zà-öø-ÿ-]*", self.text))
        return word.casefold() in self._lower

    def group(self, kind: str) -> str:
        """A list id, deterministic within the document (assembly prefixes the document id)."""
        self._groups += 1
        return f"{kind}:{self._groups}"


# --------------------------------------------------------------------------- items


_PAREN_TAIL = re.compile(r"^(?P<head>.+?)\s*\((?P<inner>[^()]+)\)\s*$", re.S)


_ACR_SKIP = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "of", "the", "and", "en", "à", "a", "pour",
             "for", "in", "on", "au", "aux"}


def is_acronym_of(acr: str, name: str) -> bool:
    """'KRG' for 'The Kestrel Research Group', 'Nmli' for 'Nordic Machine Learning
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


def split_items(seg: str, start: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Split a list on commas, semicolons, line breaks and 'et'/'and' before a capital."""
    and_ = lex.alt("LIST_AND")
    art = (r"(?:(?:l['’]|le\s+|la\s+|les\s+|the\s+|d['’]|de\s+)?"
           r"(?:(?:firme|société|entreprise|compagnie|company|firm|startup|start-up|jeune\s+pousse)\s+)?)"
           rf"(?:(?:[a-z-]+\s+)?(?i:{lex.alt('ORG_DESCRIPTOR')})(?:\s+[a-zà-öø-ÿ-]+){{0,2}}\s+)?")
    pat = re.compile(rf"\s*[,;]\s*(?:{and_}\s+)?|\s*\n\s*(?=[A-ZÀ-ÖØ-Þ])|\s+{and_}\s+(?={art}[A-ZÀ-ÖØ-Þ0-9])")
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
        if text.endswith(".") and not keeps_period(text):
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


#: a place prefix that is not part of a name: "Toronto-based", "Quebec City-based"
BASED_IN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w.'’]*(?:[ -][A-ZÀ-ÖØ-Þ][\w.'’]*)?-based\s+(?=[A-ZÀ-ÖØ-Þ])")


def parse_item(name: str, start: int, end: int, ctx: Context, group: str | None = None,
               default_type: str | None = None) -> Item | None:
    """One list item -> its entity (person or organization), with unit/acronym/affiliation."""
    lex = ctx.lex
    name = name.strip().strip("«»\"").strip()
    bm = BASED_IN.match(name)
    if bm:  # "Toronto-based Kestrel Analytics"
        start += bm.end()
        name = name[bm.end():]
    if not name_like(name, 14):
        return None
    groups = {group} if group else set()
    # "Firstname Lastname de l'Institut X - Université Y"
    person = person_at_start(name, lex, ctx.persons)
    weak = default_type == "Organization"  # a list of organizations: a person needs a known first name
    if person and weak and not first_name_ok(person.split()[0], lex):
        person = None
    if person and len(person) < len(name):
        rest = name[len(person):]
        m = re.match(rf"^\s+(?:{lex.alt('OF_PREP')})\s*(?P<org>[A-ZÀ-ÖØ-Þ].+)$", rest)
        if m and type_cue(m.group("org"), lex) != ("Organization", None):
            org_name = m.group("org")
            p = Cand(person, "Person", start, start + len(person), groups=set(groups))
            o_start = start + len(person) + m.start("org")
            o = _org_cand(org_name, o_start, o_start + len(org_name), lex)
            return Item([p, o], p, (p, o))
    if person and person == name:
        p = Cand(person, "Person", start, end, groups=set(groups))
        return Item([p], p)
    m = _PAREN_TAIL.match(name)
    if m:
        head, inner = m.group("head").strip(), m.group("inner").strip()
        if is_acronym_of(inner, head):
            c = _org_cand(head, start, start + len(head), lex)
            c.aliases += [inner, name]
            c.groups |= groups
            return Item([c], c)
        if type_cue(inner, lex) != ("Organization", None) and name_like(head, 6):
            # a named unit of an institution: "LUMEN (Université X)"
            t, sub = type_cue(inner, lex)
            c = _org_cand(head, start, start + len(head), lex)
            if c.type == "Organization" and c.subtype is None:
                c.type, c.subtype = t, sub
            c.aliases.append(name)
            c.groups |= groups
            return Item([c], c)
    if looks_like_person(name, lex, ctx.persons) and not (weak and not first_name_ok(name.split()[0], lex)):
        p = Cand(name, "Person", start, end, groups=set(groups))
        return Item([p], p)
    c = _org_cand(name, start, end, lex)
    c.groups |= groups
    if default_type and c.subtype is None and c.type == "Organization" and default_type != "Organization":
        c.type = default_type
    return Item([c], c)


def _org_cand(name: str, start: int, end: int, lex: Lexicon) -> Cand:
    t, sub = type_cue(name, lex)
    return Cand(squash(name), t, start, end, subtype=sub)


# --------------------------------------------------------------------------- project fields


_FIELD_LINE = re.compile(r"^\s*[A-ZÀ-ÖØ-Þ][^:,.;\n]{0,40}?\s?:\s*\S")


_PROSE_PARA = re.compile(r"\n[ \t]*\n(?P<para>[^\n]{20,600}[.!?»])[ \t]*\n[ \t]*\n?$")


def _prose_between(text: str, line_end: int) -> int | None:
    """Title / blank / one prose paragraph / blank / field: the end of the line above the
    paragraph's blank line, when that line is a short standalone heading."""
    if line_end <= 0:
        return None
    m = _PROSE_PARA.search(text, max(0, line_end - 700), line_end + 1)
    if not m:
        return None
    above_end = m.start()
    above_start = text.rfind("\n", 0, above_end) + 1
    heading = text[above_start:above_end].strip()
    before = text[:above_start].rstrip(" \t")
    if (not heading or len(heading.split()) > 12 or heading.endswith((".", ":", ";", "!", "?", ","))
            or not heading[:1].isupper()):
        return None
    if before and not re.search(r"\n[ \t]*\n$", text[:above_start]):
        return None  # the heading must stand alone (blank line above it)
    return above_end


def _title_before(text: str, pos: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """The project title: up to 3 non-blank lines right above ``pos`` (above any other
    "Label: value" field lines of the same block)."""
    lines = []
    end = pos
    line_end = text.rfind("\n", 0, pos)
    name_rx = lex.rx("NAME_FIELD", r"(?im)^[ \t]*(?:{})[ \t]*:[ \t]*(?P<v>\S[^\n]*?)[ \t]*$")
    while line_end > 0:  # skip the block's other field lines ("Led by: X" above "Partners: …")
        line_start = text.rfind("\n", 0, line_end) + 1
        if not _FIELD_LINE.match(text[line_start:line_end]):
            break
        nm = name_rx.match(text, line_start, line_end)
        if nm:  # a fact sheet: "Project: Foo" names the project the fields below describe
            return nm.group("v"), nm.start("v"), nm.end("v")
        line_end = line_start - 1
    skip = _prose_between(text, line_end)
    if skip is not None:
        line_end = skip
    while line_end > 0 and len(lines) < 3:
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end].strip()
        if (not line or URL.search(line) or line.endswith((".", ":", ";", "!", "?")) or _FIELD_LINE.match(line)
                or re.match(r"^[\d\s,.$M%+]+$", line) or lex.rx("TOTAL_FIELD", r"(?i)^{}").search(line)
                or parse_amount(line) is not None):
            break
        lines.insert(0, (line_start, line_end, line))
        line_end = line_start - 1
    if not lines:
        return None
    s = lines[0][0] + (len(text[lines[0][0]:lines[0][1]]) - len(text[lines[0][0]:lines[0][1]].lstrip()))
    e = lines[-1][1]
    title = squash(" ".join(line for _, _, line in lines))
    title, _ = strip_bullet(title, 0)
    title = title.strip()
    num = _ENUM.match(title)
    if num:  # "2. Yard Orchestration": the numbering of a list of projects
        title = title[num.end():]
        s = text.find(title[:20], s)
    if not title or len(title.split()) > 25:
        return None
    return title, s, e if e > s else end


_ENUM = re.compile(r"^(?:\d{1,2}|[A-Za-z])[.)]\s+(?=\S)|^\(\d{1,2}\)\s+")


def project_fields(ctx: Context, facts: Facts) -> None:
    text, lex = ctx.text, ctx.lex
    field_rx = re.compile(
        rf"(?im)^[ \t]*(?:(?P<partners>{lex.alt('PARTNER_FIELD')})|(?P<lead>{lex.alt('LEAD_FIELD')})"
        rf"|(?P<funding>{lex.alt('FUNDING_FIELD')}))"
        r"[ \t]*:[ \t]*"
    )
    matches = list(field_rx.finditer(text))
    stop_rx = re.compile(
        rf"(?i)^\s*(?:{lex.alt('STATUS_FIELD')}|{lex.alt('FUNDER_FIELD')}|{lex.alt('TOTAL_FIELD')}"
        rf"|{lex.alt('PARTNER_FIELD')}\s*:|{lex.alt('LEAD_FIELD')}\s*:|{lex.alt('FUNDING_FIELD')}\s*:)"
    )
    for i, m in enumerate(matches):
        title = _title_before(text, m.start(), lex)
        if title is None:
            continue
        name, ts, te = title
        # the field's content: this line and its continuation lines
        pos = m.end()
        stop = len(text)
        for lm in re.finditer(r"\n", text[pos:]):
            nxt = pos + lm.end()
            line_end = text.find("\n", nxt)
            line = text[nxt: line_end if line_end >= 0 else len(text)]
            if not line.strip() or stop_rx.match(line) or URL.search(line) or _FIELD_LINE.match(line):
                stop = pos + lm.start()
                break
        else:
            stop = len(text)
        content = text[m.end():stop].replace("\n", " ")  # same length: offsets hold
        next_field = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body_end = min(next_field, stop + 700)
        body = text[stop:body_end]
        url = URL.search(body)
        if url:
            body = body[:url.start()]
        proj = facts.add(Cand(name, "Project", ts, te, source=RULE))
        facts.claimed.append((ts, te))
        _fields_body(body, proj, stop, ctx, facts)
        group = ctx.group("partners")
        rtype = "LEADS" if m.group("lead") else "FUNDS" if m.group("funding") else "PARTICIPATES_IN"
        for item_text, s, e in split_items(content, m.end(), lex):
            if rtype == "FUNDS":  # "Axelia ($2.9 million)": the funder without its amount
                cut = re.search(r"\s*[(:–—-]\s*(?:\$|\d)", item_text)
                if cut:
                    item_text, e = item_text[:cut.start()], s + cut.start()
            item_text = squash(item_text)
            item = parse_item(item_text, s, e, ctx, group)
            if item is None:
                continue
            facts.claimed.append((s, e))
            for c in item.cands:
                facts.add(c)
            if item.affiliation:
                p, o = item.affiliation
                facts.rel("AFFILIATED_WITH", p.name, o.name, s, e)
                facts.rel(rtype if rtype == "PARTICIPATES_IN" else "PARTICIPATES_IN", o.name, name, s, e)
            if item.main is not None:
                if rtype == "FUNDS" and item.main.type == "Person":
                    continue
                t = rtype if item.main.type != "Person" else "PARTICIPATES_IN"
                facts.rel(t, item.main.name, name, m.start(), e)


def _fields_body(body: str, proj: Cand, offset: int, ctx: Context, facts: Facts) -> None:
    lex = ctx.lex
    flat = squash(body)
    st = lex.rx("STATUS_FIELD", r"(?i)(?<!\w){}\s*:\s*(?P<v>[^\n]+)").search(body)
    if st:
        proj.attributes["status"] = squash(st.group("v"))
    amount = (r"(?P<more>{m}\s+)?(?P<amt>\$?\s?\d[\d\s]*(?:[,.]\d+)?\s*(?:M\s?\$|\$\s?M|G\s?\$"
              r"|millions?(?:\s+de\s+dollars)?|billions?|M\b|B\b|K\b|\$))")
    amount = amount.replace("{m}", lex.alt("MORE_THAN"))
    fm = re.search(rf"(?i){lex.alt('FUNDER_FIELD')}(?P<funder>.{{2,60}}?)\s+{amount}", flat)
    if fm:
        value = parse_amount(fm.group("amt"))
        funder = fm.group("funder").strip(" :")
        if value is not None:
            proj.attributes["scale_ai_investment_cad"] = value
        if funder and name_like(funder, 6):
            facts.rel("FUNDS", funder, proj.name, offset, offset + len(body.rstrip()))
            if not any(c.name == funder for c in facts.cands):
                where = body.find(funder)
                s = offset + where if where >= 0 else offset
                facts.add(_org_cand(funder, s, s + len(funder), lex))
        if fm.group("more"):
            proj.attributes["amount_qualifier"] = "more_than"
        if has(lex, "ADDITIONAL", fm.group(0)):
            proj.attributes["investment_kind"] = "additional"
    if not fm:
        fm2 = re.search(rf"(?:^|\s)(?P<funder>[A-ZÀ-ÖØ-Þ][\w&.'’ -]{{1,40}}?)\s+(?i:investment|contribution|funding|investissement)"
                        rf"\s*:\s*{amount}", flat)
        if fm2 and not lex.rx("TOTAL_FIELD", r"(?i){}").search(fm2.group("funder")):
            value = parse_amount(fm2.group("amt"))
            funder = fm2.group("funder").strip()
            if value is not None:
                proj.attributes["scale_ai_investment_cad"] = value
            if name_like(funder, 6):
                facts.rel("FUNDS", funder, proj.name, offset, offset + len(body.rstrip()))
                where = body.find(funder)
                s = offset + where if where >= 0 else offset
                facts.add(_org_cand(funder, s, s + len(funder), lex))
    tm = re.search(rf"(?i){lex.alt('TOTAL_FIELD')}\s*:?\s*{amount}", flat)
    if tm:
        value = parse_amount(tm.group("amt"))
        if value is not None:
            proj.attributes["total_investment_cad"] = value


# --------------------------------------------------------------------------- lists

_DATE_PAREN = re.compile(r"\((?:[^()]*\b(?:19|20)\d\d)\)\s*$")
_EVENT_SPLIT = re.compile(r"\s+[–—]\s+|\s+-\s+")


def _block_items(b: Block) -> list[tuple[str, int, int]]:
    """A block's list items. With bullet glyphs (raw PDF text), items start at bullet
    lines and continuation lines are joined. Without (cleaned text), a short block
    of name fragments is one item ("Alberta Machine / Intelligence Institute"), else
    each line is an item."""
    lines = b.lines()
    bulleted_any = any(_BULLET_LINE.match(line) for _, _, line in lines)
    if not bulleted_any and 1 < len(lines) <= 3:
        joined = squash(" ".join(line for _, _, line in lines))
        if (name_like(joined, 12) and not any(_DATE_PAREN.search(line) for _, _, line in lines)
                and not any(line.endswith(":") for _, _, line in lines)):
            return [(joined, lines[0][0], lines[-1][1])]
    items: list[list[tuple[int, int, str]]] = []
    for s, e, line in lines:
        if not bulleted_any or _BULLET_LINE.match(line) or not items:
            items.append([])
        items[-1].append((s, e, line))
    out = []
    for group in items:
        s = group[0][0]
        e = group[-1][1]
        joined = " ".join(line for _, _, line in group)
        joined, s2 = strip_bullet(joined, 0)
        out.append((squash(joined), s + s2, e))
    return out


_ITEM_ART = re.compile(r"^(?:l['’]|la\s+|le\s+|les\s+|the\s+)(?=[A-ZÀ-ÖØ-Þ])")
_ITEM_DESC = re.compile(r"\s*(?:,|\s[–—-])\s+(?:(?:une?|la|le|l['’]|les|des|an?|the|one|l['’]une?|qui|which|who|dont)\s|"
                        r"[a-zà-öø-ÿ])|\s[–—]\s+(?=[A-ZÀ-ÖØ-Þ])")


def _item_head(t: str, s: int, e: int) -> tuple[str, int, int]:
    """A list item's name: "Quantalis, une jeune pousse trifluvienne …;" → "Quantalis",
    "l'Université X (UQX)." → "Université X (UQX)"."""
    a = _ITEM_ART.match(t)
    head = t[a.end():] if a else t
    d = _ITEM_DESC.search(head)
    if d:
        head = head[:d.start()]
    head = head.rstrip(" ;,.")
    if head == t:
        return t, s, e
    off = (a.end() if a else 0)
    return head, s + off, s + off + len(head)


_BULLET_LINE = re.compile(r"^[→•·▪◦●■□➢➤►▶‣⁃∙*–—-]\s")


def _event_title(text: str, s: int) -> tuple[str, list[str], int, int] | None:
    """An item naming a dated event: "Name – subtitle (12 mars 2023)"."""
    if not _DATE_PAREN.search(text):
        return None
    full = _DATE_PAREN.sub("", text).strip()
    if not name_like(full, 25):
        return None
    parts = _EVENT_SPLIT.split(full, maxsplit=1)
    name = parts[0].strip()
    aliases = [full] if len(parts) > 1 else []
    if ":" in name:  # "Webinaire : Titre"
        return None
    return name, aliases, s, s + len(name)


def lists(ctx: Context, facts: Facts) -> None:
    text, lex = ctx.text, ctx.lex
    bl = blocks(text)
    used: set[int] = set()
    board_rx = lex.rx("BOARD_HEADER", r"(?i){}")
    team_rx = lex.rx("PROJECT_TEAM_HEADER", r"(?i)^(?:{})")
    # boards and teams: person items after a board heading; a project's team or committee
    # heading ("Équipe", "Le comité consultatif du projet réunit :") makes its members take part
    for i, b in enumerate(bl):
        head = squash(b.text)
        team = len(head) <= 80 and bool(team_rx.search(head)) and not board_rx.search(head)
        if i in used or not (team or board_rx.search(head)):
            continue
        j = i + 1
        misses = 0
        group = ctx.group("board")
        started = False
        while j < len(bl) and misses <= 6:
            items = _person_items(bl[j], ctx, loose=started or j == i + 1 or bool(re.match(r"\s*[→•·▪◦●■-]", bl[j].text)))
            if items:
                started = True
                misses = 0
                used.add(j)
                for person, ps, pe, tail in items:
                    _board_item(person, ps, pe, tail, group, ctx, facts, team)
            else:
                if board_rx.search(squash(bl[j].text)) or team_rx.search(squash(bl[j].text)):
                    used.add(j)
                elif started and len(squash(bl[j].text)) > 120:
                    break
                misses += 1
            j += 1
    # contacts at the end of a release: "Renseignements :" then a name, a title and an organization
    contact_rx = lex.rx("CONTACT_HEADER", r"(?i)^[ \t]*(?:{})[ \t]*:?[ \t]*$")
    for i, b in enumerate(bl):
        lines = b.lines()
        if i in used or not lines or not contact_rx.match(lines[0][2]):
            continue
        rest = lines[1:] or (bl[i + 1].lines() if i + 1 < len(bl) else [])
        if not rest:
            continue
        s_, _e, first = rest[0]
        body, bs = strip_bullet(first, s_)
        m = PERSON_AT_START.match(body.strip())
        person = person_at_start(body.strip(), lex, ctx.persons) or (
            m.group() if m and len(m.group().split()) <= 3 and type_cue(m.group(), lex) == ("Organization", None) else None)
        if not person:
            continue
        ps = bs + len(body) - len(body.lstrip())
        tail = [(body.strip()[len(person):].strip(" ,"), ps + len(person))] if body.strip()[len(person):].strip(" ,") else []
        for ls, _le, line in rest[1:4]:
            if re.match(r"(?i)\s*(?:pour|for|on\s+behalf\s+of|au\s+nom\s+de)\s", line):
                break  # "pour Épiceries X": the agency's client, not part of its name
            ln = _OFFICE_OF.sub("", line.strip())
            if tail and not tail[-1][0].endswith(","):
                tail[-1] = (tail[-1][0] + ",", tail[-1][1])  # one line, one field
            tail.append((ln, ls + len(line) - len(ln)))
        _board_item(person, ps, ps + len(person), tail, ctx.group("contact"), ctx, facts, contact=True)
    _funding_table(bl, ctx, facts)
    # flatten items, keeping their block index
    flat: list[tuple[int, str, int, int]] = []
    for i, b in enumerate(bl):
        for item in _block_items(b):
            flat.append((i, *item))
    # colon-introduced lists, and lists under a "Partenaires" / "Our partners" heading
    heading_rx = lex.rx("PARTNER_FIELD", r"(?i)^(?:(?:nos|les|our|the)\s+)?(?:{})"
                                          r"(?:\s+(?:du\s+projet|of\s+the\s+project|industriels|industrial))?$")
    for i, b in enumerate(bl):
        if i in used:
            continue
        intro = squash(b.text)
        heading = bool(heading_rx.match(intro.lstrip("#* ").rstrip("*: ")))
        if not (intro.endswith(":") or heading) or len(intro) > 500:
            continue
        prev = squash(bl[i - 1].text) if i > 0 else ""
        event = None
        b_items = _block_items(b)
        intro_start = b_items[-1][1] if b_items else b.start
        for k in range(len(flat) - 1, -1, -1):  # the closest dated event item above
            bi, t, s, _ = flat[k]
            if s >= intro_start or bi < i - 3:
                if bi < i - 3:
                    break
                continue
            event = _event_title(t, s)
            if event:
                break
        last_intro = b_items[-1][0] if b_items else intro
        collab = heading or has(lex, "LIST_COLLAB", last_intro, re.I) or has(lex, "LIST_COLLAB", prev[-200:], re.I)
        partic = has(lex, "LIST_PARTICIPANT_OF_EVENT", last_intro, re.I)
        if not (collab or (event and partic)):
            continue
        group = ctx.group("list")
        # "le consortium compte trois autres membres :" — members of the project, when there is one
        to_project = heading or bool(lex.rx("PROJECT_REF", r"(?i)(?<!\w)(?:{})(?!\w)").search(last_intro))
        j = i + 1
        n = 0
        while j < len(bl) and n < 80:
            items = _block_items(bl[j])
            if any(_event_title(t, s) for t, s, _ in items):
                break
            if heading and len(bl[j].lines()) == 1 and not _ITEM_DESC.search(items[0][0] if items else ""):
                break  # under a heading, one paragraph per item says what the item does
            if heading or len(bl[j].lines()) > 1 or any(t.endswith(";") for t, _, _ in items):
                items = [_item_head(*it) for it in items]  # one item per line, with a description
            ok = [it for it in items if name_like(it[0], 12) and not it[0].endswith(":") and not (
                heading and not _HEADING_ITEM.fullmatch(it[0]))]  # "Depuis 2020, …": prose, not an item
            if not ok or len(ok) < len(items):
                break
            for item_text, s, e in ok:
                subs = split_items(text[s:e], s, lex) if ";" in item_text else [(item_text, s, e)]
                for sub_text, ss, se in subs:
                    item = parse_item(sub_text, ss, se, ctx, group)
                    if item is None or item.main is None:
                        continue
                    for c in item.cands:
                        facts.add(c)
                    facts.claimed.append((ss, se))
                    if event and partic:
                        facts.rel("PARTICIPATES_IN", item.main.name, event[0], b.start, se)
                    elif item.main.type != "Person" and to_project:
                        facts.rel("PARTICIPATES_IN", item.main.name, PROJECT_OR_SUBJECT, b.start, se)
                    elif item.main.type != "Person":
                        facts.rel("PARTNERS_WITH", SUBJECT, item.main.name, b.start, se)
                    n += 1
            used.add(j)
            j += 1
        if event and partic and n:
            name, aliases, s, e = event
            facts.add(Cand(name, "Project", s, e, aliases=aliases, attributes={"kind": "event"}))
    # dated events: claimed (never organizations); a Project when a sub-item says who led it
    lead_rx = re.compile(rf"(?<!\w)(?i:{lex.alt('LEAD_VERB')})\s+{_OPT_ART}(?P<org>{_ORG_RUN})")
    active_rx = re.compile(
        rf"^(?P<org>{_ORG_RUN})\s+(?i:{lex.alt('LEAD_ACTIVE')})\s+(?i:une?|la|le|l['’]|the|an?)\s"
    )
    for k, (_bi, t, s, e) in enumerate(flat):
        event = _event_title(t, s)
        if not event:
            continue
        facts.claimed.append((s, e))
        name, aliases, es, ee = event
        for _bj, sub, ss, se in flat[k + 1:k + 8]:
            if _event_title(sub, ss):
                break
            m = lead_rx.search(sub) or active_rx.search(sub)
            if not m:
                continue
            org = _trim_org(m.group("org"), lex)
            if org and not looks_like_person(org, lex, ctx.persons):
                facts.add(Cand(name, "Project", es, ee, aliases=list(aliases), attributes={"kind": "event"}))
                o_start = ss + sub.find(org)
                facts.add(_org_cand(org, o_start, o_start + len(org), lex))
                facts.rel("LEADS", org, name, ss, se)


def _person_items(b: Block, ctx: Context, loose: bool = False) -> list[tuple[str, int, int, list[tuple[str, int]]]]:
    """Board items in a block: (person, start, end, tail lines). The first line of a
    block is read loosely inside a board (two or three capitalised words are a name);
    later lines need a known first name."""
    out: list[list] = []
    for n, (s, _e, line) in enumerate(b.lines()):
        body, bs = strip_bullet(line, s)
        bulleted = body.strip() != line.strip()
        tm = PERSON_TITLE.match(body.strip())  # "- Dr. Leila Haddad, …"
        if tm:
            bs += len(body) - len(body.lstrip()) + tm.end()
            body = body.strip()[tm.end():]
        body = body.strip()
        person = person_at_start(body, ctx.lex, ctx.persons if (n == 0 or bulleted) else frozenset())
        if person is None and loose and (n == 0 or bulleted):
            m = PERSON_AT_START.match(body)
            if m and len(m.group().split()) <= 3 and type_cue(m.group(), ctx.lex) == ("Organization", None) \
                    and not ctx.is_common(m.group().split()[0]):
                person = m.group()
        if person:
            rest = body[len(person):].strip()
            out.append([person, bs, bs + len(person), [(rest, bs + len(person))] if rest else []])
        elif out:
            out[-1][3].append((body, bs))
        else:
            return []
    return [tuple(x) for x in out]


_OFFICE_OF = re.compile(r"^(?:(?:Office|Cabinet)\s+of\s+the\s+(?:Minister|President|Premier)\s+(?:of|for|responsible\s+for)\s+"
                        r"(?:the\s+)?|Cabinet\s+(?:du|de\s+la)\s+(?:ministre|premier\s+ministre|présidente?)\s+(?:de\s+la|de\s+l['’]|du|des|de)\s*)")


def _board_item(person: str, ps: int, pe: int, tail: list[tuple[str, int]], group: str,
                ctx: Context, facts: Facts, team: bool = False, contact: bool = False) -> None:
    lex = ctx.lex
    p = facts.add(Cand(person, "Person", ps, pe, groups={group}))
    facts.claimed.append((ps, pe))
    lines = []
    for line, ls in tail:
        words = line.split()
        if (len(words) > 10 or re.search(r"\d", line) or (line.endswith(".") and not re.search(r"(?i)\b(?:Inc|Ltd|Jr|Co|Corp|Ltée)\.$", line))
                or (len(words) == 1 and ctx.is_common(line) and not _is_role(line, lex))):
            break
        lines.append((line, ls))
    pending_role = None
    linked = False
    if lines:
        seg_text = " ".join(line for line, _ in lines)
        base = lines[0][1]
        m = re.match(r"^\((?P<inner>[^()]+)\)\s*(?P<rest>.*)$", seg_text)
        if m:
            inner = m.group("inner").strip()
            if _is_role(inner, lex):
                pending_role = inner
            elif re.fullmatch(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ-]+", inner):
                p.aliases.append(f"{person} ({inner})")
            seg_text = m.group("rest")
            base += m.start("rest")
        segs = [(seg_text, base, base + len(seg_text))] if _is_role(seg_text, lex) else split_items(seg_text, base, lex)
        for seg, s, e in segs:
            if _is_role(seg, lex):
                pending_role = seg
                continue
            item = parse_item(seg, s, e, ctx)
            if item is None or item.main is None or item.main.type == "Person":
                continue
            for c in item.cands:
                facts.add(c)
            facts.claimed.append((s, e))
            facts.rel("AFFILIATED_WITH", person, item.main.name, ps, e, pending_role)
            if pending_role:
                linked = True
            pending_role = None
    if team:
        facts.rel("PARTICIPATES_IN", person, MAIN_PROJECT, ps, pe)
        return
    if contact and any(r.type == "AFFILIATED_WITH" and r.source == person for r in facts.rels):
        return  # a contact person: the organization on her lines, not the document's subject
    facts.rel("AFFILIATED_WITH", person, SUBJECT, ps, pe, pending_role if not linked else None)


def _is_role(s: str, lex: Lexicon) -> bool:
    s = s.strip()
    if not s:
        return False
    if lex.rx("DEPARTMENT", r"(?i)^{}$").match(s):
        return True
    if lex.rx("ROLE", r"(?i)^(?:co-?)?{}$").match(s):
        return True
    if lex.rx("ROLE", r"^(?i:co-?)?(?i:{})(?:\s+[a-zà-öø-ÿ][\w’'-]*){1,3}$").match(s):
        return True  # a title with lowercase qualifiers ("Professeure titulaire")
    return bool(lex.rx("ROLE", r"(?i)^(?:co-?)?{}\s+(?:du|de|des|d['’]|of|and|et)\s+[\w’' -]+$").match(s)) \
        and not type_cue(s, lex)[0] == "University"


# --------------------------------------------------------------------------- prose

_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'&.+@-]*"
_OPT_ART = r"(?:(?i:the|le|la|les|l['’]|du|des|d['’])\s*)?"
_ORG_RUN = rf"{_CAP}(?:[ \t]+(?:(?:de|du|des|of|and|et|&|de[ \t]+la|d['’]|l['’]|la|for|the|à)[ \t]+)?{_CAP}){{0,6}}"


def _orgs_in(span_start: int, span_end: int, ctx: Context) -> list[tuple[int, int, str]]:
    return [(s, e, t) for s, e, t in ctx.orgs if s >= span_start and e <= span_end]


def _funding_table(bl: list[Block], ctx: Context, facts: Facts) -> None:
    """A funding table: a header row naming funders ("Bailleur de fonds | Contribution"),
    then a row per funder with its amount; each funds the project the page is about."""
    head_rx = ctx.lex.rx("FUNDING_FIELD", r"(?i)^(?:{})\s*\|")
    for i, b in enumerate(bl):
        if not head_rx.match(b.text.strip()):
            continue
        for row in bl[i + 1:i + 16]:
            if "|" not in row.text:
                break
            cell = row.text.split("|")[0].strip()
            if not _HEADING_ITEM.fullmatch(cell) or not MONEY.search(row.text):
                continue  # "Industry partners (cash and in kind) | $1.4M": not a named funder
            cs = row.start + row.text.find(cell)
            item = parse_item(cell, cs, cs + len(cell), ctx)
            if item is None or item.main is None or item.main.type == "Person":
                continue
            for c in item.cands:
                facts.add(c)
            facts.claimed.append((cs, cs + len(cell)))
            facts.rel("FUNDS", item.main.name, PROJECT_OR_SUBJECT, row.start, row.end)


#: an item under a list heading: a capitalised name, maybe a legal form and an acronym
_HEADING_ITEM = re.compile(rf"{_OPT_ART}{_ORG_RUN}(?:{LEGAL_FORM})?(?:\s*\([^()]{{1,20}}\))?"
                           r"|[A-ZÀ-ÖØ-Þ][^()\d]{0,80}\([A-ZÀ-ÖØ-Þ][\w&.-]{1,15}\)")  # "Institut national … (INRS)"


def province_gov(lex: Lexicon, province: str) -> str:
    """The government of a province: 'Gouvernement de l'Ontario', 'Government of Ontario'."""
    prep = lex.extra.get("PROVINCE", {}).get(province, {}).get("prep")
    if prep is None:
        return gov_name(lex, of=province)
    head = lex.patterns.get("GOV_TEMPLATE", ["Gouvernement du {}"])[0].split(" ")[0]
    return f"{head} {prep}{'' if prep.endswith(chr(39)) else ' '}{province}"


def gov_name(lex: Lexicon, country: str | None = None, of: str | None = None) -> str:
    template = lex.patterns.get("GOV_TEMPLATE", ["Gouvernement du {}"])[0]
    return template.replace("{}", of or country or lex.patterns.get("COUNTRY", [""])[0])


def prose(ctx: Context, facts: Facts, sents: Iterable[tuple[int, int]]) -> None:
    text, lex = ctx.text, ctx.lex
    def ci(label: str) -> str:
        return f"(?i:{lex.alt(label)})"

    art = r"(?i:le\s+|la\s+|l['’]|the\s+)"
    federal_rx = re.compile(rf"(?<!\w){ci('FEDERAL')}(?!\w)")
    gov_of_rx = re.compile(rf"(?<!\w){ci('GOV_OF')}(?P<place>[A-ZÀ-ÖØ-Þ][\w-]+(?:[- ][A-ZÀ-ÖØ-Þ][\w-]+)?)")
    person_rx = rf"{_CAP}(?:[ \t]+{_CAP}){{1,2}}"
    minister_rx = re.compile(
        rf"(?<!\w){art}?(?P<role>{ci('MINISTER')}(?:\s+[^.;\n()]{{0,120}}?)?)\s*,\s*"
        rf"(?i:l['’]honorable\s+|the\s+honourable\s+|hon\.\s+)?(?P<person>{person_rx})"
    )
    minister_after_rx = re.compile(
        rf"(?:{ci('HONORIFIC')}\s+)?(?P<person>{person_rx})\s*,\s*{art}?(?P<role>{ci('MINISTER')}(?:\s+[^,.;\n()]{{0,90}}?)?)(?=\s*[,.;)(\n])"
    )
    honor_rx = re.compile(
        rf"(?P<role>{ci('MINISTER')}[^.]{{0,120}}?)\s*\n\s*(?i:L['’]honorable|The\s+Honourable|Hon\.)\s+(?P<person>{person_rx})"
    )
    det = r"(?i:(?:le|la|l['’]|the|its|son|sa|their|our|notre)\s+)"
    role_after = re.compile(
        rf"^\s*,\s*{det}?(?P<role>{ci('ROLE')}(?:\s+[\w’'-]+){{0,6}}?)\s+{ci('OF_PREP')}\s*{_OPT_ART}(?P<org>{_ORG_RUN})"
    )
    # "Jane Doe, Director of Data Science at Acme", "Jeanne Roy, vice-présidente, données chez Acme"
    role_at = re.compile(
        rf"^\s*(?:,|(?i:is|was|est|était)(?=\s))\s*(?:(?i:a|an|the|un|une|le|la)\s+)?(?P<role>(?:[a-zà-ÿ][\w-]*\s+){{0,2}}?{ci('ROLE')}[^.;:()\n]{{0,60}}?)\s+"
        rf"(?i:at|chez|au\s+sein\s+de)\s+{_OPT_ART}(?P<org>{_ORG_RUN})"
    )
    # "Jean Roy, professeur au Département de génie de l'Université Acme": the institution
    role_inst = re.compile(
        rf"^\s*,\s*(?:(?i:a|an|the|un|une)\s+)?(?P<role>{ci('ROLE')}[^.;:()\n]{{0,80}}?)\s+"
        rf"(?:(?:à|de)\s+l['’]|(?:à|de)\s+la\s+|du\s+|au\s+|of\s+(?:the\s+)?)"
        rf"(?P<org>{lex.alt('INSTITUTION_HEAD')}(?:\s+(?:de\s+la|de|du|des|d['’]|of|the)?\s*[\w’'-]+){{1,5}})"
    )
    speech_in_role = re.compile(rf"(?<!\w){ci('SPEECH')}(?!\w)")
    role_before = re.compile(
        rf"{det}?(?P<role>{ci('ROLE')}(?:\s+[\w’'-]+){{0,3}}?)\s+{ci('OF_PREP')}\s*(?P<org>{_ORG_RUN})\s*,\s*$"
    )
    person_of = re.compile(rf"^\s*,?\s*(?i:de|du|d['’]|of|from|at|chez)\s*{_OPT_ART}(?P<org>{_ORG_RUN})(?=\s*[,.;)]|\s+[a-zà-ÿ]|\s*$)")
    title_before = re.compile(rf"(?P<role>{ci('ROLE')})\s+$")
    paren_role = re.compile(rf"^\s*\((?:(?P<role>[^(),]{{2,60}}),\s*)?(?P<org>{_ORG_RUN})\)")
    # "Grace Roy, Halcyon Health Data's chief executive, said …"
    poss_role = re.compile(rf"^\s*,\s*(?P<org>{_ORG_RUN})['’]s?\s+(?P<role>(?:[a-zà-ÿ][\w-]*\s+){{0,2}}?{ci('ROLE')}"
                           r"[^,.;:()\n]{0,40}?)\s*(?=[,.;]|$)")
    org_role_before = re.compile(rf"(?P<org>{_ORG_RUN})(?:['’]s)?\s+(?P<role>CEO|CTO|CFO|COO|President|Chair|founder|co-founder|PDG)\s*,?\s*$")
    # "Acme scientific director Jane Doe", "Acme's chief data officer Jane Doe"
    org_title_before = re.compile(
        rf"(?<![\w’'])(?P<org>{_ORG_RUN})(?:['’]s)?\s+(?P<role>(?:[a-zà-ÿ][\w-]*\s+){{0,2}}(?i:{lex.alt('ROLE')})"
        rf"(?:\s+(?:of|de|du|des|d['’])\s*[a-zà-ÿ][\w-]*(?:\s+[a-zà-ÿ][\w-]*)?)?)"
        r"(?:\s*,\s*(?:(?:Dr|Dre|Prof|Professor|Mr|Mrs|Ms|Mme|M)\.?\s+)?|\s+(?:(?:Dr|Dre|Prof|Mr|Mrs|Ms|Mme|M)\.?\s+)?)$")
    partner_rx = re.compile(rf"(?<!\w){ci('PARTNERSHIP')}(?!\w)")
    board_rx = re.compile(rf"(?<!\w){ci('BOARD_HEADER')}(?!\w)")
    province_rx = re.compile(
        rf"(?<![\w’'-])({lex.alt('PROVINCE')})(?:['’]s)?\s+(?:(?:{lex.alt('GOV_VERB')})|(?i:government)(?!\s+of))(?!\w)")
    mutual_rx = re.compile(rf"(?<!\w){ci('PARTNERSHIP_MUTUAL')}(?!\w)")
    particip_rx = re.compile(rf"(?<!\w){ci('PARTICIPATION')}(?!\w)")
    list_verb_rx = re.compile(rf"(?<!\w){ci('LIST_VERB')}(?:\s+(?i:notamment|aussi|également|also|notably))?(?!\w)")
    source_rx = re.compile(rf"(?m)^[ \t]*{ci('SOURCE_FIELD')}\s*:\s*(?P<org>{_ORG_RUN})[ \t]*$")
    nouns = ci("EVENT_NOUN")
    event_lead = re.compile(
        rf"(?P<proj>(?:{_CAP}|\d{{4}})(?:\s+(?:{_CAP}|\d{{4}}|@|&|x|de|du|des|of|the|and|et)){{0,8}})\s*,\s*"
        rf"(?i:un|une|le|la|l['’]|an?|the)\s+(?:[\w’'-]+\s+){{0,2}}?{nouns}\s+(?:[\w’'-]+\s+){{0,3}}?"
        rf"{ci('LEAD_VERB')}\s+{_OPT_ART}(?P<org>{_ORG_RUN})"
    )
    prog_rx = re.compile(
        rf"(?<!\w){ci('FUNDING_FOR')}(?P<kind>{ci('PROGRAM_NOUN')})\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,4}})"
    )
    ministry_rx = re.compile(
        rf"(?<!\w){lex.alt('MINISTRY')}(?:(?:[ \t]*(?:,|et|and|de\s+la|de\s+l['’]|des|du|de|d['’]|of|the|for)[ \t]*)+"
        rf"[A-ZÀ-ÖØ-Þ][\w’'-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]*|[ \t]+[a-zà-öø-ÿ]{{4,}}"
        rf"(?=\s+(?:et|and)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|of|the)\s*[A-ZÀ-ÖØ-Þ]))*)+"  # "Ressources naturelles et des Forêts"
    )
    inst_after = re.compile(rf"\s+(?:et|and)\s+(?:de\s+la|de\s+l['’]|du|des|of\s+the|the)\s+"
                            rf"(?:{lex.alt('INSTITUTION_HEAD')}|{lex.alt('MUNICIPAL')})(?!\w)")
    for m in ministry_rx.finditer(text):
        cut = inst_after.search(m.group())  # "… du Québec et de la Ville de Sherbrooke": two names
        name = squash(m.group()[:cut.start()] if cut else m.group())
        name = name[0].upper() + name[1:]
        end = m.start() + cut.start() if cut else m.end()
        facts.add(Cand(name, "Organization", m.start(), end, subtype="government"))
        facts.claimed.append((m.start(), end))
    for m in source_rx.finditer(text):
        org = _trim_org(m.group("org"), lex)
        if org:
            c = _org_cand(org, m.start("org"), m.start("org") + len(org), lex)
            if c.subtype is None:
                c.subtype = "media"
            facts.add(c)
            facts.claimed.append((m.start(), m.end()))
    # a byline: "By Jane Doe" / "Par Jeanne Roy" alone on its line
    # "By Jane Doe, The Ledger": the writer and her outlet
    for m in re.finditer(r"(?m)^[ \t]*(?:By|Par|BY|PAR)[ \t]+(?P<p>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]+){1,2})"
                         r"(?:[ \t]*(?:,|\||[–—-])[ \t]*(?P<org>[A-ZÀ-ÖØ-Þ][\w’'&.-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'&.-]*){0,4}))?[ \t]*$",
                         text):
        person = m.group("p")
        if _name_shaped(person, lex) and not any(w.casefold() in lex.stop_names for w in person.split()):
            ctx.persons.add(person)
            facts.add(Cand(person, "Person", m.start("p"), m.end("p")))
            org = m.group("org")
            if org and org.casefold() not in lex.stop_names and not looks_like_person(org, lex, ctx.persons) \
                    and not DATELINE.match(org):
                c = _org_cand(org, m.start("org"), m.end("org"), lex)
                if c.subtype is None:
                    c.subtype = "media"
                facts.add(c)
                facts.claimed.append((m.start("org"), m.end("org")))
                facts.rel("AFFILIATED_WITH", person, org, m.start(), m.end(), None)
    country = lex.patterns.get("COUNTRY", [""])[0]
    fed_name = gov_name(lex, country)
    # names the construction says are people: after a speech verb, before ", <title>"
    word = r"[A-ZÀ-ÖØ-Þ](?:[a-z]{0,2}['’][A-Z])?[a-zà-öø-ÿ’']+(?:-[A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ’']+)*"
    name3 = rf"(?<![\w-]){word}(?:[ \t]+{word}){{1,2}}"
    speech_rx = re.compile(
        rf"(?<!\w){ci('SPEECH')}[ \t,]+{art}?(?:{_ORG_RUN}(?:['’]s)?[ \t]+(?={ci('ROLE')}))?(?:{ci('ROLE')}[ \t]+)?(?P<person>{name3})")
    titled_rx = re.compile(rf"(?P<person>{name3})\s*,\s*{det}?{ci('ROLE')}(?!\w)")
    for rx in (speech_rx, titled_rx):
        for m in rx.finditer(text):
            person = _clean_person(m.group("person"), lex)
            if _name_shaped(person, lex) and not any(person in o for _, _, o in ctx.orgs):
                ctx.persons.add(person)
                ps = m.start("person") + m.group("person").find(person)
                facts.add(Cand(person, "Person", ps, ps + len(person)))
    claimed = list(facts.claimed)
    anaphor_rx = re.compile(rf"(?<!\w)(?i:{lex.alt('ORG_BEFORE')})(?!\w)")
    prev_span: tuple[int, int] | None = None
    for s0, e0 in sents:
        if prev_span is not None and prev_span[1] > s0:
            prev_span = None
        sent = text[s0:e0]
        # governments
        for m in federal_rx.finditer(sent):
            facts.add(Cand(fed_name, "Organization", s0 + m.start(), s0 + m.end(), subtype="government",
                           aliases=[squash(m.group())]))
        for m in gov_of_rx.finditer(sent):
            written = squash(m.group())
            if written.isupper():
                written = written.title().replace(" Du ", " du ").replace(" De ", " de ")
            name = written[0].upper() + written[1:]
            facts.add(Cand(name, "Organization", s0 + m.start(), s0 + m.end(), subtype="government",
                           aliases=[squash(m.group())]))
        # "Québec investit 5 M$": a province acting as its government
        for m in province_rx.finditer(sent):
            facts.add(Cand(province_gov(lex, m.group(1)), "Organization", s0 + m.start(1), s0 + m.end(1),
                           subtype="government"))
            facts.claimed.append((s0 + m.start(1), s0 + m.end(1)))
        # ministers
        for rx in (minister_rx, minister_after_rx, honor_rx):
            for m in rx.finditer(sent):
                person, role = _clean_person(m.group("person"), lex), squash(m.group("role"))
                if not (looks_like_person(person, lex, ctx.persons) or _name_shaped(person, lex)):
                    continue
                gov = fed_name
                if not has(lex, "FEDERAL_ROLE", role):
                    around = sent[max(0, m.start("role") - 25):m.start("role")] + " " + role
                    pm_ = re.search(rf"(?<!\w)({lex.alt('PROVINCE')})(?!\w)", around)
                    if pm_:
                        gov = province_gov(lex, pm_.group(1))
                ps = s0 + m.start("person") + m.group("person").find(person)
                facts.add(Cand(person, "Person", ps, ps + len(person)))
                facts.add(Cand(gov, "Organization", s0 + m.start("role"), s0 + m.end("role"), subtype="government"))
                facts.claimed.append((s0 + m.start("role"), s0 + m.end("role")))
                facts.rel("AFFILIATED_WITH", person, gov, s0 + m.start(), s0 + m.end(), role)
        # roles around person mentions
        for pm in _person_spans(sent, ctx):
            ps, pe, person = pm
            if any(cs <= s0 + ps < ce for cs, ce in claimed):
                continue
            after = sent[pe:]
            m = role_at.match(after)
            if m and (speech_in_role.search(m.group("role")) or _is_minister(m.group("role"), lex)):
                m = None
            if m is None:
                m = role_inst.match(after)
                if m and (speech_in_role.search(m.group("role")) or type_cue(m.group("org"), lex)[0] != "University"):
                    m = None
                if m:
                    inst = cut_lower_tail(m.group("org"), lex)
                    inst = re.sub(r"\s+(?:de\s+la|de|du|des|d['’]|of|the|et|and)$", "", inst)
                    ps_org = s0 + pe + m.start("org")
                    if inst and type_cue(inst, lex)[0] == "University" and len(inst.split()) >= 2:
                        claimed.append((s0 + pe + m.start("role"), s0 + pe + m.end("role")))
                        _affil(person, s0 + ps, inst, ps_org, squash(m.group("role")), s0, e0, ctx, facts)
                        continue
                    m = None
            m = m or role_after.match(after) or poss_role.match(after) or None
            if m and not _is_minister(m.group("role"), lex):
                org = _trim_org(m.group("org"), lex)
                if org:
                    claimed.append((s0 + pe + m.start("role"), s0 + pe + m.end("role")))
                    facts.claimed.append((s0 + pe + m.start("role"), s0 + pe + m.end("role")))
                    _affil(person, s0 + ps, org, s0 + pe + m.start("org"), squash(m.group("role")), s0, e0, ctx, facts)
                    continue
            m = person_of.match(after)
            if m:
                org = _trim_org(m.group("org"), lex)
                if org and not looks_like_person(org, lex, ctx.persons) and type_cue(org, lex) != ("Organization", None) \
                        or org and (re.fullmatch(r"[A-ZÀ-ÖØ-Þ]{2,8}", org) or any(
                            (c.name == org or org in c.aliases) and c.type in ("Organization", "University")
                            for c in facts.cands)):
                    tm = title_before.search(sent[max(0, ps - 60):ps])
                    role = squash(tm.group("role")) if tm else None
                    _affil(person, s0 + ps, org, s0 + pe + m.start("org"), role, s0, e0, ctx, facts)
                    continue
            m = paren_role.match(after)
            if m:
                org = _trim_org(m.group("org"), lex)
                if org and not looks_like_person(org, lex, ctx.persons):
                    role = squash(m.group("role")) if m.group("role") else None
                    _affil(person, s0 + ps, org, s0 + pe + m.start("org"), role, s0, e0, ctx, facts)
                    continue
            before = sent[max(0, ps - 160):ps]
            m = role_before.search(before)
            if m and not _is_minister(m.group("role"), lex):
                org = _trim_org(m.group("org"), lex)
                if org:
                    os_ = s0 + max(0, ps - 160) + m.start("org")
                    _affil(person, s0 + ps, org, os_, squash(m.group("role")), s0, e0, ctx, facts)
                    continue
            m = org_role_before.search(before)
            if m is None:
                m = org_title_before.search(before)
                if m and all(ctx.is_common(w) for w in m.group("org").split()):
                    m = None
            if m:
                org = _trim_org(m.group("org"), lex)
                # "by CEO Maëlle Roy and CTO Tobias Renner": another titled person, not an organization
                if org and not looks_like_person(org, lex, ctx.persons) and not EXEC_TITLE.match(org) and not any(
                        person_at_start(w, lex, ctx.persons) for w in re.split(r"\s+(?:and|et)\s+", org) if w):
                    os_ = s0 + max(0, ps - 160) + m.start("org")
                    _affil(person, s0 + ps, org, os_, m.group("role"), s0, e0, ctx, facts)
        # "le conseil d'administration compte Jeanne Roy (trésorière) et …"
        if board_rx.search(sent):
            subject = _sentence_subject(sent, s0, len(sent), ctx, facts) or SUBJECT
            for ps, pe, person in _person_spans(sent, ctx):
                if any(cs <= s0 + ps < ce for cs, ce in claimed):
                    continue
                rm = re.match(r"^\s*\(([^()]{2,60})\)", sent[pe:])
                role = rm.group(1).strip() if rm and _is_role(rm.group(1), lex) else None
                facts.add(Cand(person, "Person", s0 + ps, s0 + pe))
                facts.rel("AFFILIATED_WITH", person, subject, s0, e0, role)
        # explicit partnerships
        for m in partner_rx.finditer(sent):
            cue = m.group()
            right = [c.name for c in _items_after(s0 + m.end(), e0, ctx, facts) if c.type != "Person"]
            if not right:
                continue
            left_orgs = [o for o in _org_mentions(s0, s0 + m.start(), ctx, facts) if o[2] not in right]
            if re.search(r"(?i)f[ée]d[ée]ra", cue) or re.search(r"(?i)federal\s*$", sent[:m.start()]):
                facts.add(Cand(fed_name, "Organization", s0 + m.start(), s0 + m.end(), subtype="government"))
                left = fed_name
            elif left_orgs:
                left = left_orgs[0][2]
            else:
                left = (_sentence_subject(sent, s0, m.start(), ctx, facts) if m.start() > 0 else None) or SUBJECT
                if left == SUBJECT and anaphor_rx.search(sent[:m.start()]) and prev_span:
                    # "l'organisme collaborera avec…": the organization of the sentence before
                    prev = _org_mentions(prev_span[0], prev_span[1], ctx, facts)
                    if prev:
                        left = prev[-1][2]
            for org in right:
                facts.rel("PARTNERS_WITH", left, org, s0, e0)
        for m in mutual_rx.finditer(sent):
            orgs = _org_mentions(s0, s0 + m.start(), ctx, facts)
            names = [o for _, _, o in orgs]
            if len(names) < 2:
                names = _coordinated_subject(sent, s0, m.start(), ctx, facts) or names
            for a in range(len(names)):
                for b in range(a + 1, len(names)):
                    facts.rel("PARTNERS_WITH", names[a], names[b], s0, e0)
        # "X, un événement organisé par Y"
        for m in event_lead.finditer(sent):
            proj = m.group("proj").strip()
            proj = re.sub(r"^(?:(?:avec|with|de|du|the|le|la|les|à|au|at|in|en)\s+)+", "", proj, flags=re.I)
            org = _trim_org(m.group("org"), lex)
            if not proj or not org or looks_like_person(org, lex, ctx.persons):
                continue
            ps = s0 + m.start("proj") + m.group("proj").find(proj)
            aliases = []
            ym = re.match(r"^(.+?)\s+(?:19|20)\d\d$", proj)
            if ym:
                aliases.append(ym.group(1))
            facts.add(Cand(proj, "Project", ps, ps + len(proj), aliases=aliases, attributes={"kind": "event"}))
            facts.claimed.append((ps, ps + len(proj)))
            os_ = s0 + m.start("org")
            facts.add(_org_cand(org, os_, os_ + len(org), lex))
            facts.rel("LEADS", org, proj, s0 + m.start(), s0 + m.end())
        prev_span = (s0, e0)
        # "funding for the X programme" -> Project, funded by the sentence's organization
        for m in prog_rx.finditer(sent):
            name = _trim_org(m.group("name"), lex)
            if not name or looks_like_person(name, lex, ctx.persons):
                continue
            written = f"{m.group('kind')} {name}"
            ps = s0 + m.start("kind")
            facts.add(Cand(written, "Project", ps, ps + len(written), aliases=[name]))
            facts.claimed.append((ps, ps + len(written)))
            funders = _org_mentions(s0, s0 + m.start(), ctx, facts)
            facts.rel("FUNDS", funders[0][2] if funders else SUBJECT, written, s0, e0)
            rm = re.search(rf"\s(?:à|to)\s+{_OPT_ART}(?=[A-ZÀ-ÖØ-Þ])", m.group())
            if rm:
                rec = _org_at(m.group()[rm.end():], lex)
                if rec and not looks_like_person(rec, lex, ctx.persons):
                    rs = s0 + m.start() + rm.end()
                    facts.add(_org_cand(rec, rs, rs + len(rec), lex))
                    facts.rel("PARTICIPATES_IN", rec, written, s0, e0)
        # participation in the document's event
        pm = particip_rx.search(sent)
        if pm:
            vm = list_verb_rx.search(sent, pm.end())
            items = _items_after(s0 + vm.end(), e0, ctx, facts) if vm else []
            names = [c.name for c in items if c.type != "Person"] or [
                o for _, _, o in _org_mentions(s0, e0, ctx, facts)]
            for org in names:
                facts.rel("PARTICIPATES_IN", org, MAIN_PROJECT, s0, e0)


#: titles written in front of a name ("the Honourable Jane Doe", "Minister Doe", "Dre Roy")
PERSON_TITLE = re.compile(
    r"^(?:(?:the|l['’])\s*)?(?:Honou?rable|honorable|Hon\.|Minister|Ministre|Premier|Premi[eè]re\s+ministre|"
    r"Prime\s+Minister|Dr|Dre|Prof|Professor|Professeure?|Mr|Mrs|Ms|Mme|M)\.?\s+(?=[A-ZÀ-ÖØ-Þ])")


def _clean_person(s: str, lex: Lexicon) -> str:
    """Drop a title or a sentence word glued before a name ("Selon Marie Roy",
    "the Honourable Jane Doe") and a final period."""
    s = PERSON_TITLE.sub("", s.strip())
    toks = s.strip().rstrip(".").split()
    while len(toks) > 2 and toks[0] not in lex.first_names and first_name_ok(toks[1], lex):
        toks = toks[1:]
    return " ".join(toks)


def _name_shaped(s: str, lex: Lexicon) -> bool:
    """Two or three capitalised words with no organization cue: a name, where the
    construction (honorific, "Minister X") already says it is a person."""
    toks = s.split()
    return 2 <= len(toks) <= 3 and all(re.fullmatch(r"[A-ZÀ-ÖØ-Þ](?:[a-z]{0,2}['’][A-Z])?[a-zà-öø-ÿ’'-]+", t)
                                       for t in toks) \
        and type_cue(s, lex) == ("Organization", None)


def _is_minister(role: str, lex: Lexicon) -> bool:
    return bool(lex.rx("MINISTER", r"(?i)^(?:premier\s+|première\s+)?{}").match(role.strip()))


def _subject_first(sent: str, left_orgs, s0: int) -> bool:
    return True


def _clause_end(sent: str, pos: int) -> int:
    m = re.search(r"(?<!\bInc)(?<!\bCo)(?<!\bLtd)(?<!\bCorp)(?<!\bLtée)\.(?!\d)|[;:!?]"
                  r"|,\s+(?:qui|dont|afin|pour|which|who|to|in order)\b|\s+(?:pour|afin\s+de|to)\s+[a-zé]", sent[pos:])
    return pos + m.start() if m else len(sent)


def _trim_org(org: str, lex: Lexicon) -> str | None:
    org = re.sub(r"(?<=s)['’]$|['’]s$", "", org.strip().rstrip(".,;:"))  # "Acme's", "Brume Analytics'"
    org = BASED_IN.sub("", org)
    poss = re.search(r"['’]s\s+[A-ZÀ-ÖØ-Þ]", org)
    if poss and type_cue(org[:poss.start()], lex) != ("Organization", None):
        org = org[:poss.start()]  # "Acme University's School of Design": the university
    org = re.sub(r"\s+(?:de|du|des|of|and|et|&|la|the|for|d['’]|l['’])$", "", org, flags=re.I)
    org = re.sub(r"^(?:l['’]|d['’])", "", org)
    if not org or not name_like(org, 8):
        return None
    if org.casefold() in lex.stop_names or lex.rx("BOARD_HEADER", r"(?i)^(?:{})$").match(org):
        return None  # a generic word or a heading ("Board of Directors", "Leadership")
    return org


def _affil(person: str, ps: int, org: str, os_: int, role: str | None, s0: int, e0: int,
           ctx: Context, facts: Facts) -> None:
    facts.add(Cand(person, "Person", ps, ps + len(person)))
    facts.add(_org_cand(org, os_, os_ + len(org), ctx.lex))
    facts.rel("AFFILIATED_WITH", person, org, s0, e0, role)


def _person_spans(sent: str, ctx: Context) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(rf"{_CAP}(?:[ \t]+(?:(?:de|du|van|von|da|le|la)[ \t]+)?{_CAP}){{1,6}}", sent):
        chunk = m.group().rstrip(".,;:")
        # the longest person-looking prefix of the run
        toks = chunk.split()
        for k in range(min(4, len(toks)), 1, -1):
            for a in range(0, len(toks) - k + 1):
                name = " ".join(toks[a:a + k])
                if looks_like_person(name, ctx.lex, ctx.persons):
                    start = m.start() + chunk.find(name)
                    out.append((start, start + len(name), name))
                    break
            else:
                continue
            break
    return out


def _org_mentions(start: int, end: int, ctx: Context, facts: Facts) -> list[tuple[int, int, str]]:
    """Organization mentions inside a span: rule candidates and NER spans."""
    found = {}
    for c in facts.cands:
        if c.type in ("Organization", "University") and c.start >= start and c.end <= end:
            found[(c.start, c.end)] = c.name
    for s, e, t in _orgs_in(start, end, ctx):
        if not any(s < fe and fs < e for fs, fe in found):
            found[(s, e)] = t
    # organizations already known from elsewhere in the document, named again here
    window = ctx.text[start:end]
    for name in {c.name for c in facts.cands if c.type in ("Organization", "University") and len(c.name) > 2}:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", window):
            s, e = start + m.start(), start + m.end()
            if not any(s < fe and fs < e for fs, fe in found):
                found[(s, e)] = name
    return sorted((s, e, n) for (s, e), n in found.items())


# --------------------------------------------------------------------------- prose: projects

_ARTICLES = re.compile(
    r"^(?:(?:l['’]|d['’])\s*|(?:le|la|les|the|de|du|des|of|également|aussi|notamment|entre\s+autres|also|notably"
    r"|including|namely|such\s+as|tels?\s+que|comme|firme|société|entreprise|compagnie|startup|jeune\s+pousse"
    r"|organisme|organisation|organization|grappe|cluster|coopérative|agence|agency"
    r"|company|firm|par|by)\s+)+", re.I)
_NAME_AT = re.compile(
    rf"^(?:{_CAP})(?:[ \t]+(?:(?:de|du|des|of|and|et|&|de\s+la|d['’]|l['’]|la|for|the|à|en|x|@)[ \t]+)?(?:{_CAP}|\d{{4}})){{0,7}}"
)


def _sentence_subject(sent: str, s0: int, end: int, ctx: Context, facts: Facts) -> str | None:
    """The organization a sentence is about: the first one named before ``end``, else the
    capitalised words it opens with (after a dateline), which then become a candidate."""
    orgs = _org_mentions(s0, s0 + end, ctx, facts)
    if orgs:
        return orgs[0][2]
    head = DATELINE.sub("", sent.lstrip())
    head = _ARTICLES.sub("", head)
    lm = _NAME_AT.match(head)
    org = _trim_org(lm.group(), ctx.lex) if lm else None
    if not org or looks_like_person(org, ctx.lex, ctx.persons) or sent.find(org) >= end:
        return None
    rest = head[len(lm.group()):]
    if all(ctx.is_common(w) for w in org.split()) or (
            len(org.split()) == 1 and re.match(r"\s+(?:de|des|du|d['’]|of)\s*[a-zà-ÿ]", rest)):
        return None  # "Message des co-présidents", "Équipe de direction": a common noun, not a name
    os_ = s0 + sent.find(org)
    facts.add(_org_cand(org, os_, os_ + len(org), ctx.lex))
    return org


_ADVERBS = re.compile(r"(?i)(?:\s+(?:today|also|previously|already|have|has|recently|aujourd['’]hui|ont|déjà))+\s*$")


def _coordinated_subject(sent: str, s0: int, end: int, ctx: Context, facts: Facts) -> list[str]:
    """"Acme and Bolt Labs (previously) …": the coordinated names a sentence opens with,
    as organization candidates (NER missed them)."""
    head = _ADVERBS.sub("", sent[:end])
    dm = DATELINE.match(head)
    off = dm.end() if dm else 0
    items = split_items(head[off:], s0 + off, ctx.lex)
    if not 2 <= len(items) <= 4:
        return []
    out = []
    for name, _s, e in items:
        name = _ARTICLES.sub("", name)
        if (not _NAME_AT.fullmatch(name) or looks_like_person(name, ctx.lex, ctx.persons)
                or all(ctx.is_common(w) for w in name.split()) or _trim_org(name, ctx.lex) != name):
            return []
        out.append((name, e - len(name), e))
    for name, s, e in out:
        facts.add(_org_cand(name, s, e, ctx.lex))
    return [n for n, _, _ in out]


_SC_STOP = "de|du|des|la|le|les|et|ou|pour|à|au|aux|en|un|une|the|a|an|of|and|or|for|to|in|on|with|avec|sur|par|by"
MONEY_AMT = r"(?:\$\s?[\d.,]+(?:\s*(?:millions?|billions?|M))?|[\d][\d.,\s]*\s*(?:M\s?\$|\$|millions?\s+de\s+dollars))"
#: between two funders: ", et du …", " and $900,000 from …"
_FUNDS_GAP_CORE = (rf"\s*,?\s*(?:et|and)\s+(?:{MONEY_AMT}\s+(?:from|de\s+la\s+part\s+(?:de|du)|de)\s+)?"
                   r"(?:(?:par|by|de|du|des|from)\s+)?(?:(?:the|le|la|les|l['’]|de\s+la|de\s+l['’])\s*)?")
_FUNDS_GAP = re.compile(_FUNDS_GAP_CORE)
_FUNDS_GAP_DESC = r"(?i:\s+{})?" + _FUNDS_GAP_CORE + r"(?:(?i:{})(?:\s+[a-zà-ÿ-]+){0,2}?\s+)?"


def _subject_items(sent: str, s0: int, end: int, ctx: Context, facts: Facts) -> list[str]:
    """The organizations coordinated before a verb ("L'Université X et l'entreprise
    ontarienne Y complètent …", "Canadian retailer X and logistics firm Y have …")."""
    head = _ADVERBS.sub("", sent[:end]).rstrip(" ,")
    dm = DATELINE.match(head)
    off = dm.end() if dm else 0
    out = []
    for item, s, e in split_items(head[off:], s0 + off, ctx.lex):
        mentions = _org_mentions(s, e, ctx, facts)
        if mentions:
            out.append(mentions[-1][2])
            continue
        body = _ARTICLES.sub("", item)
        body = re.sub(r"^(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+\s+)?(?:[a-zà-öø-ÿ][\w-]*\s+){1,3}(?=[A-ZÀ-ÖØ-Þ])", "", body)
        m = _NAME_AT.fullmatch(body.strip())
        org = _trim_org(m.group(), ctx.lex) if m else None
        if not org or looks_like_person(org, ctx.lex, ctx.persons) or all(ctx.is_common(w) for w in org.split()):
            continue
        os_ = s + item.find(org)
        facts.add(_org_cand(org, os_, os_ + len(org), ctx.lex))
        out.append(org)
    return out


def _org_at(body: str, lex: Lexicon) -> str | None:
    """The organization name a string starts with: "Long name (ACR)", an institution
    head word followed by its complement ("Banque de développement du Canada"), or a
    run of capitalised words."""
    acr = re.match(r"^(?P<name>[A-ZÀ-ÖØ-Þ][^()]{2,80}?)\s*\((?P<acr>[A-ZÀ-ÖØ-Þ][\w.&-]{1,10})\)", body)
    if acr and is_acronym_of(acr.group("acr"), acr.group("name")) and not re.search(r"[.;:!?]", acr.group("name")):
        return acr.group("name").strip()
    if lex.rx("INSTITUTION_HEAD", r"^{}(?!\w)").match(body):
        m = re.match(r"^(?:(?!\s(?:et|and|ou|or)\s)[^,.;:!?()«»\n])+", body)
        words = m.group().split() if m else []
        # stop at a verb-like lowercase word after the complement: keep up to 8 words
        if 1 < len(words) <= 8:
            return _trim_org(m.group().strip(), lex)
    m = _NAME_AT.match(body)
    return _trim_org(m.group(), lex) if m else None


_TAIL_PARTICLES = {"de", "du", "des", "d", "l", "la", "le", "of", "the", "and", "et", "&", "for", "à", "en", "pour",
                   "sur", "au", "aux"}


def cut_lower_tail(raw: str, lex: Lexicon) -> str:
    """Cut a name at a lowercase word that follows a capitalised non-head word
    ("Université Acme autour d'un objectif" -> "Université Acme"); inner lowercase words
    after a head or a particle stay ("Institut de valorisation des données")."""
    words = list(re.finditer(r"\S+", raw))
    for i in range(2, len(words)):
        w, prev = words[i].group(), words[i - 1].group()
        if (w[:1].islower() and re.split(r"['’]", w.casefold())[0] not in _TAIL_PARTICLES
                and prev[:1].isupper() and type_cue(prev, lex) == ("Organization", None)):
            return raw[:words[i].start()].rstrip()
    return raw


_FOLLOWING = re.compile(r"\s*(?:(?:the|these)\s+following|les\s+(?:\w+\s+){0,2}?suivant(?:e?s)?)[^:.\n]{0,50}:")


def _items_after(pos: int, end: int, ctx: Context, facts: Facts, group: str | None = None) -> list[Cand]:
    """The names listed right after a cue ("... avec A, B et C, lance ..."), as candidates."""
    text = ctx.text
    intro = _FOLLOWING.match(text, pos, end)  # "… with the following institutions: A, B"
    if intro:
        pos = intro.end()
    stop = _clause_end(text[:end], pos)
    out = []
    items = split_items(text[pos:stop], pos, ctx.lex)
    # a list holding organization-shaped names: a name NER calls a person there is an
    # organization too unless it opens with a known first name ("Acme Foods, Tidewater Catch")
    orgish = any(type_cue(t, ctx.lex) != ("Organization", None) for t, _, _ in items)
    for item_text, s, _e in items:
        lead = _ARTICLES.match(item_text)
        body = item_text[lead.end():] if lead else item_text
        s2 = s + (text[s:s + len(item_text)].find(body) if lead else 0)
        person = person_at_start(body, ctx.lex, ctx.persons)
        if person and orgish and not first_name_ok(person.split()[0], ctx.lex) and "(" not in body:
            person = None
        pm = re.match(r"^\s*\((?P<org>[^()]{2,60})\)", body[len(person):]) if person else None
        if person and pm and not _is_role(pm.group("org"), ctx.lex):
            # "Jeanne Roy (Acme Robotics)": a person and her organization, not an organization
            org = _trim_org(pm.group("org"), ctx.lex)
            p = facts.add(Cand(person, "Person", s2, s2 + len(person), groups={group} if group else set()))
            if org:
                os_ = s2 + len(person) + pm.start("org")
                facts.add(_org_cand(org, os_, os_ + len(org), ctx.lex))
                facts.rel("AFFILIATED_WITH", person, org, s2, s2 + len(person) + pm.end())
            out.append(p)
            continue
        acr = re.match(r"^(?P<name>[A-ZÀ-ÖØ-Þ][^()]{2,80}?)\s*\((?P<acr>[A-ZÀ-ÖØ-Þ][\w.&-]{1,10})\)", body)
        head = ctx.lex.rx("INSTITUTION_HEAD", r"^{}(?!\w)").match(body)
        if acr and is_acronym_of(acr.group("acr"), acr.group("name")):
            name = acr.group("name").strip()
        elif head and len(body.split()) <= 8 and not re.search(r"[.;:!?]", body):
            name = cut_lower_tail(body.strip(), ctx.lex)
        else:
            m = _NAME_AT.match(body)
            if not m:
                break
            name = _trim_org(m.group(), ctx.lex)
            if not name:
                break
        paren = re.match(r"^\s*\(([^()]{1,40})\)", body[len(name):])
        full = name + (body[len(name):len(name) + paren.end()] if paren else "")
        item = parse_item(squash(full), s2, s2 + len(full), ctx, group, "Organization" if orgish else None)
        if item is None or item.main is None:
            break
        for c in item.cands:
            facts.add(c)
        out.append(item.main)
    return out


#: "X est un consortium de recherche qui …", "X is a network that …": the subject is an organization
_HONORIFIC = re.compile(r"^(?:Dr|Dre|Prof|Professor|Professeure?|Pr|Mr|Mrs|Ms|Mme|M)\.?\s+(?=[A-ZÀ-ÖØ-Þ])")
_ORG_KIND = re.compile(
    r"(?i)(?<!\w)(?:est|is)\s+(?:un|une|an?|the|le|la)\s+(?:[\w’'-]+\s+){0,8}?"
    r"(?:consortium|réseau|regroupement|network|alliance|organisme|organi[sz]ation|grappe|cluster)(?!\w)")


def prose_projects(ctx: Context, facts: Facts, sents: Iterable[tuple[int, int]]) -> None:
    """Named projects in sentences and who leads, funds and takes part in them."""
    text, lex = ctx.text, ctx.lex

    def ci(label: str) -> str:
        return f"(?i:{lex.alt(label)})"

    name_run = rf"{_CAP}(?:[ \t]+(?:{_CAP}|\d{{1,4}}(?!\d|[.,]\d)|x|@|&)){{0,6}}"
    # a name may be quoted: « Cuve », "Tidewatch"
    q_open, q_close = r"(?:[«\"“][ \u00a0\u202f]?)?", r"(?:[ \u00a0\u202f]?[»\"”])?"
    intro_rx = re.compile(rf"(?<!\w){ci('PROJECT_INTRO')}\s+{q_open}(?P<name>{name_run})")
    # sentence-case names right after the noun: "le projet Atelier prédictif, qui …"
    # ("Planification agile des chantiers": function words inside, a content word last)
    sc_words = rf"(?:[ \t]+(?:(?:{_SC_STOP})[ \t]+)?(?!(?:{_SC_STOP})\b)[a-zà-öø-ÿ][\w’'-]+){{1,4}}"
    intro_sc_rx = re.compile(
        rf"(?<!\w){ci('PROJECT_INTRO')}\s+{q_open}(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+{sc_words}){q_close}"
        rf"(?=\s*[,(]|\s+(?i:qui|dont|which|that)\b)")  # a comma or a relative pronoun ends the name
    # "ColdTrace: Trustworthy AI for Cold Chains, a research project": the name before its subtitle
    appos_rx = re.compile(rf"{q_open}(?P<name>{name_run}){q_close}(?::[ \t]+[^,.;:\n«»]{{3,80}})?\s*,\s*"
                          rf"(?P<appos>{ci('PROJECT_APPOS')})(?!\w)")
    # quoted names in any case: « Rayons sans rupture », un projet … / le projet « Maillon »
    quoted_rx = re.compile(rf"(?:(?<!\w){ci('PROJECT_INTRO')}\s+)?[«\"“][ \u00a0\u202f]?(?P<name>[A-ZÀ-ÖØ-Þ][^«»\"“”\n]{{1,60}}?)"
                           rf"[ \u00a0\u202f]?[»\"”](?P<appos>\s*,\s*{ci('PROJECT_APPOS')}(?!\w))?")
    # "Project Lodestar", "Opération Ligne claire": a name that carries its own kind
    kind_rx = re.compile(rf"(?<![\w.’'])(?P<name>(?:Project|Projet|Operation|Opération)[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]+"
                         rf"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]+){{0,3}}(?:[ \t]+[a-zà-öø-ÿ][\w’'-]+(?=[ \t]*[—–,.;:()]))?)"
                         rf"(?![ \t]+(?i:{lex.alt('ROLE')})\b)")
    # "Led by Laval-based carrier Frigomax, Cold Chain Sentinel will …": what is led is a project
    fronted_rx = re.compile(rf"^[\s«\"“]*{ci('LEAD_VERB')}\s+(?P<who>[^,;.]{{2,120}}),\s+{q_open}(?P<name>{name_run}){q_close}"
                            r"\s+(?i:will|is|aims|plans|seeks|should|would|has|vise|va|sera|est|doit|entend|a)\b")
    # "the Tally project", "its Tidewatch initiative", "Norrland's Tidewatch project"
    suffix_rx = re.compile(rf"(?:(?<!\w)(?i:the|its|their|our|this)|(?<=\w)['’]s)\s+{q_open}(?P<name>{name_run}){q_close}"
                           r"\s+(?i:project|program|programme|initiative|consortium|pilot)(?!\w)")
    ref_rx = re.compile(rf"(?<!\w){ci('PROJECT_REF')}(?!\w)")
    # "dirigé par la société montréalaise Acme", "supervisés par la professeure Jeanne Roy"
    desc = rf"(?:(?:{ci('ORG_DESCRIPTOR')}(?:\s+[a-zà-öø-ÿ][\w-]*){{0,2}}?|{ci('PERSON_TITLE_BEFORE')})\s+(?=[A-ZÀ-ÖØ-Þ]))?"
    lead_rx = re.compile(rf"(?<!\w){ci('LEAD_VERB')}\s+{_OPT_ART}{desc}(?P<org>{_ORG_RUN})")
    funds_rx = re.compile(rf"(?<!\w){ci('FUNDS_VERB')}\s*{_OPT_ART}{desc}(?P<org>{_ORG_RUN})")
    # sentence-case names in apposition, mid-sentence ("pour développer Triage prédictif, un outil …")
    sc_appos_rx = re.compile(
        rf"(?<=[a-zà-öø-ÿ] )(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+(?!(?:{_SC_STOP})\b)[a-zà-öø-ÿ][\w’'-]+){{1,2}})"
        rf"\s*,\s*(?P<appos>{ci('PROJECT_APPOS')})(?!\w)")
    join_rx = re.compile(rf"(?<!\w){ci('MEMBERS_JOIN')}(?!\w)")
    announce_rx = re.compile(rf"(?<!\w){ci('ANNOUNCE_FUNDING')}(?!\w)")
    funds_active_rx = re.compile(rf"(?P<org>{_ORG_RUN})\s+{ci('FUNDS_ACTIVE')}(?!\w)")
    funds_verb_rx = re.compile(rf"(?<!\w){ci('FUNDS_ACTIVE')}(?!\w)")
    members_rx = re.compile(rf"(?<!\w){ci('MEMBERS_VERB')}\s*")
    launch_rx = re.compile(rf"(?<!\w){ci('LAUNCH_VERB')}(?!\w)")
    team_verb_rx = re.compile(rf"(?<!\w){ci('PERSON_TEAM_VERB')}(?!\w)")
    partner_cue_rx = re.compile(rf"(?<!\w){ci('PARTNERSHIP')}(?!\w)")
    lead_active_rx = re.compile(
        rf"(?P<org>{_ORG_RUN})(?:\s*,[^,.;()\n]{{1,80}},)?(?:\s+(?i:also|now|currently|aussi|également|désormais))?"
        rf"\s+(?:{lex.alt('LEAD_ACTIVE')})\s+")
    founded_rx = re.compile(rf"(?<!\w){ci('FOUNDED_BY')}\s+")
    recipient_rx = re.compile(rf"^[\s•·–—-]*{_OPT_ART}(?P<org>{_ORG_RUN})(?:{LEGAL_FORM})?"
                              rf"\s+{ci('RECEIVES')}\s[^.;]{{0,80}}?\$[^.;]{{0,40}}?(?<!\w)(?i:pour|for|to)\s")
    last_project: str | None = None
    last_seen = -99
    seen: list[str] = []
    seen_aliases: list[str] = []  # "Kestrel" for "Project Kestrel": named again, the same project
    claimed = list(facts.claimed)
    # project titles found by the layout rules anchor the prose that follows them
    titled = sorted((c.end, c.start, c.name) for c in facts.cands if c.type == "Project" and c.source == RULE)
    last_pos = -1
    for n_sent, (s0, e0) in enumerate(sents):
        sent = text[s0:e0]
        projects: list[tuple[int, str]] = []
        if n_sent - last_seen > 8:
            last_project = seen[0] if len(seen) == 1 else None
        above = [t for t in titled if t[0] <= s0 and t[1] > last_pos]
        if above:
            last_project, last_pos, last_seen = above[-1][2], above[-1][1], n_sent
        for rx in (quoted_rx, intro_sc_rx, intro_rx, appos_rx, suffix_rx, sc_appos_rx, fronted_rx, kind_rx):
            for m in rx.finditer(sent):
                if rx is quoted_rx and not (m.group("appos") or m.group(0)[:1] not in "«\"“"):
                    continue  # a quotation, not a name introduced as a project
                if any(p <= m.start("name") < p + len(n) for p, n in projects):
                    continue  # read already, whole (a sentence-case name before its first word)
                raw = m.group("name")
                name = re.sub(r"^(?:The|Le|La|Les|L['’])\s+", "", raw).strip()
                if name.endswith(".") and not keeps_period(name):
                    name = name[:-1]
                # the cue outranks NER's guess of a person ("Harvest Relay, a $2M project"),
                # not a known first name ("Marie Roy, a project manager")
                if not name or len(name) < 3 or looks_like_person(name, lex, frozenset()) or (
                        rx is sc_appos_rx and looks_like_person(name, lex, ctx.persons)):
                    continue
                if len(name.split()) == 1 and ctx.is_common(name):
                    continue
                if any(c.name == name and c.type in ("Organization", "University") and c.source == RULE
                       and c.start < s0 for c in facts.cands):
                    continue  # an organization a layout rule read above
                ps = s0 + m.start("name") + raw.find(name)
                attrs = {}
                if rx in (appos_rx, sc_appos_rx, quoted_rx) and m.group("appos"):
                    amount = parse_amount(m.group("appos"))
                    if amount:
                        attrs["total_investment_cad"] = amount
                aliases = []
                ym = re.match(r"^(.+?)\s+(?:19|20)\d\d$", name)
                if ym:
                    aliases.append(ym.group(1))
                pm_ = re.match(r"^(?:Project|Projet)\s+(?=\S)", name)
                if pm_ and len(name[pm_.end():]) > 2:
                    aliases.append(name[pm_.end():])  # "Project Kestrel" is "Kestrel" later on
                facts.add(Cand(name, "Project", ps, ps + len(name), aliases=aliases, attributes=attrs))
                facts.claimed.append((ps, ps + len(name)))
                seen_aliases.extend(a for a in aliases if a not in seen_aliases)
                projects.append((m.start("name"), name))
        # projects named earlier, named again ("GridWise is led by Acme")
        for n in (*seen, *seen_aliases):
            for pm in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", sent):
                if not any(p <= pm.start() < p + len(q) for p, q in projects):
                    projects.append((pm.start(), n))
        projects.sort()
        if projects:
            last_project = projects[-1][1]
            last_seen = n_sent
            last_pos = s0
            seen.extend(n for _, n in projects if n not in seen)

        def target(pos: int, projects=projects, sent=sent, last_project=last_project,
                   members: bool = False, money: bool = False) -> str | None:
            before = [n for p, n in projects if p < pos]
            if before:
                return before[-1]
            if projects:
                return projects[0][1]
            if ref_rx.search(sent):
                return last_project or MAIN_PROJECT
            return last_project if members or money else None

        def money_near(a: int, b: int, sent=sent, last_project=last_project) -> bool:
            """An amount stated right at the funding verb ("X is providing $1.5 million"),
            not invested in a named company ("X invests $5M in Acme")."""
            inv = re.search(r"(?<!\w)(?:dans|into|in)\s+(?:the\s+|la\s+|le\s+|l['’])?(?:(?:firme|société|entreprise|"
                            r"jeune\s+pousse|start-?up|company|firm)\s+)?(?P<n>[A-ZÀ-ÖØ-Þ][^,.;]*)", sent[a:b + 30])
            if inv and not any(inv.group("n").startswith(n) for n in (*seen, last_project or "\x00")):
                return False
            return bool(MONEY.search(sent[a:b]))

        for m in lead_rx.finditer(sent):
            tgt = target(m.start())
            org = _org_at(sent[m.start("org"):], lex) or _trim_org(m.group("org"), lex)
            if org:
                bare = _HONORIFIC.sub("", org)
                org = person_at_start(bare, lex, ctx.persons) or bare
            if not tgt and org and looks_like_person(org, lex, ctx.persons) and last_project \
                    and re.search(r"(?<!\w)(?:will\s+be|sera|seront)\s*$", sent[max(0, m.start() - 14):m.start()]):
                tgt = last_project  # "work on the models will be overseen by Dr. Jane Doe"
            if not tgt and org and looks_like_person(org, lex, ctx.persons):
                # "X est dirigée par Jeanne Roy": the person works for the sentence's organization
                subject = _sentence_subject(sent, s0, m.start(), ctx, facts)
                if subject:
                    ps = s0 + m.start("org")
                    facts.add(Cand(org, "Person", ps, ps + len(org)))
                    facts.rel("AFFILIATED_WITH", org, subject, s0, e0, None)
                continue
            if tgt and org and looks_like_person(org, lex, ctx.persons):
                # "les travaux seront supervisés par Jeanne Roy": a person takes part in the project
                ps = s0 + m.start("org")
                facts.add(Cand(org, "Person", ps, ps + len(org)))
                facts.rel("PARTICIPATES_IN", org, tgt, s0, e0)
            elif tgt and org:
                os_ = s0 + m.start("org")
                facts.add(_org_cand(org, os_, os_ + len(org), lex))
                facts.rel("LEADS", org, tgt, s0, e0)
        for m in launch_rx.finditer(sent):
            # "Acme and Bolt Labs today announced Foo, a …": the announcers take part in Foo
            after = [n for p, n in projects if 0 <= p - m.end() <= 12]
            if not after:
                continue
            subj = [o[2] for o in _org_mentions(s0, s0 + m.start(), ctx, facts)]
            if len(subj) < 2:
                subj = _coordinated_subject(sent, s0, m.start(), ctx, facts) or subj
            for org in subj:
                facts.rel("PARTICIPATES_IN", org, after[0], s0, e0)
        for m in team_verb_rx.finditer(sent):
            # "Jeanne Roy (Acme) will sit on the advisory committee", "Jean Roy coordonnera l'équipe"
            tgt = target(m.start(), members=True) or MAIN_PROJECT
            orgs = _org_mentions(s0, s0 + m.start(), ctx, facts)
            for ps, pe, person in _person_spans(sent[:m.start()], ctx):
                if not person[:1].isupper() or any(os_ <= s0 + ps < oe for os_, oe, _ in orgs):
                    continue
                facts.add(Cand(person, "Person", s0 + ps, s0 + pe))
                facts.rel("PARTICIPATES_IN", person, tgt, s0, e0)
        for m in partner_cue_rx.finditer(sent):
            # "the Foo project is led by Acme in collaboration with A and B": A and B take part in Foo
            before = [(p, n) for p, n in projects if p < m.start()]
            tgt = before[-1][1] if before else (
                (last_project or MAIN_PROJECT) if ref_rx.search(sent, 0, m.start()) else None)
            since = s0 + (before[-1][0] + len(before[-1][1]) if before else 0)
            verb_cue = re.match(r"(?i)(?:collabor|travaill|ha[sd]\s|have\s|is\s|are\s|partner|team|work|s['’])", m.group())
            if tgt and verb_cue and any(re.fullmatch(r"(?:\s+[\w-]+){0,5}\s*", text[oe:s0 + m.start()])
                                        for _os, oe, _n in _org_mentions(since, s0 + m.start(), ctx, facts)):
                continue  # "Acme collabore depuis 2023 avec B": Acme's partnership, not the project's
            if tgt:
                for c in _items_after(s0 + m.end(), e0, ctx, facts):
                    if c.type != "Person":
                        facts.rel("PARTICIPATES_IN", c.name, tgt, s0, e0)
        for m in lead_active_rx.finditer(sent):
            # "Acme, a Montréal start-up, will lead Foo, a project to …" / "Acme pilote le projet"
            after = [n for p, n in projects if 0 <= p - m.end() <= 6]
            tgt = after[0] if after else (last_project if ref_rx.match(sent, m.end()) else None)
            org = _trim_org(m.group("org"), lex)
            if org and (person_at_start(_HONORIFIC.sub("", org), lex, ctx.persons)
                        or all(ctx.is_common(w) for w in org.split())):
                continue  # a person leading the team takes part (see team_verb_rx), not an organization
            if tgt and org and not looks_like_person(org, lex, ctx.persons) and org != tgt:
                os_ = s0 + m.start("org")
                facts.add(_org_cand(org, os_, os_ + len(org), lex))
                facts.rel("LEADS", org, tgt, s0, e0)
        m = fronted_rx.match(sent)
        if m and any(n == m.group("name") for _, n in projects):
            runs = [r.group() for r in re.finditer(_ORG_RUN, m.group("who")) if not r.group().endswith("-based")]
            org = _trim_org(runs[-1], lex) if runs else None
            if org and not looks_like_person(org, lex, ctx.persons) and not person_at_start(org, lex, ctx.persons):
                os_ = s0 + m.start("who") + m.group("who").rfind(runs[-1])
                facts.add(_org_cand(org, os_, os_ + len(org), lex))
                facts.rel("LEADS", org, m.group("name"), s0, e0)
        m = recipient_rx.match(sent)
        if m:
            # "Acme inc. obtient 450 000 $ pour mener le projet Foo": the recipient carries its project out
            after = [n for p, n in projects if p >= m.end()]
            org = _trim_org(m.group("org"), lex)
            if after and org and org not in after and not person_at_start(org, lex, ctx.persons) \
                    and not all(ctx.is_common(w) for w in org.split()):
                os_ = s0 + m.start("org")
                facts.add(_org_cand(org, os_, os_ + len(org), lex))
                facts.rel("LEADS", org, after[0], s0, e0)
        for m in funds_verb_rx.finditer(sent):
            tgt = target(m.start(), money=money_near(m.start(), m.end() + 40))
            before = [o for o in _org_mentions(s0, s0 + m.start(), ctx, facts) if s0 + m.start() - o[1] <= 25]
            if tgt and before:
                facts.rel("FUNDS", before[-1][2], tgt, s0, e0)
        for rx in (funds_rx, funds_active_rx):
            for m in rx.finditer(sent):
                tgt = target(m.start(), money=money_near(m.start(), m.end() + 40))
                org = _org_at(sent[m.start("org"):], lex) if rx is funds_rx else None
                org = org or _trim_org(re.sub(r"^(?:The|Le|La|Les|L['’])\s+", "", m.group("org")), lex)
                if rx is funds_active_rx and re.search(r"(?i)(?:\b(?:du|de|des|of)\s+|d['’]|\bde\s+la\s+|\bde\s+l['’])$",
                                                       sent[:m.start("org")]):
                    # "le ministère de l'Économie verse": the funder is the name that holds the complement
                    end = s0 + m.start("org") + len(org or "")
                    outer = [o for o in _org_mentions(s0, end, ctx, facts) if o[1] == end and o[0] < s0 + m.start("org")]
                    if not outer or not tgt:
                        continue
                    facts.rel("FUNDS", outer[-1][2], tgt, s0, e0)
                    continue
                if tgt and org and not looks_like_person(org, lex, ctx.persons):
                    os_ = s0 + m.start("org") + m.group("org").find(org)
                    facts.add(_org_cand(org, os_, os_ + len(org), lex))
                    facts.rel("FUNDS", org, tgt, s0, e0)
                    prev_end = os_ + len(org)
                    for ms, me, other in _org_mentions(prev_end, e0, ctx, facts):
                        gap = text[prev_end:ms]
                        gap = re.sub(r"^\s*,\s*(?:which|who|qui)\b(?:[^,.;]|[.,](?=\d)){0,80}(?=,)", "", gap)  # ", which is investing $1M"
                        if not _FUNDS_GAP.fullmatch(gap) and not lex.rx("ORG_DESCRIPTOR", _FUNDS_GAP_DESC).fullmatch(gap):
                            break
                        facts.rel("FUNDS", other, tgt, s0, e0)
                        prev_end = me
        for m in members_rx.finditer(sent):
            cue_end = s0 + m.end()
            kind = _ORG_KIND.search(sent[:m.start()])
            if kind and not projects:
                # "Acme est un consortium … qui réunit A, B et C": membership of Acme, not of a project
                subj = _sentence_subject(sent, s0, kind.start(), ctx, facts)
                if subj:
                    for c in _items_after(cue_end, e0, ctx, facts):
                        if c.type != "Person" and c.name != subj:
                            facts.rel("PARTNERS_WITH", subj, c.name, s0, e0)
                continue
            tgt = target(m.start(), members=True)
            if not tgt or any(cue_end <= cs < cue_end + 6 for cs, _ in claimed):
                continue
            group = ctx.group("members")
            for c in _items_after(s0 + m.end(), e0, ctx, facts, group):
                facts.rel("PARTICIPATES_IN", c.name, tgt, s0, e0)
        for m in announce_rx.finditer(sent):
            # "the Honourable Jane Doe, Minister of …, announced a $3 million investment in Foo":
            # the minister's government funds Foo; otherwise the organization announcing it
            if not money_near(m.start(), m.end() + 30):
                continue  # no amount, or an investment in a company ("… in Bolt Robotics")
            tgt = target(m.start(), money=True)
            if not tgt:
                continue
            govs = [r.target for r in facts.rels if r.type == "AFFILIATED_WITH" and s0 <= r.start < e0
                    and r.role and _is_minister(r.role, lex)]
            if govs:
                facts.rel("FUNDS", govs[0], tgt, s0, e0)
                continue
            before = [o for o in _org_mentions(s0, s0 + m.start(), ctx, facts)]
            if before and not re.search(r"[.;:]", sent[before[-1][1] - s0:m.start()]):
                facts.rel("FUNDS", before[-1][2], tgt, s0, e0)
        for m in join_rx.finditer(sent):
            # "A et l'entreprise B complètent le consortium", "A and B have signed on as partners"
            tgt = target(m.start(), members=True)
            if not tgt:
                continue
            for name in _subject_items(sent, s0, m.start(), ctx, facts):
                if name != tgt:
                    facts.rel("PARTICIPATES_IN", name, tgt, s0, e0)
        for m in founded_rx.finditer(sent):
            orgs = _org_mentions(s0, s0 + m.start(), ctx, facts)
            if not orgs:
                continue
            for c in _items_after(s0 + m.end(), e0, ctx, facts):
                if c.type == "Person":
                    facts.rel("AFFILIATED_WITH", c.name, orgs[-1][2], s0, e0, None)
