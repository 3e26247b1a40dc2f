"""``grappe resolve FILE`` and ``grappe entity ...``: thin wrappers over the library."""

from __future__ import annotations

import getpass
import json
import sys
from typing import TextIO

import click

from graph.resolve import curation
from graph.resolve.resolver import read_mentions, resolve_mentions
from graph.store import open_store
from grappe.cli.base import pass_settings
from grappe.settings import Settings


@click.command("resolve")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"), default="-")
@click.option("--explain", is_flag=True, help="Also list each cluster's aliases.")
def resolve(file: TextIO, explain: bool) -> None:
    """Cluster the mentions in FILE (one `name<TAB>type<TAB>group` per line; `-` reads
    stdin) and print JSON {"clusters": [{"name", "type", "lines"}]}. Touches no store."""
    items = read_mentions(file)
    clusters = resolve_mentions(items)
    payload = []
    for c in clusters:
        row = c.to_json()
        if explain:
            row["aliases"] = c.aliases
        payload.append(row)
    json.dump({"clusters": payload}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


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
