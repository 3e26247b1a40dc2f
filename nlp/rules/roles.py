"""Prose: governments and ministers, bylines, people's roles and organizations, explicit
partnerships, "X, an event organised by Y", funding programmes, participation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import SimpleNamespace

from grappe.model import EntityType, RelType
from nlp.facts import MAIN_PROJECT, SUBJECT, Cand, Facts
from nlp.lexicon import WORDS as W
from nlp.lexicon import Lexicon
from nlp.rules.context import Context
from nlp.rules.cues import per_language, register
from nlp.rules.mentions import (
    affil,
    coordinated_subject,
    items_after,
    org_mentions,
    person_spans,
    sentence_subject,
)
from nlp.rules.names import (
    clean_person,
    cut_lower_tail,
    gov_name,
    is_minister,
    is_role,
    name_shaped,
    org_at,
    org_cand,
    province_gov,
    trim_org,
)
from nlp.rules.shapes import CAP, DATELINE, EXEC_TITLE, OPT_ART, ORG_RUN
from nlp.textutil import (
    has,
    looks_like_person,
    person_at_start,
    squash,
    type_cue,
)

#: the lexicon labels this family reads (a test holds the code to this list)
CUES = register("roles", "BOARD_HEADER", "COUNTRY", "EVENT_NOUN", "FEDERAL", "FEDERAL_ROLE", "FUNDING_FOR",
                "GOV_OF", "GOV_VERB", "HONORIFIC", "INSTITUTION_HEAD", "LEAD_VERB", "LIST_VERB", "MINISTER",
                "MINISTRY", "MUNICIPAL", "OF_PREP", "ORG_BEFORE", "PARTICIPATION", "PARTNERSHIP",
                "PARTNERSHIP_MUTUAL", "PROGRAM_NOUN", "PROVINCE", "ROLE", "SOURCE_FIELD", "SPEECH")


#: "… à l'entreprise X", "… to Acme": the recipient of a programme's funding
_TO_RECIPIENT = re.compile(rf"\s(?:à|to)\s+{OPT_ART}(?=[A-ZÀ-ÖØ-Þ])")


@per_language
def patterns(lex: Lexicon) -> SimpleNamespace:
    """The prose patterns of a language, compiled once."""
    def ci(label: str) -> str:
        return f"(?i:{lex.alt(label)})"

    art = rf"(?i:{W.ARTICLE_ROLE})"
    federal_rx = re.compile(rf"(?<!\w){ci('FEDERAL')}(?!\w)")
    gov_of_rx = re.compile(rf"(?<!\w){ci('GOV_OF')}(?P<place>[A-ZÀ-ÖØ-Þ][\w-]+(?:[- ][A-ZÀ-ÖØ-Þ][\w-]+)?)")
    person_rx = rf"{CAP}(?:[ \t]+{CAP}){{1,2}}"
    minister_rx = re.compile(
        rf"(?<!\w){art}?(?P<role>{ci('MINISTER')}(?:\s+[^.;\n()]{{0,120}}?)?)\s*,\s*"
        rf"(?i:{W.HONOURABLE})?(?P<person>{person_rx})"
    )
    minister_after_rx = re.compile(
        rf"(?:{ci('HONORIFIC')}\s+)?(?P<person>{person_rx})\s*,\s*{art}?(?:(?P<place>[A-ZÀ-ÖØ-Þ][\w’'-]+)\s+)?(?P<role>{ci('MINISTER')}(?:\s+[^,.;\n()]{{0,90}}?)?)(?=\s*[,.;)(\n])"
    )
    honor_rx = re.compile(
        rf"(?P<role>{ci('MINISTER')}[^.]{{0,120}}?)\s*\n\s*(?i:{W.HONOURABLE_LINE})\s+(?P<person>{person_rx})"
    )
    det = rf"(?i:(?:{W.DETERMINER_ROLE})\s+)"
    role_after = re.compile(
        rf"^\s*,\s*{det}?(?P<role>{ci('ROLE')}(?:\s+[\w’'-]+){{0,6}}?)\s+{ci('OF_PREP')}\s*{OPT_ART}(?P<org>{ORG_RUN})"
    )
    # "Jane Doe, Director of Data Science at Acme", "Jeanne Roy, vice-présidente, données chez Acme"
    role_at = re.compile(
        rf"^\s*(?:,|(?i:{W.IS_WAS})(?=\s))\s*(?:(?i:{W.ARTICLE_ROLE_AT})\s+)?(?P<role>(?:[a-zà-ÿ][\w-]*\s+){{0,2}}?{ci('ROLE')}[^.;:()\n]{{0,60}}?)\s+"
        rf"(?i:{W.AT})\s+{OPT_ART}(?P<org>{ORG_RUN})"
    )
    # "Jean Roy, professeur au Département de génie de l'Université Acme": the institution
    role_inst = re.compile(
        rf"^\s*,\s*(?:(?i:{W.ARTICLE_INDEF})\s+)?(?P<role>{ci('ROLE')}[^.;:()\n]{{0,80}}?)\s+"
        rf"(?:{W.INSTITUTION_PREP})"
        rf"(?P<org>{lex.alt('INSTITUTION_HEAD')}(?:\s+(?:{W.INST_LINK})?\s*[\w’'-]+){{1,5}})"
    )
    speech_in_role = re.compile(rf"(?<!\w){ci('SPEECH')}(?!\w)")
    role_before = re.compile(
        rf"{det}?(?P<role>{ci('ROLE')}(?:\s+[\w’'-]+){{0,3}}?)\s+{ci('OF_PREP')}\s*(?P<org>{ORG_RUN})\s*,\s*$"
    )
    person_of = re.compile(rf"^\s*,?\s*(?i:{W.PERSON_OF})\s*{OPT_ART}(?P<org>{ORG_RUN})(?=\s*[,.;)]|\s+[a-zà-ÿ]|\s*$)")
    title_before = re.compile(rf"(?P<role>{ci('ROLE')})\s+$")
    paren_role = re.compile(rf"^\s*\((?:(?P<role>[^(),]{{2,60}}),\s*)?(?P<org>{ORG_RUN})\)")
    # "Jane Doe, Bolt Labs' chief executive, said …"
    poss_role = re.compile(rf"^\s*,\s*(?P<org>{ORG_RUN})['’]s?\s+(?P<role>(?:[a-zà-ÿ][\w-]*\s+){{0,2}}?{ci('ROLE')}"
                           r"[^,.;:()\n]{0,40}?)\s*(?=[,.;]|$)")
    org_role_before = re.compile(rf"(?P<org>{ORG_RUN})(?:['’]s)?\s+(?P<role>{W.EXEC_ROLE})\s*,?\s*$")
    # "Acme scientific director Jane Doe", "Acme's chief data officer Jane Doe"
    org_title_before = re.compile(
        rf"(?<![\w’'])(?P<org>{ORG_RUN})(?:['’]s)?\s+(?P<role>(?:[a-zà-ÿ][\w-]*\s+){{0,2}}(?i:{lex.alt('ROLE')})"
        rf"(?:\s+(?:{W.OF_TITLE})\s*[a-zà-ÿ][\w-]*(?:\s+[a-zà-ÿ][\w-]*)?)?)"
        rf"(?:\s*,\s*(?:(?:{W.HONORIFIC_AFTER_COMMA})\.?\s+)?|\s+(?:(?:{W.HONORIFIC_SHORT})\.?\s+)?)$")
    partner_rx = re.compile(rf"(?<!\w){ci('PARTNERSHIP')}(?!\w)")
    board_rx = re.compile(rf"(?<!\w){ci('BOARD_HEADER')}(?!\w)")
    province_rx = re.compile(
        rf"(?<![\w’'-])({lex.alt('PROVINCE')})(?:['’]s)?\s+(?:(?:{lex.alt('GOV_VERB')})|(?P<gov>(?i:government))(?!\s+of))(?!\w)")
    mutual_rx = re.compile(rf"(?<!\w){ci('PARTNERSHIP_MUTUAL')}(?!\w)")
    particip_rx = re.compile(rf"(?<!\w){ci('PARTICIPATION')}(?!\w)")
    list_verb_rx = re.compile(rf"(?<!\w){ci('LIST_VERB')}(?:\s+(?i:{W.NOTABLY}))?(?!\w)")
    source_rx = re.compile(rf"(?m)^[ \t]*{ci('SOURCE_FIELD')}\s*:\s*(?P<org>{ORG_RUN})[ \t]*$")
    nouns = ci("EVENT_NOUN")
    event_lead = re.compile(
        rf"(?P<proj>(?:{CAP}|\d{{4}})(?:\s+(?:{CAP}|\d{{4}}|{W.EVENT_NAME_LINK})){{0,8}})\s*,\s*"
        rf"(?i:{W.ARTICLE_EVENT})\s+(?:[\w’'-]+\s+){{0,2}}?{nouns}\s+(?:[\w’'-]+\s+){{0,3}}?"
        rf"{ci('LEAD_VERB')}\s+{OPT_ART}(?P<org>{ORG_RUN})"
    )
    prog_rx = re.compile(
        rf"(?<!\w){ci('FUNDING_FOR')}(?P<kind>{ci('PROGRAM_NOUN')})\s+(?P<name>{CAP}(?:\s+{CAP}){{0,4}})"
    )
    ministry_rx = re.compile(
        rf"(?<!\w){lex.alt('MINISTRY')}(?:(?:[ \t]*(?:{W.MINISTRY_NAME_LINK})[ \t]*)+"
        rf"[A-ZÀ-ÖØ-Þ][\w’'-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]*|[ \t]+[a-zà-öø-ÿ]{{4,}}"
        rf"(?=\s+(?:{W.AND})\s+(?:{W.MINISTRY_LINK})\s*[A-ZÀ-ÖØ-Þ]))*)+"  # "Ressources naturelles et des Forêts"
    )
    inst_after = re.compile(rf"\s+(?:{W.AND})\s+(?:{W.INST_AFTER_LINK})\s+"
                            rf"(?:{lex.alt('INSTITUTION_HEAD')}|{lex.alt('MUNICIPAL')})(?!\w)")
    # names the construction says are people: after a speech verb, before ", <title>"
    word = r"[A-ZÀ-ÖØ-Þ](?:[a-z]{0,2}['’][A-Z])?[a-zà-öø-ÿ’']+(?:-[A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ’']+)*"
    name3 = rf"(?<![\w-]){word}(?:[ \t]+{word}){{1,2}}"
    speech_rx = re.compile(
        rf"(?<!\w){ci('SPEECH')}[ \t,]+{art}?(?:{ORG_RUN}(?:['’]s)?[ \t]+(?={ci('ROLE')}))?(?:{ci('ROLE')}[ \t]+)?(?P<person>{name3})")
    titled_rx = re.compile(rf"(?P<person>{name3})\s*,\s*{det}?{ci('ROLE')}(?!\w)")
    anaphor_rx = re.compile(rf"(?<!\w)(?i:{lex.alt('ORG_BEFORE')})(?!\w)")
    byline_rx = re.compile(
        rf"(?m)^[ \t]*(?:{W.BYLINE})[ \t]+(?P<p>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]+){{1,2}})"
        r"(?:[ \t]*(?:,|\||[–—-])[ \t]*(?P<org>[A-ZÀ-ÖØ-Þ][\w’'&.-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'&.-]*){0,4}))?[ \t]*$")
    province_word_rx = re.compile(rf"(?<!\w)({lex.alt('PROVINCE')})(?!\w)")
    return SimpleNamespace(
        federal_rx=federal_rx, gov_of_rx=gov_of_rx, minister_rx=minister_rx,
        minister_after_rx=minister_after_rx, honor_rx=honor_rx, role_after=role_after, role_at=role_at,
        role_inst=role_inst, speech_in_role=speech_in_role, role_before=role_before,
        person_of=person_of, title_before=title_before, paren_role=paren_role, poss_role=poss_role,
        org_role_before=org_role_before, org_title_before=org_title_before, partner_rx=partner_rx,
        board_rx=board_rx, province_rx=province_rx, mutual_rx=mutual_rx, particip_rx=particip_rx,
        list_verb_rx=list_verb_rx, source_rx=source_rx, event_lead=event_lead, prog_rx=prog_rx,
        ministry_rx=ministry_rx, inst_after=inst_after, speech_rx=speech_rx, titled_rx=titled_rx,
        anaphor_rx=anaphor_rx, byline_rx=byline_rx, province_word_rx=province_word_rx
    )


def prose(ctx: Context, facts: Facts, sents: Iterable[tuple[int, int]]) -> None:
    """Sentence rules, document-wide ones first (ministries, sources, bylines, names), then
    per sentence: governments, ministers, roles, boards, partnerships, events, programmes,
    participation."""
    px = patterns(ctx.lex)
    _ministries(ctx, facts, px)
    _sources(ctx, facts, px)
    _bylines(ctx, facts, px)
    fed_name = gov_name(ctx.lex, ctx.lex.patterns.get("COUNTRY", [""])[0])
    _named_people(ctx, facts, px)
    claimed = list(facts.claimed)
    prev_span: tuple[int, int] | None = None
    for s0, e0 in sents:
        if prev_span is not None and prev_span[1] > s0:
            prev_span = None
        _governments(ctx, facts, px, s0, e0, fed_name)
        _ministers(ctx, facts, px, s0, e0, fed_name)
        _roles(ctx, facts, px, s0, e0, claimed)
        _board_sentence(ctx, facts, px, s0, e0, claimed)
        _partnerships(ctx, facts, px, s0, e0, fed_name, prev_span)
        _mutual(ctx, facts, px, s0, e0)
        _event_leads(ctx, facts, px, s0, e0)
        prev_span = (s0, e0)
        _programmes(ctx, facts, px, s0, e0)
        _participation(ctx, facts, px, s0, e0)


def _ministries(ctx: Context, facts: Facts, px: SimpleNamespace) -> None:
    """Ministries named in full ("ministère de X et de Y"): government organizations."""
    text = ctx.text
    for m in px.ministry_rx.finditer(text):
        cut = px.inst_after.search(m.group())  # "… du Manitoba et de la Ville de Nordville": two names
        name = squash(m.group()[:cut.start()] if cut else m.group())
        name = name[0].upper() + name[1:]
        end = m.start() + cut.start() if cut else m.end()
        facts.add(Cand(name, EntityType.ORGANIZATION, m.start(), end, subtype="government"))
        facts.claimed.append((m.start(), end))


def _sources(ctx: Context, facts: Facts, px: SimpleNamespace) -> None:
    """"Source : X" lines: the outlet or issuer, a media organization unless typed otherwise."""
    text = ctx.text
    lex = ctx.lex
    for m in px.source_rx.finditer(text):
        org = trim_org(m.group("org"), lex)
        if org:
            c = org_cand(org, m.start("org"), m.start("org") + len(org), lex)
            if c.subtype is None:
                c.subtype = "media"
            facts.add(c)
            facts.claimed.append((m.start(), m.end()))


def _bylines(ctx: Context, facts: Facts, px: SimpleNamespace) -> None:
    """A byline alone on its line ("By Jane Doe", "Par Jeanne Roy, La Gazette de Nordville"): the writer and
    her outlet."""
    text = ctx.text
    lex = ctx.lex
    for m in px.byline_rx.finditer(text):
        person = m.group("p")
        if name_shaped(person, lex) and not any(w.casefold() in lex.stop_names for w in person.split()):
            ctx.persons.add(person)
            facts.add(Cand(person, EntityType.PERSON, m.start("p"), m.end("p")))
            org = m.group("org")
            if org and org.casefold() not in lex.stop_names and not looks_like_person(org, lex, ctx.persons) \
                    and not DATELINE.match(org):
                c = org_cand(org, m.start("org"), m.end("org"), lex)
                if c.subtype is None:
                    c.subtype = "media"
                facts.add(c)
                facts.claimed.append((m.start("org"), m.end("org")))
                facts.rel(RelType.AFFILIATED_WITH, person, org, m.start(), m.end(), None)


def _named_people(ctx: Context, facts: Facts, px: SimpleNamespace) -> None:
    """Names the construction says are people: after a speech verb, before ", <title>"."""
    text = ctx.text
    lex = ctx.lex
    for rx in (px.speech_rx, px.titled_rx):
        for m in rx.finditer(text):
            person = clean_person(m.group("person"), lex)
            if name_shaped(person, lex) and not any(person in o for _, _, o in ctx.orgs):
                ctx.persons.add(person)
                ps = m.start("person") + m.group("person").find(person)
                facts.add(Cand(person, EntityType.PERSON, ps, ps + len(person)))


def _governments(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int, fed_name: str) -> None:
    """The country's government, "Government of X", a province acting as its government."""
    lex = ctx.lex
    sent = ctx.text[s0:e0]
    for m in px.federal_rx.finditer(sent):
        facts.add(Cand(fed_name, EntityType.ORGANIZATION, s0 + m.start(), s0 + m.end(), subtype="government",
                       aliases=[squash(m.group())]))
    for m in px.gov_of_rx.finditer(sent):
        written = squash(m.group())
        if written.isupper():
            written = written.title().replace(" Du ", " du ").replace(" De ", " de ")
        name = written[0].upper() + written[1:]
        facts.add(Cand(name, EntityType.ORGANIZATION, s0 + m.start(), s0 + m.end(), subtype="government",
                       aliases=[squash(m.group())]))
    # "Québec investit 5 M$": a province acting as its government
    for m in px.province_rx.finditer(sent):
        # "the <province> government": the form the text writes is an alias
        written = [squash(sent[m.start(1):m.end()])] if m.group("gov") else []
        facts.add(Cand(province_gov(lex, m.group(1)), EntityType.ORGANIZATION, s0 + m.start(1), s0 + m.end(1),
                       subtype="government", aliases=written))
        facts.claimed.append((s0 + m.start(1), s0 + m.end(1)))


