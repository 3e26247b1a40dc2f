"""Search: one box, typeahead from /api/search, facets by type and subtype."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from grappe.model import ORG_SUBTYPES
from web.auth import require_read
from web.data import TYPES, search_data
from web.services import get_store

bp = Blueprint("search", __name__)


@bp.route("/")
@require_read
def index():
    result = search_data(get_store(), request.args.get("q"), request.args.get("type"),
                         request.args.get("subtype"), limit=50)
    return render_template("search/index.html", result=result, types=TYPES, subtypes=ORG_SUBTYPES)
