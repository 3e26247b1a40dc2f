"""Web test fixtures: the fixture graph in a fresh FalkorDB graph, an app on it,
users of every role, and helpers to sign in and carry the CSRF token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from web_fixtures import PASSWORD

from web import create_app
from web.users import ROLES, UserStore


@pytest.fixture
def users_file(tmp_path: Path) -> Path:
    path = tmp_path / "users.json"
    users = UserStore(path)
    for role in ROLES:
        users.add(role, role, PASSWORD)
    return path


@pytest.fixture
def make_app(settings: Any, graph_store: Any, users_file: Path, tmp_path: Path):
    def factory(**changes: Any):
        s = settings.replace(data_dir=tmp_path, **changes)
        return create_app(s, store=graph_store,
                          config={"TESTING": True, "SECRET_KEY": "test-secret", "USERS_FILE": users_file})
    return factory


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()
