"""Helpers for the reliability tests: a graph as a set of facts, and an extractor that
replays extractions computed once (so a forked child never runs the NLP models)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graph.export import iter_entities, iter_relations
from grappe.model import Document, Extraction

ALL_ROWS = 1_000_000


def facts(store: Any) -> dict[str, set]:
    """Everything a document contributes, as comparable sets (the ingest time excluded)."""
    entities = {(e["id"], e["type"], e.get("name"), e.get("subtype"), tuple(sorted(e.get("aliases") or ())))
                for e in iter_entities(store)}
    relations = {(r["type"], r["source"], r["target"], r.get("doc_id"), r.get("start"), r.get("end"),
                  r.get("role")) for r in iter_relations(store)}
    mentions = {tuple(row.values()) for row in store.read(
        "MATCH (d:Document)-[:HAS_MENTION]->(m:Mention)-[:REFERS_TO]->(e:Entity) "
        "RETURN d.id, m.id, e.id, m.start, m.end, m.text", max_rows=ALL_ROWS).rows}
    documents = {tuple(row.values()) for row in store.read(
        "MATCH (d:Document) RETURN d.id, d.source, d.title, coalesce(d.complete, true)",
        max_rows=ALL_ROWS).rows}
    return {"documents": documents, "entities": entities, "mentions": mentions, "relations": relations}


class Replay:
    """An extractor that hands back extractions computed beforehand, by document id."""

    def __init__(self, by_id: dict[str, Extraction]) -> None:
        self.by_id = by_id

    def extract(self, doc: Document) -> Extraction:
        return self.by_id[doc.id]

    def extract_many(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        for doc in docs:
            yield self.by_id[doc.id]


def killed_ingest(settings: Any, graph_name: str, paths: list, replay: Replay, stop_after: int,
                  victim: int | None = None) -> bool:
    """Run an ingest in a child process that dies (SIGKILL) right after its ``stop_after``-th
    query, or kills ``victim`` (the database) then. True when the kill happened."""
    import os
    import pickle
    import signal
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from tests.reliability.killed_ingest import KILLED_DATABASE

    root = Path(__file__).resolve().parents[2]
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as fh:
        pickle.dump((settings, graph_name, list(paths), replay.by_id, stop_after, victim), fh)
    try:
        env = {**os.environ, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-m", "tests.reliability.killed_ingest", fh.name], cwd=root,
                              env=env, capture_output=True, timeout=600)
    finally:
        os.unlink(fh.name)
    return done.returncode in (-signal.SIGKILL, KILLED_DATABASE)
