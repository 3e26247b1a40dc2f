"""Cluster quality against gold: pairwise precision/recall/F1 and B-cubed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Quality:
    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float

    def __str__(self) -> str:
        return (f"pairwise P={self.pair_precision:.3f} R={self.pair_recall:.3f} F1={self.pair_f1:.3f}; "
                f"B-cubed P={self.bcubed_precision:.3f} R={self.bcubed_recall:.3f} F1={self.bcubed_f1:.3f}")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def quality(predicted: Sequence[object], gold: Sequence[object]) -> Quality:
    """``predicted[i]`` and ``gold[i]`` are the cluster labels of item ``i``."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold label lists differ in length")
    joint = Counter(zip(predicted, gold, strict=True))
    pred_sizes, gold_sizes = Counter(predicted), Counter(gold)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in joint.values())
    pred_pairs = sum(pairs(n) for n in pred_sizes.values())
    gold_pairs = sum(pairs(n) for n in gold_sizes.values())
    pp = tp / pred_pairs if pred_pairs else 1.0
    pr = tp / gold_pairs if gold_pairs else 1.0

    n = len(gold) or 1
    bp = sum(c * c / pred_sizes[p] for (p, _), c in joint.items()) / n
    br = sum(c * c / gold_sizes[g] for (_, g), c in joint.items()) / n
    return Quality(pp, pr, _f1(pp, pr), bp, br, _f1(bp, br))


def errors(predicted: Sequence[object], gold: Sequence[object], names: Sequence[str]) -> dict[str, list]:
    """Wrong merges (one predicted cluster, several gold) and misses (one gold, several predicted)."""
    by_pred: dict[object, list[int]] = {}
    by_gold: dict[object, list[int]] = {}
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_pred.setdefault(p, []).append(i)
        by_gold.setdefault(g, []).append(i)
    wrong = [[(names[i], gold[i]) for i in idx] for idx in by_pred.values() if len({gold[i] for i in idx}) > 1]
    missed = [[(names[i], predicted[i]) for i in idx] for idx in by_gold.values()
              if len({predicted[i] for i in idx}) > 1]
    return {"wrong_merges": wrong, "misses": missed}
