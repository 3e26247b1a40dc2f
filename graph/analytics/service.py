"""The analytics service the web UI and the CLI call.

``Analytics(store, settings)`` is cheap to create (per request is fine): the
projection lives in the process-wide cache (:mod:`graph.analytics.cache`) and
is rebuilt only when the graph's version changes. Each public call checks the
version (two small count queries) unless ``check_every`` seconds have not yet
passed since the last check.

All methods take entity ids; :meth:`resolve` turns a user-typed name into an
entity (raising :class:`~graph.errors.Ambiguous` with candidates, or
:class:`~graph.errors.NotFound`). Results are plain dicts/dataclasses ready for
JSON (``Recommendation.to_dict()``).
"""

from __future__ import annotations

import time
from typing import Any

from graph.analytics import cache, metrics
from graph.analytics import paths as paths_mod
from graph.analytics import recommend as recommend_mod
from graph.analytics.projection import Projection
from graph.analytics.recommend import Recommendation


class Analytics:
    def __init__(self, store: Any, settings: Any = None, check_every: float = 0.0) -> None:
        self.store = store
        self.settings = settings
        self.check_every = check_every
        self._proj: Projection | None = None
        self._checked = 0.0

    # ------------------------------------------------------------------ plumbing
    def projection(self) -> Projection:
        """The current projection (rebuilt when the graph changed)."""
        now = time.monotonic()
        if self._proj is None or now - self._checked >= self.check_every:
            self._proj = cache.get_projection(self.store, self.settings)
            self._checked = now
        return self._proj

    def _persist_if_new(self, proj: Projection, before: set[str]) -> None:
        if {k for k in proj.extras if not k.startswith("_")} - before:
            cache.save(self.settings, cache.store_key(self.store), proj)

    def resolve(self, name: str) -> dict:
        """The organization, university or person a user-typed name (or id) designates."""
        from graph.search import resolve_name

        return resolve_name(self.store, name, types=["Organization", "University", "Person"])

    # ------------------------------------------------------------------ features
    def recommend(self, entity_id: str, k: int = 10) -> list[Recommendation]:
        """Organizations/universities ``entity_id`` should meet, best first (see
        :mod:`graph.analytics.recommend` for the score)."""
        return recommend_mod.recommend(self.projection(), entity_id, k)

    def partners(self, entity_id: str) -> list[dict]:
        """Everyone ``entity_id`` already works with: co-participants in projects and
        explicit partners. Each: ``{"partner": entity, "shared_projects": [...],
        "shared_count", "explicit": bool, "evidence": [{doc_id, sentence, start, end}]}``,
        explicit partnerships and most shared projects first."""
        proj = self.projection()
        u = proj.index(entity_id)
        if proj.org_mask[u]:
            nbs = proj.neighbors(proj.A, u)
        else:  # a person: the organizations of their projects and affiliations
            nbs, _ = proj.entity_links(u)
            nbs = nbs[proj.org_mask[nbs]]
        evidence: dict[str, list[dict]] = {}
        for row in self.store.run("analytics/partnership_evidence", id=entity_id).rows:
            evidence.setdefault(row["partner_id"], []).append(
                {"doc_id": row["doc_id"], "sentence": row["sentence"], "start": row["start"],
                 "end": row["span_end"]})
        out = []
        for v in nbs.tolist():
            cand = proj.actors[v]
            shared = proj.shared_projects(u, v)
            ev = evidence.get(cand["id"], [])
            out.append({"partner": dict(cand), "shared_projects": [dict(p) for p in shared],
                        "shared_count": len(shared), "explicit": bool(ev) or bool(proj.P[u, v]),
                        "evidence": ev})
        out.sort(key=lambda r: (-int(r["explicit"]), -r["shared_count"], r["partner"]["name"]))
        return out

    def paths(self, a: str, b: str, max_hops: int = 3, max_paths: int = 10) -> list[dict]:
        """Shortest connecting paths (at most ``max_hops`` hops) between two entity ids."""
        return paths_mod.paths(self.projection(), a, b, max_hops=max_hops, max_paths=max_paths)

    def stats(self) -> dict:
        """Ecosystem numbers: counts by type/subtype, links, most connected, startups/SMEs
        without academic partner, plus the number of communities."""
        proj = self.projection()
        before = set(proj.extras)
        out = dict(metrics.stats(proj))
        out["communities"] = len(metrics.communities(proj))
        self._persist_if_new(proj, before)
        return out

    def brokers(self, k: int = 10) -> list[dict]:
        """Organizations with the highest betweenness (bridges of the ecosystem)."""
        proj = self.projection()
        before = set(proj.extras)
        out = metrics.brokers(proj, k)
        self._persist_if_new(proj, before)
        return out

    def communities(self) -> list[dict]:
        """Louvain communities: size, role mix, main members, topics."""
        proj = self.projection()
        before = set(proj.extras)
        out = metrics.community_summary(proj)
        self._persist_if_new(proj, before)
        return out

    def connectors(self, k: int = 10) -> list[dict]:
        """Organizations whose partners span the most other communities."""
        proj = self.projection()
        before = set(proj.extras)
        out = metrics.connectors(proj, k)
        self._persist_if_new(proj, before)
        return out

    def precompute(self) -> dict:
        """Build the projection and every cached analytic now (after an ingest), so no
        request pays for Louvain or betweenness. Returns the projection summary."""
        proj = self.projection()
        before = set(proj.extras)
        metrics.stats(proj)
        metrics.community_labels(proj)
        metrics.betweenness(proj)
        self._persist_if_new(proj, before)
        return proj.summary()
