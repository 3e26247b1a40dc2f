"""Where the feature blueprints are registered (one module per feature)."""

from __future__ import annotations

from flask import Flask

from web import api, auth, console, curation, entities, filters, match, partners, search, sources
from web.explore import bp as explore_bp
from web.reconcile import bp as reconcile_bp
from web.reports import bp as reports_bp


def register_blueprints(app: Flask) -> None:
    filters.init_app(app)
    for module in (search, entities, partners, match, console, curation, sources, auth, api):
        app.register_blueprint(module.bp)
    app.register_blueprint(reconcile_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(explore_bp)
