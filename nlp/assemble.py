"""Merge the candidates of one document into entities and relations (no duplicates).

Mentions are clustered when their normalised names or aliases meet (case, accents,
punctuation, a trailing "Jr.", a leading article, an acronym defined in the text).
A cluster's type comes from the rule layers when they saw it, else from NER; its
name is the rule-given (then longest, then non-all-caps) surface form.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from grappe.model import (
    ORG_LIKE,
    Document,
    EntityType,
    Evidence,
    ExtractedEntity,
    ExtractedRelation,
    Extraction,
    Mention,
    RelType,
)
from grappe.text import fold
from nlp.discourse import focus_participants
from nlp.facts import MAIN_PROJECT, NER, PROJECT_OR_SUBJECT, RULE, SUBJECT, Cand, Facts
from nlp.lexicon import WORDS as W
from nlp.lexicon import lexicon
from nlp.rules import defines_acronym, is_acronym_of
from nlp.textutil import squash

_SUFFIX = re.compile(rf"\s+(?:{W.KEY_SUFFIX})$")
_ARTICLE = re.compile(rf"^(?:{W.KEY_ARTICLE})\s+")
_ACR_AFTER = re.compile(r"^\s*\(([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÿ0-9&.+-]{1,9})\)")


def key(name: str) -> str:
    k = fold(name)
    k = _ARTICLE.sub("", k)
    return _SUFFIX.sub("", k)


class _UF:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, i: int) -> int:
        while self.parent.get(i, i) != i:
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


#: "Long Name (LN)", the closing parenthesis sometimes cut off by the reader
_ACR_INSIDE = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÿ0-9&.+-]{1,9})\)?$")


def _acronyms(cands: list[Cand], text: str) -> None:
    """A short form the text defines in a parenthesis after the name, whether the
    parenthesis follows the mention or a reader took it into the name."""
    for c in cands:
        if c.type in (EntityType.PERSON, EntityType.PROJECT):
            continue
        inside = _ACR_INSIDE.match(c.name)
        if inside and defines_acronym(inside["short"], inside["long"]):
            c.name = inside["long"]
            c.aliases = [a for a in c.aliases if a != c.name]
            _alias(c, inside["short"])
            continue
        m = _ACR_AFTER.match(text[c.end:c.end + 16])
        if m and defines_acronym(m.group(1), c.name) and m.group(1) not in c.aliases:
            c.aliases.append(m.group(1))


#: capitalised sentence words glued before a name by NER ("Pour Odile Marlin, …")
_LEAD_WORD = re.compile(rf"^(?:{W.LEAD_WORD})\s+(?=[A-ZÀ-ÖØ-Þ]\S*\s+[A-ZÀ-ÖØ-Þ])")


def _drop_lead_word(c: Cand) -> Cand:
    m = _LEAD_WORD.match(c.name) if c.type == EntityType.PERSON else None
    if m:
        c.name, c.start = c.name[m.end():], c.start + m.end()
    return c


def assemble(document: Document, facts: Facts, prune: bool = True) -> Extraction:
    """``prune=False`` keeps projects nobody is related to yet (a learned stage may relate them)."""
    text = document.text
    claimed = facts.claimed
    cands = [_drop_lead_word(c) for c in facts.cands if key(c.name)
             and not (c.source == NER and any(cs < c.end and c.start < ce for cs, ce in claimed))]
    _acronyms(cands, text)
    _link_variants(cands)
    _link_truncations(cands)
    _link_surnames(cands)
    _link_misspellings(cands)
    uf = _UF()
    owner: dict[str, int] = {}
    for i, c in enumerate(cands):
        for k in {key(c.name), *(key(a) for a in c.aliases)} - {""}:
            # a person and an organization never merge on a shared alias
            if k in owner and _compatible(cands[owner[k]], c):
                uf.union(owner[k], i)
            else:
                owner.setdefault(k, i)
    clusters: dict[int, list[int]] = {}
    for i in range(len(cands)):
        clusters.setdefault(uf.find(i), []).append(i)

    entities: list[ExtractedEntity] = []
    by_key: dict[str, ExtractedEntity] = {}
    mention_count: Counter = Counter()
    for n, members in enumerate(sorted(clusters.values(), key=lambda m: cands[m[0]].start)):
        group = [cands[i] for i in members]
        etype, subtype = _pick_type(group)
        name = _pick_name(group, etype)
        aliases: list[str] = []
        seen = {key(name)}
        for c in group:
            for a in [c.name, *c.aliases]:
                a = squash(a)
                if fold(a) != fold(name) and a not in aliases and a:
                    aliases.append(a)
                seen.add(key(a))
        attrs: dict = {}
        for c in group:
            for k_, v in c.attributes.items():
                attrs.setdefault(k_, v)
        mentions = sorted({(c.start, c.end) for c in group})
        ent = ExtractedEntity(
            key=f"e{n + 1}", type=EntityType(etype), name=name, subtype=subtype if etype == "Organization" else None,
            aliases=aliases, attributes=attrs,
            mentions=[Mention(document.id, s, e, squash(text[s:e])) for s, e in mentions],
            groups={f"{document.id}:{g}" for c in group for g in c.groups},
        )
        entities.append(ent)
        mention_count[ent.key] = len(mentions)
        for k_ in seen:
            by_key.setdefault(k_, ent)

    for ent in entities:  # how often each organization is named in the whole text
        if ent.type is EntityType.ORGANIZATION:
            mention_count[ent.key] = max(mention_count[ent.key], sum(
                text.count(n) for n in {ent.name, *ent.aliases} if len(n) > 2))
    subject = _subject(entities, mention_count, text)
    relations: list[ExtractedRelation] = []
    seen_rel: dict[tuple, int] = {}
    linked: set[str] = set()
    projects = [e for e in entities if e.type is EntityType.PROJECT]
    for r in facts.rels:
        src = _resolve(r.source, by_key, subject, projects, mention_count)
        tgt = _resolve(r.target, by_key, subject, projects, mention_count)
        rtype = r.type
        if r.target == PROJECT_OR_SUBJECT:
            tgt = _project_before(projects, r.start) or subject
            if tgt is not None and tgt.type is not EntityType.PROJECT:
                rtype = RelType.PARTNERS_WITH
        if rtype == RelType.PARTNERS_WITH and src is not None and tgt is not None and (
                src.type is EntityType.PROJECT) != (tgt.type is EntityType.PROJECT):
            # "the Foo project is carried out in collaboration with Acme": Acme takes part in Foo
            if src.type is EntityType.PROJECT:
                src, tgt = tgt, src
            rtype = RelType.PARTICIPATES_IN
        if src is None or tgt is None or src is tgt or not _valid(rtype, src, tgt):
            continue
        a, b = src.key, tgt.key
        if rtype == RelType.PARTNERS_WITH and b < a:
            a, b = b, a
        k_ = (rtype, a, b)
        sentence = squash(text[r.start:r.end])[:500]
        rel = ExtractedRelation(RelType(rtype), a, b, Evidence(document.id, r.start, r.end, sentence),
                                role=r.role)
        if k_ in seen_rel:
            if rel.role and not relations[seen_rel[k_]].role:
                relations[seen_rel[k_]] = rel
            continue
        seen_rel[k_] = len(relations)
        relations.append(rel)
        linked.update((a, b))
    relations += focus_participants(text, document.id, entities, relations, lexicon(document.language))
    linked.update(k for r in relations for k in (r.source, r.target))
    if prune:  # a project is a named thing *with* a leader, funder or participants
        entities = [e for e in entities if e.type is not EntityType.PROJECT or e.key in linked]
    return Extraction(document, entities, relations)


#: words that make a name a unit apart from the short form it contains
_UNIT_WORDS = W.set("UNIT_WORD")
_SITE_WORDS = W.set("SITE_WORD")
_INST_WORDS = W.set("INSTITUTION_WORD")
_FUNCTION = W.set("FUNCTION_WORD")
_OF_WORDS = W.set("OF_WORD")


_HEADS = rf"(?:{W.UNIT_HEAD})"  # not Labs or Foundation: units apart
_HEAD_SHORT = re.compile(rf"^{_HEADS}\s+(?P<short>[A-ZÀ-ÖØ-Þ][\w’'-]{{2,}})(?:\s+(?:{W.UNIT_LINK})\b.*)?$")
_SHORT_HEAD = re.compile(rf"^(?P<short>[A-ZÀ-ÖØ-Þ][\w’'-]{{2,}})\s+{_HEADS}$")


def _link_variants(cands: list[Cand]) -> None:
    """Add aliases that make variants of one name meet: 'Vireo University' /
    'Université Vireo', 'École Technique de Laval' / 'Technique Laval',
    and an acronym used alone ('CRAN') / the long name whose initials it is."""
    inst: dict[str, Cand] = {}
    longs: dict[str, Cand] = {}
    for c in cands:
        if c.type == EntityType.UNIVERSITY:
            words = [w for w in fold(c.name).split() if w not in _INST_WORDS]
            k = " ".join(sorted(words))
            if k and k in inst and key(inst[k].name) != key(c.name):
                inst[k].aliases.append(c.name)
            inst.setdefault(k, c)
        if c.type in ORG_LIKE and len(c.name.split()) >= 2:
            initials = "".join(w[0] for w in fold(c.name).split() if w not in _FUNCTION)
            if len(initials) >= 2:
                longs.setdefault(initials, c)
    # a short form: "Lumen" for "Institut Lumen de recherche en IA" / "Lumen Institute"
    shorts: dict[str, set[str]] = {}
    for c in cands:
        if c.type in ORG_LIKE:
            m = _HEAD_SHORT.match(c.name) or _SHORT_HEAD.match(c.name)
            if m:
                shorts.setdefault(key(m.group("short")), set()).add(c.name)
    # "Zephyrin" for "Zephyrin Logistique", "Corvane" for "Épiceries Corvane": a two-word
    # company name whose other word is not a unit of its own ("Nordex Labs", "Fondation X" stay apart)
    for c in cands:
        if c.type == EntityType.ORGANIZATION and c.subtype != "government":
            words = _SUFFIX.sub("", fold(c.name)).split()
            raw = c.name.split()
            if len(words) == 2 and len(raw) >= 2 and all(w[:1].isupper() for w in raw[:2]) \
                    and not set(words) & _UNIT_WORDS:
                for w in words:
                    if len(w) >= 4:
                        shorts.setdefault(w, set()).add(c.name)
    by_name = {c.name: c for c in cands if c.type in ORG_LIKE}
    for c in cands:
        if c.type in ORG_LIKE and " " not in c.name.strip() and not c.name.isupper():
            longs_ = shorts.get(key(c.name), set())
            if len({key(n) for n in longs_}) == 1:
                target = by_name[next(iter(longs_))]
                if c.name not in target.aliases:
                    target.aliases.append(c.name)
    for c in cands:
        if c.type in ORG_LIKE and re.fullmatch(r"[A-Z]{2,8}", c.name):
            target = longs.get(c.name.casefold())
            if target is not None and c.name not in target.aliases:
                target.aliases.append(c.name)
    _link_prefixes(cands)


def _link_truncations(cands: list[Cand]) -> None:
    """A name cut short where a longer one starts at the same place ("École" read by one
    rule, "École de génie de Nordville" by another) is that longer name."""
    longest: dict[int, Cand] = {}
    for c in cands:
        if c.type in ORG_LIKE and (c.start not in longest or len(c.name) > len(longest[c.start].name)):
            longest[c.start] = c
    for c in cands:
        full = longest.get(c.start)
        if c.type in ORG_LIKE and full is not None and full is not c and len(full.name) > len(c.name) \
                and full.name.startswith(c.name) and full.name[len(c.name):len(c.name) + 1] in (" ", ","):
            _alias(c, full.name)


def _link_surnames(cands: list[Cand]) -> None:
    """A person named again by surname alone ("Okafor" after "Ada Okafor") is that
    person, whatever NER called the short mention. Left alone: a name a rule typed as an
    organization, a surname two persons share, and a word that opens an organization's
    name ("Okafor" beside "Okafor Freight")."""
    persons = sorted((c for c in cands if c.type == EntityType.PERSON and len(c.name.split()) >= 2),
                     key=lambda c: c.start)
    owners: dict[str, dict[str, Cand]] = {}
    for p in persons:
        toks = p.name.split()
        for k in {key(" ".join(toks[1:])), key(toks[-1])} - {""}:
            owners.setdefault(k, {}).setdefault(key(p.name), p)
    org_words = {w[0] for c in cands
                 if c.type in ORG_LIKE and len(c.name.split()) >= 2 and (w := _words(c.name))}
    for c in cands:
        if len(c.name.split()) > 2 or c.name.isupper() or (c.source == RULE and c.type != EntityType.PERSON):
            continue
        k = key(c.name)
        found = owners.get(k, {})
        if len(found) != 1 or k in org_words:
            continue
        person = next(iter(found.values()))
        if person is not c and person.start < c.start and key(person.name) != k:
            c.type, c.subtype = EntityType.PERSON, None
            _alias(person, c.name)


def _link_misspellings(cands: list[Cand]) -> None:
    """A one-word organization name one letter off another in the same text
    ("Quillon" / "Quillons") is a slip of the writer's, not a second company."""
    singles: dict[str, Cand] = {}
    for c in sorted(cands, key=lambda c: c.start):
        if c.type == EntityType.ORGANIZATION and " " not in c.name.strip() and not c.name.isupper():
            singles.setdefault(key(c.name), c)
    by_head: dict[str, list[str]] = {}
    for k in singles:
        if len(k) >= 6:
            by_head.setdefault(k[:4], []).append(k)
    for ks in by_head.values():
        for i, a in enumerate(ks):
            for b in ks[i + 1:]:
                if Levenshtein.distance(a, b) == 1:
                    _alias(singles[a], singles[b].name)


