"""The interactive explorer's data and the ecosystem map page.

The entity page's explorer (``static/explorer.js``, cytoscape.js) starts from
``/api/entities/<id>/network`` (:func:`web.data.ego_network`, the same function the
server-drawn SVG uses) and asks, on a click on a link, ``/api/links?a=&b=&rel=`` for its
evidence. The map shows the organization graph of the analytics projection (co-participations
and partnerships), whole or one Louvain community, from ``/api/map``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from flask import Blueprint, jsonify, render_template, request

from graph.analytics import metrics
from grappe.model import RelType
from web.auth import require_read
from web.data import check_int, check_text, entity_core, plain
from web.errors import BadParameter
from web.services import get_analytics, get_store

bp = Blueprint("explore", __name__)

RELS = tuple(t.value for t in RelType)
#: The map draws at most this many organizations (the best connected first).
MAP_NODES = 2000
MAX_EVIDENCE = 50


def link_data(store: Any, a: str, b: str, rel: str | None = None) -> dict[str, Any]:
    """The evidence sentences (with their documents) for the links between ``a`` and ``b``."""
    if rel is not None and rel not in RELS:
        raise BadParameter(f"unknown relation type {rel!r}", f"Use one of: {', '.join(RELS)}.")
    first, second = entity_core(store, a), entity_core(store, b)
    rows = store.run("web/link_evidence", a=a, b=b, types=[rel] if rel else None, limit=MAX_EVIDENCE).rows
    return {"ok": True, "a": first, "b": second, "rel": rel, "evidence": plain(rows)}


def map_data(analytics: Any, community: int | None = None, limit: int = MAP_NODES) -> dict[str, Any]:
    """Organizations of the whole graph (or of one community) and their weighted links,
    the ``limit`` best connected when there are more, with the community list."""
    summary = analytics.communities()
    proj = analytics.projection()
    labels = metrics.community_labels(proj)
    if community is not None and not 0 <= community < len(summary):
        raise BadParameter(f"no community {community}", f"Communities are numbered 0 to {len(summary) - 1}.")
    members = np.flatnonzero(labels == community) if community is not None else np.flatnonzero(labels >= 0)
    order = members[np.argsort(-proj.degree[members], kind="stable")]
    chosen = order[:limit]
    sub = proj.W[chosen][:, chosen].tocoo()
    upper = sub.row < sub.col
    nodes = [{**plain(proj.actors[i]), "community": int(labels[i]), "degree": int(proj.degree[i])}
             for i in chosen.tolist()]
    edges = [{"source": nodes[r]["id"], "target": nodes[c]["id"], "weight": float(w)}
             for r, c, w in zip(sub.row[upper].tolist(), sub.col[upper].tolist(), sub.data[upper].tolist(),
                                strict=True)]
    return {"ok": True, "community": community, "total": int(len(members)), "truncated": len(members) > limit,
            "nodes": nodes, "edges": edges,
            "communities": [{"id": c["id"], "size": c["size"], "topics": c["topics"][:3],
                             "members": [m.get("name") for m in c["members"][:3]]} for c in summary]}


def _community() -> int | None:
    value = request.args.get("community")
    return None if value in (None, "", "all") else check_int(value, "community", 0, 0, 1_000_000)


@bp.get("/api/links")
@require_read
def links_api():
    a, b = check_text(request.args.get("a"), "a"), check_text(request.args.get("b"), "b")
    if not a or not b:
        raise BadParameter("give both ends: ?a=<id>&b=<id>")
    return jsonify(link_data(get_store(), a, b, request.args.get("rel") or None))


@bp.get("/api/map")
@require_read
def map_api():
    limit = check_int(request.args.get("limit"), "limit", MAP_NODES, 1, MAP_NODES)
    return jsonify(map_data(get_analytics(), _community(), limit))


@bp.get("/map")
@require_read
def map_page():
    data = map_data(get_analytics(), _community(), 0)  # the page fetches the nodes; here only the list
    return render_template("explore/map.html", data=data)
