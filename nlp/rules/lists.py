"""Layout lists: boards and teams, contacts, funding tables, lists introduced by a colon or a
"Partners" heading, and dated events whose sub-items say who led them."""

from __future__ import annotations

import re

from grappe.model import EntityType, RelType
from nlp.facts import PROJECT_OR_SUBJECT, SUBJECT, Cand, Facts
from nlp.lexicon import WORDS as W
from nlp.lexicon import Lexicon
from nlp.rules.boards import boards_and_teams, contacts
from nlp.rules.context import Context
from nlp.rules.cues import per_language, register
from nlp.rules.names import org_cand, parse_item, split_items, trim_org
from nlp.rules.shapes import LEGAL_FORM, OPT_ART, ORG_RUN
from nlp.textutil import (
    MONEY,
    Block,
    blocks,
    has,
    looks_like_person,
    name_like,
    squash,
    strip_bullet,
    type_cue,
)

#: the lexicon labels this family reads (a test holds the code to this list)
CUES = register("lists", "FUNDING_FIELD", "LEAD_ACTIVE", "LEAD_VERB", "LIST_COLLAB",
                "LIST_PARTICIPANT_OF_EVENT", "PARTNER_FIELD", "PROJECT_REF")

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


_ITEM_ART = re.compile(rf"^(?:{W.ARTICLE_ITEM})(?=[A-ZÀ-ÖØ-Þ])")


_ITEM_DESC = re.compile(rf"\s*(?:,|\s[–—-])\s+(?:(?:{W.ITEM_DESC_START})\s|"
                        r"[a-zà-öø-ÿ])|\s[–—]\s+(?=[A-ZÀ-ÖØ-Þ])")


_LEGAL_END = re.compile(rf"^{LEGAL_FORM}$")
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zà-öø-ÿ][\w-]{3,}")


def _comma_head(head: str, lex: Lexicon) -> tuple[int, str]:
    """The name in an item of two comma-separated parts, as (offset, name): the place after a
    named institution ("Lakeside University, Northfield" → the university) or the name after a
    descriptor ("Soil analytics startup, Terravo" → "Terravo"). Anything else is left whole."""
    parts = head.split(", ")
    if len(parts) != 2 or not parts[0] or not parts[1][:1].isupper():
        return 0, head
    a, b = parts
    b_words = b.split()
    place_like = (len(b_words) <= 3 and all(_CAP_WORD.fullmatch(w) for w in b_words)
                  and not _LEGAL_END.match(" " + b) and type_cue(b, lex) == (EntityType.ORGANIZATION, None))
    if place_like and type_cue(a, lex) != (EntityType.ORGANIZATION, None):
        return 0, a
    if _LOWER_WORD.search(a) and not _LOWER_WORD.search(b) and not _LEGAL_END.match(" " + b):
        return len(a) + 2, b
    return 0, head


def _item_head(t: str, s: int, e: int, lex: Lexicon) -> tuple[str, int, int]:
    """A list item's name: "Brightwell, une jeune pousse trifluvienne …;" → "Brightwell",
    "l'Université X (UQX)." → "Université X (UQX)"."""
    a = _ITEM_ART.match(t)
    head = t[a.end():] if a else t
    d = _ITEM_DESC.search(head)
    if d:
        head = head[:d.start()]
    head = head.rstrip(" ;,.")
    cut, head = _comma_head(head, lex)
    if head == t:
        return t, s, e
    off = (a.end() if a else 0) + cut
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
    """Layout lists, block by block: boards and teams, contacts, funding tables, lists
    introduced by a colon or a heading, dated events."""
    bl = blocks(ctx.text)
    used: set[int] = set()  # blocks read as a board, a team or a contact
    boards_and_teams(bl, used, ctx, facts)
    contacts(bl, used, ctx, facts)
    _funding_table(bl, ctx, facts)
    # flatten items, keeping their block index
    flat: list[tuple[int, str, int, int]] = []
    for i, b in enumerate(bl):
        for item in _block_items(b):
            flat.append((i, *item))
    _colon_lists(bl, flat, used, ctx, facts)
    _dated_events(flat, ctx, facts)


def _colon_lists(bl: list[Block], flat: list[tuple[int, str, int, int]], used: set[int], ctx: Context,
                 facts: Facts) -> None:
    """Lists introduced by a colon, and lists under a "Partenaires" / "Our partners" heading:
    partners of the document's subject, members of its project, or an event's participants."""
    text, lex = ctx.text, ctx.lex
    heading_rx = lex.rx("PARTNER_FIELD", rf"(?i)^(?:(?:{W.HEADING_DET})\s+)?(?:{{}})"
                                          rf"(?:\s+(?:{W.HEADING_QUALIFIER}))?$")
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
        # "le consortium réunit quatre membres :" — members of the project, when there is one
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
                items = [_item_head(*it, lex) for it in items]  # one item per line, with a description
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
                        facts.rel(RelType.PARTICIPATES_IN, item.main.name, event[0], b.start, se)
                    elif item.main.type != EntityType.PERSON and to_project:
                        facts.rel(RelType.PARTICIPATES_IN, item.main.name, PROJECT_OR_SUBJECT, b.start, se)
                    elif item.main.type != EntityType.PERSON:
                        facts.rel(RelType.PARTNERS_WITH, SUBJECT, item.main.name, b.start, se)
                    n += 1
            used.add(j)
            j += 1
        if event and partic and n:
            name, aliases, s, e = event
            facts.add(Cand(name, EntityType.PROJECT, s, e, aliases=aliases, attributes={"kind": "event"}))


@per_language
def _event_lead_patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """"organised by X" and "X a dirigé le …" in an event's sub-items, compiled once."""
    lead_rx = re.compile(rf"(?<!\w)(?i:{lex.alt('LEAD_VERB')})\s+{OPT_ART}(?P<org>{ORG_RUN})")
    active_rx = re.compile(
        rf"^(?P<org>{ORG_RUN})\s+(?i:{lex.alt('LEAD_ACTIVE')})\s+(?i:{W.ARTICLE_ANY})\s"
    )
    return lead_rx, active_rx


def _dated_events(flat: list[tuple[int, str, int, int]], ctx: Context, facts: Facts) -> None:
    """Dated events: claimed (never organizations); a Project when a sub-item says who led it."""
    lex = ctx.lex
    lead_rx, active_rx = _event_lead_patterns(lex)
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
            org = trim_org(m.group("org"), lex)
            if org and not looks_like_person(org, lex, ctx.persons):
                facts.add(Cand(name, EntityType.PROJECT, es, ee, aliases=list(aliases), attributes={"kind": "event"}))
                o_start = ss + sub.find(org)
                facts.add(org_cand(org, o_start, o_start + len(org), lex))
                facts.rel(RelType.LEADS, org, name, ss, se)




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
            if item is None or item.main is None or item.main.type == EntityType.PERSON:
                continue
            for c in item.cands:
                facts.add(c)
            facts.claimed.append((cs, cs + len(cell)))
            facts.rel(RelType.FUNDS, item.main.name, PROJECT_OR_SUBJECT, row.start, row.end)


#: an item under a list heading: a capitalised name, maybe a legal form and an acronym
_HEADING_ITEM = re.compile(rf"{OPT_ART}{ORG_RUN}(?:{LEGAL_FORM})?(?:\s*\([^()]{{1,20}}\))?"
                           r"|[A-ZÀ-ÖØ-Þ][^()\d]{0,80}\([A-ZÀ-ÖØ-Þ][\w&.-]{1,15}\)")  # "Institut national … (INRS)"