def _words(name: str) -> list[str]:
    return _SUFFIX.sub("", fold(name)).split()


def _link_prefixes(cands: list[Cand]) -> None:
    """Shortened names: "Acme" / "Nordville Short Line" for "Acme Precision
    Parts" / "Nordville Short Line Railway" (the leading words of one longer name,
    the rest no unit of its own); "Nordville" for "Nordville University" (a university
    named without "of"/"de", so "Sudbourg" or "Montréal" stay places); "CHU Mont-Azur"
    for "Centre hospitalier universitaire Mont-Azur" (initials, then the same words)."""
    orgs = [c for c in cands if c.type in ORG_LIKE and c.subtype != "government"]
    words = {id(c): _words(c.name) for c in orgs}  # normalised once: documents have hundreds of names
    first: dict[str, int] = {}
    by_first: dict[str, list[Cand]] = {}
    unis: dict[str, list[Cand]] = {}
    for c in orgs:
        first[key(c.name)] = min(first.get(key(c.name), c.start), c.start)
        w = words[id(c)]
        if w:
            by_first.setdefault(w[0], []).append(c)
        rest = [x for x in w if x not in _INST_WORDS]
        if c.type == EntityType.UNIVERSITY and len(rest) == 1 and not set(w) & _OF_WORDS:
            unis.setdefault(rest[0], []).append(c)
    for c in orgs:
        w = words[id(c)]
        if not w or c.name.isupper() or not c.name[:1].isupper():
            continue
        # a short form refers back to a name already given (or shortens it in the headline);
        # named first on its own it is an organization of its own ("Acme" then "Acme Aircraft")
        at = first[key(c.name)]
        longer = {key(o.name): o for o in by_first.get(w[0], []) if len(words[id(o)]) > len(w)
                  and words[id(o)][:len(w)] == w and (first[key(o.name)] < at or at < _HEADLINE)}
        if longer and (len(w) > 1 or len(w[0]) >= 4):
            longest = max(longer.values(), key=lambda o: len(words[id(o)]))
            lw = words[id(longest)]
            chain = all(words[id(o)] == lw[:len(words[id(o)])] for o in longer.values())
            rest = set(lw[len(w):])
            # "Nordville General" for "Nordville General Hospital": a two-word name before its institution noun
            if chain and longest.type == EntityType.ORGANIZATION and (not rest & _UNIT_WORDS or len(w) >= 2 and rest <= _SITE_WORDS):
                _alias(longest, c.name)
                continue
        if len(w) == 1 and len(w[0]) >= 4 and len({key(u.name) for u in unis.get(w[0], [])}) == 1:
            _alias(unis[w[0]][0], c.name)
    for c in orgs:
        m = re.fullmatch(r"([A-Z]{2,6})\s+(\S.*)", c.name)
        if not m:
            continue
        tail = _words(m.group(2))
        for o in orgs:
            ow = words[id(o)]
            if len(ow) > len(tail) and ow[-len(tail):] == tail and is_acronym_of(m.group(1), " ".join(
                    o.name.split()[:len(o.name.split()) - len(m.group(2).split())])):
                _alias(o, c.name)
                break


