"""The JSON API: each page's twin, built from the same functions in :mod:`web.data`.

Errors come from the one handler in :mod:`web.errors`; the OpenAPI document at
``/api/openapi.json`` describes every response (tests validate real responses
against it).
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from graph.cypher import saved_queries
from web import curation
from web.auth import current_user, require_read, require_role
from web.console import run_query
from web.data import (
    check_int,
    check_text,
    document_data,
    ego_network,
    entity_data,
    match_data,
    partners_data,
    partnership_filters,
    partnerships_data,
    path_data,
    pick_entity,
    search_data,
    sources_data,
)
from web.errors import BadParameter
from web.openapi import openapi_document
from web.services import cached_json, get_analytics, get_settings, get_store

bp = Blueprint("api", __name__, url_prefix="/api")


def _json_body() -> dict:
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        raise BadParameter("the request body nests too deep", "Send flatter JSON.") from None
    if not isinstance(body, dict):
        raise BadParameter("the request body must be a JSON object",
                           "Send Content-Type: application/json.")
    return body


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


@bp.get("/me")
def me():
    user = current_user()
    return jsonify({"ok": True, "user": {"name": user.name, "role": user.role} if user else None,
                    "anonymous_search": get_settings().anonymous_search})


@bp.get("/search")
@require_read
def search():
    limit = check_int(request.args.get("limit"), "limit", 10, 1, 50)
    store, args = get_store(), (request.args.get("q"), request.args.get("type"), request.args.get("subtype"))
    # typos go to the database's fuzzy index (5-15 ms): such slow answers are kept per graph
    return cached_json(("search", *args, limit), lambda: search_data(store, *args, limit))


@bp.get("/entities/<path:entity_id>/partners")
@require_read
def entity_partners(entity_id: str):
    limit = check_int(request.args.get("limit"), "limit", 100, 1, 10_000)
    return jsonify(partners_data(get_store(), get_analytics, entity_id, limit))


@bp.get("/entities/<path:entity_id>/network")
@require_read
def entity_network(entity_id: str):
    store = get_store()
    return cached_json(("network", entity_id), lambda: ego_network(store, entity_id))


@bp.get("/entities/<path:entity_id>")
@require_read
def entity(entity_id: str):
    store = get_store()
    return cached_json(("entity", entity_id), lambda: entity_data(store, get_analytics, entity_id))


@bp.get("/path")
@require_read
def path():
    store = get_store()
    a = pick_entity(store, request.args.get("from"), "from")
    b = pick_entity(store, request.args.get("to"), "to")
    if a is None or b is None:
        raise BadParameter("give both ends: ?from=<id or name>&to=<id or name>")
    hops = check_int(request.args.get("hops"), "hops", 3, 1, 3)
    return jsonify(path_data(store, get_analytics, a["id"], b["id"], hops))


@bp.get("/match/<path:entity_id>")
@require_read
def match(entity_id: str):
    k = check_int(request.args.get("k"), "k", 10, 1, 50)
    return jsonify(match_data(get_store(), get_analytics, entity_id, k))


@bp.get("/partnerships")
@require_read
def partnerships():
    offset = check_int(request.args.get("offset"), "offset", 0, 0, 10_000_000)
    limit = check_int(request.args.get("limit"), "limit", 100, 1, 1000)
    return jsonify(partnerships_data(get_store(), partnership_filters(request.args), offset, limit))


@bp.get("/sources")
@require_read
def sources():
    offset = check_int(request.args.get("offset"), "offset", 0, 0, 10_000_000)
    return jsonify(sources_data(get_store(), get_settings().data_dir, offset, public=current_user() is None))


@bp.get("/documents/<path:doc_id>")
@require_read
def document(doc_id: str):
    return jsonify(document_data(get_store(), doc_id, public=current_user() is None))


@bp.get("/queries")
@require_role("analyst")
def queries():
    return jsonify({"ok": True, "queries": [
        {"name": q.name, "title": q.title, "description": q.description, "columns": list(q.columns),
         "params": [{"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                    for p in q.params]}
        for q in saved_queries()]})


@bp.post("/query")
@require_role("analyst")
def query():
    body = _json_body()
    name = body.get("name")
    cypher = body.get("cypher")
    if (name is None) == (cypher is None):
        raise BadParameter("give either \"cypher\" or \"name\" (a saved query), not both or neither")
    if not isinstance(name or cypher, str):
        raise BadParameter("\"cypher\" and \"name\" must be strings")
    params = body.get("params") or {}
    if not isinstance(params, dict):
        raise BadParameter("\"params\" must be a JSON object")
    return jsonify(run_query(cypher=cypher, name=name, params=params))


def _curation_reason(body: dict) -> str:
    reason = check_text(body.get("reason") if isinstance(body.get("reason"), str) else "", "reason", 500)
    if not reason:
        raise BadParameter("a reason is required", "Say why, so other curators can follow.")
    return reason


@bp.post("/entities/<path:entity_id>/merge")
@require_role("curator")
def merge(entity_id: str):
    body = _json_body()
    other = str(body.get("other") or "")
    result = curation.do_merge(entity_id, other, _curation_reason(body))
    return jsonify({"ok": True, "action": "merge", "result": result})


@bp.post("/entities/<path:entity_id>/rename")
@require_role("curator")
def rename(entity_id: str):
    body = _json_body()
    name = check_text(body.get("name") if isinstance(body.get("name"), str) else "", "name", 300)
    if not name:
        raise BadParameter("the new name is empty")
    result = curation.do_rename(entity_id, name, _curation_reason(body))
    return jsonify({"ok": True, "action": "rename", "result": result})


@bp.post("/entities/<path:entity_id>/split")
@require_role("curator")
def split(entity_id: str):
    body = _json_body()
    names = body.get("names")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise BadParameter("\"names\" must be a list of strings (aliases or mention texts)")
    result = curation.do_split(entity_id, names, _curation_reason(body))
    return jsonify({"ok": True, "action": "split", "result": result})
