"""A first big graph in one go (`grappe load --bulk DIR`).

Batched UNWIND writes pay a MERGE per row against a growing graph. When the graph
is empty there is nothing to merge with: records are resolved here, in memory, in
extraction order (the same :class:`StoreResolver`, which on a graph it fetched
empty keeps every entity it assigns in memory anyway), the resulting graph is
written as CSV files, and the database's own bulk loader builds it:

* FalkorDB: ``falkordb-bulk-insert`` (PyPI ``falkordb-bulk-loader``), run here;
* Neo4j: ``neo4j-admin database import full``, which runs on the database server
  with the database stopped, so Grappe writes the files and prints the command.

The graph is the one `grappe load` would build from the same records, with the
bulk loader's limits: an empty string is read as a missing property, text fields
lose leading and trailing spaces, and the items of a list property are typed one by
one (an alias "2024" becomes a number).
"""

from __future__ import annotations

import csv
import datetime as _dt
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.batch import to_graph
from graph.export import LIST_SEPARATOR, _csv_type, _csv_value, _header
from graph.resolve.store_resolver import StoreResolver
from graph.store._common import document_row, entity_row, relation_row
from graph.store.base import GraphStore, QueryResult
from grappe.errors import GrappeError, IngestError
from grappe.model import EntityType, GraphBatch, RelType
from grappe.settings import Settings
from ingest.records import read_records
from ingest.run import IngestReport, Outcome, Progress, _now, finish

#: the node labels and relationship types besides the entity ones, as the write queries make them
DOCUMENT, MENTION, HAS_MENTION, REFERS_TO = "Document", "Mention", "HAS_MENTION", "REFERS_TO"


@dataclass
class BulkGraph:
    """A whole graph as the UNWIND writes would leave it: the last write of a row wins,
    and an entity's properties accumulate (``SET e += props``; a null removes one)."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)  # props include "type"
    mentions: dict[str, dict[str, Any]] = field(default_factory=dict)  # + entity_id
    relations: dict[str, tuple[RelType, str, str, dict[str, Any]]] = field(default_factory=dict)

    def add(self, batch: GraphBatch, ingested_at: str) -> None:
        for d in batch.documents:
            row = document_row(d, ingested_at)
            row["ingested_at"] = self.documents.get(d.id, row)["ingested_at"]  # ON CREATE only
            row["complete"] = True  # a bulk load writes whole documents (the marker ingest writes last)
            self.documents[d.id] = row
        for e in batch.entities:
            row = entity_row(e)
            props = self.entities.setdefault(row["id"], {"id": row["id"]})
            for key, value in row["props"].items():
                if value is None:
                    props.pop(key, None)
                else:
                    props[key] = value
        for m in batch.mentions:
            self.mentions[m.id] = {"id": m.id, "doc_id": m.doc_id, "start": m.start, "end": m.end,
                                   "text": m.text, "entity_id": m.entity_id}
        for r in batch.relations:
            row = relation_row(r)
            props = {k: row[k] for k in ("id", "doc_id", "start", "end", "sentence", "role")}
            self.relations[row["id"]] = (r.type, row["source_id"], row["target_id"], props)

    def rows(self) -> int:
        """Nodes and relationships (a mention is a node and two relationships)."""
        return len(self.documents) + len(self.entities) + 3 * len(self.mentions) + len(self.relations)


class _EmptyStore:
    """What the resolver sees of an empty graph: no entities, no candidates."""

    def run(self, name: str, **params: Any) -> QueryResult:
        return QueryResult([], [])


def resolve_folder(folder: Path, settings: Settings, *, progress: Progress | None = None
                   ) -> tuple[BulkGraph, IngestReport]:
    """Every current record of ``folder`` resolved, in order, into one in-memory graph."""
    report = IngestReport(started=_now())
    resolver = StoreResolver(settings, small_graph=sys.maxsize)
    empty, graph = _EmptyStore(), BulkGraph()
    now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")

    record = report.recorder(progress)

    for where, item in read_records(folder):
        if isinstance(item, IngestError):
            record(Outcome(where, "failed", reason=f"{item.reason} {item.hint}".strip()))
            continue
        doc = item.document
        if doc.id in graph.documents:
            record(Outcome(doc.source, "unchanged", doc.id, doc.title, doc.language))
            continue
        try:
            batch = to_graph(item, resolver.assign(item, empty))
        except GrappeError as err:
            record(Outcome(doc.source, "failed", doc.id, reason=f"{err} (record {where})"))
            continue
        graph.add(batch, now)
        record(Outcome(doc.source, "ingested", doc.id, doc.title, doc.language,
                       entities=len(batch.entities), mentions=len(batch.mentions),
                       relations=len(batch.relations), words=len(doc.text.split())))
    return graph, report


def bulk_load(folder: Path, settings: Settings, store: GraphStore, *,
              progress: Progress | None = None) -> IngestReport:
    """Build the empty FalkorDB graph of ``store`` from the records in ``folder``."""
    if store.backend != "falkordb":
        raise GrappeError("`grappe load --bulk` builds FalkorDB graphs; Neo4j imports its own files.",
                          "See neo4j_import_files (`grappe load --bulk` on a Neo4j URL prints the command).")
    if any(store.stats().values()):
        raise GrappeError(f"the graph {getattr(store, 'graph_name', '')!r} is not empty: a bulk load only "
                          "builds a first graph.", "Run `grappe load` (without --bulk) to add to it.")
    t0 = time.perf_counter()
    graph, report = resolve_folder(folder, settings, progress=progress)
    if graph.documents:
        with tempfile.TemporaryDirectory(prefix="grappe-bulk-", dir=_scratch(settings)) as tmp:
            args = write_falkordb_csv(graph, Path(tmp))
            store.drop()  # the loader creates the graph; it refuses an existing key, even an empty one
            run_falkordb_loader(store, args)
        store.create_schema()  # indexes after the data: built once, not maintained row by row
    finish(report, settings, store, t0)
    return report


def _scratch(settings: Settings) -> str | None:
    path = Path(settings.data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


# --------------------------------------------------------------------------- FalkorDB


def _kind(values: list[Any]) -> str:
    """The loader's column type for a property's values."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "BOOL"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "INT"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "DOUBLE"
    if present and all(isinstance(v, list) for v in present):
        return "ARRAY"
    return "STRING"


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "BOOL":
        return "true" if value else "false"
    if kind == "ARRAY":
        return repr(list(value))  # the loader reads arrays with ast.literal_eval
    return str(value)


