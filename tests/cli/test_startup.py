"""The command line starts light: ``grappe --help`` and ``grappe db status`` load neither
Flask nor spaCy (their modules are imported only by the commands that use them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("flask", "spacy", "waitress")

_PROBE = """
import json, sys
from grappe.cli import main
try:
    main(sys.argv[1:], prog_name="grappe")
except SystemExit as exc:
    code = exc.code or 0
print(json.dumps({"code": code, "loaded": sorted({m.split(".")[0] for m in sys.modules} & set(%r))}))
"""


def _run(args: list[str], tmp_path: Path) -> dict:
    env = {"PYTHONPATH": str(ROOT), "GRAPPE_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", _PROBE % (HEAVY,), *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [["--help"], ["db", "status"], ["db", "status", "--json"], ["query", "list"]])
def test_light_commands_load_neither_flask_nor_spacy(args: list[str], tmp_path: Path) -> None:
    result = _run(args, tmp_path)
    assert result == {"code": 0, "loaded": []}


def test_every_listed_command_loads_under_its_name() -> None:
    import click

    from grappe.cli import COMMANDS, main

    ctx = click.Context(main)
    for name, (_, summary) in COMMANDS.items():
        command = main.get_command(ctx, name)
        assert isinstance(command, click.Command) and command.name == name
        assert summary.endswith(".") and len(summary) <= 70
