"""An in-memory index of entity names and aliases, for the cheap tiers of :func:`graph.search.search`.

The full-text index answers a short prefix by matching thousands of nodes and sorting
them all (~6 ms at 100k entities). Exact names, aliases and prefixes need
no text engine: this module keeps, per store, every entity's folded name and aliases
(:func:`graph.search.names.fold`, the fold ``search_text`` is built with) in

* ``exact`` / ``alias`` / ``short``: dicts from a folded name, a folded alias, and the
  short form (:func:`graph.search.names.short_name`) to entities;
* a sorted array of *word starts*: for every folded name and alias, the suffix starting
  at each word (at most :data:`MAX_WORD_STARTS` per string, cut to :data:`KEY_CHARS`),
  so a prefix lookup is a ``bisect`` range ("laval" finds "universite laval"). Each entry
  carries its rank in the order search ranks prefix hits (a shorter matching string is
  a closer match, then the shorter name, the name, the id), so the best prefix hits of
  a range are its smallest ranks, found without looking at the others;
* the per-entity record (id, name, type, subtype, aliases).

**Lifetime.** One index per store object, built from ``cypher/search/all_names.cypher``
(paged by id) by the first search that needs it; concurrent searches meanwhile use the
database. It is rebuilt when the graph changed: the store's *generation*
(:mod:`graph.store.generation`, bumped by ingest and curation) is read on every search when the store was
:func:`attach`-ed to its settings, and the entity count (``resolve/entity_count``, a
label count) at most every :data:`CHECK_SECONDS`. A rebuild happens in the search that
notices the change, under a lock; other threads go on with the last built index
(above :data:`SYNC_ENTITIES` entities the rebuild runs in a background thread).
A graph with more than :data:`MAX_STRINGS` indexed strings gets no index (search then
uses the database only).
"""

from __future__ import annotations

import bisect
import logging
import threading
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from graph.search.names import fold, short_name
from graph.store import generation as store_generation
from graph.store.base import GraphStore
from grappe.settings import Settings

log = logging.getLogger(__name__)

#: Above this many indexed strings (word starts of names and aliases) no index is kept.
MAX_STRINGS = 2_000_000
#: Word starts indexed per name or alias (the first ones).
MAX_WORD_STARTS = 8
#: Indexed suffixes are cut to this many characters (longer queries are checked by classify).
KEY_CHARS = 40
#: Seconds between two checks of the entity count (a ~0.2 ms query).
CHECK_SECONDS = 10.0
#: Up to this many entities the index is (re)built in the search that needs it, above in the background.
SYNC_ENTITIES = 20_000
#: Entities fetched per page while building.
PAGE = 20_000

_TOP = "\U0010ffff"


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    name: str
    type: str
    subtype: str | None
    aliases: tuple[str, ...]


