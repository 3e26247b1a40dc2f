"""Mentions inside a sentence: its people, its organizations, its subject, a list after a cue."""

from __future__ import annotations

import re

from grappe.model import EntityType, RelType
from nlp.facts import NER, Cand, Facts
from nlp.lexicon import WORDS as W
from nlp.rules.context import Context
from nlp.rules.cues import register
from nlp.rules.names import (
    cut_lower_tail,
    is_acronym_of,
    is_role,
    org_cand,
    parse_item,
    split_items,
    trim_org,
)
from nlp.rules.shapes import ARTICLES, CAP, DATELINE, NAME_AT
from nlp.textutil import (
    first_name_ok,
    looks_like_person,
    person_at_start,
    squash,
    type_cue,
)

#: the lexicon labels this family reads (a test holds the code to this list)
CUES = register("mentions", "INSTITUTION_HEAD")


def _orgs_in(span_start: int, span_end: int, ctx: Context) -> list[tuple[int, int, str]]:
    return [(s, e, t) for s, e, t in ctx.orgs if s >= span_start and e <= span_end]


#: where a clause ends: a full stop (not an abbreviation's), a semicolon, a relative or purpose clause
_CLAUSE_END = re.compile("".join(rf"(?<!\b{w})" for w in W.items("ABBREV_CLAUSE")) + r"\.(?!\d)|[;:!?]"
                         rf"|,\s+(?:{W.CLAUSE_LINK})\b|\s+(?:{W.PURPOSE})\s+[a-zé]")


def _clause_end(sent: str, pos: int) -> int:
    m = _CLAUSE_END.search(sent[pos:])
    return pos + m.start() if m else len(sent)


#: a lowercase complement after a name's head ("Institut| de recherche en pêche")
_COMPLEMENT_AFTER = re.compile(rf"\s+(?:{W.COMPLEMENT_LINK})\s*[a-zà-öø-ÿ]")


def widen_to_ner(name: str, start: int, facts: Facts) -> str:
    """The name NER read at the same place when it only adds a lowercase complement:
    a rule reading capitalised words takes "Centre" from "le Centre de recherche en
    verrerie d’art", where NER read the whole name."""
    best = name
    for c in facts.cands:
        if (c.source == NER and c.start == start and c.type in (EntityType.ORGANIZATION, EntityType.UNIVERSITY)
                and len(c.name) > len(best) and c.name.startswith(name)
                and _COMPLEMENT_AFTER.match(c.name, len(name))):
            best = c.name
    return best


def affil(person: str, ps: int, org: str, os_: int, role: str | None, s0: int, e0: int,
           ctx: Context, facts: Facts) -> None:
    org = widen_to_ner(org, os_, facts)
    facts.add(Cand(person, EntityType.PERSON, ps, ps + len(person)))
    facts.add(org_cand(org, os_, os_ + len(org), ctx.lex))
    facts.rel(RelType.AFFILIATED_WITH, person, org, s0, e0, role)


#: a run of capitalised words, maybe with a name particle ("Jean de la Fontenelle"): where people are looked for
_CAP_RUN = re.compile(rf"{CAP}(?:[ \t]+(?:(?:{W.NAME_PARTICLE_SHORT})[ \t]+)?{CAP}){{1,6}}")


def person_spans(sent: str, ctx: Context) -> list[tuple[int, int, str]]:
    out = []
    for m in _CAP_RUN.finditer(sent):
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


def org_mentions(start: int, end: int, ctx: Context, facts: Facts) -> list[tuple[int, int, str]]:
    """Organization mentions inside a span: rule candidates and NER spans."""
    found = {}
    for c in facts.cands:
        if c.type in (EntityType.ORGANIZATION, EntityType.UNIVERSITY) and c.start >= start and c.end <= end:
            found[(c.start, c.end)] = c.name
    for s, e, t in _orgs_in(start, end, ctx):
        if not any(s < fe and fs < e for fs, fe in found):
            found[(s, e)] = t
    # organizations already known from elsewhere in the document, named again here
    window = ctx.text[start:end]
    for name in {c.name for c in facts.cands if c.type in (EntityType.ORGANIZATION, EntityType.UNIVERSITY) and len(c.name) > 2}:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", window):
            s, e = start + m.start(), start + m.end()
            if not any(s < fe and fs < e for fs, fe in found):
                found[(s, e)] = name
    return sorted((s, e, n) for (s, e), n in found.items())


def sentence_subject(sent: str, s0: int, end: int, ctx: Context, facts: Facts) -> str | None:
    """The organization a sentence is about: the first one named before ``end``, else the
    capitalised words it opens with (after a dateline), which then become a candidate."""
    orgs = org_mentions(s0, s0 + end, ctx, facts)
    if orgs:
        return orgs[0][2]
    head = DATELINE.sub("", sent.lstrip())
    head = ARTICLES.sub("", head)
    lm = NAME_AT.match(head)
    org = trim_org(lm.group(), ctx.lex) if lm else None
    if not org or looks_like_person(org, ctx.lex, ctx.persons) or sent.find(org) >= end:
        return None
    rest = head[len(lm.group()):]
    if all(ctx.is_common(w) for w in org.split()) or (
            len(org.split()) == 1 and re.match(rf"\s+(?:{W.OF_SHORT})\s*[a-zà-ÿ]", rest)):
        return None  # "Message des co-présidents", "Équipe de direction": a common noun, not a name
    os_ = s0 + sent.find(org)
    facts.add(org_cand(org, os_, os_ + len(org), ctx.lex))
    return org


