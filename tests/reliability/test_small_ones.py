"""Issue 14, item 9: the web app starts a dead embedded database again, anonymous
visitors see no server paths, and concurrent ingests report what each wrote."""

from __future__ import annotations

import json
import logging

import pytest
import web_fixtures

from graph.store.embedded import EmbeddedFalkorDB
from web.redact import public_source, redact_paths


class _Keep(logging.Handler):
    """Records of one logger, whatever logging configuration other tests (or libraries) left."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_the_web_app_starts_a_dead_embedded_database_again(settings, tmp_path):
    from web import create_app

    kept, logger = _Keep(), logging.getLogger("web.services")
    was_disabled, logger.disabled = logger.disabled, False
    logger.addHandler(kept)

    own = settings.replace(data_dir=tmp_path / "data")
    server = EmbeddedFalkorDB.from_settings(own)
    server.start()
    try:
        app = create_app(own, config={"TESTING": True, "SECRET_KEY": "test-secret",
                                      "USERS_FILE": tmp_path / "users.json"})
        client = app.test_client()
        assert client.get("/api/sources").status_code == 200
        server.kill()  # SIGKILL, and wait until it is gone
        first = client.get("/api/sources")
        assert first.status_code == 503
        assert "started again" in first.get_json()["error"]
        assert any("starting it again" in r.getMessage() for r in kept.records)
        assert client.get("/api/sources").status_code == 200
    finally:
        logger.removeHandler(kept)
        logger.disabled = was_disabled
        server.stop()


def test_anonymous_visitors_see_file_names_not_server_paths(web_client, settings, tmp_path):
    (tmp_path / "last_ingest.json").write_text(json.dumps({
        "started": "2026-01-01T00:00:00+00:00", "documents": [],
        "failures": [{"path": "/srv/private/corpus/broken.pdf",
                      "reason": "/srv/private/corpus/broken.pdf: corrupt PDF"}]}), encoding="utf-8")
    body = web_client.get("/api/sources").get_data(as_text=True)
    assert "/srv/private" not in body and "broken.pdf" in body
    page = web_client.get("/sources").get_data(as_text=True)
    assert "/srv/private" not in page
    web_fixtures.login(web_client, "viewer")
    assert "/srv/private/corpus/broken.pdf" in web_client.get("/api/sources").get_data(as_text=True)


def test_redaction_keeps_urls_and_names():
    assert redact_paths("cannot reach FalkorDB at unix socket /var/lib/x/falkordb.sock: gone") == \
        "cannot reach FalkorDB at unix socket falkordb.sock: gone"
    assert redact_paths("see https://example.org/a/b.html") == "see https://example.org/a/b.html"
    assert public_source("/home/ana/corpus/report.pdf") == "report.pdf"
    assert public_source("https://example.org/a.html") == "https://example.org/a.html"


@pytest.mark.models
def test_a_document_written_meanwhile_by_another_ingest_is_reported_as_such(tmp_path, settings, store):
    from ingest.loaders import load_document
    from ingest.run import ingest
    from nlp.pipeline import Extractor
    from tests.reliability.graphs import Replay

    path = tmp_path / "release.txt"
    path.write_text("Acme Robotique Inc. leads the Harbour Docks project with the University of Nordville.",
                    encoding="utf-8")
    doc = load_document(path)
    replay = Replay({doc.id: Extractor().extract(doc)})

    class Racing(Replay):
        """Extracts while another ingest of the same file runs to completion."""

        def extract_many(self, docs):
            docs = list(docs)
            other = ingest([path], settings, store, extractor=replay)
            assert [o.status for o in other.outcomes] == ["ingested"]
            yield from super().extract_many(docs)

    report = ingest([path], settings, store, extractor=Racing(replay.by_id))
    (outcome,) = report.outcomes
    assert outcome.status == "unchanged"
    assert outcome.reason == "written meanwhile by another ingest"
