"""The map step off the calling process: worker processes and a local Dask cluster.

The extractor is a fake that fails or kills its process on cue (tests/scale/fakes.py),
so what is checked is the plumbing: order, per-document failures, and no document
lost when a worker process dies.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from grappe.model import Document, Extraction
from ingest.workers import ExtractionFailed, WorkerPool

FAKE = "tests.scale.fakes:CueExtractor"


def _docs(texts: list[str]) -> list[Document]:
    return [Document(id=f"doc-{i:03d}", source=f"inbox/note-{i:03d}.txt", format="txt", text=t)
            for i, t in enumerate(texts)]


def _names(results) -> list[str]:
    return [r.entities[0].name if isinstance(r, Extraction) else "FAILED" for r in results]


def _kill_when_hanging(marker: Path) -> tuple[threading.Thread, threading.Event]:
    """Kill (SIGKILL, from outside) the worker process that writes its id to ``marker``;
    the event says it was killed."""
    killed = threading.Event()

    def run() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if marker.exists() and marker.read_text(encoding="utf-8"):
                os.kill(int(marker.read_text(encoding="utf-8")), signal.SIGKILL)
                killed.set()
                return
            time.sleep(0.05)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, killed


def test_worker_pool_keeps_input_order_and_isolates_a_failing_document():
    docs = _docs([f"Acme{i} Robotique" for i in range(20)])
    docs[7] = Document(id="doc-bad", source="inbox/bad.txt", format="txt", text="Broken RAISE")
    with WorkerPool(2, FAKE, chunk=3) as pool:
        results = list(pool.map(docs))
    expected = [f"Acme{i}" for i in range(20)]
    expected[7] = "FAILED"
    assert _names(results) == expected
    assert isinstance(results[7], ExtractionFailed) and "cannot be read" in str(results[7])


def test_worker_pool_survives_a_dying_worker(tmp_path):
    marker = tmp_path / "died"
    docs = _docs([f"Nordville{i} Labs" for i in range(12)])
    docs[5] = Document(id="doc-once", source="inbox/once.txt", format="txt", text=f"Fragile DIE-ONCE {marker}")
    docs[9] = Document(id="doc-always", source="inbox/always.txt", format="txt", text="Doomed DIE-ALWAYS")
    with WorkerPool(2, FAKE, chunk=2) as pool:
        results = list(pool.map(docs))
    assert marker.exists()  # the worker did die once
    expected = [f"Nordville{i}" for i in range(12)]
    expected[5], expected[9] = "Fragile", "FAILED"
    assert _names(results) == expected
    assert "died" in str(results[9])


@pytest.fixture(scope="module")
def dask_client():
    dask = pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    # a task whose worker died is given up at once (the default, 3 more tries, only makes the
    # test slower, and every death restarts a worker process): the documents of a lost chunk
    # are then sent again one by one by DaskMap itself
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=":0")
        client = distributed.Client(cluster)
        yield client
        client.close()
        cluster.close()


def test_dask_map_loses_no_document_when_a_worker_dies(dask_client, tmp_path):
    from ingest.cluster import DaskMap

    marker = tmp_path / "died"
    docs = _docs([f"Argile{i} Conseil" for i in range(16)])
    docs[6] = Document(id="doc-once", source="inbox/once.txt", format="txt", text=f"Fragile DIE-ONCE {marker}")
    results = list(DaskMap(dask_client, FAKE, chunk=4).map(docs))
    assert marker.exists()
    expected = [f"Argile{i}" for i in range(16)]
    expected[6] = "Fragile"
    assert _names(results) == expected


def test_dask_map_reports_the_document_that_fails_on_every_try(dask_client, tmp_path):
    from ingest.cluster import DaskMap
    from ingest.mapstep import extract_to_folder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"note-{i}.txt").write_text(f"Boreal{i} Transports\n", encoding="utf-8")
    (corpus / "note-3.txt").write_text("Doomed DIE-ALWAYS\n", encoding="utf-8")
    (corpus / "note-4.txt").write_text("Broken RAISE\n", encoding="utf-8")
    report = extract_to_folder([corpus], tmp_path / "out", DaskMap(dask_client, FAKE, chunk=2).map)
    failed = {o.path.rsplit("/", 1)[-1]: o.reason for o in report.failures}
    assert set(failed) == {"note-3.txt", "note-4.txt"}, failed
    assert "died" in failed["note-3.txt"]
    assert "cannot be read" in failed["note-4.txt"]
    assert sorted(o.path.rsplit("/", 1)[-1] for o in report.outcomes if o.status == "extracted") == [
        "note-0.txt", "note-1.txt", "note-2.txt", "note-5.txt"]


def test_each_worker_process_builds_its_extractor_once(tmp_path, monkeypatch):
    builds = tmp_path / "builds"
    monkeypatch.setenv("GRAPPE_TEST_BUILDS", str(builds))
    docs = _docs([f"Cargo{i} Vision" for i in range(40)])
    with WorkerPool(2, "tests.scale.fakes:CountedExtractor", chunk=2) as pool:
        assert len(list(pool.map(docs))) == 40
    pids = builds.read_text(encoding="utf-8").split()
    assert len(pids) == len(set(pids)) and 1 <= len(pids) <= 2


def test_worker_pool_loses_no_document_when_a_worker_is_killed_from_outside(tmp_path):
    marker = tmp_path / "hanging"
    docs = _docs([f"Lakeside{i} Foods" for i in range(12)])
    docs[4] = Document(id="doc-hang", source="inbox/hang.txt", format="txt", text=f"Stalled HANG-ONCE {marker}")
    killer, killed = _kill_when_hanging(marker)
    with WorkerPool(2, FAKE, chunk=3) as pool:
        results = list(pool.map(docs))
    killer.join()
    assert killed.is_set()  # a worker process was killed mid-chunk
    expected = [f"Lakeside{i}" for i in range(12)]
    expected[4] = "Stalled"
    assert _names(results) == expected


def test_dask_map_loses_no_document_when_a_worker_is_killed_from_outside(dask_client, tmp_path):
    from ingest.cluster import DaskMap

    marker = tmp_path / "hanging"
    docs = _docs([f"Northfield{i} Transit" for i in range(16)])
    docs[9] = Document(id="doc-hang", source="inbox/hang.txt", format="txt", text=f"Stalled HANG-ONCE {marker}")
    killer, killed = _kill_when_hanging(marker)
    results = list(DaskMap(dask_client, FAKE, chunk=4).map(docs))
    killer.join()
    assert killed.is_set()
    expected = [f"Northfield{i}" for i in range(16)]
    expected[9] = "Stalled"
    assert _names(results) == expected
