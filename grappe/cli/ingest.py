"""`grappe ingest PATH...`: files and folders into the graph, with progress and a summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from graph.analytics.service import Analytics
from graph.store import EMBEDDED, backend_of, open_store
from grappe.cli.base import INPUTS_FAILED, pass_settings
from grappe.settings import Settings
from ingest.bulk import bulk_load, neo4j_import_files
from ingest.load import load_folder
from ingest.mapstep import mapper_for
from ingest.run import ingest as run_ingest
from ingest.workers import default_workers


def workers_option(f):  # a click decorator

    return click.option("--workers", type=click.IntRange(min=1), default=default_workers(), show_default=True,
                        help="Extraction processes on this machine (models load once in each).")(f)


def executor_option(f):  # a click decorator
    return click.option("--executor", metavar="URL", default=None,
                        help="Run extraction on a Dask cluster (tcp://scheduler:8786), "
                             "or `local` for a local one of --workers processes.")(f)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", is_flag=True, help="No progress bar.")
@workers_option
@executor_option
@pass_settings
def ingest(settings: Settings, paths: tuple[Path, ...], quiet: bool, workers: int,
           executor: str | None) -> None:
    """Extract documents and write them to the graph store (incremental by content hash).

    Unchanged documents are skipped; a changed one replaces what its previous
    version contributed. A file that fails is reported with the reason and the
    others go on; the exit code is 1 when any failed. Extraction runs in --workers
    processes (or on a Dask cluster); resolution and writes stay in this one.
    """
    store = open_store(settings)
    store.create_schema()
    shown = Progress("Ingesting", quiet)
    try:
        with shown, mapper_for(workers, executor) as mapper:
            report = run_ingest(list(paths), settings, store, progress=shown.outcome, on_total=shown.total,
                                mapper=mapper)
        precompute(report, settings, store, quiet)
    finally:
        store.close()

    summarize(report)


def summarize(report, done: str = "ingested", verb: str = "written") -> None:
    """The end-of-run table and the failures by name; exit code 1 when any failed."""
    rows = [(f"documents {done}", report.count(done)),
            ("documents replaced", report.count("replaced")),
            ("documents unchanged", report.count("unchanged")),
            ("failures", len(report.failures)),
            (f"entities {verb}", report.total("entities")),
            (f"mentions {verb}", report.total("mentions")),
            (f"relations {verb}", report.total("relations")),
            ("words", report.total("words"))]
    click.echo("")
    for label, value in rows:
        click.echo(f"  {label:<22}{value:>10,}")
    words = report.total("words")
    rate = f" ({words / report.seconds:,.0f} words/s)" if words and report.seconds else ""
    click.echo(f"  {'time':<22}{report.seconds:>9.1f}s{rate}")
    for failure in report.failures:
        click.echo(f"FAILED {failure.path}: {failure.reason}", err=True)
    if report.failures:
        sys.exit(INPUTS_FAILED)


class Progress:
    """A progress bar on a terminal, one line per document otherwise (none with --quiet)."""

    def __init__(self, label: str, quiet: bool) -> None:
        self.label, self.quiet = label, quiet
        self.bar: Any = None  # click's progress bar, entered and left by hand

    def total(self, n: int) -> None:
        if not self.quiet and sys.stderr.isatty():
            self.bar = click.progressbar(length=n, label=self.label, file=sys.stderr,
                                         item_show_func=lambda o: Path(o.path).name if o else "")
            self.bar.__enter__()

    def outcome(self, outcome) -> None:
        if self.bar is not None:
            self.bar.update(1, outcome)
        elif not self.quiet:
            why = f" ({outcome.reason})" if outcome.reason and outcome.status != "failed" else ""
            click.echo(f"{outcome.status:>9}  {outcome.path}{why}", err=True)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def precompute(report, settings: Settings, store, quiet: bool) -> None:
    if any(o.status in ("ingested", "replaced") for o in report.outcomes):
        # Communities and brokers cost seconds to minutes: pay once here, never on a request.

        if not quiet:
            click.echo("Precomputing analytics (projection, communities, brokers)...", err=True)
        Analytics(store, settings).precompute()


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--bulk", is_flag=True,
              help="Build an empty graph in one go through the database's bulk loader "
                   "(FalkorDB: falkordb-bulk-loader; Neo4j: prints the neo4j-admin import command).")
@click.option("--csv-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Neo4j with --bulk: where to write the import files (default: <data dir>/neo4j-import).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@pass_settings
def load(settings: Settings, folder: Path, bulk: bool, csv_dir: Path | None, quiet: bool) -> None:
    """Resolve and write the extraction records in FOLDER (written by `grappe extract --out`).

    The reduce step of an ingest: records are resolved and written in extraction
    order; documents already in the graph are skipped, a new version of a source
    replaces the previous one, and a record that fails is reported by name.
    """
    if bulk and backend_of(settings.graph_url or EMBEDDED) == "neo4j":
        out = csv_dir or Path(settings.data_dir) / "neo4j-import"
        with Progress("Resolving", quiet) as shown:
            report, command = neo4j_import_files(folder, settings, out, progress=shown.outcome)
        click.echo(f"Import files written to {out}. With the database stopped, run on its server:\n\n"
                   f"  {command}\n\nthen start it and run `grappe load {folder}` once: it creates the "
                   "constraints and indexes (every document is already there).")
        summarize(report, verb="resolved")
        return
    store = open_store(settings)
    store.create_schema()
    shown = Progress("Loading", quiet)
    try:
        with shown:
            if bulk:
                report = bulk_load(folder, settings, store, progress=shown.outcome)
            else:
                report = load_folder(folder, settings, store, progress=shown.outcome)
        precompute(report, settings, store, quiet)
    finally:
        store.close()
    summarize(report)

