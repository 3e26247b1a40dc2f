"""The one store interface. Backends live beside it and normalise at the edge:
nothing above ``graph/store/`` ever sees a driver type.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from grappe.model import GraphBatch


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0

    def first(self) -> dict[str, Any] | None:
        return self.rows[0] if self.rows else None

    def scalar(self, default: Any = None) -> Any:
        row = self.first()
        return next(iter(row.values())) if row else default

    def to_json(self) -> dict[str, Any]:
        return {"columns": self.columns, "rows": self.rows, "truncated": self.truncated}


@dataclass
class WriteStats:
    documents: int = 0
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    seconds: float = 0.0
    extra: dict[str, int] = field(default_factory=dict)


@runtime_checkable
class GraphStore(Protocol):
    """What every backend offers. Values in and out are plain Python.

    * ``run(name, **params)``: a named query from ``cypher/`` (may write).
    * ``read(cypher, params, timeout_ms, max_rows)``: an analyst's free Cypher,
      read-only as enforced by the database, with a time limit and a row cap
      (fetched as cap + 1 so ``truncated`` is exact).
    * ``write(batch)``: upsert a :class:`GraphBatch` in UNWIND batches.
    * ``upsert_rows(name, rows)``: run a named UNWIND query over ``rows`` in batches.
    * ``write_document(batch)``: one document's batch, its complete marker written last.
    """

    backend: str  # "falkordb" | "neo4j"

    def create_schema(self) -> None: ...
    def run(self, name: str, **params: Any) -> QueryResult: ...
    def read(self, cypher: str, params: dict[str, Any] | None = None,
             timeout_ms: int | None = None, max_rows: int | None = None) -> QueryResult: ...
    def write(self, batch: GraphBatch) -> WriteStats: ...
    def upsert_rows(self, name: str, rows: Iterable[dict[str, Any]], **params: Any) -> int: ...
    def write_document(self, batch: GraphBatch) -> WriteStats: ...
    def delete_document(self, doc_id: str) -> int: ...
    def stats(self) -> dict[str, int]: ...
    def clear(self) -> None: ...
    def close(self) -> None: ...
