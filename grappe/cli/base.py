"""What every command module shares: the settings decorator and the one error translation.

Exit codes (the README's table is checked against :data:`EXIT_CODES`):

* 0: done;
* 1: some inputs failed (documents that could not be read; the others went through);
* 2: usage or configuration error (bad option or setting, a name that matches nothing or
  several entities);
* 3: the graph store cannot be reached;
* 4: a query was refused or failed in the database.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from grappe.errors import (
    Ambiguous,
    ConfigError,
    GrappeError,
    IngestError,
    NotFound,
    QueryError,
    StoreUnavailable,
)
from grappe.settings import Settings

OK = 0
INPUTS_FAILED = 1
USAGE = 2
STORE_UNAVAILABLE = 3
QUERY_FAILED = 4

#: Most specific first: the first class an error is an instance of gives its exit code.
EXIT_CODES: tuple[tuple[type[GrappeError], int], ...] = (
    (IngestError, INPUTS_FAILED),
    (ConfigError, USAGE),
    (Ambiguous, USAGE),
    (NotFound, USAGE),
    (StoreUnavailable, STORE_UNAVAILABLE),
    (QueryError, QUERY_FAILED),
    (GrappeError, INPUTS_FAILED),
)

pass_settings = click.make_pass_decorator(Settings)


def exit_code(exc: GrappeError) -> int:
    return next(code for cls, code in EXIT_CODES if isinstance(exc, cls))


def fail(exc: GrappeError) -> NoReturn:
    """Print ``exc`` as one clear message on stderr and exit with its code."""
    click.echo(f"Error: {exc}", err=True)
    if isinstance(exc, Ambiguous):
        for c in exc.candidates:
            sub = f", {c['subtype']}" if c.get("subtype") else ""
            click.echo(f"  {c.get('id')}  {c.get('name')} ({c.get('type')}{sub})", err=True)
    sys.exit(exit_code(exc))
