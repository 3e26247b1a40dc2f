"""Reliability fixtures: an embedded FalkorDB of its own with small limits (so the
tests that push memory or time do not load the shared one), and the web app on the
fixture graph with users of every role (the helpers of tests/web)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import web_fixtures
from graphs import web_ecosystem

from graph.store.embedded import EmbeddedFalkorDB, ServerLimits
from graph.store.falkordb import FalkorDBStore

SMALL = ServerLimits(timeout_default_ms=20_000, timeout_max_ms=20_000, query_memory_bytes=64 << 20, threads=3)


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedFalkorDB]:
    server = EmbeddedFalkorDB(tmp_path_factory.mktemp("small"), limits=SMALL)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def small_store(small_server: EmbeddedFalkorDB) -> Iterator[FalkorDBStore]:
    store = FalkorDBStore(f"s_{uuid.uuid4().hex[:10]}", unix_socket=small_server.socket, query_timeout_ms=1000)
    store.create_schema()
    yield store
    store.drop()
    store.close()


@pytest.fixture
def web_client(settings: Any, store: Any, tmp_path: Path) -> Any:
    from web import create_app
    from web.users import ROLES, UserStore

    store.write(web_ecosystem.batch())
    users = UserStore(tmp_path / "users.json")
    for role in ROLES:
        users.add(role, role, web_fixtures.PASSWORD)
    app = create_app(settings.replace(data_dir=tmp_path), store=store,
                     config={"TESTING": True, "SECRET_KEY": "test-secret", "USERS_FILE": tmp_path / "users.json"})
    return app.test_client()
