"""The ``grappe`` command: a thin click group over library functions.

Each feature keeps its commands in its own module (listed in ``COMMANDS``) and the
group imports them only when called, so ``grappe --help`` stays fast and a
feature's heavy imports (spaCy, scipy) are paid only by the commands that use them.
Errors are translated here, once: a :class:`GrappeError` becomes one clear line.
"""

from __future__ import annotations

import importlib
import sys

import click

from graph.errors import GrappeError
from graph.settings import SETTINGS, Settings

#: command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "db": "graph.store.commands:db",
    "extract": "nlp.commands:extract",
    "eval": "nlp.commands:eval_cmd",
    "train": "nlp.commands:train_cmd",
    "ingest": "ingest.commands:ingest",
    "load": "ingest.commands:load",
    "import": "ingest.import_command:import_table",
    "resolve": "graph.resolve.commands:resolve",
    "resolve-fit": "graph.resolve.commands:resolve_fit",
    "authority": "graph.resolve.authority_commands:authority",
    "entity": "graph.resolve.commands:entity",
    "match": "graph.analytics.commands:match",
    "partners": "graph.analytics.commands:partners",
    "path": "graph.analytics.commands:path",
    "stats": "graph.analytics.commands:stats",
    "query": "graph.query_commands:query",
    "export": "graph.query_commands:export",
    "serve": "web.commands:serve",
    "user": "web.commands:user",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:  # a feature missing from this install
            reason = str(exc)

            def unavailable() -> None:
                raise click.ClickException(f"command {name!r} is not available: {reason}")

            return click.Command(name, callback=unavailable, help=f"(unavailable: {reason})")

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - click's signature
        try:
            return super().invoke(ctx)
        except GrappeError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)


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
    try:
        ctx.obj = Settings.load({"data_dir": data_dir, "graph_url": graph_url})
    except GrappeError as exc:
        raise click.ClickException(str(exc)) from None


pass_settings = click.make_pass_decorator(Settings)

if __name__ == "__main__":  # pragma: no cover
    main()
