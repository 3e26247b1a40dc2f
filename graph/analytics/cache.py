"""Loading projections from a store, and caching them.

**Version.** A projection is keyed by the graph's *version*: a hash of the node
and relationship counts (``store.stats()``), the number of documents and the
latest ``Document.ingested_at`` (``cypher/analytics/version.cypher``), and the
store's *generation* (:mod:`graph.store.generation`).

**Invalidation.** Any ingest or removal of a document changes counts or
``ingested_at``, so the next call sees a new version and rebuilds. A curation
that keeps every count (a rename, a changed subtype) bumps the store's generation
(:func:`graph.store.generation.bump`), so every process (the CLI, each web worker) sees
the change on its next call. :func:`invalidate` also drops the pickles and this
process's memory cache at once.

**Layers.** A memory cache per process (one entry per store), then a pickle in
``<data_dir>/analytics/`` (``<store key>-<version>.pkl``, older versions of the
same store deleted), then a rebuild from the store. Precomputed analytics
(communities, brokers) live in ``Projection.extras`` and are saved with it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import threading
from pathlib import Path

from graph.analytics import projection as projection_mod
from graph.analytics.projection import EdgeLists, Projection
from graph.store import generation as store_generation
from graph.store.base import GraphStore
from grappe.settings import Settings

log = logging.getLogger(__name__)

_MEMORY: dict[str, tuple[str, Projection]] = {}
_LOCK = threading.Lock()
FORMAT = 6  # bump when Projection or how it is built changes (old pickles are then ignored)


def store_key(store: GraphStore) -> str:
    """Which database and graph a store points at."""
    parts = [getattr(store, "backend", "?"), str(getattr(store, "where", getattr(store, "url", ""))),
             str(getattr(store, "graph_name", getattr(store, "database", "")))]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _dir(settings: Settings | None) -> Path | None:
    data_dir = getattr(settings, "data_dir", None)
    return Path(data_dir) / "analytics" if data_dir else None


def invalidate(settings: Settings | None = None) -> None:
    """Forget every cached projection (memory, pickles) and bump the store's generation so
    other processes rebuild too."""
    with _LOCK:
        _MEMORY.clear()
    store_generation.bump(settings)
    d = _dir(settings)
    if d is None or not d.is_dir():
        return
    for pkl in d.glob("*.pkl"):
        pkl.unlink(missing_ok=True)


def graph_version(store: GraphStore, settings: Settings | None = None) -> str:
    counts = store.stats()
    row = store.run("analytics/version").first() or {}
    payload = {"counts": counts, "documents": row.get("documents"),
               "last": str(row.get("last_ingested")), "generation": store_generation.current(settings), "format": FORMAT}
    return hashlib.sha1(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


def load_edges(store: GraphStore) -> EdgeLists:
    """Read the projection's inputs from the store (``cypher/analytics/``)."""
    entities = store.run("analytics/entities").rows
    participations = [(r["actor"], r["project"]) for r in store.run("analytics/participations").rows]
    partnerships = [(r["a"], r["b"]) for r in store.run("analytics/partnerships").rows]
    affiliations = [(r["person"], r["org"]) for r in store.run("analytics/affiliations").rows]
    texts: dict[str, str] = {}
    for r in store.run("analytics/project_text").rows:
        parts = [r.get("name") or "", *(r.get("aliases") or []), r.get("description") or "",
                 *(s for s in (r.get("sentences") or []) if s)]
        texts[r["id"]] = " ".join(str(p) for p in parts if p)
    return EdgeLists(entities=entities, participations=participations, partnerships=partnerships,
                     affiliations=affiliations, project_text=texts)


def get_projection(store: GraphStore, settings: Settings | None = None, version: str | None = None) -> Projection:
    """The current projection of ``store``: from memory, a pickle, or built now."""
    key = store_key(store)
    version = version or graph_version(store, settings)
    with _LOCK:
        hit = _MEMORY.get(key)
    if hit and hit[0] == version:
        return hit[1]
    proj = _load_pickle(settings, key, version)
    if proj is None:
        proj = projection_mod.build(load_edges(store))
        proj.extras["version"] = version
        save(settings, key, proj)
    with _LOCK:
        _MEMORY[key] = (version, proj)
    return proj


def _path(settings: Settings | None, key: str, version: str) -> Path | None:
    d = _dir(settings)
    return d / f"{key}-{version}.pkl" if d else None


def _load_pickle(settings: Settings | None, key: str, version: str) -> Projection | None:
    path = _path(settings, key, version)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            proj = pickle.load(fh)
        return proj if isinstance(proj, Projection) else None
    except Exception as exc:  # a stale or truncated pickle: rebuild
        log.warning("analytics cache %s unreadable (%s); rebuilding", path, exc)
        return None


def save(settings: Settings | None, key: str, proj: Projection) -> None:
    """Pickle ``proj`` (atomically) and delete older versions of the same store."""
    version = proj.extras.get("version")
    path = _path(settings, key, version) if version else None
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        private = {k: proj.extras.pop(k) for k in list(proj.extras) if k.startswith("_")}
        try:  # underscore extras are per-process scratch (derived, cheap to redo)
            with tmp.open("wb") as fh:
                pickle.dump(proj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            proj.extras.update(private)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{key}-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not write analytics cache %s: %s", path, exc)
