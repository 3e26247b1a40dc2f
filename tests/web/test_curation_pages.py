"""Curation from the entity page and the API (curators only)."""

from __future__ import annotations

from graphs import web_ecosystem as fx
from web_fixtures import login


def test_curation_forms_need_reason_and_csrf(client):
    token = login(client, "curator")
    r = client.post(f"/entity/{fx.OPTIMUS}/rename", data={"name": "Optimus", "reason": "", "csrf_token": token})
    assert r.status_code == 400 and "reason is required" in r.get_data(as_text=True)
    r = client.post(f"/entity/{fx.OPTIMUS}/merge", data={"other": fx.OPTIMUS, "reason": "x", "csrf_token": token})
    assert r.status_code in (400, 503)
    r = client.post(f"/entity/{fx.OPTIMUS}/merge", data={"other": "NK-nope", "reason": "x", "csrf_token": token})
    assert r.status_code == 404
    r = client.post(f"/entity/{fx.OPTIMUS}/merge", data={"other": fx.POLY, "reason": "x"})
    assert r.status_code == 400  # no CSRF token


def test_merge_and_rename(client, graph_store):
    token = login(client, "curator")
    r = client.post(f"/entity/{fx.OPTIMUS}/merge",
                    data={"other": "NK-hub-01", "reason": "same company", "csrf_token": token})
    assert r.status_code == 302, r.get_data(as_text=True)[:500]
    assert client.get("/entity/NK-hub-01").status_code in (404, 200)
    assert graph_store.run("web/entity", id=fx.OPTIMUS).first() is not None
    r = client.post(f"/api/entities/{fx.OPTIMUS}/rename", json={"name": "Optimus Chaîne inc.", "reason": "legal name"},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 200, r.get_json()
    assert graph_store.run("web/entity", id=fx.OPTIMUS).first()["name"] == "Optimus Chaîne inc."


def test_split_alias_off(client, graph_store):
    token = login(client, "curator")
    assert 'name="alias" value="Optimus Chain"' in client.get(f"/entity/{fx.OPTIMUS}").get_data(as_text=True)
    r = client.post(f"/entity/{fx.OPTIMUS}/split",
                    data={"alias": "Optimus Chain", "reason": "the English name is another company",
                          "csrf_token": token})
    assert r.status_code == 302, r.get_data(as_text=True)[:500]
    new_page = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Split off Optimus Chain" in new_page
    assert "Optimus Chain" not in (graph_store.run("web/entity", id=fx.OPTIMUS).first()["aliases"] or [])
    r = client.post(f"/api/entities/{fx.OPTIMUS}/split", json={"names": [], "reason": "x"},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 400 and r.get_json()["ok"] is False


def test_curation_api_needs_csrf_header(client):
    login(client, "curator")
    r = client.post(f"/api/entities/{fx.OPTIMUS}/rename", json={"name": "X", "reason": "y"})
    assert r.status_code == 400 and "CSRF" in r.get_json()["error"]
