"""Extraction in worker processes on this machine (`grappe ingest --workers N`).

Extraction is a pure function of one document, so it is the step that spreads:
N processes each load the models once (spaCy pipelines and the learned stage),
then take chunks of documents and send back extractions. The caller gets them in
input order, so resolution and writes, which must see documents one after the
other, stay in the calling process. A worker process that dies breaks Python's
pool; the pool is then started again and the chunks in flight are sent again, up
to :data:`TRIES` times each.
"""

from __future__ import annotations

import importlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from multiprocessing import get_context
from typing import Any

from grappe.model import Document, Extraction
from ingest.run import _extract_all
from nlp.learn.model import load_model

#: what builds an extractor in a worker: "module:callable"
DEFAULT_FACTORY = "nlp.pipeline:Extractor"
#: documents per task (one nlp.pipe batch)
CHUNK = 8
#: a chunk whose worker died this many times is reported as failed
TRIES = 3


class ExtractionFailed(Exception):
    """One document's extraction failed in a worker (the message says why)."""


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def make_extractor(factory: str = DEFAULT_FACTORY) -> Any:
    """Build the extractor ``factory`` names and load its models now, not on the first document."""
    module, _, attr = factory.partition(":")
    extractor = getattr(importlib.import_module(module), attr)()
    warm_up(extractor)
    return extractor


def warm_up(extractor: Any) -> None:
    """Load every model an extractor will need, once per process."""
    if hasattr(extractor, "warm_up"):
        extractor.warm_up()
        return
    for lang in getattr(extractor, "models", {}):
        extractor.nlp(lang)
    load_model()  # cached per process


def extract_chunk(extractor: Any, docs: list[Document]) -> list[Extraction | ExtractionFailed]:
    """Extractions for ``docs`` in order; a failing document becomes an :class:`ExtractionFailed`
    (picklable, unlike some library exceptions) and does not sink its neighbours."""
    out: list[Extraction | ExtractionFailed] = []
    for _doc, result in _extract_all(extractor, list(docs)):
        out.append(ExtractionFailed(f"{type(result).__name__}: {result}")
                   if isinstance(result, Exception) else result)
    return out


def slim(doc: Document) -> Document:
    """The document without its offset map (one int per character, unused by extraction)."""
    return replace(doc, offsets=()) if doc.offsets else doc


# --------------------------------------------------------------------------- in the worker

_EXTRACTOR: Any = None


def _init_worker(factory: str) -> None:
    global _EXTRACTOR
    _EXTRACTOR = make_extractor(factory)


def _run_chunk(docs: list[Document]) -> list[Extraction | ExtractionFailed]:
    return extract_chunk(_EXTRACTOR, docs)


# --------------------------------------------------------------------------- in the caller


class WorkerPool:
    """``with WorkerPool(2) as pool: for result in pool.map(docs): ...``"""

    def __init__(self, workers: int, factory: str = DEFAULT_FACTORY, chunk: int = CHUNK,
                 window: int | None = None) -> None:
        self.workers = max(1, workers)
        self.factory = factory
        self.chunk = max(1, chunk)
        #: chunks in flight: enough to keep every worker busy while the caller writes
        self.window = window or 3 * self.workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        self._start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> None:
        # spawn: a fresh interpreter per worker, never a fork of a process holding
        # database sockets or threads
        self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"),
                                         initializer=_init_worker, initargs=(self.factory,))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, docs: Iterable[Document]) -> Iterator[Extraction | ExtractionFailed]:
        """Extractions (or failures) for ``docs``, in input order."""
        if self._pool is None:
            self._start()
        chunks = _chunked((slim(d) for d in docs), self.chunk)
        inflight: deque[list[Any]] = deque()  # [docs, future, tries]
        exhausted = False
        while True:
            while not exhausted and len(inflight) < self.window:
                batch = next(chunks, None)
                if batch is None:
                    exhausted = True
                    break
                inflight.append([batch, self._submit(batch), 0])
            if not inflight:
                return
            try:
                results = inflight[0][1].result()
            except BrokenProcessPool:
                self._restart(inflight)
                continue
            inflight.popleft()
            yield from results

    def _submit(self, batch: list[Document]) -> Future:
        assert self._pool is not None
        return self._pool.submit(_run_chunk, batch)

    def _restart(self, inflight: deque[list[Any]]) -> None:
        """A worker died and took the pool with it. Start a new pool and send again every
        chunk in flight that has no result; the oldest (the likely cause) counts a try,
        and after :data:`TRIES` its documents are tried one by one, so only the document
        that kills is reported."""
        assert self._pool is not None
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._start()
        head = inflight[0]
        head[2] += 1
        if head[2] >= TRIES:
            inflight.popleft()
            if len(head[0]) > 1:
                for doc in reversed(head[0]):
                    inflight.appendleft([[doc], None, 0])
            else:
                inflight.appendleft([head[0], _failed(), TRIES])
        for item in inflight:
            future = item[1]
            if future is not None and future.done() and future.exception() is None:
                continue  # finished before the pool broke
            item[1] = self._submit(item[0])


def _failed() -> Future:
    future: Future = Future()
    future.set_result([ExtractionFailed(f"the worker process died on every one of {TRIES} tries")])
    return future


def _chunked(items: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
