"""Relations stated by a whole document rather than by one sentence.

A press release or a news article about *one* project names its participants all
through the text, often without a participation verb next to them: "Acme teams up
with Bolt Labs and the University of Nordville, whose engineers will build…",
"Lumen is lending two research assistants to the consortium". When a document has a
single project, an organization named in the same sentence as the project (by name or
by "the project", "le consortium"…) takes part in it, unless the text gives it another
part: it funds the project, it is a government or an investor, it is only the employer
of someone quoted, or it owns one of the partners. Boilerplate ("About X", the media
contact) is not read.
"""

from __future__ import annotations

import re

from grappe.model import ORG_LIKE, EntityType, Evidence, ExtractedEntity, ExtractedRelation, RelType
from nlp.lexicon import WORDS as W
from nlp.lexicon import Lexicon
from nlp.textutil import MONEY, sentences, squash

#: subtypes whose organizations back or report on a project rather than carry it out
_NOT_CARRIERS = {"government", "investor", "cluster", "media"}
_FUNDING_CUES = ("FUNDS_ACTIVE", "FUNDS_VERB", "FUNDING_VERB")
#: a release announcing more projects than this is a list, read by the layout rules
_MAX_SECTIONS = 4
_FIELD_LINES = re.compile(r"(?m)^[ \t*#-]*[A-ZÀ-ÖØ-Þ][^:\n]{1,40}[ \t]?:[ \t]*[A-ZÀ-ÖØ-Þ0-9$]")
#: where the story ends and the boilerplate begins
_TAIL = re.compile(rf"(?im)^[ \t#*]*(?:{W.BOILERPLATE_HEADING})")


