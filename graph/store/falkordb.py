"""FalkorDB backend: the ``falkordb`` client over a unix socket or TCP.

Writes go through ``GRAPH.QUERY``; analysts' reads through ``GRAPH.RO_QUERY``
(``ro_query``), which the server refuses to run if the query writes. Results are
normalised here: nodes, edges and paths become dicts and lists, temporals ISO strings.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FPath

from graph import cypher
from graph.query_guard import Limits
from graph.store._common import CypherStore, iso, one_line
from graph.store.base import QueryResult
from grappe.errors import ConfigError, QueryError, QueryTimeout, ReadOnlyViolation, StoreUnavailable

SCHEMA_FILE = cypher.CYPHER_DIR / "schema" / "falkordb.cypher"

#: unique constraints on ``id``: every typed entity is also :Entity, so one on Entity covers
#: them; relationship ids are already unique by MERGE on the whole pattern (and a
#: constraint per relationship type cost ~20% of relationship write throughput)
UNIQUE_KEYS: tuple[tuple[str, str], ...] = (("NODE", "Entity"), ("NODE", "Document"), ("NODE", "Mention"))


def normalise(value: Any) -> Any:
    """FalkorDB client values as plain Python."""
    if isinstance(value, Node):
        return {"_id": str(value.id), "_labels": list(value.labels or []),
                **{k: normalise(v) for k, v in value.properties.items()}}
    if isinstance(value, Edge):
        return {"_id": str(value.id), "_type": value.relation,
                "_start": str(value.src_node.id if isinstance(value.src_node, Node) else value.src_node),
                "_end": str(value.dest_node.id if isinstance(value.dest_node, Node) else value.dest_node),
                **{k: normalise(v) for k, v in value.properties.items()}}
    if isinstance(value, FPath):
        out: list[Any] = []
        nodes, edges = value.nodes(), value.edges()
        for i, node in enumerate(nodes):
            out.append(normalise(node))
            if i < len(edges):
                out.append(normalise(edges[i]))
        return out
    if isinstance(value, dict):
        return {str(k): normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if type(value).__name__ == "relativedelta":
        return str(value)
    return iso(value)


def parse_url(url: str, default_graph: str) -> dict[str, Any]:
    """``falkordb://[[user]:password@]host:port[/graph]`` -> connection arguments."""
    parts = urlsplit(url)
    if parts.scheme not in ("falkordb", "falkor", "redis"):
        raise ConfigError("GRAPPE_GRAPH_URL", url, "falkordb://[:password@]host:port/graph")
    try:
        port = parts.port or 6379
    except ValueError:
        raise ConfigError("GRAPPE_GRAPH_URL", url, "a port number after the host (host:6379)") from None
    if not parts.hostname:
        raise ConfigError("GRAPPE_GRAPH_URL", url, "falkordb://[:password@]host:port/graph (a host name)")
    graph = unquote(parts.path.lstrip("/")) or default_graph
    return {"host": parts.hostname, "port": port, "username": unquote(parts.username) if parts.username else None,
            "password": unquote(parts.password) if parts.password else None, "graph": graph}