def _ministers(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int, fed_name: str) -> None:
    """"the Minister of X, Jane Doe" and its variants: the person works for her government."""
    lex = ctx.lex
    sent = ctx.text[s0:e0]
    for rx in (px.minister_rx, px.minister_after_rx, px.honor_rx):
        for m in rx.finditer(sent):
            person, role = clean_person(m.group("person"), lex), squash(m.group("role"))
            known = looks_like_person(person, lex, ctx.persons)
            if not (known or name_shaped(person, lex)):
                continue
            if not known and re.match(
                    rf"\s+(?:{W.AND_OR})\s+[A-ZÀ-ÖØ-Þ]", sent[m.end("person"):]):
                continue  # "Minister of Finance, Job Growth and Trade": the portfolio goes on
            gov = fed_name
            if not has(lex, "FEDERAL_ROLE", role):
                around = sent[max(0, m.start("role") - 25):m.start("role")] + " " + role
                pm_ = px.province_word_rx.search(around)
                if pm_:
                    gov = province_gov(lex, pm_.group(1))
            ps = s0 + m.start("person") + m.group("person").find(person)
            facts.add(Cand(person, EntityType.PERSON, ps, ps + len(person)))
            facts.add(Cand(gov, EntityType.ORGANIZATION, s0 + m.start("role"), s0 + m.end("role"), subtype="government"))
            facts.claimed.append((s0 + m.start("role"), s0 + m.end("role")))
            if m.groupdict().get("place"):  # "<Province> Minister of…", "Federal Minister of…": part of the role
                facts.claimed.append((s0 + m.start("place"), s0 + m.end("place")))
            facts.rel(RelType.AFFILIATED_WITH, person, gov, s0 + m.start(), s0 + m.end(), role)


