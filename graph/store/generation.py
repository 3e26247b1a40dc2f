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


#: path → (identity of the file as stat saw it, its value): every cached web answer and
#: every search asks for the generation, and a stat costs a tenth of opening and reading
_SEEN: dict[Path, tuple[tuple[int, int, int], int]] = {}


def current(settings: Settings | None) -> int:
    """The generation of ``settings``' data folder (0 before the first change)."""
    path = _path(settings)
    if path is None:
        return 0
    try:
        st = path.stat()
        # bump() replaces the file: a new inode (and mtime) each time, so an unchanged
        # identity is an unchanged value
        identity = (st.st_ino, st.st_mtime_ns, st.st_size)
        seen = _SEEN.get(path)
        if seen is not None and seen[0] == identity:
            return seen[1]
        value = int(path.read_text().strip())
    except (OSError, ValueError):
        return 0
    _SEEN[path] = (identity, value)
    return value


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
