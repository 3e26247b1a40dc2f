"""Resolve a list of mentions into clusters: a pure function, no store.

``resolve_mentions(items)`` runs the whole chain:

1. identical surface forms (same spelling and type) become one record, their
   list memberships (``group``) united;
2. records sharing an exact name key, qualifier and type are collapsed into one
   node unless that would put two items of one list together;
3. blocking proposes node pairs, :func:`graph.resolve.scoring.score` scores them;
4. :func:`graph.resolve.cluster.average_link` clusters without chaining;
5. each cluster gets a canonical name (the commonest full form, best spelled)
   and keeps the other forms (other language, acronyms) as aliases.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from graph.resolve.blocking import candidate_pairs
from graph.resolve.cluster import average_link
from graph.resolve.features import NameInfo
from graph.resolve.normalize import (
    fold,
    looks_like_acronym,
    name_key,
    parse,
    qualifier_is_parent,
    strip_legal,
)
from graph.resolve.scoring import BUSINESS_RULE, Profile, extends, profile, score
from graph.resolve.weights import threshold

#: nodes with more strong partners than this skip the ambiguity check (cost)
MAX_AMBIGUITY_CHECK = 40
#: other spellings of a node's key a node keeps for acronyms ("Conseil X" / "X Council")
MAX_SPELLINGS = 4


@dataclass(frozen=True)
class Item:
    """One mention to resolve: a name, its type ("" if unknown) and the list it
    was an item of ("" if none). Items of one list are different entities."""

    name: str
    type: str = ""
    group: str = ""


@dataclass
class Cluster:
    name: str  # canonical
    type: str
    lines: list[int]  # 1-based positions in the input
    aliases: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type, "lines": self.lines}


@dataclass
class Node:
    profile: Profile
    items: list[int]  # 0-based item indices
    raws: list[str]


def _groups(group: str) -> frozenset[str]:
    return frozenset(g.strip() for g in group.split(",") if g.strip()) if group else frozenset()


def _initials_of(n: NameInfo) -> str:
    return _initials_of_folded(n.folded)


@lru_cache(maxsize=200_000)
def _initials_of_folded(folded: str) -> str:
    return "".join(w[0] for w in folded.split())


def build_nodes(items: Sequence[Item]) -> list[Node]:
    """Steps 1 and 2: identical forms, then identical keys, become nodes."""
    records: dict[tuple[str, str], list[int]] = {}
    for i, item in enumerate(items):
        raw = " ".join(item.name.split())
        # a blank name says nothing: it stays alone
        records.setdefault((raw, item.type or "") if raw else ("", f"\x00{i}"), []).append(i)
    nodes: list[Node] = []
    by_key: dict[tuple[str, str, str], list[int]] = {}
    for (raw, type_), idx in records.items():
        type_ = "" if type_.startswith("\x00") else type_
        groups = frozenset().union(*(_groups(items[i].group) for i in idx))
        prof = profile(raw, type_, groups)
        node_key = (prof.primary.key, prof.qualifier, type_) if raw else ("", str(idx[0]), "")
        target = None
        for n in by_key.get(node_key, ()):
            if not (nodes[n].profile.groups & groups):
                target = n
                break
        if target is None:
            by_key.setdefault(node_key, []).append(len(nodes))
            nodes.append(Node(prof, list(idx), [raw]))
            continue
        node = nodes[target]
        old = node.profile
        names = list(old.names)
        seen = {n.key for n in names}
        spellings = list(old.spellings)
        spelt = {_initials_of(n) for n in (*names, *spellings)} if len(spellings) < MAX_SPELLINGS else None
        for info in prof.names:
            if info.key not in seen:
                names.append(info)
                seen.add(info.key)
            elif spelt is not None and _initials_of(info) not in spelt and len(spellings) < MAX_SPELLINGS:
                # same key in other words ("Conseil X" / "X Council"): kept for acronyms only
                spellings.append(info)
                spelt.add(_initials_of(info))
        node.profile = Profile(old.raw, old.type, old.groups | groups, old.primary, tuple(names),
                               old.qualifier, old.parent_qualifier, tuple(spellings))
        node.items.extend(idx)
        node.raws.append(raw)
    return nodes


@dataclass(frozen=True)
class Conflict:
    """An acronym that spells two or more entities of the input: left alone, for curation."""

    name: str
    lines: list[int]  # 1-based lines of the acronym
    candidates: list[list[int]]  # the lines of each entity it could stand for

    def to_json(self) -> dict:
        return {"name": self.name, "lines": self.lines, "candidates": self.candidates}


@dataclass
class Resolution:
    clusters: list[Cluster]
    conflicts: list[Conflict]


_ACRONYM_RULES = frozenset({"acronym.initials", "acronym.whole_word"})


def cluster_nodes(nodes: Sequence[Node], auto: float | None = None, link: float | None = None,
                  conflicts: list[tuple[int, list[list[int]]]] | None = None) -> list[list[int]]:
    """Steps 3 and 4: node indices grouped into clusters. Acronyms that could stand for
    several clusters are appended to ``conflicts`` as (node, [cluster members...])."""
    auto = threshold("auto") if auto is None else auto
    link = threshold("link") if link is None else link
    named: list[Sequence[NameInfo]] = [n.profile.names + n.profile.spellings for n in nodes]
    cache: dict[tuple[int, int], float] = {}

    def pair_score(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        value = cache.get(key)
        if value is None:
            value = score(nodes[key[0]].profile, nodes[key[1]].profile).score
            cache[key] = value
        return value

    edges = []
    initials: dict[int, set[int]] = {}
    acronyms: dict[int, set[int]] = {}
    branches: dict[int, set[int]] = {}  # node -> nodes naming it plus a branch word ("Acme Capital")
    business: list[tuple[int, int]] = []  # edges of a name and the name plus a line of business
    for i, j in candidate_pairs(named):
        match = score(nodes[i].profile, nodes[j].profile)
        s = cache[(i, j) if i < j else (j, i)] = match.score
        rule = match.features[0].name if match.features else ""
        for x, y in ((i, j), (j, i)):
            if extends(nodes[x].profile, nodes[y].profile):
                branches.setdefault(x, set()).add(y)
        if s >= auto and rule != "acronym.initials":  # bare initials: only the unique-candidate rule
            edges.append((s, i, j))
            if match.rule == BUSINESS_RULE:
                business.append((i, j))
        elif s > 0:
            for x, y in ((i, j), (j, i)):
                if _initialised_person(nodes[x].profile) and not _initialised_person(nodes[y].profile):
                    initials.setdefault(x, set()).add(y)
            if rule in _ACRONYM_RULES:
                for x, y in ((i, j), (j, i)):
                    if _bare_acronym(nodes[x].profile) and not nodes[y].profile.primary.single:
                        acronyms.setdefault(x, set()).add(y)
    edges = _drop_branch_links(edges, business, branches, [n.profile.primary.key for n in nodes])
    edges = _drop_ambiguous(edges, pair_score)
    weights = [len(n.items) for n in nodes]
    bare = [_bare_acronym(n.profile) for n in nodes]
    clusters = average_link(len(nodes), edges, pair_score, link, weights,
                            silent=lambda x, y, s: s == 0 and (bare[x] or bare[y]))
    clusters = _attach_unique_initials(clusters, initials, pair_score)
    return _attach_unique_acronyms(clusters, acronyms, pair_score, nodes, conflicts)


def _attach_unique_acronyms(clusters: list[list[int]], acronyms: dict[int, set[int]], pair_score,
                            nodes: Sequence[Node],
                            conflicts: list[tuple[int, list[list[int]]]] | None) -> list[list[int]]:
    """A bare acronym ("NRX") joins the full name it spells ("National Research X")
    when that is the only compatible entity in the input and nothing contradicts
    it; with two or more candidates it stays alone and the case is reported."""
    if not acronyms:
        return clusters
    owner = {n: k for k, members in enumerate(clusters) for n in members}
    for node, partners in sorted(acronyms.items()):
        home = owner[node]
        key = nodes[node].profile.primary.key
        # the acronym alone (or with its own spellings): nothing else decided for it
        if any(nodes[m].profile.primary.key != key for m in clusters[home]):
            continue
        targets = sorted({owner[p] for p in partners} - {home})
        compatible = [k for k in targets
                      if all(pair_score(x, m) >= 0 for x in clusters[home] for m in clusters[k])]
        if len(compatible) == 1:
            target = compatible[0]
            clusters[target].extend(clusters[home])
            for x in clusters[home]:
                owner[x] = target
            clusters[home] = []
        elif len(compatible) > 1 and conflicts is not None:
            conflicts.append((node, [list(clusters[k]) for k in compatible]))
    return sorted((sorted(c) for c in clusters if c), key=lambda m: m[0])


def _drop_branch_links(edges: list[tuple[float, int, int]], business: list[tuple[int, int]],
                       branches: dict[int, set[int]], keys: Sequence[str]) -> list[tuple[float, int, int]]:
    """"Acme" / "Acme Railway" merge on a line-of-business word, unless the input also
    has another branch of Acme ("Acme Capital", "Acme Robotics"): then "Acme" is the
    parent, or any of them, and the link is dropped."""
    dropped = set()
    for i, j in business:
        for short, long in ((i, j), (j, i)):
            # (the same name spelt otherwise, or typed otherwise, is the same branch)
            if long in branches.get(short, ()) and any(keys[o] != keys[long] for o in branches[short]):
                dropped.add((i, j))
    if not dropped:
        return edges
    return [e for e in edges if (e[1], e[2]) not in dropped]


def _drop_ambiguous(edges: list[tuple[float, int, int]], pair_score) -> list[tuple[float, int, int]]:
    """A name that strongly matches two entities that cannot be one ("LABX" beside
    "LABX (Université A)" and "LABX (Université B)"; "UJS" defined for two
    universities) is ambiguous: it keeps none of its edges and stays alone."""
    partners: dict[int, list[int]] = {}
    for _, i, j in edges:
        partners.setdefault(i, []).append(j)
        partners.setdefault(j, []).append(i)
    ambiguous = set()
    for node, others in partners.items():
        if len(others) < 2 or len(others) > MAX_AMBIGUITY_CHECK:
            continue
        if any(pair_score(p, q) < 0 for x, p in enumerate(others) for q in others[x + 1:]):
            ambiguous.add(node)
    if not ambiguous:
        return edges
    return [e for e in edges if e[1] not in ambiguous and e[2] not in ambiguous]


def _bare_acronym(p: Profile) -> bool:
    """A mention that is only an acronym ("NRX", "UdeX", "NRX inc."), no full name
    beside it."""
    return p.primary.single and any(n.acronym_like for n in p.names) and \
        all(n.key == p.primary.key for n in p.names)


def _initialised_person(p: Profile) -> bool:
    return p.type == "Person" and any(len(t) == 1 for t in p.primary.tokens[:-1])


def _attach_unique_initials(clusters: list[list[int]], initials: dict[int, set[int]],
                            pair_score) -> list[list[int]]:
    """"J. Tremblay" joins "Jeanne Tremblay" when that is the only full name it can
    abbreviate in the whole input (two candidates: it stays alone)."""
    if not initials:
        return clusters
    owner = {n: k for k, members in enumerate(clusters) for n in members}
    for node, partners in sorted(initials.items()):
        home = owner[node]
        if len(clusters[home]) != 1:
            continue
        targets = {owner[p] for p in partners}
        if len(targets) != 1:
            continue
        target = targets.pop()
        if all(pair_score(node, m) > 0 for m in clusters[target]):
            clusters[target].append(node)
            clusters[home] = []
            owner[node] = target
    return sorted((sorted(c) for c in clusters if c), key=lambda m: m[0])


@lru_cache(maxsize=100_000)
def _spelling_rank(raw: str) -> tuple[int, int]:
    """Prefer mixed case over shouting, and accented over stripped spellings."""
    shouting = int(raw.isupper() and sum(c.isalpha() for c in raw) > 4)
    accents = len(unicodedata.normalize("NFD", raw)) - len(raw)
    return (-shouting, accents)


def canonical(forms: Counter[str]) -> tuple[str, list[str]]:
    """The commonest full form (acronyms only when nothing else), best spelled;
    the other forms as aliases (one spelling per folded form)."""
    by_fold: dict[str, Counter[str]] = {}
    by_key: Counter[str] = Counter()  # cross-language variants of one form support it
    for raw, count in forms.items():
        by_fold.setdefault(fold(raw), Counter())[raw] += count
        by_key[name_key(raw)] += count

    def rank(f: str) -> tuple:
        spellings = by_fold[f]
        any_raw = next(iter(spellings))
        acronym = looks_like_acronym(any_raw) or " " not in f and len(f) <= 4
        words = f.split()
        bare = strip_legal(words) == words
        return (not acronym, by_key[name_key(any_raw)], sum(spellings.values()), bare, len(words), len(f), f)

    def best_spelling(f: str) -> str:
        spellings = by_fold[f]
        return max(spellings, key=lambda r: (_spelling_rank(r), spellings[r], r))

    ordered = sorted(by_fold, key=rank, reverse=True)
    return best_spelling(ordered[0]), [best_spelling(f) for f in ordered[1:]]


def resolve_mentions(items: Iterable[Item | tuple | str], auto: float | None = None,
                     link: float | None = None) -> list[Cluster]:
    """Cluster ``items`` (``Item``, ``(name, type, group)`` tuples or names)."""
    return resolve(items, auto, link).clusters


def resolve(mentions: Iterable[Item | tuple | str], auto: float | None = None,
            link: float | None = None) -> Resolution:
    """Clusters of ``mentions``, and the acronyms left alone because they could stand
    for several of them (for curation). ``auto``/``link`` override the fitted
    thresholds (used while fitting them)."""
    items = [_as_item(x) for x in mentions]
    if not items:
        return Resolution([], [])
    nodes = build_nodes(items)
    pending: list[tuple[int, list[list[int]]]] = []
    groups = cluster_nodes(nodes, auto, link, pending)
    out: list[Cluster] = []
    for group in groups:
        forms: Counter[str] = Counter()
        types: Counter[str] = Counter()
        lines: list[int] = []
        for n in group:
            node = nodes[n]
            for i in node.items:
                lines.append(i + 1)
                if items[i].type:
                    types[items[i].type] += 1
                parsed = parse(" ".join(items[i].name.split()))
                # "Unit (Parent)" is named by its unit; "Fonds X – Santé" keeps its qualifier
                keep_whole = parsed.qualifier and not qualifier_is_parent(parsed.qualifier)
                forms[parsed.raw if keep_whole else parsed.primary] += 1
                for alias in parsed.aliases:
                    forms[alias] += 0  # listed, never canonical by count alone
        name, aliases = canonical(forms)
        type_ = max(types, key=lambda t: (types[t], t)) if types else ""
        out.append(Cluster(name, type_, sorted(lines), aliases))
    out.sort(key=lambda c: c.lines[0])

    def lines_of(members: list[int]) -> list[int]:
        return sorted(i + 1 for n in members for i in nodes[n].items)

    conflicts = [Conflict(nodes[n].raws[0], lines_of([n]), [lines_of(c) for c in candidates])
                 for n, candidates in pending]
    return Resolution(out, conflicts)


def _as_item(x: Item | tuple | str) -> Item:
    if isinstance(x, Item):
        return x
    if isinstance(x, str):
        return Item(x)
    parts = list(x) + ["", ""]
    return Item(str(parts[0]), str(parts[1] or ""), str(parts[2] or ""))


def read_mentions(lines: Iterable[str]) -> list[Item]:
    """Parse ``name<TAB>type<TAB>group`` lines (type and group optional)."""
    out = []
    for line in lines:
        parts = line.rstrip("\r\n").split("\t")
        parts += [""] * (3 - len(parts))
        out.append(Item(parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return out
