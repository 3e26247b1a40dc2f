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
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from grappe.model import Document, EntityType, ExtractedEntity, Extraction, Mention, RelType
from nlp.corpora import GoldDoc
from nlp.evaluate import match_entities
from nlp.learn.features import FAMILIES, candidate_pairs, entity_features
from nlp.learn.model import NER_KEY, TYPED, Binary, Choice, ExtractionModel, Multi, gold_label, project_probs
from nlp.learn.ner import entity_spans, train_ner
from nlp.pipeline import MODELS, Extractor, language_of

C = 0.5
NER_FOLDS = 2
CLASS_WEIGHT: str | None = None
#: the type model overrides the rules' type from this probability on; the subtype model likewise
TYPE_MIN_PROB = 0.5
SUBTYPE_MIN_PROB = 0.5
FOLDS = 5
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.15, 0.86, 0.05))
#: the families decided by one multinomial model (nlp.learn.model.Choice), their label for
#: "no relation", and the type a pair the gold gives two of the family's types learns as
CHOICE_FAMILIES = ("org-project",)
NONE = "none"
CHOICE_PRIORITY = (RelType.LEADS, RelType.FUNDS, RelType.PARTICIPATES_IN)
CHOICE_C = 1.0
CHOICE_THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.86, 0.05))


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


@dataclass
class _Doc:
    gold: dict
    ex: Extraction
    gold_ex: Extraction  # the gold entities found in the text
    mapping: dict[str, str]  # extracted entity key -> gold id
    facts: set[tuple[str, str, str]]


def _docs(pairs: Sequence[tuple[dict, Extraction]]) -> list[_Doc]:
    out = []
    for gold, ex in pairs:
        mapping, _ = match_entities(gold.get("entities", []), _pred_dicts(ex))
        out.append(_Doc(gold, ex, oracle(ex, gold, mapping), mapping,
                        {(r["type"], r["source"], r["target"]) for r in gold.get("relations", [])}))
    return out


def type_examples(docs: Sequence[_Doc]) -> tuple[Examples, Examples]:
    """Types and subtypes learn from every gold entity, named where the text names it."""
    types, subtypes = Examples(), Examples()
    for doc_i, d in enumerate(docs):
        g_ents = {e["id"]: e for e in d.gold.get("entities", [])}
        for e in d.gold_ex.entities:
            if e.type in TYPED and e.mentions:
                feats = entity_features(d.gold_ex, e, with_source=False)
                etype, subtype = gold_label(g_ents[e.key])
                types.add(feats, etype, doc_i)
                if subtype is not None:
                    subtypes.add(feats, subtype, doc_i)
    return types, subtypes


def added_examples(docs: Sequence[_Doc]) -> Examples:
    """Entities only the NER found: real (matched to a gold entity) or not."""
    keep = Examples()
    for doc_i, d in enumerate(docs):
        for e in d.ex.entities:
            if e.key.startswith(NER_KEY):
                keep.add(entity_features(d.ex, e), int(e.key in d.mapping), doc_i)
    return keep


def relation_examples(docs: Sequence[_Doc], model: ExtractionModel) -> tuple[dict[str, Examples], dict[str, Examples]]:
    """Relations learn from the extracted entities and from the gold entities found in the text,
    so that what the text says about a pair is learned even where extraction missed an entity.

    Two views of the same pairs: one yes/no example per relation type, and, for the families
    whose types exclude each other (CHOICE_FAMILIES), one example labelled with the type the
    gold gives the pair (or "none")."""
    rel: dict[str, Examples] = {f"{f.name}/{t.value}": Examples() for f in FAMILIES for t in f.types}
    choice: dict[str, Examples] = {name: Examples() for name in CHOICE_FAMILIES}
    for doc_i, d in enumerate(docs):
        for source, ids in ((d.ex, d.mapping), (d.gold_ex, None)):
            for pair in candidate_pairs(source, project_probs(source, model)):
                ga = ids.get(pair.source.key) if ids is not None else pair.source.key
                gb = ids.get(pair.target.key) if ids is not None else pair.target.key
                found = set()
                for rtype in pair.family.types:
                    hit = ga is not None and gb is not None and (
                        (rtype, ga, gb) in d.facts or (pair.family.symmetric and (rtype, gb, ga) in d.facts))
                    rel[f"{pair.family.name}/{rtype.value}"].add(pair.features, int(hit), doc_i)
                    if hit:
                        found.add(rtype)
                if pair.family.name in choice:
                    label = next((t.value for t in CHOICE_PRIORITY if t in found), NONE)
                    choice[pair.family.name].add(pair.features, label, doc_i)
    return rel, choice


