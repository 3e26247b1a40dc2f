"""The full-text candidate query copes with any folded words."""

from __future__ import annotations

import pytest

from grappe.model import Entity, EntityType, GraphBatch


@pytest.mark.parametrize("tokens", [["it", "is"], ["montreal"], ["2025", "ai"], ["x" * 40]])
def test_candidates_query_accepts_any_words(store, tokens) -> None:
    store.write(GraphBatch(entities=[Entity("NK-1", EntityType.ORGANIZATION, "Université de Montréal")]))
    rows = store.run("resolve/candidates", tokens=tokens, limit=5).rows
    assert isinstance(rows, list)
    if tokens == ["montreal"]:
        assert [r["id"] for r in rows] == ["NK-1"]
