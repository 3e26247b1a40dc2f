"""A child process for the concurrency test: ``python -m tests.reliability.concurrent_ingest JOB``.

JOB is a pickle of ``(settings, graph_name, paths, extractions, gate_dir, parties)``. The
child ingests ``paths`` with the given extractions (no NLP models loaded); its extraction
waits until ``parties`` children have extracted, so every one of them has passed the
"already stored?" check before any writes. Prints the report's outcomes as JSON.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from graph.store import open_store
from grappe.model import Document, Extraction
from ingest.run import ingest
from tests.reliability.graphs import Replay

GATE_SECONDS = 120.0


class Gated(Replay):
    """Replayed extractions, handed back once every child has reached this point."""

    def __init__(self, by_id: dict[str, Extraction], gate: Path, parties: int) -> None:
        super().__init__(by_id)
        self.gate, self.parties = gate, parties

    def extract_many(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        docs = list(docs)
        (self.gate / str(os.getpid())).touch()
        deadline = time.monotonic() + GATE_SECONDS
        while len(list(self.gate.iterdir())) < self.parties:
            if time.monotonic() > deadline:
                raise TimeoutError("the other ingest never reached extraction")
            time.sleep(0.01)
        return super().extract_many(docs)


def main(job_path: str) -> int:
    with open(job_path, "rb") as fh:
        settings, graph_name, paths, extractions, gate, parties = pickle.load(fh)
    store = open_store(settings, graph_name=graph_name)
    try:
        report = ingest(paths, settings, store, extractor=Gated(extractions, Path(gate), parties))
    finally:
        store.close()
    print(json.dumps([asdict(o) for o in report.outcomes]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