def oracle(ex: Extraction, gold: dict, mapping: dict[str, str]) -> Extraction:
    """The gold entities as an extraction: mentions where their names occur, the rule layers'
    relations carried over through the matching (they are features)."""
    spans = entity_spans(ex.document.text, gold)
    groups: dict[str, set[str]] = {}
    for e in ex.entities:
        if e.key in mapping:
            groups.setdefault(mapping[e.key], set()).update(e.groups)
    entities = [
        ExtractedEntity(g["id"], EntityType(g["type"]), g["name"], g.get("subtype"), list(g.get("aliases") or []),
                        mentions=[Mention(ex.document.id, s, e_, ex.document.text[s:e_])
                                  for s, e_, gid in spans if gid == g["id"]],
                        groups=groups.get(g["id"], set()))
        for g in gold.get("entities", []) if g.get("type") in {t.value for t in EntityType}
    ]
    relations = [replace(r, source=mapping[r.source], target=mapping[r.target]) for r in ex.relations
                 if r.source in mapping and r.target in mapping]
    return Extraction(ex.document, entities, relations)


def _fit_binary(data: Examples, calibrate: set[int] | None = None) -> Binary | None:
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
        clf = LogisticRegression(C=C, solver="liblinear", class_weight=CLASS_WEIGHT, random_state=0).fit(X[tr], y[tr])
        oof[te] = clf.predict_proba(X[te])[:, 1]
    cal = _calibration_mask(groups, calibrate)
    threshold = _best_threshold(y[cal] == 1, oof[cal], THRESHOLDS)
    clf = LogisticRegression(C=C, solver="liblinear", class_weight=CLASS_WEIGHT, random_state=0).fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 6) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) > 1e-6}
    return Binary(round(float(clf.intercept_[0]), 6), weights, float(threshold))


def _calibration_mask(groups: np.ndarray, calibrate: set[int] | None) -> np.ndarray:
    """The examples thresholds are chosen on: those of the calibration documents, when any."""
    if not calibrate:
        return np.ones(len(groups), dtype=bool)
    mask = np.isin(groups, sorted(calibrate))
    return mask if mask.any() else np.ones(len(groups), dtype=bool)


def _best_threshold(y: np.ndarray, probs: np.ndarray, grid: tuple[float, ...]) -> float:
    """The threshold of ``grid`` that gives the best F1 (ties: the one nearest 0.5)."""
    return float(max(grid, key=lambda t: (_f1(y, probs >= t), -abs(t - 0.5))))


def _f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float((pred & (y == 1)).sum())
    fp = float((pred & (y == 0)).sum())
    fn = float((~pred & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _fit_multi(data: Examples, min_prob: float) -> Multi | None:
    if len(set(data.y)) < 2:
        return None
    vec = DictVectorizer()
    X = vec.fit_transform(data.X)
    y = np.array(data.y)
    clf = LogisticRegression(C=C * 2, max_iter=3000, random_state=0).fit(X, y)
    return _as_multi(clf, vec, min_prob)


def _fit_choice(data: Examples, calibrate: set[int] | None = None) -> Choice | None:
    """One multinomial model over a family's types and "none"; each type's threshold is the
    one that gives it the best F1 on out-of-fold probabilities (folds by document)."""
    classes = sorted(set(data.y))
    if len(classes) < 2 or NONE not in classes:
        return None
    vec = DictVectorizer()
    X = vec.fit_transform(data.X)
    y = np.array(data.y)
    groups = np.array(data.groups)
    oof = np.zeros((len(y), len(classes)))
    for tr, te in GroupKFold(n_splits=min(FOLDS, len(set(data.groups)))).split(X, y, groups):
        if len(set(y[tr])) < 2:
            continue
        clf = LogisticRegression(C=CHOICE_C, max_iter=3000, random_state=0).fit(X[tr], y[tr])
        for j, c in enumerate(clf.classes_):
            oof[te, classes.index(c)] = clf.predict_proba(X[te])[:, j]
    thresholds = {}
    cal = _calibration_mask(groups, calibrate)
    for j, c in enumerate(classes):
        if c != NONE:
            thresholds[c] = _best_threshold(y[cal] == c, oof[cal, j], CHOICE_THRESHOLDS)
    clf = LogisticRegression(C=CHOICE_C, max_iter=3000, random_state=0).fit(X, y)
    return Choice(_as_multi(clf, vec, 0.0), thresholds)


def exclusive_types(docs: Sequence[_Doc], family: str) -> tuple[tuple[str, str], ...]:
    """The pairs of a family's types that no gold pair of entities has together (an
    organization leads a project or takes part in it, never both; it may fund and lead).
    Read on the calibration documents: early texts written for the project gave some leads
    both types, which the conventions no longer do."""
    fam = next(f for f in FAMILIES if f.name == family)
    sources = {t.value for t in fam.source}
    together: set[frozenset[RelType]] = set()
    for d in docs:
        kinds = {e["id"]: e["type"] for e in d.gold.get("entities", [])}
        by_pair: dict[tuple[str, str], set[RelType]] = {}
        for rtype, a, b in d.facts:
            t = RelType(rtype)
            if t in fam.types and kinds.get(a) in sources:
                by_pair.setdefault((a, b), set()).add(t)
        together |= {frozenset((x, y)) for types in by_pair.values() for x in types for y in types if x != y}
    return tuple((x.value, y.value) for i, x in enumerate(fam.types) for y in fam.types[i + 1:]
                 if frozenset((x, y)) not in together)


def _as_multi(clf: LogisticRegression, vec: DictVectorizer, min_prob: float) -> Multi:
    names = vec.get_feature_names_out()
    coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]])
    bias = clf.intercept_ if len(clf.classes_) > 2 else np.array([-clf.intercept_[0], clf.intercept_[0]])
    weights = {str(n): tuple(round(float(w), 6) for w in coef[:, j])
               for j, n in enumerate(names) if np.abs(coef[:, j]).max() > 1e-6}
    return Multi(tuple(str(c) for c in clf.classes_), tuple(round(float(b), 6) for b in bias), weights, min_prob)


