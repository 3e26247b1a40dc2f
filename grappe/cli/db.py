"""``grappe db start|stop|status``: the embedded FalkorDB's life cycle."""

from __future__ import annotations

import json
import shlex

import click

from graph.store import EMBEDDED, backend_of, open_store
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedFalkorDB
from grappe.cli.base import pass_settings
from grappe.errors import GrappeError
from grappe.settings import Settings
from ingest.locks import being_written

#: incomplete documents listed by name (the count is always given)
SHOW_INCOMPLETE = 20
#: the most incomplete documents read (a count past it is written "N+")
READ_INCOMPLETE = 1000


def _embedded(settings: Settings) -> EmbeddedFalkorDB:
    return EmbeddedFalkorDB.from_settings(settings)


@click.group()
def db() -> None:
    """Start, stop and inspect the graph store (the embedded FalkorDB by default)."""


@db.command()
@pass_settings
def start(settings: Settings) -> None:
    """Start the embedded FalkorDB in the data folder (reuses a running one)."""
    if settings.graph_url != EMBEDDED:
        click.echo(f"GRAPPE_GRAPH_URL is {settings.graph_url}: nothing to start, Grappe uses that server.")
        return
    server = _embedded(settings)
    was_running = server.is_running()
    status = server.start()
    verb = "already running" if was_running else "started"
    click.echo(f"FalkorDB {verb}: pid {status.pid}, socket {status.socket}, data {status.data_dir}")
    for note in status.notes:
        click.echo(f"note: {note}")


@db.command()
@pass_settings
def stop(settings: Settings) -> None:
    """Stop the embedded FalkorDB (it saves its data first)."""
    if settings.graph_url != EMBEDDED:
        click.echo(f"GRAPPE_GRAPH_URL is {settings.graph_url}: Grappe does not manage that server.")
        return
    if _embedded(settings).stop():
        click.echo("FalkorDB stopped.")
    else:
        click.echo("FalkorDB was not running.")


@db.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@pass_settings
def status(settings: Settings, as_json: bool) -> None:
    """Show the store: pid, socket, data folder, graph counts, and the documents whose
    write was interrupted (each with the command that redoes it)."""
    info: dict = {"graph_url": settings.graph_url, "backend": backend_of(settings.graph_url),
                  "graph": settings.graph_name}
    embedded = settings.graph_url == EMBEDDED
    if embedded:
        info.update(_embedded(settings).status().to_dict())
    reachable = info.get("running", True)
    counts: dict[str, int] | None = None
    incomplete: list[dict] | None = None
    if reachable:
        try:
            store = open_store(settings, start=False)
            try:
                counts = store.stats()
                incomplete = incomplete_documents(store, settings)
            finally:
                store.close()
        except GrappeError as exc:
            info["error"] = str(exc)
    info["counts"] = counts
    info["incomplete_documents"] = incomplete
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    click.echo(f"store:    {info['graph_url']} ({info['backend']}), graph {info['graph']!r}")
    if embedded:
        click.echo(f"running:  {'yes' if info['running'] else 'no'}" + (f", pid {info['pid']}" if info["pid"] else ""))
        click.echo(f"socket:   {info['socket']}" + (" (short fallback path)" if info["socket_fallback"] else ""))
        click.echo(f"data dir: {info['data_dir']}")
        click.echo(f"log:      {info['log']}")
        if info.get("port"):
            click.echo(f"tcp:      127.0.0.1:{info['port']}")
        for note in info["notes"]:
            click.echo(f"note:     {note}")
    if "error" in info:
        click.echo(f"error:    {info['error']}")
    if counts is not None:
        click.echo("counts:   " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    elif embedded and not info["running"]:
        click.echo("counts:   (not running: `grappe db start`)")
    if incomplete:
        _echo_incomplete(incomplete)


def incomplete_documents(store: GraphStore, settings: Settings) -> list[dict]:
    """The stored documents whose write did not finish, each with whether a running
    ingest is writing it now and the command that redoes it otherwise."""
    rows = store.run("read/incomplete_documents", limit=READ_INCOMPLETE).rows
    return [{**row, "being_written": being_written(settings.data_dir, row["source"]),
             "fix": f"grappe ingest {shlex.quote(row['source'])}"} for row in rows]


def _echo_incomplete(rows: list[dict]) -> None:
    more = "+" if len(rows) >= READ_INCOMPLETE else ""
    click.echo(f"incomplete documents: {len(rows)}{more} (a write was interrupted; their facts are "
               "partly missing until they are ingested again)")
    for row in rows[:SHOW_INCOMPLETE]:
        if row["being_written"]:
            click.echo(f"  {row['source']}: being written by a running ingest")
        else:
            click.echo(f"  {row['source']}: re-run {row['fix']}")
    if len(rows) > SHOW_INCOMPLETE:
        click.echo(f"  ... and {len(rows) - SHOW_INCOMPLETE}{more} more (`grappe db status --json` lists them)")
