"""The Cypher console: saved queries with their parameters as form fields, or free
Cypher, run read-only with a time limit and a row cap.

Three locks (STYLE 5), all in ``store.read``: the statement is checked
(:mod:`graph.query_guard`: length, nesting, write clauses, file access and unlisted
procedures refused), run on the database's read-only channel, with a timeout, a
memory cap and a row cap fetched as cap + 1 so the page can say "truncated". It runs
on the console's own connections, in one of the console slots
(:mod:`graph.console_slots`), so analysts cannot starve the app's own reads.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, render_template, request

from graph.console_slots import console_slot
from graph.cypher import SavedQuery, saved_queries, saved_query
from grappe.errors import GrappeError, QueryError
from web.auth import require_role
from web.data import plain
from web.errors import BadParameter, error_position
from web.partners import csv_response
from web.services import get_console_store, get_settings, get_store

bp = Blueprint("console", __name__)


def convert(param_type: str, raw: Any, name: str) -> Any:
    if raw is None:
        return None
    t = (param_type or "string").lower()
    try:
        if t in {"int", "integer"}:
            return int(raw)
        if t in {"float", "number"}:
            return float(raw)
        if t in {"bool", "boolean"}:
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if t in {"list", "strings", "list[string]"}:
            if isinstance(raw, list):
                return [str(x) for x in raw]
            return [p.strip() for p in str(raw).split(",") if p.strip()]
    except (TypeError, ValueError):
        raise BadParameter(f"parameter {name} must be {t}, not {raw!r}") from None
    return raw if isinstance(raw, str) else str(raw) if not isinstance(raw, (list, dict)) else raw


def saved_params(sq: SavedQuery, given: dict[str, Any]) -> dict[str, Any]:
    params = {}
    for p in sq.params:
        raw = given.get(p.name)
        if raw in (None, ""):
            if p.default is None:
                raise BadParameter(f"parameter {p.name} is required by the saved query {sq.name}",
                                   p.description)
            raw = p.default
        params[p.name] = convert(p.type, raw, p.name)
    return params


def run_query(cypher: str | None = None, name: str | None = None,
              params: dict[str, Any] | None = None) -> dict[str, Any]:
    """Run free Cypher or a saved query; the result as a JSON-ready dict."""
    store, settings = get_console_store(), get_settings()
    params = dict(params or {})
    if name:
        sq = saved_query(name)
        cypher = sq.text(store.backend)
        params = saved_params(sq, params)
    cypher = (cypher or "").strip()
    if not cypher:
        raise BadParameter("the query is empty", "Write a Cypher query or pick a saved one.")
    if not isinstance(params, dict):
        raise BadParameter("params must be a JSON object")
    with console_slot(settings.data_dir, settings.console_slots, settings.query_timeout_ms / 1000):
        result = store.read(cypher, params, timeout_ms=settings.query_timeout_ms, max_rows=settings.max_rows)
    return {"ok": True, "name": name, "columns": list(result.columns), "rows": plain(result.rows),
            "truncated": bool(result.truncated), "row_count": len(result.rows),
            "elapsed_ms": round(float(getattr(result, "elapsed_ms", 0.0) or 0.0), 1),
            "max_rows": settings.max_rows, "timeout_ms": settings.query_timeout_ms}


@bp.route("/console", methods=["GET", "POST"])
@require_role("analyst")
def console():
    queries = saved_queries()
    name = request.values.get("saved") or None
    selected = saved_query(name) if name else None
    cypher = request.form.get("cypher", "") if request.method == "POST" else ""
    if selected and not cypher:
        cypher = selected.text(get_store().backend)
    result = error = position = None
    values = {p.name: request.form.get(f"param_{p.name}", p.default or "") for p in (selected.params if selected else ())}
    if request.method == "POST":
        try:
            if selected and request.form.get("mode") == "saved":
                result = run_query(name=selected.name, params=values)
            else:
                result = run_query(cypher=cypher, params=_json_params(request.form.get("params")))
        except (QueryError, BadParameter) as exc:
            error = str(exc)
            position = error_position(getattr(exc, "detail", "") or str(exc))
        except GrappeError:
            raise
        fmt = request.form.get("format")
        if result and fmt == "csv":
            rows = [{c: _flat(r.get(c)) for c in result["columns"]} for r in result["rows"]]
            return csv_response(rows, result["columns"], f"{selected.name if selected else 'query'}.csv")
        if result and fmt == "json":
            return Response(json.dumps(result, ensure_ascii=False, indent=2), mimetype="application/json",
                            headers={"Content-Disposition": 'attachment; filename="query.json"'})
    return render_template("console/console.html", queries=queries, selected=selected, cypher=cypher,
                           values=values, result=result, error=error, position=position,
                           error_line=_error_line(cypher, position),
                           params_text=request.form.get("params", ""))


def _json_params(text: str | None) -> dict[str, Any]:
    if not text or not text.strip():
        return {}
    try:
        value = json.loads(text)
    except RecursionError:
        raise BadParameter("parameters nest too deep") from None
    except ValueError as exc:
        raise BadParameter(f"parameters are not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise BadParameter("parameters must be a JSON object, e.g. {\"id\": \"...\"}")
    return value


def _flat(value: Any) -> Any:
    if isinstance(value, dict):
        props = value.get("properties") if isinstance(value.get("properties"), dict) else value
        return props.get("name") or props.get("id") or json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _error_line(cypher: str, position: dict[str, int] | None) -> dict[str, Any] | None:
    """The line of the query an error points at, with a caret under the column."""
    if not position or not cypher:
        return None
    lines = cypher.splitlines() or [""]
    if "line" in position:
        line_no, col = position["line"], position["column"]
    else:
        offset = min(position["offset"], len(cypher))
        before = cypher[:offset]
        line_no = before.count("\n") + 1
        col = offset - (before.rfind("\n") + 1) + 1
    if not 1 <= line_no <= len(lines):
        return None
    return {"line": line_no, "column": col, "text": lines[line_no - 1], "caret": " " * max(col - 1, 0) + "^"}
