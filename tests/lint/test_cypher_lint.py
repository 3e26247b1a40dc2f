"""Every Cypher file Neo4j runs passes Neo4j's own linter (@neo4j-cypher/language-support).

Files for Neo4j: the portable ones (``cypher/**``) and ``cypher/neo4j/`` overrides;
``cypher/falkordb/`` and ``cypher/schema/falkordb.cypher`` are FalkorDB dialect and
are left out. New files anywhere else under ``cypher/`` are picked up automatically.
Needs Node.js; ``node_modules`` is installed with ``npm ci`` when missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CYPHER = ROOT / "cypher"
SCRIPT = Path(__file__).with_name("lint_cypher.mjs")
PACKAGE = ROOT / "node_modules" / "@neo4j-cypher" / "language-support"


def neo4j_files() -> list[Path]:
    out = []
    for path in sorted(CYPHER.rglob("*.cypher")):
        rel = path.relative_to(CYPHER)
        if rel.parts[0] == "falkordb" or rel == Path("schema/falkordb.cypher"):
            continue
        out.append(path)
    return out


@pytest.fixture(scope="module")
def linter() -> Path:
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to lint Cypher with Neo4j's linter: install node (>= 20) and npm.")
    if not PACKAGE.is_dir():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("node_modules is missing and npm is not installed: run `npm ci` at the repository root.")
        cmd = [npm, "ci" if (ROOT / "package-lock.json").exists() else "install", "--no-audit", "--no-fund",
               "--loglevel=error"]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not PACKAGE.is_dir():
            pytest.fail(f"`{' '.join(cmd[1:])}` failed; run `npm ci` at the repository root.\n{done.stderr[-2000:]}")
    return SCRIPT


def lint(script: Path, files: list[Path]) -> tuple[int, dict]:
    done = subprocess.run(["node", str(script), *map(str, files)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"the linter printed no JSON (exit {done.returncode}): {done.stderr[-2000:]}")
    return done.returncode, report


def test_every_neo4j_cypher_file_lints_clean(linter):
    files = neo4j_files()
    assert files, "no .cypher files found"
    code, report = lint(linter, files)
    assert report["files"] == len(files)
    problems = "\n".join(
        f"{Path(e['file']).resolve().relative_to(ROOT)}:{e['line']}:{e['column']}: {e['message']}"
        for e in report["errors"])
    assert code == 0 and not report["errors"], f"Neo4j's linter rejects:\n{problems}"


def test_a_syntax_error_fails(linter, tmp_path):
    good = tmp_path / "good.cypher"
    good.write_text("MATCH (n:Entity {id: $id}) RETURN n.name AS name\n")
    bad = tmp_path / "bad.cypher"
    bad.write_text("// a broken query\nMATCH (n:Entity {id: $id} RETURN n\n")
    code, report = lint(linter, [good, bad])
    assert code == 1
    assert {Path(e["file"]).name for e in report["errors"]} == {"bad.cypher"}
    assert report["errors"][0]["line"] == 2


def test_falkordb_dialect_is_excluded():
    names = {p.relative_to(CYPHER).as_posix() for p in neo4j_files()}
    assert "schema/neo4j.cypher" in names and "schema/falkordb.cypher" not in names
    assert not any(n.startswith("falkordb/") for n in names)
