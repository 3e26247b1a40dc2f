"""The graph's generation: a number in ``<data_dir>/generation``, bumped after every change
to the graph (an ingest, a curation) so that every process on the data folder (the CLI,
each web worker) sees that its caches are stale: the analytics projections
(:mod:`graph.analytics.cache`) and search's name index (:mod:`graph.search.index`).

A curation may keep every count (a rename): the generation is what tells them apart.
"""

from __future__ import annotations

import os
from pathlib import Path

from grappe.settings import Settings

FILE = "generation"


def _path(settings: Settings | None) -> Path | None:
    data_dir = getattr(settings, "data_dir", None)
    return Path(data_dir) / FILE if data_dir else None


def current(settings: Settings | None) -> int:
    """The generation of ``settings``' data folder (0 before the first change)."""
    path = _path(settings)
    try:
        return int(path.read_text().strip()) if path else 0
    except (OSError, ValueError):
        return 0


def bump(settings: Settings | None) -> int:
    """Count one more change (atomically replaced file); the new generation."""
    path = _path(settings)
    if path is None:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    value = current(settings) + 1
    tmp = path.with_name(f"{FILE}.{os.getpid()}.tmp")
    tmp.write_text(str(value))
    os.replace(tmp, path)
    return value
