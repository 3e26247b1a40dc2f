"""Resolution keeps its speed as the graph grows: bounded lookups, the same pairs.

The names are invented: a common word ("Institut", a first name) shared by more
stored entities than a block may hold, and one distinctive word per entity.
"""

from __future__ import annotations

import random

from graph.resolve.blocking import MAX_TOKEN_BLOCK, candidate_pairs, index_keys, keys, token_df
from graph.resolve.features import info
from graph.resolve.store_resolver import StoreResolver, new_entity_id
from grappe.model import Entity, EntityType, GraphBatch

from .test_store_resolver import extraction

ORG, PERSON = EntityType.ORGANIZATION, EntityType.PERSON
SYLLABLES = ("ba", "ri", "no", "ve", "la", "tor", "mi", "sen", "qua", "dor", "zel", "pol")


def invented(k: int) -> str:
    """A distinct pronounceable word per k (three syllables, base 12)."""
    return "".join(SYLLABLES[(k // 12 ** i) % 12] for i in range(3)).capitalize() + "ac"


def names(n: int, first: str) -> list[str]:
    return [f"{first} {invented(k)}" for k in range(n)]


def test_pairs_across_a_split_are_the_full_computation_s_pairs_across_it() -> None:
    rng = random.Random(3)
    pool = names(150, "Institut") + names(60, "Acme") + ["Northfield Robotics", "NR", "Institut Ravenac",
                                                          "Lakeside University", "Lakeside Univ.", "LU"]
    for _ in range(3):
        sample = rng.sample(pool, 120)
        named = [(info(n),) for n in sample]
        split = 100
        full = {(i, j) for i, j in candidate_pairs(named) if i < split <= j}
        assert full, "the sample must pair across the split for the check to mean anything"
        assert candidate_pairs(named, split=split) == full


def test_index_keys_hold_every_key_any_token_counts_give() -> None:
    infos = [info(n, person) for n, person in [("Institut Norvac de recherche appliquée", False),
                                               ("Claire Northvale", True), ("ACME inc.", False),
                                               ("Lakeside University", False), ("NR", False)]]
    rng = random.Random(5)
    for n in infos:
        counts = token_df(infos)
        for _ in range(5):
            counts = type(counts)({t: rng.randint(0, 9) for t in counts})
            assert keys(n, counts) <= index_keys(n.raw, n.person)
        assert keys(n) <= index_keys(n.raw, n.person)


def test_candidates_stay_bounded_and_typos_still_resolve(store, settings) -> None:
    stored = names(MAX_TOKEN_BLOCK + 60, "Claire") + ["Claire Northvale"]
    store.write(GraphBatch(entities=[Entity(new_entity_id(n, PERSON), PERSON, n) for n in stored]))
    resolver = StoreResolver(settings)
    doc = extraction("d1", [("Claire Northvele", PERSON, []), ("Claire Southmere", PERSON, [])])
    # "Claire" is held by more entities than a block may hold: it fetches none of them
    found = resolver.candidates(doc.entities, store)
    assert len(found) < 10, len(found)
    assert new_entity_id("Claire Northvale", PERSON) in found
    assignment = resolver.assign(doc, store)
    # the misspelt family name still meets the stored one (through the rare word's
    # one-letter deletions, its rarity counted over the whole graph) ...
    assert assignment["e0"].id == new_entity_id("Claire Northvale", PERSON)
    # ... and a new name sharing only the common word stays apart
    assert assignment["e1"].id == new_entity_id("Claire Southmere", PERSON)
