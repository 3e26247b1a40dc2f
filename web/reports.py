""""Report an error" on a fact, and the curators' queue.

Signed-in viewers report a fact they see (an entity's name or type, or a link between two
entities: a partnership, a participation, a role) with a short reason. Curators accept a
report, which applies a curation (rename, merge, split, or remove the link, through
:mod:`graph.resolve.curation`, so it is logged and replayed after every ingest), or reject
it; either decision is also written to the curation log.

Reports live in ``<data_dir>/reports.jsonl``, one event per line (``filed``, ``decided``);
the queue is those events folded.
"""

from __future__ import annotations

import datetime as _dt
import json
import secrets
import threading
from pathlib import Path
from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for

from graph.resolve import curation
from graph.resolve.judgements import append_log as log_decision
from grappe.errors import NotFound
from grappe.model import RelType
from web import curation as web_curation
from web.auth import current_user, require_role
from web.data import check_text, entity_core, pick_entity
from web.errors import BadParameter
from web.services import get_settings, get_store, services

bp = Blueprint("reports", __name__)

FILE = "reports.jsonl"
ENTITY_FIELDS = ("name", "type")
RELATIONS = tuple(t.value for t in RelType)
ACTIONS = {"entity": ("rename", "merge", "split"), "relation": ("remove",)}
_LOCK = threading.Lock()


def _path() -> Path:
    return Path(get_settings().data_dir) / FILE


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _append(event: dict[str, Any]) -> None:
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with _LOCK, path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(event, ensure_ascii=False, sort_keys=True) + "\n")


def all_reports() -> list[dict[str, Any]]:
    """Every report, newest first, with its decision when it has one."""
    path = _path()
    if not path.is_file():
        return []
    reports: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        event = json.loads(line)
        if event.get("event") == "filed":
            reports[event["id"]] = {**event["report"], "status": "open"}
        elif event.get("event") == "decided" and event.get("id") in reports:
            reports[event["id"]].update(status=event["status"], decision=event["decision"])
    return sorted(reports.values(), key=lambda r: r["at"], reverse=True)


def get_report(report_id: str) -> dict[str, Any]:
    for r in all_reports():
        if r["id"] == report_id:
            return r
    raise NotFound(f"no report {report_id!r}", "The queue lists the open reports.")


# --------------------------------------------------------------------------- filing


def _fact(values: Any) -> dict[str, Any]:
    """The reported fact from request values, checked against the graph, with a label."""
    store = get_store()
    kind = values.get("kind")
    if kind == "entity":
        entity = entity_core(store, check_text(values.get("entity"), "entity"))
        field = values.get("field") or "name"
        if field not in ENTITY_FIELDS:
            raise BadParameter(f"field must be one of {', '.join(ENTITY_FIELDS)}, not {field!r}")
        shown = entity["name"] if field == "name" else entity["type"]
        return {"kind": "entity", "entity": entity["id"], "field": field,
                "label": f"{entity['name']}: {field} is “{shown}”"}
    if kind == "relation":
        a = entity_core(store, check_text(values.get("a"), "a"))
        b = entity_core(store, check_text(values.get("b"), "b"))
        raw = values.getlist("types") if hasattr(values, "getlist") else values.get("types")
        types = sorted({t for t in (raw if isinstance(raw, list) else [raw]) if t})
        if not types or any(t not in RELATIONS for t in types):
            raise BadParameter(f"types must be among {', '.join(RELATIONS)}, not {types!r}")
        return {"kind": "relation", "a": a["id"], "b": b["id"], "types": types,
                "label": f"{a['name']} — {', '.join(types)} — {b['name']}"}
    raise BadParameter("kind must be \"entity\" or \"relation\"")


def file_report(values: Any) -> dict[str, Any]:
    reason = check_text(values.get("reason"), "reason", 500)
    if not reason:
        raise BadParameter("say briefly what is wrong", "A short reason helps the curators.")
    report = {**_fact(values), "id": secrets.token_hex(6), "reason": reason,
              "user": current_user().name, "at": _now()}
    _append({"event": "filed", "id": report["id"], "report": report})
    return {**report, "status": "open"}


