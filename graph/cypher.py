"""Load Cypher text from ``cypher/``: every query the app runs lives there.

``cypher/<name>.cypher`` is portable; ``cypher/<backend>/<name>.cypher`` overrides
it for one backend (dialect differences live in files, not in ``if`` branches).
Saved analyst queries live in ``cypher/queries/`` and open with a comment header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from grappe.errors import NotFound

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
BACKENDS = ("falkordb", "neo4j")


@cache
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


#: header type name -> canonical type
PARAM_TYPES = {"string": "string", "str": "string", "int": "int", "integer": "int", "float": "float",
               "number": "float", "bool": "bool", "boolean": "bool", "list": "list",
               # an entity id; callers may resolve a name or an acronym to it first (graph.search.resolve_name)
               "entity": "entity"}
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str = ""

    @property
    def required(self) -> bool:
        return self.default is None

    def coerce(self, raw: object) -> object:
        """``raw`` (text from a command line or a form) as this parameter's type.
        ``null`` (or an empty string for a non-string) is None. Raises ValueError with the reason."""
        if raw is None or not isinstance(raw, str):
            return raw
        kind = PARAM_TYPES.get(self.type.lower(), "string")
        text = raw.strip()
        if text.lower() == "null" or (text == "" and kind != "string"):
            return None
        if kind == "int":
            try:
                return int(text)
            except ValueError:
                raise ValueError(f"{self.name} must be a whole number, not {raw!r}") from None
        if kind == "float":
            try:
                return float(text)
            except ValueError:
                raise ValueError(f"{self.name} must be a number, not {raw!r}") from None
        if kind == "bool":
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise ValueError(f"{self.name} must be true or false, not {raw!r}")
        if kind == "list":
            return [part.strip() for part in text.split(",") if part.strip()]
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            return text[1:-1]
        return raw

    def default_value(self) -> object:
        return None if self.default is None else self.coerce(self.default)


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

    def body(self, backend: str) -> str:
        """The query text without its comment header (what is sent to the database)."""
        lines = self.text(backend).splitlines()
        while lines and (lines[0].lstrip().startswith("//") or not lines[0].strip()):
            lines.pop(0)
        return "\n".join(lines).strip()

    def bind(self, raw: dict[str, object]) -> dict[str, object]:
        """Parameters for a run: ``raw`` values coerced to the header types, defaults filled in.
        Raises ValueError naming a missing required parameter or an unknown one."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            listing = ", ".join(known) or "none"
            raise ValueError(f"query {self.name!r} has no parameter {', '.join(unknown)} (parameters: {listing})")
        out: dict[str, object] = {}
        for p in self.params:
            if p.name in raw:
                out[p.name] = p.coerce(raw[p.name])
            elif p.required:
                raise ValueError(f"query {self.name!r} needs --param {p.name}=<{p.type}>"
                                 + (f" ({p.description})" if p.description else ""))
            else:
                out[p.name] = p.default_value()
        return out


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
