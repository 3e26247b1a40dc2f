"""Report and fact-sheet fields: a project title followed by "Partners: A, B", "Led by: X",
status and investment lines."""

from __future__ import annotations

import re
from types import SimpleNamespace

from grappe.model import EntityType, RelType
from nlp.facts import RULE, Cand, Facts
from nlp.lexicon import WORDS as W
from nlp.lexicon import Lexicon
from nlp.rules.context import Context
from nlp.rules.cues import per_language, register
from nlp.rules.names import org_cand, parse_item, split_items
from nlp.textutil import (
    URL,
    has,
    name_like,
    parse_amount,
    squash,
    strip_bullet,
)

#: the lexicon labels this family reads (a test holds the code to this list)
CUES = register("fields", "ADDITIONAL", "FUNDER_FIELD", "FUNDING_FIELD", "LEAD_FIELD", "MORE_THAN",
                "NAME_FIELD", "PARTNER_FIELD", "STATUS_FIELD", "TOTAL_FIELD")

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
    if num:  # "2. Berth Planning": the numbering of a list of projects
        title = title[num.end():]
        s = text.find(title[:20], s)
    if not title or len(title.split()) > 25:
        return None
    return title, s, e if e > s else end


_ENUM = re.compile(r"^(?:\d{1,2}|[A-Za-z])[.)]\s+(?=\S)|^\(\d{1,2}\)\s+")


@per_language
def patterns(lex: Lexicon) -> SimpleNamespace:
    """The field patterns of a language, compiled once."""
    amount = r"(?P<more>{m}\s+)?(?P<amt>\$?\s?\d[\d\s]*(?:[,.]\d+)?\s*(?:" + W.FIELD_AMOUNT_UNIT + "))"
    amount = amount.replace("{m}", lex.alt("MORE_THAN"))
    return SimpleNamespace(
        field=re.compile(
            rf"(?im)^[ \t]*(?:(?P<partners>{lex.alt('PARTNER_FIELD')})|(?P<lead>{lex.alt('LEAD_FIELD')})"
            rf"|(?P<funding>{lex.alt('FUNDING_FIELD')}))"
            r"[ \t]*:[ \t]*"
        ),
        stop=re.compile(
            rf"(?i)^\s*(?:{lex.alt('STATUS_FIELD')}|{lex.alt('FUNDER_FIELD')}|{lex.alt('TOTAL_FIELD')}"
            rf"|{lex.alt('PARTNER_FIELD')}\s*:|{lex.alt('LEAD_FIELD')}\s*:|{lex.alt('FUNDING_FIELD')}\s*:)"
        ),
        funder=re.compile(rf"(?i){lex.alt('FUNDER_FIELD')}(?P<funder>.{{2,60}}?)\s+{amount}"),
        funder_line=re.compile(
            rf"(?:^|\s)(?P<funder>[A-ZÀ-ÖØ-Þ][\w&.'’ -]{{1,40}}?)\s+(?i:{W.INVESTMENT_FIELD})"
            rf"\s*:\s*{amount}"),
        total=re.compile(rf"(?i){lex.alt('TOTAL_FIELD')}\s*:?\s*{amount}"),
    )


def project_fields(ctx: Context, facts: Facts) -> None:
    """Fact-sheet fields under a project title: partners take part, the lead leads, funders fund."""
    text, lex = ctx.text, ctx.lex
    px = patterns(lex)
    field_rx, stop_rx = px.field, px.stop
    matches = list(field_rx.finditer(text))
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
        proj = facts.add(Cand(name, EntityType.PROJECT, ts, te, source=RULE))
        facts.claimed.append((ts, te))
        _fields_body(body, proj, stop, ctx, facts)
        group = ctx.group("partners")
        rtype = RelType.LEADS if m.group("lead") else RelType.FUNDS if m.group("funding") else RelType.PARTICIPATES_IN
        for item_text, s, e in split_items(content, m.end(), lex):
            if rtype == RelType.FUNDS:  # "Opaline ($2.9 million)": the funder without its amount
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
                facts.rel(RelType.AFFILIATED_WITH, p.name, o.name, s, e)
                facts.rel(rtype if rtype == RelType.PARTICIPATES_IN else RelType.PARTICIPATES_IN, o.name, name, s, e)
            if item.main is not None:
                if rtype == RelType.FUNDS and item.main.type == EntityType.PERSON:
                    continue
                t = rtype if item.main.type != EntityType.PERSON else RelType.PARTICIPATES_IN
                facts.rel(t, item.main.name, name, m.start(), e)


def _fields_body(body: str, proj: Cand, offset: int, ctx: Context, facts: Facts) -> None:
    lex = ctx.lex
    flat = squash(body)
    st = lex.rx("STATUS_FIELD", r"(?i)(?<!\w){}\s*:\s*(?P<v>[^\n]+)").search(body)
    if st:
        proj.attributes["status"] = squash(st.group("v"))
    px = patterns(lex)
    fm = px.funder.search(flat)
    if fm:
        value = parse_amount(fm.group("amt"))
        funder = fm.group("funder").strip(" :")
        if value is not None:
            proj.attributes["scale_ai_investment_cad"] = value
        if funder and name_like(funder, 6):
            facts.rel(RelType.FUNDS, funder, proj.name, offset, offset + len(body.rstrip()))
            if not any(c.name == funder for c in facts.cands):
                where = body.find(funder)
                s = offset + where if where >= 0 else offset
                facts.add(org_cand(funder, s, s + len(funder), lex))
        if fm.group("more"):
            proj.attributes["amount_qualifier"] = "more_than"
        if has(lex, "ADDITIONAL", fm.group(0)):
            proj.attributes["investment_kind"] = "additional"
    if not fm:
        fm2 = px.funder_line.search(flat)
        if fm2 and not lex.rx("TOTAL_FIELD", r"(?i){}").search(fm2.group("funder")):
            value = parse_amount(fm2.group("amt"))
            funder = fm2.group("funder").strip()
            if value is not None:
                proj.attributes["scale_ai_investment_cad"] = value
            if name_like(funder, 6):
                facts.rel(RelType.FUNDS, funder, proj.name, offset, offset + len(body.rstrip()))
                where = body.find(funder)
                s = offset + where if where >= 0 else offset
                facts.add(org_cand(funder, s, s + len(funder), lex))
    tm = px.total.search(flat)
    if tm:
        value = parse_amount(tm.group("amt"))
        if value is not None:
            proj.attributes["total_investment_cad"] = value
