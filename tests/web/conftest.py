"""Web test fixtures: the fixture graph in a fresh FalkorDB graph, an app on it,
users of every role, and helpers to sign in and carry the CSRF token."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

# tests/ is on sys.path (pytest's rootdir conftest), and this folder is named "web" like the
# app package: make sure the app package, not this folder, is what "web" means.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import web_fixtures as fixtures  # noqa: E402, I001
from web import create_app  # noqa: E402
from web.users import ROLES, UserStore  # noqa: E402
from web_fixtures import PASSWORD  # noqa: E402


@pytest.fixture
def graph_store(store: Any) -> Any:
    store.write(fixtures.batch())
    return store


@pytest.fixture
def users_file(tmp_path: Path) -> Path:
    path = tmp_path / "users.json"
    users = UserStore(path)
    for role in ROLES:
        users.add(role, role, PASSWORD)
    return path


@pytest.fixture
def make_app(settings: Any, graph_store: Any, users_file: Path, tmp_path: Path):  # noqa: ANN201
    def factory(**changes: Any):  # noqa: ANN202
        s = settings.replace(data_dir=tmp_path, **changes)
        return create_app(s, store=graph_store,
                          config={"TESTING": True, "SECRET_KEY": "test-secret", "USERS_FILE": users_file})
    return factory


@pytest.fixture
def app(make_app):  # noqa: ANN001, ANN201
    return make_app()


@pytest.fixture
def client(app):  # noqa: ANN001, ANN201
    return app.test_client()