def body_end(text: str) -> int:
    """Where the story's own text stops (the first boilerplate heading), or the end."""
    m = _TAIL.search(text, len(text) // 4)  # a heading in the lead is not boilerplate
    return m.start() if m else len(text)


def focus_project(entities: list[ExtractedEntity], relations: list[ExtractedRelation],
                  lead_end: int) -> ExtractedEntity | None:
    """The document's one project, if it names exactly one (or exactly one with a stated
    leader, funder or participant) and names it before ``lead_end``: a story is about what
    its lead names, a report's fourth funded project is not."""
    linked = {r.target for r in relations} | {r.source for r in relations}
    projects = [e for e in entities if e.type is EntityType.PROJECT]
    if len(projects) > 1:
        projects = [e for e in projects if e.key in linked]
    if len(projects) != 1 or not projects[0].mentions:
        return None
    return projects[0] if min(m.start for m in projects[0].mentions) < lead_end else None


def _names_rx(entity: ExtractedEntity) -> re.Pattern | None:
    names = sorted({n for n in (entity.name, *entity.aliases) if len(n) > 2}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def story_sections(text: str, entities: list[ExtractedEntity], relations: list[ExtractedRelation],
                   stop: int) -> list[tuple[int, ExtractedEntity]]:
    """Where each of a story's projects takes over, as (position, project): the one project
    of a story about one, or, for a release announcing a few (at most four) in turn, each
    from its first mention until the next one's."""
    single = focus_project(entities, relations, max(600, stop // 4))
    if single is not None:
        return [(0, single)]
    linked = {r.target for r in relations} | {r.source for r in relations}
    projects = [e for e in entities if e.type is EntityType.PROJECT and e.key in linked and e.mentions]
    if not 2 <= len(projects) <= _MAX_SECTIONS or len(_FIELD_LINES.findall(text, 0, stop)) >= 3:
        return []  # a fact-sheet layout ("Lead: …", "Partners: …") says who does what itself
    firsts = sorted((min(m.start for m in p.mentions), p) for p in projects)
    if firsts[-1][0] >= stop:
        return []
    return [(pos, p) for pos, p in firsts]


def focus_participants(text: str, doc_id: str, entities: list[ExtractedEntity],
                       relations: list[ExtractedRelation], lex: Lexicon) -> list[ExtractedRelation]:
    """PARTICIPATES_IN relations for the organizations named alongside a story's project,
    section by section (see :func:`story_sections`)."""
    stop = body_end(text)
    sections = story_sections(text, entities, relations, stop)
    if not sections:
        return []
    funders = {r.source for r in relations if r.type is RelType.FUNDS}
    employers = [(r.target, r.evidence.start, r.evidence.end) for r in relations
                 if r.type is RelType.AFFILIATED_WITH]
    staff = [(r.source, r.target, r.evidence.start, r.evidence.end) for r in relations
             if r.type is RelType.AFFILIATED_WITH]
    carriers = {(r.source, r.target) for r in relations if r.type in (RelType.LEADS, RelType.PARTICIPATES_IN)}
    pairs = [(a, b, r.evidence.start, r.evidence.end) for r in relations if r.type is RelType.PARTNERS_WITH
             for a, b in ((r.source, r.target), (r.target, r.source))]
    orgs = [(e, rx) for e in entities if e.type in ORG_LIKE and e.subtype not in _NOT_CARRIERS
            and e.key not in funders and (rx := _names_rx(e)) is not None]
    if not orgs:
        return []
    project_rxs = {p.key: _names_rx(p) for _, p in sections}
    ref_rx = lex.rx("PROJECT_REF", r"(?<!\w)(?i:{})(?!\w)")
    head_rxs = {p.key: _head_ref_rx(p, lex) for _, p in sections}
    owner_rx = lex.rx("OWNER_BEFORE", rf"(?i)(?<!\w){{}}\s+(?:(?:{W.ARTICLE_NAME})\s*)?$")
    denied_rx = lex.rx("NOT_PART", r"(?i)(?<!\w){}(?!\w)")
    funding = [lex.rx(k, r"(?<!\w){}(?!\w)") for k in _FUNDING_CUES]  # compiled once per lexicon
    # "Bolt Labs, a Halifax software firm, will provide the sensors",
    # "engineers at Nordville University will trial …": the work a story's partners do
    subj_rx = lex.rx("CONTRIB_SUBJECT", rf"(?i)(?:^|[\s«\"“(])(?:{{}})\s*(?:{W.ARTICLE_SP})?$")
    # the subject position, maybe after a descriptor ("La jeune pousse lavalloise Corvane livrera")
    lead_in = re.compile(rf"(?i)(?:^|(?:{W.CONTRAST})\s+)"
                         rf"(?:{W.ARTICLE_ALL})?"
                         rf"(?:(?:[\w-]+\s+){{0,2}}{lex.alt('ORG_DESCRIPTOR')}(?:\s+[a-zà-öø-ÿ][\w-]*){{0,2}}\s+)?[\s«\"“]*$")
    speech_rx = lex.rx("SPEECH", r"(?i)(?<!\w){}(?!\w)")
    verb_rx = lex.rx("CONTRIB_VERB", r"(?i)^(?:['’]s\s+\w+(?:\s+\w+)?)?(?:\s*,[^,.;]{1,120},)?\s+(?:{})(?!\w)")
    out: list[ExtractedRelation] = []

    def take(who: str, project: ExtractedEntity, s0: int, e0: int) -> None:
        carriers.add((who, project.key))
        out.append(ExtractedRelation(RelType.PARTICIPATES_IN, who, project.key,
                                     Evidence(doc_id, s0, e0, squash(text[s0:e0])[:500])))

    for s0, e0 in sentences(text):
        if s0 >= stop:
            break
        sent = text[s0:e0]
        named = [p for _, p in sections if project_rxs[p.key] and project_rxs[p.key].search(sent)]
        current = [p for pos, p in sections if pos < e0]
        if len(named) > 1 or not current or (named and named[0] is not current[-1] and len(sections) > 1):
            continue  # before any project, or naming another one than the section's
        project = current[-1] if len(sections) > 1 else sections[0][1]
        free = [(o, rx) for o, rx in orgs if (o.key, project.key) not in carriers]
        head_rx = head_rxs[project.key]
        if not (named or ref_rx.search(sent) or (head_rx and head_rx.search(sent))):
            for org, rx in free:
                if any((lead_in.search(sent[:m.start()]) or subj_rx.search(sent[:m.start()]))
                       and verb_rx.search(sent[m.end():]) for m in rx.finditer(sent)):
                    take(org.key, project, s0, e0)
            continue
        if denied_rx.search(sent) or (MONEY.search(sent) and any(f.search(sent) for f in funding)):
            continue  # "takes no part in the consortium"; a sentence about who pays
        for org, rx in free:
            for m in rx.finditer(sent):
                if owner_rx.search(sent, 0, m.start()):
                    continue
                if speech_rx.search(sent) and any(t == org.key and s < e0 and s0 < e for t, s, e in employers):
                    continue  # named as the employer of someone quoted, not as a doer
                if any(a == org.key and (b, project.key) not in carriers and s < e0 and s0 < e
                       for a, b, s, e in pairs):
                    continue  # a partnership of its own, beside the project ("X also works with Y")
                take(org.key, project, s0, e0)
                break
        if not speech_rx.search(sent):
            # "Her co-investigators are Ana Esteban (Université de Nordville), …": the people the
            # project's sentence names with a partner take part too
            for person, org_key, s, e in staff:
                if s < e0 and s0 < e and (org_key, project.key) in carriers \
                        and (person, project.key) not in carriers:
                    take(person, project, s0, e0)
    for _, project in sections:
        out += _academics(project, entities, relations + out, lex)
    return out


def name_head(name: str, lex: Lexicon) -> str:
    """The head noun of a name of two words or more, where the language puts it (the
    ``NAME_HEAD_REF`` row says "first" or "last"); "" for a one-word name."""
    words = name.split()
    if len(words) < 2:
        return ""
    first = any(more.get("head") == "first" for more in lex.extra.get("NAME_HEAD_REF", {}).values())
    return words[0] if first else words[-1]


def _head_ref_rx(project: ExtractedEntity, lex: Lexicon) -> re.Pattern | None:
    """The project called back by its own head noun: "the regional network" for the
    "Tidewatch Care Network", "le réseau" for the "Réseau Tidewatch"."""
    head = name_head(project.name, lex)
    if not re.fullmatch(r"[^\W\d_]{4,}", head) or head.isupper():
        return None
    alts = [pattern.replace("HEAD", re.escape(head)) for pattern in lex.extra.get("NAME_HEAD_REF", {})]
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(alts) + r")(?!\w)") if alts else None


def _academics(project: ExtractedEntity, entities: list[ExtractedEntity], relations: list[ExtractedRelation],
               lex: Lexicon) -> list[ExtractedRelation]:
    """Researchers of a university or institute that takes part in the project take part
    too ("Odile Marlin, assistant professor at Nordville University"); a company's
    executives quoted in the story do not."""
    by_key = {e.key: e for e in entities}
    carriers = {r.source for r in relations if r.target == project.key
                and r.type in (RelType.LEADS, RelType.PARTICIPATES_IN)}
    already = {r.source for r in relations if r.target == project.key}
    academic = lex.rx("ACADEMIC_ROLE", r"(?i)(?<!\w){}")
    out: list[ExtractedRelation] = []
    for r in relations:
        if r.type is not RelType.AFFILIATED_WITH or r.source in already or r.target not in carriers:
            continue
        org = by_key[r.target]
        if not (org.type is EntityType.UNIVERSITY or org.subtype in ("research_institute", "hospital")):
            continue
        if r.role and academic.search(r.role):
            already.add(r.source)
            out.append(ExtractedRelation(RelType.PARTICIPATES_IN, r.source, project.key, r.evidence))
    return out
