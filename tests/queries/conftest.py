from __future__ import annotations

from typing import Any

import pytest
from graphs import ecosystem


@pytest.fixture
def fx_store(store: Any) -> Any:
    """The store fixture with the hand-made ecosystem graph written into it."""
    ecosystem.load(store)
    return store
