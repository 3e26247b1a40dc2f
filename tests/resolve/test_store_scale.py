"""On a big graph the resolver queries the full-text index instead of fetching everything."""

from __future__ import annotations

import time

from graph.resolve.store_resolver import StoreResolver, new_entity_id
from grappe.model import Entity, EntityType, GraphBatch

from .test_store_resolver import extraction

ORG = EntityType.ORGANIZATION


def test_resolution_against_a_big_graph_stays_fast(store, settings) -> None:
    names = [f"Entreprise Numéro{i:04d} Technologies" for i in range(3000)]
    store.write(GraphBatch(entities=[Entity(new_entity_id(n, ORG), ORG, n) for n in names]))
    resolver = StoreResolver(settings, small_graph=1000)
    doc = extraction("big", [(names[i].upper() + " inc.", ORG, []) for i in range(0, 3000, 75)]
                     + [("Société Inconnue", ORG, [])])
    t0 = time.perf_counter()
    assignment = resolver.assign(doc, store)
    elapsed = time.perf_counter() - t0
    assert resolver._known is None  # never fetched the whole graph
    for k, i in enumerate(range(0, 3000, 75)):
        assert assignment[f"e{k}"].id == new_entity_id(names[i], ORG)
    assert assignment[f"e{len(range(0, 3000, 75))}"].id == new_entity_id("Société Inconnue", ORG)
    assert elapsed < 5.0, elapsed
