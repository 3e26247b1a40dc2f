"""Issue 14: a document whose write was interrupted, and that nobody ingests again, is
listed by `grappe db status` (with the command that redoes it) and counted on the
sources page, until an ingest redoes it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from grappe.cli import main
from grappe.model import Extraction, GraphBatch
from ingest.loaders import load_document
from ingest.locks import document_lock
from ingest.run import ingest
from tests.reliability.graphs import Replay
from web.data import sources_data

NOTE = "Acme Robotique inc. and the University of Nordville open a laboratory in Harbourtown.\n"


def _interrupted(store, folder: Path) -> Path:
    """A document as a write killed after its first query leaves it: its node alone."""
    path = folder / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    store.write(GraphBatch(documents=[load_document(path)]))
    return path


def _status(settings, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "db", "status", *args],
                              env={"GRAPPE_GRAPH_NAME": settings.graph_name})


def test_db_status_lists_an_incomplete_document_with_what_to_do(make_store, settings, tmp_path):
    store = make_store(graph_name=settings.graph_name)
    path = _interrupted(store, tmp_path)
    result = _status(settings)
    assert result.exit_code == 0, result.output
    assert "incomplete documents: 1" in result.output
    assert f"{path}: re-run grappe ingest {path}" in result.output

    listed = json.loads(_status(settings, "--json").output)["incomplete_documents"]
    assert [(d["source"], d["being_written"]) for d in listed] == [(str(path), False)]


def test_a_document_being_written_is_said_so(make_store, settings, tmp_path):
    store = make_store(graph_name=settings.graph_name)
    path = _interrupted(store, tmp_path)
    with document_lock(settings.data_dir, str(path)):  # as a running ingest holds it
        result = _status(settings)
    assert f"{path}: being written by a running ingest" in result.output


def test_nothing_listed_once_ingested_again(make_store, settings, tmp_path):
    store = make_store(graph_name=settings.graph_name)
    path = _interrupted(store, tmp_path)
    doc = load_document(path)
    ingest([path], settings, store, extractor=Replay({doc.id: Extraction(doc, [], [])}))
    result = _status(settings)
    assert result.exit_code == 0, result.output
    assert "incomplete" not in result.output


def test_the_sources_page_counts_incomplete_documents(make_store, settings, tmp_path):
    store = make_store(graph_name=settings.graph_name)
    assert sources_data(store, tmp_path)["incomplete"] == 0
    _interrupted(store, tmp_path)
    assert sources_data(store, tmp_path)["incomplete"] == 1
