"""Held-out link evaluation of the recommender (used by ``bench/matchmaking.py`` and tests).

Protocol: hide a seeded random ``hide`` fraction of participations (actor ->
project links) and the same fraction of explicit partnerships, build the
projection from the rest, and call *held-out partners* of an organization the
organizations it works with in the full graph but not in the training graph.
Queries are organizations with at least one held-out partner and at least one
remaining link (sampled, seeded). For each method, ``hits@k`` is the share of
queries with a held-out partner among the top ``k`` and MRR the mean of 1/rank
of the first held-out partner within the top ``max_rank`` (0 beyond).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from graph.analytics import projection as projection_mod
from graph.analytics.projection import EdgeLists, Projection
from graph.analytics.recommend import rank


@dataclass
class Split:
    train: Projection
    full: Projection
    queries: np.ndarray  # actor indices (same index space in both projections)
    truth: dict[int, set[int]]


def split(edges: EdgeLists, hide: float = 0.2, seed: int = 1, max_queries: int = 1000) -> Split:
    rng = np.random.default_rng(seed)
    parts = edges.participations
    keep = rng.random(len(parts)) >= hide
    pkeep = rng.random(len(edges.partnerships)) >= hide
    train_edges = EdgeLists(
        entities=edges.entities,
        participations=[e for e, k in zip(parts, keep, strict=True) if k],
        partnerships=[e for e, k in zip(edges.partnerships, pkeep, strict=True) if k],
        affiliations=edges.affiliations, project_text=edges.project_text,
    )
    full = projection_mod.build(edges)
    train = projection_mod.build(train_edges)
    new = (full.A - train.A).tocsr()
    new.eliminate_zeros()
    has_new = np.flatnonzero(np.diff(new.indptr) > 0)
    has_link = np.diff(train.A.indptr) > 0
    cands = has_new[has_link[has_new]]
    if len(cands) > max_queries:
        cands = np.sort(rng.choice(cands, size=max_queries, replace=False))
    truth = {int(u): set(new.indices[new.indptr[u]:new.indptr[u + 1]].tolist()) for u in cands}
    return Split(train=train, full=full, queries=cands, truth=truth)


def evaluate(sp_: Split, methods=("combined", "proximity", "topic", "popularity", "random"),
             k: int = 10, max_rank: int = 100, seed: int = 3) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for method in methods:
        rng = np.random.default_rng(seed)
        hits, rr, times = 0, 0.0, []
        for u in sp_.queries:
            t0 = time.perf_counter()
            top, _ = rank(sp_.train, int(u), max_rank, method=method, rng=rng, fill=True)
            times.append(time.perf_counter() - t0)
            truth = sp_.truth[int(u)]
            first = next((i for i, v in enumerate(top.tolist()) if v in truth), None)
            if first is not None:
                rr += 1.0 / (first + 1)
                hits += first < k
        n = max(len(sp_.queries), 1)
        out[method] = {
            f"hits@{k}": hits / n, "mrr": rr / n,
            "median_ms": float(np.median(times) * 1000) if times else 0.0,
            "p95_ms": float(np.percentile(times, 95) * 1000) if times else 0.0,
        }
    return out
