"""What both backends share: rows built from a GraphBatch, batching, the write and
delete sequences, value normalisation and the read-only pre-check.

A backend subclasses :class:`CypherStore` and provides ``_execute`` (a write-capable
statement), ``_read_only`` (the database-enforced read channel) and ``create_schema``.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from graph import cypher
from graph.query_guard import Limits, check_query
from graph.store.base import QueryResult, WriteStats
from grappe.model import UNDIRECTED, Document, Entity, EntityType, GraphBatch, Relation, RelType
from grappe.text import fold

#: properties every entity node has; attributes never overwrite them
RESERVED_ENTITY_KEYS = frozenset({"id", "name", "type", "subtype", "aliases", "search_text"})



def search_text(name: str, aliases: Iterable[str] = ()) -> str:
    """The folded name and aliases, each once, for the full-text index."""
    seen: list[str] = []
    for value in (name, *aliases):
        folded = fold(value)
        if folded and folded not in seen:
            seen.append(folded)
    return " ".join(seen)


def _property_value(value: Any) -> Any:
    """A value a node property can hold: scalars, lists of scalars; anything else as JSON text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)) and all(
        v is None or isinstance(v, (bool, int, float, str)) for v in value
    ):
        return [v for v in value if v is not None]
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def entity_row(entity: Entity) -> dict[str, Any]:
    aliases = [a for a in dict.fromkeys(entity.aliases) if a and a != entity.name]
    props: dict[str, Any] = {}
    for key, value in (entity.attributes or {}).items():
        if key not in RESERVED_ENTITY_KEYS and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(key)):
            props[str(key)] = _property_value(value)
    props.update({
        "name": entity.name,
        "type": EntityType(entity.type).value,
        "subtype": entity.subtype,
        "aliases": aliases,
        "search_text": search_text(entity.name, aliases),
    })
    return {"id": entity.id, "props": props}


def document_row(doc: Document, ingested_at: str) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "date": doc.date, "language": doc.language,
            "format": doc.format, "kind": doc.kind, "source": doc.source, "ingested_at": ingested_at}


def canonical(rel: Relation) -> Relation:
    """Undirected relations are stored once, the smaller id as source."""
    if rel.type in UNDIRECTED and rel.target_id < rel.source_id:
        return Relation(rel.type, rel.target_id, rel.source_id, rel.evidence, rel.role)
    return rel


def relation_row(rel: Relation) -> dict[str, Any]:
    rel = canonical(rel)
    ev = rel.evidence
    return {"id": rel.id, "source_id": rel.source_id, "target_id": rel.target_id, "doc_id": ev.doc_id,
            "start": ev.start, "end": ev.end, "sentence": ev.sentence, "role": rel.role}


def entity_from_row(row: dict[str, Any]) -> Entity:
    """An :class:`Entity` from a row of ``read/entity_by_id`` or ``read/entities_by_ids``."""
    props = dict(row.get("properties") or {})
    attributes = {k: v for k, v in props.items() if k not in RESERVED_ENTITY_KEYS and v is not None}
    return Entity(id=row["id"], type=EntityType(row["type"]), name=row["name"], subtype=row.get("subtype"),
                  aliases=list(row.get("aliases") or []), attributes=attributes)


def chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


# --------------------------------------------------------------------------- normalisation


def one_line(exc: object) -> str:
    """An exception's text on one line, without a trailing period (messages add their own)."""
    return " ".join(str(exc).split()).rstrip(".")


def iso(value: Any) -> Any:
    """Temporal values of any driver as ISO strings; anything else unchanged."""
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    iso_format = getattr(value, "iso_format", None)  # neo4j.time types
    if callable(iso_format):
        return iso_format()
    return value


# --------------------------------------------------------------------------- the shared store

#: the keys of ``stats()``: labels, then relationship types
STAT_NAMES = ("Entity", *(t.value for t in EntityType), "Document", "Mention",
              *(t.value for t in RelType), "HAS_MENTION", "REFERS_TO")


