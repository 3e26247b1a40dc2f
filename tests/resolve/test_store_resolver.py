"""Incremental resolution against a real FalkorDB, and curated decisions that survive re-ingest."""

from __future__ import annotations

import json

from click.testing import CliRunner

from graph.batch import to_graph
from graph.resolve import curation
from graph.resolve.judgements import read_log
from graph.resolve.store_resolver import StoreResolver, new_entity_id
from grappe.model import (
    Document,
    EntityType,
    Evidence,
    ExtractedEntity,
    ExtractedRelation,
    Extraction,
    Mention,
    RelType,
)

ORG, UNI, PERSON = EntityType.ORGANIZATION, EntityType.UNIVERSITY, EntityType.PERSON


def extraction(doc_id: str, entities: list[tuple[str, EntityType, list[str]]],
               relations: list[tuple[RelType, int, int]] = ()) -> Extraction:
    """A document whose text lists the names; each entity gets one mention per surface form."""
    text, spans = "", []
    for name, _, aliases in entities:
        forms = []
        for form in [name, *aliases]:
            start = len(text)
            text += form + ". "
            forms.append(Mention(doc_id, start, start + len(form), form))
        spans.append(forms)
    doc = Document(id=doc_id, source=f"/tmp/{doc_id}.txt", format="txt", text=text, title=doc_id)
    ents = [ExtractedEntity(key=f"e{i}", type=t, name=n, aliases=list(a), mentions=spans[i])
            for i, (n, t, a) in enumerate(entities)]
    rels = [ExtractedRelation(rt, f"e{a}", f"e{b}", Evidence(doc_id, 0, len(text), text))
            for rt, a, b in relations]
    return Extraction(doc, ents, rels)


def ingest(store, resolver: StoreResolver, ex: Extraction) -> dict:
    assignment = resolver.assign(ex, store)
    store.write(to_graph(ex, assignment))
    return assignment


def entities(store) -> dict[str, dict]:
    return {r["id"]: r for r in store.run("resolve/all_entities").rows}


def test_same_entities_across_documents_keep_their_ids(store, settings) -> None:
    r = StoreResolver(settings)
    a1 = ingest(store, r, extraction("d1", [("Université de Montréal", UNI, ["UdeM"]),
                                          ("IVADO", ORG, []), ("Coveo", ORG, [])]))
    udem = a1["e0"].id
    assert udem == new_entity_id("Université de Montréal", UNI)
    a2 = ingest(store, StoreResolver(settings),
                extraction("d2", [("University of Montreal", UNI, []), ("IVADO Labs", ORG, []),
                                  ("Coveo Inc.", ORG, []), ("UdeM", UNI, [])]))
    assert a2["e0"].id == udem and a2["e3"].id == udem
    assert a2["e1"].id != a1["e1"].id  # IVADO Labs is not IVADO
    assert a2["e2"].id == a1["e2"].id
    stored = entities(store)
    assert len(stored) == 4
    assert stored[udem]["name"] == "Université de Montréal"
    assert set(stored[udem]["aliases"]) >= {"UdeM", "University of Montreal"}


def test_person_never_resolves_to_an_organization(store, settings) -> None:
    ingest(store, StoreResolver(settings), extraction("d1", [("Jean Coutu", ORG, [])]))
    a = ingest(store, StoreResolver(settings), extraction("d2", [("Jean Coutu", PERSON, [])]))
    assert len(entities(store)) == 2
    assert a["e0"].type == PERSON


def test_big_graph_uses_the_full_text_index(store, settings) -> None:
    ingest(store, StoreResolver(settings), extraction("d1", [("Université Laval", UNI, []),
                                                             ("Hydro-Québec", ORG, [])]))
    big = StoreResolver(settings, small_graph=0)  # force the full-text path
    a = ingest(store, big, extraction("d2", [("Laval University", UNI, []), ("HYDRO QUEBEC inc.", ORG, [])]))
    stored = entities(store)
    assert len(stored) == 2
    assert a["e0"].id in stored and a["e1"].id in stored