def train(pairs: Sequence[tuple[dict, Extraction]], calibrate: Sequence[bool] | None = None) -> ExtractionModel:
    """The type models first (relations use their project probability), then the relations.

    ``calibrate`` marks the documents relation thresholds are chosen on (default: all). Texts
    written for the project read the way its rules expect, so their out-of-fold probabilities
    run high; thresholds chosen on them are too strict for real news.
    """
    cal = {i for i, keep in enumerate(calibrate) if keep} if calibrate is not None else None
    docs = _docs(pairs)
    # with no calibration document, every document calibrates (as _calibration_mask reads it)
    cal_docs = [d for i, d in enumerate(docs) if not cal or i in cal]
    types, subtypes = type_examples(docs)
    typed = ExtractionModel("", {}, _fit_multi(types, TYPE_MIN_PROB), _fit_multi(subtypes, SUBTYPE_MIN_PROB),
                            _fit_binary(added_examples(docs)))
    rel, choice = relation_examples(docs, typed)
    choices = {k: replace(m, exclusive=exclusive_types(cal_docs, k)) for k, data in choice.items()
               if (m := _fit_choice(data, cal)) is not None}
    relations = {k: m for k, data in rel.items()
                 if k.split("/")[0] not in choices and (m := _fit_binary(data, cal)) is not None}
    model = replace(typed, relations=relations, choices=choices)
    digest = hashlib.sha256(json.dumps(model.to_json(), sort_keys=True).encode()).hexdigest()[:12]
    return replace(model, version=f"grappe-extraction-{digest}")


def build(docs: Sequence[GoldDoc], out_dir: Path, load: Callable[[Path], Document],
          step: Callable[[str], None] = lambda _m: None) -> ExtractionModel:
    """Train everything from ``docs`` and write it under ``out_dir`` (the NER per language in
    ``ner/<lang>/``, the other stages in ``extraction_model.json``). ``load`` reads a source
    file into a Document (``ingest.loaders.load_document``: loading is the layer above).

    The stages after the NER learn from extractions made with an NER that did not see the
    document (two folds per language): trained on the NER's own training texts, they would
    learn to trust it more than it deserves on new documents.
    """
    documents = {d.source: load(d.source) for d in docs}
    by_lang: dict[str, list[GoldDoc]] = {}
    for d in docs:
        by_lang.setdefault(language_of(documents[d.source]), []).append(d)
    extractions: dict[Path, Extraction] = {}
    for lang, ldocs in sorted(by_lang.items()):
        ranked = sorted(ldocs, key=lambda d: hashlib.sha256(d.name.encode()).hexdigest())
        for fold in range(NER_FOLDS):
            held = [d for i, d in enumerate(ranked) if i % NER_FOLDS == fold]
            rest = [d for i, d in enumerate(ranked) if i % NER_FOLDS != fold]
            step(f"{lang}: NER for fold {fold + 1}/{NER_FOLDS} ({len(rest)} documents)")
            with tempfile.TemporaryDirectory() as tmp:
                train_ner(lang, MODELS[lang], [(documents[d.source].text, d.gold()) for d in rest],
                          out=Path(tmp) / lang)
                rules = Extractor(learned=False, prune=False, ner_dir=Path(tmp))
                for d, ex in zip(held, rules.extract_many(documents[d.source] for d in held), strict=True):
                    extractions[d.source] = ex
        step(f"{lang}: NER on all {len(ldocs)} documents")
        train_ner(lang, MODELS[lang], [(documents[d.source].text, d.gold()) for d in ldocs],
                  out=out_dir / "ner" / lang)
    step("type and relation models")
    # thresholds are chosen on real documents: on texts written for the project they run high
    model = train([(d.gold(), extractions[d.source]) for d in docs], calibrate=[not d.written for d in docs])
    (out_dir / "extraction_model.json").write_text(
        json.dumps(model.to_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return model