#: characters of a document's headline and deck, where names are shortened before they are given
_HEADLINE = 400


def _alias(target: Cand, name: str) -> None:
    if name not in target.aliases and key(name) != key(target.name):
        target.aliases.append(name)


def _compatible(a: Cand, b: Cand) -> bool:
    pa, pb = a.type == EntityType.PERSON, b.type == EntityType.PERSON
    if pa != pb and a.source == RULE and b.source == RULE:
        return False
    return not (a.groups & b.groups and key(a.name) != key(b.name))


def _pick_type(group: list[Cand]) -> tuple[str, str | None]:
    ruled = [c for c in group if c.source == RULE] or group
    types = Counter(c.type for c in ruled)
    if EntityType.PROJECT in types:
        etype = EntityType.PROJECT
    else:
        etype = types.most_common(1)[0][0]
        if etype == EntityType.ORGANIZATION and EntityType.UNIVERSITY in types:
            etype = EntityType.UNIVERSITY
    subs = Counter(c.subtype for c in ruled if c.subtype and c.type == etype)
    return etype, (subs.most_common(1)[0][0] if subs else ("company" if etype == EntityType.ORGANIZATION else None))


def _pick_name(group: list[Cand], etype: str) -> str:
    ruled = [c for c in group if c.source == RULE and c.type == etype] or group

    def rank(c: Cand) -> tuple:
        n = squash(c.name)
        person = etype == EntityType.PERSON
        # a person's shortest full name (glued words make longer ones), never the surname alone
        return (person and " " not in n, n.isupper() and len(n) > 5, not n[:1].isupper(),
                len(n) if person else -len(n))

    return squash(min(ruled, key=rank).name)


