"""All settings in one table: it feeds the config object, the CLI help and the README.

A setting is read from the environment (``GRAPPE_...``) unless a CLI flag or the
caller's overrides give it. Nothing is read at import time.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grappe.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str  # attribute name on Settings
    env: str  # environment variable
    default: str | None
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "GRAPPE_DATA_DIR", "./data",
            "Folder for the embedded FalkorDB (socket, persistence), curation log and caches."),
    Setting("graph_url", "GRAPPE_GRAPH_URL", "falkordb-embedded",
            "Graph store: `falkordb-embedded` (a local FalkorDB started in the data folder), "
            "`falkordb://[:password@]host:port/graph` (an existing FalkorDB) or a Neo4j URI "
            "(`neo4j://`, `neo4j+s://`, `bolt://`)."),
    Setting("graph_name", "GRAPPE_GRAPH_NAME", "grappe",
            "Graph name inside FalkorDB (ignored by Neo4j, which uses NEO4J_DATABASE)."),
    Setting("neo4j_username", "NEO4J_USERNAME", "neo4j", "Neo4j user name."),
    Setting("neo4j_password", "NEO4J_PASSWORD", None, "Neo4j password."),
    Setting("neo4j_database", "NEO4J_DATABASE", None, "Neo4j database (default: the server's)."),
    Setting("falkordb_port", "GRAPPE_FALKORDB_PORT", None,
            "Also listen on this TCP port on 127.0.0.1 (embedded FalkorDB; off by default)."),
    Setting("falkordb_password", "GRAPPE_FALKORDB_PASSWORD", None,
            "Password for the embedded FalkorDB (required when the TCP port is on)."),
    Setting("batch_size", "GRAPPE_BATCH_SIZE", "10000", "Rows per UNWIND batch when writing."),
    Setting("query_timeout_ms", "GRAPPE_QUERY_TIMEOUT_MS", "10000",
            "Time limit for analysts' read-only queries, in milliseconds."),
    Setting("max_rows", "GRAPPE_MAX_ROWS", "1000", "Row cap for analysts' read-only queries."),
    Setting("secret_key", "GRAPPE_SECRET_KEY", None,
            "Flask secret key for sessions (default: one generated and kept in the data folder)."),
    Setting("anonymous_search", "GRAPPE_ANONYMOUS_SEARCH", "true",
            "Whether visitors who are not signed in may search and read entity pages."),
)

_INTS = {"batch_size", "query_timeout_ms", "max_rows", "falkordb_port"}
_BOOLS = {"anonymous_search"}


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    graph_url: str
    graph_name: str
    neo4j_username: str
    neo4j_password: str | None
    neo4j_database: str | None
    falkordb_port: int | None
    falkordb_password: str | None
    batch_size: int
    query_timeout_ms: int
    max_rows: int
    secret_key: str | None
    anonymous_search: bool

    @classmethod
    def load(cls, overrides: Mapping[str, object] | None = None,
             environ: Mapping[str, str] | None = None) -> Settings:
        """Defaults < environment < overrides (CLI flags, tests). ``None`` overrides are ignored."""
        env = os.environ if environ is None else environ
        overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        values: dict[str, object] = {}
        for s in SETTINGS:
            raw = overrides.get(s.name, env.get(s.env, s.default))
            values[s.name] = _convert(s, raw)
        return cls(**values)  # type: ignore[arg-type]

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _convert(s: Setting, raw: object) -> object:
    if raw is None or raw == "":
        if s.default is None:
            return None
        raw = s.default
    if s.name == "data_dir":
        return Path(str(raw)).expanduser()
    if s.name in _INTS:
        try:
            value = int(str(raw).strip())
        except (TypeError, ValueError):
            raise ConfigError(s.env, raw, "a whole number") from None
        if value <= 0:
            raise ConfigError(s.env, raw, "a number above 0")
        return value
    if s.name in _BOOLS:
        text = str(raw).strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(s.env, raw, "true or false")
    return str(raw)
