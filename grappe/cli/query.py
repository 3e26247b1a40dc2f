"""``grappe query`` (saved analyst queries and free read-only Cypher) and ``grappe export``.

Thin click commands over library functions: every query runs through
``store.read`` (read-only as enforced by the database, with its time limit and
row cap); a rejected or failing query prints the database's reason on stderr and
exits non-zero.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import click

from graph import cypher
from graph.console_slots import console_slot
from graph.export import export_graph
from graph.queries import run_saved
from graph.store import backend_of, open_store
from graph.store.base import QueryResult
from grappe.cli.base import pass_settings
from grappe.settings import Settings

FORMATS = ("table", "csv", "json")
PARAM_ENTITY = "entity"


def _backend(settings: Settings) -> str:
    return backend_of(settings.graph_url or "falkordb-embedded")


def _open(settings: Settings) -> Any:
    return open_store(settings)


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``("k=v", ...)`` -> ``{"k": "v"}``; the value may itself contain ``=``."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        out[key.strip()] = value
    return out


def literal(text: str) -> Any:
    """A free-Cypher parameter from the command line: JSON when it parses (``5``, ``true``,
    ``null``, ``["a","b"]``, ``"5"``), else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


# --------------------------------------------------------------------------- output


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else str(value)
    return str(value)


def format_result(result: QueryResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.to_json(), ensure_ascii=False, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([_cell(row.get(c)) for c in result.columns])
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(row.get(c)) for c in result.columns] for row in result.rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(result.columns)]

    def line(values: list[str]) -> str:
        return "  ".join((v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(result.columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    n = len(result.rows)
    out.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(out)




# --------------------------------------------------------------------------- query


@click.group()
def query() -> None:
    """Saved analyst queries and free read-only Cypher."""


@query.command("list")
def list_cmd() -> None:
    """List the saved queries with their parameters."""
    for q in cypher.saved_queries():
        params = " ".join(
            f"{p.name}:{p.type}" + ("" if p.required else f"={p.default}") for p in q.params
        )
        click.echo(f"{q.name:36} {q.title}" + (f"  [{params}]" if params else ""))


@query.command("show")
@click.argument("name")
@pass_settings
def show_cmd(settings: Settings, name: str) -> None:
    """Show a saved query: description, parameters, columns and Cypher text."""
    q = cypher.saved_query(name)
    text = q.text(_backend(settings))
    click.echo(f"{q.name}: {q.title}")
    if q.description:
        click.echo(q.description)
    for p in q.params:
        req = "required" if p.required else f"default {p.default}"
        click.echo(f"  --param {p.name}=<{p.type}>  ({req}) {p.description}".rstrip())
    if q.columns:
        click.echo("columns: " + ", ".join(q.columns))
    click.echo("")
    click.echo(text.rstrip())


@query.command("run")
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter (repeatable); the value is converted to the type the query declares.")
@click.option("--cypher", "cypher_text", default=None, help="Free read-only Cypher instead of a saved query.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--timeout-ms", type=int, default=None, help="Time limit (default and most: GRAPPE_QUERY_TIMEOUT_MS).")
@click.option("--max-rows", type=int, default=None, help="Row cap (default GRAPPE_MAX_ROWS).")
@pass_settings
def run_cmd(settings: Settings, name: str | None, params: tuple[str, ...], cypher_text: str | None,
            fmt: str, timeout_ms: int | None, max_rows: int | None) -> None:
    """Run saved query NAME, or --cypher "MATCH ... RETURN ...", read-only."""
    if bool(name) == bool(cypher_text):
        raise click.UsageError("give a saved query NAME or --cypher TEXT (one of them)")
    raw: dict[str, Any] = dict(parse_params(params))
    if name:
        try:
            q = cypher.saved_query(name)
            q.bind(raw)  # fail on a bad parameter before opening the store
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--param") from None
    store = _open(settings)
    try:
        with console_slot(settings.data_dir, settings.console_slots, settings.query_timeout_ms / 1000):
            if name:
                result = run_saved(store, name, raw, timeout_ms, max_rows)
            else:
                result = store.read(cypher_text or "", {k: literal(v) for k, v in raw.items()},
                                    timeout_ms=timeout_ms, max_rows=max_rows)
    finally:
        store.close()
    click.echo(format_result(result, fmt))
    if result.truncated and fmt == "table":
        click.echo(f"Note: only the first {len(result.rows)} rows are shown (row cap).", err=True)


# --------------------------------------------------------------------------- export


@click.command()
@click.option("--format", "fmt", type=click.Choice(("graphml", "gexf", "json", "csv")), default="graphml",
              show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Folder to write into (created if missing).")
@click.option("--batch-size", type=int, default=5000, show_default=True, help="Rows per read.")
@pass_settings
def export(settings: Settings, fmt: str, out_dir: str, batch_size: int) -> None:
    """Export the entity graph for other tools (Gephi, networkx, neo4j-admin import, scripts)."""
    store = _open(settings)
    try:
        files = export_graph(store, fmt, Path(out_dir), batch_size=batch_size)
    finally:
        store.close()
    for path in files:
        click.echo(str(path))
