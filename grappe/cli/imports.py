"""`grappe import FILE... --mapping MAPPING`: tabular participation data into the graph."""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph.analytics.service import Analytics
from graph.store import open_store
from grappe.cli.base import pass_settings
from grappe.settings import Settings
from ingest.tabular import import_file, load_mapping

#: bad rows printed one by one before the rest are only counted
SHOW_BAD = 20


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--mapping", "mapping_path", required=True, type=click.Path(path_type=Path),
              help="Mapping file (TOML), e.g. samples/mappings/cordis_h2020.toml.")
@click.option("--skip-analytics", is_flag=True, help="Do not precompute the analytics after writing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_settings
def import_table(settings: Settings, files: tuple[Path, ...], mapping_path: Path,
                 skip_analytics: bool, as_json: bool) -> None:
    """Import tables of participations (CSV, gzip CSV, JSON Lines) as entities and relations.

    Rows go through the same resolution as documents; a bad row is reported by
    line and skipped; importing an unchanged file again changes nothing.
    """
    mapping = load_mapping(mapping_path)
    store = open_store(settings)
    store.create_schema()
    reports = []
    try:
        for path in files:
            report = import_file(path, mapping, settings, store)
            reports.append(report)
            if not as_json:
                click.echo(f"{report.status:>9}  {path}: {report.rows:,} rows, {len(report.bad_rows):,} bad, "
                           f"{report.entities:,} entities, {report.relations:,} relations, "
                           f"{report.named_resolved:,} names met an existing node ({report.seconds:.1f}s)")
            for bad in report.bad_rows[:SHOW_BAD]:
                click.echo(f"BAD ROW {path} line {bad.line}: {bad.reason}", err=True)
            if len(report.bad_rows) > SHOW_BAD:
                click.echo(f"... and {len(report.bad_rows) - SHOW_BAD:,} more bad rows in {path}", err=True)
        if not skip_analytics and any(r.status != "unchanged" for r in reports):
            if not as_json:
                click.echo("Precomputing analytics (projection, communities, brokers)...", err=True)
            Analytics(store, settings).precompute()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([r.to_json() for r in reports], indent=2))
