"""The explorer's and the map's JSON, and the reports API, against the OpenAPI document."""

from __future__ import annotations

from graphs import web_ecosystem as fx
from test_api import check, spec  # noqa: F401
from web_fixtures import login


def test_link_evidence(client, spec):  # noqa: F811
    r = client.get("/api/links", query_string={"a": fx.MILA, "b": fx.BOREALE})
    body = check(spec, "/api/links", "get", r)
    assert [e["sentence"] for e in body["evidence"]] == [
        "Boreal Logistics and Mila will co-develop forecasting models, Scale AI announced."]
    assert body["evidence"][0]["title"] == "Scale AI annual report 2024"
    only = client.get("/api/links", query_string={"a": fx.BOREALE, "b": fx.PROJ_DEMAND, "rel": "LEADS"}).json
    assert {e["rel"] for e in only["evidence"]} == {"LEADS"}
    bad = client.get("/api/links", query_string={"a": fx.MILA, "b": fx.BOREALE, "rel": "LIKES"})
    assert check(spec, "/api/links", "get", bad)["error"].startswith("unknown relation type")


def test_map_whole_and_one_community(client, spec):  # noqa: F811
    whole = check(spec, "/api/map", "get", client.get("/api/map"))
    ids = {n["id"] for n in whole["nodes"]}
    assert {fx.IVADO, fx.MILA, fx.BOREALE} <= ids and fx.MARIE not in ids  # organizations only
    assert all(e["source"] in ids and e["target"] in ids for e in whole["edges"])
    hub = max(whole["nodes"], key=lambda n: n["degree"])
    assert hub["id"] == fx.IVADO
    one = check(spec, "/api/map", "get", client.get("/api/map", query_string={"community": hub["community"]}))
    assert {n["community"] for n in one["nodes"]} == {hub["community"]}
    assert len(one["nodes"]) == next(c["size"] for c in whole["communities"] if c["id"] == hub["community"])
    top = check(spec, "/api/map", "get", client.get("/api/map", query_string={"limit": 3}))
    assert len(top["nodes"]) == 3 and top["truncated"] is True
    missing = client.get("/api/map", query_string={"community": 999})
    assert check(spec, "/api/map", "get", missing)["error"].startswith("no community 999")
    page = client.get("/map").get_data(as_text=True)
    assert 'data-mode="map"' in page and "vendor/cytoscape.min.js" in page and "<script>" not in page


def test_reports_api_matches_the_document(client, spec):  # noqa: F811
    token = login(client, "viewer")
    filed = client.post("/api/reports", json={"kind": "entity", "entity": fx.IVADO, "field": "name",
                                              "reason": "spelled out in French"}, headers={"X-CSRF-Token": token})
    assert filed.status_code == 201
    check(spec, "/api/reports", "post", filed)
    token = login(client, "curator")
    check(spec, "/api/reports", "get", client.get("/api/reports"))
    rid = filed.json["report"]["id"]
    done = client.post(f"/api/reports/{rid}/reject", json={}, headers={"X-CSRF-Token": token})
    assert check(spec, "/api/reports/{report_id}/{verdict}", "post", done)["report"]["status"] == "rejected"


def test_entity_page_keeps_the_svg_fallback_and_a_strict_csp(client):
    r = client.get(f"/entity/{fx.IVADO}")
    html = r.get_data(as_text=True)
    assert 'id="explorer" hidden' in html and 'data-fallback="explorer"' in html and 'class="egonet"' in html
    assert "script-src 'self';" in r.headers["Content-Security-Policy"]
    assert "unsafe" not in r.headers["Content-Security-Policy"]