class NameIndex:
    """Folded names, aliases and word starts of every entity of one graph."""

    def __init__(self, rows: Iterable[dict[str, Any]], *, max_strings: int = MAX_STRINGS) -> None:
        # the shared folds, without filling their (bounded) caches with the whole graph
        fold_, short_ = getattr(fold, "__wrapped__", fold), getattr(short_name, "__wrapped__", short_name)
        folded: dict[str, str] = {}
        shorts: dict[str, str] = {}
        interned: dict[Any, Any] = {}
        self.records: list[Record] = []
        self.short: dict[str, int | list[int]] = {}
        entries: list[tuple[str, int, int]] = []  # (word-start key, entity, length of the whole string)
        too_big = False
        for row in rows:
            i = len(self.records)
            aliases = tuple(a for a in (row.get("aliases") or ()) if a)
            type_, sub = row.get("type") or "", row.get("subtype")
            rec = Record(row["id"], row.get("name") or "", interned.setdefault(type_, type_),
                         interned.setdefault(sub, sub), aliases)
            self.records.append(rec)
            targets = set()
            seen_short = set()
            for text in (rec.name, *aliases):
                f = folded.get(text)
                if f is None:
                    f = folded[text] = fold_(text)
                targets.add(f)
                s = shorts.get(text)
                if s is None:
                    s = shorts[text] = short_(text)
                if s and s not in seen_short:
                    seen_short.add(s)
                    bucket = self.short.get(s)
                    if bucket is None:
                        self.short[s] = i
                    elif isinstance(bucket, list):
                        bucket.append(i)
                    else:
                        self.short[s] = [bucket, i]
            if too_big:
                continue
            for t in targets:
                if not t:
                    continue
                n = len(t)
                starts = [0, *(k + 1 for k, c in enumerate(t) if c == " ")][:MAX_WORD_STARTS]
                entries.extend((t[k:k + KEY_CHARS], i, n) for k in starts)
            if len(entries) > max_strings:
                too_big = True
                entries = []
        self.too_big = too_big
        self.size = len(entries)
        # rank: the order search ranks prefix hits in (closer = shorter string, shorter name, name, id)
        recs = self.records
        by_rank = sorted(range(len(entries)), key=lambda e: (entries[e][2], len(recs[entries[e][1]].name),
                                                             recs[entries[e][1]].name, recs[entries[e][1]].id))
        rank_of = np.empty(len(entries), dtype=np.int32)
        rank_of[by_rank] = np.arange(len(entries), dtype=np.int32)
        self.rank_entity = np.array([entries[e][1] for e in by_rank], dtype=np.int32)
        self.rank_length = np.array([entries[e][2] for e in by_rank], dtype=np.int32)
        del by_rank
        order = sorted(range(len(entries)), key=lambda e: entries[e][0])
        self.keys: list[str] = [entries[e][0] for e in order]
        self.ranks = rank_of[order] if entries else np.empty(0, dtype=np.int32)
        self.generation: Any = None
        self.count: int | None = None

    def __len__(self) -> int:
        return len(self.records)

    def stats(self) -> dict[str, Any]:
        return {"entities": len(self.records), "strings": self.size, "too_big": self.too_big}

    def record(self, i: int) -> Record:
        return self.records[i]

    def candidates(self, fq: str, limit: int, types: list[str] | None = None,
                   subtype: str | None = None) -> list[int]:
        """Entities that may be exact, alias or prefix hits for folded query ``fq``
        (``graph.search.classify`` decides), passing the filters: every short-form match
        ("bishop" for "Université Bishop"), every entity with a name or alias of the query's
        length that starts with it (exact names and aliases), then the ``limit`` best prefix
        matches (a word of a name or alias starts with the query)."""
        def ok(i: int) -> bool:
            r = self.records[i]
            return (types is None or r.type in types) and (subtype is None or r.subtype == subtype)

        out: list[int] = []
        seen: set[int] = set()
        short = short_name(fq)
        bucket = self.short.get(short) if short else None
        for i in (bucket if isinstance(bucket, list) else () if bucket is None else (bucket,)):
            if i not in seen and ok(i):
                seen.add(i)
                out.append(i)
        key = fq[:KEY_CHARS]
        lo = bisect.bisect_left(self.keys, key)
        hi = bisect.bisect_left(self.keys, key + _TOP, lo)
        n = hi - lo
        if n <= 0:
            return out
        ranks = self.ranks[lo:hi]
        # same-length strings that start with the query are the query (exact or alias): all of them
        whole = int(np.count_nonzero(self.rank_length[ranks] == len(fq)))
        want = limit + len(out)
        taken = 0
        m = min(n, max(whole + 2 * want, 16))
        while True:
            best = np.sort(np.partition(ranks, m - 1)[:m]) if m < n else np.sort(ranks)
            for k, i in enumerate(self.rank_entity[best[taken:]].tolist(), start=taken):
                if i not in seen and (k < whole or len(out) < want + whole) and ok(i):
                    seen.add(i)
                    out.append(i)
            taken = m
            if len(out) >= want + whole or m >= n:
                return out
            m = min(n, m * 4)


# --------------------------------------------------------------------------- per store


class _Slot:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: NameIndex | None = None
        self.checked_at = -float("inf")
        self.too_big: tuple[Any, int] | None = None
        self.building = False


_SLOTS: weakref.WeakKeyDictionary[Any, _Slot] = weakref.WeakKeyDictionary()
_SETTINGS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
_SLOTS_LOCK = threading.Lock()


def attach(store: GraphStore, settings: Settings) -> None:
    """Tie ``store``'s index to ``settings``' data folder: a bump of the analytics generation
    there (ingest, curation) then rebuilds it on the next search."""
    try:
        with _SLOTS_LOCK:
            _SETTINGS[store] = settings
    except TypeError:  # not weak-referenceable: the entity count check still applies
        pass


