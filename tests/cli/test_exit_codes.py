"""One error translation for the whole command line: each error class has one exit code,
and the README's table lists exactly those codes."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from grappe.cli import main
from grappe.cli.base import EXIT_CODES, STORE_UNAVAILABLE, USAGE, exit_code
from grappe.errors import Ambiguous, ConfigError, IngestError, NotFound, QueryTimeout, StoreUnavailable

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_codes() -> dict[int, str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    return {int(code): what.strip() for code, what in re.findall(r"^\| (\d) \| (.+?) \|$", section, re.M)}


def test_each_error_class_has_its_code() -> None:
    assert exit_code(IngestError("a.pdf", "unreadable")) == 1
    assert exit_code(ConfigError("GRAPPE_BATCH_SIZE", "x", "a whole number")) == 2
    assert exit_code(Ambiguous("Acme", [])) == 2
    assert exit_code(NotFound("no entity matches 'Acme'")) == 2
    assert exit_code(StoreUnavailable("no server")) == 3
    assert exit_code(QueryTimeout("q", "falkordb", "timed out")) == 4


def test_readme_lists_every_code() -> None:
    assert set(_readme_codes()) == {0} | {code for _, code in EXIT_CODES}


def test_a_bad_setting_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["--graph-url", "nope://x", "query", "run", "--cypher", "RETURN 1"])
    assert result.exit_code == USAGE and "GRAPPE_GRAPH_URL" in result.output


def test_an_unreachable_store_has_its_own_code() -> None:
    # port 9 (discard) on loopback: nothing listens there on a test machine
    result = CliRunner().invoke(main, ["--graph-url", "falkordb://127.0.0.1:9/g", "query", "run",
                                       "--cypher", "RETURN 1"])
    assert result.exit_code == STORE_UNAVAILABLE, result.output
    assert result.output.startswith("Error: ")