def test_merge_split_rename_survive_reingest(store, settings) -> None:
    ex1 = extraction("d1", [("Mila", ORG, []), ("Institut québécois d'intelligence artificielle", ORG, []),
                            ("Université Laval", UNI, ["ULaval", "Laval Clinic"])],
                     [(RelType.PARTNERS_WITH, 1, 2)])
    a = ingest(store, StoreResolver(settings), ex1)
    mila, iqia, laval = a["e0"].id, a["e1"].id, a["e2"].id
    assert len({mila, iqia, laval}) == 3

    merged = curation.merge(store, settings, mila, iqia, "alice", "same institute")
    assert merged.id == mila and "Institut québécois d'intelligence artificielle" in merged.aliases
    stored = entities(store)
    assert iqia not in stored
    rels = store.run("resolve/entity_relations", id=mila).rows
    assert [(r["source"], r["target"]) for r in rels] in ([(mila, laval)], [(laval, mila)])

    new = curation.split(store, settings, laval, ["Laval Clinic"], "bob", "a different body")
    assert new.name == "Laval Clinic"
    assert "Laval Clinic" not in entities(store)[laval]["aliases"]
    texts = {m["text"] for m in store.run("resolve/entity_mentions", id=new.id).rows}
    assert texts == {"Laval Clinic"}

    renamed = curation.rename(store, settings, mila, "Mila - Quebec AI Institute", "carol", "official name")
    assert renamed.name == "Mila - Quebec AI Institute" and "Mila" in renamed.aliases
    log = read_log(settings)
    assert [r["action"] for r in log] == ["merge", "split", "rename"]
    assert log[0]["user"] == "alice" and log[0]["why"] == "same institute" and log[0]["at"]

    # re-ingest everything from scratch: the decisions come back
    store.clear()
    store.create_schema()
    a = ingest(store, StoreResolver(settings), ex1)
    assert a["e0"].id == a["e1"].id == mila  # the resolver reads the log
    assert a["e2"].id == laval
    assert "Laval Clinic" not in a["e2"].aliases
    curation.replay(store, settings)  # what ingest runs after writing
    stored = entities(store)
    assert stored[mila]["name"] == "Mila - Quebec AI Institute"
    assert new.id in stored and "Laval Clinic" not in stored[laval]["aliases"]
    texts = {m["text"] for m in store.run("resolve/entity_mentions", id=new.id).rows}
    assert texts == {"Laval Clinic"}
    # and replaying the log on this graph changes nothing more
    assert curation.replay(store, settings) == {"merge": 0, "split": 0, "rename": 0, "remove_relation": 0}


def test_replay_applies_decisions_to_a_graph_built_without_them(store, settings) -> None:
    ex = extraction("d1", [("Alpha Robotique", ORG, []), ("Alpha Robotics Labs", ORG, [])])
    a = ingest(store, StoreResolver(settings), ex)
    curation.merge(store, settings, a["e0"].id, a["e1"].id, "alice", "same company")
    store.clear()
    store.create_schema()
    # an ingest that ignores the log (no settings), then replay
    ingest(store, StoreResolver(None), ex)
    assert len(entities(store)) == 2
    assert curation.replay(store, settings)["merge"] == 1
    assert len(entities(store)) == 1


def test_cli_entity_commands(store, settings) -> None:
    from grappe.cli import main

    # two names no rule relates: only the curator's decision puts them together
    a = ingest(store, StoreResolver(settings), extraction("d1", [("Acme Robotique", ORG, []),
                                                                  ("Nordville Bois", ORG, [])]))
    env = {"GRAPPE_DATA_DIR": str(settings.data_dir), "GRAPPE_GRAPH_NAME": store.graph_name}
    runner = CliRunner()
    keep, other = a["e0"].id, a["e1"].id
    assert keep != other
    result = runner.invoke(main, ["entity", "merge", keep, other, "--by", "dana", "--why", "same"], env=env)
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["entity", "show", "Nordville Bois"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["id"] == keep and data["curation"][0]["user"] == "dana"


def test_an_acronym_defined_in_one_document_is_evidence_in_every_other(store) -> None:
    resolver = StoreResolver()
    first = ingest(store, resolver, extraction("d1", [("Institut de technologie de Nordville", ORG, ["ITN"])]))
    later = ingest(store, StoreResolver(), extraction("d2", [("ITN", ORG, [])]))
    assert later["e0"].id == first["e0"].id


def test_a_bare_acronym_takes_the_one_stored_name_it_spells(store) -> None:
    first = ingest(store, StoreResolver(), extraction("d1", [("Nordville Institute of Technology", ORG, [])]))
    resolver = StoreResolver()
    later = ingest(store, resolver, extraction("d2", [("NIT", ORG, [])]))
    assert later["e0"].id == first["e0"].id and resolver.conflicts == []


def test_a_bare_acronym_spelling_two_stored_names_is_reported(store, settings) -> None:
    first = ingest(store, StoreResolver(), extraction("d1", [("Nordville Institute of Technology", ORG, []),
                                                            ("National Insurance Trust", ORG, [])]))
    resolver = StoreResolver(settings)
    later = ingest(store, resolver, extraction("d2", [("NIT", ORG, [])]))
    assert later["e0"].id not in {e.id for e in first.values()}
    candidates = sorted(e.id for e in first.values())
    assert resolver.conflicts == [{"name": "NIT", "candidates": candidates}]
    [logged] = [json.loads(line) for line in
                (settings.data_dir / "resolution_conflicts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert logged["name"] == "NIT" and logged["candidates"] == candidates and logged["doc_id"] == "d2"