# --------------------------------------------------------------------------- deciding


def decide(report_id: str, accept: bool, values: Any) -> dict[str, Any]:
    report = get_report(report_id)
    if report["status"] != "open":
        raise BadParameter(f"report {report_id} was already {report['status']}")
    user = current_user().name
    note = check_text(values.get("note"), "note", 500)
    why = f"report {report_id}: {report['reason']}" + (f" ({note})" if note else "")
    decision: dict[str, Any] = {"by": user, "at": _now(), "note": note}
    if accept:
        action = values.get("action") or ACTIONS[report["kind"]][0]
        if action not in ACTIONS[report["kind"]]:
            raise BadParameter(f"a {report['kind']} report is fixed by {' or '.join(ACTIONS[report['kind']])}")
        decision["action"] = action
        decision["result"] = _apply(report, action, values, why)
    settings = get_settings()
    log_decision(settings, {"action": "report_" + ("accepted" if accept else "rejected"),
                            "report": report_id, "fact": report["label"], "user": user, "why": why,
                            "at": decision["at"], **({"fix": decision["action"]} if accept else {})})
    status = "accepted" if accept else "rejected"
    _append({"event": "decided", "id": report_id, "status": status, "decision": decision})
    return {**report, "status": status, "decision": decision}


def _apply(report: dict[str, Any], action: str, values: Any, why: str) -> Any:
    if action == "remove":
        removed = curation.remove_relation(get_store(), get_settings(), report["a"], report["b"], report["types"],
                                           user=current_user().name, reason=why)
        services().graph_changed()
        return {"removed": removed}
    eid = report["entity"]
    if action == "rename":
        name = check_text(values.get("name"), "name", 300)
        if not name:
            raise BadParameter("give the right name to rename the entity")
        return web_curation.do_rename(eid, name, why)
    if action == "merge":
        other = pick_entity(get_store(), values.get("other"), "other")
        if other is None:
            raise BadParameter("say which entity this one is the same as")
        return web_curation.do_merge(other["id"], eid, why)
    names = [n.strip() for n in check_text(values.get("names"), "names", 1000).split(";")]
    return web_curation.do_split(eid, names, why)


# --------------------------------------------------------------------------- routes


def _back() -> str:
    target = request.form.get("next") or ""
    return target if target.startswith("/entity/") else url_for("search.index")


@bp.post("/report")
@require_role("viewer")
def report_page():
    file_report(request.form)
    flash("Thank you: the curators will look at your report.")
    return redirect(_back())


@bp.get("/curation/reports")
@require_role("curator")
def queue():
    reports = all_reports()
    return render_template("reports/queue.html", open=[r for r in reports if r["status"] == "open"],
                           done=[r for r in reports if r["status"] != "open"][:50], actions=ACTIONS)


@bp.post("/curation/reports/<report_id>/<verdict>")
@require_role("curator")
def decide_page(report_id: str, verdict: str):
    if verdict not in ("accept", "reject"):
        raise NotFound(f"no such decision {verdict!r}")
    done = decide(report_id, verdict == "accept", request.form)
    flash(f"Report {done['status']}: {done['label']}")
    return redirect(url_for("reports.queue"))


@bp.post("/api/reports")
@require_role("viewer")
def report_api():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadParameter("the request body must be a JSON object", "Send Content-Type: application/json.")
    return jsonify({"ok": True, "report": file_report(body)}), 201


@bp.get("/api/reports")
@require_role("curator")
def queue_api():
    status = request.args.get("status") or "open"
    return jsonify({"ok": True, "reports": [r for r in all_reports() if status == "all" or r["status"] == status]})


@bp.post("/api/reports/<report_id>/<verdict>")
@require_role("curator")
def decide_api(report_id: str, verdict: str):
    if verdict not in ("accept", "reject"):
        raise NotFound(f"no such decision {verdict!r}")
    body = request.get_json(silent=True) or {}
    if not isinstance(body, dict):
        raise BadParameter("the request body must be a JSON object")
    return jsonify({"ok": True, "report": decide(report_id, verdict == "accept", body)})