class CypherStore:
    """Everything a GraphStore does that only needs "run this Cypher with these parameters"."""

    backend: str = ""

    def __init__(self, batch_size: int = 10000, query_timeout_ms: int = 10000, max_rows: int = 1000,
                 limits: Limits | None = None) -> None:
        self.batch_size = max(1, int(batch_size))
        self.query_timeout_ms = query_timeout_ms
        self.max_rows = max_rows
        self.limits = limits or Limits()

    # backends provide these ------------------------------------------------
    def _execute(self, text: str, params: dict[str, Any] | None = None, name: str = "query") -> QueryResult:
        raise NotImplementedError

    def _read_only(self, text: str, params: dict[str, Any] | None, timeout_ms: int | None,
                   max_rows: int | None) -> QueryResult:
        raise NotImplementedError

    # the protocol ----------------------------------------------------------
    def query_text(self, name: str) -> str:
        return cypher.load(name, self.backend)

    def run(self, name: str, **params: Any) -> QueryResult:
        """Named query from ``cypher/`` (may write); multi-statement files run in order,
        and the last statement's result is returned."""
        text = self.query_text(name)
        parts = cypher.statements(text)
        result = QueryResult([], [])
        for part in parts or [text]:
            result = self._execute(part, params, name)
        return result

    def read(self, cypher_text: str, params: dict[str, Any] | None = None,
             timeout_ms: int | None = None, max_rows: int | None = None) -> QueryResult:
        check_query(cypher_text, self.backend, params, self.limits)
        # the setting is the administrator's bound: a caller may ask for less, never more
        timeout = self.query_timeout_ms if timeout_ms is None else min(int(timeout_ms), self.query_timeout_ms)
        return self._read_only(cypher_text, params, timeout,
                               self.max_rows if max_rows is None else max_rows)

    def upsert_rows(self, name: str, rows: Iterable[dict[str, Any]], **params: Any) -> int:
        text = self.query_text(name)
        total = 0
        for batch in chunks(rows, self.batch_size):
            self._execute(text, {**params, "rows": batch}, name)
            total += len(batch)
        return total

    def write(self, batch: GraphBatch) -> WriteStats:
        t0 = time.perf_counter()
        stats = WriteStats()
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        if batch.documents:
            stats.documents = self.upsert_rows("write/documents", (document_row(d, now) for d in batch.documents))
        by_type: dict[EntityType, list[Entity]] = {}
        for e in batch.entities:
            by_type.setdefault(EntityType(e.type), []).append(e)
        for etype in EntityType:  # the label comes from the enum, via the file name
            if by_type.get(etype):
                stats.entities += self.upsert_rows(f"write/entities_{etype.value.lower()}",
                                                   (entity_row(e) for e in by_type[etype]))
        if batch.mentions:
            stats.mentions = self.upsert_rows("write/mentions", (
                {"id": m.id, "entity_id": m.entity_id, "doc_id": m.doc_id, "start": m.start,
                 "end": m.end, "text": m.text} for m in batch.mentions))
        by_rel: dict[RelType, list[Relation]] = {}
        for r in batch.relations:
            by_rel.setdefault(RelType(r.type), []).append(r)
        for rtype in RelType:
            if by_rel.get(rtype):
                count = self.upsert_rows(f"write/relations_{rtype.value.lower()}",
                                         (relation_row(r) for r in by_rel[rtype]))
                stats.relations += count
                stats.extra[rtype.value] = count
        stats.seconds = time.perf_counter() - t0
        return stats

    def write_document(self, batch: GraphBatch) -> WriteStats:
        """Write one document's facts so that an interruption at any point is found and
        undone by the next ingest: the node first, marked incomplete and listing the
        entities the write may create, then the facts, then the complete marker."""
        (doc,) = batch.documents
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        self.run("write/document_begin", row=document_row(doc, now),
                 entity_ids=sorted({e.id for e in batch.entities}))
        stats = self.write(GraphBatch(entities=batch.entities, mentions=batch.mentions,
                                      relations=batch.relations))
        self.run("write/document_complete", id=doc.id)
        stats.documents = 1
        return stats

    def delete_document(self, doc_id: str) -> int:
        """Remove a document's mentions, relationships and node, then its orphaned entities.
        Returns how many nodes and relationships were deleted."""
        entity_ids = [r["id"] for r in self.run("write/document_entities", doc_id=doc_id).rows]
        deleted = 0
        for part in cypher.statements(self.query_text("write/delete_document")):
            result = self._execute(part, {"doc_id": doc_id, "entity_ids": entity_ids}, "write/delete_document")
            deleted += int(result.scalar(0) or 0)
        return deleted

    def stats(self) -> dict[str, int]:
        """Node count per label and relationship count per type (zeros included)."""
        counts = dict.fromkeys(STAT_NAMES, 0)
        for row in self.run("read/stats").rows:
            counts[row["name"]] = int(row["n"] or 0)
        return counts

    def clear(self) -> None:
        while int(self.run("write/clear_batch", limit=self.batch_size).scalar(0) or 0):
            pass

    def __enter__(self) -> CypherStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()  # type: ignore[attr-defined]
