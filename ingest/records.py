"""Extractions on disk: the hand-off between the map step (extract) and the reduce step (load).

A record is the gold format (``GOLD_FORMAT.md``) with mentions and evidence, as
``grappe extract`` prints it, plus what the reduce step needs to rebuild the exact
:class:`Extraction`: the document's content hash, source, format and clean text
(every span points into it) and each entity's list groups (cannot-link for
resolution). A record read back is equal to the extraction that was written, so
``extract`` + ``load`` gives the graph ``ingest`` gives.

An output folder holds either one ``<doc id>.json`` per document or JSON Lines
shards (``part-00000.jsonl``, one record a line), and ``index.json``: the current
record of every source, in extraction order. The index is what makes extraction
incremental (a source whose content hash is listed is unchanged) and what ``load``
follows (a record a later extraction superseded is not loaded).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grappe.errors import IngestError
from grappe.model import (
    Document,
    EntityType,
    Evidence,
    ExtractedEntity,
    ExtractedRelation,
    Extraction,
    Mention,
    RelType,
)
from nlp.gold import to_gold_format

#: the record format's name and version, written in every record
FORMAT = "grappe-extraction/1"
INDEX = "index.json"
REPORT = "extract_report.json"
SHARD_PREFIX = "part-"


def to_record(ex: Extraction) -> dict[str, Any]:
    """An extraction as a JSON-ready dict: the gold format plus what rebuilds it exactly."""
    record = to_gold_format(ex)
    d = ex.document
    record["format"] = FORMAT
    record["document"].update({"id": d.id, "source": d.source, "format": d.format, "text": d.text})
    for out, entity in zip(record["entities"], ex.entities, strict=True):
        out["groups"] = sorted(entity.groups)
    return record


def from_record(record: dict[str, Any], where: str = "record") -> Extraction:
    """The :class:`Extraction` a record holds; an :class:`IngestError` naming ``where``
    when the record is not one Grappe wrote."""
    if record.get("format") != FORMAT:
        raise IngestError(where, f"not a Grappe extraction record (format {record.get('format')!r}, "
                                 f"expected {FORMAT!r})", "Write it with `grappe extract --out`.")
    try:
        d = record["document"]
        doc = Document(id=d["id"], source=d["source"], format=d["format"], text=d["text"],
                       title=d.get("title") or "", date=d.get("date"), language=d.get("language") or "fr",
                       kind=d.get("kind"))
        entities = [
            ExtractedEntity(
                key=e["id"], type=EntityType(e["type"]), name=e["name"], subtype=e.get("subtype"),
                aliases=list(e.get("aliases") or []), attributes=dict(e.get("attributes") or {}),
                mentions=[Mention(doc.id, m["start"], m["end"], m["text"]) for m in e.get("mentions", [])],
                groups=set(e.get("groups") or []),
            )
            for e in record["entities"]
        ]
        relations = [
            ExtractedRelation(
                RelType(r["type"]), r["source"], r["target"],
                Evidence(doc.id, r["evidence"]["start"], r["evidence"]["end"], r["evidence"]["sentence"]),
                role=r.get("role"),
            )
            for r in record["relations"]
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise IngestError(where, f"malformed extraction record ({type(exc).__name__}: {exc})",
                          "Write it again with `grappe extract --out`.") from exc
    return Extraction(doc, entities, relations)


# --------------------------------------------------------------------------- the folder


@dataclass(frozen=True)
class IndexEntry:
    source: str
    id: str
    file: str  # relative to the folder


def read_index(folder: Path) -> dict[str, IndexEntry]:
    """``{source: entry}`` in extraction order; empty when the folder has no index yet."""
    path = folder / INDEX
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {e["source"]: IndexEntry(e["source"], e["id"], e["file"]) for e in data["documents"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise IngestError(str(path), f"unreadable extraction index ({exc})",
                          "Delete it to rebuild the folder with `grappe extract --out`.") from exc


def write_index(folder: Path, entries: dict[str, IndexEntry]) -> None:
    """Replace the index in one rename, so a crash never leaves half an index."""
    data = {"format": FORMAT, "documents": [{"source": e.source, "id": e.id, "file": e.file}
                                            for e in entries.values()]}
    _write_atomic(folder / INDEX, json.dumps(data, indent=1, ensure_ascii=False))


class RecordWriter:
    """Writes records into a folder: one JSON per document, or shards of ``shard_size`` lines."""

    def __init__(self, folder: Path, shard_size: int = 0) -> None:
        self.folder = folder
        self.shard_size = shard_size
        self._shard: Any = None
        self._shard_name = ""
        self._in_shard = 0
        folder.mkdir(parents=True, exist_ok=True)

    def write(self, ex: Extraction) -> str:
        """Write one record; returns its file name (relative to the folder)."""
        text = json.dumps(to_record(ex), ensure_ascii=False)
        if not self.shard_size:
            name = f"{ex.document.id}.json"
            _write_atomic(self.folder / name, text)
            return name
        if self._shard is None or self._in_shard >= self.shard_size:
            self._open_next_shard()
        self._shard.write(text + "\n")
        self._shard.flush()
        self._in_shard += 1
        return self._shard_name

    def _open_next_shard(self) -> None:
        self.close()
        taken = {p.name for p in self.folder.glob(f"{SHARD_PREFIX}*.jsonl")}
        n = len(taken)
        while f"{SHARD_PREFIX}{n:05d}.jsonl" in taken:
            n += 1
        self._shard_name = f"{SHARD_PREFIX}{n:05d}.jsonl"
        self._shard = open(self.folder / self._shard_name, "w", encoding="utf-8")
        self._in_shard = 0

    def close(self) -> None:
        if self._shard is not None:
            self._shard.close()
            self._shard = None


def read_records(folder: Path) -> Iterator[tuple[str, Extraction | IngestError]]:
    """``(where, extraction or error)`` for the folder's current records, in extraction order.

    With an index, only the record the index lists for each source is read (files in
    order of first use); without one (records copied from elsewhere), every
    ``*.json`` and ``*.jsonl`` file in name order."""
    if not folder.is_dir():
        yield str(folder), IngestError(str(folder), "no such folder", "Point `grappe load` at a `--out` folder.")
        return
    index = read_index(folder)
    if index:
        wanted: dict[str, set[str]] = {}
        for entry in index.values():
            wanted.setdefault(entry.file, set()).add(entry.id)
        files = list(wanted)
    else:
        files = sorted(p.name for p in folder.iterdir()
                       if p.suffix in (".json", ".jsonl") and p.name not in (INDEX, REPORT))
        wanted = {}
    for name in files:
        path = folder / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines() if name.endswith(".jsonl") \
                else [path.read_text(encoding="utf-8")]
        except OSError as exc:
            yield str(path), IngestError(str(path), f"could not be read ({exc.strerror or exc})")
            continue
        for n, line in enumerate(lines, 1):
            where = f"{path}:{n}" if name.endswith(".jsonl") else str(path)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield where, IngestError(where, f"not valid JSON ({exc})")
                continue
            if not isinstance(record, dict):
                yield where, IngestError(where, "not a JSON object")
                continue
            doc_id = (record.get("document") or {}).get("id") if isinstance(record.get("document"), dict) else None
            if wanted and doc_id not in wanted.get(name, ()):
                continue  # superseded by a later extraction of the same source
            try:
                yield where, from_record(record, where)
            except IngestError as err:
                yield where, err


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
