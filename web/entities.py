"""Entity pages: facts, partners with evidence, projects, people, ego network."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request
from markupsafe import Markup

from web import egonet
from web.auth import current_user, require_read
from web.data import ego_network, entity_data
from web.filters import entity_url
from web.services import cached, get_analytics, get_store

bp = Blueprint("entities", __name__)


def _network_svg(store: Any, entity_id: str, entity: dict[str, Any]) -> tuple[dict[str, Any], Markup]:
    """The ego network and its drawing (links depend on the script root, part of the cache key)."""
    network = ego_network(store, entity_id, entity=entity)
    return network, egonet.render_svg(network, entity_url)


@bp.route("/entity/<path:entity_id>")
@require_read
def entity(entity_id: str):
    store = get_store()
    # a hub's facts and network cost tens of milliseconds: kept until the graph changes
    data = cached(("entity", entity_id), lambda: entity_data(store, get_analytics, entity_id))
    network, svg = cached(("network+svg", request.script_root, entity_id),
                          lambda: _network_svg(store, entity_id, data["entity"]))
    facts_html = None
    if current_user() is None:  # every visitor sees the same facts: a hub's (~10 ms of Jinja) are kept
        facts_html = cached(("facts-html", request.script_root, entity_id),
                            lambda: Markup(render_template("entities/_facts.html", data=data)))
    return render_template("entities/entity.html", data=data, network=network, svg=svg, facts_html=facts_html)


@bp.route("/network/<path:entity_id>.svg")
@require_read
def network_svg(entity_id: str) -> Response:
    svg = egonet.render_svg(ego_network(get_store(), entity_id), entity_url)
    return Response(str(svg), mimetype="image/svg+xml")
