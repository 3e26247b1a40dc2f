"""The W3C Reconciliation Service API 0.2 at ``/reconcile`` (OpenRefine and others).

* ``GET /reconcile``: the service manifest;
* ``GET|POST /reconcile?queries=<JSON>`` (a form field, a query parameter or a JSON body
  ``{"queries": {...}}``): a batch of queries, each ``{query, type, limit, properties}``,
  answered with scored candidates (:mod:`web.reconcile_match`);
* ``GET|POST /reconcile?extend=<JSON>``: data extension (aliases, type, subtype, external
  ids, partners, projects, first and last document dates);
* ``/reconcile/preview/<id>``, ``/reconcile/suggest/{entity,type,property}``,
  ``/reconcile/propose_properties``.

Every response carries CORS headers (the protocol requires them). The POST is a read,
so it needs no CSRF token; reads follow the same rule as search (``require_read``).
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from flask import Blueprint, jsonify, render_template, request, url_for

from graph.search import search
from grappe.model import EntityType
from web.auth import require_read
from web.data import check_int, check_text, entity_core, plain
from web.errors import BadParameter
from web.reconcile_match import BROADER, MATCH_PROPERTIES, candidates, expand_types
from web.services import cached, get_analytics, get_store

bp = Blueprint("reconcile", __name__, url_prefix="/reconcile")

TYPES = [t.value for t in EntityType]
MAX_QUERIES, DEFAULT_LIMIT, MAX_LIMIT = 100, 5, 50
#: Data extension properties: id → label.
EXTEND_PROPERTIES = {
    "aliases": "Aliases",
    "type": "Type",
    "subtype": "Subtype",
    "external_ids": "External identifiers",
    "partners_count": "Number of partners",
    "partners": "Partners",
    "projects": "Projects",
    "first_date": "First document date",
    "last_date": "Last document date",
}
MAX_EXTEND_IDS, MAX_LISTED = 200, 50


@bp.after_app_request
def cors(response):  # Flask response
    if request.path == "/reconcile" or request.path.startswith("/reconcile/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    return response


def _type(t: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": t, "name": t}
    if t in BROADER:
        out["broader"] = [{"id": BROADER[t], "name": BROADER[t]}]
    return out


def manifest() -> dict[str, Any]:
    base = url_for("reconcile.service", _external=True).rstrip("/")
    root = base.rsplit("/reconcile", 1)[0]
    service_def = {"service_url": base}
    return {
        "versions": ["0.2"],
        "name": "Grappe",
        "identifierSpace": root + "/entity/",
        "schemaSpace": root + "/reconcile/schema",
        "documentation": root + "/api/openapi.json",
        "view": {"url": root + "/entity/{{id}}"},
        "preview": {"url": base + "/preview/{{id}}", "width": 420, "height": 180},
        "defaultTypes": [_type(t) for t in TYPES],
        "suggest": {"entity": {**service_def, "service_path": "/suggest/entity"},
                    "type": {**service_def, "service_path": "/suggest/type"},
                    "property": {**service_def, "service_path": "/suggest/property"}},
        "extend": {"propose_properties": {**service_def, "service_path": "/propose_properties"},
                   "property_settings": []},
    }


# --------------------------------------------------------------------------- input


def _param(name: str) -> Any:
    """A JSON parameter: a form field, a query parameter, or a key of a JSON body."""
    raw = request.values.get(name)
    if raw is None:
        body = request.get_json(silent=True) if request.is_json else None
        if isinstance(body, dict) and name in body:
            return body[name]
        return None
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise BadParameter(f"{name} is not valid JSON: {exc}",
                           f"Send {name}= as a JSON object (the Reconciliation API 0.2 format).") from None


def _types(value: Any, key: str) -> list[str] | None:
    if value in (None, "", []):
        return None
    items = value if isinstance(value, list) else [value]
    out = []
    for t in items:
        t = t.get("id") if isinstance(t, dict) else t
        match = next((x for x in TYPES if isinstance(t, str) and x.lower() == t.lower()), None)
        if match is None:
            raise BadParameter(f"query {key!r}: unknown type {t!r}", f"Use one of: {', '.join(TYPES)}.")
        out.append(match)
    return out


def _properties(value: Any, key: str) -> list[tuple[str, list[str]]]:
    if value in (None, []):
        return []
    if not isinstance(value, list):
        raise BadParameter(f"query {key!r}: properties must be a list of {{pid, v}} objects")
    out = []
    for p in value:
        if not isinstance(p, dict) or "pid" not in p or "v" not in p:
            raise BadParameter(f"query {key!r}: each property needs \"pid\" and \"v\"")
        values = p["v"] if isinstance(p["v"], list) else [p["v"]]
        texts = [str(v.get("name") or v.get("id") or "") if isinstance(v, dict) else str(v) for v in values]
        out.append((str(p["pid"]), [check_text(t, "property value") for t in texts if str(t).strip()]))
    return out


def parse_queries(batch: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(batch, dict):
        raise BadParameter("queries must be a JSON object of {key: query}",
                           'For example {"q0": {"query": "Université de Nordville", "type": "University"}}.')
    if len(batch) > MAX_QUERIES:
        raise BadParameter(f"too many queries in one batch ({len(batch)}; at most {MAX_QUERIES})")
    out = {}
    for key, q in batch.items():
        if not isinstance(q, dict):
            raise BadParameter(f"query {key!r} must be an object with \"query\"")
        unknown = set(q) - {"query", "type", "limit", "properties", "type_strict"}
        if unknown:
            raise BadParameter(f"query {key!r}: unknown field(s) {', '.join(sorted(unknown))}")
        text = q.get("query")
        if text is not None and not isinstance(text, str):
            raise BadParameter(f"query {key!r}: \"query\" must be a string")
        props = _properties(q.get("properties"), key)
        if not (text or "").strip() and not props:
            raise BadParameter(f"query {key!r} has neither a query string nor properties")
        out[key] = {"query": check_text(text, "query"), "types": _types(q.get("type"), key),
                    "limit": check_int(q.get("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                    "properties": props}
    return out


# --------------------------------------------------------------------------- answers


def _attributes(ids: list[str]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in get_store().run("web/reconcile_entities", ids=ids).rows}


def reconcile_batch(batch: Any) -> dict[str, Any]:
    store = get_store()
    out = {}
    for key, q in parse_queries(batch).items():
        out[key] = {"result": cached(_query_key(q), partial(_answer, store, q))}
    return out


def _query_key(q: dict[str, Any]) -> tuple:
    """What one query's answer depends on (besides the graph), as a cache key."""
    props = tuple((pid, tuple(values)) for pid, values in q["properties"])
    return "reconcile", q["query"], tuple(q["types"] or ()), q["limit"], props


