"""The functions behind every page and its JSON twin: plain dicts in, plain dicts out.

A page renders what one of these returns; ``/api/...`` returns the same dict as JSON,
so the two cannot drift apart. Every query is a named file under ``cypher/web/``
(or a library call); user input only ever reaches the database as parameters.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from typing import Any

from graph.resolve.external_ids import external_links
from graph.search import facets as facets_fn
from graph.search import resolve_name
from graph.search import search as search_mod
from grappe.errors import GrappeError, NotFound
from grappe.model import ORG_SUBTYPES, EntityType
from web.errors import BadParameter
from web.redact import public_source, redact_paths

TYPES = tuple(t.value for t in EntityType)
MAX_QUERY_CHARS = 200


def plain(obj: Any) -> Any:
    """Library results (dataclasses, objects with ``to_dict``) as JSON-ready values."""
    if obj is None or isinstance(obj, (str, int, bool)):
        return obj
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if hasattr(obj, "to_dict") and callable(obj.to_dict):
        return plain(obj.to_dict())
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return plain(dataclasses.asdict(obj))
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [plain(v) for v in obj]
    if hasattr(obj, "item"):  # numpy scalars
        return plain(obj.item())
    return str(obj)


# --------------------------------------------------------------------------- parameters


def check_type(value: str | None) -> str | None:
    if not value:
        return None
    for t in TYPES:
        if value.lower() == t.lower():
            return t
    raise BadParameter(f"unknown entity type {value!r}", f"Use one of: {', '.join(TYPES)}.")


def check_subtype(value: str | None) -> str | None:
    if not value:
        return None
    if value not in ORG_SUBTYPES:
        raise BadParameter(f"unknown subtype {value!r}", f"Use one of: {', '.join(ORG_SUBTYPES)}.")
    return value


def check_int(value: Any, name: str, default: int, lo: int, hi: int) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadParameter(f"{name} must be a whole number, not {value!r}") from None
    if not lo <= number <= hi:
        raise BadParameter(f"{name} must be between {lo} and {hi}, not {number}")
    return number


def check_text(value: str | None, name: str, max_len: int = MAX_QUERY_CHARS) -> str:
    value = (value or "").strip()
    if len(value) > max_len:
        raise BadParameter(f"{name} is too long ({len(value)} characters; at most {max_len})")
    if "\x00" in value:
        raise BadParameter(f"{name} contains a NUL character")
    return value


# --------------------------------------------------------------------------- search


def search_data(store: Any, q: str | None, type_: str | None = None, subtype: str | None = None,
                limit: int = 10) -> dict[str, Any]:
    q = check_text(q, "q")
    type_ = check_type(type_)
    subtype = check_subtype(subtype)
    if not q:
        return {"ok": True, "query": "", "type": type_, "subtype": subtype, "hits": [],
                "facets": {"type": {}, "subtype": {}}}
    hits = search_mod(store, q, limit=limit, types=[type_] if type_ else None, subtype=subtype)
    if type_ or subtype:
        facet_hits = search_mod(store, q, limit=max(limit, 50))
    else:
        facet_hits = hits
    return {"ok": True, "query": q, "type": type_, "subtype": subtype,
            "hits": plain(hits), "facets": plain(facets_fn(facet_hits))}


# --------------------------------------------------------------------------- entity


def _not_found(entity_id: str) -> NotFound:
    return NotFound(f"no entity with id {entity_id!r}",
                    "It may have been merged into another entity; search for its name.")


def _entity_record(row: dict[str, Any]) -> dict[str, Any]:
    entity = dict(row)
    entity["aliases"] = [a for a in (entity.get("aliases") or []) if a]
    entity["external_ids"] = external_links(entity)
    return plain(entity)


def entity_core(store: Any, entity_id: str) -> dict[str, Any]:
    row = store.run("web/entity", id=entity_id).first()
    if row is None:
        raise _not_found(entity_id)
    return _entity_record(row)


#: evidence sentences kept per partner (the count says how many there are)
MAX_EVIDENCE = 5


def top_partners(analytics_fn, entity_id: str, limit: int) -> tuple[list[dict], int]:
    """The first ``limit`` partners (explicit partnerships and most shared projects first),
    each with its aliases (to highlight them) and its evidence sentences labelled by
    document title and date, and how many partners there are in all."""
    everyone, total = analytics_fn().partners_page(entity_id, limit)
    partners = plain(everyone)
    for p in partners:
        evidence = p.get("evidence") or []
        p["evidence_count"] = len(evidence)
        p["evidence"] = evidence[:MAX_EVIDENCE]
    return partners, total


def partners_data(store: Any, analytics_fn, entity_id: str, limit: int = 100) -> dict[str, Any]:
    entity = entity_core(store, entity_id)
    partners, total = top_partners(analytics_fn, entity_id, limit)
    return {"ok": True, "entity": entity, "partners": partners, "total": total}


def entity_data(store: Any, analytics_fn, entity_id: str, limit: int = 200,
                partner_limit: int = 50) -> dict[str, Any]:
    # one round trip for the entity and its lists (each a query of its own before)
    row = store.run("web/entity_page", id=entity_id, limit=limit, doc_limit=50).first()
    if row is None:
        raise _not_found(entity_id)
    row = dict(row)
    lists = {k: row.pop(k) or [] for k in ("projects", "participants", "people", "documents")}
    entity = _entity_record(row)
    projects, participants = lists["projects"], lists["participants"]
    people, documents = lists["people"], lists["documents"]
    partners: list | None = []
    partners_total, partners_error = 0, None
    if entity["type"] != EntityType.PROJECT.value:
        try:
            partners, partners_total = top_partners(analytics_fn, entity_id, partner_limit)
        except GrappeError as exc:  # the rest of the page stays useful
            partners, partners_error = None, str(exc)
    return {
        "ok": True,
        "entity": entity,
        "projects": plain(projects),
        "participants": plain(participants),
        "people": plain(people),
        "documents": plain(documents),
        "partners": partners,
        "partners_total": partners_total,
        "partners_error": partners_error,
    }


def ego_network(store: Any, entity_id: str, limit: int = 60,
                entity: dict[str, Any] | None = None) -> dict[str, Any]:
    """The entity, its ``limit`` most linked neighbours and the links among them
    (``entity``: its record when the caller already has it)."""
    entity = entity or entity_core(store, entity_id)
    neighbours = plain(store.run("web/ego_neighbours", id=entity_id, limit=limit).rows)
    ids = [entity_id] + [n["id"] for n in neighbours]
    edges = plain(store.run("web/ego_edges", ids=ids).rows) if len(ids) > 1 else []
    return {"ok": True, "entity": entity, "neighbours": neighbours, "edges": edges}


# --------------------------------------------------------------------------- partners, paths, match


def path_data(store: Any, analytics_fn, a_id: str, b_id: str, max_hops: int = 3) -> dict[str, Any]:
    a = entity_core(store, a_id)
    b = entity_core(store, b_id)
    paths = plain(analytics_fn().paths(a_id, b_id, max_hops=max_hops))
    return {"ok": True, "from": a, "to": b, "max_hops": max_hops, "paths": paths}


def match_data(store: Any, analytics_fn, entity_id: str, k: int = 10) -> dict[str, Any]:
    entity = entity_core(store, entity_id)
    recs = plain(analytics_fn().recommend(entity_id, k=k))
    return {"ok": True, "entity": entity, "candidates": recs}


PARTNERSHIP_COLUMNS = ("a_id", "a_name", "a_type", "a_subtype", "b_id", "b_name", "b_type",
                       "b_subtype", "evidence", "documents", "latest")


def partnership_filters(args: Any) -> dict[str, Any]:
    year = check_text(args.get("year"), "year", 4)
    if year and not (len(year) == 4 and year.isdigit()):
        raise BadParameter(f"year must have four digits, not {year!r}")
    return {
        "type": check_type(args.get("type")),
        "subtype": check_subtype(args.get("subtype")),
        "entity": check_text(args.get("entity"), "entity") or None,
        "project": check_text(args.get("project"), "project") or None,
        "doc": check_text(args.get("doc"), "doc") or None,
        "year": year or None,
    }


def partnerships_data(store: Any, filters: dict[str, Any], offset: int = 0, limit: int = 100) -> dict[str, Any]:
    rows = store.run("web/partnerships", offset=offset, limit=limit + 1, **filters).rows
    more = len(rows) > limit
    return {"ok": True, "filters": filters, "offset": offset, "limit": limit, "more": more,
            "rows": plain(rows[:limit])}


def projects_list(store: Any, limit: int = 500) -> list[dict[str, Any]]:
    return plain(store.run("web/projects", limit=limit).rows)


# --------------------------------------------------------------------------- sources


def last_ingest(data_dir: Path) -> dict[str, Any] | None:
    path = Path(data_dir) / "last_ingest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        return {"error": f"{path.name} could not be read: {exc}", "failures": [], "documents": []}
    if not isinstance(data, dict):
        return {"error": f"{path.name} is not a JSON object", "failures": [], "documents": []}
    failures = [f for f in data.get("failures") or [] if isinstance(f, dict)]
    return {
        "started": data.get("started"),
        "finished": data.get("finished"),
        "documents": len(data.get("documents") or []),
        "failures": [{"path": str(f.get("path", "")), "reason": str(f.get("reason", ""))} for f in failures],
    }


def sources_data(store: Any, data_dir: Path, offset: int = 0, limit: int = 200,
                 public: bool = False) -> dict[str, Any]:
    """The documents and the last ingest's report; ``public`` (an anonymous visitor):
    file names instead of the server's paths."""
    rows = plain(store.run("web/documents", offset=offset, limit=limit + 1).rows)
    counts = {r["doc_id"]: r["relations"] for r in store.run("web/document_relation_counts").rows}
    for r in rows:
        r["relations"] = counts.get(r["id"], 0)
        if public:
            r["source"] = public_source(r.get("source"))
    report = last_ingest(data_dir)
    if public and report:
        report["failures"] = [{"path": public_source(f["path"]), "reason": redact_paths(f["reason"])}
                              for f in report["failures"]]
    incomplete = store.run("web/incomplete_document_count").scalar(0)
    return {"ok": True, "offset": offset, "limit": limit, "more": len(rows) > limit,
            "documents": rows[:limit], "last_ingest": report, "incomplete": incomplete}


def document_data(store: Any, doc_id: str, public: bool = False) -> dict[str, Any]:
    row = store.run("web/document", id=doc_id).first()
    if row is None:
        raise NotFound(f"no document with id {doc_id!r}", "The sources page lists every document.")
    evidence = plain(store.run("web/document_evidence", id=doc_id, limit=1000).rows)
    entities = plain(store.run("web/document_entities", id=doc_id, limit=500).rows)
    document = plain(row)
    if public:
        document["source"] = public_source(document.get("source"))
    return {"ok": True, "document": document, "evidence": evidence, "entities": entities}


def pick_entity(store: Any, value: str | None, what: str = "entity") -> dict[str, Any] | None:
    """The entity a form field names (an id, or a name/alias resolved by search).

    ``None`` for an empty field; :class:`grappe.errors.Ambiguous` (with candidates) or
    :class:`NotFound` when the name does not designate one entity."""
    value = check_text(value, what)
    if not value:
        return None
    row = store.run("web/entity", id=value).first()
    if row is not None:
        return plain(dict(row))

    return plain(resolve_name(store, value))
