"""Prose: named projects and who leads, funds and takes part in them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

from grappe.model import EntityType, RelType
from nlp.facts import MAIN_PROJECT, RULE, Cand, Facts
from nlp.lexicon import WORDS as W
from nlp.lexicon import Lexicon
from nlp.rules.context import Context
from nlp.rules.cues import per_language, register
from nlp.rules.mentions import (
    coordinated_subject,
    items_after,
    org_mentions,
    person_spans,
    sentence_subject,
    subject_items,
)
from nlp.rules.names import is_minister, org_at, org_cand, trim_org
from nlp.rules.shapes import CAP, LEGAL_FORM, MONEY_AMT, OPT_ART, ORG_RUN
from nlp.textutil import (
    MONEY,
    looks_like_person,
    parse_amount,
    person_at_start,
)

#: function words inside a sentence-case name ("Entretien prédictif des quais")
_SC_STOP = W.SENTENCE_CASE_STOP


#: between two funders: ", et du …", " and $900,000 from …"
_FUNDS_GAP_CORE = (rf"\s*,?\s*(?:{W.AND})\s+(?:{MONEY_AMT}\s+(?:{W.FUNDS_FROM})\s+)?"
                   rf"(?:(?:{W.FUNDS_BY})\s+)?(?:(?:{W.FUNDS_ARTICLE})\s*)?")


_FUNDS_GAP = re.compile(_FUNDS_GAP_CORE)


_FUNDS_GAP_DESC = r"(?i:\s+{})?" + _FUNDS_GAP_CORE + r"(?:(?i:{})(?:\s+[a-zà-ÿ-]+){0,2}?\s+)?"


_HONORIFIC = re.compile(rf"^(?:{W.HONORIFIC})\.?\s+(?=[A-ZÀ-ÖØ-Þ])")
#: "X est un consortium de recherche qui …", "X is a network that …": the subject is an organization
_ORG_KIND = re.compile(
    rf"(?i)(?<!\w)(?:{W.IS})\s+(?:{W.ARTICLE_KIND})\s+(?:[\w’'-]+\s+){{0,8}}?"
    rf"(?:{W.ORG_KIND_NOUN})(?!\w)")




#: the lexicon labels this family reads (a test holds the code to this list)
CUES = register("projects", "ANNOUNCE_FUNDING", "FOUNDED_BY", "FUNDS_ACTIVE", "FUNDS_VERB", "LAUNCH_VERB",
                "LEAD_ACTIVE", "LEAD_VERB", "MEMBERS_JOIN", "MEMBERS_VERB", "ORG_DESCRIPTOR", "PARTNERSHIP",
                "PERSON_TEAM_VERB", "PERSON_TITLE_BEFORE", "PROJECT_APPOS", "PROJECT_INTRO", "PROJECT_REF",
                "RECEIVES", "ROLE")


@per_language
def patterns(lex: Lexicon) -> SimpleNamespace:
    """The project patterns of a language, compiled once."""
    def ci(label: str) -> str:
        return f"(?i:{lex.alt(label)})"

    name_run = rf"{CAP}(?:[ \t]+(?:{CAP}|\d{{1,4}}(?!\d|[.,]\d)|x|@|&)){{0,6}}"
    # a name may be quoted: « Cuve », "Tidewatch"
    q_open, q_close = r"(?:[«\"“][ \u00a0\u202f]?)?", r"(?:[ \u00a0\u202f]?[»\"”])?"
    intro_rx = re.compile(rf"(?<!\w){ci('PROJECT_INTRO')}\s+{q_open}(?P<name>{name_run})")
    # sentence-case names right after the noun: "le projet Quai intelligent, qui …"
    # ("Entretien prédictif des quais": function words inside, a content word last)
    sc_words = rf"(?:[ \t]+(?:(?:{_SC_STOP})[ \t]+)?(?!(?:{_SC_STOP})\b)[a-zà-öø-ÿ][\w’'-]+){{1,4}}"
    intro_sc_rx = re.compile(
        rf"(?<!\w){ci('PROJECT_INTRO')}\s+{q_open}(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+{sc_words}){q_close}"
        rf"(?=\s*[,(]|\s+(?i:{W.RELATIVE})\b)")  # a comma or a relative pronoun ends the name
    # "Frostline: Reliable Sensing for Cold Storage, a research project": the name before its subtitle
    appos_rx = re.compile(rf"{q_open}(?P<name>{name_run}){q_close}(?::[ \t]+[^,.;:\n«»]{{3,80}})?\s*,\s*"
                          rf"(?P<appos>{ci('PROJECT_APPOS')})(?!\w)")
    # quoted names in any case: « Froid sans faille », un projet … / le projet « Passerelle »
    quoted_rx = re.compile(rf"(?:(?<!\w){ci('PROJECT_INTRO')}\s+)?[«\"“][ \u00a0\u202f]?(?P<name>[A-ZÀ-ÖØ-Þ][^«»\"“”\n]{{1,60}}?)"
                           rf"[ \u00a0\u202f]?[»\"”](?P<appos>\s*,\s*{ci('PROJECT_APPOS')}(?!\w))?")
    # "Project Sextant", "Opération Cap nord": a name that carries its own kind
    kind_rx = re.compile(rf"(?<![\w.’'])(?P<name>(?:{W.PROJECT_KIND})[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]+"
                         rf"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'-]+){{0,3}}(?:[ \t]+[a-zà-öø-ÿ][\w’'-]+(?=[ \t]*[—–,.;:()]))?)"
                         rf"(?![ \t]+(?i:{lex.alt('ROLE')})\b)")
    # "Led by Laval-based carrier Acme, Frost Warden will …": what is led is a project
    fronted_rx = re.compile(rf"^[\s«\"“]*{ci('LEAD_VERB')}\s+(?P<who>[^,;.]{{2,120}}),\s+{q_open}(?P<name>{name_run}){q_close}"
                            rf"\s+(?i:{W.PROJECT_VERB})\b")
    # "the Tessaly project", "its Orrery initiative", "Halvard's Orrery project"
    # ("the Soils for Northern Farms programme": linking words between the capitalised ones)
    linked_run = rf"{CAP}(?:[ \t]+(?:(?:{W.NAME_LINK})[ \t]+)?(?:{CAP}|\d{{1,4}}(?!\d|[.,]\d)|&)){{0,6}}"
    suffix_rx = re.compile(rf"(?:(?<!\w)(?i:{W.DETERMINER_EN})|(?<=\w)['’]s)\s+{q_open}(?P<name>{linked_run}){q_close}"
                           rf"\s+(?:{W.PROJECT_NOUN_EN})(?!\w)")  # lowercase: "Consortium" belongs to the name
    ref_rx = re.compile(rf"(?<!\w){ci('PROJECT_REF')}(?!\w)")
    # "dirigé par la société montréalaise Acme", "supervisés par la professeure Jeanne Roy"
    desc = rf"(?:(?:{ci('ORG_DESCRIPTOR')}(?:\s+[a-zà-öø-ÿ][\w-]*){{0,2}}?|{ci('PERSON_TITLE_BEFORE')})\s+(?=[A-ZÀ-ÖØ-Þ]))?"
    lead_rx = re.compile(rf"(?<!\w){ci('LEAD_VERB')}\s+{OPT_ART}{desc}(?P<org>{ORG_RUN})")
    funds_rx = re.compile(rf"(?<!\w){ci('FUNDS_VERB')}\s*{OPT_ART}{desc}(?P<org>{ORG_RUN})")
    # sentence-case names in apposition, mid-sentence ("pour concevoir Tri adaptatif, une plateforme …")
    sc_appos_rx = re.compile(
        rf"(?<=[a-zà-öø-ÿ] )(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+(?!(?:{_SC_STOP})\b)[a-zà-öø-ÿ][\w’'-]+){{1,2}})"
        rf"\s*,\s*(?P<appos>{ci('PROJECT_APPOS')})(?!\w)")
    join_rx = re.compile(rf"(?<!\w){ci('MEMBERS_JOIN')}(?!\w)")
    announce_rx = re.compile(rf"(?<!\w){ci('ANNOUNCE_FUNDING')}(?!\w)")
    funds_active_rx = re.compile(rf"(?P<org>{ORG_RUN})\s+{ci('FUNDS_ACTIVE')}(?!\w)")
    funds_verb_rx = re.compile(rf"(?<!\w){ci('FUNDS_ACTIVE')}(?!\w)")
    members_rx = re.compile(rf"(?<!\w){ci('MEMBERS_VERB')}\s*")
    launch_rx = re.compile(rf"(?<!\w){ci('LAUNCH_VERB')}(?!\w)")
    team_verb_rx = re.compile(rf"(?<!\w){ci('PERSON_TEAM_VERB')}(?!\w)")
    partner_cue_rx = re.compile(rf"(?<!\w){ci('PARTNERSHIP')}(?!\w)")
    lead_active_rx = re.compile(
        rf"(?P<org>{ORG_RUN})(?:\s*,[^,.;()\n]{{1,80}},)?(?:\s+(?i:{W.ADVERB_LEAD}))?"
        rf"\s+(?:{lex.alt('LEAD_ACTIVE')})\s+")
    founded_rx = re.compile(rf"(?<!\w){ci('FOUNDED_BY')}\s+")
    recipient_rx = re.compile(rf"^[\s•·–—-]*{OPT_ART}(?P<org>{ORG_RUN})(?:{LEGAL_FORM})?"
                              rf"\s+{ci('RECEIVES')}\s[^.;]{{0,80}}?\$[^.;]{{0,40}}?(?<!\w)(?i:{W.FOR})\s")
    return SimpleNamespace(intro_rx=intro_rx, intro_sc_rx=intro_sc_rx, appos_rx=appos_rx, quoted_rx=quoted_rx, kind_rx=kind_rx, fronted_rx=fronted_rx, suffix_rx=suffix_rx, ref_rx=ref_rx, lead_rx=lead_rx, funds_rx=funds_rx, sc_appos_rx=sc_appos_rx, join_rx=join_rx, announce_rx=announce_rx, funds_active_rx=funds_active_rx, funds_verb_rx=funds_verb_rx, members_rx=members_rx, launch_rx=launch_rx, team_verb_rx=team_verb_rx, partner_cue_rx=partner_cue_rx, lead_active_rx=lead_active_rx, founded_rx=founded_rx, recipient_rx=recipient_rx)


@dataclass
class _Sentence:
    """One sentence and the projects it names (position in the sentence, name)."""

    text: str
    start: int
    end: int
    projects: list[tuple[int, str]]
    last_project: str | None
    seen: list[str]
    claimed: list[tuple[int, int]]
    ref: re.Pattern

    def target(self, pos: int, members: bool = False, money: bool = False) -> str | None:
        """The project a cue at ``pos`` is about: the last one named before it, else the first
        one named after it, else the document's (when the sentence refers to "the project")."""
        before = [n for p, n in self.projects if p < pos]
        if before:
            return before[-1]
        if self.projects:
            return self.projects[0][1]
        if self.ref.search(self.text):
            return self.last_project or MAIN_PROJECT
        return self.last_project if members or money else None

    def money_near(self, a: int, b: int) -> bool:
        """An amount stated right at the funding verb ("X is providing $1.5 million"),
        not invested in a named company ("X invests $5M in Acme")."""
        inv = _INVESTED_IN.search(self.text[a:b + 30])
        if inv and not any(inv.group("n").startswith(n) for n in (*self.seen, self.last_project or "\x00")):
            return False
        return bool(MONEY.search(self.text[a:b]))


