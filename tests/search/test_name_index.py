"""graph.search.index: the in-memory exact/alias/prefix tiers of graph.search, on the embedded
FalkorDB: word starts, agreement with the database path, filters, rebuilds, size cap."""

from __future__ import annotations

from typing import Any

import pytest
from graphs.builder import ready

import graph.search.query as search_mod
from graph.analytics import invalidate
from graph.search import fold, search
from graph.search import index as name_index
from grappe.model import Entity, EntityType, GraphBatch

ORG = EntityType.ORGANIZATION


def db_only(monkeypatch: pytest.MonkeyPatch, store: Any, q: str, **kw: Any) -> list[Any]:
    with monkeypatch.context() as m:
        m.setattr(search_mod, "_name_index", lambda _store: None)
        return search(store, q, **kw)


def test_index_is_built_from_the_store(fx_store: Any) -> None:
    index = name_index.get_index(fx_store, wait=True)
    assert index is not None and len(index) == len(fx_store.run("search/all_names", after="", limit=1000).rows)
    assert {index.record(i).id for i in index.candidates(fold("Université de Montréal"), 10)} >= {"udem"}
    assert name_index.get_index(fx_store) is index  # cached per store


def test_prefix_by_word_start(fx_store: Any) -> None:
    index = name_index.get_index(fx_store, wait=True)
    assert "acme" in {index.record(i).id for i in index.candidates("robot", 10)}  # "acme robotique"
    assert "gci" in {index.record(i).id for i in index.candidates("chaine", 10)}  # "grande chaine inc"
    hits = search(fx_store, "robot")
    assert [(h.id, h.match) for h in hits][:1] == [("acme", "prefix")]
    assert [(h.id, h.match) for h in search(fx_store, "intelligence artif")][:1] == [("mila", "prefix")]


@pytest.mark.parametrize("q", ["Université de Montréal", "udem", "UdeM", "University of Montreal", "mcgill",
                               "montreal", "GCI", "amii", "mila", "Scale AI", "acme rob", "grande ch", "projet",
                               "proj", "data", "logistique", "robot", "institut", "iq", "alberta machine"])
def test_same_hits_as_the_database(fx_store: Any, monkeypatch: pytest.MonkeyPatch, q: str) -> None:
    assert name_index.get_index(fx_store, wait=True) is not None
    fast = [(h.id, h.match, h.score) for h in search(fx_store, q)]
    slow = [(h.id, h.match, h.score) for h in db_only(monkeypatch, fx_store, q)]
    assert fast == slow


def test_filters_through_the_index(fx_store: Any) -> None:
    assert name_index.get_index(fx_store, wait=True) is not None
    assert [h.id for h in search(fx_store, "montreal", types="University")] == ["udem"]
    assert "udem" not in {h.id for h in search(fx_store, "montreal", types=["Organization"])}
    assert {h.id for h in search(fx_store, "projet", types=[EntityType.PROJECT])} == {"alpha", "beta", "gamma", "delta"}
    assert [h.id for h in search(fx_store, "data", subtype="startup")] == ["solo"]
    assert search(fx_store, "data", subtype="company") == []
    index = name_index.get_index(fx_store)
    assert [index.record(i).id for i in index.candidates("proj", 10, types=["Person"])] == []


def test_rebuilt_after_a_write_and_an_invalidation(store: Any, settings: Any) -> None:
    store.write(GraphBatch(entities=[Entity("n1", ORG, "Nordik Robotique", "startup")]))
    ready(store)
    name_index.attach(store, settings)
    first = name_index.get_index(store, wait=True)
    assert [h.id for h in search(store, "nordik")] == ["n1"]
    # a rename keeps every count: only the generation bump (what curation does) tells
    store.write(GraphBatch(entities=[Entity("n1", ORG, "Boreal Robotique", "startup")]))
    ready(store)
    invalidate(settings)
    assert [(h.id, h.match) for h in search(store, "boreal")] == [("n1", "prefix")]
    assert name_index.get_index(store) is not first
    assert "n1" not in {h.id for h in search(store, "nordik")}


def test_rebuilt_when_the_entity_count_changes(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    store.write(GraphBatch(entities=[Entity("n1", ORG, "Nordik Robotique", "startup")]))
    ready(store)
    assert name_index.get_index(store, wait=True) is not None
    monkeypatch.setattr(name_index, "CHECK_SECONDS", 0.0)
    store.write(GraphBatch(entities=[Entity("n2", ORG, "Nordik Data", "sme")]))
    ready(store)
    index = name_index.get_index(store)
    assert index is not None and len(index) == 2
    assert [(h.id, h.match) for h in search(store, "nordik d")][:1] == [("n2", "prefix")]


def test_too_big_falls_back_to_the_database(fx_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_index, "MAX_STRINGS", 5)
    monkeypatch.setattr(name_index, "build", lambda store: name_index.NameIndex(
        name_index._rows(store), max_strings=5))
    assert name_index.get_index(fx_store, wait=True) is None
    assert search(fx_store, "udem")[0].id == "udem"  # the database still answers
    assert name_index.get_index(fx_store) is None  # and no rebuild is tried before the next check


def test_large_graphs_build_in_the_background(fx_store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_index, "SYNC_ENTITIES", 0)
    first = name_index.get_index(fx_store)  # starts the build, answers None (the database) meanwhile
    assert first is None
    assert search(fx_store, "udem")[0].id == "udem"
    assert name_index.get_index(fx_store, wait=True) is not None