def _roles(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int, claimed: list[tuple[int, int]]) -> None:
    """Roles around person mentions: "Jane Doe, CEO of Acme", "Acme's CTO Jane Doe", "Jane Doe
    (Acme)", "Jane Doe of Acme"..."""
    lex = ctx.lex
    sent = ctx.text[s0:e0]
    for pm in person_spans(sent, ctx):
        ps, pe, person = pm
        if any(cs <= s0 + ps < ce for cs, ce in claimed):
            continue
        after = sent[pe:]
        m = px.role_at.match(after)
        if m and (px.speech_in_role.search(m.group("role")) or is_minister(m.group("role"), lex)):
            m = None
        if m is None:
            m = px.role_inst.match(after)
            if m and (px.speech_in_role.search(m.group("role")) or type_cue(m.group("org"), lex)[0] != EntityType.UNIVERSITY):
                m = None
            if m:
                inst = cut_lower_tail(m.group("org"), lex)
                inst = re.sub(rf"\s+(?:{W.INST_TAIL})$", "", inst)
                ps_org = s0 + pe + m.start("org")
                if inst and type_cue(inst, lex)[0] == EntityType.UNIVERSITY and len(inst.split()) >= 2:
                    claimed.append((s0 + pe + m.start("role"), s0 + pe + m.end("role")))
                    affil(person, s0 + ps, inst, ps_org, squash(m.group("role")), s0, e0, ctx, facts)
                    continue
                m = None
        m = m or px.role_after.match(after) or px.poss_role.match(after) or None
        if m and not is_minister(m.group("role"), lex):
            org = trim_org(m.group("org"), lex)
            if org:
                claimed.append((s0 + pe + m.start("role"), s0 + pe + m.end("role")))
                facts.claimed.append((s0 + pe + m.start("role"), s0 + pe + m.end("role")))
                affil(person, s0 + ps, org, s0 + pe + m.start("org"), squash(m.group("role")), s0, e0, ctx, facts)
                continue
        m = px.person_of.match(after)
        if m:
            org = trim_org(m.group("org"), lex)
            if org and not looks_like_person(org, lex, ctx.persons) and type_cue(org, lex) != (EntityType.ORGANIZATION, None) \
                    or org and (re.fullmatch(r"[A-ZÀ-ÖØ-Þ]{2,8}", org) or any(
                        (c.name == org or org in c.aliases) and c.type in (EntityType.ORGANIZATION, EntityType.UNIVERSITY)
                        for c in facts.cands)):
                tm = px.title_before.search(sent[max(0, ps - 60):ps])
                role = squash(tm.group("role")) if tm else None
                affil(person, s0 + ps, org, s0 + pe + m.start("org"), role, s0, e0, ctx, facts)
                continue
        m = px.paren_role.match(after)
        if m:
            org = trim_org(m.group("org"), lex)
            if org and not looks_like_person(org, lex, ctx.persons):
                role = squash(m.group("role")) if m.group("role") else None
                affil(person, s0 + ps, org, s0 + pe + m.start("org"), role, s0, e0, ctx, facts)
                continue
        before = sent[max(0, ps - 160):ps]
        m = px.role_before.search(before)
        if m and not is_minister(m.group("role"), lex):
            org = trim_org(m.group("org"), lex)
            if org:
                os_ = s0 + max(0, ps - 160) + m.start("org")
                affil(person, s0 + ps, org, os_, squash(m.group("role")), s0, e0, ctx, facts)
                continue
        m = px.org_role_before.search(before)
        if m is None:
            m = px.org_title_before.search(before)
            if m and all(ctx.is_common(w) for w in m.group("org").split()):
                m = None
        if m:
            org = trim_org(m.group("org"), lex)
            # "by CEO Maëlle Roy and CTO Jonas Weber": another titled person, not an organization
            if org and not looks_like_person(org, lex, ctx.persons) and not EXEC_TITLE.match(org) and not any(
                    person_at_start(w, lex, ctx.persons) for w in re.split(rf"\s+(?:{W.AND_EN})\s+", org) if w):
                os_ = s0 + max(0, ps - 160) + m.start("org")
                affil(person, s0 + ps, org, os_, m.group("role"), s0, e0, ctx, facts)


