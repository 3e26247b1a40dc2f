"""The ``grappe`` command: a thin click group over library functions.

Each command group has its module in this package (listed in ``COMMANDS``). The group
imports a module only when its command runs, so ``grappe --help`` and ``grappe db status``
stay fast and never load Flask or spaCy. Errors are translated once, in
:func:`grappe.cli.base.fail`.
"""

from __future__ import annotations

import importlib

import click

from grappe.cli.base import fail
from grappe.errors import GrappeError
from grappe.settings import SETTINGS, Settings

#: command name -> "module:attribute" (modules under grappe.cli)
COMMANDS: dict[str, str] = {
    "db": "db:db",
    "extract": "extract:extract",
    "eval": "extract:eval_cmd",
    "ingest": "ingest:ingest",
    "resolve": "resolve:resolve",
    "entity": "resolve:entity",
    "match": "analytics:match",
    "partners": "analytics:partners",
    "path": "analytics:path",
    "stats": "analytics:stats",
    "query": "query:query",
    "export": "query:export",
    "serve": "serve:serve",
    "user": "serve:user",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        # deferred: a command's module (and its spaCy, Flask, scipy...) loads only when it runs
        command: click.Command = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except GrappeError as exc:
            fail(exc)


def _settings_epilog() -> str:
    return "Settings (environment variables):\n\n" + "\n\n".join(
        f"{s.env} (default {s.default or 'unset'}): {s.help}" for s in SETTINGS
    )


@click.group(cls=LazyGroup, epilog=_settings_epilog())
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Data folder (GRAPPE_DATA_DIR).")
@click.option("--graph-url", default=None, help="Graph store URL (GRAPPE_GRAPH_URL).")
@click.version_option(package_name="grappe")
@click.pass_context
def main(ctx: click.Context, data_dir: str | None, graph_url: str | None) -> None:
    """Grappe: an ecosystem knowledge graph with search."""
    if isinstance(ctx.obj, Settings) and data_dir is None and graph_url is None:
        return  # settings given by the caller (tests, embedding programs)
    ctx.obj = Settings.load({"data_dir": data_dir, "graph_url": graph_url})
