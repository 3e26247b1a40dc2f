"""Curation from the entity page (curators only): merge, split, rename.

* merge: another entity (picked by name or id) is the same as this one;
* split: some of this entity's aliases / mention texts are another entity;
* rename: a new display name (the old one stays an alias).

Each action is a POST with a CSRF token and a reason, handed to
``graph.resolve.curation`` (which records who did what and why, so the
correction survives re-ingestion).
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for

from graph.resolve import curation
from web.auth import current_user, require_role
from web.data import check_text, entity_core, pick_entity, plain
from web.errors import BadParameter
from web.services import get_settings, get_store, services

bp = Blueprint("curation", __name__)


def _reason() -> str:
    reason = check_text(request.form.get("reason"), "reason", 500)
    if not reason:
        raise BadParameter("a reason is required", "Say why, so other curators can follow.")
    return reason


def do_merge(keep_id: str, other_id: str, reason: str) -> dict:
    store = get_store()
    entity_core(store, keep_id)
    entity_core(store, other_id)
    if keep_id == other_id:
        raise BadParameter("an entity cannot be merged with itself")
    result = plain(curation.merge(store, get_settings(), keep_id, other_id, user=current_user().name, reason=reason))
    services().graph_changed()
    return result


def do_rename(entity_id: str, name: str, reason: str) -> dict:
    store = get_store()
    entity_core(store, entity_id)
    result = plain(curation.rename(store, get_settings(), entity_id, name, user=current_user().name, reason=reason))
    services().graph_changed()
    return result


def do_split(entity_id: str, names: list[str], reason: str) -> dict:
    store = get_store()
    entity_core(store, entity_id)
    names = [n for n in dict.fromkeys(" ".join(n.split()) for n in names) if n]
    if not names:
        raise BadParameter("say which names (aliases or mention texts) belong to another entity")
    result = plain(curation.split(store, get_settings(), entity_id, names, user=current_user().name, reason=reason))
    services().graph_changed()
    return result


@bp.route("/entity/<path:entity_id>/merge", methods=["POST"])
@require_role("curator")
def merge(entity_id: str):
    other = pick_entity(get_store(), request.form.get("other"), "other")
    if other is None:
        raise BadParameter("say which entity to merge into this one")
    do_merge(entity_id, other["id"], _reason())
    flash(f"Merged {other['name']} into this entity.")
    return redirect(url_for("entities.entity", entity_id=entity_id))


@bp.route("/entity/<path:entity_id>/rename", methods=["POST"])
@require_role("curator")
def rename(entity_id: str):
    name = check_text(request.form.get("name"), "name", 300)
    if not name:
        raise BadParameter("the new name is empty")
    do_rename(entity_id, name, _reason())
    flash(f"Renamed to {name}.")
    return redirect(url_for("entities.entity", entity_id=entity_id))


@bp.route("/entity/<path:entity_id>/split", methods=["POST"])
@require_role("curator")
def split(entity_id: str):
    names = [check_text(n, "alias", 300) for n in request.form.getlist("alias")]
    names += [n.strip() for n in check_text(request.form.get("other_names"), "other names", 1000).split(";")]
    result = do_split(entity_id, names, _reason())
    flash(f"Split off {result.get('name')} as a new entity.")
    return redirect(url_for("entities.entity", entity_id=result.get("id") or entity_id))
