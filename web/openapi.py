"""The OpenAPI 3.1 document for ``/api`` (schemas are JSON Schema 2020-12, so tests
validate real responses against them with jsonschema)."""

from __future__ import annotations

from typing import Any

from grappe.model import ORG_SUBTYPES, EntityType, RelType

TYPES = [t.value for t in EntityType]


def _s(t: str | list, **kw: Any) -> dict:
    return {"type": t, **kw}


STR, INT, NUM, BOOL = _s("string"), _s("integer"), _s("number"), _s("boolean")
NSTR, NINT, NNUM = _s(["string", "null"]), _s(["integer", "null"]), _s(["number", "null"])


def _obj(props: dict, required: list[str] | None = None, extra: bool = True) -> dict:
    out = {"type": "object", "properties": props, "required": required if required is not None else list(props)}
    if not extra:
        out["additionalProperties"] = False
    return out


def _arr(items: dict) -> dict:
    return {"type": "array", "items": items}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


OK = {"const": True}

SCHEMAS: dict[str, Any] = {
    "Error": _obj({"ok": {"const": False}, "error": STR, "errors": _arr(STR), "status": INT}, extra=False),
    "EntityRef": _obj({"id": STR, "name": NSTR, "type": {"enum": TYPES}, "subtype": NSTR, "aliases": _arr(STR)},
                      ["id", "name", "type"]),
    "Entity": _obj({
        "id": STR, "name": NSTR, "type": {"enum": TYPES}, "subtype": NSTR, "aliases": _arr(STR),
        "status": NSTR, "scale_ai_investment_cad": NNUM, "total_investment_cad": NNUM,
        "authority_id": NSTR, "wikidata": NSTR, "ror": NSTR, "website": NSTR, "country": NSTR,
        "external_ids": _arr(_obj({"label": STR, "id": STR, "url": NSTR})),
    }, ["id", "name", "type", "subtype", "aliases"]),
    "Hit": _obj({"id": STR, "name": STR, "type": {"enum": TYPES}, "subtype": NSTR, "aliases": _arr(STR),
                 "score": NUM, "match": {"enum": ["exact", "alias", "prefix", "fuzzy"]}}),
    "Facets": _obj({"type": {"type": "object", "additionalProperties": INT},
                    "subtype": {"type": "object", "additionalProperties": INT}}),
    "SearchResponse": _obj({"ok": OK, "query": STR, "type": {"enum": TYPES + [None]},
                            "subtype": {"enum": list(ORG_SUBTYPES) + [None]},
                            "hits": _arr(ref("Hit")), "facets": ref("Facets")}),
    "ProjectRow": _obj({"id": STR, "name": NSTR, "status": NSTR, "scale_ai_investment_cad": NNUM,
                        "total_investment_cad": NNUM, "roles": _arr(STR), "evidence": INT}),
    "LinkedEntityRow": _obj({"id": STR, "name": NSTR, "type": NSTR, "subtype": NSTR,
                             "roles": _arr(STR), "evidence": INT}),
    "DocumentRef": _obj({"id": STR, "title": NSTR, "date": NSTR, "language": NSTR, "mentions": INT}),
    "Evidence": _obj({"doc_id": STR, "sentence": NSTR, "start": NINT, "end": NINT, "title": NSTR, "date": NSTR},
                     ["doc_id", "sentence"]),
    "Partner": _obj({"partner": ref("EntityRef"), "shared_projects": _arr(ref("EntityRef")), "shared_count": INT,
                     "explicit": BOOL, "evidence": _arr(ref("Evidence")), "evidence_count": INT}),
    "PathStep": _obj({"from": ref("EntityRef"), "to": ref("EntityRef"),
                      "relations": _arr({"enum": ["co-participation", "partnership", "affiliation"]}),
                      "projects": _arr(ref("EntityRef")), "project_count": INT}),
    "Path": _obj({"hops": INT, "nodes": _arr(ref("EntityRef")), "steps": _arr(ref("PathStep")),
                  "people": _arr(ref("EntityRef"))}),
    "EntityResponse": _obj({
        "ok": OK, "entity": ref("Entity"), "projects": _arr(ref("ProjectRow")),
        "participants": _arr(ref("LinkedEntityRow")), "people": _arr(ref("LinkedEntityRow")),
        "documents": _arr(ref("DocumentRef")),
        "partners": {"type": ["array", "null"], "items": ref("Partner")}, "partners_total": INT,
        "partners_error": NSTR,
    }),
    "PartnersResponse": _obj({"ok": OK, "entity": ref("Entity"), "partners": _arr(ref("Partner")), "total": INT}),
    "NetworkResponse": _obj({
        "ok": OK, "entity": ref("Entity"),
        "neighbours": _arr(_obj({"id": STR, "name": NSTR, "type": NSTR, "subtype": NSTR, "rels": _arr(STR),
                                 "weight": INT})),
        "edges": _arr(_obj({"source": STR, "target": STR, "rel": STR})),
    }),
    "PathResponse": _obj({"ok": OK, "from": ref("Entity"), "to": ref("Entity"), "max_hops": INT,
                          "paths": _arr(ref("Path"))}),
    "Recommendation": _obj({
        "candidate": ref("EntityRef"), "score": NUM,
        "components": {"type": "object", "additionalProperties": NUM},
        "explanation": STR, "shared_partners": _arr(ref("EntityRef")),
        "shared_projects": _arr(ref("EntityRef")), "topics": _arr(STR),
    }, ["candidate", "score", "components", "explanation", "shared_partners", "shared_projects"]),
    "MatchResponse": _obj({"ok": OK, "entity": ref("Entity"), "candidates": _arr(ref("Recommendation"))}),
    "PartnershipRow": _obj({"a_id": STR, "a_name": NSTR, "a_type": NSTR, "a_subtype": NSTR,
                            "b_id": STR, "b_name": NSTR, "b_type": NSTR, "b_subtype": NSTR,
                            "evidence": INT, "documents": INT, "latest": NSTR}),
    "PartnershipsResponse": _obj({
        "ok": OK, "offset": INT, "limit": INT, "more": BOOL, "rows": _arr(ref("PartnershipRow")),
        "filters": _obj({k: NSTR for k in ("type", "subtype", "entity", "project", "doc", "year")}),
    }),
    "DocumentRow": _obj({"id": STR, "title": NSTR, "date": NSTR, "language": NSTR, "format": NSTR,
                         "kind": NSTR, "source": NSTR, "mentions": INT, "entities": INT, "relations": INT},
                        ["id", "title", "date", "language", "mentions", "entities", "relations"]),
    "LastIngest": {"type": ["object", "null"], "properties": {
        "started": NSTR, "finished": NSTR, "documents": INT, "error": STR,
        "failures": _arr(_obj({"path": STR, "reason": STR}))}, "required": ["failures"]},
    "SourcesResponse": _obj({"ok": OK, "offset": INT, "limit": INT, "more": BOOL,
                             "documents": _arr(ref("DocumentRow")), "last_ingest": ref("LastIngest"),
                             "incomplete": INT}),
    "DocumentResponse": _obj({
        "ok": OK,
        "document": _obj({"id": STR, "title": NSTR, "date": NSTR, "language": NSTR, "format": NSTR,
                          "kind": NSTR, "source": NSTR}, ["id", "title"]),
        "evidence": _arr(_obj({"rel": STR, "a_id": STR, "a_name": NSTR, "b_id": STR, "b_name": NSTR,
                               "role": NSTR, "sentence": NSTR, "start": NINT, "end": NINT})),
        "entities": _arr(_obj({"id": STR, "name": NSTR, "type": NSTR, "mentions": INT})),
    }),
    "QueryRequest": {"type": "object", "properties": {
        "cypher": STR, "name": STR, "params": {"type": "object"}},
        "oneOf": [{"required": ["cypher"]}, {"required": ["name"]}]},
    "QueryResponse": _obj({"ok": OK, "name": NSTR, "columns": _arr(STR), "rows": _arr({"type": "object"}),
                           "truncated": BOOL, "row_count": INT, "elapsed_ms": NUM, "max_rows": INT,
                           "timeout_ms": INT}),
    "QueriesResponse": _obj({"ok": OK, "queries": _arr(_obj({
        "name": STR, "title": STR, "description": STR, "columns": _arr(STR),
        "params": _arr(_obj({"name": STR, "type": STR, "default": NSTR, "description": STR}))}))}),
    "MeResponse": _obj({"ok": OK, "user": {"type": ["object", "null"], "properties": {
        "name": STR, "role": {"enum": ["viewer", "analyst", "curator", "admin"]}}},
        "anonymous_search": BOOL}),
    "CurationResponse": _obj({"ok": OK, "action": {"enum": ["merge", "rename", "split"]}, "result": {}}),
    "LinkEvidence": _obj({"rel": STR, "role": NSTR, "doc_id": STR, "sentence": NSTR, "start": NINT, "end": NINT,
                          "title": NSTR, "date": NSTR}),
    "LinksResponse": _obj({"ok": OK, "a": ref("Entity"), "b": ref("Entity"), "rel": NSTR,
                           "evidence": _arr(ref("LinkEvidence"))}),
    "MapResponse": _obj({
        "ok": OK, "community": NINT, "total": INT, "truncated": BOOL,
        "nodes": _arr(_obj({"id": STR, "name": NSTR, "type": STR, "subtype": NSTR, "community": INT,
                            "degree": INT}, ["id", "name", "type", "community", "degree"])),
        "edges": _arr(_obj({"source": STR, "target": STR, "weight": NUM})),
        "communities": _arr(_obj({"id": INT, "size": INT, "topics": _arr(STR), "members": _arr(NSTR)})),
    }),
    "Report": _obj({
        "id": STR, "kind": {"enum": ["entity", "relation"]}, "label": STR, "reason": STR, "user": STR, "at": STR,
        "status": {"enum": ["open", "accepted", "rejected"]}, "entity": STR, "field": {"enum": ["name", "type"]},
        "a": STR, "b": STR, "types": _arr(STR),
        "decision": _obj({"by": STR, "at": STR, "note": STR, "action": STR, "result": {}}, ["by", "at"]),
    }, ["id", "kind", "label", "reason", "user", "at", "status"]),
    "ReportResponse": _obj({"ok": OK, "report": ref("Report")}),
    "ReportsResponse": _obj({"ok": OK, "reports": _arr(ref("Report"))}),
}


