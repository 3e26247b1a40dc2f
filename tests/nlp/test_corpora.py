"""The annotated sets and their drawn split (eval/sets.json, eval/real/SPLIT.tsv)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner

from grappe.cli import main
from nlp.corpora import EVAL_DIR, draw_split, gold_docs, read_split, split_of

FRACTIONS = {"train": 0.6, "dev": 0.2, "test": 0.2}


def test_the_draw_gives_each_language_the_fractions():
    names = [f"doc{i}-{lang}.txt" for lang in ("fr", "en") for i in range(20)]
    roles = draw_split(names, "seed", FRACTIONS)
    for lang in ("fr", "en"):
        counts = Counter(r for n, r in roles.items() if n.endswith(f"-{lang}.txt"))
        assert counts == {"train": 12, "dev": 4, "test": 4}
    assert draw_split(names, "seed", FRACTIONS) == roles
    assert draw_split(names, "other seed", FRACTIONS) != roles


def test_a_document_added_later_keeps_the_others_roles(tmp_path):
    (tmp_path / "SPLIT.tsv").write_text("# header\na-fr.txt\ttest\nb-en.txt\ttrain\n", encoding="utf-8")
    assert read_split(tmp_path / "SPLIT.tsv") == {"a-fr.txt": "test", "b-en.txt": "train"}
    assert split_of("c-fr.txt", "seed", FRACTIONS) in {"train", "dev", "test"}


@pytest.mark.parametrize(("name", "sizes"), [("real", {"train": 52, "dev": 18, "test": 18}),
                                             ("real2", {"train": 30, "dev": 10, "test": 10}),
                                             ("real3", {"train": 22, "dev": 8, "test": 6}),
                                             ("real4", {"train": 22, "dev": 8, "test": 6}),
                                             ("real5", {"train": 22, "dev": 8, "test": 6}),
                                             ("real6", {"train": 22, "dev": 8, "test": 6}),
                                             ("real7", {"train": 22, "dev": 8, "test": 6}),
                                             ("real8", {"train": 22, "dev": 8, "test": 6}),
                                             ("real9", {"train": 20, "dev": 6, "test": 8}),
                                             ("real10", {"train": 21, "dev": 7, "test": 7}),
                                             ("real11", {"train": 22, "dev": 8, "test": 6}),
                                             ("real12", {"train": 20, "dev": 7, "test": 6}),
                                             ("real13", {"train": 22, "dev": 8, "test": 6})])
def test_the_committed_split_of_each_real_set(name, sizes):
    drawn = read_split(EVAL_DIR / name / "SPLIT.tsv")
    seed = json.loads((EVAL_DIR / "sets.json").read_text(encoding="utf-8"))["seed"]
    assert draw_split(sorted(drawn), seed, FRACTIONS) == drawn  # the file is the draw, unedited
    roles = Counter(d.role for d in gold_docs(sets=(name,)))
    assert roles == sizes


def test_the_invented_sets_train_and_the_blind_ones_do_not():
    roles = {d.set: d.role for d in gold_docs(sets=("demo", "heldout3", "heldout7", "real14"))}
    assert roles == {"demo": "train", "heldout3": "train", "heldout7": "blind", "real14": "blind"}
    assert Counter(d.role for d in gold_docs(sets=("real14",))) == {"blind": 36}


@pytest.mark.parametrize("args", [["eval", "--split", "test"], ["eval", "--split", "test", "--split", "dev"]])
def test_the_test_split_is_scored_only_on_purpose(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert "scored once" in result.output


@pytest.mark.parametrize("folder", ["real", "real2", "real3", "real4", "real5", "real6", "real7", "real8", "real9", "real10", "real11", "real12", "real13", "real14", "invented/heldout7", "invented/extra"])
def test_every_gold_file_passes_the_format_check(folder):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(EVAL_DIR / "check_gold.py"), str(EVAL_DIR / folder)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip().endswith(f"0 problem(s) in {EVAL_DIR / folder}")


def test_the_texts_written_for_the_project_are_marked():
    assert all(d.written for d in gold_docs(sets=("demo", "extra", "heldout3")))
    assert not any(d.written for d in gold_docs(sets=("real", "real3", "real4", "real5", "real6", "real7", "real8", "real9", "real10", "real11", "real12", "real13", "real14")))
