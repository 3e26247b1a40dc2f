"""The reconciliation service on the web fixture graph: protocol shapes (validated against
the 0.2 schemas), scoring and match, properties, extension, CORS, roles, errors."""

from __future__ import annotations

import json

import jsonschema
import pytest
from graphs import web_ecosystem as fx
from reconcile_schemas import validate
from web_fixtures import login


def batch(client, queries: dict, **kw):
    r = client.post("/reconcile", data={"queries": json.dumps(queries)}, **kw)
    assert r.status_code == 200, r.get_data(as_text=True)
    validate("reconciliation-result-batch", r.json)
    return r.json


def test_manifest_fits_the_schema_and_names_every_service(client):
    r = client.get("/reconcile")
    assert r.status_code == 200
    m = r.json
    validate("manifest", m)
    assert m["versions"] == ["0.2"]
    assert [t["id"] for t in m["defaultTypes"]] == ["Organization", "University", "Person", "Project"]
    assert m["view"]["url"].endswith("/entity/{{id}}")
    assert m["preview"]["url"].endswith("/reconcile/preview/{{id}}")
    assert set(m["suggest"]) == {"entity", "type", "property"}
    assert m["extend"]["propose_properties"]["service_path"] == "/propose_properties"


def test_the_schema_rejects_a_wrong_manifest():
    with pytest.raises(jsonschema.ValidationError):
        validate("manifest", {"versions": ["0.2"], "name": "x", "identifierSpace": "x",
                              "schemaSpace": "x", "view": {"url": "no placeholder"}})


def test_batch_scores_and_matches(client):
    out = batch(client, {"q0": {"query": "Universite de Montreal"},
                         "q1": {"query": "UdeM", "type": "University"},
                         "q2": {"query": "Polytechnique Montreal", "limit": 1},
                         "q3": {"query": "Acme Robotique"}})
    top = out["q0"]["result"][0]
    assert (top["id"], top["score"], top["match"]) == (fx.UDEM, 100, True)
    assert {"id": "exact_name", "value": True} in top["features"]
    alias = out["q1"]["result"][0]
    assert alias["id"] == fx.UDEM and alias["match"] is True
    assert {"id": "alias", "value": True} in alias["features"]
    assert {"id": "type_match", "value": True} in alias["features"]
    assert alias["type"] == [{"id": "University", "name": "University"}]
    assert len(out["q2"]["result"]) == 1 and out["q2"]["result"][0]["id"] == fx.POLY
    assert out["q3"]["result"] == []


def test_a_typo_is_scored_below_an_exact_name_and_ties_never_match(client):
    out = batch(client, {"typo": {"query": "Logistique Boreal"},
                         "tie": {"query": "Jeune Pousse"}})
    typo = out["typo"]["result"][0]
    assert typo["id"] == fx.BOREALE and 0 < typo["score"] < 100
    tie = out["tie"]["result"]
    assert len(tie) == 5 and not any(c["match"] for c in tie)
    assert tie[0]["score"] == tie[1]["score"]


def test_type_filter_and_broader_type(client):
    out = batch(client, {"p": {"query": "Marie Tremblay", "type": "Organization"},
                         "u": {"query": "Polytechnique", "type": "Organization"}})
    assert out["p"]["result"] == []
    assert out["u"]["result"][0]["id"] == fx.POLY  # a university is an organization


def test_properties_move_the_score_and_explain_it(client):
    plain = batch(client, {"q": {"query": "Logistique Boreal"}})["q"]["result"][0]
    agreed = batch(client, {"q": {"query": "Logistique Boreal",
                                  "properties": [{"pid": "alias", "v": "Boreal Logistics"},
                                                 {"pid": "subtype", "v": "company"}]}})["q"]["result"][0]
    wrong = batch(client, {"q": {"query": "Logistique Boreal",
                                 "properties": [{"pid": "subtype", "v": "university"}]}})["q"]["result"][0]
    assert agreed["id"] == plain["id"] == wrong["id"] == fx.BOREALE
    assert agreed["score"] > plain["score"] > wrong["score"]
    assert {"id": "property_agreement", "value": 1.0} in agreed["features"]
    assert {"id": "property_subtype", "value": False} in wrong["features"]


def test_properties_only_query_uses_the_acronym(client):
    out = batch(client, {"q": {"properties": [{"pid": "acronym", "v": "UdeM"}]}})
    assert out["q"]["result"][0]["id"] == fx.UDEM


def test_json_body_and_get_parameter(client):
    body = client.post("/reconcile", json={"queries": {"a": {"query": "IVADO"}}})
    assert body.status_code == 200 and body.json["a"]["result"][0]["id"] == fx.IVADO
    got = client.get("/reconcile", query_string={"queries": json.dumps({"a": {"query": "Mila"}})})
    assert got.json["a"]["result"][0]["id"] == fx.MILA


