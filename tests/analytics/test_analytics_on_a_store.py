"""The analytics service and CLI on the handmade graph written to a real (FalkorDB) store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.analytics import cache, invalidate
from graph.analytics.service import Analytics
from graph.store import generation
from grappe.errors import NotFound
from grappe.model import Document, Entity, EntityType, Evidence, GraphBatch, Relation, RelType


@pytest.fixture
def svc(store, settings, fixture_batch):
    store.write(fixture_batch)
    return Analytics(store, settings)


def test_edges_from_store_are_distinct(store, fixture_batch):
    store.write(fixture_batch)
    edges = cache.load_edges(store)
    assert len(edges.participations) == 11  # the duplicated evidence is one pair
    assert ("X", "P1") not in edges.participations  # FUNDS is not participation
    assert set(map(frozenset, edges.partnerships)) == {frozenset({"S", "C2"})}
    assert edges.affiliations == [("M", "U2")]
    assert "Supply chain routing optimization" in edges.project_text["P2"]


def test_recommend_from_store(svc):
    recs = svc.recommend("S", k=5)
    assert recs[0].candidate == {"id": "R1", "name": "Institut Beta", "type": "Organization",
                                 "subtype": "research_institute"}
    assert not {"U1", "C1", "C2"} & {r.candidate["id"] for r in recs}
    assert "worked with 2 of your partners" in recs[0].explanation
    d = recs[0].to_dict()
    assert set(d) >= {"candidate", "score", "components", "explanation", "shared_partners", "shared_projects"}
    with pytest.raises(NotFound):
        svc.recommend("nope")


def test_partners_with_evidence(svc):
    rows = svc.partners("S")
    assert [r["partner"]["id"] for r in rows] == ["C2", "C1", "U1"]  # explicit first, then by name
    c2 = rows[0]
    assert c2["explicit"] and c2["shared_count"] == 0
    assert c2["evidence"][0]["doc_id"] == "doc1"
    assert "signed a partnership" in c2["evidence"][0]["sentence"]
    c1 = next(r for r in rows if r["partner"]["id"] == "C1")
    assert not c1["explicit"] and [p["name"] for p in c1["shared_projects"]] == ["Supply chain demand forecasting"]


def test_partners_page_is_the_head_of_the_full_ranking(svc):
    everyone = svc.partners("S")
    page, total = svc.partners_page("S", 2)
    assert total == len(everyone) == 3
    assert page == everyone[:2]
    assert svc.partners_page("S", 0) == ([], 3)
    # evidence sentences carry their document's title and date; partners carry their aliases
    assert {"title", "date", "sentence", "start", "end"} <= set(page[0]["evidence"][0])
    assert all(isinstance(r["partner"]["aliases"], list) for r in page)


def test_paths_and_stats(svc):
    found = svc.paths("S", "H")
    assert [n["id"] for n in found[0]["nodes"]] == ["S", "U1", "U2", "H"]
    assert found[0]["steps"][1]["projects"][0]["name"] == "Warehouse robotics for supply chain"
    st = svc.stats()
    assert st["counts"]["by_type"]["Project"] == 4
    assert st["startups_smes_without_academic_partner"]["count"] == 1
    assert st["communities"] >= 1
    assert svc.brokers(3)
    assert svc.communities()[0]["size"] >= 2


def test_cache_reuse_and_invalidation(svc, store, settings):
    p1 = svc.projection()
    assert svc.projection() is p1  # same version: memory hit
    assert list((settings.data_dir / "analytics").glob(f"{cache.store_key(store)}-*.pkl"))
    # an ingest changes the version: the next call rebuilds and sees the new link
    doc = Document(id="doc2", source="more.txt", format="txt", text="y" * 100)
    store.write(GraphBatch(documents=[doc], entities=[Entity("N", EntityType.ORGANIZATION, "Newco", "startup")],
                           relations=[Relation(RelType.PARTICIPATES_IN, "N", "P2",
                                               Evidence("doc2", 0, 5, "Newco joins P2."))]))
    p2 = svc.projection()
    assert p2 is not p1 and "N" in p2.actor_index
    assert "N" not in {r["partner"]["id"] for r in svc.partners("S")}
    # a curation that keeps every count: invalidate() forces a rebuild everywhere
    gen = generation.current(settings)
    invalidate(settings)
    assert generation.current(settings) == gen + 1
    assert not list((settings.data_dir / "analytics").glob("*.pkl"))
    assert svc.projection() is not p2
    # a fresh process-level cache miss reads the pickle instead of the store
    cache._MEMORY.clear()
    p4 = Analytics(store, settings).projection()
    assert p4.extras["version"] == svc.projection().extras["version"]


def test_cli(store, settings, fixture_batch):
    from grappe.cli import main

    store.write(fixture_batch)
    env = {"GRAPPE_GRAPH_NAME": store.graph_name, "GRAPPE_GRAPH_URL": "falkordb-embedded"}
    runner = CliRunner()
    args = ["--data-dir", str(settings.data_dir)]
    res = runner.invoke(main, [*args, "match", "Acme AI", "-k", "3"], env=env)
    assert res.exit_code == 0, res.output
    assert "Institut Beta" in res.output and "worked with 2 of your partners" in res.output
    res = runner.invoke(main, [*args, "match", "S", "--format", "json"], env=env)
    assert json.loads(res.output)["recommendations"][0]["candidate"]["id"] == "R1"
    res = runner.invoke(main, [*args, "partners", "Acme AI"], env=env)
    assert res.exit_code == 0 and "LogiTrans" in res.output and "signed a partnership" in res.output
    res = runner.invoke(main, [*args, "path", "Acme AI", "Institut Beta"], env=env)
    assert res.exit_code == 0 and "2 shortest path(s) of 2 hop(s)" in res.output
    res = runner.invoke(main, [*args, "stats"], env=env)
    assert res.exit_code == 0 and "Startups/SMEs without an academic partner: 1 of 3" in res.output
    res = runner.invoke(main, [*args, "match", "Université"], env=env)
    assert res.exit_code == 2 and "U1" in res.output and "U2" in res.output


def test_precompute_persists_analytics(svc, store, settings):
    summary = svc.precompute()
    assert summary["projects"] == 4 and summary["partnerships"] == 1
    cache._MEMORY.clear()
    proj = Analytics(store, settings).projection()  # from the pickle
    assert {"communities", "betweenness", "stats"} <= set(proj.extras)
    assert not any(k.startswith("_") for k in proj.extras)
    # connectors: organizations reaching other communities
    assert all(c["communities_reached"] >= 1 for c in svc.connectors(5))


def test_empty_store(store, settings):
    svc = Analytics(store, settings)
    st = svc.stats()
    assert st["counts"]["by_type"] == {"Project": 0} and st["communities"] == 0
    assert svc.brokers() == [] and svc.communities() == [] and svc.connectors() == []
    with pytest.raises(NotFound):
        svc.recommend("S")


def test_isolated_org_gets_no_recommendation(svc):
    assert svc.recommend("X") == []
    assert svc.partners("X") == []
    assert svc.paths("X", "S") == []
