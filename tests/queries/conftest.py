from __future__ import annotations

from typing import Any

import pytest

from queries import fixture_graph


@pytest.fixture
def fx_store(store: Any) -> Any:
    """The store fixture with the hand-made ecosystem graph written into it."""
    fixture_graph.load(store)
    return store