def invalidate(store: GraphStore | None = None) -> None:
    """Forget the index of ``store`` (of every store when None); rebuilt on next use."""
    with _SLOTS_LOCK:
        slots = list(_SLOTS.values()) if store is None else [s for s in [_SLOTS.get(store)] if s]
    for slot in slots:
        slot.index = None
        slot.too_big = None
        slot.checked_at = -float("inf")


def _slot(store: GraphStore) -> _Slot | None:
    with _SLOTS_LOCK:
        slot = _SLOTS.get(store)
        if slot is None:
            slot = _Slot()
            try:
                _SLOTS[store] = slot
            except TypeError:
                return None
        return slot


def _generation(store: GraphStore) -> Any:
    settings = _SETTINGS.get(store)
    if settings is None:
        return None
    return store_generation.current(settings)


def _rows(store: GraphStore) -> Iterable[dict[str, Any]]:
    after = ""
    while True:
        rows = store.run("search/all_names", after=after, limit=PAGE).rows
        yield from rows
        if len(rows) < PAGE:
            return
        after = rows[-1]["id"]


def build(store: GraphStore, *, max_strings: int = MAX_STRINGS) -> NameIndex:
    t0 = time.perf_counter()
    index = NameIndex(_rows(store), max_strings=max_strings)
    log.info("name index: %s in %.2f s", index.stats(), time.perf_counter() - t0)
    return index


def _fresh(slot: _Slot, gen: Any) -> NameIndex | None | Literal[False]:
    """The slot's answer when nothing needs checking now, else False."""
    if time.monotonic() - slot.checked_at >= CHECK_SECONDS:
        return False
    idx = slot.index
    if idx is not None:
        return idx if idx.generation == gen else False
    return None if slot.too_big is not None and slot.too_big[0] == gen else False


def _build_into(slot: _Slot, store: GraphStore, gen: Any, count: int) -> NameIndex | None:
    """Build the index now (the caller holds ``slot.lock``) and make it current."""
    try:
        fresh = build(store)
    except Exception:  # search falls back to the database, which will tell
        log.warning("name index: build failed; searching the database", exc_info=True)
        slot.index, slot.too_big = None, (gen, -1)  # no retry before the next check
        return None
    fresh.generation, fresh.count = gen, count
    if fresh.too_big:
        slot.index, slot.too_big = None, (gen, count)
        return None
    slot.index, slot.too_big = fresh, None
    return fresh


def _build_in_background(slot: _Slot, store: GraphStore, gen: Any, count: int) -> None:
    try:
        with slot.lock:
            _build_into(slot, store, gen, count)
            slot.checked_at = time.monotonic()
    finally:
        slot.building = False


def get_index(store: GraphStore, *, wait: bool = False) -> NameIndex | None:
    """The current name index of ``store``, or None (search then uses the database).

    When the graph changed (or on first use) the index is rebuilt: right away when the
    graph has at most :data:`SYNC_ENTITIES` entities or ``wait``; in a background thread
    otherwise, searches meanwhile using the last index (or the database, the first time).
    None too while another thread builds the first one, or when the graph is too big."""
    if not hasattr(store, "run"):
        return None
    slot = _slot(store)
    if slot is None:
        return None
    gen = _generation(store)
    idx = _fresh(slot, gen)
    if idx is not False:
        return idx
    if not slot.lock.acquire(blocking=wait):
        return slot.index  # another thread checks or builds it: go on with the last one
    try:
        idx = _fresh(slot, gen)
        if idx is not False:
            return idx
        idx = slot.index
        try:
            count = int(store.run("resolve/entity_count").scalar(0) or 0)
        except Exception:  # the database search will say what is wrong
            log.warning("name index: cannot count entities", exc_info=True)
            return idx
        slot.checked_at = time.monotonic()
        if idx is not None and idx.generation == gen and idx.count == count:
            return idx
        if slot.too_big == (gen, count):
            return None
        if wait or count <= SYNC_ENTITIES:
            return _build_into(slot, store, gen, count)
        if slot.building:
            return idx
        slot.building = True
    finally:
        slot.lock.release()
    threading.Thread(target=_build_in_background, args=(slot, store, gen, count),
                     name="grappe-name-index", daemon=True).start()
    return idx
