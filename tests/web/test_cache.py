"""The per-process cache of slow results (web.cache): kept for one generation of the graph."""


def test_graph_cache_keeps_slow_results_for_one_generation(tmp_path):
    from graph.store import generation
    from grappe.settings import Settings
    from web.cache import GraphCache

    settings = Settings.load({"data_dir": str(tmp_path)}, environ={})
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    fast = GraphCache(settings, min_ms=1e9)  # nothing is slow enough: always computed
    assert [fast.get("k", compute) for _ in range(2)] == [1, 2]
    cache = GraphCache(settings, min_ms=0.0)
    assert [cache.get("k", compute) for _ in range(2)] == [3, 3]
    generation.bump(settings)  # an ingest or a curation: recomputed
    assert cache.get("k", compute) == 4
    cache.clear()
    assert cache.get("k", compute) == 5


def test_each_kind_of_result_has_its_own_list(tmp_path):
    """Pages seen once must not push out the answers that come back (typeahead, reconciliation)."""
    from grappe.settings import Settings
    from web.cache import GraphCache

    cache = GraphCache(Settings.load({"data_dir": str(tmp_path)}, environ={}), max_entries=2, min_ms=0.0)
    calls: list[str] = []

    def compute(name: str):
        return lambda: calls.append(name) or name

    cache.get(("search", "acme"), compute("acme"))
    for n in range(5):  # a stream of different entity pages
        cache.get(("entity", f"e{n}"), compute(f"e{n}"))
    assert cache.get(("search", "acme"), compute("acme again")) == "acme"
    assert cache.get(("entity", "e0"), compute("e0 again")) == "e0 again"  # its own list holds 2
    assert calls == ["acme", "e0", "e1", "e2", "e3", "e4", "e0 again"]


def test_kept_json_is_the_text_jsonify_writes(tmp_path):
    from flask import jsonify

    from grappe.settings import Settings
    from web import create_app
    from web.services import cached_json

    app = create_app(Settings.load({"data_dir": str(tmp_path)}, environ={}))
    app.extensions["grappe"].cache.min_ms = 0.0
    value = {"b": [1, 2.5, None], "a": "Société Acme", "c": {"z": True, "y": "x"}}
    with app.test_request_context("/"):
        expected = jsonify(value)
        first = cached_json(("network", "acme"), lambda: value)
        again = cached_json(("network", "acme"), lambda: {"changed": True})
        assert first.get_data() == expected.get_data() == again.get_data()
        assert first.mimetype == expected.mimetype
