"""Scoring for the reconciliation service: one query → ranked candidates with features.

Nothing here is a second matcher. Candidates come from :func:`graph.search.search`
(the fold, aliases, short forms and typo tolerance of the search box; only its in-memory
name-index stage when that already finds the name, see :func:`_search`), for the query
and for each name a ``Name (ACR)`` form defines (:func:`graph.resolve.normalize.parse`);
an acronym-shaped query also gets the entities it spells, found through the
resolver's own acronym keys (:func:`~graph.resolve.normalize.initials`, checked with
:func:`~graph.resolve.normalize.acronym_match`). A candidate's score (0-100) is its
search tier and similarity, moved by the properties the query gives; ``match`` follows
the rule ``resolve_name`` uses (:data:`graph.search.WINNER_SCORE`, ``WINNER_MARGIN``):
high and clearly ahead, never among ties.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from graph.resolve.normalize import acronym_match, initials, looks_like_acronym, parse
from graph.search import WINNER_MARGIN, WINNER_SCORE, Hit, classify, fold, search, short_name
from graph.search import index as name_index
from graph.search.index import SYNC_ENTITIES

#: Score of each search tier before properties (similarity scales prefix and fuzzy hits).
EXACT, ALIAS, SHORT_FORM = 100.0, 100.0, 97.0
ACRONYM = {2: 95.0, 1: 92.0}
#: Score moves per property that agrees, or disagrees, with what the graph knows.
AGREE_BONUS, DISAGREE_PENALTY = 4.0, 15.0
#: Candidates looked at per name searched (more than a client asks for, so ties show).
POOL = 10
#: Broader types: asking for an Organization also finds universities.
BROADER = {"University": "Organization"}
#: Properties a query may give, and the data extension may return.
MATCH_PROPERTIES = {
    "acronym": "Acronym",
    "alias": "Other name",
    "city": "City",
    "website": "Website",
    "subtype": "Organization subtype",
}


@dataclass
class Candidate:
    id: str
    name: str
    type: str
    subtype: str | None
    aliases: list[str]
    score: float
    match: bool = False
    features: dict[str, float | bool] = field(default_factory=dict)

    def to_result(self) -> dict[str, Any]:
        """The candidate as the 0.2 result schema has it."""
        description = ", ".join(x for x in (self.subtype, "; ".join(self.aliases[:3])) if x)
        out: dict[str, Any] = {"id": self.id, "name": self.name, "score": round(self.score, 1),
                               "match": self.match, "type": [{"id": self.type, "name": self.type}],
                               "features": [{"id": k, "value": v} for k, v in self.features.items()]}
        if description:
            out["description"] = description
        return out


def expand_types(types: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(types))
    for narrow, broad in BROADER.items():
        if broad in wanted and narrow not in wanted:
            wanted.append(narrow)
    return wanted


# --------------------------------------------------------------------------- acronyms

_INITIALS: weakref.WeakKeyDictionary[Any, dict[str, list[int]]] = weakref.WeakKeyDictionary()
_BUILDING: weakref.WeakSet[Any] = weakref.WeakSet()
_INITIALS_LOCK = threading.Lock()


def _build_initials(index: Any) -> None:
    found: dict[str, list[int]] = {}
    for i, rec in enumerate(index.records):
        for key in {k for text in (rec.name, *rec.aliases) for k in initials(text)}:
            found.setdefault(key, []).append(i)
    with _INITIALS_LOCK:
        _INITIALS[index] = found
        _BUILDING.discard(index)


def _initials_map(index: Any) -> dict[str, list[int]] | None:
    """The resolver's acronym keys of every name in the search's name index, built once per
    index: at once on a small graph, in a background thread on a large one (None meanwhile),
    as the name index itself is."""
    with _INITIALS_LOCK:
        found = _INITIALS.get(index)
        if found is not None or index in _BUILDING:
            return found
        _BUILDING.add(index)
    if len(index) <= SYNC_ENTITIES:
        _build_initials(index)
        return _INITIALS.get(index)
    threading.Thread(target=_build_initials, args=(index,), name="grappe-acronym-keys", daemon=True).start()
    return None


def _index(store: Any) -> Any:
    return name_index.get_index(store)


def _search(store: Any, name: str, types: list[str] | None) -> list[Hit]:
    """Search's candidates for ``name``. When the in-memory name index knows the name (an
    exact name or alias), its tier is all search would rank first, so the database's typo
    stages are skipped (as search itself skips them after an exact name); else the full search."""
    index = _index(store)
    if index is not None:
        fq = fold(name)
        hits = []
        for i in index.candidates(fq, POOL, types, None):
            rec = index.record(i)
            found = classify(fq, rec.name, rec.aliases)
            if found is not None:
                hits.append(Hit(rec.id, rec.name, rec.type, rec.subtype, list(rec.aliases), round(found[1], 1),
                                found[0]))
        if any(h.match in ("exact", "alias") for h in hits):
            return hits
    return search(store, name, limit=POOL, types=types)


def _acronym_hits(store: Any, query: str, types: list[str] | None, limit: int) -> list[Hit]:
    index = _index(store)
    if index is None:
        return []
    keys = _initials_map(index)
    if keys is None:
        return []
    out = []
    for i in keys.get(fold(query).replace(" ", ""), [])[:limit * 4]:
        rec = index.record(i)
        if types is None or rec.type in types:
            out.append(Hit(rec.id, rec.name, rec.type, rec.subtype, list(rec.aliases), 0.0, "fuzzy"))
    return out


# --------------------------------------------------------------------------- scoring


def _acronym_level(query: str, hit: Hit) -> int:
    if not looks_like_acronym(query):
        return 0
    return max((acronym_match(query, t) for t in (hit.name, *hit.aliases)), default=0)


def _base(query: str, hit: Hit) -> tuple[float, dict[str, float | bool]]:
    fq = fold(query)
    similarity = max((fuzz.token_sort_ratio(fq, fold(t)) for t in (hit.name, *hit.aliases)), default=0.0)
    level = _acronym_level(query, hit)
    features: dict[str, float | bool] = {
        "name_similarity": round(similarity, 1),
        "exact_name": hit.match == "exact",
        "alias": hit.match == "alias",
        "acronym": level > 0,
    }
    if hit.match == "exact":
        score = EXACT
    elif hit.match == "alias":
        score = ALIAS if hit.score >= 100 else SHORT_FORM
    elif level:
        score = ACRONYM[level]
    elif hit.match == "prefix":
        score = 60.0 + 0.4 * hit.score
    elif hit.score:
        score = hit.score - 2.0
    else:
        return 0.0, features
    return score, features


def _values(v: Any) -> list[str]:
    items = v if isinstance(v, list) else [v]
    out = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("id")
        if item is not None and str(item).strip():
            out.append(str(item).strip())
    return out


def _domain_word(url: str) -> str:
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    parts = [p for p in host.split(".") if p not in ("www", "")]
    return fold(parts[0]) if parts else ""


def property_agrees(pid: str, values: list[str], cand: Candidate, attributes: dict[str, Any]) -> bool | None:
    """True / False when the graph knows enough to say, None when it does not."""
    names = [cand.name, *cand.aliases]
    folded = {fold(n) for n in names}
    words = {w for n in folded for w in n.split()}
    if pid == "acronym":
        return any(fold(v) in folded or any(acronym_match(v, n) for n in names)
                   or fold(v).replace(" ", "") in {k for n in names for k in initials(n)} for v in values)
    if pid == "alias":
        return True if any(fold(v) in folded or short_name(v) in {short_name(n) for n in names}
                           for v in values) else None
    if pid == "subtype":
        return any(v.lower() == (cand.subtype or "").lower() for v in values) if cand.subtype else None
    if pid == "city":
        known = attributes.get("city")
        if known:
            return any(fold(v) == fold(str(known)) for v in values)
        return True if any(set(fold(v).split()) <= words for v in values if fold(v)) else None
    if pid == "website":
        known = attributes.get("website")
        if known:
            return any(_domain_word(v) == _domain_word(str(known)) for v in values)
        return True if any(_domain_word(v) in words | {n.replace(" ", "") for n in folded}
                           for v in values if _domain_word(v)) else None
    return None


def score_candidates(query: str, hits: list[Hit], properties: list[tuple[str, list[str]]],
                     attributes: dict[str, dict[str, Any]], type_given: bool) -> list[Candidate]:
    """Score ``hits`` (already filtered by type) for ``query``; :func:`candidates` ranks them."""
    cands = []
    for hit in hits:
        score, features = _base(query, hit) if query else (50.0, {})
        if score <= 0:
            continue
        cand = Candidate(hit.id, hit.name, hit.type, hit.subtype, list(hit.aliases), score, False, features)
        if type_given:
            features["type_match"] = True
        known = agreed = 0
        for pid, values in properties:
            verdict = property_agrees(pid, values, cand, attributes.get(hit.id, {}))
            if verdict is None:
                continue
            features[f"property_{pid}"] = verdict
            known += 1
            agreed += verdict
            cand.score += AGREE_BONUS if verdict else -DISAGREE_PENALTY
        if known:
            features["property_agreement"] = round(agreed / known, 2)
        cand.score = max(0.0, min(100.0, cand.score))
        cands.append(cand)
    return cands


def candidates(store: Any, query: str, *, types: list[str] | None = None, limit: int = 5,
               properties: list[tuple[str, list[str]]] | None = None,
               attributes_of: Any = None) -> list[Candidate]:
    """The best ``limit`` candidates for one reconciliation query.

    ``properties``: (pid, values) pairs; ``attributes_of(ids)``: the stored attributes of
    the candidates (city, website) by id, called only when properties were given."""
    properties = properties or []
    type_list = expand_types(types) if types else None
    names = list(parse(query).names) if query.strip() else []
    # a query of properties only: the names they give are what to look for
    names += [v for pid, vals in properties if pid in ("acronym", "alias") for v in vals] if not names else []
    found: dict[str, list[Hit]] = {}
    for name in names:
        hits = _search(store, name, type_list)
        if looks_like_acronym(name) and not any(h.match in ("exact", "alias") for h in hits):
            hits += _acronym_hits(store, name, type_list, POOL)  # an acronym the graph does not list
        unique: dict[str, Hit] = {}
        for h in hits:
            unique.setdefault(h.id, h)  # a search hit keeps its tier over an acronym key
        found[name] = list(unique.values())
    ids = list(dict.fromkeys(h.id for hits in found.values() for h in hits))
    attributes = attributes_of(ids) if properties and attributes_of and ids else {}
    best: dict[str, Candidate] = {}
    for name, hits in found.items():
        for cand in score_candidates(name, hits, properties, attributes, bool(types)):
            if cand.id not in best or cand.score > best[cand.id].score:
                best[cand.id] = cand
    ranked = sorted(best.values(), key=lambda c: (-c.score, len(c.name), c.name, c.id))
    if ranked:  # high and clearly ahead of the next: never one of a tie
        runner = ranked[1].score if len(ranked) > 1 else 0.0
        ranked[0].match = ranked[0].score >= WINNER_SCORE and ranked[0].score - runner >= WINNER_MARGIN
    return ranked[:limit]
