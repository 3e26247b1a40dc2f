"""The graph's generation: one number per data folder, bumped by every change to the graph."""

from __future__ import annotations

from pathlib import Path

from graph.store import generation
from grappe.settings import Settings


def test_a_fresh_folder_is_generation_zero_and_each_bump_adds_one(tmp_path: Path) -> None:
    settings = Settings.load({"data_dir": str(tmp_path / "data")}, environ={})
    assert generation.current(settings) == 0
    assert generation.bump(settings) == 1
    assert generation.bump(settings) == 2
    assert generation.current(settings) == 2
    assert (tmp_path / "data" / "generation").read_text() == "2"


def test_an_unreadable_counter_reads_as_zero(tmp_path: Path) -> None:
    settings = Settings.load({"data_dir": str(tmp_path)}, environ={})
    (tmp_path / "generation").write_text("not a number")
    assert generation.current(settings) == 0
    assert generation.bump(settings) == 1


def test_a_bump_by_another_process_is_seen_at_once(tmp_path: Path) -> None:
    """current() remembers the value per file identity: a replaced file is read again."""
    settings = Settings.load({"data_dir": str(tmp_path)}, environ={})
    assert generation.current(settings) == 0
    generation.bump(settings)
    assert generation.current(settings) == 1
    (tmp_path / "generation.new").write_text("7")  # another process's bump: a new file
    (tmp_path / "generation.new").replace(tmp_path / "generation")
    assert generation.current(settings) == 7
