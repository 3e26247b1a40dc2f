"""Load Cypher text from ``cypher/``: every query the app runs lives there.

``cypher/<name>.cypher`` is portable; ``cypher/<backend>/<name>.cypher`` overrides
it for one backend (dialect differences live in files, not in ``if`` branches).
Saved analyst queries live in ``cypher/queries/`` and open with a comment header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.errors import NotFound

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
BACKENDS = ("falkordb", "neo4j")


@lru_cache(maxsize=None)
def load(name: str, backend: str) -> str:
    """Text of query ``name`` (e.g. ``"write/entities"`` or ``"queries/partners_of"``) for ``backend``."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}")
    rel = Path(name + ".cypher")
    candidates = [CYPHER_DIR / backend / rel, CYPHER_DIR / rel]
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise NotFound(
        f"no Cypher file for query {name!r} on {backend}: looked for "
        + " and ".join(str(p.relative_to(CYPHER_DIR.parent)) for p in candidates),
        "Add the file, or the backend's variant under cypher/<backend>/.",
    )


def statements(text: str) -> list[str]:
    """Split a multi-statement file (schema) on ``;`` at line ends, dropping comments."""
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", body) if s.strip()]


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str = ""


@dataclass(frozen=True)
class SavedQuery:
    """An analyst query from ``cypher/queries/`` with its header parsed."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...] = field(default=())
    columns: tuple[str, ...] = field(default=())

    def text(self, backend: str) -> str:
        return load(f"queries/{self.name}", backend)


_HEADER = re.compile(r"^//\s*(\w+)\s*:\s*(.*)$")


def parse_header(name: str, text: str) -> SavedQuery:
    """Header lines look like::

        // name: Partners of an organization
        // description: ...
        // param: id string - entity id          (repeatable; `= default` optional)
        // param: limit int = 25 - how many rows
        // columns: partner, shared_projects
    """
    title, description, params, columns = name, "", [], ()
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "name":
            title = value
        elif key == "description":
            description = f"{description} {value}".strip()
        elif key == "param":
            pm = re.match(r"(\w+)\s+(\w+)(?:\s*=\s*(\S+))?(?:\s+-\s+(.*))?$", value)
            if pm:
                params.append(Param(pm.group(1), pm.group(2), pm.group(3), pm.group(4) or ""))
        elif key == "columns":
            columns = tuple(c.strip() for c in value.split(",") if c.strip())
    return SavedQuery(name, title, description, tuple(params), columns)


def saved_queries() -> list[SavedQuery]:
    """Every saved analyst query, sorted by file name."""
    out = []
    for path in sorted((CYPHER_DIR / "queries").glob("*.cypher")):
        out.append(parse_header(path.stem, path.read_text(encoding="utf-8")))
    return out


def saved_query(name: str) -> SavedQuery:
    for q in saved_queries():
        if q.name == name:
            return q
    raise NotFound(f"no saved query named {name!r}", "`grappe query list` shows them.")
