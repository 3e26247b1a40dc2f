"""The contract suite runs against every backend: FalkorDB always, Neo4j when
NEO4J_URI is set (NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE as usual).

Neo4j keeps one graph per database, so the Neo4j store is cleared before and after
each test: point NEO4J_URI at a throwaway database.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from grappe.settings import Settings

BACKENDS = [
    "falkordb",
    pytest.param("neo4j", marks=pytest.mark.skipif(
        not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set: Neo4j contract tests skipped")),
]


def neo4j_settings(base: Settings) -> Settings:
    return base.replace(
        graph_url=os.environ["NEO4J_URI"],
        neo4j_username=os.environ.get("NEO4J_USERNAME", "neo4j"),
        neo4j_password=os.environ.get("NEO4J_PASSWORD"),
        neo4j_database=os.environ.get("NEO4J_DATABASE") or None,
    )


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store(backend: str, make_store: Callable[..., Any], settings: Settings) -> Iterator[Any]:
    if backend == "falkordb":
        yield make_store()
        return
    from graph.store import open_store

    s = open_store(neo4j_settings(settings))
    s.clear()
    s.create_schema()
    try:
        yield s
    finally:
        s.clear()
        s.close()
