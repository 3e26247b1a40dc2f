"""`grappe load --bulk`: only for a first graph, the same graph as row-by-row loading,
and the files and command for Neo4j's importer."""

from __future__ import annotations

import json

import pytest

from grappe.errors import GrappeError
from ingest.bulk import bulk_load, neo4j_import_files
from ingest.load import load_folder
from ingest.records import to_record
from tests.scale.graph_dump import dump
from tests.scale.test_records import _extraction


@pytest.fixture
def records(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    ex = _extraction()
    (folder / f"{ex.document.id}.json").write_text(json.dumps(to_record(ex)), encoding="utf-8")
    (folder / "broken.json").write_text("[1, 2", encoding="utf-8")
    return folder


def test_bulk_builds_the_graph_row_by_row_loading_builds(records, make_store, settings):
    rows = make_store()
    by_rows = load_folder(records, settings, rows)
    bulk = make_store()
    built = bulk_load(records, settings, bulk)
    assert [o.status for o in built.outcomes] == [o.status for o in by_rows.outcomes]
    assert "broken.json" in built.failures[0].path and "not valid JSON" in built.failures[0].reason
    assert dump(bulk) == dump(rows)
    assert bulk.stats()["Mention"] == 3 and bulk.stats()["AFFILIATED_WITH"] == 1


def test_bulk_refuses_a_graph_that_is_not_empty(records, make_store, settings):
    store = make_store()
    load_folder(records, settings, store)
    before = dump(store)
    with pytest.raises(GrappeError, match="not empty"):
        bulk_load(records, settings, store)
    assert dump(store) == before


def test_neo4j_gets_import_files_and_the_command(records, settings, tmp_path):
    report, command = neo4j_import_files(records, settings, tmp_path / "import")
    assert report.count("ingested") == 1
    assert command.startswith(f"neo4j-admin database import full {settings.neo4j_database or 'neo4j'} ")
    assert "--nodes=Entity:Organization=" in command and "--relationships=AFFILIATED_WITH=" in command
    header = (tmp_path / "import" / "nodes_entity_organization.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID(Entity),") and "aliases:string[]" in header
    rel = (tmp_path / "import" / "rels_affiliated_with.csv").read_text(encoding="utf-8").splitlines()
    assert rel[0].startswith(":START_ID(Entity),:END_ID(Entity),") and "role" in rel[0]
    assert "membre" in rel[1]
