"""The ingestion run end to end: real loaders, real spaCy pipelines, real FalkorDB."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ingest.run import ingest

pytestmark = pytest.mark.models

FR = """Projet Logistique Boréale
Projet dirigé par : Transports Nordiques inc.
Partenaires : Université Laval, Optimal Routage, Institut de recherche Argile
Investissement de Scale AI : 2,5 M$
"""

EN = """Halifax, March 3, 2024 — Harbourline Robotics announced today a research partnership
with Dalhousie University. The project, called Smart Docks, is led by Harbourline Robotics.
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "projet.txt").write_text(FR, encoding="utf-8")
    (folder / "release.txt").write_text(EN, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n\x00\x01garbage that is not a pdf")
    return folder


@pytest.fixture(scope="module")
def extractor():
    from nlp.pipeline import Extractor

    return Extractor()


def _names(store):
    rows = store.read("MATCH (e:Entity) RETURN e.name AS name").rows
    return {r["name"] for r in rows}


def test_failing_document_does_not_stop_the_others(corpus, store, settings, extractor):
    report = ingest([corpus], settings, store, extractor=extractor)
    statuses = {o.path.rsplit("/", 1)[-1]: o.status for o in report.outcomes}
    assert statuses == {"projet.txt": "ingested", "release.txt": "ingested", "broken.pdf": "failed"}
    (failure,) = report.failures
    assert "broken.pdf" in failure.path and failure.reason
    ok = [o for o in report.outcomes if o.status == "ingested"]
    assert all(store.run("ingest/document_exists", id=o.doc_id).scalar() == 1 for o in ok)
    assert report.total("entities") > 0 and report.total("relations") > 0
    saved = json.loads((settings.data_dir / "last_ingest.json").read_text())
    assert [f["path"] for f in saved["failures"]] == [failure.path]


def test_reingest_is_incremental_and_replaces_changed_documents(corpus, store, settings, extractor):
    first = ingest([corpus], settings, store, extractor=extractor)
    stats_before = store.stats()
    again = ingest([corpus], settings, store, extractor=extractor)
    assert {o.status for o in again.outcomes if not o.path.endswith(".pdf")} == {"unchanged"}
    assert store.stats() == stats_before

    old_id = next(o.doc_id for o in first.outcomes if o.path.endswith("projet.txt"))
    (corpus / "projet.txt").write_text(FR.replace("Optimal Routage", "Cargo Vision"), encoding="utf-8")
    third = ingest([corpus], settings, store, extractor=extractor)
    changed = next(o for o in third.outcomes if o.path.endswith("projet.txt"))
    assert changed.status == "replaced"
    assert store.run("ingest/document_exists", id=old_id).scalar() == 0
    names = _names(store)
    assert "Cargo Vision" in names and "Optimal Routage" not in names


def test_a_file_that_breaks_keeps_its_previous_version(corpus, store, settings, extractor):
    first = ingest([corpus], settings, store, extractor=extractor)
    doc_id = next(o.doc_id for o in first.outcomes if o.path.endswith("release.txt"))
    (corpus / "release.txt").write_bytes(b"")
    second = ingest([corpus], settings, store, extractor=extractor)
    assert any(f.path.endswith("release.txt") for f in second.failures)
    assert store.run("ingest/document_exists", id=doc_id).scalar() == 1


def test_cli_reports_failures_and_exit_code(corpus, settings):
    from grappe.cli import main

    result = CliRunner().invoke(
        main, ["--data-dir", str(settings.data_dir), "ingest", "--quiet", str(corpus)],
        env={"GRAPPE_GRAPH_URL": "falkordb-embedded", "GRAPPE_GRAPH_NAME": settings.graph_name},
    )
    assert result.exit_code == 1, result.output
    assert "broken.pdf" in result.output
    assert "documents ingested" in result.output