def _board_sentence(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int, claimed: list[tuple[int, int]]) -> None:
    """A board named in a sentence: its members work for the sentence's organization."""
    lex = ctx.lex
    sent = ctx.text[s0:e0]
    if px.board_rx.search(sent):
        subject = sentence_subject(sent, s0, len(sent), ctx, facts) or SUBJECT
        for ps, pe, person in person_spans(sent, ctx):
            if any(cs <= s0 + ps < ce for cs, ce in claimed):
                continue
            rm = re.match(r"^\s*\(([^()]{2,60})\)", sent[pe:])
            role = rm.group(1).strip() if rm and is_role(rm.group(1), lex) else None
            facts.add(Cand(person, EntityType.PERSON, s0 + ps, s0 + pe))
            facts.rel(RelType.AFFILIATED_WITH, person, subject, s0, e0, role)


def _partnerships(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int, fed_name: str, prev_span: tuple[int, int] | None) -> None:
    """Explicit partnerships: the organization before the cue partners with those listed after."""
    sent = ctx.text[s0:e0]
    for m in px.partner_rx.finditer(sent):
        cue = m.group()
        right = [c.name for c in items_after(s0 + m.end(), e0, ctx, facts) if c.type != EntityType.PERSON]
        if not right:
            continue
        left_orgs = [o for o in org_mentions(s0, s0 + m.start(), ctx, facts) if o[2] not in right]
        if re.search(r"(?i)f[ée]d[ée]ra", cue) or re.search(r"(?i)federal\s*$", sent[:m.start()]):
            facts.add(Cand(fed_name, EntityType.ORGANIZATION, s0 + m.start(), s0 + m.end(), subtype="government"))
            left = fed_name
        elif left_orgs:
            left = left_orgs[0][2]
        else:
            left = (sentence_subject(sent, s0, m.start(), ctx, facts) if m.start() > 0 else None) or SUBJECT
            if left == SUBJECT and px.anaphor_rx.search(sent[:m.start()]) and prev_span:
                # "l'organisme collaborera avec…": the organization of the sentence before
                prev = org_mentions(prev_span[0], prev_span[1], ctx, facts)
                if prev:
                    left = prev[-1][2]
        for org in right:
            facts.rel(RelType.PARTNERS_WITH, left, org, s0, e0)


