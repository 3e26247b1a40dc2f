"""Grappe's web app: search, entity pages, partnerships, matchmaking, console, curation.

``create_app`` is the only entry point. Each feature is a blueprint in its own
module with templates under ``templates/<blueprint>/``; every page has a JSON twin
under ``/api`` built from the same function in :mod:`web.data`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from graph.store.base import GraphStore
from grappe.settings import Settings
from web import auth, security, services
from web.blueprints import register_blueprints
from web.errors import register_error_handlers


def create_app(settings: Settings | None = None, store: GraphStore | None = None,
               config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app.

    * ``settings``: Grappe settings (default ``Settings.load()`` from the environment);
    * ``store``: an open GraphStore to use (tests); by default one is opened from the
      settings on first use and closed when the app shuts down;
    * ``config``: Flask config overrides, applied last (tests).

    Config layers: defaults, then ``GRAPPE_WEB_*`` environment variables
    (``from_prefixed_env``), then ``config``.
    """
    settings = settings or Settings.load()
    app = Flask(__name__, instance_relative_config=False)
    app.config.from_mapping(
        GRAPPE_SETTINGS=settings,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=False,
        SESSION_COOKIE_NAME="grappe_session",
        PERMANENT_SESSION_LIFETIME=8 * 3600,
        MAX_CONTENT_LENGTH=1 << 20,
        JSON_SORT_KEYS=False,
        CSRF_ENABLED=True,
        USERS_FILE=None,  # default: <data_dir>/users.json
    )
    app.config.from_prefixed_env("GRAPPE_WEB")
    if config:
        app.config.update(config)
    app.secret_key = app.config.get("SECRET_KEY") or security.secret_key(settings)

    services.init_app(app, settings, store)
    auth.init_app(app)
    security.init_app(app)
    register_error_handlers(app)
    register_blueprints(app)
    return app
