"""Saved analyst queries run read-only on a store, entity parameters given by name or id."""

from __future__ import annotations

from typing import Any

from graph import cypher
from graph.search import resolve_name
from graph.store.base import GraphStore, QueryResult

PARAM_ENTITY = "entity"


def run_saved(store: GraphStore, name: str, raw_params: dict[str, Any], timeout_ms: int | None = None,
              max_rows: int | None = None) -> QueryResult:
    """Run saved query ``name`` read-only, ``raw_params`` coerced by its header."""
    query = cypher.saved_query(name)
    params = query.bind(raw_params)
    for p in query.params:  # `entity` parameters take an id, a name or an acronym
        if PARAM_ENTITY == cypher.PARAM_TYPES.get(p.type.lower()) and isinstance(params.get(p.name), str):
            params[p.name] = resolve_name(store, params[p.name])["id"]
    return store.read(query.body(store.backend), params, timeout_ms=timeout_ms, max_rows=max_rows)
