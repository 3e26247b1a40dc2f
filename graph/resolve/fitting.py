"""Fit the pair scorer's weights and thresholds from labelled pairs.

Labelled pairs come from two places:

* quality sets: TSV files of ``name<TAB>type<TAB>group<TAB>gold`` lines (the
  format of ``tests/data/resolve/``); every pair blocking proposes is labelled
  by whether the two lines share a gold id;
* the curation log: a merge says two names are one entity, a split that the
  names split off are not the entity's name, a judgement either.

:func:`fit` returns the new weights table (see :mod:`graph.resolve.weights` for
the method); ``grappe resolve-fit`` writes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.resolve import weights
from graph.resolve.blocking import candidate_pairs
from graph.resolve.evaluate import quality
from graph.resolve.judgements import read_log
from graph.resolve.resolver import Item, resolve_mentions
from graph.resolve.scoring import Profile, profile, score
from graph.resolve.weights import LabelledPair
from grappe.errors import GrappeError


def read_set(path: Path) -> tuple[list[Item], list[str]]:
    """A quality set: items and their gold ids (``#`` lines are comments)."""
    items, gold = [], []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GrappeError(f"{path}: cannot read the quality set ({exc.strerror})", "Check the path.") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 4 or not parts[0].strip() or not parts[3].strip():
            raise GrappeError(f"{path}:{number}: expected name<TAB>type<TAB>group<TAB>gold",
                              "Fix the line or remove it.")
        items.append(Item(parts[0].strip(), parts[1].strip(), parts[2].strip()))
        gold.append(parts[3].strip())
    return items, gold


def pairs_from_set(items: Sequence[Item], gold: Sequence[str], source: str) -> list[LabelledPair]:
    """Every pair of distinct forms that blocking proposes, labelled by gold."""
    forms: dict[tuple[str, str], Counter[str]] = {}
    groups: dict[tuple[str, str], set[str]] = {}
    for item, label in zip(items, gold, strict=True):
        key = (" ".join(item.name.split()), item.type)
        forms.setdefault(key, Counter())[label] += 1
        groups.setdefault(key, set()).update(g for g in item.group.split(",") if g.strip())
    keys = list(forms)
    profiles = [profile(name, type_, frozenset(groups[(name, type_)])) for name, type_ in keys]
    labels = [forms[k].most_common(1)[0][0] for k in keys]
    out = []
    for i, j in sorted(candidate_pairs([p.names for p in profiles])):
        out.append(LabelledPair(profiles[i], profiles[j], labels[i] == labels[j], source))
    return out


def pairs_from_log(records: Iterable[dict[str, Any]]) -> list[LabelledPair]:
    """Name pairs that curators decided on: merges (same), splits and negative
    judgements (not the same), positive judgements (same)."""
    names: dict[str, str] = {}  # entity id -> a name of it, as the log tells
    out: list[LabelledPair] = []

    def add(left: str, right: str, same: bool) -> None:
        if left and right and left != right:
            out.append(LabelledPair(profile(left), profile(right), same, "curation"))

    for r in records:
        action = r.get("action")
        if action == "merge":
            keep_name = r.get("keep_name") or names.get(r.get("keep", ""), "")
            names.setdefault(r.get("keep", ""), keep_name)
            for other in [r.get("other_name") or "", *r.get("other_aliases", [])]:
                add(keep_name, other, True)
        elif action == "rename":
            names[r.get("id", "")] = r.get("name", "")
        elif action == "split":
            base = r.get("entity_name") or names.get(r.get("id", ""), "")
            for name in r.get("names", []):
                add(base, name, False)
            if r.get("names"):
                names.setdefault(r.get("new_id", ""), r["names"][0])
        elif action == "judgement":
            right = names.get(r.get("right", ""), r.get("right", ""))
            if r.get("judgement") in ("positive", "negative") and not str(right).startswith(("NK-", "E-")):
                add(r.get("left", ""), str(right), r["judgement"] == "positive")
    return out


def _decide(a: Profile, b: Profile) -> str | None:
    match = score(a, b)
    if match.score <= 0 or not match.rule:
        return None
    return match.rule


def fit(sets: Sequence[Path], log: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """The new weights table: rule weights from all labelled pairs, thresholds by
    grid search on the quality sets."""
    if not sets:
        raise GrappeError("no quality set to fit on", "Give at least one with --set.")
    data = weights.read()
    loaded = [(path, *read_set(path)) for path in sets]
    pairs: list[LabelledPair] = []
    for path, items, gold in loaded:
        pairs += pairs_from_set(items, gold, path.name)
    log_pairs = pairs_from_log(log)
    pairs += log_pairs
    # the rules are decided with the priors, so a fit does not feed on itself
    priors = {**data, "rules": {k: {"prior": v["prior"]} for k, v in data["rules"].items()}}
    weights.use(priors)
    try:
        rules = weights.fit_rules(pairs, data["rules"], _decide)
        fitted = {**data, "rules": rules}
        weights.use(fitted)

        def evaluate(auto: float, link: float) -> list[tuple[float, float]]:
            out = []
            for _, items, gold in loaded:
                predicted = [0] * len(items)
                for k, cluster in enumerate(resolve_mentions(items, auto, link)):
                    for line in cluster.lines:
                        predicted[line - 1] = k
                q = quality(predicted, gold)
                out.append((q.pair_precision, q.pair_recall))
            return out

        auto, link, scores = weights.fit_thresholds(evaluate)
    finally:
        weights.use(None)
    fitted["thresholds"] = {"auto": auto, "link": link}
    fitted["fitted"] = {
        "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sets": [p.name for p in sets],
        "pairs": len(pairs), "curation_pairs": len(log_pairs),
        "target_precision": weights.TARGET_PRECISION, "prior_strength": weights.PRIOR_STRENGTH,
        "scores": {p.name: {"precision": round(pr, 4), "recall": round(rc, 4)}
                   for p, (pr, rc) in zip(sets, scores, strict=True)},
    }
    return fitted


def fit_from_settings(settings: Any, sets: Sequence[Path]) -> dict[str, Any]:
    return fit(sets, read_log(settings) if settings is not None else [])