def _mutual(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int) -> None:
    """"A and B join forces": every pair of the coordinated organizations are partners."""
    sent = ctx.text[s0:e0]
    for m in px.mutual_rx.finditer(sent):
        orgs = org_mentions(s0, s0 + m.start(), ctx, facts)
        names = [o for _, _, o in orgs]
        if len(names) < 2:
            names = coordinated_subject(sent, s0, m.start(), ctx, facts) or names
        for a in range(len(names)):
            for b in range(a + 1, len(names)):
                facts.rel(RelType.PARTNERS_WITH, names[a], names[b], s0, e0)


def _event_leads(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int) -> None:
    """"X, an event organised by Y": X is an event (a project) that Y leads."""
    lex = ctx.lex
    sent = ctx.text[s0:e0]
    for m in px.event_lead.finditer(sent):
        proj = m.group("proj").strip()
        proj = re.sub(rf"^(?:(?:{W.EVENT_LEAD_WORD})\s+)+", "", proj, flags=re.I)
        org = trim_org(m.group("org"), lex)
        if not proj or not org or looks_like_person(org, lex, ctx.persons):
            continue
        ps = s0 + m.start("proj") + m.group("proj").find(proj)
        aliases = []
        ym = re.match(r"^(.+?)\s+(?:19|20)\d\d$", proj)
        if ym:
            aliases.append(ym.group(1))
        facts.add(Cand(proj, EntityType.PROJECT, ps, ps + len(proj), aliases=aliases, attributes={"kind": "event"}))
        facts.claimed.append((ps, ps + len(proj)))
        os_ = s0 + m.start("org")
        facts.add(org_cand(org, os_, os_ + len(org), lex))
        facts.rel(RelType.LEADS, org, proj, s0 + m.start(), s0 + m.end())


