"""Explainable features: pure ``(a, b) -> FeatureScore`` over two names.

Each feature says how much it believes two names denote the same entity and
why. A negative score (:data:`VETO`) is a qualifier that forbids the merge
whatever the other features say. Scores are calibrated so that ``>= 0.85`` is
enough to merge on its own (see :mod:`graph.resolve.scoring`) and lower scores
only support a merge other evidence proposes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from graph.resolve.normalize import (
    BUSINESS,
    CORPORATE,
    DROPPABLE,
    STOPWORDS,
    acronym_match,
    compound_words,
    core_tokens,
    digits,
    field_head,
    fold,
    is_partnership,
    key_of,
    looks_like_acronym,
    purpose_head,
    qualifiers,
    strip_legal,
)
from graph.resolve.weights import threshold, w

VETO = -1.0


@dataclass(frozen=True)
class FeatureScore:
    name: str  # the rule that decided (its weight is in weights.json), or the veto
    score: float
    detail: str
    left_value: str = ""
    right_value: str = ""

    @property
    def veto(self) -> bool:
        return self.score < 0


@dataclass(frozen=True)
class NameInfo:
    """What the features need to know about one name, computed once."""

    raw: str
    folded: str
    tokens: tuple[str, ...]
    tset: frozenset[str]
    key: str
    content: str  # non-concept tokens, sorted, joined
    concepts: frozenset[str]
    acronym_like: bool
    single: bool
    digits: frozenset[str]
    person: bool
    compact: str  # tokens in order, no spaces
    words: list[str]  # folded words in order, legal form and stop words dropped
    quals: frozenset[str] = frozenset()  # country / region qualifiers at either end
    core: frozenset[str] = frozenset()  # tset without the qualifiers
    bare_quals: frozenset[str] = frozenset()  # "Acme Canada" (not "Acme of Canada")
    partnership: bool = False  # carries LLP, S.E.N.C.R.L....


@lru_cache(maxsize=300_000)
def info(raw: str, person: bool = False) -> NameInfo:
    tokens = core_tokens(raw, person)
    tset = frozenset(tokens)
    quals, bare = (frozenset(), frozenset()) if person else qualifiers(raw)
    # people: word order matters ("Paul Martin" is not "Martin Paul")
    key = " ".join(tokens) if person else key_of(tokens)
    concepts = frozenset(t for t in tset if t.startswith("#"))
    content = " ".join(sorted(t for t in tokens if not t.startswith("#")))
    words = [w for w in strip_legal(fold(raw).split(), compound_words(raw)) if w not in STOPWORDS]
    # "ACME inc." is one word as far as acronyms go; its raw spelling says if it is one
    single = len(words) <= 1
    shape = raw
    if single and words and " " in raw.strip():
        shape = next((t for t in raw.split() if fold(t) == words[0]), raw)
    return NameInfo(
        raw=raw, folded=fold(raw), tokens=tokens, tset=tset, key=key,
        content=content, concepts=concepts,
        acronym_like=looks_like_acronym(shape) and not person,
        single=single, digits=digits(tokens), person=person,
        compact="".join(t for t in tokens if not t.startswith("#")),
        words=words,
        quals=quals, core=tset - quals, bare_quals=bare,
        partnership=not person and is_partnership(raw),
    )


_NONE: dict[str, FeatureScore] = {}


def _none(name: str, a: NameInfo, b: NameInfo, detail: str = "") -> FeatureScore:
    """The feature does not apply (one shared object per feature: the hot path)."""
    found = _NONE.get(name)
    if found is None:
        found = _NONE[name] = FeatureScore(name, 0.0, "does not apply")
    return found


def exact_key(a: NameInfo, b: NameInfo) -> FeatureScore:
    """Same content tokens once folded, legal form and stop words dropped, generic
    words mapped across languages, order ignored."""
    if a.key and a.key == b.key:
        return FeatureScore("exact_key", w("exact_key"), f"same key {a.key!r}", a.raw, b.raw)
    return _none("exact_key", a, b)


def compact(a: NameInfo, b: NameInfo) -> FeatureScore:
    """Same letters once spaces go: "NordSoft" = "Nord Soft"."""
    if a.compact and a.compact == b.compact and len(a.compact) >= 5 and a.concepts == b.concepts:
        return FeatureScore("compact", w("compact"), "same letters without spaces", a.raw, b.raw)
    return _none("compact", a, b)


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def digits_differ(a: NameInfo, b: NameInfo) -> FeatureScore:
    """"Lab 1" and "Lab 2" are different things; "Forum 2025" may be "Forum" (an
    edition year on one side only is left to the other features)."""
    if a.digits != b.digits:
        if not (a.digits and b.digits) and all(_YEAR.match(d) for d in a.digits | b.digits):
            return _none("digits_differ", a, b)
        return FeatureScore("digits_differ", VETO, "different numbers",
                            " ".join(sorted(a.digits)), " ".join(sorted(b.digits)))
    return _none("digits_differ", a, b)


def token_subset(a: NameInfo, b: NameInfo) -> FeatureScore:
    """One name's tokens strictly inside the other's.

    Extra generic institution words (Université, École, Institut…) keep the
    identity; so do extra corporate words (Solutions, Technologies, Group…) and
    country or region qualifiers at either end of the longer name ("Acme Canada"),
    with little weight; any other extra content word (Labs, Fondation, Business
    Aircraft, a city) names a different entity and vetoes the merge.
    """
    if a.tset == b.tset or not a.tset or not b.tset:
        return _none("token_subset", a, b)
    if a.tset < b.tset:
        small, big = a, b
    elif b.tset < a.tset:
        small, big = b, a
    else:
        return _none("token_subset", a, b)
    extra = big.tset - small.tset
    shown = " ".join(sorted(extra))
    has_content = any(not t.startswith("#") for t in small.tokens)
    if all(_YEAR.match(t) for t in extra) and has_content:
        return _rule("token_subset.year", f"edition year {shown!r}", a, b)
    if extra <= DROPPABLE:
        content = [t for t in small.tokens if not t.startswith("#")]
        if not content:
            return _rule("token_subset.generic_only", f"only generic words beside {shown!r}", a, b)
        rule = "token_subset.generic" if len(small.tset) >= 2 else "token_subset.generic_short"
        return _rule(rule, f"extra generic word(s) {shown!r}", a, b)
    small_core = small.tset - small.quals
    if has_content and small_core and small_core - CORPORATE - BUSINESS:
        quals = extra & big.quals
        if quals & big.bare_quals and not (a.partnership or b.partnership):
            quals = frozenset()  # "Acme Canada" beside "Acme": often a national subsidiary
        corporate = extra & CORPORATE
        business = extra & BUSINESS
        if extra <= DROPPABLE | quals | corporate | business:
            if small.quals and quals:
                return FeatureScore("qualifiers_differ", VETO, "different country or region qualifiers",
                                    " ".join(sorted(small.quals)), " ".join(sorted(big.quals)))
            # a line of business names a branch as often as the whole: its own (fitted) rule
            if business:
                rule, what = "token_subset.business", "line-of-business word(s)"
            elif corporate:
                rule, what = "token_subset.corporate", "corporate word(s)"
            else:
                rule, what = "token_subset.qualifier", "country or region qualifier(s)"
            return _rule(rule, f"extra {what} {shown!r}", a, b)
    return FeatureScore("token_subset", VETO, f"extra distinctive word(s) {shown!r}", small.raw, big.raw)


def business_differ(a: NameInfo, b: NameInfo) -> FeatureScore:
    """"Acme Railway" and "Acme Robotics" (or "Acme Energy", "Groupe Acme"): the same name
    with a line-of-business word on one side and another word on the other names two
    bodies (two branches, or a branch and its parent), never one with generic words."""
    if a.person or b.person:
        return _none("business_differ", a, b)
    a_only, b_only = a.tset - b.tset, b.tset - a.tset
    if not a_only or not b_only or not (a_only | b_only) & BUSINESS:
        return _none("business_differ", a, b)
    shared = a.tset & b.tset
    if not any(not t.startswith("#") and t not in BUSINESS and t not in CORPORATE for t in shared):
        return _none("business_differ", a, b)  # nothing of the name itself in common
    for x in a_only:
        for y in b_only:
            if Levenshtein.distance(x, y, score_cutoff=2) <= 2 or \
                    (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))):
                return _none("business_differ", a, b)  # a misspelling or a short form ("Rail")
    left, right = " ".join(sorted(a_only)), " ".join(sorted(b_only))
    return FeatureScore("business_differ", VETO, f"different lines of business {left!r} / {right!r}",
                        left, right)


def qualifiers_differ(a: NameInfo, b: NameInfo) -> FeatureScore:
    """"Acme Canada" and "Acme France": the same name with two different country or
    region qualifiers names two entities."""
    if a.quals and b.quals and a.quals != b.quals and a.core == b.core and a.core:
        return FeatureScore("qualifiers_differ", VETO, "different country or region qualifiers",
                            " ".join(sorted(a.quals)), " ".join(sorted(b.quals)))
    return _none("qualifiers_differ", a, b)


def _rule(rule: str, detail: str, a: NameInfo, b: NameInfo) -> FeatureScore:
    return FeatureScore(rule, w(rule), detail, a.raw, b.raw)


def typo(a: NameInfo, b: NameInfo) -> FeatureScore:
    """Same words but one or two, each misspelt by one edit (two in words of ten
    letters or more), with the same first letter: "Sherbroke" ~ "Sherbrooke"."""
    if a.concepts != b.concepts or a.content == b.content or not a.content or not b.content \
            or len(a.tokens) != len(b.tokens):
        return _none("typo", a, b)
    a_only = sorted(a.tset - b.tset)
    b_only = sorted(b.tset - a.tset)
    if not a_only or len(a_only) != len(b_only) or len(a_only) > 2:
        return _none("typo", a, b)
    total = 0
    for x, y in zip(a_only, b_only, strict=True):
        n = min(len(x), len(y))
        # a lone brand name needs more letters than a word with context ("Université Rivière-Clairee")
        # (surnames are dense: "Girard" and "Gérard" are two people)
        shortest = 7 if a.person or not (a.concepts or len(a.tokens) > 1) else 5
        if _doubled(x, y) and n >= 4:
            total += 1  # a doubled letter written once ("Ammann" / "Amman"): a slip, not two names
            continue
        if n < shortest or x[0] != y[0]:
            return _none("typo", a, b)
        allowed = 1 if n < 10 else 2
        dist = Levenshtein.distance(x, y, score_cutoff=allowed)
        if dist > allowed:
            return _none("typo", a, b)
        total += dist
    rule = "typo.person" if a.person else "typo"
    return FeatureScore(rule, w(rule), f"{total} edit(s)",
                        " ".join(a_only), " ".join(b_only))


def _doubled(x: str, y: str) -> bool:
    """One word is the other with a doubled letter written once ("ammann" / "amman")."""
    long, short = (x, y) if len(x) > len(y) else (y, x)
    if len(long) != len(short) + 1:
        return False
    return any(long[i] == long[i - 1] and long[:i] + long[i + 1:] == short for i in range(1, len(long)))


def acronym(a: NameInfo, b: NameInfo) -> FeatureScore:
    """A one-word name spelling the other's words (initials or word prefixes).

    A candidate signal only (0.7), never enough to merge alone, unless the
    acronym carries a whole content word (URC ~ Université de Rivière-Claire: 0.87).
    """
    if a.person or b.person:
        return _none("acronym", a, b)
    for short, long in ((a, b), (b, a)):
        if short.single and short.words and not long.single and short.words[0] not in long.words:
            # (a word of the long name is no acronym of it: "Acme" / "Acme Group" is a subset)
            level = acronym_match(short.words[0], long.raw)
            if level == 2 and short.acronym_like:
                return FeatureScore("acronym.whole_word", w("acronym.whole_word"), "acronym with a whole word", short.raw, long.raw)
            if level:
                return FeatureScore("acronym.initials", w("acronym.initials"), "initials (candidate only)", short.raw, long.raw)
    return _none("acronym", a, b)


def _content_words(n: NameInfo) -> list[str]:
    return n.words


def inner_acronym(a: NameInfo, b: NameInfo) -> FeatureScore:
    """"CHU Sainte-Justine" ~ "Centre hospitalier universitaire Sainte-Justine": one
    word of a name is the initials of a run of words of the other, the rest equal."""
    if a.person or b.person or a.single or b.single:
        return _none("inner_acronym", a, b)
    for short, long in ((a, b), (b, a)):
        sw, lw = _content_words(short), _content_words(long)
        if len(lw) <= len(sw):
            continue
        for i, word in enumerate(sw):
            if len(word) < 2 or word in lw:
                continue
            run = len(word)
            for j in range(len(lw) - run + 1):
                if "".join(w[0] for w in lw[j:j + run]) == word and \
                        sw[:i] + sw[i + 1:] == lw[:j] + lw[j + run:]:
                    return FeatureScore("inner_acronym", w("inner_acronym"), f"{word!r} abbreviates "
                                        f"{' '.join(lw[j:j + run])!r}", short.raw, long.raw)
    return _none("inner_acronym", a, b)


def purpose_tail(a: NameInfo, b: NameInfo) -> FeatureScore:
    """"Acme Institute for Artificial Intelligence" ~ "Acme Institute": an
    institution name followed by what it is for (purpose words: "for", "pour"...)."""
    if a.person or b.person:
        return _none("purpose_tail", a, b)
    for short, long in ((a, b), (b, a)):
        if not (short.concepts & DROPPABLE and len(short.tset) >= 2):
            continue
        head = purpose_head(long.raw)
        if head and core_tokens(head) and key_of(core_tokens(head)) == short.key:
            return FeatureScore("purpose_tail", w("purpose_tail"), f"what follows describes {short.raw!r}",
                                short.raw, long.raw)
        # "Institut Acme de recherches médicales" ~ "Institut Acme": the field it works in
        head = field_head(long.raw)
        if head and core_tokens(head) and key_of(core_tokens(head)) == short.key:
            return FeatureScore("purpose_tail.field", w("purpose_tail.field"),
                                f"what follows names the field of {short.raw!r}", short.raw, long.raw)
    return _none("purpose_tail", a, b)


#: concepts that open the legal title of a government department ("Department of X")
DEPARTMENT = frozenset({"#dept", "#min"})


def department_title(a: NameInfo, b: NameInfo) -> FeatureScore:
    """"Department of Acme Affairs" ~ "Acme Affairs Canada": a government department's
    legal title and its applied title, the same words with the department word on one
    side and the country or region qualifier on the other."""
    for long, short in ((a, b), (b, a)):
        if not long.concepts & DEPARTMENT or short.concepts & DEPARTMENT or not short.bare_quals:
            continue
        words = long.tset - DEPARTMENT - long.quals
        if words and words == short.tset - short.quals and long.quals <= short.quals \
                and any(not t.startswith("#") for t in words):
            return FeatureScore("department_title", w("department_title"),
                                "department's legal title and its applied title", long.raw, short.raw)
    return _none("department_title", a, b)


def person_initials(a: NameInfo, b: NameInfo) -> FeatureScore:
    """"J. Tremblay" ~ "Jean Tremblay": same last name, compatible initials (candidate)."""
    if not (a.person and b.person) or len(a.tokens) != len(b.tokens) or a.tokens[-1:] != b.tokens[-1:]:
        return _none("person_initials", a, b)
    for x, y in zip(a.tokens[:-1], b.tokens[:-1], strict=True):
        if not (x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))):
            return _none("person_initials", a, b)
    return FeatureScore("person_initials", w("person_initials"), "initials of the same name (candidate only)", a.raw, b.raw)


NAME_FEATURES = (exact_key, digits_differ, qualifiers_differ, business_differ, compact, purpose_tail, department_title,
                 token_subset, typo, acronym, inner_acronym, person_initials)


def compare_names(a: NameInfo, b: NameInfo) -> FeatureScore:
    """The decisive feature for two names: a veto if any, else the best positive."""
    if a.raw == b.raw or (a.key and a.key == b.key):
        return FeatureScore("exact_key", w("exact_key"), f"same key {a.key!r}", a.raw, b.raw)
    best = _none("none", a, b, "no feature applies")
    if a.tset.isdisjoint(b.tset) and not (a.single or b.single) and a.compact != b.compact \
            and abs(len(a.content) - len(b.content)) > 2:
        return best  # fast path: no feature can apply to two unrelated multi-word names
    for feature in NAME_FEATURES[1:]:
        result = feature(a, b)
        if result.veto:
            return best if best.name.startswith("purpose_tail") and best.score >= threshold("auto") else result
        if result.score > best.score:
            best = result
    return best
