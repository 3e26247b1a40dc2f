"""The ingestion run: files in, graph out — incremental, per document, idempotent.

One document is one unit of work. A file that cannot be read or extracted is
reported by name with the reason and the run goes on; nothing already in the
graph is touched by a failure. A file whose content hash is already stored is
skipped; a file whose content changed replaces what its previous version
contributed, but only once the new version has been written completely. A document
counts as stored only once its complete marker (written after its facts) is there: a
run killed mid-write leaves an incomplete version, which the next run removes and redoes.
Two runs that reach the same source at once take turns on its lock (:mod:`ingest.locks`):
one writes it, the other finds it complete and reports it unchanged.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from graph.batch import to_graph
from graph.resolve.curation import replay
from graph.resolve.store_resolver import StoreResolver
from graph.store import generation
from graph.store.base import GraphStore
from grappe.errors import GrappeError, IngestError
from grappe.model import Document, Extraction
from grappe.settings import Settings
from ingest.discover import discover
from ingest.limits import InputLimits
from ingest.loaders import load_document
from ingest.locks import document_lock

#: Documents handed to the NLP pipeline at once (nlp.pipe batching).
CHUNK = 8


@dataclass
class Outcome:
    path: str
    status: str  # ingested | replaced | unchanged | failed
    #: why it failed, or why an unchanged document was not written ("written meanwhile ...")
    doc_id: str | None = None
    title: str = ""
    language: str | None = None
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    words: int = 0
    reason: str | None = None


@dataclass
class IngestReport:
    started: str
    finished: str = ""
    seconds: float = 0.0
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def recorder(self, progress: Progress | None = None) -> Callable[[Outcome], None]:
        """What every run calls per document: keep the outcome, then show it."""
        def record(outcome: Outcome) -> None:
            self.outcomes.append(outcome)
            if progress:
                progress(outcome)

        return record

    def total(self, attr: str) -> int:
        return sum(getattr(o, attr) for o in self.outcomes)

    def to_json(self) -> dict:
        return {
            "started": self.started,
            "finished": self.finished,
            "seconds": round(self.seconds, 3),
            "documents": [asdict(o) for o in self.outcomes if o.status != "failed"],
            "failures": [{"path": o.path, "reason": o.reason} for o in self.failures],
        }


Progress = Callable[[Outcome], None]
Mapper = Callable[[Iterable[Document]], Iterable[Extraction | Exception]]


def ingest(
    paths: Iterable[Path],
    settings: Settings,
    store: GraphStore,
    *,
    extractor=None,
    resolver=None,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
    mapper: Mapper | None = None,
) -> IngestReport:
    """Ingest every file under ``paths`` into ``store``; returns the per-document report.

    ``mapper`` runs extraction elsewhere (worker processes, a cluster): documents in,
    extractions or exceptions out, in the same order."""
    t0 = time.perf_counter()
    report = IngestReport(started=_now())

    record = report.recorder(progress)

    limits = InputLimits.from_settings(settings)
    files, missing = discover(list(paths))
    if on_total:
        on_total(len(files) + len(missing))
    for err in missing:
        record(Outcome(err.path, "failed", reason=err.reason))

    pending: list[Document] = []
    for path in files:
        try:
            doc = _load(path, limits)
        except IngestError as err:
            record(Outcome(str(path), "failed", reason=_reason(err)))
            continue
        try:
            outcome = check(store, settings, doc)
        except GrappeError as err:
            record(Outcome(doc.source, "failed", doc.id, reason=str(err)))
            continue
        if outcome is not None:
            record(outcome)
        else:
            pending.append(doc)

    if pending:
        resolver = resolver or _default_resolver(settings)
        if mapper is not None:
            extracted = zip(pending, mapper(iter(pending)), strict=True)
        else:
            extracted = _extract_all(extractor or _default_extractor(), pending)
        for doc, result in extracted:
            if isinstance(result, Exception):
                record(Outcome(doc.source, "failed", doc.id, reason=f"extraction failed ({type(result).__name__}: {result})"))
                continue
            try:
                record(_store_one(store, settings, resolver, doc, result))
            except GrappeError as err:
                record(Outcome(doc.source, "failed", doc.id, reason=str(err)))

    finish(report, settings, store, t0)
    return report


def finish(report: IngestReport, settings: Settings, store: GraphStore, t0: float) -> None:
    """What every write run ends with: curation replayed, caches dropped, the report saved."""
    if any(o.status in ("ingested", "replaced") for o in report.outcomes):
        # Human decisions outlive re-ingests: splits (and anything the resolver
        # could not apply while assigning) are applied again after every write.
        replay(store, settings)
        _invalidate_caches(settings)
    report.seconds = time.perf_counter() - t0
    report.finished = _now()
    _save_report(settings, report)


def check(store: GraphStore, settings: Settings, doc: Document) -> Outcome | None:
    """The outcome of a document with nothing to write (stored and complete), else None."""
    with document_lock(settings.data_dir, doc.source):
        return _prepare(store, doc)[0]


def _prepare(store: GraphStore, doc: Document) -> tuple[Outcome | None, list[str]]:
    """What to do with a loaded file: an outcome when there is nothing to extract, else
    the complete previous versions to replace. Whatever an interrupted run left behind
    (a version without its complete marker) is removed first, so it is redone whole.
    Runs under the document's lock: an incomplete version seen then is no other run's
    write in progress."""
    versions = {r["id"]: bool(r["complete"])
                for r in store.run("ingest/documents_by_source", source=doc.source).rows}
    state = store.run("ingest/document_state", id=doc.id).first() or {}
    if state.get("stored") and not state.get("complete"):
        versions[doc.id] = False
    for doc_id, complete in list(versions.items()):
        if not complete:
            store.delete_document(doc_id)
            del versions[doc_id]
    older = [i for i in versions if i != doc.id]
    if doc.id in versions:
        # complete already; an old version still there means a replace was cut short
        for old_id in older:
            store.delete_document(old_id)
        status = "replaced" if older else "unchanged"
        return Outcome(doc.source, status, doc.id, doc.title, doc.language), []
    return None, older


def _store_one(store: GraphStore, settings: Settings, resolver, doc: Document,
               extraction: Extraction) -> Outcome:
    with document_lock(settings.data_dir, doc.source):
        # checked again under the lock: another run may have written it during extraction
        done, previous = _prepare(store, doc)
        if done is not None:
            done.reason = "written meanwhile by another ingest"
            return done
        # The new version is resolved against the graph that still holds the old one
        # (so entity ids stay stable) and written before the old one goes: a failure
        # at any step never loses what was ingested before. Its complete marker is
        # written last, so a crash mid-write leaves a version the next run redoes.
        assignment = resolver(extraction, store)
        batch = to_graph(extraction, assignment)
        store.write_document(batch)
        for old_id in previous:
            store.delete_document(old_id)
    return Outcome(
        doc.source,
        "replaced" if previous else "ingested",
        doc.id,
        doc.title,
        doc.language,
        entities=len(batch.entities),
        mentions=len(batch.mentions),
        relations=len(batch.relations),
        words=len(doc.text.split()),
    )


def _extract_all(extractor, pending: list[Document]) -> Iterator[tuple[Document, Extraction | Exception]]:
    """Extract in chunks through the batched pipeline; a failing chunk is retried
    one document at a time so one bad document does not sink its neighbours."""
    for i in range(0, len(pending), CHUNK):
        chunk = pending[i:i + CHUNK]
        try:
            results = list(extractor.extract_many(chunk))
        except Exception:  # isolate the failing document below
            results = []
            for doc in chunk:
                try:
                    results.append(extractor.extract(doc))
                except Exception as exc:  # reported per document
                    results.append(exc)
        yield from zip(chunk, results, strict=True)


def _load(path: Path, limits: InputLimits) -> Document:
    try:
        return load_document(path, limits=limits)
    except IngestError:
        raise
    except Exception as exc:  # a loader bug must not stop the run
        raise IngestError(str(path), f"could not be read ({type(exc).__name__}: {exc})") from exc


def _reason(err: IngestError) -> str:
    return f"{err.reason} {err.hint}".strip()


def _default_extractor():
    # deferred: spaCy and its pipelines load only when some document needs extracting
    from nlp.pipeline import Extractor

    return Extractor()


def _default_resolver(settings: Settings):
    return StoreResolver(settings).assign


def _invalidate_caches(settings: Settings) -> None:
    generation.bump(settings)  # analytics projections and search's name index rebuild


def _save_report(settings: Settings, report: IngestReport) -> None:
    path = Path(settings.data_dir) / "last_ingest.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # the report is a convenience for the sources page; the run already succeeded


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
