"""Results too costly to compute on every request, kept until the graph changes.

A hub's page walks thousands of links (its projects, its neighbours, the links among
them) for the same answer every time, and typeahead sees the same few prefixes again
and again. :class:`GraphCache` keeps such results per process, keyed by the graph's
*generation* (:mod:`graph.store.generation`, bumped by every ingest and curation): when
the generation moves, everything kept is dropped at once. Only results that took at
least ``min_ms`` to compute are kept, so the cheap pages of a small graph (and the
tests that write to a store directly) never see a kept answer.

Each kind of result (the first element of a tuple key: ``"entity"``, ``"search"``,
``"reconcile"``...) has its own least-recently-used list of ``max_entries``: under load
almost every entity page takes more than ``min_ms``, and in one shared list the stream
of pages seen once pushed out the typeahead and reconciliation answers that come back
again and again (each a database typo search, up to tens of milliseconds, to redo).

Kept values are shared between requests: callers must not change them.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.store import generation as store_generation
from grappe.settings import Settings

T = TypeVar("T")

#: Entries kept per process and kind of result (least recently used dropped first).
MAX_ENTRIES = 2048
#: Results computed faster than this (milliseconds) are not worth keeping.
MIN_MS = 5.0


class GraphCache:
    """A least-recently-used map of results, valid for one generation of the graph."""

    def __init__(self, settings: Settings | None, max_entries: int = MAX_ENTRIES, min_ms: float = MIN_MS) -> None:
        self.settings = settings
        self.max_entries = max_entries
        self.min_ms = min_ms
        self._lock = threading.Lock()
        self._entries: dict[Hashable, OrderedDict[Hashable, Any]] = {}
        self._generation: int | None = None
        self.hits = self.misses = 0

    def _current(self) -> int | None:
        """The data folder's generation; None (keep nothing) without a data folder."""
        if self.settings is None or not getattr(self.settings, "data_dir", None):
            return None
        return store_generation.current(self.settings)

    def get(self, key: Hashable, compute: Callable[[], T], kind: Hashable = None) -> T:
        """The kept result for ``key``, or ``compute()`` (kept when it was slow). ``kind``:
        the list it is kept in (default: the first element of a tuple key)."""
        gen = self._current()
        if gen is None:
            return compute()
        if kind is None and isinstance(key, tuple) and key:
            kind = key[0]
        full = (gen, key)
        with self._lock:
            if gen != self._generation:  # the graph changed: nothing kept is valid any more
                self._entries.clear()
                self._generation = gen
            entries = self._entries.setdefault(kind, OrderedDict())
            if full in entries:
                entries.move_to_end(full)
                self.hits += 1
                return entries[full]
            self.misses += 1
        started = time.perf_counter()
        value = compute()
        if (time.perf_counter() - started) * 1000 >= self.min_ms:
            with self._lock:
                if gen == self._generation:
                    entries = self._entries.setdefault(kind, OrderedDict())
                    entries[full] = value
                    while len(entries) > self.max_entries:
                        entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._generation = None
