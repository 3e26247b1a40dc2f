"""The learned stages at extraction time: read the trained weights, decide.

The artifact (``nlp/learn/extraction_model.json``, written by ``grappe train``) holds
linear models as plain JSON: a bias, a weight per feature and a decision threshold per
relation type, and one multinomial model for organization types. Scoring is a sparse dot
product, so extraction needs no machine-learning library and no pickle.

* **Entities**: organization-like entities the model does not believe in are dropped
  (a dateline, a place read as a company); the type and subtype of the others come from
  the type model when it is confident.
* **Relations**: every candidate pair (:func:`nlp.learn.features.candidate_pairs`) gets a
  probability per relation type of its family; those above the type's threshold are the
  document's relations, with the sentence that brings the pair together as evidence.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from grappe.errors import ConfigError
from grappe.model import (
    ORG_LIKE,
    EntityType,
    Evidence,
    ExtractedEntity,
    ExtractedRelation,
    Extraction,
    RelType,
)
from nlp.learn.features import candidate_pairs, entity_features
from nlp.textutil import squash

MODEL_PATH = Path(__file__).parent / "extraction_model.json"
FORMAT = 1


@dataclass(frozen=True)
class Binary:
    bias: float
    weights: dict[str, float]
    threshold: float

    def prob(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Multi:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    min_prob: float

    def probs(self, features: dict[str, float]) -> dict[str, float]:
        z = list(self.bias)
        for k, v in features.items():
            w = self.weights.get(k)
            if w is not None:
                for i, wi in enumerate(w):
                    z[i] += wi * v
        top = max(z)
        ex = [math.exp(x - top) for x in z]
        total = sum(ex)
        return {c: e / total for c, e in zip(self.classes, ex, strict=True)}


@dataclass(frozen=True)
class ExtractionModel:
    version: str
    relations: dict[str, Binary]  # "<family>/<RELTYPE>" -> model
    keep: Binary | None
    types: Multi | None

    @classmethod
    def from_json(cls, data: dict) -> ExtractionModel:
        if data.get("format") != FORMAT:
            raise ConfigError("extraction model", "format", f"format {FORMAT} (run `grappe train`)")
        rel = {k: Binary(v["bias"], v["weights"], v["threshold"]) for k, v in data["relations"].items()}
        keep = data.get("keep")
        types = data.get("types")
        return cls(
            data["version"], rel,
            Binary(keep["bias"], keep["weights"], keep["threshold"]) if keep else None,
            Multi(tuple(types["classes"]), tuple(types["bias"]),
                  {k: tuple(v) for k, v in types["weights"].items()}, types["min_prob"]) if types else None,
        )

    def to_json(self) -> dict:
        def binary(b: Binary) -> dict:
            return {"bias": b.bias, "threshold": b.threshold, "weights": dict(sorted(b.weights.items()))}

        out: dict = {"format": FORMAT, "version": self.version,
                     "relations": {k: binary(v) for k, v in sorted(self.relations.items())}}
        if self.keep:
            out["keep"] = binary(self.keep)
        if self.types:
            out["types"] = {"classes": list(self.types.classes), "bias": list(self.types.bias),
                            "min_prob": self.types.min_prob,
                            "weights": {k: list(v) for k, v in sorted(self.types.weights.items())}}
        return out


@cache
def load_model(path: Path = MODEL_PATH) -> ExtractionModel | None:
    """The shipped model, or None when none has been trained yet."""
    if not path.exists():
        return None
    try:
        return ExtractionModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError) as exc:
        raise ConfigError("extraction model", str(path), f"a model written by `grappe train` ({exc})") from exc


def type_label(e: ExtractedEntity) -> str:
    """The class the type model predicts: University, or Organization/<subtype>."""
    return "University" if e.type is EntityType.UNIVERSITY else f"Organization/{e.subtype or 'company'}"


def retype(ex: Extraction, model: ExtractionModel) -> Extraction:
    """Drop organization-like entities the keep model rejects; retype the rest."""
    kept: list[ExtractedEntity] = []
    for e in ex.entities:
        if e.type not in ORG_LIKE:
            kept.append(e)
            continue
        feats = entity_features(ex, e)
        if model.keep is not None and model.keep.prob(feats) < model.keep.threshold:
            continue
        if model.types is not None:
            probs = model.types.probs(feats)
            label, p = max(probs.items(), key=lambda kv: kv[1])
            if p >= model.types.min_prob:
                if label == EntityType.UNIVERSITY:
                    e.type, e.subtype = EntityType.UNIVERSITY, None
                else:
                    e.type, e.subtype = EntityType.ORGANIZATION, label.split("/", 1)[1]
        kept.append(e)
    keys = {e.key for e in kept}
    rels = [r for r in ex.relations if r.source in keys and r.target in keys]
    return Extraction(ex.document, kept, rels)


def relate(ex: Extraction, model: ExtractionModel) -> list[ExtractedRelation]:
    """The relations the model finds among the extraction's entities."""
    text, doc_id = ex.document.text, ex.document.id
    out: list[ExtractedRelation] = []
    for pair in candidate_pairs(ex):
        for rtype in pair.family.types:
            m = model.relations.get(f"{pair.family.name}/{rtype.value}")
            if m is None or m.prob(pair.features) < m.threshold:
                continue
            s, e = pair.span
            a, b = pair.source.key, pair.target.key
            if pair.family.symmetric and b < a:
                a, b = b, a
            role = pair.rule_role if rtype == RelType.AFFILIATED_WITH else None
            out.append(ExtractedRelation(RelType(rtype), a, b,
                                         Evidence(doc_id, s, e, squash(text[s:e])[:500]), role=role))
    return out


def apply(ex: Extraction, model: ExtractionModel) -> Extraction:
    """Entities retyped and filtered, relations decided by the model; unlinked projects dropped."""
    ex = retype(ex, model)
    relations = relate(ex, model)
    return Extraction(ex.document, prune_projects(ex.entities, relations), relations)


def prune_projects(entities: list[ExtractedEntity], relations: list[ExtractedRelation]) -> list[ExtractedEntity]:
    """A project is a named thing *with* a leader, funder or participants."""
    linked = {k for r in relations for k in (r.source, r.target)}
    return [e for e in entities if e.type is not EntityType.PROJECT or e.key in linked]
