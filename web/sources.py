"""Sources: the ingested documents, their counts, and the last ingest's failures."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from web.auth import current_user, require_read
from web.data import check_int, document_data, sources_data
from web.services import get_settings, get_store

bp = Blueprint("sources", __name__)


@bp.route("/sources")
@require_read
def sources():
    offset = check_int(request.args.get("offset"), "offset", 0, 0, 10_000_000)
    data = sources_data(get_store(), get_settings().data_dir, offset, public=current_user() is None)
    return render_template("sources/sources.html", data=data)


@bp.route("/documents/<path:doc_id>")
@require_read
def document(doc_id: str):
    data = document_data(get_store(), doc_id, public=current_user() is None)
    names = sorted({e["name"] for e in data["entities"] if e.get("name")})
    return render_template("sources/document.html", data=data, names=names)
