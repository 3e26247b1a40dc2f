"""The pair scorer's weights and thresholds, and how they are fitted.

Each positive feature of :mod:`graph.resolve.features` names a *rule*
("token_subset.corporate", "acronym.initials"...). A rule's weight is how much a
pair it decides is believed to be one entity; the thresholds say when a pair
merges on its own (``auto``) and when two clusters join (``link``, average link).
They live in ``weights.json``: ``prior`` is the starting belief, ``weight`` what
:func:`fit` learnt from labelled pairs (the quality sets and the judgements of
the curation log), written by ``grappe resolve fit``.

Fitting is deliberately simple and explainable:

* a rule's weight is its precision on the labelled pairs it decides, shrunk
  towards its prior (``(same + K * prior) / (n + K)``), so a rule seen a few times
  moves little and an unseen rule keeps its prior;
* the thresholds are then chosen on the quality sets by a grid search: the pair
  (auto, link) with the best pairwise recall among those keeping pairwise
  precision at the target on every set. Ties: the ``auto`` in the middle of the
  tied range (the edge of a plateau is one step from a cliff, and a rule the sets
  never exercise, such as ``typo``, keeps its prior effect), then the higher ``link``.

Vetoes are not weighted: they are rules of exclusion, not evidence.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grappe.errors import GrappeError

WEIGHTS_PATH = Path(__file__).resolve().parent / "weights.json"
#: how many pairs' worth of belief the prior carries
PRIOR_STRENGTH = 5.0
#: pairwise precision the thresholds must keep on every quality set
TARGET_PRECISION = 0.98
AUTO_GRID = tuple(round(0.75 + 0.01 * i, 2) for i in range(21))  # 0.75 .. 0.95
LINK_GRID = tuple(round(0.60 + 0.05 * i, 2) for i in range(6))  # 0.60 .. 0.85


def read(path: Path = WEIGHTS_PATH) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GrappeError(f"{path}: cannot read the scorer weights ({exc})",
                          "Restore it from the repository or run `grappe resolve fit`.") from exc
    if not isinstance(data.get("rules"), dict) or not isinstance(data.get("thresholds"), dict):
        raise GrappeError(f"{path}: no \"rules\" or \"thresholds\" table", "Restore it from the repository.")
    return data


_current: dict[str, Any] | None = None


def _table() -> dict[str, Any]:
    global _current
    if _current is None:
        _current = read()
    return _current


def use(data: dict[str, Any] | None) -> None:
    """Score with ``data`` from now on (None: the file again). Used while fitting."""
    global _current
    _current = data


def w(rule: str) -> float:
    """The weight of ``rule`` (fitted if fitted, else its prior)."""
    entry = _table()["rules"].get(rule)
    if entry is None:
        raise GrappeError(f"{WEIGHTS_PATH}: no rule {rule!r}", "Add it with a prior.")
    return float(entry.get("weight", entry["prior"]))


def threshold(name: str) -> float:
    return float(_table()["thresholds"][name])


@dataclass(frozen=True)
class LabelledPair:
    left: Any  # a scoring Profile
    right: Any
    same: bool
    source: str


def fit_rules(pairs: Iterable[LabelledPair], rules: dict[str, Any],
              decide: Callable[[Any, Any], str | None]) -> dict[str, dict[str, Any]]:
    """New rule entries: each rule's weight from the pairs it decides (``decide``
    returns the deciding rule's name, or None for a veto / no evidence)."""
    counts: dict[str, list[int]] = {name: [0, 0] for name in rules}
    for p in pairs:
        rule = decide(p.left, p.right)
        if rule in counts:
            counts[rule][0] += 1
            counts[rule][1] += int(p.same)
    out: dict[str, dict[str, Any]] = {}
    for name, entry in rules.items():
        n, same = counts[name]
        prior = float(entry["prior"])
        weight = (same + PRIOR_STRENGTH * prior) / (n + PRIOR_STRENGTH)
        out[name] = {"prior": prior, "weight": round(weight, 4), "n": n, "same": same}
    return out


def fit_thresholds(evaluate: Callable[[float, float], Sequence[tuple[float, float]]]
                   ) -> tuple[float, float, list[tuple[float, float]]]:
    """The (auto, link) pair with the best mean recall among those whose precision
    reaches the target on every set; ``evaluate(auto, link)`` gives (precision,
    recall) per quality set."""
    tied: list[tuple[float, float, list]] = []
    best_recall = -1.0
    for auto in AUTO_GRID:
        for link in LINK_GRID:
            if link > auto:
                continue
            scores = list(evaluate(auto, link))
            if any(p < TARGET_PRECISION for p, _ in scores):
                continue
            recall = round(sum(r for _, r in scores) / len(scores), 6)
            if recall > best_recall:
                best_recall, tied = recall, []
            if recall == best_recall:
                tied.append((auto, link, scores))
    if not tied:
        raise GrappeError("no thresholds keep the target precision on the quality sets",
                          "Check the labelled data; the weights file was left unchanged.")
    autos = sorted({a for a, _, _ in tied})
    auto = autos[(len(autos) - 1) // 2]  # the middle of the plateau (the lower of two)
    _, link, scores = max((t for t in tied if t[0] == auto), key=lambda t: t[1])
    return auto, link, scores


def write(data: dict[str, Any], path: Path = WEIGHTS_PATH) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    use(None)
