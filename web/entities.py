"""Entity pages: facts, partners with evidence, projects, people, ego network."""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from web import egonet
from web.auth import require_read
from web.data import ego_network, entity_data
from web.filters import entity_url
from web.services import cached, get_analytics, get_store

bp = Blueprint("entities", __name__)


@bp.route("/entity/<path:entity_id>")
@require_read
def entity(entity_id: str):
    store = get_store()
    # a hub's facts and network cost tens of milliseconds: kept until the graph changes
    data = cached(("entity", entity_id), lambda: entity_data(store, get_analytics, entity_id))
    network = cached(("network", entity_id), lambda: ego_network(store, entity_id, entity=data["entity"]))
    svg = egonet.render_svg(network, entity_url)
    return render_template("entities/entity.html", data=data, network=network, svg=svg)


@bp.route("/network/<path:entity_id>.svg")
@require_read
def network_svg(entity_id: str) -> Response:
    svg = egonet.render_svg(ego_network(get_store(), entity_id), entity_url)
    return Response(str(svg), mimetype="image/svg+xml")
