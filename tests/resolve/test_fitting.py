"""Fitting the scorer's weights and thresholds from labelled pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.resolve import weights
from graph.resolve.fitting import pairs_from_log, pairs_from_set, read_set
from graph.resolve.resolver import Item
from graph.resolve.weights import LabelledPair, fit_rules, fit_thresholds
from grappe.errors import GrappeError


def test_a_rule_weight_is_its_precision_shrunk_to_its_prior() -> None:
    rules = {"good": {"prior": 0.5}, "bad": {"prior": 0.9}, "unseen": {"prior": 0.7}}
    pairs = [LabelledPair("a", "b", True, "t")] * 15 + [LabelledPair("c", "d", False, "t")] * 5
    decide = {"a": "good", "c": "bad"}
    out = fit_rules(pairs, rules, lambda x, _: decide[x])
    k = weights.PRIOR_STRENGTH
    assert out["good"]["weight"] == round((15 + k * 0.5) / (15 + k), 4)
    assert out["bad"]["weight"] == round((0 + k * 0.9) / (5 + k), 4)
    assert out["unseen"] == {"prior": 0.7, "weight": 0.7, "n": 0, "same": 0}


def test_thresholds_keep_the_target_precision_and_then_the_best_recall() -> None:
    def evaluate(auto: float, link: float) -> list[tuple[float, float]]:
        precision = 1.0 if auto >= 0.85 else 0.9  # lower auto thresholds merge wrongly
        return [(precision, 1 - auto + 0.1 * link), (precision, 0.5)]

    auto, link, scores = fit_thresholds(evaluate)
    assert auto == 0.85 and link == 0.85 and scores[0][0] == 1.0
    with pytest.raises(GrappeError, match="target precision"):
        fit_thresholds(lambda a, b: [(0.5, 1.0)])


def test_tied_thresholds_take_the_middle_of_the_plateau() -> None:
    # the same scores from 0.75 to 0.90, then recall falls: not the edge, the middle
    def evaluate(auto: float, link: float) -> list[tuple[float, float]]:
        return [(1.0, 0.9 if auto <= 0.90 else 0.8)]

    auto, link, _ = fit_thresholds(evaluate)
    assert auto == 0.82 and link == 0.80


def test_labelled_pairs_from_a_quality_set_and_the_curation_log(tmp_path: Path) -> None:
    items = [Item("Université de Nordville"), Item("University of Nordville"), Item("Université de Sudville")]
    pairs = pairs_from_set(items, ["n", "n", "s"], "t")
    labels = {(p.left.raw, p.right.raw): p.same for p in pairs}
    assert labels[("Université de Nordville", "University of Nordville")] is True
    assert labels.get(("Université de Nordville", "Université de Sudville"), False) is False
    log = [
        {"action": "merge", "keep": "NK-1", "other": "NK-2", "keep_name": "Acme Robotique",
         "other_name": "Robotique Acme", "other_aliases": ["ACR"]},
        {"action": "split", "id": "NK-1", "entity_name": "Acme Robotique", "new_id": "NK-3",
         "names": ["Acme Robotique Fondation"]},
        {"action": "judgement", "left": "Acme Labo", "right": "NK-1", "judgement": "negative"},
    ]
    got = {(p.left.raw, p.right.raw, p.same) for p in pairs_from_log(log)}
    assert got == {("Acme Robotique", "Robotique Acme", True), ("Acme Robotique", "ACR", True),
                   ("Acme Robotique", "Acme Robotique Fondation", False), ("Acme Labo", "Acme Robotique", False)}


def test_read_set_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "set.tsv"
    path.write_text("# comment\nAcme\tOrganization\t\ta\nBolt only a name\n", encoding="utf-8")
    with pytest.raises(GrappeError, match=r"set\.tsv:3: expected name"):
        read_set(path)


def test_cli_fit_writes_a_weights_table(tmp_path: Path) -> None:
    from grappe.cli import main

    path = tmp_path / "set.tsv"
    path.write_text("".join(f"{a}\t\t\t{g}\n" for a, g in [
        ("Université de Nordville", "n"), ("University of Nordville", "n"), ("UdeN", "n"),
        ("Acme Solutions inc.", "a"), ("Acme", "a"), ("Acme Labs", "l"), ("Bolt Canada", "b"),
        ("Bolt France", "f")]), encoding="utf-8")
    out = tmp_path / "weights.json"
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "resolve-fit", "--set", str(path),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = json.loads(out.read_text(encoding="utf-8"))
    assert table["fitted"]["sets"] == ["set.tsv"] and table["fitted"]["scores"]["set.tsv"]["precision"] >= 0.98
    assert set(table["rules"]) == set(weights.read()["rules"])
    assert table["rules"]["exact_key"]["n"] >= 1
    assert weights.threshold("auto") == weights.read()["thresholds"]["auto"]  # the live table is untouched
