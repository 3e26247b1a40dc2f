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
