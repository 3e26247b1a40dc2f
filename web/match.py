"""Matchmaking: ranked candidates for an entity, with scores and explanations."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from web.auth import require_read
from web.data import check_int, match_data
from web.partners import choose
from web.services import get_analytics, get_store

bp = Blueprint("match", __name__)


@bp.route("/match")
@require_read
def match():
    store = get_store()
    entity, problem = choose(store, "entity", "entity")
    k = check_int(request.args.get("k"), "k", 10, 1, 50)
    data = match_data(store, get_analytics, entity["id"], k) if entity else None
    return render_template("match/match.html", data=data, problem=problem,
                           value=entity["name"] if entity else request.args.get("entity", ""), k=k)