def _programmes(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int) -> None:
    """"funding for the X programme": a project funded by the sentence's organization, and who
    receives it."""
    lex = ctx.lex
    sent = ctx.text[s0:e0]
    for m in px.prog_rx.finditer(sent):
        name = trim_org(m.group("name"), lex)
        if not name or looks_like_person(name, lex, ctx.persons):
            continue
        written = f"{m.group('kind')} {name}"
        ps = s0 + m.start("kind")
        facts.add(Cand(written, EntityType.PROJECT, ps, ps + len(written), aliases=[name]))
        facts.claimed.append((ps, ps + len(written)))
        funders = org_mentions(s0, s0 + m.start(), ctx, facts)
        facts.rel(RelType.FUNDS, funders[0][2] if funders else SUBJECT, written, s0, e0)
        rm = _TO_RECIPIENT.search(m.group())
        if rm:
            rec = org_at(m.group()[rm.end():], lex)
            if rec and not looks_like_person(rec, lex, ctx.persons):
                rs = s0 + m.start() + rm.end()
                facts.add(org_cand(rec, rs, rs + len(rec), lex))
                facts.rel(RelType.PARTICIPATES_IN, rec, written, s0, e0)


def _participation(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int) -> None:
    """Participation in the document's event: the organizations a participation cue lists."""
    sent = ctx.text[s0:e0]
    pm = px.particip_rx.search(sent)
    if pm:
        vm = px.list_verb_rx.search(sent, pm.end())
        items = items_after(s0 + vm.end(), e0, ctx, facts) if vm else []
        names = [c.name for c in items if c.type != EntityType.PERSON] or [
            o for _, _, o in org_mentions(s0, e0, ctx, facts)]
        for org in names:
            facts.rel(RelType.PARTICIPATES_IN, org, MAIN_PROJECT, s0, e0)
