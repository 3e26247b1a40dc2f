"""Graph stores: one interface (:mod:`graph.store.base`), backends chosen by one URL.

* ``falkordb-embedded`` (default): the FalkorDB Grappe starts in ``<data_dir>/falkordb``;
* ``falkordb://[[user]:password@]host:port[/graph]``: an existing FalkorDB;
* ``neo4j://``, ``neo4j+s://``, ``neo4j+ssc://``, ``bolt://``, ``bolt+s://``, ``bolt+ssc://``: Neo4j.

``open_store(settings)`` is the only entry point the rest of Grappe needs.
"""

from __future__ import annotations

import atexit
from typing import Any

from graph.query_guard import Limits
from graph.store.base import GraphStore, QueryResult, WriteStats
from graph.store.embedded import EmbeddedFalkorDB
from grappe.errors import ConfigError
from grappe.settings import Settings

EMBEDDED = "falkordb-embedded"
NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")

__all__ = ["EMBEDDED", "GraphStore", "QueryResult", "WriteStats", "open_store", "backend_of", "init_app"]


def backend_of(url: str) -> str:
    """``"falkordb"`` or ``"neo4j"`` for a GRAPPE_GRAPH_URL, or a ConfigError."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else url.lower()
    if url == EMBEDDED or scheme in ("falkordb", "falkor"):
        return "falkordb"
    if scheme in NEO4J_SCHEMES:
        return "neo4j"
    raise ConfigError(
        "GRAPPE_GRAPH_URL", url,
        f"`{EMBEDDED}`, falkordb://[:password@]host:port/graph, or a Neo4j URI (neo4j://host:7687, bolt://...)",
    )


def open_store(settings: Settings, graph_name: str | None = None, start: bool = True) -> GraphStore:
    """Open the store ``settings.graph_url`` names. For the embedded FalkorDB, start it
    first when it is not running (``start=False`` fails instead)."""
    url = (settings.graph_url or EMBEDDED).strip()
    backend = backend_of(url)
    common: dict[str, Any] = {"batch_size": settings.batch_size, "query_timeout_ms": settings.query_timeout_ms,
              "max_rows": settings.max_rows,
              "limits": Limits(max_chars=settings.query_max_chars, max_depth=settings.query_max_depth)}
    if backend == "falkordb":
        # deferred: only the chosen backend's driver (redis/falkordb or neo4j) is loaded
        from graph.store.falkordb import FalkorDBStore, parse_url

        if url == EMBEDDED:
            server = EmbeddedFalkorDB.from_settings(settings)
            if start:
                server.start()
            return FalkorDBStore(graph_name or settings.graph_name, unix_socket=server.socket,
                                 password=settings.falkordb_password, **common)
        conn = parse_url(url, graph_name or settings.graph_name)
        return FalkorDBStore(conn.pop("graph"), **conn, **common)
    from graph.store.neo4j_ import Neo4jStore  # deferred: as above

    return Neo4jStore(url, settings.neo4j_username, settings.neo4j_password, settings.neo4j_database, **common)


def init_app(app: Any, settings: Any) -> GraphStore:
    """Open the store once for a Flask app (``app.extensions["grappe_store"]``), closed at exit."""
    store = open_store(settings)
    app.extensions["grappe_store"] = store
    atexit.register(store.close)
    return store
