"""Extraction records: the exact round trip, the incremental folder, the failure report."""

from __future__ import annotations

import json

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
from ingest.mapstep import extract_to_folder, mapper_for
from ingest.records import from_record, read_index, read_records, to_record

FAKE = "tests.scale.fakes:CueExtractor"
TEXT = "Acme Robotique et l'Université de Nordville lancent le projet Boréal."


def _extraction() -> Extraction:
    doc = Document(id="doc-abc", source="inbox/acme.txt", format="txt", text=TEXT, title="Acme",
                   date="2024-05", language="fr", kind="press_release")
    acme = ExtractedEntity("e1", EntityType.ORGANIZATION, "Acme Robotique", subtype="company",
                           aliases=["Acme"], attributes={"city": "Nordville"},
                           mentions=[Mention(doc.id, 0, 14, "Acme Robotique")], groups={"list-1"})
    uni = ExtractedEntity("e2", EntityType.UNIVERSITY, "Université de Nordville",
                          mentions=[Mention(doc.id, 20, 42, "Université de Nordville")], groups={"list-1"})
    project = ExtractedEntity("e3", EntityType.PROJECT, "Boréal", attributes={"total_investment_cad": 1500000},
                              mentions=[Mention(doc.id, 62, 68, "Boréal")])
    evidence = Evidence(doc.id, 0, len(TEXT), TEXT)
    rels = [ExtractedRelation(RelType.PARTICIPATES_IN, "e1", "e3", evidence),
            ExtractedRelation(RelType.AFFILIATED_WITH, "e1", "e2", evidence, role="membre")]
    return Extraction(doc, [acme, uni, project], rels)


def test_a_record_reads_back_as_the_extraction_it_was():
    ex = _extraction()
    record = json.loads(json.dumps(to_record(ex)))
    assert from_record(record) == ex
    # it is the gold format, with mentions and evidence
    assert record["document"]["file"] == "acme.txt"
    assert record["entities"][0]["mentions"] == [{"start": 0, "end": 14, "text": "Acme Robotique"}]
    assert record["relations"][1]["evidence"]["sentence"] == TEXT


def test_a_malformed_record_is_reported_by_file(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(to_record(_extraction())), encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    record = to_record(_extraction())
    del record["document"]["text"]
    (tmp_path / "c.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "d.json").write_text(json.dumps({"entities": []}), encoding="utf-8")
    got = {where.rsplit("/", 1)[-1]: item for where, item in read_records(tmp_path)}
    assert isinstance(got["a.json"], Extraction)
    assert "not valid JSON" in str(got["b.json"])
    assert "malformed extraction record" in str(got["c.json"]) and "text" in str(got["c.json"])
    assert "not a Grappe extraction record" in str(got["d.json"])


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in [("a.txt", "Acme Robotique"), ("b.txt", "Nordville Labs"), ("c.txt", "Argile Conseil")]:
        (corpus / name).write_text(text + "\n", encoding="utf-8")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n\x00\x01 not a pdf")
    return corpus


def _statuses(report) -> dict[str, str]:
    return {o.path.rsplit("/", 1)[-1]: o.status for o in report.outcomes}


def test_extraction_to_a_folder_is_incremental_by_content_hash(tmp_path):
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    with mapper_for(1, factory=FAKE) as mapper:
        first = extract_to_folder([corpus], out, mapper)
        assert _statuses(first) == {"a.txt": "extracted", "b.txt": "extracted", "c.txt": "extracted",
                                    "broken.pdf": "failed"}
        assert "broken.pdf" in first.failures[0].path and first.failures[0].reason
        again = extract_to_folder([corpus], out, mapper)
        assert _statuses(again) == {"a.txt": "unchanged", "b.txt": "unchanged", "c.txt": "unchanged",
                                    "broken.pdf": "failed"}
        old = read_index(out)[str(corpus / "b.txt")]
        (corpus / "b.txt").write_text("Boreal Transports\n", encoding="utf-8")
        third = extract_to_folder([corpus], out, mapper)
    assert _statuses(third)["b.txt"] == "replaced"
    assert not (out / old.file).exists()  # the superseded record is gone
    names = [item.entities[0].name for _, item in read_records(out)]
    assert names == ["Acme", "Argile", "Boreal"]  # extraction order: the new version last
    saved = json.loads((out / "extract_report.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in saved["failures"]] == [third.failures[0].path]


def test_shards_hold_records_and_a_superseded_line_is_not_read(tmp_path):
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    (corpus / "broken.pdf").unlink()
    with mapper_for(1, factory=FAKE) as mapper:
        extract_to_folder([corpus], out, mapper, shard_size=2)
        (corpus / "a.txt").write_text("Cargo Vision\n", encoding="utf-8")
        extract_to_folder([corpus], out, mapper, shard_size=2)
    assert sorted(p.name for p in out.glob("*.jsonl")) == ["part-00000.jsonl", "part-00001.jsonl",
                                                          "part-00002.jsonl"]
    names = [item.entities[0].name for _, item in read_records(out)]
    assert names == ["Nordville", "Argile", "Cargo"]  # shard order; the old line of a.txt skipped
