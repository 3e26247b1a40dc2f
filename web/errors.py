"""One error handler for the whole app.

Every JSON error has one shape, ``{"ok": false, "error": str, "errors": [str],
"status": int}``; pages get the same message in ``errors/error.html``.
"""

from __future__ import annotations

import logging
import re

from flask import Flask, current_app, g, render_template, request
from werkzeug.exceptions import HTTPException

from grappe.errors import (
    Ambiguous,
    ConfigError,
    GrappeError,
    NotFound,
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    StoreUnavailable,
)
from web.redact import redact_paths

log = logging.getLogger(__name__)


class BadParameter(GrappeError):
    """A request parameter has a value the app cannot use."""


STATUS: tuple[tuple[type[Exception], int], ...] = (
    (NotFound, 404),
    (Ambiguous, 409),
    (ReadOnlyViolation, 403),
    (QueryTimeout, 408),
    (QueryError, 400),
    (BadParameter, 400),
    (StoreUnavailable, 503),
    (ConfigError, 500),
)

_POSITION = re.compile(
    r"line:?\s*(?P<line>\d+),\s*column:?\s*(?P<column>\d+)(?:,?\s*\(?offset:?\s*(?P<offset>\d+))?",
    re.IGNORECASE,
)


def error_position(message: str) -> dict[str, int] | None:
    """Line/column (1-based) and offset of a Cypher error, when the message has them."""
    m = _POSITION.search(message or "")
    if not m:
        m2 = re.search(r"errCtxOffset:?\s*(\d+)|offset:?\s*(\d+)", message or "")
        if not m2:
            return None
        return {"offset": int(m2.group(1) or m2.group(2))}
    pos = {"line": int(m["line"]), "column": int(m["column"])}
    if m["offset"]:
        pos["offset"] = int(m["offset"])
    return pos


def status_of(exc: Exception) -> int:
    if isinstance(exc, HTTPException):
        return exc.code or 500
    for cls, code in STATUS:
        if isinstance(exc, cls):
            return code
    return 500


def message_of(exc: Exception) -> tuple[str, list[str]]:
    if isinstance(exc, HTTPException):
        text = exc.description or exc.name
        return text, [text]
    if isinstance(exc, GrappeError):
        errors = [exc.message] + ([exc.hint] if exc.hint else [])
        return str(exc), errors
    return "Internal error: the server could not complete the request.", ["internal error"]


def error_body(message: str, status: int, errors: list[str] | None = None) -> dict:
    return {"ok": False, "error": message, "errors": errors or [message], "status": status}


#: Paths answered in JSON only (the API, the reconciliation service).
JSON_PATHS = ("/api/", "/reconcile")


def wants_json() -> bool:
    if request.path.startswith(JSON_PATHS):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def handle_error(exc: Exception):  # Flask response
    status = status_of(exc)
    if isinstance(exc, StoreUnavailable):
        exc = _revive(exc)
    if status >= 500 and not isinstance(exc, (GrappeError, HTTPException)):
        log.exception("unhandled error on %s %s", request.method, request.path)
    message, errors = message_of(exc)
    if g.get("user") is None:  # anonymous visitors never see the server's paths
        message, errors = redact_paths(message), [redact_paths(e) for e in errors]
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Session realm="grappe"'
    if wants_json():
        return error_body(message, status, errors), status, headers
    return render_template("errors/error.html", status=status, message=message, errors=errors), status, headers


def _revive(exc: StoreUnavailable) -> StoreUnavailable:
    """The store is unreachable: if it is the embedded FalkorDB and it died, start it
    again, so that the next request is served."""
    services = current_app.extensions.get("grappe")
    try:
        restarted = services is not None and services.ensure_database()
    except GrappeError as err:
        log.warning("the embedded FalkorDB could not be started again: %s", err)
        return exc
    if restarted:
        return StoreUnavailable(f"{exc.message} The database had stopped and was started again.",
                                "Retry the request.")
    return exc


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_error)
    app.register_error_handler(GrappeError, handle_error)
    app.register_error_handler(Exception, handle_error)
