"""Relations stated by a whole document rather than by one sentence.

A press release or a news article about *one* project names its participants all
through the text, often without a participation verb next to them: "Brennan teams up
with Tessellate AI and the University of Waterloo, whose researchers will develop…",
"IVADO is contributing two postdoctoral fellows to the project". When a document has a
single project, an organization named in the same sentence as the project (by name or
by "the project", "le consortium"…) takes part in it, unless the text gives it another
part: it funds the project, it is a government or an investor, it is only the employer
of someone quoted, or it owns one of the partners. Boilerplate ("About X", the media
contact) is not read.
"""

from __future__ import annotations

import re

from graph.model import EntityType, Evidence, ExtractedEntity, ExtractedRelation, RelType
from nlp.lexicon import Lexicon
from nlp.textutil import MONEY, sentences, squash

#: subtypes whose organizations back or report on a project rather than carry it out
_NOT_CARRIERS = {"government", "investor", "cluster", "media"}
_ORG_LIKE = (EntityType.ORGANIZATION, EntityType.UNIVERSITY)
_FUNDING_CUES = ("FUNDS_ACTIVE", "FUNDS_VERB", "FUNDING_VERB")
#: where the story ends and the boilerplate begins
_TAIL = re.compile(r"(?im)^[ \t#*]*(?:à\s+propos\s+(?:de|du|des|d['’])|about\s+\S|renseignements\b|"
                   r"pour\s+(?:plus\s+d['’]information|information)|(?:media\s+)?contacts?\s*(?::|$)|"
                   r"source\s*:|-30-|###\s*$)")


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


def focus_participants(text: str, doc_id: str, entities: list[ExtractedEntity],
                       relations: list[ExtractedRelation], lex: Lexicon) -> list[ExtractedRelation]:
    """PARTICIPATES_IN relations for the organizations named alongside the document's
    single project (none when it has zero or several projects)."""
    stop = body_end(text)
    project = focus_project(entities, relations, max(600, stop // 4))
    if project is None:
        return []
    has_part = {(r.type, r.source) for r in relations if r.target == project.key}
    funders = {r.source for r in relations if r.type is RelType.FUNDS}
    employers = [(r.target, r.evidence.start, r.evidence.end) for r in relations
                 if r.type is RelType.AFFILIATED_WITH]
    carriers = {r.source for r in relations if r.target == project.key
                and r.type in (RelType.LEADS, RelType.PARTICIPATES_IN)}
    pairs = [(a, b, r.evidence.start, r.evidence.end) for r in relations if r.type is RelType.PARTNERS_WITH
             for a, b in ((r.source, r.target), (r.target, r.source))]
    orgs = [(e, rx) for e in entities if e.type in _ORG_LIKE and e.subtype not in _NOT_CARRIERS
            and e.key not in funders
            and not any((t, e.key) in has_part for t in (RelType.LEADS, RelType.PARTICIPATES_IN))
            and (rx := _names_rx(e)) is not None]
    if not orgs:
        return []
    project_rx = _names_rx(project)
    ref_rx = lex.rx("PROJECT_REF", r"(?<!\w)(?i:{})(?!\w)")
    owner_rx = lex.rx("OWNER_BEFORE", r"(?i)(?<!\w){}\s+(?:(?:the|la|le|l['’])\s*)?$")
    denied_rx = lex.rx("NOT_PART", r"(?i)(?<!\w){}(?!\w)")
    funding_rx = re.compile("|".join(lex.rx(k, r"(?<!\w){}(?!\w)").pattern for k in _FUNDING_CUES))
    out: list[ExtractedRelation] = []
    done: set[str] = set()
    for s0, e0 in sentences(text):
        if s0 >= stop:
            break
        sent = text[s0:e0]
        if not ((project_rx and project_rx.search(sent)) or ref_rx.search(sent)):
            continue
        if denied_rx.search(sent) or (MONEY.search(sent) and funding_rx.search(sent)):
            continue  # "is not part of the project"; a sentence about who pays
        for org, rx in orgs:
            if org.key in done:
                continue
            for m in rx.finditer(sent):
                if owner_rx.search(sent, 0, m.start()):
                    continue
                if any(t == org.key and s < e0 and s0 < e for t, s, e in employers):
                    continue  # named as someone's employer, not as a doer
                if any(a == org.key and b not in carriers and s < e0 and s0 < e for a, b, s, e in pairs):
                    continue  # a partnership of its own, beside the project ("X also works with Y")
                done.add(org.key)
                carriers.add(org.key)
                out.append(ExtractedRelation(RelType.PARTICIPATES_IN, org.key, project.key,
                                             Evidence(doc_id, s0, e0, squash(sent)[:500])))
                break
    return out + _academics(project, entities, relations + out, lex)


def _academics(project: ExtractedEntity, entities: list[ExtractedEntity], relations: list[ExtractedRelation],
               lex: Lexicon) -> list[ExtractedRelation]:
    """Researchers of a university or institute that takes part in the project take part
    too ("Priyanka Raman, associate professor at the University of Waterloo"); a company's
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
