"""Issue 14, items 3 and 6: bounded inputs (zip caps for DOCX, PDF pages, text length,
garbled PDFs refused) and extraction that works piece by piece on long texts."""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from grappe.errors import IngestError
from grappe.model import Document
from ingest.limits import InputLimits
from ingest.loaders import load_document
from nlp.long_text import pieces, sections

ROOT = Path(__file__).resolve().parents[2]
DOCX = ROOT / "tests" / "data" / "ingest" / "note.docx"


@pytest.fixture
def limits() -> InputLimits:
    return InputLimits.default()


def _docx_with(extra: dict[str, bytes], document_xml: bytes | None = None) -> bytes:
    """The test DOCX with extra entries (or another word/document.xml), stored deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml" and document_xml is not None:
                data = document_xml
            dst.writestr(info.filename, data)
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


def test_the_test_docx_loads(limits):
    assert load_document(DOCX, limits=limits).text


def test_a_docx_bomb_is_refused_by_its_ratio_before_expanding(tmp_path, limits):
    # 40 MB of one byte repeated compresses about a thousand to one, like the bomb
    bomb = _docx_with({}, document_xml=b"<w:document>" + b" " * (40 << 20) + b"</w:document>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    assert path.stat().st_size < 100_000
    with pytest.raises(IngestError, match="word/document.xml is compressed .* to 1.*GRAPPE_ZIP_MAX_RATIO"):
        load_document(path, limits=limits)


def test_a_docx_that_expands_too_far_is_refused(tmp_path, limits):
    path = tmp_path / "big.docx"
    path.write_bytes(_docx_with({"word/media/blob.bin": os.urandom(2 << 20)}))  # incompressible
    with pytest.raises(IngestError, match=r"expands to \d MB \(at most 1 MB\).*GRAPPE_MAX_UNZIPPED_MB"):
        load_document(path, limits=replace(limits, max_unzipped_bytes=1 << 20))


def test_a_docx_with_too_many_entries_is_refused(tmp_path, limits):
    path = tmp_path / "many.docx"
    path.write_bytes(_docx_with({f"word/media/{i}.txt": b"x" for i in range(50)}))
    with pytest.raises(IngestError, match="too many files inside.*GRAPPE_ZIP_MAX_ENTRIES"):
        load_document(path, limits=replace(limits, zip_max_entries=40))


def test_a_pdf_past_the_page_cap_is_refused(tmp_path, limits):
    import pymupdf

    pdf = pymupdf.open()
    words = ["robots", "harbours", "funding", "partners", "research"]
    for i in range(5):
        page = pdf.new_page()
        for line in range(8):  # text that differs from page to page (not a running header)
            page.insert_text((72, 72 + 14 * line), f"Acme Robotique works on {words[(i + line) % 5]} "
                                                   f"with Fonderie Boréale, line {line} of section {i}.")
    path = tmp_path / "long.pdf"
    pdf.save(path)
    assert load_document(path, limits=limits).text
    with pytest.raises(IngestError, match="has 5 pages .*GRAPPE_MAX_PDF_PAGES"):
        load_document(path, limits=replace(limits, max_pdf_pages=3))


def test_a_truncated_pdf_with_glyph_garbage_is_refused(tmp_path, limits):
    whole = (ROOT / "samples" / "corpus" / "rapport-annuel-demo-2024-2025-fr.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[:3000])
    with pytest.raises(IngestError, match="garbled PDF: the text is not made of words"):
        load_document(path, limits=limits)


def test_a_text_past_the_length_cap_is_refused_naming_the_setting(tmp_path, limits):
    path = tmp_path / "long.txt"
    path.write_text("Acme Robotique. " * 100, encoding="utf-8")
    with pytest.raises(IngestError, match=r"too long \(1,599 characters; at most 1,000\).*GRAPPE_MAX_TEXT_CHARS"):
        load_document(path, limits=replace(limits, max_text_chars=1000))


def test_the_ingest_reports_the_cap_and_goes_on(tmp_path, settings, store):
    from ingest.run import ingest

    (tmp_path / "long.txt").write_text("Acme Robotique. " * 100, encoding="utf-8")
    report = ingest([tmp_path], settings.replace(max_text_chars=1000), store, extractor=object())
    (failure,) = report.failures
    assert "GRAPPE_MAX_TEXT_CHARS" in failure.reason


def test_pieces_cover_the_text_and_cut_at_paragraphs():
    text = "\n\n".join(f"Paragraph {i} " + "word " * (i % 7 + 3) for i in range(400))
    parts = pieces(text, size=500)
    assert "".join(p for _, p in parts) == text
    assert all(text[o:o + len(p)] == p for o, p in parts)
    assert all(len(p) <= 500 for _, p in parts)
    assert all(p.endswith("\n\n") for _, p in parts[:-1])
    assert pieces("short", size=500) == [(0, "short")]
    solid = "x" * 1200
    assert [len(p) for _, p in pieces(solid, size=500)] == [500, 500, 200]


def test_sections_group_whole_pieces():
    text = "\n\n".join(f"Paragraph {i} " + "word " * 20 for i in range(100))
    parts = sections(text, 300, 1000)
    assert "".join(p.text for p in parts) == text
    for section in parts:
        assert text[section.offset:section.offset + len(section.text)] == section.text
        assert "".join(piece for _, piece in section.pieces) == section.text
        assert len(section.text) <= 1000
    assert len(sections("short text", 300, 1000)) == 1


@pytest.mark.models
def test_a_long_text_is_extracted_to_its_end_with_true_offsets(monkeypatch):
    import nlp.pipeline
    from nlp.pipeline import Extractor

    monkeypatch.setattr(nlp.pipeline, "PIECE_CHARS", 400)
    monkeypatch.setattr(nlp.pipeline, "SECTION_CHARS", 1500)
    filler = "\n\n".join("The committee met on Tuesday and reviewed the agenda for the year." for _ in range(40))
    text = (filler + "\n\nAcme Robotique Inc. announced a partnership with the University of Nordville.\n\n"
            + filler + "\n\nHarbourline Robotics Inc. leads the Smart Docks project with Acme Robotique Inc.\n")
    doc = Document("doc-long", "long.txt", "txt", text, language="en")
    seen: list[tuple[int, int, str]] = []
    add_ner = nlp.pipeline.add_ner_entities

    def spy(ex, spans):
        seen.extend(spans)
        return add_ner(ex, spans)

    monkeypatch.setattr(nlp.pipeline, "add_ner_entities", spy)
    extraction = Extractor().extract(doc)
    # the NER's spans land on what it read, in every section (the filler's day is a date)
    dates = [(s, text[s:e]) for s, e, label in seen if label == "DATE"]
    assert max(s for s, _ in dates) > 1500, dates
    assert {d for _, d in dates} <= {"Tuesday", "the year", "year"}, dates
    names = {e.name for e in extraction.entities}
    assert {"Acme Robotique Inc", "Harbourline Robotics Inc", "Smart Docks"} <= names, names
    for entity in extraction.entities:
        for m in entity.mentions:
            assert " ".join(text[m.start:m.end].split()) == m.text
    for rel in extraction.relations:
        assert text[rel.evidence.start:rel.evidence.end].strip()
    last = text.rindex("Harbourline")
    assert any(m.start == last for e in extraction.entities for m in e.mentions)
    # named in two sections, one entity with both mentions
    (acme,) = [e for e in extraction.entities if e.name == "Acme Robotique Inc"]
    assert {m.start for m in acme.mentions} == {text.find("Acme Robotique"), text.rfind("Acme Robotique")}
    assert len({e.key for e in extraction.entities}) == len(extraction.entities)
    keys = {e.key for e in extraction.entities}
    assert all(r.source in keys and r.target in keys for r in extraction.relations)
