"""The analytics service the web UI and the CLI call.

``Analytics(store, settings)`` is cheap to create (per request is fine): the
projection lives in the process-wide cache (:mod:`graph.analytics.cache`) and
is rebuilt only when the graph's version changes. Each public call checks the
version (two small count queries) unless ``check_every`` seconds have not yet
passed since the last check.

All methods take entity ids; :meth:`resolve` turns a user-typed name into an
entity (raising :class:`~grappe.errors.Ambiguous` with candidates, or
:class:`~grappe.errors.NotFound`). Results are plain dicts/dataclasses ready for
JSON (``Recommendation.to_dict()``).
"""

from __future__ import annotations

import time

import numpy as np

from graph.analytics import cache, metrics, ranker
from graph.analytics import paths as paths_mod
from graph.analytics import recommend as recommend_mod
from graph.analytics.projection import Projection
from graph.analytics.recommend import Recommendation
from graph.search import resolve_name
from graph.store.base import GraphStore
from grappe.settings import Settings


class Analytics:
    def __init__(self, store: GraphStore, settings: Settings | None = None, check_every: float = 0.0) -> None:
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
        return resolve_name(self.store, name, types=["Organization", "University", "Person"])

    # ------------------------------------------------------------------ features
    def recommend(self, entity_id: str, k: int = 10, exclude_hubs: bool = False) -> list[Recommendation]:
        """Organizations/universities ``entity_id`` should meet, best first (see
        :mod:`graph.analytics.recommend` for the score; the shipped learned ranker
        ranks on dated graphs). ``exclude_hubs``: leave out the top 1 % by degree."""
        return recommend_mod.recommend(self.projection(), entity_id, k, exclude_hubs=exclude_hubs,
                                       model=ranker.shipped())

    def partners(self, entity_id: str, limit: int | None = None) -> list[dict]:
        """Everyone ``entity_id`` already works with: co-participants in projects and
        explicit partners. Each: ``{"partner": entity (with aliases), "shared_projects": [...],
        "shared_count", "explicit": bool, "evidence": [{doc_id, title, date, sentence, start,
        end}]}``, explicit partnerships and most shared projects first; the first ``limit``."""
        return self.partners_page(entity_id, limit)[0]

    def partners_page(self, entity_id: str, limit: int | None = None) -> tuple[list[dict], int]:
        """The first ``limit`` partners (see :meth:`partners`) and how many there are in all.

        Ranking uses the projection's counts only; shared projects and evidence are read
        for the partners returned, so a hub with thousands of partners costs what a page
        of them costs."""
        proj = self.projection()
        u = proj.index(entity_id)
        if proj.org_mask[u]:
            nbs = proj.neighbors(proj.A, u)
            shared = np.asarray(proj.C[u, nbs].todense()).ravel().astype(np.int64) if len(nbs) else nbs
        else:  # a person: the organizations of their projects and affiliations
            nbs, shared = proj.entity_links(u)
            keep = proj.org_mask[nbs]
            nbs, shared = nbs[keep], shared[keep]
        total = len(nbs)
        if not total:
            return [], 0
        explicit = np.isin(nbs, proj.neighbors(proj.P, u))
        # explicit partnerships first, then most shared projects, then by name
        order = np.lexsort((proj.name_rank[nbs], -shared, ~explicit))
        top = nbs[order[:limit] if limit is not None else order]
        evidence: dict[str, list[dict]] = {}
        aliases: dict[str, list[str]] = {}
        ids = [proj.actors[v]["id"] for v in top.tolist()]
        for row in self.store.run("analytics/partnership_evidence", id=entity_id, ids=ids).rows:
            aliases[row["partner_id"]] = [a for a in row.get("aliases") or [] if a]
            if row.get("sentence") is not None:
                evidence.setdefault(row["partner_id"], []).append(
                    {"doc_id": row["doc_id"], "title": row.get("title"), "date": row.get("date"),
                     "sentence": row["sentence"], "start": row["start"], "end": row["span_end"]})
        out = []
        for v in top.tolist():
            cand = proj.actors[v]
            projects = proj.shared_projects(u, v)
            ev = evidence.get(cand["id"], [])
            out.append({"partner": dict(cand, aliases=aliases.get(cand["id"], [])),
                        "shared_projects": [dict(p) for p in projects], "shared_count": len(projects),
                        "explicit": bool(ev) or bool(proj.P[u, v]), "evidence": ev})
        return out, total

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
