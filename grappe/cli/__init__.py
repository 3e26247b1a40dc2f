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

#: command name -> ("module:attribute" under grappe.cli, the one-line summary ``grappe --help``
#: shows without importing the module)
COMMANDS: dict[str, tuple[str, str]] = {
    "db": ("db:db", "Start, stop and inspect the graph store."),
    "extract": ("extract:extract", "Extract entities and relations from files (graph untouched)."),
    "eval": ("extract:eval_cmd", "Score extraction against gold annotations."),
    "train": ("extract:train_cmd", "Rebuild the learned extraction stages from eval/."),
    "ingest": ("ingest:ingest", "Extract documents and write them to the graph store."),
    "load": ("ingest:load", "Write extraction records (grappe extract --out) to the graph store."),
    "import": ("imports:import_table", "Import a table of organizations and projects (CSV, mapped)."),
    "resolve": ("resolve:resolve", "Cluster a file of mentions into entities (store untouched)."),
    "resolve-fit": ("resolve:resolve_fit", "Fit resolution's weights from labelled name pairs."),
    "authority": ("authority:authority", "Apply a reference list of organizations."),
    "entity": ("resolve:entity", "Curate entities: merge, split, rename, show."),
    "match": ("analytics:match", "Whom an organization should meet, and why."),
    "partners": ("analytics:partners", "Who an organization already works with."),
    "path": ("analytics:path", "Shortest connections between two entities."),
    "stats": ("analytics:stats", "Ecosystem numbers: counts, hubs, communities, brokers, gaps."),
    "query": ("query:query", "Saved analyst queries and free read-only Cypher."),
    "export": ("query:export", "Export the entity graph (GraphML, GEXF, JSON, CSV)."),
    "serve": ("serve:serve", "Serve the web app."),
    "user": ("serve:user", "Manage web accounts."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, _, attr = COMMANDS[name][0].partition(":")
        # deferred: a command's module (and its spaCy, Flask, scipy...) loads only when it runs
        command: click.Command = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # the summaries come from the table: listing commands must not import them
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in self.list_commands(ctx)])

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
