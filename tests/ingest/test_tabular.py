"""Structured imports (`ingest/tabular.py`) on a small CORDIS-shaped fixture, with the
shipped CORDIS mapping: mapping, bad rows by line, provenance, idempotence, and a
table name meeting a document name on one node."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from grappe.errors import IngestError
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
from ingest.tabular import import_file, load_mapping, read_table, to_extraction

MAPPING = Path(__file__).resolve().parents[2] / "samples" / "mappings" / "cordis_h2020.toml"

HEADER = "rcn,role,pic,type,contribution,country,start_date"
GOOD = [
    "100001,coordinator,900000001,PRC,1000,FR,2016-01-01",   # line 2
    "100001,participant,900000002,HES,NA,FR,2016-01-01",     # line 3
    "100002,participant,900000001,PRC,500,FR,2019-03-01",    # line 4
    "100002,partner,900000003,REC,NA,DE,2019-03-01",         # line 5: no name anywhere
]
BAD = [
    "100003,observer,900000004,PRC,10,BE,2019-01-01",        # line 6: unknown role
    "100003,participant,,PRC,10,BE,2019-01-01",              # line 7: no organization
    "100003,participant,900000005,PRC,lots,BE,2019-01-01",   # line 8: amount
    "100003,participant,900000005,XYZ,10,BE,2019-01-01",     # line 9: unknown type
    "100003,participant,900000005,PRC,10,BE",                # line 10: a field short
    "100003,participant,900000005,PRC,10,BE,next spring",    # line 11: date
]
NAMES = ["pic,country,name", "900000001,FR,ACME ROBOTIQUE SAS", "900000002,FR,Université de Nordville"]
PARTS = ["rcn,programme_part", "100001,LEIT", "100001,SC2", "100002,ERC"]


def _gz(path: Path, lines: list[str]) -> Path:
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    return path


@pytest.fixture
def table_dir(tmp_path: Path) -> Path:
    _gz(tmp_path / "fp7_organisation_names.csv.gz", NAMES)
    _gz(tmp_path / "h2020_programme_parts.csv.gz", PARTS)
    _gz(tmp_path / "participations.csv.gz", [HEADER, *GOOD, *BAD])
    return tmp_path


def test_rows_become_entities_and_relations_by_the_mapping(table_dir: Path) -> None:
    mapping = load_mapping(MAPPING)
    table = read_table(table_dir / "participations.csv.gz", mapping)
    ex = to_extraction(table, mapping)
    by_key = {e.key: e for e in ex.entities}

    acme = by_key["o:900000001"]
    assert (acme.type, acme.subtype, acme.name) == (EntityType.ORGANIZATION, "company", "ACME ROBOTIQUE SAS")
    assert acme.attributes["pic"] == "900000001" and acme.attributes["country"] == "FR"
    assert by_key["o:900000002"].type == EntityType.UNIVERSITY
    unnamed = by_key["o:900000003"]
    assert unnamed.name == "Organisation PIC 900000003"
    assert unnamed.subtype == "research_institute"

    project = by_key["p:100001"]
    assert project.name == "H2020 project 100001"
    assert project.attributes["programme"] == "LEIT SC2"
    assert project.attributes["start_date"] == "2016-01-01"

    rels = {(r.source, r.target): r for r in ex.relations}
    assert len(ex.relations) == 4
    assert rels[("o:900000001", "p:100001")].type == RelType.LEADS
    assert rels[("o:900000001", "p:100001")].role == "coordinator"
    assert rels[("o:900000003", "p:100002")].type == RelType.PARTICIPATES_IN
    assert rels[("o:900000003", "p:100002")].role == "partner"


def test_bad_rows_are_reported_by_line_and_skipped(table_dir: Path) -> None:
    table = read_table(table_dir / "participations.csv.gz", load_mapping(MAPPING))
    assert [r.line for r in table.rows] == [2, 3, 4, 5]
    reasons = {b.line: b.reason for b in table.bad}
    assert sorted(reasons) == [6, 7, 8, 9, 10, 11]
    assert "unknown role 'observer'" in reasons[6]
    assert "no organization" in reasons[7]
    assert "amount 'lots'" in reasons[8]
    assert "unknown type 'XYZ'" in reasons[9]
    assert "6 fields where the header has 7" in reasons[10]
    assert "date 'next spring'" in reasons[11]


def test_provenance_is_the_file_and_the_row(table_dir: Path) -> None:
    mapping = load_mapping(MAPPING)
    table = read_table(table_dir / "participations.csv.gz", mapping)
    ex = to_extraction(table, mapping)
    rel = next(r for r in ex.relations if r.source == "o:900000003")
    assert rel.evidence.sentence == f"participations.csv.gz line 5: {GOOD[3]}"
    assert table.text[rel.evidence.start:rel.evidence.end] == GOOD[3]
    assert rel.evidence.doc_id == ex.document.id


def test_a_broken_mapping_or_table_names_the_file_and_the_problem(table_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[columns]\nproject = "rcn"\norganization = "pic"\n[types]\nHES = { type = "Castle" }\n')
    with pytest.raises(IngestError, match="bad.toml.*type 'HES' maps to 'Castle'"):
        load_mapping(bad)
    nocol = _gz(tmp_path / "short.csv.gz", ["rcn,pic", "1,2"])
    with pytest.raises(IngestError, match=r"short.csv.gz: has no column for role \('role'\)"):
        read_table(nocol, load_mapping(MAPPING))


def _document_mentions(store, settings, name: str) -> str:
    """Write a document stating ``name`` through the resolver, as ingest does; its entity id."""
    from graph.batch import to_graph
    from graph.resolve.store_resolver import StoreResolver

    text = f"{name} joins a robotics consortium."
    doc = Document(id="doc-acme", source="acme.txt", format="txt", text=text, title="Acme")
    ent = ExtractedEntity("e1", EntityType.ORGANIZATION, name, "company",
                          mentions=[Mention(doc.id, 0, len(name), name)])
    prj = ExtractedEntity("e2", EntityType.PROJECT, "Robotics consortium",
                          mentions=[Mention(doc.id, 21, 40, "robotics consortium")])
    rel = ExtractedRelation(RelType.PARTICIPATES_IN, "e1", "e2", Evidence(doc.id, 0, len(text), text))
    extraction = Extraction(doc, [ent, prj], [rel])
    assignment = StoreResolver(settings).assign(extraction, store)
    store.write(to_graph(extraction, assignment))
    return assignment["e1"].id


def _count(store, label: str) -> int:
    return store.stats()[label]


def test_import_writes_once_and_meets_document_names(table_dir: Path, store, settings) -> None:
    doc_entity = _document_mentions(store, settings, "Acme Robotique")
    mapping = load_mapping(MAPPING)
    first = import_file(table_dir / "participations.csv.gz", mapping, settings, store)
    assert first.status == "imported"
    assert (first.rows, len(first.bad_rows), first.relations, first.named_resolved) == (4, 6, 4, 1)

    # the table's "ACME ROBOTIQUE SAS" is the document's "Acme Robotique": one node, both facts
    row = store.run("read/entity_by_id", id=doc_entity).first()
    assert row["name"] == "Acme Robotique"
    assert row["properties"]["pic"] == "900000001"
    assert "ACME ROBOTIQUE SAS" in row["aliases"]
    assert _count(store, "Organization") == 2  # Acme and the unnamed research institute
    assert _count(store, "University") == 1
    assert _count(store, "Project") == 3  # two from the table, one from the document

    before = store.stats()
    again = import_file(table_dir / "participations.csv.gz", mapping, settings, store)
    assert again.status == "unchanged"
    assert store.stats() == before


def test_cli_import_reports_bad_rows(table_dir: Path, settings) -> None:
    from grappe.cli import main

    result = CliRunner().invoke(
        main, ["--data-dir", str(settings.data_dir), "import", "--skip-analytics",
               str(table_dir / "participations.csv.gz"), "--mapping", str(MAPPING)],
        env={"GRAPPE_GRAPH_URL": "falkordb-embedded", "GRAPPE_GRAPH_NAME": settings.graph_name},
    )
    assert result.exit_code == 0, result.output
    assert "imported" in result.output and "4 rows, 6 bad" in result.output
    assert "line 6: unknown role 'observer'" in result.output
