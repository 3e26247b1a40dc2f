"""Stored human judgements, read from the append-only curation log.

The log (``<data_dir>/curation.jsonl``, one JSON object per line) records every
curation decision with who, when and why. :func:`load` folds it into a
:class:`Judgements` the resolver consults on every ingest, so a human correction
is never lost when documents are re-ingested:

* ``merge`` keep/other: ``other`` redirects to ``keep``; their names are POSITIVE;
* ``split`` id/new_id/names: those names are NEGATIVE for ``id`` and POSITIVE for ``new_id``;
* ``rename`` id/name: the entity keeps that display name;
* ``judgement`` left/right/judgement: an explicit POSITIVE or NEGATIVE between two
  names or ids (``right`` may be an id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from graph.resolve.normalize import name_key
from grappe.settings import Settings

LOG_NAME = "curation.jsonl"


class Judgement(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNSURE = "unsure"
    NO_JUDGEMENT = "no_judgement"


def log_path(settings: Settings) -> Path:
    return Path(settings.data_dir) / LOG_NAME


def read_log(settings: Settings) -> list[dict[str, Any]]:
    path = log_path(settings)
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            out.append(json.loads(line))
    return out


def append_log(settings: Settings, record: dict[str, Any]) -> None:
    path = log_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def _k(name: str) -> str:
    return name_key(name) or name.strip().casefold()


@dataclass
class Judgements:
    redirect: dict[str, str] = field(default_factory=dict)  # merged id -> surviving id
    positive: dict[str, str] = field(default_factory=dict)  # name key -> entity id
    negative: set[tuple[str, str]] = field(default_factory=set)  # (entity id, name key) / (id, id)
    renames: dict[str, str] = field(default_factory=dict)  # entity id -> display name

    def final_id(self, entity_id: str) -> str:
        seen = set()
        while entity_id in self.redirect and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.redirect[entity_id]
        return entity_id

    def judge(self, name: str, entity_id: str, other_id: str | None = None) -> Judgement:
        """What humans said about ``name`` (or ``other_id``) being entity ``entity_id``."""
        entity_id = self.final_id(entity_id)
        key = _k(name)
        if (entity_id, key) in self.negative:
            return Judgement.NEGATIVE
        if other_id is not None:
            other = self.final_id(other_id)
            if other == entity_id:
                return Judgement.POSITIVE
            if (entity_id, other) in self.negative or (other, entity_id) in self.negative:
                return Judgement.NEGATIVE
        target = self.positive.get(key)
        if target is not None:
            return Judgement.POSITIVE if self.final_id(target) == entity_id else Judgement.NEGATIVE
        return Judgement.NO_JUDGEMENT

    def positive_for(self, name: str) -> str | None:
        target = self.positive.get(_k(name))
        return self.final_id(target) if target else None


def fold_log(records: list[dict[str, Any]]) -> Judgements:
    j = Judgements()
    for r in records:
        action = r.get("action")
        if action == "merge":
            keep, other = r["keep"], r["other"]
            if keep != other:
                j.redirect[other] = keep
            for name in [r.get("other_name") or "", *r.get("other_aliases", [])]:
                if name:
                    j.positive[_k(name)] = keep
                    j.negative.discard((keep, _k(name)))
            j.negative.discard((keep, other))
            j.negative.discard((other, keep))
        elif action == "split":
            for name in r.get("names", []):
                j.negative.add((r["id"], _k(name)))
                j.positive[_k(name)] = r["new_id"]
            j.negative.add((r["id"], r["new_id"]))
        elif action == "rename":
            j.renames[r["id"]] = r["name"]
        elif action == "judgement":
            left, right, verdict = r["left"], r["right"], r["judgement"]
            if verdict == Judgement.POSITIVE.value:
                j.positive[_k(left)] = right
            elif verdict == Judgement.NEGATIVE.value:
                j.negative.add((right, _k(left)))
    return j


_CACHE: dict[Path, tuple[float, int, Judgements]] = {}


def load(settings: Settings | None) -> Judgements:
    """The judgements in the curation log (re-read only when the file changed)."""
    if settings is None:
        return Judgements()
    path = log_path(settings)
    if not path.is_file():
        return Judgements()
    stat = path.stat()
    cached = _CACHE.get(path)
    if cached and cached[0] == stat.st_mtime and cached[1] == stat.st_size:
        return cached[2]
    result = fold_log(read_log(settings))
    _CACHE[path] = (stat.st_mtime, stat.st_size, result)
    return result
