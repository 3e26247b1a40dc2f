"""Exports: GraphML and GEXF read back by networkx with the same nodes, edges and
attributes; CSV headers as neo4j-admin import expects; JSON for scripts."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from graphs import ecosystem

from graph.export import LIST_SEPARATOR, export_graph, iter_entities, iter_relations, to_networkx
from grappe.cli import main


def test_pagination_sees_everything_once(fx_store: Any) -> None:
    for size in (1, 2, 5, 1000):
        ids = [n["id"] for n in iter_entities(fx_store, size)]
        assert sorted(ids) == sorted(e.id for e in ecosystem.ENTITIES) and len(set(ids)) == len(ids)
        rels = [r["id"] for r in iter_relations(fx_store, size)]
        assert len(rels) == len(set(rels)) == len(ecosystem.RELATIONS)


def test_in_memory_graph(fx_store: Any) -> None:
    g = to_networkx(fx_store, batch_size=3)
    assert g.number_of_nodes() == 17 and g.number_of_edges() == 29
    assert g.nodes["udem"]["aliases"] == f"UdeM{LIST_SEPARATOR}University of Montreal"
    assert g.nodes["alpha"]["status"] == "active" and g.nodes["alpha"]["scale_ai_investment_cad"] == 2_000_000
    assert "search_text" not in g.nodes["udem"]
    edges = g.get_edge_data("bob", "gci")
    assert len(edges) == 3 and {d["relation"] for d in edges.values()} == {"AFFILIATED_WITH"}
    assert {d["role"] for d in edges.values()} == {"CEO"}


def _same(written: nx.MultiDiGraph, read: nx.MultiDiGraph, ignore: set[str] = frozenset()) -> None:
    assert set(read.nodes) == set(written.nodes)
    for n, data in written.nodes(data=True):
        got = {k: v for k, v in read.nodes[n].items() if k not in ignore}
        assert got == {k: v for k, v in data.items() if k not in ignore}, n
    w_edges = {(u, v, k): d for u, v, k, d in written.edges(keys=True, data=True)}
    r_edges = {(u, v, k): d for u, v, k, d in read.edges(keys=True, data=True)}
    assert r_edges == w_edges


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_round_trip(fx_store: Any, tmp_path: Path, fmt: str) -> None:
    [path] = export_graph(fx_store, fmt, tmp_path, batch_size=4)
    assert path.name == f"grappe.{fmt}"
    written = to_networkx(fx_store)
    if fmt == "graphml":
        read = nx.read_graphml(path, force_multigraph=True)
        _same(written, read)
    else:
        read = nx.read_gexf(path)
        assert read.nodes["udem"]["label"] == "Université de Montréal"  # what Gephi shows
        _same(written, read, ignore={"label"})
    assert isinstance(read, nx.MultiDiGraph) and read.number_of_edges() == 29


def test_csv_layout_for_neo4j_admin(fx_store: Any, tmp_path: Path) -> None:
    files = {p.name: p for p in export_graph(fx_store, "csv", tmp_path, batch_size=4)}
    assert set(files) == {"nodes_organization.csv", "nodes_university.csv", "nodes_person.csv",
                          "nodes_project.csv", "rels_participates_in.csv", "rels_leads.csv", "rels_funds.csv",
                          "rels_affiliated_with.csv", "rels_partners_with.csv"}
    with open(files["nodes_project.csv"], encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    assert header[0] == "id:ID" and header[-1] == ":LABEL" and "aliases:string[]" in header
    assert "scale_ai_investment_cad:long" in header and "status" in header and "search_text" not in header
    alpha = dict(zip(header, next(r for r in rows if r[0] == "alpha"), strict=True))
    assert alpha[":LABEL"] == "Entity;Project" and alpha["scale_ai_investment_cad:long"] == "2000000"
    with open(files["nodes_university.csv"], encoding="utf-8", newline="") as fh:
        unis = {r[0]: r for r in csv.reader(fh)}
    assert "UdeM;University of Montreal" in unis["udem"]
    with open(files["rels_affiliated_with.csv"], encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert {"start:long", "end:long", "sentence", "role", "doc_id", "id"} <= set(rows[0])
    assert len(rows) == 1 + 5 and all(r[2] == "AFFILIATED_WITH" for r in rows[1:])
    with open(files["rels_partners_with.csv"], encoding="utf-8", newline="") as fh:
        assert len(list(csv.reader(fh))) == 1 + 3


def test_json(fx_store: Any, tmp_path: Path) -> None:
    [path] = export_graph(fx_store, "json", tmp_path, batch_size=2)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 17 and len(data["edges"]) == 29
    udem = next(n for n in data["nodes"] if n["id"] == "udem")
    assert udem["aliases"] == ["UdeM", "University of Montreal"] and udem["type"] == "University"
    edge = next(e for e in data["edges"] if e["type"] == "PARTNERS_WITH" and e["doc_id"] == "d3")
    assert (edge["source"], edge["target"], edge["sentence"]) == ("gci", "logiq", "Grande Chaîne partners with LogiQ.")


def test_export_command(settings: Any, make_store: Callable[..., Any], tmp_path: Path) -> None:
    ecosystem.load(make_store(graph_name=settings.graph_name))
    out = CliRunner().invoke(main, ["export", "--format", "graphml", "--out", str(tmp_path / "x")], obj=settings)
    assert out.exit_code == 0, out.output
    assert nx.read_graphml(tmp_path / "x" / "grappe.graphml").number_of_nodes() == 17
    out = CliRunner().invoke(main, ["export", "--format", "csv", "--out", str(tmp_path / "y")], obj=settings)
    assert out.exit_code == 0 and "nodes_person.csv" in out.output