_INVESTED_IN = re.compile(rf"(?<!\w)(?:{W.INTO})\s+(?:{W.ARTICLE_SP})?(?:(?:{W.COMPANY_NOUN_INVESTED})\s+)?"
                          r"(?P<n>[A-ZÀ-ÖØ-Þ][^,.;]*)")


def prose_projects(ctx: Context, facts: Facts, sents: Iterable[tuple[int, int]]) -> None:
    """Named projects in sentences and who leads, funds and takes part in them."""
    px = patterns(ctx.lex)
    last_project: str | None = None
    last_seen = -99
    seen: list[str] = []
    seen_aliases: list[str] = []  # "Sextant" for "Project Sextant": named again, the same project
    claimed = list(facts.claimed)
    # project titles found by the layout rules anchor the prose that follows them
    titled = sorted((c.end, c.start, c.name) for c in facts.cands if c.type == EntityType.PROJECT and c.source == RULE)
    last_pos = -1
    for n_sent, (s0, e0) in enumerate(sents):
        sent = ctx.text[s0:e0]
        if n_sent - last_seen > 8:
            last_project = seen[0] if len(seen) == 1 else None
        above = [t for t in titled if t[0] <= s0 and t[1] > last_pos]
        if above:
            last_project, last_pos, last_seen = above[-1][2], above[-1][1], n_sent
        projects = _named_projects(ctx, facts, px, s0, e0, seen_aliases)
        # projects named earlier, named again ("Orrery is led by Acme")
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
        st = _Sentence(sent, s0, e0, projects, last_project, seen, claimed, px.ref_rx)
        for step in (_leads, _launches, _team_members, _partners_of_project, _active_leads, _fronted_lead,
                     _recipient, _funders, _members, _announced_funding, _joiners, _founders):
            step(ctx, facts, px, st)


