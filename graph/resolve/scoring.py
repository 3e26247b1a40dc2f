"""Score two mentions: the best positive name feature, then negative qualifiers.

Negative qualifiers (each a veto):

* type incompatibility: a Person or a Project only ever matches its own type;
  Organization vs University only on an exact name key (strong evidence);
* different country or region qualifiers on the same name ("Acme Canada" /
  "Acme France");
* cannot-link: two items of the same list (``group``) are different entities;
* conflicting qualifiers: "X (Université A)" is not "X (Université B)";
* a name that is a strict token superset of the other with distinctive extra
  words (see :func:`graph.resolve.features.token_subset`).

A qualifier that names a sub-unit ("Université X – Faculté Y") caps the score:
the mention is more specific than the bare name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from graph.resolve.features import VETO, FeatureScore, NameInfo, acronym, compare_names, info
from graph.resolve.normalize import CORPORATE, name_key, parse, qualifier_is_parent
from graph.resolve.weights import threshold, w
from grappe.model import ORG_LIKE

#: a pair at or above this merges on its own (fitted: see graph.resolve.weights)
AUTO_THRESHOLD = threshold("auto")
#: average score across two clusters needed to merge them (average link; fitted)
LINK_THRESHOLD = threshold("link")
#: rules that only propose a pair (bare initials): a merge needs the unique-candidate rule
CANDIDATE_ONLY = frozenset({"acronym.initials"})



@dataclass(frozen=True)
class Profile:
    """A mention (or several identical ones) as the scorer sees it."""

    raw: str
    type: str  # "" when unknown
    groups: frozenset[str]
    primary: NameInfo
    names: tuple[NameInfo, ...]  # primary first, then defined aliases
    qualifier: str  # folded key of the qualifier, "" if none
    parent_qualifier: bool
    spellings: tuple[NameInfo, ...] = ()  # the primary's key in other words, for acronyms only


def profile(raw: str, type_: str = "", groups: frozenset[str] = frozenset()) -> Profile:
    parsed = parse(raw)
    person = type_ == "Person"
    names = tuple(info(n, person) for n in parsed.names)
    qualifier = name_key(parsed.qualifier) if parsed.qualifier else ""
    return Profile(raw, type_ or "", frozenset(groups), names[0], names, qualifier,
                   bool(parsed.qualifier and qualifier_is_parent(parsed.qualifier)))


def profile_with_aliases(name: str, aliases: Iterable[str], type_: str = "",
                         groups: frozenset[str] = frozenset()) -> Profile:
    """A stored or extracted entity: its name (parsed as a mention) and its known aliases."""
    person = type_ == "Person"
    parsed = parse(name)
    forms: list[str] = list(parsed.names)
    for alias in aliases:
        if alias and alias not in forms:
            forms.append(alias)
    names = tuple(info(n, person) for n in forms)
    qualifier = name_key(parsed.qualifier) if parsed.qualifier else ""
    return Profile(name, type_, groups, names[0], names, qualifier,
                   bool(parsed.qualifier and qualifier_is_parent(parsed.qualifier)))


@dataclass(frozen=True)
class Match:
    score: float
    reason: str
    features: tuple[FeatureScore, ...] = field(default=())
    rule: str = ""  # the weighted rule that set the score (see weights.json)

    @property
    def veto(self) -> bool:
        return self.score < 0


def _veto(reason: str, *features: FeatureScore) -> Match:
    return Match(VETO, reason, features)


def type_check(a: str, b: str) -> str | None:
    """None when compatible without evidence; "strong" when only strong evidence
    may join them; "never" when they can't be the same entity."""
    if not a or not b or a == b:
        return None
    if a in ORG_LIKE and b in ORG_LIKE:
        return "strong"
    return "never"


