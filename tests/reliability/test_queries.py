"""Issue 14, items 2, 4 and 8: an analyst's query cannot freeze the database, take its
memory, write, call an unlisted procedure or read a file."""

from __future__ import annotations

import pytest
import redis

from graph.console_slots import ConsoleBusy, console_slot
from graph.query_guard import Limits, check_query, nesting_depth, tokens
from grappe.errors import QueryError, QueryRejected, QueryTimeout, ReadOnlyViolation
from tests.reliability.conftest import SMALL

NESTED_30 = "RETURN " + "(" * 30 + "1" + ")" * 30
RANGE_SUM = "RETURN reduce(s=0, x IN range(1,80000000) | s+x)"


def test_the_nesting_query_is_refused_before_the_database_and_it_keeps_answering(store):
    with pytest.raises(QueryRejected, match="nests 30 levels deep.*GRAPPE_QUERY_MAX_DEPTH"):
        store.read(NESTED_30, timeout_ms=1000)
    assert store.read("RETURN 1 AS one").rows == [{"one": 1}]


@pytest.mark.parametrize("text,depth", [
    ("RETURN " + "-" * 30 + "1", 30),
    ("RETURN " + "NOT " * 12 + "true", 12),
    ("RETURN " + "[" * 11 + "1" + "]" * 11, 11),
    ("RETURN " + "CASE WHEN true THEN " * 11 + "1" + " END" * 11, 11),
    ("RETURN " + "-(" * 6 + "1" + ")" * 6, 12),
])
def test_prefix_operators_and_case_count_as_nesting(store, text, depth):
    assert nesting_depth(list(tokens(text))) == depth
    with pytest.raises(QueryRejected):
        store.read(text)


def test_brackets_inside_strings_and_comments_do_not_count():
    text = "RETURN '((((((((((((' AS a // ((((((((((((\n/* [[[[[[[[[[[[ */"
    assert nesting_depth(list(tokens(text))) == 0
    check_query(text, "falkordb")


def test_an_overlong_query_is_refused_naming_the_setting(store):
    with pytest.raises(QueryRejected, match="GRAPPE_QUERY_MAX_CHARS"):
        store.read("RETURN 1 AS one " + " " * 20_001)


def test_the_range_query_is_stopped_by_the_memory_limit(small_store, small_server):
    with pytest.raises(QueryError, match="more memory than one query may use"):
        small_store.read(RANGE_SUM, timeout_ms=1000)
    assert small_store.read("RETURN 1 AS one").rows == [{"one": 1}]


def test_the_server_starts_with_the_limits_and_no_import_folder(small_server):
    client = redis.Redis(unix_socket_path=str(small_server.socket))
    try:
        config = {name: client.execute_command("GRAPH.CONFIG", "GET", name)[1]
                  for name in ("TIMEOUT_MAX", "TIMEOUT_DEFAULT", "QUERY_MEM_CAPACITY", "THREAD_COUNT",
                               "IMPORT_FOLDER")}
    finally:
        client.close()
    assert config["TIMEOUT_MAX"] == SMALL.timeout_max_ms
    assert config["TIMEOUT_DEFAULT"] == SMALL.timeout_default_ms
    assert config["QUERY_MEM_CAPACITY"] == SMALL.query_memory_bytes
    assert config["THREAD_COUNT"] == SMALL.threads
    folder = config["IMPORT_FOLDER"].decode()
    assert folder.startswith(str(small_server.dir)) and not small_server.import_dir.exists()


def test_a_running_server_takes_the_current_runtime_limits(small_server):
    from dataclasses import replace

    from graph.store.embedded import EmbeddedFalkorDB

    again = EmbeddedFalkorDB(small_server.dir.parent, limits=replace(SMALL, timeout_max_ms=30_000))
    again.start()
    client = redis.Redis(unix_socket_path=str(small_server.socket))
    try:
        assert client.execute_command("GRAPH.CONFIG", "GET", "TIMEOUT_MAX")[1] == 30_000
    finally:
        client.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_MAX", SMALL.timeout_max_ms)
        client.close()


def test_a_slow_query_is_stopped_by_its_time_limit(small_store):
    slow = "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b WITH a, b WHERE a * b = -1 RETURN count(*)"
    with pytest.raises(QueryTimeout):
        small_store.read(slow, timeout_ms=200)


