"""An extraction written in the gold format of ``eval/`` (plus mentions and evidence): what
``grappe extract`` prints, what ``grappe eval`` scores and what extraction records hold."""

from __future__ import annotations

from pathlib import Path

from grappe.model import Extraction


def to_gold_format(ex: Extraction) -> dict:
    """An extraction as a dict in the gold format (plus mentions and evidence)."""
    d = ex.document
    return {
        "document": {"file": Path(d.source).name, "title": d.title, "language": d.language,
                     "date": d.date, "kind": d.kind},
        "extractor": {"model": ex.model_version},
        "entities": [
            {"id": e.key, "type": e.type.value, "subtype": e.subtype, "name": e.name, "aliases": e.aliases,
             "attributes": e.attributes,
             "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions]}
            for e in ex.entities
        ],
        "relations": [
            {"type": r.type.value, "source": r.source, "target": r.target, "role": r.role,
             "evidence": {"start": r.evidence.start, "end": r.evidence.end, "sentence": r.evidence.sentence}}
            for r in ex.relations
        ],
    }
