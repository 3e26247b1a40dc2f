"""Boards, teams and contacts: a person per item, with her role and organization."""

from __future__ import annotations

import re

from grappe.model import EntityType, RelType
from nlp.facts import MAIN_PROJECT, SUBJECT, Cand, Facts
from nlp.lexicon import WORDS as W
from nlp.rules.context import Context
from nlp.rules.cues import register
from nlp.rules.names import is_role, parse_item, split_items
from nlp.rules.shapes import PERSON_TITLE
from nlp.textutil import (
    PERSON_AT_START,
    Block,
    person_at_start,
    squash,
    strip_bullet,
    type_cue,
)

#: the lexicon labels this family reads (a test holds the code to this list)
CUES = register("boards", "BOARD_HEADER", "CONTACT_HEADER", "PROJECT_TEAM_HEADER")


def person_items(b: Block, ctx: Context, loose: bool = False) -> list[tuple[str, int, int, list[tuple[str, int]]]]:
    """Board items in a block: (person, start, end, tail lines). The first line of a
    block is read loosely inside a board (two or three capitalised words are a name);
    later lines need a known first name."""
    out: list[list] = []
    for n, (s, _e, line) in enumerate(b.lines()):
        body, bs = strip_bullet(line, s)
        bulleted = body.strip() != line.strip()
        tm = PERSON_TITLE.match(body.strip())  # "- Dr. Odile Marlin, …"
        if tm:
            bs += len(body) - len(body.lstrip()) + tm.end()
            body = body.strip()[tm.end():]
        body = body.strip()
        person = person_at_start(body, ctx.lex, ctx.persons if (n == 0 or bulleted) else frozenset())
        if person is None and loose and (n == 0 or bulleted):
            m = PERSON_AT_START.match(body)
            if m and len(m.group().split()) <= 3 and type_cue(m.group(), ctx.lex) == (EntityType.ORGANIZATION, None) \
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


OFFICE_OF = re.compile(rf"^(?:{W.OFFICE_OF})")


def board_item(person: str, ps: int, pe: int, tail: list[tuple[str, int]], group: str,
                ctx: Context, facts: Facts, team: bool = False, contact: bool = False) -> None:
    lex = ctx.lex
    p = facts.add(Cand(person, EntityType.PERSON, ps, pe, groups={group}))
    facts.claimed.append((ps, pe))
    lines = []
    for line, ls in tail:
        words = line.split()
        if (len(words) > 10 or re.search(r"\d", line) or (line.endswith(".") and not re.search(rf"(?i)\b(?:{W.ABBREV_END})\.$", line))
                or (len(words) == 1 and ctx.is_common(line) and not is_role(line, lex))):
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
            if is_role(inner, lex):
                pending_role = inner
            elif re.fullmatch(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ-]+", inner):
                p.aliases.append(f"{person} ({inner})")
            seg_text = m.group("rest")
            base += m.start("rest")
        segs = [(seg_text, base, base + len(seg_text))] if is_role(seg_text, lex) else split_items(seg_text, base, lex)
        for seg, s, e in segs:
            if is_role(seg, lex):
                pending_role = seg
                continue
            item = parse_item(seg, s, e, ctx)
            if item is None or item.main is None or item.main.type == EntityType.PERSON:
                continue
            for c in item.cands:
                facts.add(c)
            facts.claimed.append((s, e))
            facts.rel(RelType.AFFILIATED_WITH, person, item.main.name, ps, e, pending_role)
            if pending_role:
                linked = True
            pending_role = None
    if team:
        facts.rel(RelType.PARTICIPATES_IN, person, MAIN_PROJECT, ps, pe)
        return
    if contact and any(r.type == RelType.AFFILIATED_WITH and r.source == person for r in facts.rels):
        return  # a contact person: the organization on her lines, not the document's subject
    facts.rel(RelType.AFFILIATED_WITH, person, SUBJECT, ps, pe, pending_role if not linked else None)


def boards_and_teams(bl: list[Block], used: set[int], ctx: Context, facts: Facts) -> None:
    """Person items after a board heading; a project's team or committee heading ("Équipe",
    "Le comité consultatif du projet réunit :") makes its members take part."""
    lex = ctx.lex
    board_rx = lex.rx("BOARD_HEADER", r"(?i){}")
    team_rx = lex.rx("PROJECT_TEAM_HEADER", r"(?i)^(?:{})")
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
            items = person_items(bl[j], ctx, loose=started or j == i + 1 or bool(re.match(r"\s*[→•·▪◦●■-]", bl[j].text)))
            if items:
                started = True
                misses = 0
                used.add(j)
                for person, ps, pe, tail in items:
                    board_item(person, ps, pe, tail, group, ctx, facts, team)
            else:
                if board_rx.search(squash(bl[j].text)) or team_rx.search(squash(bl[j].text)):
                    used.add(j)
                elif started and len(squash(bl[j].text)) > 120:
                    break
                misses += 1
            j += 1


def contacts(bl: list[Block], used: set[int], ctx: Context, facts: Facts) -> None:
    """Contacts at the end of a release: "Renseignements :" then a name, a title and an
    organization."""
    lex = ctx.lex
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
            m.group() if m and len(m.group().split()) <= 3 and type_cue(m.group(), lex) == (EntityType.ORGANIZATION, None) else None)
        if not person:
            continue
        ps = bs + len(body) - len(body.lstrip())
        tail = [(body.strip()[len(person):].strip(" ,"), ps + len(person))] if body.strip()[len(person):].strip(" ,") else []
        for ls, _le, line in rest[1:4]:
            if re.match(rf"(?i)\s*(?:{W.ON_BEHALF})\s", line):
                break  # "pour Épiceries X": the agency's client, not part of its name
            ln = OFFICE_OF.sub("", line.strip())
            if tail and not tail[-1][0].endswith(","):
                tail[-1] = (tail[-1][0] + ",", tail[-1][1])  # one line, one field
            tail.append((ln, ls + len(line) - len(ln)))
        board_item(person, ps, ps + len(person), tail, ctx.group("contact"), ctx, facts, contact=True)
