"""Projection, recommendation, paths and metrics on in-memory edge lists (no store)."""

from __future__ import annotations

import numpy as np

from graph.analytics import evaluate, metrics, paths, projection, recommend, synthetic, text


def test_tokenize_folds_accents_and_keeps_bigrams():
    toks = text.tokenize("Chaîne d'approvisionnement et la logistique")
    assert "chaine" in toks and "logistique" in toks
    assert "chaine approvisionnement" in toks
    assert "et" not in toks and "la" not in toks


def test_top_terms_prefers_bigram():
    assert text.top_terms([("supply", 0.9), ("supply chain", 0.8), ("chain", 0.7), ("routing", 0.5)], 2) \
        == ["supply chain", "routing"]


def test_projection_matrices(edges):
    proj = projection.build(edges)
    i = proj.actor_index
    assert proj.C[i["S"], i["C1"]] == 1 and proj.C[i["S"], i["S"]] == 0
    assert proj.A[i["S"], i["C2"]] == 1  # explicit partnership only
    assert proj.A[i["M"], i["U2"]] == 0 and proj.E[i["M"], i["U2"]] == 1  # person: entity graph only
    assert proj.degree[i["S"]] == 3  # U1, C1, C2
    assert proj.summary()["projects"] == 4


def test_recommendations_rank_and_explain(edges):
    proj = projection.build(edges)
    recs = recommend.recommend(proj, "S", k=10)
    ids = [r.candidate["id"] for r in recs]
    assert ids[0] == "R1"
    assert not {"S", "U1", "C1", "C2", "M", "P1"} & set(ids)  # partnered, self, non-orgs
    top = recs[0]
    assert {p["id"] for p in top.shared_partners} == {"C1", "C2"}
    assert "worked with 2 of your partners" in top.explanation
    assert "BigCo Retail" in top.explanation and "LogiTrans" in top.explanation
    assert "supply chain" in top.explanation
    assert "a research institute" in top.explanation
    assert [p["id"] for p in top.shared_projects] == ["P2"]
    assert top.score == max(r.score for r in recs)
    assert all(0 <= v <= 1 for r in recs for v in r.components.values())
    assert "X" not in ids  # no graph or topic evidence


def test_paths_through_projects_and_people(edges):
    proj = projection.build(edges)
    found = paths.paths(proj, "S", "R1")
    assert {tuple(n["id"] for n in p["nodes"]) for p in found} == {("S", "C1", "R1"), ("S", "C2", "R1")}
    via_c1 = next(p for p in found if p["nodes"][1]["id"] == "C1")
    assert via_c1["steps"][0]["projects"][0]["id"] == "P1"
    assert via_c1["steps"][1]["projects"][0]["id"] == "P2"
    via_c2 = next(p for p in found if p["nodes"][1]["id"] == "C2")
    assert "partnership" in via_c2["steps"][0]["relations"]
    to_person = paths.paths(proj, "S", "M")
    assert [n["id"] for n in to_person[0]["nodes"]] == ["S", "U1", "U2", "M"]
    assert to_person[0]["people"][0]["id"] == "M"
    assert to_person[0]["steps"][-1]["relations"] == ["affiliation"]
    assert paths.paths(proj, "S", "X") == []
    assert paths.paths(proj, "S", "H", max_hops=2) == []
    assert len(paths.paths(proj, "S", "H", max_hops=3)[0]["steps"]) == 3


def test_metrics(edges):
    proj = projection.build(edges)
    st = metrics.stats(proj)
    assert st["counts"]["by_type"] == {"Organization": 7, "University": 2, "Person": 1, "Project": 4}
    assert st["counts"]["by_subtype"]["startup"] == 2
    gap = st["startups_smes_without_academic_partner"]
    assert (gap["count"], gap["total"]) == (1, 3) and gap["examples"][0]["id"] == "X"
    assert st["isolated_organizations"] == 1
    assert st["most_connected"][0]["entity"]["id"] in {"U1", "C1"}
    comms = metrics.communities(proj)
    assert sum(len(c) for c in comms) == 8  # all but the isolated one
    bro = metrics.brokers(proj, 3)
    assert bro[0]["entity"]["id"] in {"U1", "U2", "C1"}
    assert {b["entity"]["id"] for b in bro} <= {"U1", "U2", "C1", "C2", "S"}


def test_synthetic_beats_baselines_small():
    edges = synthetic.generate(n_orgs=3000, n_projects=600, n_partnerships=600, seed=5)
    split = evaluate.split(edges, max_queries=150)
    res = evaluate.evaluate(split, methods=("combined", "popularity", "random"))
    assert res["combined"]["hits@10"] > res["popularity"]["hits@10"] > res["random"]["hits@10"]
    assert res["combined"]["mrr"] > res["popularity"]["mrr"]
    assert np.isfinite(res["combined"]["median_ms"])
