"""``grappe authority load FILE``: apply a reference list users already keep."""

from __future__ import annotations

import json

import click

from graph.resolve.authority import load_file
from graph.store import open_store
from grappe.cli.base import pass_settings
from grappe.settings import Settings


@click.group("authority")
def authority() -> None:
    """Reference lists of organizations (authority files): canonical names, aliases,
    acronyms and external ids (Wikidata, ROR, website)."""


@authority.command("load")
@click.argument("file", type=click.Path(dir_okay=False))
@pass_settings
def load_cmd(settings: Settings, file: str) -> None:
    """Match each organization of FILE (CSV with a header row, or JSON) to a stored
    entity and give it the canonical name and external ids. Entities no row matches
    are left as they are; loading the same file again changes nothing. Malformed rows
    are reported with their line and skipped. Prints a JSON report."""
    store = open_store(settings)
    try:
        report = load_file(store, file, settings)
    finally:
        store.close()
    for problem in report.problems:
        click.echo(f"{file}:{problem.line}: {problem.message}", err=True)
    click.echo(json.dumps(report.to_json(), ensure_ascii=False))
