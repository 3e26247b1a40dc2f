"""Issue 14: two ingests of the same file at the same instant write it once.

Two processes pass the "already stored?" check together (their extraction waits for the
other's), then race to write: exactly one writes the document, the other reports it
unchanged, written meanwhile, and the graph equals a clean ingest's, fact by fact.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from ingest.loaders import load_document
from ingest.run import ingest
from tests.reliability.graphs import Replay, facts

pytestmark = pytest.mark.models

NOTE = """Halifax, March 3, 2024 — Harbourline Robotics announced today a research partnership
with the University of Nordville. The project, called Smart Docks, is led by Harbourline Robotics.
Maria Lopez, chief executive of Harbourline Robotics, said the work starts in June.
Fonds Boréal invests 2 million dollars in Smart Docks.
"""
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def note(tmp_path_factory) -> tuple[Path, Replay]:
    from nlp.pipeline import Extractor

    path = tmp_path_factory.mktemp("race") / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    doc = load_document(path)
    return path, Replay({doc.id: Extractor().extract(doc)})


def _start(settings, graph_name: str, path: Path, replay: Replay, gate: Path, job: Path) -> subprocess.Popen:
    job.write_bytes(pickle.dumps((settings, graph_name, [path], replay.by_id, str(gate), 2)))
    return subprocess.Popen([sys.executable, "-m", "tests.reliability.concurrent_ingest", str(job)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_concurrent_ingests_write_a_document_once(note, make_store, settings, tmp_path):
    path, replay = note
    reference = make_store()
    ingest([path], settings, reference, extractor=replay)
    graph_name = f"race_{uuid.uuid4().hex[:10]}"
    store = make_store(graph_name=graph_name)
    gate = tmp_path / "gate"
    gate.mkdir()
    children = [_start(settings, graph_name, path, replay, gate, tmp_path / f"job{i}.pickle") for i in range(2)]
    outcomes = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        (outcome,) = json.loads(out)
        outcomes.append(outcome)

    statuses = sorted(o["status"] for o in outcomes)
    assert statuses == ["ingested", "unchanged"], outcomes
    writer = next(o for o in outcomes if o["status"] == "ingested")
    other = next(o for o in outcomes if o["status"] == "unchanged")
    assert other["reason"] == "written meanwhile by another ingest"
    assert other["mentions"] == other["relations"] == other["entities"] == 0
    # what the writer says it wrote is what the graph holds
    assert writer["mentions"] == store.stats()["Mention"] > 0
    assert facts(store) == facts(reference)
