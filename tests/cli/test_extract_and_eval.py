"""``grappe extract`` and ``grappe eval`` through click's CliRunner on tests/data/nlp."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from grappe.cli import main
from grappe.cli.base import USAGE

DATA = Path(__file__).resolve().parents[1] / "data" / "nlp"
pytestmark = pytest.mark.models


def test_extract_json_has_the_gold_shape():
    result = CliRunner().invoke(main, ["extract", str(DATA / "corpus" / "mini-fr.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"document", "extractor", "entities", "relations"}
    assert out["extractor"]["model"].startswith("grappe-extraction-")
    assert out["document"]["file"] == "mini-fr.txt" and out["document"]["language"] == "fr"
    ents = {e["name"]: e for e in out["entities"]}
    assert ents["VisionPort"]["type"] == "Project"
    assert ents["Polytechnique Nordique"]["type"] == "University"
    assert all({"start", "end", "text"} <= set(m) for e in out["entities"] for m in e["mentions"])
    leads = [r for r in out["relations"] if r["type"] == "LEADS"]
    assert leads and {"start", "end", "sentence"} <= set(leads[0]["evidence"])


def test_extract_text_format():
    result = CliRunner().invoke(main, ["extract", str(DATA / "corpus" / "mini-en.txt"), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "DockSense" in result.output and "LEADS" in result.output


def test_eval_prints_micro_table_and_json():
    args = ["eval", "--corpus", str(DATA / "corpus"), "--gold", str(DATA / "gold")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    tail = result.output.strip().splitlines()[-25:]
    assert "== micro" in tail and any(line.startswith("co_partner_pairs") for line in tail)
    result = CliRunner().invoke(main, [*args, "--format", "json", "--show-errors"])
    data = json.loads(result.output)
    micro = data["micro"]
    assert micro["duplicates"] == 0
    assert micro["entities"]["all_entities"]["f1"] >= 0.9
    # every gold LEADS is found; the learned model may add an announcer as a second lead (the
    # figures themselves are held by the quality gate over the annotated sets)
    assert micro["relations"]["LEADS"]["recall"] == 1.0
    assert "errors" in data["documents"][0]


def test_eval_reports_a_missing_corpus_file(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.json").write_text(json.dumps({"document": {"file": "nope.txt"}, "entities": [], "relations": []}))
    result = CliRunner().invoke(main, ["eval", "--corpus", str(tmp_path), "--gold", str(gold)])
    assert result.exit_code == USAGE and "names nope.txt" in result.output


def test_eval_reports_an_empty_gold_folder(tmp_path):
    result = CliRunner().invoke(main, ["eval", "--corpus", str(tmp_path), "--gold", str(tmp_path)])
    assert result.exit_code == USAGE and "no gold files" in result.output
