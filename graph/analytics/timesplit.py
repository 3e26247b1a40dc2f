"""Time splits of a dated co-participation network (benchmark and ranker training).

``edges_from_rows`` turns structured-import rows (:mod:`ingest.tabular`) into edge
lists keyed by the source's identifiers; ``split(edges, until, first, last)``
builds the graph of the projects starting up to ``until`` and the *new pairs*:
organizations that first work together in a project starting in
``first..last`` (no shared project up to ``until``), both already in the graph
with a project up to ``until``. Queries are organizations with a history (a
partner up to ``until``) and at least one new pair. Every projection of one
set of edge lists shares the actor index (the entity list is the same).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from graph.analytics import projection as projection_mod
from graph.analytics.projection import EdgeLists, Projection


def edges_from_rows(rows: Iterable) -> EdgeLists:
    """Edge lists from :class:`ingest.tabular.Row` objects (ids: ``org:<id>``, ``project:<id>``)."""
    entities: dict[str, dict] = {}
    parts: list[tuple[str, str]] = []
    texts: dict[str, str] = {}
    for r in rows:
        oid, pid = f"org:{r.organization}", f"project:{r.project}"
        if oid not in entities:
            entities[oid] = {"id": oid, "name": r.name or f"Organization {r.organization}",
                             "type": r.type.value, "subtype": r.subtype, "country": r.country}
        if pid not in entities:
            entities[pid] = {"id": pid, "name": f"Project {r.project}", "type": "Project",
                             "start_date": r.date}
            texts[pid] = " ".join(v for k, v in r.project_fields.items() if k not in ("project", "organization"))
        parts.append((oid, pid))
    return EdgeLists(entities=list(entities.values()), participations=parts, project_text=texts)


def _years(edges: EdgeLists) -> dict[str, int]:
    return {e["id"]: projection_mod._year(e.get("start_date")) for e in edges.entities if e.get("type") == "Project"}


def until(edges: EdgeLists, last_year: int) -> EdgeLists:
    """The same entities, only the participations in projects starting up to ``last_year``."""
    years = _years(edges)
    keep = [(a, p) for a, p in edges.participations if 0 < years.get(p, 0) <= last_year]
    texts = {p: t for p, t in edges.project_text.items() if 0 < years.get(p, 0) <= last_year}
    return EdgeLists(entities=edges.entities, participations=keep, partnerships=edges.partnerships,
                     affiliations=edges.affiliations, project_text=texts)


@dataclass
class TimeSplit:
    graph: Projection  # projects up to ``until``
    queries: np.ndarray  # actor indices, sorted
    truth: dict[int, set[int]]  # query -> its new partners
    until: int
    first: int
    last: int


def new_pairs(edges: EdgeLists, graph: Projection, first: int, last: int) -> sp.csr_matrix:
    """0/1 org x org matrix of pairs sharing a project starting in ``first..last`` but
    no project in ``graph``, both with a project in ``graph``."""
    years = _years(edges)
    idx, pidx = graph.actor_index, {}
    rows, cols = [], []
    for a, p in edges.participations:
        if first <= years.get(p, 0) <= last and a in idx:
            rows.append(idx[a])
            cols.append(pidx.setdefault(p, len(pidx)))
    n = len(graph.actors)
    Bw = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(len(pidx), 1)))
    Bw.data[:] = 1.0
    known = (np.diff(graph.B.indptr) > 0) & graph.org_mask
    keep = sp.diags(known.astype(np.float32))
    W = (keep @ (Bw @ Bw.T) @ keep).tocsr()
    W.setdiag(0)
    W.eliminate_zeros()  # before the 0/1 step, or the cleared diagonal comes back as 1
    W.data[:] = 1.0
    W = W - W.multiply(graph.A)
    W.eliminate_zeros()
    return W.tocsr()


def split(edges: EdgeLists, until_year: int, first: int, last: int, queries: int = 2000,
          seed: int = 7, graph: Projection | None = None) -> TimeSplit:
    """Graph up to ``until_year`` and ``queries`` seeded queries with new pairs in ``first..last``."""
    graph = graph or projection_mod.build(until(edges, until_year))
    new = new_pairs(edges, graph, first, last)
    has_new = np.flatnonzero(np.diff(new.indptr) > 0)
    has_history = graph.degree[has_new] > 0
    pool = has_new[has_history]
    rng = np.random.default_rng(seed)
    if len(pool) > queries:
        pool = np.sort(rng.choice(pool, size=queries, replace=False))
    truth = {int(u): set(new.indices[new.indptr[u]:new.indptr[u + 1]].tolist()) for u in pool}
    return TimeSplit(graph=graph, queries=pool, truth=truth, until=until_year, first=first, last=last)
