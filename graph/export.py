"""Export the entity graph for other tools: GraphML and GEXF (Gephi, networkx,
Cytoscape), CSV for ``neo4j-admin database import``, JSON for scripts.

Reads go through the named queries in ``cypher/export/``, page by page (keyset
pagination on entity id), so memory stays flat on the store side. GraphML and
GEXF cannot hold lists: list values (``aliases``) are written as one string
joined with ``;`` (:data:`LIST_SEPARATOR`), the same delimiter the CSV arrays use.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.store.base import GraphStore
from grappe.errors import GrappeError
from grappe.model import EntityType, RelType

LIST_SEPARATOR = ";"
FORMATS = ("graphml", "gexf", "json", "csv")
#: node properties never exported (derived, index-only)
SKIP_PROPS = frozenset({"search_text"})
NODE_FIRST = ("id", "name", "type", "subtype", "aliases")
EDGE_FIRST = ("id", "doc_id", "start", "end", "sentence", "role")


def iter_entities(store: GraphStore, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
    """Every entity as a flat dict of its properties (lists kept as lists)."""
    after = ""
    while True:
        rows = store.run("export/entities", after=after, batch=batch_size).rows
        for row in rows:
            props = {k: v for k, v in (row.get("props") or {}).items() if k not in SKIP_PROPS and v is not None}
            props["id"], props["type"] = row["id"], row["type"]
            yield props
        if len(rows) < batch_size:
            return
        after = rows[-1]["id"]


def iter_relations(store: GraphStore, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
    """Every entity-entity relationship: ``source``, ``target``, ``type`` and its properties."""
    after = ""
    while True:
        rows = store.run("export/relations", after=after, batch=batch_size).rows
        sources = []
        for row in rows:
            sources.append(row["source"])
            if row.get("type") is None:
                continue  # a source with no outgoing relationship
            props = {k: v for k, v in (row.get("props") or {}).items() if v is not None}
            yield {"source": row["source"], "target": row["target"], "type": row["type"], **props}
        distinct = len(set(sources))
        if distinct < batch_size:
            return
        after = max(sources)


def to_networkx(store: GraphStore, batch_size: int = 5000, *, flatten: bool = True) -> nx.MultiDiGraph:
    """The entity graph as a MultiDiGraph (edge key = relationship id, relationship type in the
    ``relation`` attribute). With ``flatten``,
    lists become ``;``-joined strings and numbers that are floats anywhere are floats everywhere,
    so GraphML and GEXF can type each attribute once."""
    graph = nx.MultiDiGraph()
    for node in iter_entities(store, batch_size):
        attrs = {k: v for k, v in node.items() if k != "id"}
        graph.add_node(node["id"], **(_flat(attrs) if flatten else attrs))
    for rel in iter_relations(store, batch_size):
        # "type" is a reserved edge attribute in GEXF (directed/undirected): call it "relation"
        attrs = {("relation" if k == "type" else k): v for k, v in rel.items() if k not in ("source", "target")}
        key = rel.get("id") or f"{rel['type']}:{rel['source']}:{rel['target']}"
        graph.add_edge(rel["source"], rel["target"], key=key, **(_flat(attrs) if flatten else attrs))
    if flatten:
        _unify_numbers(graph)
    return graph


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in attrs.items():
        if isinstance(v, (list, tuple)):
            v = LIST_SEPARATOR.join(str(x) for x in v)
        elif isinstance(v, dict):
            v = json.dumps(v, ensure_ascii=False, sort_keys=True)
        out[k] = v
    return out


def _unify_numbers(graph: nx.MultiDiGraph) -> None:
    """An attribute that is a float on one element becomes a float on all (one GraphML key type)."""
    for items in ([d for _, d in graph.nodes(data=True)], [d for _, _, d in graph.edges(data=True)]):
        floats = {k for d in items for k, v in d.items() if isinstance(v, float)}
        for d in items:
            for k in floats & d.keys():
                if isinstance(d[k], int) and not isinstance(d[k], bool):
                    d[k] = float(d[k])


def export_graph(store: GraphStore, fmt: str, out_dir: Path, batch_size: int = 5000) -> list[Path]:
    """Write the export in ``fmt`` into ``out_dir``; returns the files written."""
    if fmt not in FORMATS:
        raise GrappeError(f"unknown export format {fmt!r}", f"Use one of {', '.join(FORMATS)}.")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        return write_csv(store, out_dir, batch_size)
    if fmt == "json":
        path = out_dir / "grappe.json"
        write_json(store, path, batch_size)
        return [path]
    graph = to_networkx(store, batch_size)
    path = out_dir / f"grappe.{fmt}"
    if fmt == "graphml":
        nx.write_graphml(graph, path, encoding="utf-8", prettyprint=True)
    else:
        for _, data in graph.nodes(data=True):
            data["label"] = data.get("name", "")  # what Gephi shows
        nx.write_gexf(graph, path, encoding="utf-8", prettyprint=True)
    return [path]


def write_json(store: GraphStore, path: Path, batch_size: int = 5000) -> None:
    """``{"nodes": [{id, name, type, ...}], "edges": [{source, target, type, id, ...}]}``, lists kept."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"nodes": [')
        for i, node in enumerate(iter_entities(store, batch_size)):
            fh.write(("," if i else "") + "\n" + json.dumps(node, ensure_ascii=False, sort_keys=True))
        fh.write('\n], "edges": [')
        for i, rel in enumerate(iter_relations(store, batch_size)):
            fh.write(("," if i else "") + "\n" + json.dumps(rel, ensure_ascii=False, sort_keys=True))
        fh.write("\n]}\n")


