"""Matchmaking and graph analytics: sparse projections, recommendations, paths, ecosystem stats.

Public entry points: :class:`graph.analytics.service.Analytics` (what the web UI
and the CLI use) and :func:`invalidate` (what ingest and curation call after
changing the graph). See ``graph/analytics/README.md``.
"""

from __future__ import annotations

from graph.analytics.cache import invalidate

__all__ = ["invalidate"]
