"""Train the learned stages from the annotated train split (``grappe train``).

1. Run the rule layers (no learned stage) over every training document.
2. Match their entities to the gold ones with the scorer's matching; label each candidate
   pair with the gold relations between the matched entities, each organization-like
   entity with whether it is real and with its gold type.
3. Fit one logistic regression per (pair family, relation type), one for keeping an
   entity and one multinomial for the type; pick each decision threshold on
   out-of-fold predictions (folds by document), never on dev or test.

Deterministic: the same documents give the same weights, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from grappe.model import EntityType, Extraction
from nlp.corpora import GoldDoc
from nlp.evaluate import match_entities
from nlp.learn.features import FAMILIES, ORG_LIKE, candidate_pairs, entity_features
from nlp.learn.model import Binary, ExtractionModel, Multi, type_label

C = 0.5
FOLDS = 5
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.15, 0.86, 0.05))


@dataclass
class Examples:
    X: list[dict[str, float]] = field(default_factory=list)
    y: list = field(default_factory=list)
    groups: list[int] = field(default_factory=list)

    def add(self, x: dict[str, float], y, group: int) -> None:
        self.X.append(x)
        self.y.append(y)
        self.groups.append(group)


def _pred_dicts(ex: Extraction) -> list[dict]:
    return [{"id": e.key, "type": e.type.value, "name": e.name, "aliases": e.aliases} for e in ex.entities]


def examples(pairs: Sequence[tuple[dict, Extraction]]) -> tuple[dict[str, Examples], Examples, Examples]:
    """Labelled examples from (gold, rule-only extraction) pairs, one group per document."""
    rel: dict[str, Examples] = {f"{f.name}/{t.value}": Examples() for f in FAMILIES for t in f.types}
    keep, types = Examples(), Examples()
    for doc_i, (gold, ex) in enumerate(pairs):
        g_ents = {e["id"]: e for e in gold.get("entities", [])}
        mapping, duplicates = match_entities(list(g_ents.values()), _pred_dicts(ex))
        facts = {(r["type"], r["source"], r["target"]) for r in gold.get("relations", [])}
        for e in ex.entities:
            if e.type not in ORG_LIKE:
                continue
            feats = entity_features(ex, e)
            g = g_ents.get(mapping.get(e.key, ""))
            keep.add(feats, int(g is not None and e.key not in duplicates), doc_i)
            if g is not None and g["type"] in (EntityType.ORGANIZATION, EntityType.UNIVERSITY):
                label = "University" if g["type"] == "University" else f"Organization/{g.get('subtype') or 'company'}"
                types.add(feats, label, doc_i)
        for pair in candidate_pairs(ex):
            ga, gb = mapping.get(pair.source.key), mapping.get(pair.target.key)
            for rtype in pair.family.types:
                hit = ga is not None and gb is not None and (
                    (rtype, ga, gb) in facts or (pair.family.symmetric and (rtype, gb, ga) in facts))
                rel[f"{pair.family.name}/{rtype.value}"].add(pair.features, int(hit), doc_i)
    return rel, keep, types


def _fit_binary(data: Examples) -> Binary | None:
    y = np.array(data.y)
    if y.sum() < 3 or y.sum() == len(y):
        return None
    vec = DictVectorizer()
    X = vec.fit_transform(data.X)
    groups = np.array(data.groups)
    oof = np.zeros(len(y))
    n_folds = min(FOLDS, len(set(data.groups)))
    for tr, te in GroupKFold(n_splits=n_folds).split(X, y, groups):
        if y[tr].sum() == 0 or y[tr].sum() == len(tr):
            oof[te] = y[tr].mean()
            continue
        clf = LogisticRegression(C=C, solver="liblinear", random_state=0).fit(X[tr], y[tr])
        oof[te] = clf.predict_proba(X[te])[:, 1]
    threshold = max(THRESHOLDS, key=lambda t: (_f1(y, oof >= t), -abs(t - 0.5)))
    clf = LogisticRegression(C=C, solver="liblinear", random_state=0).fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 6) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) > 1e-6}
    return Binary(round(float(clf.intercept_[0]), 6), weights, float(threshold))


def _f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float((pred & (y == 1)).sum())
    fp = float((pred & (y == 0)).sum())
    fn = float((~pred & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _fit_types(data: Examples) -> Multi | None:
    if len(set(data.y)) < 2:
        return None
    vec = DictVectorizer()
    X = vec.fit_transform(data.X)
    y = np.array(data.y)
    clf = LogisticRegression(C=C * 2, max_iter=3000, random_state=0).fit(X, y)
    names = vec.get_feature_names_out()
    coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]])
    bias = clf.intercept_ if len(clf.classes_) > 2 else np.array([-clf.intercept_[0], clf.intercept_[0]])
    weights = {str(n): tuple(round(float(w), 6) for w in coef[:, j])
               for j, n in enumerate(names) if np.abs(coef[:, j]).max() > 1e-6}
    return Multi(tuple(str(c) for c in clf.classes_), tuple(round(float(b), 6) for b in bias), weights, 0.5)


def train(pairs: Sequence[tuple[dict, Extraction]]) -> ExtractionModel:
    rel, keep, types = examples(pairs)
    relations = {k: m for k, data in rel.items() if (m := _fit_binary(data)) is not None}
    model = ExtractionModel("", relations, _fit_binary(keep), _fit_types(types))
    digest = hashlib.sha256(json.dumps(model.to_json(), sort_keys=True).encode()).hexdigest()[:12]
    return ExtractionModel(f"grappe-extraction-{digest}", model.relations, model.keep, model.types)


def train_from(docs: Sequence[GoldDoc], extract_rules: Callable[[list[Path]], list[Extraction]],
               out: Path) -> ExtractionModel:
    """Extract every document with the rules, train, write the artifact to ``out``."""
    extractions = extract_rules([d.source for d in docs])
    model = train([(d.gold(), ex) for d, ex in zip(docs, extractions, strict=True)])
    out.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=0, sort_keys=False) + "\n",
                   encoding="utf-8")
    return model


__all__ = ["examples", "train", "train_from", "type_label"]
