"""Who partners with whom: partners of X, paths between X and Y, all partnerships."""

from __future__ import annotations

import csv
import io
import json

from flask import Blueprint, Response, render_template, request

from graph.store.base import GraphStore
from grappe.errors import Ambiguous, NotFound
from grappe.model import ORG_SUBTYPES
from web.auth import require_read
from web.data import (
    PARTNERSHIP_COLUMNS,
    TYPES,
    check_int,
    partners_data,
    partnership_filters,
    partnerships_data,
    path_data,
    pick_entity,
    projects_list,
)
from web.services import get_analytics, get_store

bp = Blueprint("partners", __name__)


def choose(store: GraphStore, field: str, label: str):
    """(entity or None, problem dict or None) for a form field."""
    try:
        return pick_entity(store, request.args.get(field), label), None
    except Ambiguous as exc:
        return None, {"field": field, "message": str(exc), "candidates": exc.candidates}
    except NotFound as exc:
        return None, {"field": field, "message": str(exc), "candidates": []}


@bp.route("/partners")
@require_read
def partners():
    store = get_store()
    entity, problem = choose(store, "entity", "entity")
    data = partners_data(store, get_analytics, entity["id"], limit=200) if entity else None
    return render_template("partners/partners.html", data=data, problem=problem,
                           value=entity["name"] if entity else request.args.get("entity", ""))


@bp.route("/paths")
@require_read
def paths():
    store = get_store()
    a, problem_a = choose(store, "from", "from")
    b, problem_b = choose(store, "to", "to")
    hops = check_int(request.args.get("hops"), "hops", 3, 1, 3)
    data = path_data(store, get_analytics, a["id"], b["id"], hops) if a and b else None
    return render_template("partners/paths.html", data=data, problems=[p for p in (problem_a, problem_b) if p],
                           value_from=a["name"] if a else request.args.get("from", ""),
                           value_to=b["name"] if b else request.args.get("to", ""),
                           hops=hops)


@bp.route("/partnerships")
@require_read
def partnerships():
    store = get_store()
    filters = partnership_filters(request.args)
    if request.args.get("format") == "csv":
        data = partnerships_data(store, filters, 0, 100_000)
        return csv_response(data["rows"], PARTNERSHIP_COLUMNS, "partnerships.csv")
    offset = check_int(request.args.get("offset"), "offset", 0, 0, 10_000_000)
    data = partnerships_data(store, filters, offset, 100)
    return render_template("partners/partnerships.html", data=data, types=TYPES, subtypes=ORG_SUBTYPES,
                           projects=projects_list(store), args=request.args)


def _csv_safe(value: object) -> object:
    """Values as text a spreadsheet will not run as a formula."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_response(rows: list[dict], columns, filename: str) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_safe(row.get(c)) for c in columns])
    return Response(buf.getvalue(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
