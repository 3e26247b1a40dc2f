"""The map step apart: files in, extraction records out (`grappe extract PATH... --out DIR`).

Nothing here touches the graph. The run is incremental like an ingest: a source
whose content hash the folder's index already lists is ``unchanged``; a source
whose content changed gets a new record that supersedes the old one
(``replaced``); a file that cannot be read or extracted is reported by name and
the run goes on. Where extraction runs is the ``mapper``'s business
(:func:`mapper_for`): this process, worker processes, or a Dask cluster.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path
from typing import Any

from grappe.errors import IngestError
from grappe.model import Document, Extraction
from ingest.discover import discover
from ingest.limits import InputLimits
from ingest.records import REPORT, IndexEntry, RecordWriter, read_index, write_index
from ingest.run import IngestReport, Mapper, Outcome, Progress, _load, _now, _reason
from ingest.workers import CHUNK, DEFAULT_FACTORY, WorkerPool, extract_chunk, make_extractor

#: the index is saved every this many records, so an interrupted run keeps its work
SAVE_EVERY = 200


@contextmanager
def mapper_for(workers: int = 1, executor: str | None = None, *, factory: str = DEFAULT_FACTORY,
               extractor: Any = None, min_docs: int | None = None) -> Iterator[Mapper]:
    """Where extraction runs, as a mapper (documents in, extractions or exceptions out, in order).

    * ``executor``: a Dask scheduler address (``tcp://host:8786``), or ``local`` for a
      local Dask cluster of ``workers`` worker processes;
    * else ``workers`` > 1: that many worker processes on this machine; runs of fewer
      than ``min_docs`` documents (default: a chunk per worker) stay in this process,
      where loading the models once costs less than starting the workers;
    * else this process (``extractor``, or one built from ``factory``).
    """
    local = _in_process(extractor, factory)
    if executor:
        # deferred: Dask loads only when a cluster is asked for
        from ingest.cluster import DaskMap, connect

        cluster = None
        if executor == "local":
            # deferred: Dask loads only when a cluster is asked for
            from distributed import LocalCluster

            # ":0": the scheduler's HTTP server on any free port (None still takes 8787)
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            executor = cluster.scheduler_address
        client = connect(executor)
        try:
            yield DaskMap(client, factory).map
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    elif workers > 1:
        threshold = workers * CHUNK if min_docs is None else min_docs
        with WorkerPool(workers, factory) as pool:
            yield _small_runs_here(pool.map, local, threshold)
    else:
        yield local


def _in_process(extractor: Any, factory: str) -> Mapper:
    holder: list[Any] = [extractor]

    def run(docs: Iterable[Document]) -> Iterator[Extraction | Exception]:
        it = iter(docs)
        while batch := list(islice(it, CHUNK)):
            if holder[0] is None:
                holder[0] = make_extractor(factory)
            yield from extract_chunk(holder[0], batch)

    return run


def _small_runs_here(pooled: Mapper, local: Mapper, threshold: int) -> Mapper:
    def run(docs: Iterable[Document]) -> Iterator[Extraction | Exception]:
        it = iter(docs)
        head = list(islice(it, threshold))
        if len(head) < threshold:
            yield from local(head)
        else:
            yield from pooled(chain(head, it))

    return run


def extract_to_folder(paths: Iterable[Path], out: Path, mapper: Mapper, *, shard_size: int = 0,
                      progress: Progress | None = None,
                      on_total: Callable[[int], None] | None = None,
                      limits: InputLimits | None = None) -> IngestReport:
    """Extract every file under ``paths`` into records in ``out``; returns the per-document report
    (statuses: extracted | replaced | unchanged | failed), also saved as ``extract_report.json``."""
    t0 = time.perf_counter()
    report = IngestReport(started=_now())

    record = report.recorder(progress)

    files, missing = discover(list(paths))
    if on_total:
        on_total(len(files) + len(missing))
    for err in missing:
        record(Outcome(err.path, "failed", reason=err.reason))

    index = read_index(out)
    sent: deque[Document] = deque()
    limits = limits or InputLimits.default()

    def todo() -> Iterator[Document]:
        # documents are read as the mapper asks for them, so memory holds a window, not the corpus
        for path in files:
            try:
                doc = _load(path, limits)
            except IngestError as err:
                record(Outcome(str(path), "failed", reason=_reason(err)))
                continue
            entry = index.get(doc.source)
            if entry is not None and entry.id == doc.id and (out / entry.file).exists():
                record(Outcome(str(path), "unchanged", doc.id, doc.title, doc.language))
                continue
            sent.append(doc)
            yield doc

    writer = RecordWriter(out, shard_size)
    written = 0
    try:
        for result in mapper(todo()):
            doc = sent.popleft()
            if isinstance(result, Exception):
                record(Outcome(doc.source, "failed", doc.id, reason=f"extraction failed: {result}"))
                continue
            name = writer.write(result)
            old = index.pop(doc.source, None)
            index[doc.source] = IndexEntry(doc.source, doc.id, name)  # at the end: extraction order
            if old is not None and old.file != name and not shard_size \
                    and all(e.file != old.file for e in index.values()):
                (out / old.file).unlink(missing_ok=True)
            record(Outcome(doc.source, "replaced" if old else "extracted", doc.id, doc.title, doc.language,
                           entities=len(result.entities),
                           mentions=sum(len(e.mentions) for e in result.entities),
                           relations=len(result.relations), words=len(doc.text.split())))
            written += 1
            if written % SAVE_EVERY == 0:
                write_index(out, index)
    finally:
        writer.close()
        write_index(out, index)
    report.seconds = time.perf_counter() - t0
    report.finished = _now()
    try:
        (out / REPORT).write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # the report is printed too; the records are what matters
    return report
