"""Issue 14, item 1: an interrupted ingest never loses a document's facts.

The ingest (or the database) is SIGKILLed after each query of a document's write; a
rerun must then give the same graph, fact by fact, as a clean ingest.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from graph.store import open_store
from graph.store.falkordb import FalkorDBStore
from grappe.model import GraphBatch
from ingest.loaders import load_document
from ingest.run import ingest
from tests.reliability.graphs import Replay, facts, killed_ingest

pytestmark = pytest.mark.models

V1 = """Projet Marée Haute
Projet dirigé par : Acme Robotique inc.
Partenaires : Université de Nordville, Fonderie Boréale, Institut Argile
Investissement de Fonds Nordique : 1,5 M$
"""
V2 = V1.replace("Fonderie Boréale", "Cargo Lumière")
RELEASE = """Halifax, March 3, 2024 — Harbourline Robotics announced today a research partnership
with the University of Nordville. The project, called Smart Docks, is led by Harbourline Robotics.
Maria Lopez, chief executive of Harbourline Robotics, said the work starts in June.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("atomic")
    (folder / "projet.txt").write_text(V1, encoding="utf-8")
    (folder / "release.txt").write_text(RELEASE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def replay(corpus):
    """Extractions of every version computed once with the real models."""
    from nlp.pipeline import Extractor

    extractor = Extractor()
    docs = [load_document(corpus / "projet.txt"), load_document(corpus / "release.txt")]
    (corpus / "projet.txt").write_text(V2, encoding="utf-8")
    docs.append(load_document(corpus / "projet.txt"))
    (corpus / "projet.txt").write_text(V1, encoding="utf-8")
    return Replay({d.id: extractor.extract(d) for d in docs})


def _set_version(corpus: Path, text: str) -> None:
    (corpus / "projet.txt").write_text(text, encoding="utf-8")


def _count_calls(monkeypatch) -> list[str]:
    names: list[str] = []
    original = FalkorDBStore._execute

    def counting(self, text, params=None, name="query"):
        names.append(name)
        return original(self, text, params, name)

    monkeypatch.setattr(FalkorDBStore, "_execute", counting)
    return names


def _reference(make_store, settings, corpus, replay, versions: list[str]) -> tuple[dict, list[str]]:
    """Facts after clean ingests of each version in turn, and the queries the last one ran."""
    store = make_store()
    names: list[str] = []
    for i, text in enumerate(versions):
        _set_version(corpus, text)
        if i == len(versions) - 1:
            mp = pytest.MonkeyPatch()
            names = _count_calls(mp)
            ingest([corpus], settings, store, extractor=replay)
            mp.undo()
        else:
            ingest([corpus], settings, store, extractor=replay)
    return facts(store), list(names)


def test_a_document_row_alone_is_redone_not_unchanged(corpus, replay, store, settings):
    """The issue's reproduction without timing: only the Document row is stored."""
    _set_version(corpus, V1)
    doc = load_document(corpus / "release.txt")
    store.write(GraphBatch(documents=[doc]))
    report = ingest([corpus / "release.txt"], settings, store, extractor=replay)
    (outcome,) = report.outcomes
    assert outcome.status == "ingested"
    assert outcome.mentions > 0
    assert store.stats()["Mention"] == outcome.mentions


@pytest.mark.parametrize("versions", [[V1], [V1, V2]], ids=["new", "changed"])
def test_ingest_killed_after_every_query_then_rerun_equals_clean_ingest(
        corpus, replay, make_store, settings, versions):
    expected, names = _reference(make_store, settings, corpus, replay, versions)
    assert "write/document_complete" in names
    for stop_after in range(1, len(names)):
        graph_name = f"k_{uuid.uuid4().hex[:10]}"
        store = make_store(graph_name=graph_name)
        for text in versions[:-1]:
            _set_version(corpus, text)
            ingest([corpus], settings, store, extractor=replay)
        _set_version(corpus, versions[-1])
        assert killed_ingest(settings, graph_name, [corpus], replay, stop_after), stop_after
        ingest([corpus], settings, store, extractor=replay)
        got = facts(store)
        for kind in expected:
            assert got[kind] == expected[kind], f"{kind} differ after a kill at query {stop_after} " \
                                                f"({names[stop_after - 1]})"


def test_database_killed_during_each_write_then_rerun_equals_clean_ingest(
        corpus, replay, make_store, settings, tmp_path_factory):
    from graph.store.embedded import EmbeddedFalkorDB

    expected, names = _reference(make_store, settings, corpus, replay, [V1, V2])
    writes = [i + 1 for i, name in enumerate(names) if name.startswith("write/")]
    own_dir = tmp_path_factory.mktemp("dbkill")
    server = EmbeddedFalkorDB(own_dir)
    server.start()
    own = settings.replace(data_dir=own_dir)
    try:
        for stop_after in writes:
            graph_name = f"d_{uuid.uuid4().hex[:10]}"
            store = open_store(own, graph_name=graph_name)
            store.create_schema()
            _set_version(corpus, V1)
            ingest([corpus], own, store, extractor=replay)
            store.close()
            _set_version(corpus, V2)
            assert killed_ingest(own, graph_name, [corpus], replay, stop_after, victim=server.pid())
            server.start()
            store = open_store(own, graph_name=graph_name)
            ingest([corpus], own, store, extractor=replay)
            got = facts(store)
            store.drop()
            store.close()
            for kind in expected:
                assert got[kind] == expected[kind], f"{kind} differ after the database died at query " \
                                                    f"{stop_after} ({names[stop_after - 1]})"
    finally:
        server.stop()
