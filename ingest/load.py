"""The reduce step apart: extraction records in, graph out (`grappe load DIR`).

Records are resolved and written one document after the other, in extraction
order, exactly as `grappe ingest` does after extracting: a document whose content
hash is in the graph is ``unchanged``, a new version of a source ``replaced`` its
previous one only once written, and a record that is unreadable or fails to write
is reported by name while the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from graph.store.base import GraphStore
from grappe.errors import GrappeError, IngestError
from grappe.settings import Settings
from ingest.records import read_records
from ingest.run import (
    IngestReport,
    Outcome,
    Progress,
    _default_resolver,
    _now,
    _store_one,
    check,
    finish,
)


def load_folder(folder: Path, settings: Settings, store: GraphStore, *, resolver: Callable | None = None,
                progress: Progress | None = None) -> IngestReport:
    """Resolve and write every current record of ``folder``; returns the per-document report."""
    t0 = time.perf_counter()
    report = IngestReport(started=_now())

    record = report.recorder(progress)

    for where, item in read_records(folder):
        if isinstance(item, IngestError):
            record(Outcome(where, "failed", reason=f"{item.reason} {item.hint}".strip()))
            continue
        doc = item.document
        try:
            done = check(store, settings, doc)
            if done is not None:
                record(done)
                continue
            resolver = resolver or _default_resolver(settings)
            record(_store_one(store, settings, resolver, doc, item))
        except GrappeError as err:
            record(Outcome(doc.source, "failed", doc.id, reason=f"{err} (record {where})"))

    finish(report, settings, store, t0)
    return report
