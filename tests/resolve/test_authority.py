"""Reference lists (authority files): reading, checking, matching, idempotent loading,
and the external ids in the API and exports. Invented organizations only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.export import iter_entities
from graph.resolve.authority import load_file, read
from graph.resolve.external_ids import external_links
from grappe.model import Entity, EntityType, GraphBatch

ORG, UNI = EntityType.ORGANIZATION, EntityType.UNIVERSITY

STORED = [
    Entity("NK-acme", ORG, "Acme Robotique inc.", None, ["Acme Robotics"]),
    Entity("NK-nordville", UNI, "Université de Nordville", None, ["UdeN"]),
    Entity("NK-borealis", ORG, "Borealis Logistique", None, []),
]

GOOD_CSV = """id,name,aliases,acronyms,type,country,website,wikidata,ror
ORG-1,Acme Robotique,Acme Robotics Inc.|Robotique Acme,,Organization,CA,acme-robotique.example,Q4242,
ORG-2,Université de Nordville,University of Nordville,UdeN,University,CA,https://nordville.example/,,https://ror.org/05abcde12
ORG-3,Société Jamais Vue,,,Organization,CA,,,
"""

BAD_CSV = """id,name,aliases,acronyms,type,country,website,wikidata,ror
ORG-1,Acme Robotique,,,Organization,CA,,Q4242,
,Nameless Corp,,,,,,,
ORG-4,,,,,,,,
ORG-5,Borealis Logistique,,,Company,,,,
ORG-6,Borealis Logistique,,,,,,not-a-qid,
ORG-7,Borealis Logistique,,,,,,,ror-xyz
ORG-8,Borealis Logistique,,,,,javascript:alert(1),,
ORG-1,Acme again,,,,,,,
ORG-9,Borealis Logistique,,,,,,,,extra
ORG-10,Borealis Logistique,,,Organization,CA,,Q77,
"""


@pytest.fixture
def seeded(store):
    store.write(GraphBatch(entities=list(STORED)))
    return store


def _entity(store, entity_id: str) -> dict:
    return next(e for e in iter_entities(store) if e["id"] == entity_id)


def test_load_gives_canonical_names_and_external_ids(seeded, tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    report = load_file(seeded, path)
    assert report.problems == []
    assert {u["entity"] for u in report.updated} == {"NK-acme", "NK-nordville"}
    assert report.unmatched == [{"line": 4, "id": "ORG-3", "name": "Société Jamais Vue"}]
    props = _entity(seeded, "NK-acme")  # as exports see it
    assert props["name"] == "Acme Robotique"
    assert "Acme Robotique inc." in props["aliases"] and "Robotique Acme" in props["aliases"]
    assert props["wikidata"] == "Q4242" and props["website"] == "https://acme-robotique.example"
    assert props["authority_id"] == "ORG-1" and props["country"] == "CA"
    uprops = _entity(seeded, "NK-nordville")
    assert uprops["ror"] == "05abcde12" and uprops["website"] == "https://nordville.example/"
    # an entity no row names is left exactly as it was
    oprops = _entity(seeded, "NK-borealis")
    assert oprops["name"] == "Borealis Logistique" and "authority_id" not in oprops


def test_loading_twice_changes_nothing(seeded, tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    first = load_file(seeded, path)
    before = sorted(json.dumps(e, sort_keys=True, default=str) for e in iter_entities(seeded))
    second = load_file(seeded, path)
    after = sorted(json.dumps(e, sort_keys=True, default=str) for e in iter_entities(seeded))
    assert len(first.updated) == 2
    assert second.updated == [] and second.unchanged == 2
    assert before == after


def test_bad_rows_are_reported_by_line_and_skipped(seeded, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    records, problems = read(path)
    by_line = {p.line: p.message for p in problems}
    assert by_line[3] == "no id"
    assert by_line[4] == "no name"
    assert "Company" in by_line[5]
    assert "not-a-qid" in by_line[6]
    assert "ror-xyz" in by_line[7]
    assert "javascript" in by_line[8]
    assert "already given on line 2" in by_line[9]
    assert "cells" in by_line[10]
    assert [r.line for r in records] == [2, 11]
    report = load_file(seeded, path)
    assert {u["entity"] for u in report.updated} == {"NK-acme", "NK-borealis"}
    assert _entity(seeded, "NK-borealis")["wikidata"] == "Q77"


def test_json_file_and_its_line_numbers(seeded, tmp_path: Path) -> None:
    path = tmp_path / "orgs.json"
    path.write_text(json.dumps({"organizations": [
        {"id": "J-1", "name": "Acme Robotique", "acronyms": ["AR"], "wikidata": "https://www.wikidata.org/wiki/Q9"},
        {"id": "J-2", "name": "Université de Nordville", "ror": "bad"},
        "not an object",
    ]}, indent=2), encoding="utf-8")
    records, problems = read(path)
    assert [r.id for r in records] == ["J-1"] and records[0].wikidata == "Q9"
    text = path.read_text(encoding="utf-8").splitlines()
    lines = {p.line: p.message for p in problems}
    assert set(lines) == {i + 1 for i, t in enumerate(text) if t.strip() in ('{', '"not an object"')} - {1, 3}
    assert any("ROR" in m for m in lines.values()) and any("object" in m for m in lines.values())


def test_unreadable_files_are_clear_errors(tmp_path: Path) -> None:
    from grappe.errors import GrappeError

    bad_json = tmp_path / "x.json"
    bad_json.write_text('[{"id": "1", "name": "A"},', encoding="utf-8")
    with pytest.raises(GrappeError, match=r"x\.json:1: not valid JSON"):
        read(bad_json)
    bad_header = tmp_path / "x.csv"
    bad_header.write_text("ident,label\n1,A\n", encoding="utf-8")
    with pytest.raises(GrappeError, match=r"x\.csv:1: the CSV header has no id or name column"):
        read(bad_header)
    with pytest.raises(GrappeError, match="cannot read"):
        read(tmp_path / "missing.csv")


def test_cli_reports_problems_and_json(settings, seeded, tmp_path: Path) -> None:
    from grappe.cli import main

    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    env = {"GRAPPE_DATA_DIR": str(settings.data_dir), "GRAPPE_GRAPH_NAME": seeded.graph_name}
    result = CliRunner().invoke(main, ["authority", "load", str(path)], env=env)
    assert result.exit_code == 0, result.output
    assert f"{path}:3: no id" in result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["records"] == 2 and len(report["problems"]) == 8
    assert {u["entity"] for u in report["updated"]} == {"NK-acme", "NK-borealis"}


def test_external_links_only_link_safe_addresses() -> None:
    links = external_links({"wikidata": "Q1", "ror": "05abcde12", "website": "javascript:alert(1)",
                            "authority_id": "X-1"})
    assert links[0]["url"] == "https://www.wikidata.org/wiki/Q1"
    assert links[1]["url"] == "https://ror.org/05abcde12"
    assert links[2]["url"] is None
    assert links[3] == {"label": "Reference list", "id": "X-1", "url": None}