def _param(name: str, where: str = "query", required: bool = False, schema: dict | None = None,
           description: str = "") -> dict:
    return {"name": name, "in": where, "required": required, "schema": schema or STR,
            "description": description}


def _responses(schema: str, *errors: int) -> dict:
    out = {"200": {"description": "OK", "content": {"application/json": {"schema": ref(schema)}}}}
    for code in sorted(set(errors) | {400, 500}):
        out[str(code)] = {"description": "Error", "content": {"application/json": {"schema": ref("Error")}}}
    return out


ID = _param("id", "path", True, description="entity id")
READ_ERRORS = (401, 403)
CSRF = {"name": "X-CSRF-Token", "in": "header", "required": True, "schema": STR,
        "description": "the session's CSRF token (from the page's <meta name=csrf-token>)"}


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Grappe API", "version": "1",
                 "description": "Search and read Grappe's ecosystem knowledge graph. Sessions come from "
                                "signing in at /login; state-changing requests need the X-CSRF-Token header. "
                                "Every error has the Error shape."},
        "paths": {
            "/api/search": {"get": {"summary": "Search entities by name, alias or acronym",
                                    "parameters": [_param("q", required=True), _param("type"), _param("subtype"),
                                                   _param("limit", schema=INT)],
                                    "responses": _responses("SearchResponse", *READ_ERRORS)}},
            "/api/entities/{id}": {"get": {"summary": "An entity with its projects, people, partners",
                                           "parameters": [ID],
                                           "responses": _responses("EntityResponse", 404, *READ_ERRORS)}},
            "/api/entities/{id}/partners": {"get": {
                "summary": "Partners of an entity, with shared projects and evidence",
                "parameters": [ID, _param("limit", schema=INT)],
                "responses": _responses("PartnersResponse", 404, 503, *READ_ERRORS)}},
            "/api/entities/{id}/network": {"get": {
                "summary": "The ego network of an entity", "parameters": [ID],
                "responses": _responses("NetworkResponse", 404, *READ_ERRORS)}},
            "/api/path": {"get": {"summary": "Paths between two entities (up to 3 hops)",
                                  "parameters": [_param("from", required=True), _param("to", required=True),
                                                 _param("hops", schema=INT)],
                                  "responses": _responses("PathResponse", 404, 409, 503, *READ_ERRORS)}},
            "/api/match/{id}": {"get": {"summary": "Ranked partner candidates with explanations",
                                        "parameters": [ID, _param("k", schema=INT)],
                                        "responses": _responses("MatchResponse", 404, 503, *READ_ERRORS)}},
            "/api/partnerships": {"get": {
                "summary": "All partnerships, filtered",
                "parameters": [_param(n) for n in ("type", "subtype", "entity", "project", "doc", "year")]
                + [_param("offset", schema=INT), _param("limit", schema=INT)],
                "responses": _responses("PartnershipsResponse", *READ_ERRORS)}},
            "/api/sources": {"get": {"summary": "Ingested documents and the last ingest's failures",
                                     "parameters": [_param("offset", schema=INT)],
                                     "responses": _responses("SourcesResponse", *READ_ERRORS)}},
            "/api/documents/{id}": {"get": {"summary": "One document with its evidence and entities",
                                            "parameters": [_param("id", "path", True)],
                                            "responses": _responses("DocumentResponse", 404, *READ_ERRORS)}},
            "/api/queries": {"get": {"summary": "Saved analyst queries (analyst)",
                                     "responses": _responses("QueriesResponse", 401, 403)}},
            "/api/query": {"post": {
                "summary": "Run read-only Cypher or a saved query (analyst)", "parameters": [CSRF],
                "requestBody": {"required": True,
                                "content": {"application/json": {"schema": ref("QueryRequest")}}},
                "responses": _responses("QueryResponse", 401, 403, 404, 408)}},
            "/api/entities/{id}/merge": {"post": {
                "summary": "Merge entity `other` into this one (curator)", "parameters": [ID, CSRF],
                "requestBody": {"required": True, "content": {"application/json": {"schema": _obj(
                    {"other": STR, "reason": STR})}}},
                "responses": _responses("CurationResponse", 401, 403, 404, 503)}},
            "/api/entities/{id}/rename": {"post": {
                "summary": "Rename an entity (curator)", "parameters": [ID, CSRF],
                "requestBody": {"required": True, "content": {"application/json": {"schema": _obj(
                    {"name": STR, "reason": STR})}}},
                "responses": _responses("CurationResponse", 401, 403, 404, 503)}},
            "/api/entities/{id}/split": {"post": {
                "summary": "Split some aliases / mention texts off into a new entity (curator)",
                "parameters": [ID, CSRF],
                "requestBody": {"required": True, "content": {"application/json": {"schema": _obj(
                    {"names": _arr(STR), "reason": STR})}}},
                "responses": _responses("CurationResponse", 401, 403, 404, 503)}},
            "/api/links": {"get": {
                "summary": "Evidence sentences for the links between two entities (the explorer's link panel)",
                "parameters": [_param("a", required=True), _param("b", required=True),
                               _param("rel", schema={"enum": [t.value for t in RelType]})],
                "responses": _responses("LinksResponse", 404, *READ_ERRORS)}},
            "/api/map": {"get": {
                "summary": "The organization graph, whole or one Louvain community (the map page)",
                "parameters": [_param("community", schema=INT), _param("limit", schema=INT)],
                "responses": _responses("MapResponse", 503, *READ_ERRORS)}},
            "/api/reports": {
                "get": {"summary": "Reported errors (curator); status=open (default), accepted, rejected or all",
                        "parameters": [_param("status")], "responses": _responses("ReportsResponse", 401, 403)},
                "post": {"summary": "Report an error on a fact (viewer)", "parameters": [CSRF],
                         "requestBody": {"required": True, "content": {"application/json": {"schema": _obj(
                             {"kind": {"enum": ["entity", "relation"]}, "entity": STR,
                              "field": {"enum": ["name", "type"]}, "a": STR, "b": STR, "types": _arr(STR),
                              "reason": STR}, ["kind", "reason"])}}},
                         "responses": {**_responses("ReportResponse", 401, 403, 404), "201": {
                             "description": "Filed", "content": {"application/json": {"schema": ref("ReportResponse")}}}}}},
            "/api/reports/{report_id}/{verdict}": {"post": {
                "summary": "Accept (applying rename, merge, split or remove) or reject a report (curator)",
                "parameters": [_param("report_id", "path", True),
                               _param("verdict", "path", True, {"enum": ["accept", "reject"]}), CSRF],
                "requestBody": {"content": {"application/json": {"schema": _obj(
                    {"action": {"enum": ["rename", "merge", "split", "remove"]}, "name": STR, "other": STR,
                     "names": STR, "note": STR}, [])}}},
                "responses": _responses("ReportResponse", 401, 403, 404)}},
            "/reconcile": {"get": {
                "summary": "W3C Reconciliation Service API 0.2 (OpenRefine): the manifest; with queries= a batch "
                           "of reconciliation queries, with extend= data extension. POST works the same. "
                           "See https://reconciliation-api.github.io/specs/0.2/",
                "parameters": [_param("queries"), _param("extend")],
                "responses": {"200": {"description": "A manifest, a result batch or an extension response, "
                                                     "as the 0.2 schemas (web/reconcile_schemas/0.2) define"}}}},
            "/api/me": {"get": {"summary": "Who is signed in", "responses": _responses("MeResponse")}},
            "/api/openapi.json": {"get": {"summary": "This document",
                                          "responses": {"200": {"description": "OpenAPI 3.1"}}}},
        },
        "components": {"schemas": SCHEMAS},
    }
