"""Loaders on small fixtures (tests/data/ingest/), broken files and format detection."""

from __future__ import annotations

import os

import pytest

from grappe.errors import IngestError
from grappe.model import Document
from ingest.loaders import detect_format, load_bytes, load_document
from ingest.loaders.meta import find_date, guess_kind, report_year

HTML = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Mila et Hopper annoncent un partenariat | Nouvelles</title>
<meta property="article:published_time" content="2024-05-14"></head>
<body><nav><ul><li><a href="/">Accueil</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<article><h1>Mila et Hopper annoncent un partenariat</h1>
<p>MONTRÉAL, le 14 mai 2024 — Hopper annonce un projet mené en partenariat avec Mila
pour mieux prévoir le prix des billets d’avion. Le projet est dirigé par Hopper.</p>
<p>Partenaires : Hopper, Mila, Université de Montréal</p>
<p>Pour en savoir plus sur ce projet de recherche appliquée, consultez le site de Mila.</p>
</article><footer><p>© 2024 Tous droits réservés. Politique de confidentialité.</p></footer>
</body></html>"""


def check_offsets(doc: Document) -> None:
    assert len(doc.offsets) == len(doc.text)
    assert list(doc.offsets) == sorted(doc.offsets)


# ------------------------------------------------------------------ formats


def test_pdf_two_columns_reading_order_headers_and_hyphenation(data_dir):
    doc = load_document(data_dir / "two_columns.pdf")
    assert doc.format == "pdf"
    assert doc.title == "Rapport annuel de test 2023-2024"
    assert doc.date == "2024" and doc.kind == "annual_report" and doc.language == "fr"
    text = doc.text
    # left column before right column, page 1 before page 2
    order = ["Colonne gauche", "développement des PME", "Colonne droite", "Page deux, à gauche", "Page deux, à droite"]
    assert [text.index(s) for s in order] == sorted(text.index(s) for s in order)
    assert "RAPPORT DE TEST" not in text  # running header removed
    assert not any(line.strip().isdigit() for line in text.splitlines())  # page numbers removed
    assert "→" not in text and "Université Laval" in text
    assert doc.id.startswith("doc-") and doc.id == load_document(data_dir / "pdf_named_as.txt").id
    check_offsets(doc)


def test_pdf_reading_order_when_the_stream_draws_the_right_column_first(data_dir):
    from ingest.loaders.pdf import _pymupdf

    data = (data_dir / "right_column_first.pdf").read_bytes()
    anchors = ["TITRE", "Gauche ligne 1", "Gauche ligne 8", "Droite ligne 1", "Droite ligne 8"]

    def in_order(text: str) -> bool:
        idx = [text.find(a) for a in anchors]
        return -1 not in idx and idx == sorted(idx)

    assert in_order(load_bytes(data, "right_column_first.pdf").text)
    page = _pymupdf().open(stream=data, filetype="pdf")[0]  # why we order blocks ourselves:
    assert not in_order(page.get_text()) and not in_order(page.get_text(sort=True))


def test_pdf_detected_by_content_not_extension(data_dir):
    doc = load_document(data_dir / "pdf_named_as.txt")
    assert doc.format == "pdf" and "Colonne gauche" in doc.text


def test_html_main_content_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    doc = load_document(path)
    assert doc.format == "html"
    assert doc.title.startswith("Mila et Hopper annoncent un partenariat")
    assert doc.date == "2024-05-14"
    assert "Partenaires : Hopper, Mila, Université de Montréal" in doc.text
    assert "Accueil" not in doc.text and "droits réservés" not in doc.text  # nav and footer gone
    assert "d'avion" in doc.text  # typographic apostrophe normalised
    check_offsets(doc)


def test_html_page_with_main_keeps_its_list_and_table_sections():
    """trafilatura keeps the first section of a project page and drops its partner list
    and tables; a page that marks its content with <main> is read whole, cells apart."""
    para = "<p>" + "Le projet Borex prévoit les pannes des cuves en usine. " * 4 + "</p>"
    html = ("<html><head><title>Borex</title></head><body><header><nav><a href='#'>Accueil</a></nav>"
            "<h1>Borex</h1><p>Sous-titre de la page</p></header><main>"
            f"<section><h2>Le projet</h2>{para}</section>"
            "<section><h2>Partenaires</h2><ul><li><strong>Alumineries Nordet</strong> — partenaire industriel.</li>"
            "<li><strong>Capteurs Vallon inc.</strong> — PME de Chicoutimi.</li></ul></section>"
            "<section><h2>Financement</h2><table><tr><th>Bailleur de fonds</th><th>Contribution</th></tr>"
            "<tr><td>Fonds Nordique</td><td>600 000 $</td></tr></table></section>"
            "</main><footer>Droits réservés</footer></body></html>").encode()
    doc = load_bytes(html, "mem://borex.html", name="borex.html")
    assert "Capteurs Vallon inc." in doc.text
    assert "Bailleur de fonds | Contribution" in doc.text and "Fonds Nordique | 600 000 $" in doc.text
    assert "Accueil" not in doc.text and "Droits réservés" not in doc.text and "Sous-titre" not in doc.text
    assert doc.text.splitlines()[0] == "Le projet"  # the <main> text, its own section first


def test_html_detected_by_content_with_txt_extension(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(HTML, encoding="utf-8")
    assert load_document(path).format == "html"


def test_html_fallback_without_trafilatura_content():
    html = b"<html><head><title>Court</title></head><body><nav>Menu</nav><div>Mila</div></body></html>"
    doc = load_bytes(html, "mem://short.html", name="short.html")
    assert doc.format == "html" and "Mila" in doc.text and "Menu" not in doc.text


def test_docx_paragraphs_and_tables(data_dir):
    doc = load_document(data_dir / "note.docx")
    assert doc.format == "docx" and doc.title == "Note de test" and doc.date == "2024-02-03"
    assert "Le projet Beta est mené en partenariat avec Polytechnique Montréal." in doc.text
    assert "Partenaires | Metro, Sobeys\nInvestissement | 2,5 M$" in doc.text
    assert doc.text.index("Beta") < doc.text.index("Metro") < doc.text.index("Fin de la note")
    check_offsets(doc)


def test_txt_and_md(tmp_path):
    txt = tmp_path / "note.txt"
    txt.write_text("Projet dirigé par\nCoveo, en partenariat avec l’Université Laval.\n", encoding="utf-8")
    doc = load_document(txt)
    assert doc.format == "txt" and doc.text == "Projet dirigé par Coveo, en partenariat avec l'Université Laval."
    md = tmp_path / "note.md"
    md.write_text("# Annonce\n\nThe project is **led by** [CAE](https://cae.com).\n\n- Mila\n- IVADO\n", encoding="utf-8")
    doc = load_document(md)
    assert doc.format == "md" and doc.title == "Annonce" and doc.language == "en"
    assert doc.text == "Annonce\n\nThe project is led by CAE.\n\nMila\nIVADO"


def test_latin1_text_is_decoded(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Université de Montréal et École Polytechnique".encode("cp1252"))
    assert load_document(path).text == "Université de Montréal et École Polytechnique"


def test_utf16_text_with_bom(tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes("Université Laval et Mila".encode("utf-16"))
    assert load_document(path).text == "Université Laval et Mila"


def test_same_content_same_id(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Mila et IVADO.", encoding="utf-8")
    b.write_text("Mila et IVADO.", encoding="utf-8")
    assert load_document(a).id == load_document(b).id
    assert load_document(a) == load_document(a)


def test_detect_format(data_dir):
    pdf = (data_dir / "two_columns.pdf").read_bytes()
    assert detect_format(pdf, "x.bin") == "pdf"
    assert detect_format((data_dir / "note.docx").read_bytes(), "renamed.txt") == "docx"
    assert detect_format(HTML.encode(), "page") == "html"
    assert detect_format(b"plain words", "notes.md") == "md"
    assert detect_format(b"plain words", "notes") == "txt"
    assert detect_format(bytes(range(256)), "x.txt") is None
    assert detect_format(b"Notes: use <p> and <div> tags for paragraphs.", "notes.txt") == "txt"


# ------------------------------------------------------------------ broken files


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("corrupt.pdf", "corrupt PDF"),
        ("corrupt.docx", "corrupt DOCX"),
        ("garbage.txt", "binary"),
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
    ],
)
def test_broken_fixtures(data_dir, name, reason):
    with pytest.raises(IngestError) as err:
        load_document(data_dir / name)
    assert reason in err.value.reason
    assert err.value.path.endswith(name) and err.value.hint


def test_pdf_that_cannot_be_opened():
    with pytest.raises(IngestError, match="corrupt PDF"):
        load_bytes(b"%PDF-1.7\nnot really a pdf", "bad.pdf", name="bad.pdf")


def test_oversized(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Mila " * 100, encoding="utf-8")
    with pytest.raises(IngestError, match="too large"):
        load_document(path, max_bytes=100)


def test_unreadable_directory_missing_and_broken_symlink(tmp_path):
    with pytest.raises(IngestError, match="directory"):
        load_document(tmp_path)
    with pytest.raises(IngestError, match="not found"):
        load_document(tmp_path / "missing.pdf")
    link = tmp_path / "dangling.pdf"
    os.symlink(tmp_path / "nowhere.pdf", link)
    with pytest.raises(IngestError, match="broken symbolic link"):
        load_document(link)


def test_unsupported_zip(tmp_path):
    import zipfile

    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(IngestError, match="unsupported"):
        load_document(path)


def test_text_with_no_letters(tmp_path):
    path = tmp_path / "numbers.txt"
    path.write_text("12 34\n56\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no text"):
        load_document(path)


# ------------------------------------------------------------------ title / date / kind


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("MONTRÉAL, le 1er mars 2024 — annonce", "2024-03-01"),
        ("TORONTO, June 5, 2023 /CNW/ - Kinaxis", "2023-06-05"),
        ("Published 2022-11-30 by the team", "2022-11-30"),
        ("Rapport publié en septembre 2021", "2021-09"),
        ("Rapport annuel 2022–2023. Depuis 2018", "2023"),
        ("Plan 2022-23 pour la grappe", "2023"),
        ("ALL IN 2025 à Montréal", "2025"),
        ("Aucune date ici", None),
    ],
)
def test_find_date(text, date):
    assert find_date(text) == date


def test_junk_metadata_titles_are_ignored():
    from ingest.loaders import _usable_title

    assert not _usable_title("Microsoft Word - rapport_final.docx")
    assert not _usable_title("Untitled") and not _usable_title("rapport-2023.indd")
    assert _usable_title("Rapport annuel 2022–2023")


def test_report_year_prefers_the_second_year():
    assert report_year("page 9 RAPPORT ANNUEL 2022–2023") == "2023"
    assert report_year("Annual Report 2024") == "2024"


def test_guess_kind():
    assert guess_kind("COMMUNIQUÉ DE PRESSE\nPour diffusion immédiate\nMila annonce…", fmt="txt") == "press_release"
    assert guess_kind("For immediate release. Coveo announces…\nMedia contact: a@b.c", fmt="html") == "press_release"
    assert guess_kind("Un texte.\nSource : Les Affaires", fmt="txt") == "news_article"
    assert guess_kind("About us. Our team.", fmt="html") == "web_page"
    report = "Message du président\nConseil d'administration\nÉtats financiers"
    assert guess_kind(report, fmt="pdf", pages=20) == "annual_report"
