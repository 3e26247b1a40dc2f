"""The JSON API: real responses validated against /api/openapi.json, roles, CSRF,
and one error shape for every error path."""

from __future__ import annotations

import jsonschema
import pytest
from graphs import web_ecosystem as fx
from web_fixtures import csrf, login


@pytest.fixture
def spec(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    doc = r.get_json()
    jsonschema.Draft202012Validator.check_schema({"$defs": doc["components"]["schemas"]})
    return doc


def check(spec: dict, template: str, method: str, r) -> dict:
    """Validate a real response against the schema the document declares for it."""
    responses = spec["paths"][template][method]["responses"]
    declared = responses.get(str(r.status_code))
    assert declared, f"{method.upper()} {template} answered {r.status_code}, not in the document"
    schema = dict(declared["content"]["application/json"]["schema"])
    schema["components"] = spec["components"]
    body = r.get_json()
    jsonschema.Draft202012Validator(schema).validate(body)
    return body


def test_openapi_paths_exist(app, spec):
    rules = {r.rule.replace("<path:", "{").replace("<", "{").replace(">", "}").replace("entity_id", "id")
             .replace("doc_id", "id") for r in app.url_map.iter_rules()}
    for path in spec["paths"]:
        assert path in rules, path
    assert spec["openapi"].startswith("3.")


def test_search_ranks_exact_alias_fuzzy(client, spec):
    body = check(spec, "/api/search", "get", client.get("/api/search?q=Mila"))
    assert body["hits"][0]["id"] == fx.MILA and body["hits"][0]["match"] in ("alias", "exact")
    body = check(spec, "/api/search", "get", client.get("/api/search?q=IVADO"))
    assert body["hits"][0]["id"] == fx.IVADO and body["hits"][0]["match"] == "exact"
    body = check(spec, "/api/search", "get", client.get("/api/search?q=logistique boreale"))
    assert body["hits"][0]["id"] == fx.BOREALE
    body = check(spec, "/api/search", "get", client.get("/api/search?q=Polytechnique Montral"))
    assert body["hits"] and body["hits"][0]["id"] == fx.POLY
    body = check(spec, "/api/search", "get", client.get("/api/search?q=montreal&type=University"))
    assert {h["type"] for h in body["hits"]} == {"University"}
    assert body["facets"]["type"]["University"] == 2
    body = check(spec, "/api/search", "get", client.get("/api/search?q="))
    assert body["hits"] == []


def test_entity_and_network(client, spec):
    body = check(spec, "/api/entities/{id}", "get", client.get(f"/api/entities/{fx.BOREALE}"))
    assert body["entity"]["name"] == "Logistique Boréale"
    assert body["projects"][0]["roles"] == ["LEADS", "PARTICIPATES_IN"]
    assert body["people"][0]["roles"] == ["président"]
    body = check(spec, "/api/entities/{id}/network", "get", client.get(f"/api/entities/{fx.IVADO}/network"))
    assert len(body["neighbours"]) == fx.HUB_SIZE


def test_entity_page_and_api_agree(client):
    body = client.get(f"/api/entities/{fx.PROJ_DEMAND}").get_json()
    html = client.get(f"/entity/{fx.PROJ_DEMAND}").get_data(as_text=True)
    for p in body["participants"]:
        assert p["name"] in html


def test_partners_path_match(client, spec):
    body = check(spec, "/api/entities/{id}/partners", "get", client.get(f"/api/entities/{fx.BOREALE}/partners"))
    assert body["partners"]
    body = check(spec, "/api/path", "get", client.get(f"/api/path?from={fx.UDEM}&to={fx.MILA}"))
    assert body["paths"]
    body = check(spec, "/api/match/{id}", "get", client.get(f"/api/match/{fx.UDEM}?k=5"))
    assert isinstance(body["candidates"], list)


def test_partnerships_sources_documents(client, spec):
    body = check(spec, "/api/partnerships", "get", client.get("/api/partnerships?type=University"))
    assert len(body["rows"]) == 2
    body = check(spec, "/api/sources", "get", client.get("/api/sources"))
    assert len(body["documents"]) == 3 and body["last_ingest"] is None
    body = check(spec, "/api/documents/{id}", "get", client.get(f"/api/documents/{fx.DOC_FR}"))
    assert body["evidence"][0]["sentence"].startswith("Logistique Boréale")


def test_me(client, spec):
    body = check(spec, "/api/me", "get", client.get("/api/me"))
    assert body["user"] is None
    login(client, "curator")
    body = check(spec, "/api/me", "get", client.get("/api/me"))
    assert body["user"] == {"name": "curator", "role": "curator"}


def test_query_needs_analyst_and_csrf(client, spec):
    r = client.post("/api/query", json={"cypher": "RETURN 1 AS one"})
    assert r.status_code == 400  # no session token at all: CSRF first
    token = csrf(client)
    r = client.post("/api/query", json={"cypher": "RETURN 1 AS one"}, headers={"X-CSRF-Token": token})
    check(spec, "/api/query", "post", r)
    assert r.status_code == 401
    token = login(client, "viewer")
    r = client.post("/api/query", json={"cypher": "RETURN 1 AS one"}, headers={"X-CSRF-Token": token})
    assert check(spec, "/api/query", "post", r)["status"] == 403
    token = login(client, "analyst")
    r = client.post("/api/query", json={"cypher": "RETURN 1 AS one"}, headers={"X-CSRF-Token": "nope"})
    assert check(spec, "/api/query", "post", r)["status"] == 400
    r = client.post("/api/query", json={"cypher": "MATCH (e:Entity {id: $id}) RETURN e", "params": {"id": fx.MILA}},
                    headers={"X-CSRF-Token": token})
    body = check(spec, "/api/query", "post", r)
    assert body["rows"][0]["e"]["name"].startswith("Mila")
    r = client.get("/api/queries")
    assert r.status_code == 200


def test_error_shape_everywhere(client, spec):
    cases = [
        ("/api/entities/{id}", client.get("/api/entities/NK-none"), 404),
        ("/api/search", client.get("/api/search?q=mila&type=Boat"), 400),
        ("/api/search", client.get("/api/search?q=mila&limit=abc"), 400),
        ("/api/partnerships", client.get("/api/partnerships?subtype=<script>"), 400),
        ("/api/match/{id}", client.get("/api/match/NK-none"), 404),
        ("/api/path", client.get("/api/path?from=" + fx.MILA), 400),
        ("/api/queries", client.get("/api/queries"), 401),
    ]
    token = login(client, "analyst")
    post = lambda body: client.post("/api/query", json=body, headers={"X-CSRF-Token": token})  # noqa: E731
    cases += [
        ("/api/query", post({"cypher": "MATCH (n RETURN n"}), 400),
        ("/api/query", post({"cypher": "MATCH (n) DETACH DELETE n"}), 403),
        ("/api/query", post({"cypher": "CREATE (:Hack)"}), 403),
        ("/api/query", post({"name": "no_such_query"}), 404),
        ("/api/query", post({"cypher": "RETURN 1", "name": "x"}), 400),
        ("/api/query", post({"cypher": "RETURN $x", "params": [1]}), 400),
        ("/api/query", client.post("/api/query", data="not json", headers={"X-CSRF-Token": token}), 400),
    ]
    for template, r, status in cases:
        assert r.status_code == status, (template, r.status_code, r.get_json())
        body = check(spec, template, list(spec["paths"][template])[0], r)
        assert body["ok"] is False and body["status"] == status and body["errors"]
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and set(r.get_json()) == {"ok", "error", "errors", "status"}
    r = client.get("/api/query")
    assert r.status_code == 405 and r.get_json()["status"] == 405


def test_query_error_has_position(client):
    token = login(client, "analyst")
    r = client.post("/api/query", json={"cypher": "MATCH (n RETURN n"}, headers={"X-CSRF-Token": token})
    assert "column: 10" in r.get_json()["error"]


def test_query_timeout(make_app):
    client = make_app(query_timeout_ms=1).test_client()
    token = login(client, "analyst")
    r = client.post("/api/query", json={"cypher": "UNWIND range(1, 20000000) AS x WITH x WHERE x % 7 = 3 "
                                                  "RETURN count(x)"},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 408, r.get_json()
    assert r.get_json()["ok"] is False


def test_curation_api_roles(client, spec):
    token = login(client, "analyst")
    r = client.post(f"/api/entities/{fx.MILA}/rename", json={"name": "X", "reason": "test"},
                    headers={"X-CSRF-Token": token})
    assert check(spec, "/api/entities/{id}/rename", "post", r)["status"] == 403