_ADVERBS = re.compile(rf"(?i)(?:\s+(?:{W.ADVERB_BEFORE_VERB}))+\s*$")


def coordinated_subject(sent: str, s0: int, end: int, ctx: Context, facts: Facts) -> list[str]:
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
        name = ARTICLES.sub("", name)
        if (not NAME_AT.fullmatch(name) or looks_like_person(name, ctx.lex, ctx.persons)
                or all(ctx.is_common(w) for w in name.split()) or trim_org(name, ctx.lex) != name):
            return []
        out.append((name, e - len(name), e))
    for name, s, e in out:
        facts.add(org_cand(name, s, e, ctx.lex))
    return [n for n, _, _ in out]


def subject_items(sent: str, s0: int, end: int, ctx: Context, facts: Facts) -> list[str]:
    """The organizations coordinated before a verb ("L'Université X et l'entreprise
    ontarienne Y complètent …", "Canadian retailer X and logistics firm Y have …")."""
    head = _ADVERBS.sub("", sent[:end]).rstrip(" ,")
    dm = DATELINE.match(head)
    off = dm.end() if dm else 0
    out = []
    for item, s, e in split_items(head[off:], s0 + off, ctx.lex):
        mentions = org_mentions(s, e, ctx, facts)
        if mentions:
            out.append(mentions[-1][2])
            continue
        body = ARTICLES.sub("", item)
        body = re.sub(r"^(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+\s+)?(?:[a-zà-öø-ÿ][\w-]*\s+){1,3}(?=[A-ZÀ-ÖØ-Þ])", "", body)
        m = NAME_AT.fullmatch(body.strip())
        org = trim_org(m.group(), ctx.lex) if m else None
        if not org or looks_like_person(org, ctx.lex, ctx.persons) or all(ctx.is_common(w) for w in org.split()):
            continue
        os_ = s + item.find(org)
        facts.add(org_cand(org, os_, os_ + len(org), ctx.lex))
        out.append(org)
    return out


_FOLLOWING = re.compile(rf"\s*(?:{W.FOLLOWING})[^:.\n]{{0,50}}:")


def items_after(pos: int, end: int, ctx: Context, facts: Facts, group: str | None = None) -> list[Cand]:
    """The names listed right after a cue ("... avec A, B et C, lance ..."), as candidates."""
    text = ctx.text
    intro = _FOLLOWING.match(text, pos, end)  # "… with the following institutions: A, B"
    if intro:
        pos = intro.end()
    stop = _clause_end(text[:end], pos)
    out = []
    items = split_items(text[pos:stop], pos, ctx.lex)
    # a list holding organization-shaped names: a name NER calls a person there is an
    # organization too unless it opens with a known first name ("Acme Foods, Halvard Catch")
    orgish = any(type_cue(t, ctx.lex) != (EntityType.ORGANIZATION, None) for t, _, _ in items)
    for item_text, s, _e in items:
        lead = ARTICLES.match(item_text)
        body = item_text[lead.end():] if lead else item_text
        s2 = s + (text[s:s + len(item_text)].find(body) if lead else 0)
        person = person_at_start(body, ctx.lex, ctx.persons)
        if person and orgish and not first_name_ok(person.split()[0], ctx.lex) and "(" not in body:
            person = None
        pm = re.match(r"^\s*\((?P<org>[^()]{2,60})\)", body[len(person):]) if person else None
        if person and pm and not is_role(pm.group("org"), ctx.lex):
            # "Jeanne Roy (Acme Robotics)": a person and her organization, not an organization
            org = trim_org(pm.group("org"), ctx.lex)
            p = facts.add(Cand(person, EntityType.PERSON, s2, s2 + len(person), groups={group} if group else set()))
            if org:
                os_ = s2 + len(person) + pm.start("org")
                facts.add(org_cand(org, os_, os_ + len(org), ctx.lex))
                facts.rel(RelType.AFFILIATED_WITH, person, org, s2, s2 + len(person) + pm.end())
            out.append(p)
            continue
        acr = re.match(r"^(?P<name>[A-ZÀ-ÖØ-Þ][^()]{2,80}?)\s*\((?P<acr>[A-ZÀ-ÖØ-Þ][\w.&-]{1,10})\)", body)
        head = ctx.lex.rx("INSTITUTION_HEAD", r"^{}(?!\w)").match(body)
        if acr and is_acronym_of(acr.group("acr"), acr.group("name")):
            name = acr.group("name").strip()
        elif head and len(body.split()) <= 8 and not re.search(r"[.;:!?]", body):
            name = cut_lower_tail(body.strip(), ctx.lex)
        else:
            m = NAME_AT.match(body)
            if not m:
                break
            name = trim_org(m.group(), ctx.lex)
            if not name:
                break
            wide = widen_to_ner(name, s2, facts)
            name = wide if body.startswith(wide) else name
        paren = re.match(r"^\s*\(([^()]{1,40})\)", body[len(name):])
        full = name + (body[len(name):len(name) + paren.end()] if paren else "")
        item = parse_item(squash(full), s2, s2 + len(full), ctx, group, EntityType.ORGANIZATION if orgish else None)
        if item is None or item.main is None:
            break
        for c in item.cands:
            facts.add(c)
        out.append(item.main)
    return out