def score(a: Profile, b: Profile) -> Match:
    """How likely ``a`` and ``b`` denote the same entity, with the reason."""
    types = type_check(a.type, b.type)
    if types == "never":
        return _veto(f"type {a.type} vs {b.type}")
    if a.groups & b.groups:
        return _veto("same list (cannot-link): " + ", ".join(sorted(a.groups & b.groups)))
    if a.qualifier and b.qualifier and a.qualifier != b.qualifier:
        return _veto(f"different qualifiers {a.qualifier!r} vs {b.qualifier!r}")

    best: FeatureScore | None = None
    deciding: FeatureScore | None = None  # the best feature that may merge on its own
    primary = compare_names(a.primary, b.primary)
    if not primary.veto:
        best = primary
    for x in a.names:
        for y in b.names:
            if x is a.primary and y is b.primary:
                result = primary
            else:
                result = compare_names(x, y)
            if result.veto:
                continue
            if best is None or result.score > best.score:
                best = result
            if result.name not in CANDIDATE_ONLY and (deciding is None or result.score > deciding.score):
                deciding = result
    if best is not None and best.name in CANDIDATE_ONLY and deciding is not None \
            and deciding.score >= threshold("auto"):
        # "Acme Central Railway" / "Acme Central (AC)": bare initials only propose a pair;
        # they must not hide the names' own match ("Acme Central" + a corporate word)
        best = deciding
    if a.spellings or b.spellings:
        # "NRX" beside "National Research X" spelt "Conseil national de recherches X" first
        pairs = [(x, y) for x in a.spellings for y in (*b.names, *b.spellings)]
        pairs += [(x, y) for x in a.names for y in b.spellings]
        for x, y in pairs:
            if x.single != y.single:
                result = acronym(x, y)
                if result.score > 0 and (best is None or result.score > best.score):
                    best = result
    if best is None or best.score < threshold("auto"):
        if primary.veto:
            return _veto(primary.detail, primary)
    elif best is not primary and primary.score < 0.5 and not a.primary.single \
            and not b.primary.single \
            and Levenshtein.distance(a.primary.key, b.primary.key, score_cutoff=3) > 3:
        # one acronym given to two different full names: an ambiguous alias
        return _veto(f"shared alias for different names ({primary.detail or primary.name})",
                     primary, best)
    if best is None:
        return Match(0.0, "no comparable names")
    value = best.score
    rule = best.name
    reason = f"{best.name}: {best.detail}"
    if bool(a.qualifier) != bool(b.qualifier):
        parent = a.parent_qualifier if a.qualifier else b.parent_qualifier
        if not parent:
            rule, value = "sub_unit", min(value, w("sub_unit"))
            reason += "; one names a sub-unit"
        elif best.name == "exact_key":
            rule, value = "parent_dropped", w("parent_dropped")
            reason += "; same name with/without its parent"
    if types == "strong" and best.name != "exact_key":
        return _veto(f"type {a.type} vs {b.type} without an exact key ({reason})", best)
    if best.name == "token_subset.generic_short" and a.type == b.type == "University":
        # "Bishop" ~ "Université Bishop", both stated universities
        rule, value = "token_subset.generic_short_typed", w("token_subset.generic_short_typed")
    return Match(value, reason, (best,), rule)


#: the rule of a name and the same name with a line-of-business word ("Acme" / "Acme Railway")
BUSINESS_RULE = "token_subset.business"


def extends(short: Profile, long: Profile) -> bool:
    """``long`` is ``short``'s name plus a word naming a branch or a line of business
    ("Acme" → "Acme Capital", "Acme Railway"): not a generic institution word, a
    corporate word, a qualifier or a number."""
    s, big = short.primary, long.primary
    if not s.tset or not s.tset < big.tset or s.person:
        return False
    # the name whole at one end ("Acme Capital", "Robotique Acme"), not scattered
    # among other words ("Northern Research Board Canada" is no branch of "Canadian Northern")
    n = len(s.tokens)
    if s.tset not in (frozenset(big.tokens[:n]), frozenset(big.tokens[-n:])):
        return False
    return any(not t.startswith("#") and t not in CORPORATE and t not in big.quals
               and not any(c.isdigit() for c in t) for t in big.tset - s.tset)


def branch_link(a: Profile, b: Profile, others: Iterable[Profile]) -> bool:
    """Is the pair a name and one of its branches ("Acme" / "Acme Railway") while the
    name has another branch among ``others`` ("Acme Capital", "Acme Robotics")? Then the
    bare name is the parent, or stands for any of them: it is no one branch."""
    short, long = (a, b) if extends(a, b) else (b, a)
    return extends(short, long) and any(o.primary.key != long.primary.key and extends(short, o)
                                        for o in others)