def _named_projects(ctx: Context, facts: Facts, px: SimpleNamespace, s0: int, e0: int,
                    seen_aliases: list[str]) -> list[tuple[int, str]]:
    """The projects a sentence introduces by a cue (as candidates), with their positions."""
    sent, lex = ctx.text[s0:e0], ctx.lex
    projects: list[tuple[int, str]] = []
    for rx in (px.quoted_rx, px.intro_sc_rx, px.intro_rx, px.appos_rx, px.suffix_rx, px.sc_appos_rx, px.fronted_rx, px.kind_rx):
        for m in rx.finditer(sent):
            if rx is px.quoted_rx and not (m.group("appos") or m.group(0)[:1] not in "«\"“"):
                continue  # a quotation, not a name introduced as a project
            if any(p <= m.start("name") < p + len(n) for p, n in projects):
                continue  # read already, whole (a sentence-case name before its first word)
            raw = m.group("name")
            name = re.sub(rf"^(?:{W.ARTICLE_CAP})\s+", "", raw).strip()
            if name.endswith(".") and not re.search(rf"(?i)\b(?:{W.ABBREV_ORG})\.$", name):
                name = name[:-1]
            # the cue outranks NER's guess of a person ("Orrery Beacon, a $3M project"),
            # not a known first name ("Marie Roy, a project manager")
            if not name or len(name) < 3 or looks_like_person(name, lex, frozenset()) or (
                    rx is px.sc_appos_rx and looks_like_person(name, lex, ctx.persons)):
                continue
            if len(name.split()) == 1 and ctx.is_common(name):
                continue
            if any(c.name == name and c.type in (EntityType.ORGANIZATION, EntityType.UNIVERSITY) and c.source == RULE
                   and c.start < s0 for c in facts.cands):
                continue  # an organization a layout rule read above
            ps = s0 + m.start("name") + raw.find(name)
            if any(c.type is EntityType.PROJECT and c.start <= ps < c.end for c in facts.cands):
                continue  # part of a name read whole with its kind ("the X Program": headed_projects)
            attrs = {}
            if rx in (px.appos_rx, px.sc_appos_rx, px.quoted_rx) and m.group("appos"):
                amount = parse_amount(m.group("appos"))
                if amount:
                    attrs["total_investment_cad"] = amount
            aliases = []
            ym = re.match(r"^(.+?)\s+(?:19|20)\d\d$", name)
            if ym:
                aliases.append(ym.group(1))
            pm_ = re.match(rf"^(?:{W.PROJECT_WORD})\s+(?=\S)", name)
            if pm_ and len(name[pm_.end():]) > 2:
                aliases.append(name[pm_.end():])  # "Project Sextant" is "Sextant" later on
            facts.add(Cand(name, EntityType.PROJECT, ps, ps + len(name), aliases=aliases, attributes=attrs))
            facts.claimed.append((ps, ps + len(name)))
            seen_aliases.extend(a for a in aliases if a not in seen_aliases)
            projects.append((m.start("name"), name))
    return projects