_ABOUT = re.compile(rf"(?im)^[ \t#]*(?:{W.ABOUT_HEADING})(?P<rest>[^\n]{{2,120}})$")


def _subject(entities: list[ExtractedEntity], counts: Counter, text: str = "") -> ExtractedEntity | None:
    """The organization the document is about: one named in its title line or in an
    "About X" / "À propos de X" heading, else the one named most often."""
    projects = {key(e.name) for e in entities if e.type is EntityType.PROJECT}
    orgs = [e for e in entities if e.type is EntityType.ORGANIZATION and e.subtype != "government"
            and key(e.name) not in projects]
    if not orgs:
        return None
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    heads = [first, *(m.group("rest") for m in _ABOUT.finditer(text))]

    def named(e: ExtractedEntity) -> bool:  # the title or the heading opens with the name
        return any(re.match(rf"[\s#]*(?:(?:{W.ARTICLE_HEADING})\s*)?{re.escape(n)}(?!\w)", h, re.I)
                   for n in {e.name, *e.aliases} if len(n) > 2 for h in heads)

    return max(orgs, key=lambda e: (named(e), counts[e.key], -int(e.key[1:])))


def _resolve(name: str, by_key, subject, projects, counts) -> ExtractedEntity | None:
    if name == SUBJECT:
        return subject
    if name == MAIN_PROJECT:
        return max(projects, key=lambda e: counts[e.key]) if projects else None
    return by_key.get(key(name)) or by_key.get(key(_LEAD_WORD.sub("", name)))


def _project_before(projects: list[ExtractedEntity], pos: int) -> ExtractedEntity | None:
    """The project named most often before ``pos`` (the latest first mention on ties)."""
    before = [(sum(m.start < pos for m in p.mentions), min(m.start for m in p.mentions), p)
              for p in projects if p.mentions and min(m.start for m in p.mentions) < pos]
    return max(before, key=lambda t: t[:2])[2] if before else None


def _valid(rtype: str, src: ExtractedEntity, tgt: ExtractedEntity) -> bool:
    s, t = src.type.value, tgt.type.value
    if rtype == RelType.PARTICIPATES_IN:
        return t == EntityType.PROJECT and s != EntityType.PROJECT
    if rtype in (RelType.LEADS, RelType.FUNDS):
        return t == EntityType.PROJECT and s in ORG_LIKE
    if rtype == RelType.AFFILIATED_WITH:
        return s == EntityType.PERSON and t in ORG_LIKE
    if rtype == RelType.PARTNERS_WITH:
        return s in ORG_LIKE and t in ORG_LIKE
    return False
