"""Report an error → the curators' queue → accept (a logged curation) or reject."""

from __future__ import annotations

import json

from graphs import web_ecosystem as fx
from markupsafe import escape
from web_fixtures import csrf, login

from graph.resolve.judgements import read_log


def _file(client, token, **fact):
    return client.post("/api/reports", json={"reason": "not partners", **fact}, headers={"X-CSRF-Token": token})


def _partner_ids(client, entity_id):
    return {p["partner"]["id"] for p in client.get(f"/api/entities/{entity_id}").json["partners"]}


def test_reporting_needs_a_signed_in_user(client):
    r = _file(client, csrf(client), kind="entity", entity=fx.MILA)
    assert r.status_code == 401
    page = client.get(f"/entity/{fx.MILA}").get_data(as_text=True)
    assert "Report an error" not in page
    login(client, "viewer")
    page = client.get(f"/entity/{fx.BOREALE}").get_data(as_text=True)
    assert page.count("Report an error") >= 5  # name, type, 2 partners, project, person


def test_a_viewer_reports_and_a_curator_removes_the_link(client, app):
    token = login(client, "viewer")
    filed = _file(client, token, kind="relation", a=fx.OPTIMUS, b=fx.MILA, types=["PARTNERS_WITH"])
    assert filed.status_code == 201, filed.json
    report = filed.json["report"]
    assert report["label"] == "Optimus Chaîne — PARTNERS_WITH — Mila - Institut québécois d'intelligence artificielle"
    assert client.get("/api/reports").status_code == 403  # the queue is the curators'
    token = login(client, "curator")
    queue = client.get("/api/reports").json["reports"]
    assert [r["id"] for r in queue] == [report["id"]]
    assert str(escape(report["label"])) in client.get("/curation/reports").get_data(as_text=True)
    assert fx.MILA in _partner_ids(client, fx.OPTIMUS)
    done = client.post(f"/api/reports/{report['id']}/accept", json={}, headers={"X-CSRF-Token": token})
    assert done.status_code == 200, done.json
    assert done.json["report"]["decision"]["result"] == {"removed": 1}
    # the co-participation in the warehouse project remains, the explicit partnership does not
    partner = next(p for p in client.get(f"/api/entities/{fx.OPTIMUS}").json["partners"]
                   if p["partner"]["id"] == fx.MILA)
    assert partner["explicit"] is False and partner["evidence"] == []
    log = read_log(app.config["GRAPPE_SETTINGS"])
    assert [r["action"] for r in log] == ["remove_relation", "report_accepted"]
    assert log[0]["a"] == fx.OPTIMUS and log[0]["types"] == ["PARTNERS_WITH"]
    again = client.post(f"/api/reports/{report['id']}/reject", json={}, headers={"X-CSRF-Token": token})
    assert again.status_code == 400 and "already accepted" in again.json["error"]


def test_reject_is_logged_and_changes_nothing(client, app):
    token = login(client, "curator")
    report = _file(client, token, kind="entity", entity=fx.POLY, field="type").json["report"]
    r = client.post(f"/api/reports/{report['id']}/reject", json={"note": "it is a university"},
                    headers={"X-CSRF-Token": token})
    assert r.json["report"]["status"] == "rejected"
    assert client.get(f"/api/entities/{fx.POLY}").json["entity"]["type"] == "University"
    log = read_log(app.config["GRAPPE_SETTINGS"])
    assert log[-1]["action"] == "report_rejected" and "it is a university" in log[-1]["why"]
    assert client.get("/api/reports").json["reports"] == []


def test_accept_a_name_report_with_a_rename_from_the_queue_page(client):
    token = login(client, "viewer")
    r = client.post("/report", data={"kind": "entity", "entity": fx.OPTIMUS, "field": "name",
                                     "reason": "the company writes it in English", "csrf_token": token,
                                     "next": f"/entity/{fx.OPTIMUS}"})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/entity/{fx.OPTIMUS}")
    token = login(client, "curator")
    report = client.get("/api/reports").json["reports"][0]
    r = client.post(f"/curation/reports/{report['id']}/accept",
                    data={"action": "rename", "name": "Optimus Chain", "csrf_token": token})
    assert r.status_code == 302
    entity = client.get(f"/api/entities/{fx.OPTIMUS}").json["entity"]
    assert entity["name"] == "Optimus Chain" and "Optimus Chaîne" in entity["aliases"]


def test_bad_reports_get_clear_errors(client):
    token = login(client, "viewer")
    for fact, words in (({"kind": "planet"}, "kind must be"),
                        ({"kind": "entity", "entity": "NK-nowhere"}, "no entity with id"),
                        ({"kind": "entity", "entity": fx.MILA, "field": "colour"}, "field must be"),
                        ({"kind": "relation", "a": fx.MILA, "b": fx.UDEM, "types": ["LIKES"]}, "types must be")):
        r = _file(client, token, **fact)
        assert r.status_code in (400, 404) and words in r.json["error"], (fact, r.json)
    r = client.post("/api/reports", data=json.dumps({"kind": "entity", "entity": fx.MILA}),
                    content_type="application/json", headers={"X-CSRF-Token": token})
    assert r.status_code == 400 and "what is wrong" in r.json["error"]