def test_bad_batches_get_clear_json_errors(client):
    for queries, words in (("{not json", "not valid JSON"), ('{"q": {"query": 3}}', "must be a string"),
                           ('{"q": {"query": "x", "type": "Planet"}}', "unknown type"),
                           ('{"q": {"query": "x", "limit": 0}}', "limit must be between"),
                           ('{"q": {"qurey": "x"}}', "unknown field"), ('{"q": {}}', "neither")):
        r = client.post("/reconcile", data={"queries": queries})
        assert r.status_code == 400, queries
        assert r.json["ok"] is False and words in r.json["error"], (queries, r.json)
        assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_cors_everywhere_and_preflight(client):
    for path in ("/reconcile", "/reconcile/suggest/type?prefix=u", f"/reconcile/preview/{fx.UDEM}"):
        assert client.get(path).headers["Access-Control-Allow-Origin"] == "*", path
    pre = client.options("/reconcile", headers={"Origin": "http://127.0.0.1:3333",
                                                "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 200
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]


def test_roles_follow_anonymous_search(make_app):
    client = make_app(anonymous_search=False).test_client()
    r = client.post("/reconcile", data={"queries": '{"q": {"query": "Mila"}}'})
    assert r.status_code == 401 and r.json["ok"] is False
    assert client.get("/reconcile").status_code == 401
    login(client, "viewer")
    assert client.post("/reconcile", data={"queries": '{"q": {"query": "Mila"}}'}).status_code == 200


def test_preview_can_be_framed_and_escapes(client):
    r = client.get(f"/reconcile/preview/{fx.HOSTILE}")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<script>alert" not in html and "&lt;script&gt;" in html
    assert "frame-ancestors *" in r.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in r.headers
    assert client.get("/").headers["X-Frame-Options"] == "DENY"


def test_suggest_services(client):
    ent = client.get("/reconcile/suggest/entity", query_string={"prefix": "polytech"}).json
    validate("suggest-entities-response", ent)
    assert ent["result"][0]["id"] == fx.POLY
    types = client.get("/reconcile/suggest/type", query_string={"prefix": "uni"}).json
    validate("suggest-types-response", types)
    assert [t["id"] for t in types["result"]] == ["University"]
    props = client.get("/reconcile/suggest/property", query_string={"prefix": "part"}).json
    validate("suggest-properties-response", props)
    assert {p["id"] for p in props["result"]} == {"partners", "partners_count"}


def test_data_extension(client):
    proposed = client.get("/reconcile/propose_properties", query_string={"type": "Organization"}).json
    assert {"id": "partners", "name": "Partners"} in proposed["properties"]
    query = {"ids": [fx.BOREALE, fx.SCALE, "NK-missing"],
             "properties": [{"id": p} for p in ("aliases", "type", "subtype", "external_ids", "partners_count",
                                                 "partners", "projects", "first_date", "last_date")]}
    validate("data-extension-query", query)
    r = client.post("/reconcile", data={"extend": json.dumps(query)})
    assert r.status_code == 200, r.get_data(as_text=True)
    validate("data-extension-response", r.json)
    row = r.json["rows"][fx.BOREALE]
    assert row["aliases"] == [{"str": "Boreal Logistics"}]
    assert row["subtype"] == [{"str": "company"}]
    assert row["partners_count"] == [{"int": 2}]
    assert {p["id"] for p in row["partners"]} == {fx.UDEM, fx.MILA}
    assert row["projects"] == [{"id": fx.PROJ_DEMAND, "name": "Prévision de la demande"}]
    assert row["first_date"] == [{"date": "2023-05-10T00:00:00Z"}]
    assert row["last_date"] == [{"date": "2024-03-01T00:00:00Z"}]
    assert r.json["rows"]["NK-missing"]["aliases"] == []
    bad = client.post("/reconcile", data={"extend": json.dumps({"ids": [fx.UDEM], "properties": [{"id": "ceo"}]})})
    assert bad.status_code == 400 and "unknown extension properties: ceo" in bad.json["error"]


def test_external_ids_and_website_property(client, graph_store):
    from grappe.model import Entity, EntityType, GraphBatch

    acme = Entity("NK-acme", EntityType.ORGANIZATION, "Acme Robotique", "startup", [],
                  {"wikidata": "Q000001", "website": "https://www.acme-robotique.example", "city": "Nordville"})
    graph_store.write(GraphBatch(entities=[acme]))
    r = client.post("/reconcile", data={"extend": json.dumps({"ids": ["NK-acme"], "properties": [{"id": "external_ids"}]})})
    validate("data-extension-response", r.json)
    assert r.json["rows"]["NK-acme"]["external_ids"] == [{"str": "wikidata:Q000001"},
                                                         {"str": "website:https://www.acme-robotique.example"}]
    out = batch(client, {"ok": {"query": "Acme Robotique", "properties": [
                             {"pid": "website", "v": "acme-robotique.example"}, {"pid": "city", "v": "Nordville"}]},
                         "no": {"query": "Acme Robotique", "properties": [{"pid": "city", "v": "Sudville"}]}})
    features = out["ok"]["result"][0]["features"]
    assert {"id": "property_website", "value": True} in features
    assert {"id": "property_city", "value": True} in features
    assert {"id": "property_city", "value": False} in out["no"]["result"][0]["features"]
