"""``grappe query`` through click's CliRunner, on the test FalkorDB."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner
from graphs import ecosystem

from grappe.cli import main
from grappe.cli.base import QUERY_FAILED, USAGE


@pytest.fixture
def cli(settings: Any, make_store: Callable[..., Any]) -> Callable[..., Any]:
    store = make_store(graph_name=settings.graph_name)  # the graph the CLI's settings name
    ecosystem.load(store)
    runner = CliRunner()

    def invoke(*args: str) -> Any:
        return runner.invoke(main, ["query", *args], obj=settings)

    return invoke


def test_list_and_show(cli: Callable[..., Any]) -> None:
    out = cli("list")
    assert out.exit_code == 0, out.output
    assert "partners_of" in out.output and "id:entity" in out.output
    out = cli("show", "partners_of")
    assert out.exit_code == 0 and "MATCH" in out.output and "--param id=<entity>  (required)" in out.output
    out = cli("show", "no_such_query")
    assert out.exit_code == USAGE and "no saved query named" in out.output


def test_run_json_shape(cli: Callable[..., Any]) -> None:
    out = cli("run", "partners_of", "--param", "id=acme", "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert set(data) == {"columns", "rows", "truncated"} and data["truncated"] is False
    assert data["columns"][:2] == ["partner_id", "partner"]
    assert [r["partner_id"] for r in data["rows"]] == ["gci", "udem"]
    assert set(data["rows"][0]) == set(data["columns"])


def test_run_csv_and_table(cli: Callable[..., Any]) -> None:
    out = cli("run", "projects_by_investment", "-p", "status=active", "--format", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.output)))
    assert rows[0][:3] == ["project_id", "project", "status"]
    assert [r[0] for r in rows[1:]] == ["alpha", "gamma"]
    out = cli("run", "projects_by_investment")
    assert out.exit_code == 0 and "Projet Delta" in out.output and "(4 rows)" in out.output


def test_param_errors(cli: Callable[..., Any]) -> None:
    out = cli("run", "partners_of")
    assert out.exit_code == USAGE and "needs --param id" in out.output
    out = cli("run", "partners_of", "-p", "id=acme", "-p", "limit=lots")
    assert out.exit_code == USAGE and "whole number" in out.output
    out = cli("run", "partners_of", "-p", "oops")
    assert out.exit_code == USAGE and "NAME=VALUE" in out.output
    out = cli("run")
    assert out.exit_code == USAGE and "one of them" in out.output


def test_free_cypher(cli: Callable[..., Any]) -> None:
    out = cli("run", "--cypher", "MATCH (p:Project) WHERE p.status = $s RETURN p.id AS id ORDER BY id",
              "-p", "s=active", "--format", "json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == {"columns": ["id"], "rows": [{"id": "alpha"}, {"id": "gamma"}],
                                      "truncated": False}
    out = cli("run", "--cypher", "MATCH (p:Project) RETURN p.id AS id ORDER BY id LIMIT $n", "-p", "n=1",
              "--format", "json")
    assert json.loads(out.output)["rows"] == [{"id": "alpha"}]
    out = cli("run", "--cypher", "MATCH (e:Entity) RETURN e.id AS id", "--max-rows", "2", "--format", "json")
    data = json.loads(out.output)
    assert len(data["rows"]) == 2 and data["truncated"] is True


@pytest.mark.parametrize("text", [
    "CREATE (:Entity {id: 'x'})",
    "MATCH (e:Entity {id: 'acme'}) SET e.name = 'pwned' RETURN e",
    "MATCH (e:Entity) DETACH DELETE e",
])
def test_write_attempts_are_rejected(cli: Callable[..., Any], settings: Any, text: str) -> None:
    out = cli("run", "--cypher", text, "--format", "json")
    assert out.exit_code == QUERY_FAILED
    assert "read-only" in out.output.lower() or "not allowed" in out.output.lower()
    assert not out.stdout.strip(), "nothing on stdout"
    again = cli("run", "--cypher", "MATCH (e:Entity {id: 'acme'}) RETURN e.name AS n, count(*) AS c",
                "--format", "json")
    assert json.loads(again.output)["rows"] == [{"n": "Acme Robotique", "c": 1}]


def test_database_rejects_a_write_the_precheck_misses(fx_store: Any) -> None:
    """The second lock: the database's read-only channel, not only the text check."""
    from grappe.errors import ReadOnlyViolation

    with pytest.raises(ReadOnlyViolation) as info:
        fx_store._read_only("MERGE (:Entity {id: 'sneaky'})", None, 1000, 10)
    assert "read-only" in info.value.detail  # the database's own reason (GRAPH.RO_QUERY)
    assert fx_store.read("MATCH (e:Entity {id: 'sneaky'}) RETURN count(e) AS n").scalar() == 0


def test_bad_cypher_reports_the_database_reason(cli: Callable[..., Any]) -> None:
    out = cli("run", "--cypher", "MATCH (e:Entity RETURN e")
    assert out.exit_code == QUERY_FAILED and "falkordb" in out.output.lower()


def test_entity_params_take_names_and_acronyms(cli: Callable[..., Any]) -> None:
    by_id = json.loads(cli("run", "partners_of", "-p", "id=gci", "--format", "json").output)
    for value in ("Grande Chaîne Inc.", "grande chaine inc", "GCI"):
        out = cli("run", "partners_of", "-p", f"id={value}", "--format", "json")
        assert out.exit_code == 0, out.output
        assert json.loads(out.output) == by_id
    out = cli("run", "people_roles", "-p", "organization_id=UdeM", "--format", "json")
    assert [r["person_id"] for r in json.loads(out.output)["rows"]] == ["alice"]
    out = cli("run", "partners_of", "-p", "id=Zyxwvut Qqq")
    assert out.exit_code == USAGE and "no entity matches" in out.output
