"""`grappe ingest PATH...`: files and folders into the graph, with progress and a summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from graph.analytics.service import Analytics
from graph.store import open_store
from grappe.cli.base import INPUTS_FAILED, pass_settings
from grappe.settings import Settings
from ingest.run import Outcome
from ingest.run import ingest as run_ingest


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", is_flag=True, help="No progress bar.")
@pass_settings
def ingest(settings: Settings, paths: tuple[Path, ...], quiet: bool) -> None:
    """Extract documents and write them to the graph store (incremental by content hash).

    Unchanged documents are skipped; a changed one replaces what its previous
    version contributed. A file that fails is reported with the reason and the
    others go on; the exit code is 1 when any failed.
    """
    store = open_store(settings)
    store.create_schema()
    bar: Any = None  # click's progress bar, entered and left by hand around the run
    show = not quiet and sys.stderr.isatty()

    def on_total(n: int) -> None:
        nonlocal bar
        if show:
            bar = click.progressbar(length=n, label="Ingesting", file=sys.stderr,
                                    item_show_func=lambda o: Path(o.path).name if o else "")
            bar.__enter__()

    def on_outcome(outcome: Outcome) -> None:
        if bar is not None:
            bar.update(1, outcome)
        elif not quiet:
            click.echo(f"{outcome.status:>9}  {outcome.path}", err=True)

    try:
        report = run_ingest(list(paths), settings, store, progress=on_outcome, on_total=on_total)
        if bar is not None:
            bar.__exit__(None, None, None)
            bar = None
        if any(o.status in ("ingested", "replaced") for o in report.outcomes):
            # Communities and brokers cost seconds to minutes: pay once here, never on a request.
            if not quiet:
                click.echo("Precomputing analytics (projection, communities, brokers)...", err=True)
            Analytics(store, settings).precompute()
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        store.close()

    rows = [("documents ingested", report.count("ingested")),
            ("documents replaced", report.count("replaced")),
            ("documents unchanged", report.count("unchanged")),
            ("failures", len(report.failures)),
            ("entities written", report.total("entities")),
            ("mentions written", report.total("mentions")),
            ("relations written", report.total("relations")),
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
