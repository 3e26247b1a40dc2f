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
    Setting("query_max_chars", "GRAPPE_QUERY_MAX_CHARS", "20000",
            "Longest analyst query accepted, in characters (checked before the database)."),
    Setting("query_max_depth", "GRAPPE_QUERY_MAX_DEPTH", "10",
            "Deepest nesting of an analyst query or of its parameters (brackets, CASE, prefix "
            "operators), checked before the database: FalkorDB parses deep nesting in exponential time."),
    Setting("query_memory_mb", "GRAPPE_QUERY_MEMORY_MB", "1024",
            "Memory one query may use, in MB (the embedded FalkorDB's QUERY_MEM_CAPACITY, set as it "
            "starts; for another server, set its own limit)."),
    Setting("store_timeout_ms", "GRAPPE_STORE_TIMEOUT_MS", "600000",
            "Time limit of Grappe's own queries (ingest writes, analytics) on the embedded FalkorDB "
            "(its TIMEOUT_DEFAULT; TIMEOUT_MAX is the larger of this and GRAPPE_QUERY_TIMEOUT_MS)."),
    Setting("console_slots", "GRAPPE_CONSOLE_SLOTS", "1",
            "Analysts' queries that may run at once, across all processes on this data folder; "
            "the embedded FalkorDB gets that many threads more than the machine has cores, so "
            "the app's own reads always find one."),
    Setting("max_text_chars", "GRAPPE_MAX_TEXT_CHARS", "5000000",
            "Longest clean text of one document, in characters; a longer one is refused with a message."),
    Setting("max_pdf_pages", "GRAPPE_MAX_PDF_PAGES", "2000", "Most pages read from one PDF."),
    Setting("max_unzipped_mb", "GRAPPE_MAX_UNZIPPED_MB", "200",
            "Largest decompressed size of a DOCX (or other zip-based input), in MB."),
    Setting("zip_max_entries", "GRAPPE_ZIP_MAX_ENTRIES", "10000", "Most files inside one DOCX."),
    Setting("zip_max_ratio", "GRAPPE_ZIP_MAX_RATIO", "200",
            "Highest compression ratio of a large file inside a DOCX (a zip bomb's is in the thousands)."),
    Setting("secret_key", "GRAPPE_SECRET_KEY", None,
            "Flask secret key for sessions (default: one generated and kept in the data folder)."),
    Setting("anonymous_search", "GRAPPE_ANONYMOUS_SEARCH", "true",
            "Whether visitors who are not signed in may search and read entity pages."),
)

_INTS = {"batch_size", "query_timeout_ms", "max_rows", "falkordb_port", "query_max_chars", "query_max_depth",
         "query_memory_mb", "store_timeout_ms", "console_slots", "max_text_chars", "max_pdf_pages",
         "max_unzipped_mb", "zip_max_entries", "zip_max_ratio"}
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
    query_max_chars: int
    query_max_depth: int
    query_memory_mb: int
    store_timeout_ms: int
    console_slots: int
    max_text_chars: int
    max_pdf_pages: int
    max_unzipped_mb: int
    zip_max_entries: int
    zip_max_ratio: int
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