def test_load_csv_is_refused_and_the_database_has_no_folder_to_read(small_store, small_server):
    (small_server.dir / "secret.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ReadOnlyViolation, match="LOAD CSV"):
        small_store.read("LOAD CSV FROM 'file://secret.csv' AS row RETURN row")
    # even past the pre-check, the database finds no file to read
    for url in ("file://secret.csv", "file://../secret.csv", f"file://{small_server.dir}/secret.csv"):
        with pytest.raises(redis.ResponseError, match="(?i)csv"):
            small_store.graph.ro_query(f"LOAD CSV FROM '{url}' AS row RETURN row")


@pytest.mark.parametrize("text", [
    # the old check stripped comments before strings: the /* in a string hid the CREATE
    "RETURN '/*' AS a CREATE (n) RETURN '*/' AS b",
    "RETURN \"//\" AS a\nCREATE (n:X)",
    "MATCH (n) SET n.x = 1",
    "MATCH (n) DETACH DELETE n",
    "CALL `dbms.procedures`()",
    "CALL `db`.`procedures`()",
    "CALL dbms.procedures() YIELD name RETURN name",
    "LOAD CSV FROM 'https://example.org/x.csv' AS r RETURN r",
    "load\ncsv from 'file:///etc/passwd' as r return r",
    "RETURN '.' CREATE (n)",
    "MATCH (n) DETACH DELETE ':'",
])
def test_walk_arounds_of_the_pre_check_are_refused(store, text):
    with pytest.raises(ReadOnlyViolation):
        store.read(text)


@pytest.mark.parametrize("text", [
    "MATCH (n {set: 1}) RETURN n.delete AS d, 'CREATE' AS word // MERGE in a comment",
    "MATCH (n:`Create`) RETURN count(n) AS n",
    "CALL db.labels() YIELD label RETURN label",
])
def test_reads_that_merely_name_a_write_keyword_pass(store, text):
    store.read(text)


def test_bad_parameters_are_refused_before_the_database(store):
    with pytest.raises(QueryRejected, match="not a plain name"):
        store.read("RETURN 1 AS one", {"a`b": 1})
    deep: object = 1
    for _ in range(200):
        deep = [deep]
    with pytest.raises(QueryRejected, match="nests more than"):
        store.read("RETURN $p AS p", {"p": deep})
    with pytest.raises(QueryRejected):
        check_query("RETURN $p", "falkordb", {"p": "x" * 50}, Limits(max_param_chars=10))


def test_console_slots_are_shared_and_a_full_console_says_so(tmp_path):
    with console_slot(tmp_path, 1, 0.1):
        with pytest.raises(ConsoleBusy, match="GRAPPE_CONSOLE_SLOTS"):
            with console_slot(tmp_path, 1, 0.1):
                pass
    with console_slot(tmp_path, 1, 0.1) as slot:
        assert slot == 0


def _analyst(client) -> str:
    import web_fixtures

    return web_fixtures.login(client, "analyst")


@pytest.mark.parametrize("body", [
    {"cypher": "RETURN $x AS x", "params": {"a`b": 1}},
    {"cypher": NESTED_30},
    {"cypher": "RETURN $p AS p", "params": {"p": [[[[[[[[[[[[1]]]]]]]]]]]]}},
], ids=["backtick-param", "nested-query", "nested-param"])
def test_the_api_answers_4xx_to_bad_queries(web_client, body):
    token = _analyst(web_client)
    r = web_client.post("/api/query", json=body, headers={"X-CSRF-Token": token})
    assert r.status_code == 400
    assert r.get_json()["ok"] is False


def test_the_api_answers_4xx_to_a_5000_deep_list(web_client):
    token = _analyst(web_client)
    raw = '{"cypher": "RETURN $p AS p", "params": {"p": ' + "[" * 5000 + "]" * 5000 + "}}"
    r = web_client.post("/api/query", data=raw, content_type="application/json", headers={"X-CSRF-Token": token})
    assert r.status_code == 400
    assert r.get_json()["ok"] is False


def test_grappe_query_run_refuses_the_nesting_query_with_a_message(settings, store):
    from click.testing import CliRunner

    from grappe.cli import main
    from grappe.cli.base import QUERY_FAILED

    result = CliRunner().invoke(main, ["query", "run", "--timeout-ms", "1000", "--cypher", NESTED_30],
                                obj=settings.replace(graph_name=store.graph_name))
    assert result.exit_code == QUERY_FAILED
    assert "nests 30 levels deep" in result.output
    assert "Traceback" not in result.output
