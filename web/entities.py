"""Entity pages: facts, partners with evidence, projects, people, ego network."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, url_for

from web import egonet
from web.auth import require_read
from web.data import ego_network, entity_data
from web.services import get_analytics, get_store

bp = Blueprint("entities", __name__)


def _entity_url(entity_id: str) -> str:
    return url_for("entities.entity", entity_id=entity_id)


@bp.route("/entity/<path:entity_id>")
@require_read
def entity(entity_id: str):
    store = get_store()
    data = entity_data(store, get_analytics, entity_id)
    network = ego_network(store, entity_id, entity=data["entity"])
    svg = egonet.render_svg(network, _entity_url)
    return render_template("entities/entity.html", data=data, network=network, svg=svg)


@bp.route("/network/<path:entity_id>.svg")
@require_read
def network_svg(entity_id: str) -> Response:
    svg = egonet.render_svg(ego_network(get_store(), entity_id), _entity_url)
    return Response(str(svg), mimetype="image/svg+xml")