# --------------------------------------------------------------------------- neo4j-admin CSV


def _csv_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "double"
    if present and all(isinstance(v, (list, tuple)) for v in present):
        return "string[]"
    return "string"


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v).replace(LIST_SEPARATOR, ",") for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _header(key: str, kind: str) -> str:
    return key if kind == "string" else f"{key}:{kind}"


def write_csv(store: GraphStore, out_dir: Path, batch_size: int = 5000) -> list[Path]:
    """One node file per entity type, one relationship file per type, in the layout
    ``neo4j-admin database import`` reads (see cypher/export/README.md)."""
    nodes: dict[str, list[dict[str, Any]]] = {t.value: [] for t in EntityType}
    for node in iter_entities(store, batch_size):
        nodes.setdefault(node["type"], []).append(node)
    rels: dict[str, list[dict[str, Any]]] = {t.value: [] for t in RelType}
    for rel in iter_relations(store, batch_size):
        rels.setdefault(rel["type"], []).append(rel)
    files = []
    for label, rows in nodes.items():
        keys = _keys(rows, NODE_FIRST, skip=("id",))
        kinds = {k: ("string[]" if k == "aliases" else _csv_type([r.get(k) for r in rows])) for k in keys}
        path = out_dir / f"nodes_{label.lower()}.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id:ID", *(_header(k, kinds[k]) for k in keys), ":LABEL"])
            for r in rows:
                w.writerow([r["id"], *(_csv_value(r.get(k)) for k in keys), f"Entity{LIST_SEPARATOR}{label}"])
        files.append(path)
    for rtype, rows in rels.items():
        keys = _keys(rows, EDGE_FIRST, skip=("source", "target", "type"))
        kinds = {k: _csv_type([r.get(k) for r in rows]) for k in keys}
        path = out_dir / f"rels_{rtype.lower()}.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID", ":TYPE", *(_header(k, kinds[k]) for k in keys)])
            for r in rows:
                w.writerow([r["source"], r["target"], rtype, *(_csv_value(r.get(k)) for k in keys)])
        files.append(path)
    return files


def _keys(rows: list[dict[str, Any]], first: tuple[str, ...], skip: tuple[str, ...]) -> list[str]:
    """Column order: the well-known keys first (always present), then any other key, sorted."""
    seen = {k for r in rows for k in r}
    ordered = [k for k in first if k not in skip]
    return ordered + sorted(k for k in seen if k not in ordered and k not in skip)
