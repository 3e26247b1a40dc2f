"""The sample corpus in samples/ loads, with the expected metadata and structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import load_document

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"

EXPECTED = {
    "rapport-annuel-demo-2024-2025-fr.pdf": ("pdf", "fr", "annual_report", "2025"),
    "communique-ivado-hopper-fr.html": ("html", "fr", "press_release", "2025-02-18"),
    "press-release-coveo-mcgill-en.html": ("html", "en", "press_release", "2024-11-05"),
    "article-kinaxis-sobeys-en.txt": ("txt", "en", "news_article", "2025-03-03"),
    "nouvelles-cae-mila-fr.md": ("md", "fr", "news_article", "2025-04-09"),
    "fiche-projet-dernier-kilometre-fr.docx": ("docx", "fr", None, "2025-03-12"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_loads(name):
    doc = load_document(SAMPLES / name)
    fmt, lang, kind, date = EXPECTED[name]
    assert (doc.format, doc.language, doc.date) == (fmt, lang, date)
    if kind:
        assert doc.kind == kind
    assert doc.title and len(doc.offsets) == len(doc.text)
    assert "http" not in doc.text and "→" not in doc.text and "•" not in doc.text


def test_pdf_sample_structure_survives_cleaning():
    text = load_document(SAMPLES / "rapport-annuel-demo-2024-2025-fr.pdf").text
    lines = text.splitlines()
    assert "RAPPORT ANNUEL 2024–2025" not in lines  # running header
    assert "Partenaires : Metro, Dataperformers, HEC Montréal" in lines
    assert "Partenaires : Air Canada, IVADO Labs, Mila, Université McGill" in lines
    assert "Investissement de Scale AI : 2,5 M$" in lines
    assert "Le financement public a servi de levier" in text  # hyphenated "finance-\nment"
    assert "affirme Claire Tremblay, directrice générale de la Grappe démo" in text
    i = lines.index("Sophie Nguyen")
    assert lines[i + 1] == "Coveo"  # board list: name, then affiliation
    # reading order: left column, then right column, then the next page
    assert text.index("Mot de la direction") < text.index("Faits saillants") < text.index("Projets financés")
    assert text.index("Highlights for our English-speaking partners") < text.index("Conseil d'administration")
