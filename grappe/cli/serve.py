"""``grappe serve`` and ``grappe user``: thin commands over the web app and the user file."""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import sys
import threading
from pathlib import Path

import click
from waitress import create_server

from grappe.cli.base import pass_settings
from grappe.settings import Settings
from web import create_app
from web.balance import balance, retire, shared_loads
from web.services import Services
from web.users import ROLES, UserStore

LOOPBACK_NAMES = {"localhost"}
#: Seconds a busy thread may hold the GIL before a waiting one gets it (Python's default: 0.005).
#: A page is a few database round trips; after each, its thread waits for the GIL while the
#: others render, up to this long, so under load a page paid ~5 ms per round trip.
SWITCH_INTERVAL = float(os.environ.get("GRAPPE_SWITCH_INTERVAL", "0.001"))


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 exposes the app to the network.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0: any free port, printed at start).")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Threads per process.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 32),
              help="Processes sharing the socket (Linux/macOS: forked after binding), to use several cores.")
@click.option("--secure-cookies/--no-secure-cookies", default=None,
              help="Mark the session cookie Secure (HTTPS only). Default: on unless the host is loopback.")
@pass_settings
def serve(settings: Settings, host: str, port: int, threads: int, workers: int,
          secure_cookies: bool | None) -> None:
    """Serve the web app with waitress (127.0.0.1:5000 by default)."""
    sys.setswitchinterval(SWITCH_INTERVAL)  # inherited by forked workers
    secure = (not is_loopback(host)) if secure_cookies is None else secure_cookies
    config = {"SESSION_COOKIE_SECURE": secure}
    if not is_loopback(host):
        click.echo("Warning: listening beyond this machine; put HTTPS in front "
                   "(session cookies are marked Secure).", err=True)
    if workers > 1:
        _serve_forked(settings, host, port, threads, workers, config)
        return
    app = create_app(settings, config=config)
    services = app.extensions["grappe"]
    services.store  # noqa: B018 - open (and start) the store now, so a bad URL fails at once
    threading.Thread(target=services.warm_up, name="grappe-warm-up", daemon=True).start()
    server = create_server(app, host=host, port=port, threads=threads, ident="grappe")
    click.echo(f"Grappe on http://{host}:{server.effective_port}/ (Ctrl+C to stop)")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        services.close()


def _serve_forked(settings: Settings, host: str, port: int, threads: int, workers: int, config: dict) -> None:
    """Bind once, fork ``workers`` processes that each serve the socket with waitress.

    Each child opens its own store connection and analytics (nothing is opened
    before the fork but a check that the store answers)."""
    if not hasattr(os, "fork"):
        raise click.ClickException("--workers needs a system with fork (Linux, macOS); use --threads")
    probe = Services(settings)
    probe.store  # noqa: B018 - start the embedded store and fail fast on a bad URL
    probe.close()
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(1024)
    click.echo(f"Grappe on http://{host}:{sock.getsockname()[1]}/ ({workers} workers; Ctrl+C to stop)")
    sys.stdout.flush()
    children: list[int] = []
    loads = shared_loads(workers)
    for slot in range(workers):
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                app = create_app(settings, config=config)
                services = app.extensions["grappe"]
                threading.Thread(target=services.warm_up, name="grappe-warm-up", daemon=True).start()
                server = create_server(app, sockets=[sock], threads=threads, ident="grappe")
                balance(server, loads, slot)
                server.run()
            except BaseException:  # a worker must never return into the parent's code
                code = 1
            finally:
                os._exit(code)
        children.append(pid)
    sock.close()

    def stop(signum: int, frame: object) -> None:
        for child in children:
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        waiting = set(children)
        while waiting:
            pid, _ = os.wait()
            if pid in waiting:
                waiting.discard(pid)
                retire(loads, children.index(pid))  # the others must not wait for its share
                click.echo(f"worker {pid} stopped; {len(waiting)} still serving", err=True)
    except KeyboardInterrupt:
        stop(signal.SIGINT, None)


def _users(settings: Settings) -> UserStore:
    return UserStore(Path(settings.data_dir) / "users.json")


@click.group()
def user() -> None:
    """Manage web accounts (roles: viewer < analyst < curator < admin)."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="viewer", show_default=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Prompted when not given (safer: it stays out of the shell history).")
@click.option("--replace", is_flag=True, help="Replace an existing account (new role and password).")
@pass_settings
def user_add(settings: Settings, name: str, role: str, password: str, replace: bool) -> None:
    """Create an account NAME with ROLE."""
    account = _users(settings).add(name, role, password, replace=replace)
    click.echo(f"user {account.name} ({account.role}) saved in {_users(settings).path}")


@user.command("list")
@pass_settings
def user_list(settings: Settings) -> None:
    """List accounts and roles."""
    users = _users(settings).list()
    if not users:
        click.echo("no account yet: `grappe user add NAME --role analyst`")
    for account in users:
        click.echo(f"{account.name}\t{account.role}")


@user.command("remove")
@click.argument("name")
@pass_settings
def user_remove(settings: Settings, name: str) -> None:
    """Delete the account NAME."""
    _users(settings).remove(name)
    click.echo(f"user {name} removed")