def _write_table(path: Path, id_header: list[str], keys: list[str], rows: Iterator[tuple[list[str], dict]],
                 kinds: dict[str, str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([*id_header, *(f"{k}:{kinds[k]}" for k in keys)])
        for ids, props in rows:
            w.writerow([*ids, *(_cell(props.get(k), kinds[k]) for k in keys)])


def _columns(rows: list[dict[str, Any]], skip: tuple[str, ...] = ()) -> tuple[list[str], dict[str, str]]:
    keys = sorted({k for r in rows for k in r if k not in skip})
    return keys, {k: _kind([r.get(k) for r in rows]) for k in keys}


def write_falkordb_csv(graph: BulkGraph, out: Path) -> list[str]:
    """The CSV files of ``graph`` in ``out``; returns the loader's file arguments."""
    args: list[str] = []

    def nodes(label: str, namespace: str, rows: list[dict[str, Any]], skip: tuple[str, ...] = ()) -> None:
        if not rows:
            return
        keys, kinds = _columns(rows, skip=("id", *skip))
        path = out / f"nodes_{label.replace(':', '_')}.csv"
        _write_table(path, [f"id:ID({namespace})"], keys, ((([r["id"]]), r) for r in rows), kinds)
        args.extend(["--nodes-with-label", label, str(path)])

    def edges(rtype: str, ends: tuple[str, str], rows: list[tuple[str, str, dict[str, Any]]]) -> None:
        if not rows:
            return
        keys, kinds = _columns([p for _, _, p in rows])
        path = out / f"rels_{rtype}.csv"
        _write_table(path, [f":START_ID({ends[0]})", f":END_ID({ends[1]})"], keys,
                     (([a, b], p) for a, b, p in rows), kinds)
        args.extend(["--relations-with-type", rtype, str(path)])

    nodes(DOCUMENT, DOCUMENT, list(graph.documents.values()))
    by_type: dict[str, list[dict[str, Any]]] = {}
    for props in graph.entities.values():
        by_type.setdefault(props["type"], []).append(props)
    for etype in EntityType:  # the label comes from the enum, as in the write queries
        nodes(f"Entity:{etype.value}", "Entity", by_type.get(etype.value, []))
    nodes(MENTION, MENTION, list(graph.mentions.values()), skip=("entity_id",))
    edges(HAS_MENTION, (DOCUMENT, MENTION), [(m["doc_id"], m["id"], {}) for m in graph.mentions.values()])
    edges(REFERS_TO, (MENTION, "Entity"), [(m["id"], m["entity_id"], {}) for m in graph.mentions.values()])
    by_rel: dict[RelType, list[tuple[str, str, dict[str, Any]]]] = {}
    for rtype, a, b, props in graph.relations.values():
        by_rel.setdefault(rtype, []).append((a, b, props))
    for rtype in RelType:
        edges(rtype.value, ("Entity", "Entity"), by_rel.get(rtype, []))
    return args


def loader_url(store: Any) -> str:
    """The redis URL of the store's server, for the loader."""
    kwargs = store.db.connection.connection_pool.connection_kwargs
    password = kwargs.get("password")
    auth = f":{password}@" if password else ""
    if kwargs.get("path"):
        return f"unix://{auth}{kwargs['path']}"
    return f"redis://{auth}{kwargs.get('host', '127.0.0.1')}:{kwargs.get('port', 6379)}"


def run_falkordb_loader(store: Any, file_args: list[str],
                        runner: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> None:
    exe = shutil.which("falkordb-bulk-insert") or str(Path(sys.executable).with_name("falkordb-bulk-insert"))
    if not Path(exe).exists():
        raise GrappeError("`grappe load --bulk` needs FalkorDB's bulk loader, which is not installed.",
                          "pip install falkordb-bulk-loader")
    cmd = [exe, store.graph_name, "--server-url", loader_url(store), "--enforce-schema",
           "--escapechar", "none", *file_args]
    done = runner(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        tail = " ".join((done.stderr or done.stdout or "").strip().splitlines()[-3:])
        raise GrappeError(f"the FalkorDB bulk loader failed: {tail}",
                          "The graph was left empty; `grappe load` (without --bulk) writes row by row.")


# --------------------------------------------------------------------------- Neo4j


def write_neo4j_csv(graph: BulkGraph, out: Path) -> tuple[list[str], list[str]]:
    """The CSV files of ``graph`` in the layout ``neo4j-admin database import`` reads (the
    format of `grappe export --format csv`); returns its ``--nodes`` and ``--relationships``
    arguments."""
    out.mkdir(parents=True, exist_ok=True)
    nodes_args: list[str] = []
    rels_args: list[str] = []

    def table(path: Path, head: list[str], rows: list[tuple[list[str], dict[str, Any]]], skip: tuple) -> None:
        keys = sorted({k for _, r in rows for k in r if k not in skip})
        kinds = {k: _csv_type([r.get(k) for _, r in rows]) for k in keys}
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([*head, *(_header(k, kinds[k]) for k in keys)])
            for ids, r in rows:
                w.writerow([*ids, *(_csv_value(r.get(k)) for k in keys)])

    def nodes(labels: str, namespace: str, rows: list[dict[str, Any]], skip: tuple = ()) -> None:
        if rows:
            path = out / f"nodes_{labels.replace(':', '_').lower()}.csv"
            table(path, [f"id:ID({namespace})"], [([r["id"]], r) for r in rows], ("id", *skip))
            nodes_args.append(f"--nodes={labels}={path}")

    def edges(rtype: str, ends: tuple[str, str], rows: list[tuple[str, str, dict[str, Any]]]) -> None:
        if rows:
            path = out / f"rels_{rtype.lower()}.csv"
            table(path, [f":START_ID({ends[0]})", f":END_ID({ends[1]})"], [([a, b], p) for a, b, p in rows], ())
            rels_args.append(f"--relationships={rtype}={path}")

    nodes(DOCUMENT, DOCUMENT, list(graph.documents.values()))
    by_type: dict[str, list[dict[str, Any]]] = {}
    for props in graph.entities.values():
        by_type.setdefault(props["type"], []).append(props)
    for etype in EntityType:
        nodes(f"Entity:{etype.value}", "Entity", by_type.get(etype.value, []))
    nodes(MENTION, MENTION, list(graph.mentions.values()), skip=("entity_id",))
    edges(HAS_MENTION, (DOCUMENT, MENTION), [(m["doc_id"], m["id"], {}) for m in graph.mentions.values()])
    edges(REFERS_TO, (MENTION, "Entity"), [(m["id"], m["entity_id"], {}) for m in graph.mentions.values()])
    by_rel: dict[RelType, list[tuple[str, str, dict[str, Any]]]] = {}
    for rtype, a, b, props in graph.relations.values():
        by_rel.setdefault(rtype, []).append((a, b, props))
    for rtype in RelType:
        edges(rtype.value, ("Entity", "Entity"), by_rel.get(rtype, []))
    assert LIST_SEPARATOR == ";"  # neo4j-admin's default --array-delimiter
    return nodes_args, rels_args


def neo4j_import_files(folder: Path, settings: Settings, out: Path, *,
                       progress: Progress | None = None) -> tuple[IngestReport, str]:
    """Resolve the records of ``folder`` and write the import files into ``out``; returns the
    report and the ``neo4j-admin database import`` command to run on the database server."""
    t0 = time.perf_counter()
    graph, report = resolve_folder(folder, settings, progress=progress)
    nodes_args, rels_args = write_neo4j_csv(graph, out)
    database = settings.neo4j_database or "neo4j"
    # the database name before the options: neo4j-admin 5.19+ reads it there
    command = shlex.join(["neo4j-admin", "database", "import", "full", database, *nodes_args, *rels_args,
                          "--array-delimiter=;", "--overwrite-destination"])
    report.seconds = time.perf_counter() - t0
    report.finished = _now()
    return report, command
