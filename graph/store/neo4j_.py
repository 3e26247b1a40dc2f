"""Neo4j backend: the official ``neo4j`` driver (the trailing underscore keeps
``import neo4j`` unambiguous).

Writes use ``driver.execute_query`` (managed, retried, routed to the leader);
analysts' reads run in a READ transaction (``session.execute_read``), routed to
readers, where the server itself refuses writes; the transaction carries the time
limit, and only ``max_rows + 1`` records are pulled. Values are normalised here.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import neo4j
from neo4j import GraphDatabase, RoutingControl, unit_of_work
from neo4j import exceptions as nex
from neo4j.graph import Node, Path, Relationship

from graph import cypher
from graph.query_guard import Limits
from graph.store._common import CypherStore, iso, one_line
from graph.store.base import QueryResult
from grappe.errors import ConfigError, QueryError, QueryTimeout, ReadOnlyViolation, StoreUnavailable

# the driver logs connection failures it also raises; Grappe reports the exception once
logging.getLogger("neo4j").addHandler(logging.NullHandler())

SCHEMA_FILE = cypher.CYPHER_DIR / "schema" / "neo4j.cypher"

#: folders of ``cypher/`` whose queries only read: run() routes them to readers
READ_FOLDERS = ("read/", "web/", "search/", "queries/", "export/")


def normalise(value: Any) -> Any:
    """Neo4j driver values as plain Python."""
    if isinstance(value, Node):
        return {"_id": value.element_id, "_labels": sorted(value.labels),
                **{k: normalise(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_id": value.element_id, "_type": value.type,
                "_start": value.start_node.element_id if value.start_node is not None else None,
                "_end": value.end_node.element_id if value.end_node is not None else None,
                **{k: normalise(v) for k, v in value.items()}}
    if isinstance(value, Path):
        out: list[Any] = []
        for i, node in enumerate(value.nodes):
            out.append(normalise(node))
            if i < len(value.relationships):
                out.append(normalise(value.relationships[i]))
        return out
    if isinstance(value, dict):
        return {str(k): normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if type(value).__module__.startswith("neo4j.spatial") or hasattr(value, "srid"):
        return {"srid": getattr(value, "srid", None), "coordinates": list(value)}
    return iso(value)


class Neo4jStore(CypherStore):
    backend = "neo4j"

    def __init__(self, url: str, username: str | None, password: str | None, database: str | None = None,
                 *, batch_size: int = 10000, query_timeout_ms: int = 10000, max_rows: int = 1000,
                 connect_timeout: float = 10.0, limits: Limits | None = None) -> None:
        super().__init__(batch_size, query_timeout_ms, max_rows, limits)
        self.url, self.database = url, database or None
        if not password:
            raise ConfigError("NEO4J_PASSWORD", password, f"the password of user {username!r} on {url}")
        try:
            self.driver = GraphDatabase.driver(url, auth=(username or "neo4j", password),
                                               connection_timeout=connect_timeout)
        except (ValueError, nex.ConfigurationError) as exc:
            raise ConfigError("GRAPPE_GRAPH_URL", url, f"a Neo4j URI the driver accepts ({one_line(exc)})") from None
        try:
            self.driver.verify_connectivity()
        except nex.AuthError:
            self.close()
            raise StoreUnavailable(
                f"Neo4j at {url} refused user {username!r}: wrong user name or password.",
                "Check NEO4J_USERNAME and NEO4J_PASSWORD.",
            ) from None
        except (nex.ServiceUnavailable, nex.SessionExpired, OSError) as exc:
            self.close()
            raise StoreUnavailable(
                f"cannot reach Neo4j at {url}: {one_line(exc)}.",
                "Check that the server runs and GRAPPE_GRAPH_URL (host, port, scheme) points at it.",
            ) from None
        except nex.Neo4jError as exc:
            self.close()
            raise StoreUnavailable(f"Neo4j at {url} refused the connection: {one_line(exc.message or exc)}.",
                                   "Check NEO4J_DATABASE and the user's rights.") from None

    # ------------------------------------------------------------------ execution

    def _error(self, exc: Exception, name: str, timeout_ms: int | None = None) -> Exception:
        if isinstance(exc, (nex.ServiceUnavailable, nex.SessionExpired)):
            return StoreUnavailable(f"lost the connection to Neo4j at {self.url}: {one_line(exc)}.",
                                    "Check that the server still runs.")
        if isinstance(exc, nex.AuthError):
            return StoreUnavailable(f"Neo4j at {self.url} refused the credentials: {one_line(exc)}.",
                                    "Check NEO4J_USERNAME and NEO4J_PASSWORD.")
        code = getattr(exc, "code", "") or ""
        message = getattr(exc, "message", None) or str(exc)
        detail = f"{message} ({code})" if code else message
        if "TransactionTimedOut" in code or "timed out" in message.lower():
            return QueryTimeout(name, self.backend, f"stopped after {timeout_ms} ms: {detail}",
                                "Narrow the query (a LIMIT, a more selective MATCH) or raise the time limit.")
        if ("AccessMode" in code or "Forbidden" in code or "42N02" in message
                or "read access mode" in message.lower() or "read only" in message.lower()):
            return ReadOnlyViolation(name, self.backend, detail, "The console only reads the graph.")
        return QueryError(name, self.backend, detail)

    def _execute(self, text: str, params: dict[str, Any] | None = None, name: str = "query") -> QueryResult:
        started = time.perf_counter()
        # named queries from read-only folders go to readers; everything else to the leader
        routing = RoutingControl.READ if name.startswith(READ_FOLDERS) else RoutingControl.WRITE
        try:
            records, _summary, keys = self.driver.execute_query(
                text, parameters_=params or {}, database_=self.database, routing_=routing)
        except (nex.Neo4jError, nex.DriverError) as exc:
            raise self._error(exc, name) from None
        columns = list(keys)
        rows = [{k: normalise(r[k]) for k in columns} for r in records]
        return QueryResult(columns, rows, False, (time.perf_counter() - started) * 1000)

    def _read_only(self, text: str, params: dict[str, Any] | None, timeout_ms: int | None,
                   max_rows: int | None) -> QueryResult:
        started = time.perf_counter()
        limit = None if max_rows is None else max_rows + 1

        @unit_of_work(timeout=(timeout_ms / 1000.0) if timeout_ms else None)
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[dict[str, Any]]]:
            result = tx.run(text, params or {})
            keys = list(result.keys())
            rows = []
            for record in result:
                rows.append({k: normalise(record[k]) for k in keys})
                if limit is not None and len(rows) >= limit:
                    break
            result.consume()
            return keys, rows

        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                columns, rows = session.execute_read(work)
        except (nex.Neo4jError, nex.DriverError) as exc:
            raise self._error(exc, "console", timeout_ms) from None
        truncated = max_rows is not None and len(rows) > max_rows
        return QueryResult(columns, rows[:max_rows] if truncated else rows, truncated,
                           (time.perf_counter() - started) * 1000)

    # ------------------------------------------------------------------ protocol

    def create_schema(self) -> None:
        for statement in cypher.statements(SCHEMA_FILE.read_text(encoding="utf-8")):
            self._execute(statement, None, "schema/neo4j")

    def drop(self) -> None:
        """Delete every node and relationship (Neo4j keeps one graph per database)."""
        self.clear()

    def close(self) -> None:
        driver = getattr(self, "driver", None)
        if driver is not None:
            driver.close()