def _answer(store: Any, q: dict[str, Any]) -> list[dict[str, Any]]:
    # a misspelt name costs the database's typo search (5-15 ms); spreadsheets send the
    # same names again and again, so slow answers are kept until the graph changes
    found = candidates(store, q["query"], types=q["types"], limit=q["limit"],
                       properties=q["properties"], attributes_of=_attributes)
    return [c.to_result() for c in found]


def _date(value: str) -> dict[str, str]:
    value = str(value)
    if len(value) == 4:
        value += "-01-01"
    elif len(value) == 7:
        value += "-01"
    return {"date": value[:10] + "T00:00:00Z"} if len(value) >= 10 else {"str": value}


#: External ids, as "scheme:value" strings (the properties a reference list sets on an entity).
EXTERNAL_IDS = ("wikidata", "ror", "website", "authority_id")


def _external_ids(entity: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"str": f"{k}:{entity[k]}"} for k in EXTERNAL_IDS if entity.get(k)]


def extend(query: Any) -> dict[str, Any]:
    if not isinstance(query, dict) or not isinstance(query.get("ids"), list) \
            or not isinstance(query.get("properties"), list):
        raise BadParameter("extend must be {\"ids\": [...], \"properties\": [{\"id\": ...}]}")
    ids = [str(i) for i in query["ids"]][:MAX_EXTEND_IDS]
    pids = [str(p.get("id")) if isinstance(p, dict) else str(p) for p in query["properties"]]
    unknown = [p for p in pids if p not in EXTEND_PROPERTIES]
    if unknown:
        raise BadParameter(f"unknown extension properties: {', '.join(unknown)}",
                           f"Use: {', '.join(EXTEND_PROPERTIES)}.")
    store = get_store()
    facts = _attributes(ids)
    dates = ({r["id"]: r for r in store.run("web/reconcile_dates", ids=ids).rows}
             if {"first_date", "last_date"} & set(pids) else {})
    rows: dict[str, dict[str, list]] = {}
    for eid in ids:
        e = facts.get(eid)
        row: dict[str, list] = {p: [] for p in pids}
        rows[eid] = row
        if e is None:
            continue
        for pid in pids:
            if pid == "aliases":
                row[pid] = [{"str": a} for a in e.get("aliases") or [] if a]
            elif pid in ("type", "subtype"):
                row[pid] = [{"str": e[pid]}] if e.get(pid) else []
            elif pid == "external_ids":
                row[pid] = _external_ids(e)
            elif pid in ("partners", "partners_count"):
                partners, total = _partners(eid, e["type"])
                row[pid] = ([{"int": total}] if pid == "partners_count"
                            else [{"id": p["id"], "name": p["name"]} for p in partners])
            elif pid == "projects":
                row[pid] = [{"id": p["id"], "name": p["name"] or p["id"]}
                            for p in store.run("web/entity_projects", id=eid, limit=MAX_LISTED).rows]
            elif pid in ("first_date", "last_date"):
                d = (dates.get(eid) or {}).get("first" if pid == "first_date" else "last")
                row[pid] = [_date(d)] if d else []
    meta = []
    for pid in pids:
        m: dict[str, Any] = {"id": pid, "name": EXTEND_PROPERTIES[pid]}
        if pid == "projects":
            m["type"] = {"id": "Project", "name": "Project"}
        meta.append(m)
    return {"meta": meta, "rows": rows}


