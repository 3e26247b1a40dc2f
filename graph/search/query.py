"""Entity search by name, shared by the web typeahead and the CLI.

Two stages:

0. exact names, aliases and prefixes come from the in-memory name index of the store
   (:mod:`graph.search.index`, a ``bisect`` over the word starts of every folded name and
   alias) when it is built; the database's full-text index is then asked only for typos
   (and, for several words, words typed out of order) while fewer than ``limit`` hits;
1. the database's full-text index on ``Entity.search_text`` (folded name and
   aliases) returns a few hundred candidates. The query string is built inside the
   per-backend Cypher file (``cypher/<backend>/search/fulltext.cypher``) from a list of
   folded tokens passed as a parameter; Python only hands it letters and digits, so
   no user character ever reaches the index's query parser as syntax;
2. rapidfuzz re-ranks the candidates against the folded query, and each hit is
   classified ``exact`` (the name), ``alias`` (one of the aliases or acronyms),
   ``prefix`` (the name or an alias starts with the query, or every query word starts
   a word of it) or ``fuzzy`` (close enough despite typos).

Ranking: exact > alias > prefix > fuzzy, then by similarity, then shorter names.
``Hit.score`` is the similarity on 0-100 inside its tier (100 for exact and alias).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from rapidfuzz import fuzz

from graph.search import index as name_index
from graph.search.names import fold, short_name
from graph.store.base import GraphStore
from grappe.errors import Ambiguous, NotFound
from grappe.model import EntityType

#: Candidates fetched from the full-text index per stage (up to a few hundred in all) before re-ranking.
CANDIDATES = 100
#: Below this similarity (0-100) a fuzzy candidate is dropped.
FUZZY_CUTOFF = 70.0
#: resolve_name: a fuzzy/prefix winner must score at least this and lead the runner-up by MARGIN.
WINNER_SCORE = 90.0
WINNER_MARGIN = 8.0

MATCH_RANK = {"exact": 3, "alias": 2, "prefix": 1, "fuzzy": 0}

@dataclass(frozen=True)
class Hit:
    id: str
    name: str
    type: str
    subtype: str | None
    aliases: list[str] = field(default_factory=list)
    score: float = 0.0
    match: str = "fuzzy"  # exact | alias | prefix | fuzzy

    def to_dict(self) -> dict[str, Any]:
        # shallow: dataclasses.asdict deep-copies, and typeahead calls this for every hit
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["aliases"] = list(self.aliases)
        return out


def _check_filters(types: Iterable[str] | str | None) -> list[str] | None:
    if types is None:
        return None
    if isinstance(types, str):
        types = [types]
    allowed = {t.value.lower(): t.value for t in EntityType}
    out = []
    for t in types:
        value = getattr(t, "value", t)
        if str(value).lower() not in allowed:
            raise NotFound(f"unknown entity type {value!r}", f"Use one of {', '.join(allowed.values())}.")
        out.append(allowed[str(value).lower()])
    return out or None


def _word_prefix(q_words: list[str], target: str) -> bool:
    words = target.split()
    used: set[int] = set()
    for qw in q_words:
        for i, w in enumerate(words):
            if i not in used and w.startswith(qw):
                used.add(i)
                break
        else:
            return False
    return True


def classify(fq: str, name: str, aliases: Iterable[str]) -> tuple[str, float] | None:
    """(match, similarity) of folded query ``fq`` against one entity, or None if too far."""
    fname = fold(name)
    faliases = [fold(a) for a in aliases or () if a]
    if fq == fname:
        return "exact", 100.0
    if fq in faliases:
        return "alias", 100.0
    # the short form people type: "nordville" for "Université de Nordville", "borealis" for "Borealis University"
    short = short_name(fq)
    if short and any(short_name(t) == short for t in (name, *(aliases or ()))):
        return "alias", 98.0
    targets = [fname, *faliases]
    q_words = fq.split()
    best_prefix = 0.0
    for t in targets:
        if t.startswith(fq) or _word_prefix(q_words, t):
            best_prefix = max(best_prefix, fuzz.ratio(fq, t))
    if best_prefix:
        return "prefix", best_prefix
    best = 0.0
    for t in targets:
        best = max(best, fuzz.ratio(fq, t), fuzz.token_sort_ratio(fq, t),
                   fuzz.token_set_ratio(fq, t) - 5.0)
        if len(fq) >= 4 and len(t) > len(fq):
            best = max(best, fuzz.partial_ratio(fq, t) - 10.0)
    if best < FUZZY_CUTOFF:
        return None
    return "fuzzy", best


def _candidates(store: GraphStore, toks: list[str], mode: str, types: list[str] | None,
                subtype: str | None, n: int) -> list[dict[str, Any]]:
    if not toks:
        return []
    return store.run("search/fulltext", tokens=toks, mode=mode, types=types,
                     subtype=subtype, candidates=n).rows


def _name_index(store: GraphStore) -> name_index.NameIndex | None:
    """The in-memory name index of ``store`` (:mod:`graph.search.index`), or None: use the database."""
    return name_index.get_index(store)


def search(store: GraphStore, q: str, *, limit: int = 10, types: Iterable[str] | str | None = None,
           subtype: str | None = None, candidates: int = CANDIDATES) -> list[Hit]:
    """Entities whose name or alias matches ``q`` (French or English, any accents or case,
    small typos, acronyms), best first. ``types`` restricts to entity types
    (``"Organization"``, ``"University"``, ``"Person"``, ``"Project"``); ``subtype`` to one
    organization subtype.

    The index is asked from the cheapest to the broadest form of the query: exact words;
    then prefixes (unless ``limit`` exact/alias hits are in hand); then typos (only while
    fewer than ``limit`` hits and no exact name); then any one word (only when nothing
    matched every word)."""
    q = (q or "").strip()
    fq = fold(q)
    toks = fq.split()[:12]
    if not toks or limit <= 0:
        return []
    type_list = _check_filters(types)
    seen: set[str] = set()
    ranked: list[tuple[tuple, Hit]] = []

    def add(row_id: str, name: str, type_: str, sub: str | None, aliases: list[str]) -> None:
        seen.add(row_id)
        found = classify(fq, name, aliases)
        if found is None:
            return
        match, sim = found
        hit = Hit(row_id, name, type_, sub, aliases, round(sim, 1), match)
        ranked.append(((-MATCH_RANK[match], -sim, len(hit.name), hit.name, hit.id), hit))

    modes: tuple[str, ...] = ("exact", "prefix", "fuzzy", "any")
    index = _name_index(store)
    if index is not None:
        # exact names, aliases and prefixes from memory; the database only for typos (and,
        # with several words, for words typed out of order)
        for i in index.candidates(fq, limit, type_list, subtype):
            rec = index.record(i)
            if rec.id not in seen:
                add(rec.id, rec.name, rec.type, rec.subtype, list(rec.aliases))
        modes = ("prefix", "fuzzy", "any") if len(toks) > 1 else ("fuzzy", "any")
    for mode in modes:
        strong = sum(1 for _, h in ranked if h.match != "fuzzy")
        if mode == "prefix" and strong >= limit:
            continue  # broader forms could only add prefix or fuzzy hits, ranked below these
        if mode == "fuzzy" and (len(ranked) >= limit or any(h.match == "exact" for _, h in ranked)):
            break  # typo tolerance is for queries that found too little, not for exact names
        if mode == "any" and (ranked or len(toks) == 1):
            break  # "any word" is the last resort: only when nothing matched every word
        # one-letter words cannot be prefixes in the index: leave them to the re-ranking
        words = toks if mode == "exact" else ([w for w in toks if len(w) > 1] or toks)
        for row in _candidates(store, words, mode, type_list, subtype, candidates):
            if row["id"] in seen:
                continue
            add(row["id"], row.get("name") or "", row.get("type") or "", row.get("subtype"),
                list(row.get("aliases") or []))
    ranked.sort(key=lambda pair: pair[0])
    return [h for _, h in ranked[:limit]]


def facets(hits: Iterable[Hit]) -> dict[str, dict[str, int]]:
    """Counts of hits by type and by subtype, most frequent first."""
    hits = list(hits)
    by_type = Counter(h.type for h in hits)
    by_subtype = Counter(h.subtype for h in hits if h.subtype)
    return {"type": dict(by_type.most_common()), "subtype": dict(by_subtype.most_common())}


def resolve_name(store: GraphStore, name: str, *, types: Iterable[str] | str | None = None) -> dict[str, Any]:
    """The one entity ``name`` designates (an id, a name, an alias, or a clear best match):
    ``{id, name, type, subtype, aliases, score, match}`` with ``match`` "id", "exact", "alias",
    "prefix" or "fuzzy".

    Raises :class:`Ambiguous` with the candidates when several fit equally, and
    :class:`NotFound` with a hint when none does."""
    name = (name or "").strip()
    if not name:
        raise NotFound("an empty name matches no entity", "Give a name, an acronym or an id.")
    type_list = _check_filters(types)
    row = store.run("search/by_id", id=name).first()
    if row is not None and (type_list is None or row["type"] in type_list):
        return dict(row, aliases=list(row.get("aliases") or []), score=100.0, match="id")
    hits = search(store, name, limit=10, types=type_list)
    if not hits:
        raise NotFound(f"no entity matches {name!r}",
                       "Check the spelling, try a shorter name or an acronym, "
                       "or give the entity id.")
    for level in ("exact", "alias"):
        same = [h for h in hits if h.match == level]
        if len(same) == 1:
            return _entity(same[0])
        if len(same) > 1:
            raise Ambiguous(name, [_entity(h) for h in same])
    top = hits[0]
    runner = hits[1].score if len(hits) > 1 else 0.0
    if top.score >= WINNER_SCORE and top.score - runner >= WINNER_MARGIN:
        return _entity(top)
    if len(hits) == 1 and top.match == "prefix":
        return _entity(top)
    raise Ambiguous(name, [_entity(h) for h in hits[:5]])


def _entity(hit: Hit) -> dict[str, Any]:
    return {"id": hit.id, "name": hit.name, "type": hit.type, "subtype": hit.subtype,
            "aliases": list(hit.aliases), "score": hit.score, "match": hit.match}