class FalkorDBStore(CypherStore):
    backend = "falkordb"

    def __init__(self, graph_name: str, *, unix_socket: str | Path | None = None, host: str | None = None,
                 port: int | None = None, password: str | None = None, username: str | None = None,
                 batch_size: int = 10000, query_timeout_ms: int = 10000, max_rows: int = 1000,
                 connect_timeout: float = 5.0, limits: Limits | None = None) -> None:
        super().__init__(batch_size, query_timeout_ms, max_rows, limits)
        self.where = f"unix socket {unix_socket}" if unix_socket else f"{host}:{port}"
        kwargs: dict[str, Any] = {"password": password, "username": username,
                                  "socket_connect_timeout": connect_timeout}
        if unix_socket:
            kwargs["unix_socket_path"] = str(unix_socket)
        else:
            kwargs.update(host=host, port=port)
        self.db: FalkorDB | None = None
        self.graph_name = graph_name
        self._connect(kwargs)
        assert self.db is not None
        self.graph: Any = self.db.select_graph(graph_name)  # falkordb ships no type hints

    def _connect(self, kwargs: dict[str, Any]) -> None:
        try:
            # the client probes the server (INFO) as it is built: wrong password and
            # unreachable server surface here
            self.db = FalkorDB(**kwargs)
            self.db.connection.ping()
        except redis.AuthenticationError:
            self.close()
            raise StoreUnavailable(
                f"FalkorDB at {self.where} refused the password.",
                "Check the password in GRAPPE_GRAPH_URL (falkordb://:password@host:port) "
                "or GRAPPE_FALKORDB_PASSWORD.",
            ) from None
        except redis.ResponseError as exc:
            self.close()
            if "NOAUTH" in str(exc) or "WRONGPASS" in str(exc) or "AUTH" in str(exc):
                raise StoreUnavailable(
                    f"FalkorDB at {self.where} needs a password: {one_line(exc)}.",
                    "Put it in GRAPPE_GRAPH_URL (falkordb://:password@host:port) or GRAPPE_FALKORDB_PASSWORD.",
                ) from None
            raise StoreUnavailable(f"FalkorDB at {self.where} answered with an error: {one_line(exc)}.") from None
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            self.close()
            raise StoreUnavailable(
                f"cannot reach FalkorDB at {self.where}: {one_line(exc)}.",
                "Check that the server runs and GRAPPE_GRAPH_URL points at it "
                "(`grappe db status` for the embedded one).",
            ) from None
        assert self.db is not None
        try:
            modules = self.db.connection.execute_command("MODULE", "LIST")
        except redis.ResponseError:
            modules = None  # MODULE may be disabled; the first graph query will tell
        if modules is not None and not any("graph" in str(m).lower() for m in modules):
            self.close()
            raise StoreUnavailable(
                f"the server at {self.where} is a Redis without the FalkorDB module.",
                "Point GRAPPE_GRAPH_URL at a FalkorDB server.",
            )

    # ------------------------------------------------------------------ execution

    def _result(self, res: Any, started: float) -> QueryResult:
        columns = [h[1] if isinstance(h, (list, tuple)) else str(h) for h in (res.header or [])]
        rows = [dict(zip(columns, (normalise(v) for v in record), strict=False)) for record in res.result_set or []]
        return QueryResult(columns, rows, False, (time.perf_counter() - started) * 1000)

    def _error(self, exc: Exception, name: str, timeout_ms: int | None = None) -> QueryError:
        msg = str(exc)
        low = msg.lower()
        if isinstance(exc, (redis.ConnectionError, redis.TimeoutError)):
            raise StoreUnavailable(
                f"lost the connection to FalkorDB at {self.where}: {one_line(msg)}.",
                "Check that the server still runs (`grappe db status`).",
            ) from None
        if "mem consumption exceeded" in low:
            return QueryError(name, self.backend, f"stopped: it needed more memory than one query may use ({msg})",
                              "Narrow the query (a LIMIT, smaller ranges and lists), or raise "
                              "GRAPPE_QUERY_MEMORY_MB and restart the database.")
        if "timed out" in low or "timeout" in low:
            return QueryTimeout(name, self.backend, f"stopped after {timeout_ms} ms ({msg})",
                                "Narrow the query (a LIMIT, a more selective MATCH) or raise the time limit.")
        if "read-only" in low or "readonly" in low or "read only" in low:
            return ReadOnlyViolation(name, self.backend, msg, "The console only reads the graph.")
        return QueryError(name, self.backend, msg)

    def _execute(self, text: str, params: dict[str, Any] | None = None, name: str = "query") -> QueryResult:
        started = time.perf_counter()
        try:
            res = self.graph.query(text, params or None)
        except (redis.RedisError, OSError) as exc:
            raise self._error(exc, name) from None
        return self._result(res, started)

    def _read_only(self, text: str, params: dict[str, Any] | None, timeout_ms: int | None,
                   max_rows: int | None) -> QueryResult:
        started = time.perf_counter()
        timeout = int(timeout_ms) if timeout_ms else None
        try:
            try:
                res = self.graph.ro_query(text, params or None, timeout=timeout)
            except redis.ResponseError as exc:
                if "empty key" not in str(exc):
                    raise
                # a graph nobody wrote to yet does not exist: create it empty, then read
                self.graph.query("RETURN 1")
                res = self.graph.ro_query(text, params or None, timeout=timeout)
        except (redis.RedisError, OSError) as exc:
            raise self._error(exc, "console", timeout_ms) from None
        result = self._result(res, started)
        if max_rows is not None and len(result.rows) > max_rows:
            result.rows = result.rows[:max_rows]
            result.truncated = True
        return result

    # ------------------------------------------------------------------ protocol

    def create_schema(self) -> None:
        for statement in cypher.statements(SCHEMA_FILE.read_text(encoding="utf-8")):
            try:
                self._execute(statement, None, "schema/falkordb")
            except QueryError as exc:
                if "already" in exc.detail.lower():  # indexed / exists: idempotent
                    continue
                raise
        # unique constraints (a Redis command, not Cypher) on the keys the indexes above
        # cover: a second node with the same id fails loudly instead of duplicating
        for kind, label in UNIQUE_KEYS:
            try:
                self.db.connection.execute_command(  # type: ignore[union-attr]
                    "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", kind, label, "PROPERTIES", 1, "id")
            except redis.ResponseError as exc:
                if "already" not in str(exc).lower():
                    raise self._error(exc, "schema/falkordb") from None
        self.wait_for_indexes()

    def wait_for_indexes(self, timeout: float = 30.0) -> None:
        """Block until every index is OPERATIONAL (built in the background on FalkorDB),
        so a search right after the first ingest does not come back empty."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            rows = self.run("read/index_status").rows
            if all(r.get("status") == "OPERATIONAL" for r in rows):
                return
            time.sleep(0.02)

    def drop(self) -> None:
        """Delete the whole graph, indexes included (tests; ``clear()`` keeps the schema)."""
        try:
            self.graph.delete()
        except redis.ResponseError as exc:
            if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                raise self._error(exc, "drop") from None

    def clear(self) -> None:
        self.drop()
        self.create_schema()

    def close(self) -> None:
        if self.db is None:
            return
        try:
            self.db.connection.close()
        except Exception:  # closing a broken connection
            pass