def _partners(entity_id: str, type_: str) -> tuple[list[dict[str, Any]], int]:
    if type_ == EntityType.PROJECT.value:
        return [], 0
    everyone, total = get_analytics().partners_page(entity_id, MAX_LISTED)
    return [{"id": p["partner"]["id"], "name": p["partner"].get("name") or p["partner"]["id"]}
            for p in plain(everyone)], total


# --------------------------------------------------------------------------- routes


@bp.route("", methods=["GET", "POST"], strict_slashes=False)
@require_read
def service():
    queries = _param("queries")
    if queries is not None:
        return jsonify(reconcile_batch(queries))
    ext = _param("extend")
    if ext is not None:
        return jsonify(extend(ext))
    return jsonify(manifest())


@bp.get("/schema")
@require_read
def schema():
    return jsonify({"types": [_type(t) for t in TYPES],
                    "properties": [{"id": k, "name": v} for k, v in MATCH_PROPERTIES.items()],
                    "extend": [{"id": k, "name": v} for k, v in EXTEND_PROPERTIES.items()]})


@bp.get("/preview/<path:entity_id>")
@require_read
def preview(entity_id: str):
    entity = entity_core(get_store(), entity_id)
    partners, total = _partners(entity_id, entity["type"])
    html = render_template("reconcile/preview.html", entity=entity, partners=partners[:5], total=total)
    # shown inside the client's iframe: only this page may be framed by another site
    return html, 200, {"Content-Security-Policy": "default-src 'none'; style-src 'self'; frame-ancestors *"}


@bp.get("/suggest/entity")
@require_read
def suggest_entity():
    prefix = check_text(request.args.get("prefix"), "prefix")
    types = _types(request.args.get("type") or None, "suggest")
    cursor = check_int(request.args.get("cursor"), "cursor", 0, 0, 1000)
    hits = search(get_store(), prefix, limit=cursor + 10, types=expand_types(types) if types else None)
    return jsonify({"result": [
        {"id": h.id, "name": h.name, "notable": [{"id": h.type, "name": h.type}],
         **({"description": h.subtype} if h.subtype else {})} for h in hits[cursor:]]})


@bp.get("/suggest/type")
@require_read
def suggest_type():
    prefix = check_text(request.args.get("prefix"), "prefix").lower()
    return jsonify({"result": [_type(t) for t in TYPES if t.lower().startswith(prefix)]})


@bp.get("/suggest/property")
@require_read
def suggest_property():
    prefix = check_text(request.args.get("prefix"), "prefix").lower()
    every = {**MATCH_PROPERTIES, **EXTEND_PROPERTIES}
    return jsonify({"result": [{"id": k, "name": v} for k, v in every.items()
                               if k.startswith(prefix) or v.lower().startswith(prefix)]})


@bp.get("/propose_properties")
@require_read
def propose_properties():
    types = _types(request.args.get("type") or None, "propose_properties")
    limit = check_int(request.args.get("limit"), "limit", len(EXTEND_PROPERTIES), 1, 100)
    props = [{"id": k, "name": v} for k, v in EXTEND_PROPERTIES.items()
             if not (types == [EntityType.PROJECT.value] and k in ("partners", "partners_count", "projects"))]
    return jsonify({"type": types[0] if types else None, "properties": props[:limit], "limit": limit})
