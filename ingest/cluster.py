"""The map step on a Dask cluster (`grappe extract --executor tcp://scheduler:8786`).

Documents are read here (a cluster's workers need not see the files), sent in
chunks as tasks, and their extractions gathered back in input order. Each worker
process builds its extractor once (models loaded on its first task) and keeps it.

Losing a worker loses nothing: Dask's scheduler gives the tasks of a worker that
died to another one, up to ``distributed.scheduler.allowed-failures`` times, and a
task that raises is run again ``retries`` times. A chunk that still fails is split
and its documents sent one by one, so the document that fails on every try is the
only one reported, by name.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from grappe.errors import GrappeError
from grappe.model import Document, Extraction
from ingest.workers import CHUNK, DEFAULT_FACTORY, ExtractionFailed, extract_chunk, make_extractor, slim

#: a task that raised is run again this many times before its documents are split
RETRIES = 2
#: seconds between checks that the cluster still has workers while a result is awaited
POLL = 10.0
#: a cluster without any worker this long fails the run instead of waiting for ever
NO_WORKERS_TIMEOUT = 120.0

# --------------------------------------------------------------------------- on a worker

_EXTRACTORS: dict[str, Any] = {}


def _extract_on_worker(factory: str, docs: list[Document]) -> list[Extraction | ExtractionFailed]:
    extractor = _EXTRACTORS.get(factory)
    if extractor is None:  # once per worker process
        extractor = _EXTRACTORS[factory] = make_extractor(factory)
    return extract_chunk(extractor, docs)


def _extract_one_on_worker(factory: str, doc: Document) -> Extraction:
    """One document, raising on failure so Dask's retries apply to it."""
    (result,) = _extract_on_worker(factory, [doc])
    if isinstance(result, ExtractionFailed):
        raise result
    return result


# --------------------------------------------------------------------------- in the caller


def connect(address: str) -> Any:
    """A client of the scheduler at ``address``, or a clear error."""
    try:
        # deferred: Dask loads only when a cluster is asked for
        from distributed import Client
    except ImportError as exc:
        raise GrappeError("`--executor` needs Dask's distributed scheduler, which is not installed.",
                          "pip install 'dask[distributed]'") from exc
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise GrappeError(f"no Dask scheduler answers at {address} ({exc}).",
                          "Start one (`dask scheduler`) or check the address.") from exc


class DaskMap:
    """``DaskMap(client).map(docs)``: extractions (or failures) in input order."""

    def __init__(self, client: Any, factory: str = DEFAULT_FACTORY, chunk: int = CHUNK,
                 retries: int = RETRIES, window: int | None = None) -> None:
        self.client = client
        self.factory = factory
        self.chunk = max(1, chunk)
        self.retries = retries
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.window = window or 4 * workers
        self._run = uuid.uuid4().hex[:8]
        self._sent = 0

    def map(self, docs: Iterable[Document]) -> Iterator[Extraction | ExtractionFailed]:
        items = iter(slim(d) for d in docs)
        inflight: deque[tuple[list[Document], Any]] = deque()
        done = False
        while True:
            while not done and len(inflight) < self.window:
                batch = [d for _, d in zip(range(self.chunk), items, strict=False)]
                if not batch:
                    done = True
                    break
                inflight.append((batch, self._submit(_extract_on_worker, batch)))
            if not inflight:
                return
            batch, future = inflight.popleft()
            try:
                yield from self._result(future)
            except GrappeError:
                raise
            except Exception:  # dead workers or a raising task: split, see below
                yield from self._one_by_one(batch)

    def _one_by_one(self, batch: list[Document]) -> Iterator[Extraction | ExtractionFailed]:
        # one at a time: a document that kills its worker must not take a neighbour's task with it
        for doc in batch:
            try:
                yield self._result(self._submit(_extract_one_on_worker, doc))
            except GrappeError:
                raise
            except Exception as exc:  # reported by name, the run goes on
                yield ExtractionFailed(f"failed on every try ({_why(exc)})")

    def _result(self, future: Any) -> Any:
        """The future's result; a :class:`GrappeError` when the cluster has had no worker
        for :data:`NO_WORKERS_TIMEOUT` seconds (tasks would wait for ever)."""
        idle = 0.0
        while True:
            try:
                return future.result(timeout=POLL)
            except TimeoutError:
                if self.client.scheduler_info().get("workers"):
                    idle = 0.0
                    continue
                idle += POLL
                if idle >= NO_WORKERS_TIMEOUT:
                    raise GrappeError(f"the Dask cluster has had no worker for {idle:.0f} s; "
                                      "the run stopped (the records written so far are kept).",
                                      "Start workers (`dask worker <scheduler address>`) and run again: "
                                      "extraction resumes where it stopped.") from None

    def _submit(self, fn: Any, payload: Any) -> Any:
        ids = [d.id for d in payload] if isinstance(payload, list) else [payload.id]
        digest = hashlib.sha1("\x1f".join(ids).encode()).hexdigest()[:12]
        self._sent += 1
        # an explicit, unique key: Dask would otherwise hash every document's text to name the task
        key = f"grappe-{fn.__name__.strip('_')}-{self._run}-{self._sent}-{digest}"
        return self.client.submit(fn, self.factory, payload, key=key, retries=self.retries, pure=False)


def _why(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "KilledWorker":
        return "the worker running it died each time"
    return f"{name}: {exc}"