def _leads(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"led by X": X leads the sentence's project; a person leading it takes part, or works for
    the sentence's organization."""
    lex = ctx.lex
    sent = st.text
    s0 = st.start
    e0 = st.end
    last_project = st.last_project
    target = st.target
    for m in px.lead_rx.finditer(sent):
        tgt = target(m.start())
        org = org_at(sent[m.start("org"):], lex) or trim_org(m.group("org"), lex)
        if org:
            bare = _HONORIFIC.sub("", org)
            org = person_at_start(bare, lex, ctx.persons) or bare
        if not tgt and org and looks_like_person(org, lex, ctx.persons) and last_project \
                and re.search(rf"(?<!\w)(?:{W.WILL_BE})\s*$", sent[max(0, m.start() - 14):m.start()]):
            tgt = last_project  # "work on the models will be overseen by Dr. Jane Doe"
        if not tgt and org and looks_like_person(org, lex, ctx.persons):
            # "X est dirigée par Jeanne Roy": the person works for the sentence's organization
            subject = sentence_subject(sent, s0, m.start(), ctx, facts)
            if subject:
                ps = s0 + m.start("org")
                facts.add(Cand(org, EntityType.PERSON, ps, ps + len(org)))
                facts.rel(RelType.AFFILIATED_WITH, org, subject, s0, e0, None)
            continue
        if tgt and org and looks_like_person(org, lex, ctx.persons):
            # "les travaux seront supervisés par Jeanne Roy": a person takes part in the project
            ps = s0 + m.start("org")
            facts.add(Cand(org, EntityType.PERSON, ps, ps + len(org)))
            facts.rel(RelType.PARTICIPATES_IN, org, tgt, s0, e0)
        elif tgt and org:
            os_ = s0 + m.start("org")
            facts.add(org_cand(org, os_, os_ + len(org), lex))
            facts.rel(RelType.LEADS, org, tgt, s0, e0)


def _launches(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"Acme and Bolt Labs today announced Foo, a …": the announcers take part in Foo."""
    sent = st.text
    s0 = st.start
    e0 = st.end
    projects = st.projects
    for m in px.launch_rx.finditer(sent):
        # "Acme and Bolt Labs today announced Foo, a …": the announcers take part in Foo
        after = [n for p, n in projects if 0 <= p - m.end() <= 12]
        if not after:
            continue
        subj = [o[2] for o in org_mentions(s0, s0 + m.start(), ctx, facts)]
        if len(subj) < 2:
            subj = coordinated_subject(sent, s0, m.start(), ctx, facts) or subj
        for org in subj:
            facts.rel(RelType.PARTICIPATES_IN, org, after[0], s0, e0)


def _team_members(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"Jeanne Roy (Acme) will sit on the advisory committee": people who take part."""
    sent = st.text
    s0 = st.start
    e0 = st.end
    target = st.target
    for m in px.team_verb_rx.finditer(sent):
        # "Jeanne Roy (Acme) will sit on the advisory committee", "Jean Roy coordonnera l'équipe"
        tgt = target(m.start(), members=True) or MAIN_PROJECT
        orgs = org_mentions(s0, s0 + m.start(), ctx, facts)
        for ps, pe, person in person_spans(sent[:m.start()], ctx):
            if not person[:1].isupper() or any(os_ <= s0 + ps < oe for os_, oe, _ in orgs):
                continue
            facts.add(Cand(person, EntityType.PERSON, s0 + ps, s0 + pe))
            facts.rel(RelType.PARTICIPATES_IN, person, tgt, s0, e0)


def _partners_of_project(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"the Foo project is led by Acme in collaboration with A and B": A and B take part in Foo."""
    text = ctx.text
    sent = st.text
    s0 = st.start
    e0 = st.end
    projects = st.projects
    last_project = st.last_project
    for m in px.partner_cue_rx.finditer(sent):
        # "the Foo project is led by Acme in collaboration with A and B": A and B take part in Foo
        before = [(p, n) for p, n in projects if p < m.start()]
        tgt = before[-1][1] if before else (
            (last_project or MAIN_PROJECT) if px.ref_rx.search(sent, 0, m.start()) else None)
        since = s0 + (before[-1][0] + len(before[-1][1]) if before else 0)
        verb_cue = re.match(rf"(?i)(?:{W.PARTNER_VERB_START})", m.group())
        if tgt and verb_cue and any(re.fullmatch(r"(?:\s+[\w-]+){0,5}\s*", text[oe:s0 + m.start()])
                                    for _os, oe, _n in org_mentions(since, s0 + m.start(), ctx, facts)):
            continue  # "Acme collabore depuis 2023 avec B": Acme's partnership, not the project's
        if tgt:
            for c in items_after(s0 + m.end(), e0, ctx, facts):
                if c.type != EntityType.PERSON:
                    facts.rel(RelType.PARTICIPATES_IN, c.name, tgt, s0, e0)


def _active_leads(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"Acme, a Montréal start-up, will lead Foo": Acme leads Foo."""
    lex = ctx.lex
    sent = st.text
    s0 = st.start
    e0 = st.end
    projects = st.projects
    last_project = st.last_project
    for m in px.lead_active_rx.finditer(sent):
        # "Acme, a Montréal start-up, will lead Foo, a project to …" / "Acme pilote le projet"
        after = [n for p, n in projects if 0 <= p - m.end() <= 6]
        tgt = after[0] if after else (last_project if px.ref_rx.match(sent, m.end()) else None)
        org = trim_org(m.group("org"), lex)
        if org and (person_at_start(_HONORIFIC.sub("", org), lex, ctx.persons)
                    or all(ctx.is_common(w) for w in org.split())):
            continue  # a person leading the team takes part (see px.team_verb_rx), not an organization
        if tgt and org and not looks_like_person(org, lex, ctx.persons) and org != tgt:
            os_ = s0 + m.start("org")
            facts.add(org_cand(org, os_, os_ + len(org), lex))
            facts.rel(RelType.LEADS, org, tgt, s0, e0)


def _fronted_lead(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"Led by carrier Acme, Foo will …": what is led is a project."""
    lex = ctx.lex
    sent = st.text
    s0 = st.start
    e0 = st.end
    projects = st.projects
    m = px.fronted_rx.match(sent)
    if m and any(n == m.group("name") for _, n in projects):
        runs = [r.group() for r in re.finditer(ORG_RUN, m.group("who")) if not r.group().endswith("-based")]
        org = trim_org(runs[-1], lex) if runs else None
        if org and not looks_like_person(org, lex, ctx.persons) and not person_at_start(org, lex, ctx.persons):
            os_ = s0 + m.start("who") + m.group("who").rfind(runs[-1])
            facts.add(org_cand(org, os_, os_ + len(org), lex))
            facts.rel(RelType.LEADS, org, m.group("name"), s0, e0)


def _recipient(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"Acme inc. obtient 450 000 $ pour mener le projet Foo": the recipient carries its project out."""
    lex = ctx.lex
    sent = st.text
    s0 = st.start
    e0 = st.end
    projects = st.projects
    m = px.recipient_rx.match(sent)
    if m:
        # "Acme inc. obtient 450 000 $ pour mener le projet Foo": the recipient carries its project out
        after = [n for p, n in projects if p >= m.end()]
        org = trim_org(m.group("org"), lex)
        if after and org and org not in after and not person_at_start(org, lex, ctx.persons) \
                and not all(ctx.is_common(w) for w in org.split()):
            os_ = s0 + m.start("org")
            facts.add(org_cand(org, os_, os_ + len(org), lex))
            facts.rel(RelType.LEADS, org, after[0], s0, e0)


def _funders(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """Funding verbs: the organization right before the verb, or named after it (and those
    coordinated with it), funds the project."""
    text = ctx.text
    lex = ctx.lex
    sent = st.text
    s0 = st.start
    e0 = st.end
    target = st.target
    money_near = st.money_near
    for m in px.funds_verb_rx.finditer(sent):
        tgt = target(m.start(), money=money_near(m.start(), m.end() + 40))
        before = [o for o in org_mentions(s0, s0 + m.start(), ctx, facts) if s0 + m.start() - o[1] <= 25]
        if tgt and before:
            facts.rel(RelType.FUNDS, before[-1][2], tgt, s0, e0)
    for rx in (px.funds_rx, px.funds_active_rx):
        for m in rx.finditer(sent):
            tgt = target(m.start(), money=money_near(m.start(), m.end() + 40))
            org = org_at(sent[m.start("org"):], lex) if rx is px.funds_rx else None
            org = org or trim_org(re.sub(rf"^(?:{W.ARTICLE_CAP})\s+", "", m.group("org")), lex)
            if rx is px.funds_active_rx and re.search(rf"(?i)(?:\b(?:{W.OF_COMPLEMENT})\s+|d['’]|\bde\s+la\s+|\bde\s+l['’])$",
                                                   sent[:m.start("org")]):
                # "le ministère de l'Économie verse": the funder is the name that holds the complement
                end = s0 + m.start("org") + len(org or "")
                outer = [o for o in org_mentions(s0, end, ctx, facts) if o[1] == end and o[0] < s0 + m.start("org")]
                if not outer or not tgt:
                    continue
                facts.rel(RelType.FUNDS, outer[-1][2], tgt, s0, e0)
                continue
            if tgt and org and not looks_like_person(org, lex, ctx.persons):
                os_ = s0 + m.start("org") + m.group("org").find(org)
                facts.add(org_cand(org, os_, os_ + len(org), lex))
                facts.rel(RelType.FUNDS, org, tgt, s0, e0)
                prev_end = os_ + len(org)
                for ms, me, other in org_mentions(prev_end, e0, ctx, facts):
                    gap = text[prev_end:ms]
                    gap = re.sub(rf"^\s*,\s*(?:{W.WHO})\b(?:[^,.;]|[.,](?=\d)){{0,80}}(?=,)", "", gap)  # ", which is investing $1M"
                    if not _FUNDS_GAP.fullmatch(gap) and not lex.rx("ORG_DESCRIPTOR", _FUNDS_GAP_DESC).fullmatch(gap):
                        break
                    facts.rel(RelType.FUNDS, other, tgt, s0, e0)
                    prev_end = me


def _members(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """Membership verbs: those listed after the cue take part in the project (or, after "X is a
    consortium", partner with X)."""
    sent = st.text
    s0 = st.start
    e0 = st.end
    projects = st.projects
    claimed = st.claimed
    target = st.target
    for m in px.members_rx.finditer(sent):
        cue_end = s0 + m.end()
        kind = _ORG_KIND.search(sent[:m.start()])
        if kind and not projects:
            # "Acme est un consortium … qui réunit A, B et C": membership of Acme, not of a project
            subj = sentence_subject(sent, s0, kind.start(), ctx, facts)
            if subj:
                for c in items_after(cue_end, e0, ctx, facts):
                    if c.type != EntityType.PERSON and c.name != subj:
                        facts.rel(RelType.PARTNERS_WITH, subj, c.name, s0, e0)
            continue
        tgt = target(m.start(), members=True)
        if not tgt or any(cue_end <= cs < cue_end + 6 for cs, _ in claimed):
            continue
        group = ctx.group("members")
        for c in items_after(s0 + m.end(), e0, ctx, facts, group):
            facts.rel(RelType.PARTICIPATES_IN, c.name, tgt, s0, e0)


def _announced_funding(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """An announced investment in a project: the minister's government, else the organization
    announcing it, funds it."""
    lex = ctx.lex
    sent = st.text
    s0 = st.start
    e0 = st.end
    target = st.target
    money_near = st.money_near
    for m in px.announce_rx.finditer(sent):
        # "the Honourable Jane Doe, Minister of …, announced a $3 million investment in Foo":
        # the minister's government funds Foo; otherwise the organization announcing it
        if not money_near(m.start(), m.end() + 30):
            continue  # no amount, or an investment in a company ("… in Bolt Robotics")
        tgt = target(m.start(), money=True)
        if not tgt:
            continue
        govs = [r.target for r in facts.rels if r.type == RelType.AFFILIATED_WITH and s0 <= r.start < e0
                and r.role and is_minister(r.role, lex)]
        if govs:
            facts.rel(RelType.FUNDS, govs[0], tgt, s0, e0)
            continue
        before = [o for o in org_mentions(s0, s0 + m.start(), ctx, facts)]
        if before and not re.search(r"[.;:]", sent[before[-1][1] - s0:m.start()]):
            facts.rel(RelType.FUNDS, before[-1][2], tgt, s0, e0)


def _joiners(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"A et l'entreprise B complètent le consortium": the coordinated subjects take part."""
    sent = st.text
    s0 = st.start
    e0 = st.end
    target = st.target
    for m in px.join_rx.finditer(sent):
        # "A et l'entreprise B complètent le consortium", "A and B have signed on as partners"
        tgt = target(m.start(), members=True)
        if not tgt:
            continue
        for name in subject_items(sent, s0, m.start(), ctx, facts):
            if name != tgt:
                facts.rel(RelType.PARTICIPATES_IN, name, tgt, s0, e0)


def _founders(ctx: Context, facts: Facts, px: SimpleNamespace, st: _Sentence) -> None:
    """"founded by A and B": the founders work for the organization named before."""
    sent = st.text
    s0 = st.start
    e0 = st.end
    for m in px.founded_rx.finditer(sent):
        orgs = org_mentions(s0, s0 + m.start(), ctx, facts)
        if not orgs:
            continue
        for c in items_after(s0 + m.end(), e0, ctx, facts):
            if c.type == EntityType.PERSON:
                facts.rel(RelType.AFFILIATED_WITH, c.name, orgs[-1][2], s0, e0, None)
