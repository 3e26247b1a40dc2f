"""The learned ranker's time split, features, candidates and determinism on small dated graphs."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from graph.analytics import projection, ranker, synthetic, timesplit
from graph.analytics.projection import EdgeLists

#: project -> (start year, members); H is everybody's partner (the hub)
PROJECTS = {
    "p1": (2013, ["A", "B", "H"]),
    "p2": (2015, ["B", "C", "H"]),
    "p3": (2016, ["C", "D", "H"]),
    "p4": (2016, ["E", "H"]),
    "p5": (2018, ["A", "D"]),  # A and D first work together after 2016
    "p6": (2018, ["A", "B"]),  # A and B already did: not a new pair
}
COUNTRY = {"A": "FR", "B": "FR", "C": "DE", "D": "FR", "E": "", "H": "BE"}


def dated_edges() -> EdgeLists:
    entities = [{"id": o, "name": f"Org {o}", "type": "Organization", "subtype": "company",
                 "country": c} for o, c in COUNTRY.items()]
    entities += [{"id": p, "name": p, "type": "Project", "start_date": f"{y}-01-01"}
                 for p, (y, _) in PROJECTS.items()]
    parts = [(o, p) for p, (_, members) in PROJECTS.items() for o in members]
    return EdgeLists(entities=entities, participations=parts, project_text={})


@pytest.fixture
def ctx() -> ranker.Context:
    return ranker.context(projection.build(timesplit.until(dated_edges(), 2016)))


def test_time_split_truth_is_only_first_collaborations() -> None:
    split = timesplit.split(dated_edges(), 2016, 2017, 2018, queries=10)
    i = split.graph.actor_index
    assert split.graph.A[i["A"], i["B"]] == 1  # p1 is before the cut
    assert split.graph.A[i["A"], i["D"]] == 0  # p5 is not
    assert split.truth == {i["A"]: {i["D"]}, i["D"]: {i["A"]}}


def test_pair_features_match_hand_computation(ctx: ranker.Context) -> None:
    i = ctx.proj.actor_index
    a, c, d, e = i["A"], i["C"], i["D"], i["E"]
    vecs = ranker.vectors(ctx, a)
    X = ranker.features(ctx, a, np.array([c, d, e]), vecs)
    col = {f: X[:, k] for k, f in enumerate(ranker.FEATURES)}
    # A's partners: B (partners A, C, H) and H (partners A, B, C, D, E); C shares both
    assert col["cn"].tolist() == [2, 1, 1]
    assert col["aa"][0] == pytest.approx(1 / math.log(3) + 1 / math.log(5))
    assert col["ra"][0] == pytest.approx(1 / 3 + 1 / 5)
    # ties weighted by shared projects: B and H each share one project with A
    assert col["wcn"][0] == pytest.approx(math.log1p(2))
    # C's projects p2 (B and H: two of A's partners) and p3 (H): summed 3, best 2
    assert col["consortium_sum"][0] == pytest.approx(math.log1p(3))
    assert col["consortium_max"][0] == 2
    # the last two years (2015-2016) leave A with no partner at all: p1 is from 2013
    assert col["cn_recent"].tolist() == [0, 0, 0]
    assert col["deg_v"].tolist() == pytest.approx([math.log1p(3), math.log1p(2), math.log1p(1)])
    assert col["years_idle_v"].tolist() == [0, 0, 0]
    assert ctx.years_idle[a] == 3
    assert col["same_country"].tolist() == [0, 1, 0]  # D is French like A; E has no country


def test_new_partner_features_match_hand_computation(ctx: ranker.Context) -> None:
    i = ctx.proj.actor_index
    a, b, c, d, e, h = (i[x] for x in "ABCDEH")
    X = ranker.features(ctx, a, np.array([c, d, e]), ranker.vectors(ctx, a))
    col = {f: X[:, k] for k, f in enumerate(ranker.FEATURES)}
    # A met B and H in p1 (2013: three years before 2016, weight 0.5**3); C met B in p2
    # (2015, 0.5) and H in p2 and p3 (0.5 + 1); D and E met H in 2016 (1)
    assert col["cn_decay"].tolist() == pytest.approx(np.log1p([0.125 * 0.5 + 0.125 * 1.5, 0.125, 0.125]).tolist())
    assert col["aa_decay"][0] == pytest.approx(math.log1p(0.125 * 0.5 / math.log(3) + 0.125 * 1.5 / math.log(5)))
    # recent projects (2015-2016) with A's partners B and H: C's p2 has both
    assert col["consortium_recent_max"].tolist() == [2, 1, 1]
    # partners met for the first time in 2015-2016 (B-H already worked together in 2013)
    assert [int(ctx.new_deg[x]) for x in (a, b, c, d, e, h)] == [0, 1, 3, 2, 1, 3]
    assert col["new_deg_v"].tolist() == pytest.approx(np.log1p([3, 2, 1]).tolist())
    assert col["new_deg_u"].tolist() == [0, 0, 0] and col["recent_projects_u"].tolist() == [0, 0, 0]
    assert col["deg_ratio"].tolist() == pytest.approx((np.log1p([3, 2, 1]) - math.log1p(2)).tolist())
    # A's partners: B (FR) and H (BE); all are companies
    assert col["country_share"].tolist() == [0, 0.5, 0]
    assert col["role_share"].tolist() == [1, 1, 1]
    # C has the most shared partners (2); D and E tie behind it
    assert col["cn_pos"].tolist() == pytest.approx([0, 1 / 3, 1 / 3])


def test_group_sizes_and_ranks_keep_seekers_apart() -> None:
    assert ranker.group_sizes(np.array([4, 4, 1, 1, 1, 4])).tolist() == [2, 3, 1]
    assert ranker._ranks(np.array([0.2, 0.9, 0.2, 0.5])).tolist() == [1.5, 4, 1.5, 3]


def test_candidates_are_new_partners_and_hubs_can_be_left_out(ctx: ranker.Context) -> None:
    i = ctx.proj.actor_index
    a = i["A"]
    assert ctx.hubs[i["H"]] and int(ctx.hubs.sum()) == 1
    cands = ranker.candidates(ctx, a, ranker.vectors(ctx, a))
    assert sorted(cands.tolist()) == sorted([i["C"], i["D"], i["E"]])
    b = i["B"]
    assert i["H"] not in ranker.candidates(ctx, i["E"], ranker.vectors(ctx, i["E"])).tolist()  # already partners
    with_hubs = ranker.candidates(ctx, b, ranker.vectors(ctx, b)).tolist()
    without = ranker.candidates(ctx, b, ranker.vectors(ctx, b), exclude_hubs=True).tolist()
    assert with_hubs == without == [i["D"], i["E"]]
    d = i["D"]
    assert i["H"] not in ranker.candidate_mask(ctx, d, exclude_hubs=True).nonzero()[0].tolist()


def _synthetic_dated() -> EdgeLists:
    edges = synthetic.generate(1500, 400, n_partnerships=0, seed=5)
    rng = np.random.default_rng(5)
    for e in edges.entities:
        if e["type"] == "Project":
            e["start_date"] = f"{int(rng.integers(2012, 2019))}-06-01"
    return edges


def test_training_is_seeded_and_deterministic() -> None:
    edges = _synthetic_dated()
    split = timesplit.split(edges, 2015, 2016, 2018, queries=60, seed=3)
    ctx = ranker.context(split.graph)
    first, info = ranker.fit(ctx, split.truth, split.queries)
    second, _ = ranker.fit(ctx, split.truth, split.queries)
    assert info["positives"] > 0 and len(first.members) == len(ranker.DESIGN.seeds)
    X, _, qs = ranker.training_rows(ctx, split.truth, split.queries[:10])
    groups = ranker.group_sizes(qs).tolist()
    assert np.array_equal(first.score(X, groups), second.score(X, groups))
    u = int(split.queries[0])
    top, scores = ranker.rank(ctx, u, first, 5)
    assert len(top) == 5 and np.all(np.diff(scores) <= 0)
    # batched ranking (several seekers per model call) gives each seeker the same order
    assert ranker.rank_many(ctx, [u, int(split.queries[1])], first, 5)[u].tolist() == top.tolist()
    assert not ranker.candidate_mask(ctx, u)[u]


def test_negatives_are_sampled_per_seeker_from_its_own_candidates() -> None:
    # three seekers: 2 positives + 6 negatives, 1 + 2, 0 + 5
    y = np.array([1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], dtype=np.int8)
    groups = np.array([8, 3, 5])
    keep = ranker.sample_negatives(y, groups, 3, seed=1)
    assert keep[y == 1].all()  # every positive stays
    per_group = np.split(keep & (y == 0), np.cumsum(groups)[:-1])
    assert [int(g.sum()) for g in per_group] == [3, 2, 3]  # at most 3 negatives each, fewer kept whole
    assert np.array_equal(keep, ranker.sample_negatives(y, groups, 3, seed=1))
    assert not np.array_equal(keep, ranker.sample_negatives(y, groups, 3, seed=2))
    assert ranker.sample_negatives(y, groups, None, seed=1).all()


def test_top_per_group_orders_each_seeker_by_score() -> None:
    cands = np.array([5, 6, 7, 5, 9])
    qs = np.array([1, 1, 1, 2, 2])
    top = ranker.top_per_group(np.array([0.2, 0.9, 0.2, 0.1, 0.3]), cands, qs, k=2)
    assert top[1].tolist() == [6, 5] and top[2].tolist() == [9, 5]  # a tie goes to the lower index


@pytest.mark.parametrize("objective", ["lambdarank", "hgb"])
def test_designs_fit_save_and_load_to_the_same_scores(objective: str, tmp_path) -> None:
    edges = _synthetic_dated()
    split = timesplit.split(edges, 2015, 2016, 2018, queries=40, seed=4)
    ctx = ranker.context(split.graph)
    design = ranker.Design(f"small {objective}", objective, negatives=30, seeds=(1, 2), trees=20,
                           features=tuple(f for f in ranker.FEATURES if not f.endswith("_pos")))
    model, info = ranker.fit(ctx, split.truth, split.queries, design)
    assert len(model.members) == 2 and info["positives"] > 0
    ranker.save(model, {"splits": [[2015, 2016, 2018]]}, tmp_path)
    loaded = ranker.load(tmp_path)
    assert loaded is not None and loaded.design == design
    X, _, qs = ranker.training_rows(ctx, split.truth, split.queries[:5])
    groups = ranker.group_sizes(qs).tolist()
    assert np.allclose(model.score(X, groups), loaded.score(X, groups))
    # a model saved for another feature list is refused, not misread
    meta = json.loads((tmp_path / "ranker.json").read_text())
    (tmp_path / "ranker.json").write_text(json.dumps({**meta, "features": meta["features"][:-1]}))
    assert ranker.load(tmp_path) is None


def test_shipped_model_is_the_chosen_design_and_predates_the_test_period() -> None:
    meta = json.loads(ranker.META_FILE.read_text(encoding="utf-8"))
    assert meta["features"] == list(ranker.FEATURES)
    assert meta["version"] == ranker.MODEL_VERSION
    model = ranker.load()
    assert isinstance(model, ranker.Ranker) and model.design == ranker.DESIGN
    # every split: features before its labels, labels before the 2019+ benchmark period
    assert meta["splits"]
    for until, first, last in meta["splits"]:
        assert until < first <= last < 2019


def test_learned_recommendations_are_explained_from_the_graph() -> None:
    from graph.analytics.recommend import recommend

    edges = _synthetic_dated()
    split = timesplit.split(edges, 2015, 2016, 2018, queries=40, seed=6)
    design = ranker.Design("small", "lambdarank", negatives=30, seeds=(1, 2), trees=20)
    model, _ = ranker.fit(ranker.context(split.graph), split.truth, split.queries, design)
    proj = split.graph
    u = int(split.queries[0])
    recs = recommend(proj, proj.actors[u]["id"], k=5, model=model)
    learned, _ = ranker.rank(ranker.context(proj), u, model, 5)
    # the model orders them; scores are mean rank shares of the two members, best first
    assert [r.candidate["id"] for r in recs] == [proj.actors[v]["id"] for v in learned.tolist()]
    assert all(0 < r.score <= 1 for r in recs) and [r.score for r in recs] == sorted((r.score for r in recs), reverse=True)
    partners_u = set(proj.A[u].indices.tolist())
    for rec in recs:
        v = proj.index(rec.candidate["id"])
        assert rec.explanation and v not in partners_u
        # every shared partner shown is a partner of both sides in the graph
        shared = {proj.index(p["id"]) for p in rec.shared_partners}
        assert shared <= partners_u & set(proj.A[v].indices.tolist())
        assert rec.shared_partner_count == len(partners_u & set(proj.A[v].indices.tolist()))
