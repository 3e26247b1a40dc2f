"""Resolution keeps its speed as the graph grows: bounded lookups, the same pairs.

The names are invented: a common word ("Institut", a first name) shared by more
stored entities than a block may hold, and one distinctive word per entity.
"""

from __future__ import annotations

import random

from graph.resolve.blocking import MAX_TOKEN_BLOCK, candidate_pairs, index_keys, keys, token_df
from graph.resolve.features import info
from graph.resolve.store_resolver import (
    NAME_BUDGET,
    StoreResolver,
    _cached_profile,
    new_entity_id,
)
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


def _records(entities: list[Entity], items: list) -> list:
    """Profiles as ``StoreResolver.match`` builds them: stored entities, then the new ones."""
    return ([_cached_profile(e.name, tuple(e.aliases), e.type.value, "__stored__") for e in entities]
            + [_cached_profile(i.name, tuple(i.aliases), EntityType(i.type).value, "__new__") for i in items])


def test_lookups_fetch_every_stored_entity_the_whole_graph_pairs_with(store, settings) -> None:
    # acronyms both ways, a name less an acronym against a name less a run of words, a
    # "Long Name (ACR)" entity, a shared head, typos; the graph is small enough that no block
    # reaches a size limit, so blocking every stored entity is the reference
    stored = [Entity(new_entity_id(n, t), t, n, aliases=a) for n, t, a in [
        ("Northfield Robotics", ORG, []), ("NR", ORG, []), ("Lakeside University", ORG, ["LU"]),
        ("Centre hospitalier universitaire Ravenac", ORG, []), ("Institut Acme pour la recherche", ORG, []),
        ("Claire Northvale", PERSON, []), ("Bering Lumenor Consortium (BLC)", ORG, []),
        *[(n, ORG, []) for n in names(40, "Institut")], *[(n, PERSON, []) for n in names(30, "Claire")]]]
    store.write(GraphBatch(entities=stored))
    doc = extraction("d1", [("Northfield Robotic", ORG, []), ("LU", ORG, []), ("CHU Ravenac", ORG, []),
                            ("Institut Acme", ORG, []), ("Claire Northvele", PERSON, []), ("BLC", ORG, []),
                            ("NR Systems", ORG, []), (f"Institut {invented(7)}", ORG, [])])
    resolver = StoreResolver(settings, name_budget=10**9)
    fetched = list(resolver.candidates(doc.entities, store).values())
    assert resolver._known is not None and len(resolver._known) == len(stored)
    every = list(resolver._known.values())
    reference = candidate_pairs([r.names for r in _records(every, doc.entities)], split=len(every),
                                df=resolver._df)
    want = {(every[i].id, doc.entities[j - len(every)].key) for i, j in reference}
    got = {(fetched[i].id, doc.entities[j - len(fetched)].key)
           for i, j in resolver.pairs(_records(fetched, doc.entities), len(fetched))}
    assert len(want) >= 8, want  # every kind of block pairs something here
    assert got == want
    # a multi-word name is not compared with the stored multi-word names sharing its
    # initials (acronym blocks pair one-word names with multi-word ones): "Nordic Research"
    # fetches "NR", not "Northfield Robotics"
    nordic = extraction("d2", [("Nordic Research", ORG, [])]).entities
    found = {e.name for e in resolver.candidates(nordic, store).values()}
    assert "NR" in found and "Northfield Robotics" not in found, found


def test_a_name_s_candidates_stay_within_its_budget_and_rare_keys_still_match(store, settings) -> None:
    # hundreds of one-word names sharing their last four letters ("S:" block) and the word
    # "Institut": both blocks outgrow a name's budget
    ending = [invented(k) + "ovar" for k in range(300)]
    stored = [Entity(new_entity_id(n, ORG), ORG, n) for n in [*ending, *names(90, "Institut"), "Northfield"]]
    store.write(GraphBatch(entities=stored))
    resolver = StoreResolver(settings)
    doc = extraction("d1", [(ending[17], ORG, []), (ending[40][:-5] + ending[40][-4:], ORG, []),
                            ("Zelpolovar", ORG, []), ("Northfeld", ORG, [])])
    for item in doc.entities:
        found = resolver.candidates([item], store)
        assert 0 < len(found) <= NAME_BUDGET, (item.name, len(found))
    assignment = resolver.assign(doc, store)
    assert assignment["e0"].id == new_entity_id(ending[17], ORG)  # exact key: the rarest block
    assert assignment["e1"].id == new_entity_id(ending[40], ORG)  # one letter less: a deletion key
    assert assignment["e2"].id == new_entity_id("Zelpolovar", ORG)  # only the common ending: a new entity
    assert assignment["e3"].id == new_entity_id("Northfield", ORG)  # a rare word's typo
