"""The validation protocol: designs are chosen on validation, LightGBM only when clearly better."""

from __future__ import annotations

import numpy as np
import pytest

from bench import train_ranker
from bench.matchmaking import choose, paired_difference
from graph.analytics import ranker

LGB = ranker.Design("lambdarank", "lambdarank")
SK = ranker.Design("hgb", "hgb")


def _period(hits: dict[str, list[list[bool]]]) -> dict:
    """A check period with per-query hits per design, one list per setting."""
    settings = {}
    for i, label in enumerate(("all candidates", "hubs left out")):
        h = {name: np.array(v[i]) for name, v in hits.items()}
        settings[label] = {"hits": h, "methods": {n: {"hits@10": float(x.mean()), "mrr": 0.0} for n, x in h.items()}}
    return {"settings": settings}


def test_lightgbm_is_kept_only_when_clearly_better_on_validation() -> None:
    rng = np.random.default_rng(3)
    base = [rng.random(400) < 0.5, rng.random(400) < 0.3]
    # LightGBM finds everything scikit-learn finds plus 10 % more queries: a clear gain
    better = [b | (rng.random(400) < 0.1) for b in base]
    chosen, (a, b, (mean, lo, hi)) = choose(_period({"lambdarank": better, "hgb": base}), (LGB, SK))
    assert chosen == LGB and (a, b) == ("lambdarank", "hgb")
    assert lo > 0 and lo <= mean <= hi
    # one query more out of 400, in one setting: higher on average but not clearly
    slight = [base[0].copy(), base[1].copy()]
    slight[0][np.flatnonzero(~base[0])[0]] = True
    chosen, (_, _, (mean, lo, _)) = choose(_period({"lambdarank": slight, "hgb": base}), (LGB, SK))
    assert mean > 0 and lo <= 0 and chosen == SK


def test_scikit_learn_wins_outright_when_better() -> None:
    rng = np.random.default_rng(4)
    base = [rng.random(300) < 0.4, rng.random(300) < 0.2]
    better = [b | (rng.random(300) < 0.2) for b in base]
    assert choose(_period({"lambdarank": base, "hgb": better}), (LGB, SK)) == (SK, None)


def test_paired_difference_is_zero_for_identical_designs() -> None:
    same = [np.array([True, False, True, True]), np.array([False, True, False, False])]
    assert paired_difference(_period({"a": same, "b": same}), "a", "b") == (0.0, 0.0, 0.0)


def test_protocols_never_train_on_their_checked_period() -> None:
    for proto in (train_ranker.VALIDATION, train_ranker.TEST):
        assert all(until < first <= last < proto.check[1] for until, first, last in proto.train)
    # validation is checked on a year the test model trains on, never on the test period
    assert train_ranker.VALIDATION.check[2] < train_ranker.TEST.check[1]
    leaky = train_ranker.Protocol("leaky", ((2016, 2017, 2019),), (2018, 2019, 9999))
    with pytest.raises(ValueError, match="leaky"):
        train_ranker.train(None, leaky, cached=(np.zeros((0, len(ranker.FEATURES))), np.zeros(0), np.zeros(0)))
