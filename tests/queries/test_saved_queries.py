"""Every saved analyst query runs read-only on FalkorDB against the fixture graph,
with asserted results."""

from __future__ import annotations

from typing import Any

import pytest

from graph import cypher
from graph.queries import run_saved

ALL = [q.name for q in cypher.saved_queries()]


def run(store: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    result = run_saved(store, name, {k: str(v) for k, v in params.items()})
    assert result.columns == list(cypher.saved_query(name).columns), "header columns match the RETURN"
    return result.rows


def col(rows: list[dict[str, Any]], key: str) -> list[Any]:
    return [r[key] for r in rows]


def test_at_least_fifteen_saved_queries_with_headers() -> None:
    assert len(ALL) >= 15
    for q in cypher.saved_queries():
        assert q.title != q.name and q.description and q.columns, q.name
        for p in q.params:
            assert p.type in cypher.PARAM_TYPES and p.description, (q.name, p)


@pytest.mark.parametrize("name", ALL)
def test_every_saved_query_runs(fx_store: Any, name: str) -> None:
    q = cypher.saved_query(name)
    params = {p.name: "acme" for p in q.params if p.required}
    result = run_saved(fx_store, name, params)
    assert result.columns == list(q.columns)
    assert result.rows, f"{name} returns rows on the fixture graph"


def test_partners_of(fx_store: Any) -> None:
    rows = run(fx_store, "partners_of", id="acme")
    assert col(rows, "partner_id") == ["gci", "udem"]
    assert rows[0]["shared_projects"] == ["Projet Alpha"] and rows[0]["shared_count"] == 1
    assert col(rows, "explicit_partner") == [False, True]
    rows = run(fx_store, "partners_of", id="gci")
    assert rows[0]["partner_id"] == "logiq" and rows[0]["shared_projects"] == ["Projet Beta", "Projet Gamma"]
    assert rows[0]["explicit_partner"] is True
    assert run(fx_store, "partners_of", id="gci", limit=1) == rows[:1]


def test_two_hop_opportunities(fx_store: Any) -> None:
    rows = run(fx_store, "two_hop_opportunities", id="acme")
    assert set(col(rows, "candidate_id")) == {"logiq", "mcgill", "solo", "mila"}
    mila = next(r for r in rows if r["candidate_id"] == "mila")
    assert mila["via"] == ["Université de Montréal"] and mila["via_count"] == 1
    # never a direct partner, never itself
    assert {"acme", "gci", "udem"}.isdisjoint(col(rows, "candidate_id"))


def test_projects_by_investment(fx_store: Any) -> None:
    rows = run(fx_store, "projects_by_investment")
    assert col(rows, "project_id") == ["alpha", "beta", "gamma", "delta"]
    assert rows[0]["scale_ai_investment_cad"] == 2_000_000 and rows[0]["leverage"] == 2.5
    assert rows[0]["participants"] == 4 and rows[3]["leverage"] is None
    assert col(run(fx_store, "projects_by_investment", status="active"), "project_id") == ["alpha", "gamma"]


def test_smes_without_academic_partner(fx_store: Any) -> None:
    rows = run(fx_store, "smes_without_academic_partner")
    assert col(rows, "organization_id") == ["solo", "orphan"]
    assert rows[0]["projects"] == ["Projet Gamma"] and rows[1]["project_count"] == 0


def test_universities_by_industry_projects(fx_store: Any) -> None:
    rows = run(fx_store, "universities_by_industry_projects")
    assert {r["university_id"]: (r["industry_projects"], r["industry_partners"]) for r in rows} == {
        "mcgill": (1, 2), "udem": (1, 2)}


def test_people_roles(fx_store: Any) -> None:
    rows = run(fx_store, "people_roles")
    assert [(r["person_id"], r["organization_id"], r["role"], r["sources"]) for r in rows] == [
        ("alice", "acme", "conseillère scientifique", 1),
        ("alice", "udem", "professeure", 1),
        ("bob", "gci", "CEO", 2),
    ]
    assert col(run(fx_store, "people_roles", organization_id="udem"), "person_id") == ["alice"]


def test_multi_project_organizations(fx_store: Any) -> None:
    rows = run(fx_store, "multi_project_organizations")
    assert col(rows, "organization_id") == ["gci", "logiq", "udem"]
    assert rows[0]["projects"] == ["Projet Alpha", "Projet Beta", "Projet Gamma"]
    assert sorted(rows[0]["statuses"]) == ["active", "completed"] and rows[0]["co_participants"] == 5
    assert col(run(fx_store, "multi_project_organizations", min_projects=3), "organization_id") == ["gci"]


def test_projects_by_status(fx_store: Any) -> None:
    rows = run(fx_store, "projects_by_status")
    assert [(r["status"], r["project_count"], r["projects"]) for r in rows] == [
        ("active", 2, ["Projet Alpha", "Projet Gamma"]),
        ("announced", 1, ["Projet Delta"]),
        ("completed", 1, ["Projet Beta"]),
    ]
    assert rows[0]["scale_ai_investment_cad"] == 2_500_000


def test_frequent_partner_pairs(fx_store: Any) -> None:
    rows = run(fx_store, "frequent_partner_pairs")
    assert [(r["a_id"], r["b_id"], r["shared_count"]) for r in rows] == [("gci", "logiq", 2)]
    assert len(run(fx_store, "frequent_partner_pairs", min_shared=1)) == 9


def test_funders_and_co_funders(fx_store: Any) -> None:
    rows = run(fx_store, "funders")
    assert [(r["funder_id"], r["project_count"], r["total_investment_cad"]) for r in rows] == [
        ("scale", 3, 9_500_000), ("invq", 1, 5_000_000)]
    assert rows[0]["projects"] == ["Projet Alpha", "Projet Beta", "Projet Gamma"]
    rows = run(fx_store, "co_funders")
    assert [(r["a_id"], r["b_id"], r["shared_projects"]) for r in rows] == [("invq", "scale", ["Projet Alpha"])]


def test_project_leads(fx_store: Any) -> None:
    rows = run(fx_store, "project_leads")
    assert [(r["project_id"], r["lead_id"], r["participants"]) for r in rows] == [
        ("alpha", "acme", 2), ("beta", "gci", 2), ("delta", "mila", 1), ("gamma", "logiq", 2)]
    assert col(run(fx_store, "project_leads", status="completed"), "project_id") == ["beta"]


def test_document_contributions(fx_store: Any) -> None:
    rows = run(fx_store, "document_contributions")
    assert [(r["document_id"], r["mentions"], r["entities"], r["relations"]) for r in rows] == [
        ("d1", 19, 11, 15), ("d2", 11, 7, 7), ("d3", 10, 7, 7)]
    assert rows[0]["title"] == "Rapport annuel 2023" and rows[0]["kind"] == "annual_report"


def test_entities_by_mentions(fx_store: Any) -> None:
    rows = run(fx_store, "entities_by_mentions", limit=3)
    assert [(r["entity_id"], r["mentions"], r["documents"]) for r in rows] == [
        ("acme", 6, 2), ("gci", 5, 2), ("udem", 4, 2)]
    rows = run(fx_store, "entities_by_mentions", type="Person")
    assert col(rows, "entity_id") == ["bob", "alice"]


def test_explicit_partnerships(fx_store: Any) -> None:
    rows = run(fx_store, "explicit_partnerships")
    assert len(rows) == 3
    assert {(r["a_id"], r["b_id"], r["document_id"]) for r in rows} == {
        ("acme", "udem", "d1"), ("acme", "udem", "d2"), ("gci", "logiq", "d3")}
    rows = run(fx_store, "explicit_partnerships", id="udem")
    assert {r["sentence"] for r in rows} == {
        "Acme Robotique et l'Université de Montréal sont partenaires.", "L'UdeM s'associe à Acme Robotique."}
    assert {r["document"] for r in rows} == {"Rapport annuel 2023", "Communiqué Acme"}


def test_organizations_by_subtype(fx_store: Any) -> None:
    rows = {r["subtype"]: r for r in run(fx_store, "organizations_by_subtype", examples=1)}
    assert rows["sme"]["organizations"] == 2 and rows["sme"]["in_projects"] == 1
    assert rows["sme"]["examples"] == ["LogiQ"]
    assert rows["research_institute"]["in_projects"] == 1 and rows["company"]["organizations"] == 1


def test_entity_evidence(fx_store: Any) -> None:
    rows = run(fx_store, "entity_evidence", id="acme")
    assert [(r["relation"], r["direction"], r["other_id"]) for r in rows] == [
        ("AFFILIATED_WITH", "in", "alice"), ("LEADS", "out", "alpha"), ("PARTICIPATES_IN", "out", "alpha"),
        ("PARTICIPATES_IN", "out", "alpha"), ("PARTNERS_WITH", "out", "udem"), ("PARTNERS_WITH", "out", "udem")]
    assert rows[0]["role"] == "conseillère scientifique"


def test_isolated_entities(fx_store: Any) -> None:
    rows = run(fx_store, "isolated_entities")
    assert col(rows, "entity_id") == ["amii", "orphan"] and col(rows, "mentions") == [1, 1]
    assert run(fx_store, "isolated_entities", type="Person") == []


def test_bind_coerces_and_checks() -> None:
    q = cypher.saved_query("partners_of")
    assert q.bind({"id": "x", "limit": "3"}) == {"id": "x", "limit": 3}
    assert q.bind({"id": "x"}) == {"id": "x", "limit": 50}
    with pytest.raises(ValueError, match="needs --param id"):
        q.bind({})
    with pytest.raises(ValueError, match="whole number"):
        q.bind({"id": "x", "limit": "many"})
    with pytest.raises(ValueError, match="no parameter nope"):
        q.bind({"id": "x", "nope": "1"})
    assert cypher.saved_query("projects_by_investment").bind({}) == {"status": None, "limit": 50}
    assert not q.body("falkordb").startswith("//")
