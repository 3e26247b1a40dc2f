"""Sign-in, roles and access checks.

Anonymous visitors may search and read when the ``anonymous_search`` setting is on;
the console needs an analyst, curation a curator. Pages send anonymous visitors to
the sign-in form; the API answers 401 (not signed in) or 403 (role too low).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from web.errors import JSON_PATHS
from web.services import get_settings
from web.throttle import PAUSE_SECONDS, Throttle
from web.users import ROLES, User, UserStore

bp = Blueprint("auth", __name__)

def user_store(app: Flask | None = None) -> UserStore:
    app = app or current_app
    return app.extensions["grappe_users"]


def load_user() -> None:
    name = session.get("user")
    g.user = user_store().get(name) if name else None
    if name and (g.user is None or session.get("version") != user_store().session_version(name)):
        # account removed, or its sessions revoked (sign-out, new password) since sign-in
        g.user = None
        session.pop("user", None)
        session.pop("version", None)


def current_user() -> User | None:
    return g.get("user")


def check_role(role: str) -> None:
    user = current_user()
    if user is None:
        if request.path.startswith(JSON_PATHS) or request.method != "GET":
            abort(401, description=f"Sign in first: this needs the {role} role.")
        abort(redirect(url_for("auth.login", next=request.full_path.rstrip("?"))))
    if not user.can(role):
        abort(403, description=f"Your role ({user.role}) cannot do this: it needs {role} or above.")


def check_read() -> None:
    if not get_settings().anonymous_search:
        check_role("viewer")


def require_role(role: str) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            check_role(role)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def require_read(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        check_read()
        return view(*args, **kwargs)

    return wrapped


def _safe_next(target: str | None) -> str:
    if not target:
        return url_for("search.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("search.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    status = 200
    if request.method == "POST":
        name = request.form.get("username", "")[:64]
        address = request.remote_addr or ""
        throttle: Throttle = current_app.extensions["grappe_throttle"]
        if throttle.blocked(address, name):
            return render_template("auth/login.html", next=request.values.get("next", ""),
                                   error=f"Too many failed attempts: wait {PAUSE_SECONDS:.0f} seconds."), 429
        user = user_store().verify(name, request.form.get("password", ""))
        if user:
            throttle.reset(address, name)
            csrf = session.get("csrf")
            session.clear()
            session["user"] = user.name
            session["version"] = user_store().session_version(user.name)
            if csrf:
                session["csrf"] = csrf
            session.permanent = True
            flash(f"Signed in as {user.name} ({user.role}).")
            return redirect(_safe_next(request.form.get("next")))
        throttle.fail(address, name)
        error = "Unknown user name or wrong password."
        status = 401
    return render_template("auth/login.html", error=error, next=request.values.get("next", "")), status


@bp.route("/logout", methods=["POST"])
def logout():
    name = session.pop("user", None)
    session.pop("version", None)
    if name and current_user() is not None:
        # a copy of the cookie must not outlive the sign-out: every session of this
        # account ends (the signed cookie carries the version it was issued under)
        user_store().revoke_sessions(name)
    flash("Signed out.")
    return redirect(url_for("search.index"))


def init_app(app: Flask) -> None:
    settings = app.extensions["grappe"].settings
    path = app.config.get("USERS_FILE") or Path(settings.data_dir) / "users.json"
    app.extensions["grappe_users"] = UserStore(Path(path))
    app.extensions["grappe_throttle"] = Throttle(Path(settings.data_dir) / "login_failures.sqlite")
    app.before_request(load_user)

    @app.context_processor
    def inject_user() -> dict:
        user = current_user()
        return {
            "current_user": user,
            "can": (lambda role: bool(user and user.can(role))),
            "can_read": bool(user) or app.extensions["grappe"].settings.anonymous_search,
            "ROLES": ROLES,
        }
