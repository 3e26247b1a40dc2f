"""``grappe resolve FILE``, ``grappe resolve-fit`` and ``grappe entity ...``: thin
wrappers over the library."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import TextIO

import click

from graph.resolve import curation, weights
from graph.resolve.fitting import fit_from_settings
from graph.resolve.resolver import read_mentions
from graph.resolve.resolver import resolve as resolve_items
from graph.store import open_store
from grappe.cli.base import pass_settings
from grappe.settings import Settings

_DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "resolve"
#: quality sets fitted on by default (the held-out set is never among them)
DEFAULT_SETS = (_DATA / "mentions.tsv", _DATA / "public_variants.tsv")


@click.command("resolve")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"), default="-")
@click.option("--explain", is_flag=True, help="Also list each cluster's aliases.")
def resolve(file: TextIO, explain: bool) -> None:
    """Cluster the mentions in FILE (one `name<TAB>type<TAB>group` per line; `-` reads
    stdin) and print JSON {"clusters": [{"name", "type", "lines"}], "conflicts": [...]}.
    A conflict is an acronym that could stand for several clusters: it is left alone
    for a curator. Touches no store; uses only the language data and the mechanism."""
    result = resolve_items(read_mentions(file))
    payload = []
    for c in result.clusters:
        row = c.to_json()
        if explain:
            row["aliases"] = c.aliases
        payload.append(row)
    json.dump({"clusters": payload, "conflicts": [c.to_json() for c in result.conflicts]},
              sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


@click.command("resolve-fit")
@click.option("--set", "sets", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A quality set (name<TAB>type<TAB>group<TAB>gold); repeatable. "
                   "Default: the sets under tests/data/resolve/ (not the held-out one).")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Where to write the weights (default: the scorer's own weights.json).")
@click.option("--dry-run", is_flag=True, help="Print the fitted table, write nothing.")
@pass_settings
def resolve_fit(settings: Settings, sets: tuple[str, ...], out: str | None, dry_run: bool) -> None:
    """Fit the pair scorer's rule weights and thresholds from labelled pairs: the
    quality sets and the curation log's merges, splits and judgements."""
    paths = [Path(s) for s in sets] or [p for p in DEFAULT_SETS if p.is_file()]
    table = fit_from_settings(settings, paths)
    if dry_run:
        click.echo(json.dumps(table, ensure_ascii=False, indent=2))
        return
    target = Path(out) if out else weights.WEIGHTS_PATH
    weights.write(table, target)
    click.echo(json.dumps({"written": str(target), "thresholds": table["thresholds"],
                           "fitted": table["fitted"]}, ensure_ascii=False))


@click.group("entity")
def entity() -> None:
    """Curate entities: merge, split, rename, show. Every decision is logged in
    <data_dir>/curation.jsonl and replayed on re-ingest."""


def _user(by: str | None) -> str:
    return by or getpass.getuser()


def _curate(settings: Settings, action: str, *args: object) -> None:
    """Apply one curation decision to the store and print the resulting entity."""
    store = open_store(settings)
    try:
        entity = getattr(curation, action)(store, settings, *args)
    finally:
        store.close()
    click.echo(json.dumps(curation.entity_json(entity), ensure_ascii=False))


@entity.command("merge")
@click.argument("keep_id")
@click.argument("other_id")
@click.option("--by", "by", default=None, help="Who decides (default: the login name).")
@click.option("--why", "why", default="", help="Why they are the same entity.")
@pass_settings
def merge_cmd(settings: Settings, keep_id: str, other_id: str, by: str | None, why: str) -> None:
    """Merge OTHER_ID into KEEP_ID (mentions, relationships, aliases move; OTHER_ID goes)."""
    _curate(settings, "merge", keep_id, other_id, _user(by), why)


@entity.command("split")
@click.argument("entity_id")
@click.option("--alias", "aliases", multiple=True, required=True,
              help="A name (alias or mention text) to move to a new entity; repeatable.")
@click.option("--by", "by", default=None, help="Who decides (default: the login name).")
@click.option("--why", "why", default="", help="Why these names are another entity.")
@pass_settings
def split_cmd(settings: Settings, entity_id: str, aliases: tuple[str, ...], by: str | None, why: str) -> None:
    """Move the named aliases (and their mentions) of ENTITY_ID to a new entity."""
    _curate(settings, "split", entity_id, list(aliases), _user(by), why)


@entity.command("rename")
@click.argument("entity_id")
@click.argument("new_name")
@click.option("--by", "by", default=None, help="Who decides (default: the login name).")
@click.option("--why", "why", default="", help="Why.")
@pass_settings
def rename_cmd(settings: Settings, entity_id: str, new_name: str, by: str | None, why: str) -> None:
    """Give ENTITY_ID a new display name (the old one stays an alias)."""
    _curate(settings, "rename", entity_id, new_name, _user(by), why)


@entity.command("show")
@click.argument("id_or_name")
@pass_settings
def show_cmd(settings: Settings, id_or_name: str) -> None:
    """Show an entity (by id, name or alias) and the curation decisions about it."""
    store = open_store(settings)
    try:
        found = curation.show(store, settings, id_or_name)
    finally:
        store.close()
    click.echo(json.dumps(found, ensure_ascii=False, indent=2))
