"""Regenerate the binary ingest fixtures (committed; run only when changing them).

    .venv/bin/python tests/data/ingest/make_fixtures.py
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def two_columns_pdf() -> bytes:
    """Two pages, two columns, running header, page numbers, a hyphenated word."""
    from fpdf import FPDF

    pdf = FPDF(format="A5")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_title("Rapport annuel de test 2023-2024")
    pdf.set_creation_date(dt.datetime(2024, 6, 1, tzinfo=dt.UTC))
    columns = [
        (["Colonne gauche : le projet", "Alpha est dirigé par Mila et", "soutient le dévelop-",
          "pement des PME."], ["Colonne droite : Partenaires :", "Coveo, Hopper, CAE"]),
        (["Page deux, à gauche : IVADO", "Labs et IVADO sont distincts."], ["Page deux, à droite.",
                                                                           "→ Université Laval"]),
    ]
    for left, right in columns:
        pdf.add_page()
        pdf.set_font("DejaVu", "", 7)
        pdf.set_xy(10, 6)
        pdf.cell(128, 4, "RAPPORT DE TEST 2023–2024", align="R")
        pdf.set_xy(10, 200)
        pdf.cell(128, 4, str(pdf.page_no()), align="C")
        pdf.set_font("DejaVu", "", 9)
        for col, lines in ((0, left), (1, right)):
            for i, line in enumerate(lines):
                pdf.set_xy(10 + col * 68, 20 + i * 5)
                pdf.cell(60, 5, line)
    return bytes(pdf.output())


def right_column_first_pdf() -> bytes:
    """Two columns whose content stream draws the right column first (as many
    desktop-publishing tools do): stream order and pymupdf's sort=True both fail."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 9)
    left = [f"Gauche ligne {i} du paragraphe A qui continue" for i in range(1, 9)]
    right = [f"Droite ligne {i} du paragraphe B qui continue" for i in range(1, 9)]
    for i, line in enumerate(right):
        pdf.set_xy(110, 30 + i * 4.5)
        pdf.cell(85, 4.5, line)
    pdf.set_xy(15, 15)
    pdf.cell(180, 5, "TITRE PLEINE LARGEUR")
    for i, line in enumerate(left):
        pdf.set_xy(15, 30 + i * 4.5)
        pdf.cell(85, 4.5, line)
    return bytes(pdf.output())


def note_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "Note de test"
    d.core_properties.created = dt.datetime(2024, 2, 3, tzinfo=dt.UTC)
    d.add_heading("Note de test", level=1)
    d.add_paragraph("Le projet Beta est mené en partenariat avec Polytechnique Montréal.")
    t = d.add_table(rows=2, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Partenaires", "Metro, Sobeys"
    t.rows[1].cells[0].text, t.rows[1].cells[1].text = "Investissement", "2,5 M$"
    d.add_paragraph("Fin de la note.")
    d.save(str(path))


FILES = (
    "two_columns.pdf", "right_column_first.pdf", "pdf_named_as.txt", "corrupt.pdf", "note.docx",
    "corrupt.docx", "garbage.txt", "empty.txt", "blank.md",
)


def write_all(dest: Path = HERE) -> Path:
    """Write every fixture into ``dest`` (the tests call this when the committed
    copies are missing, e.g. in a checkout where ``data/`` was git-ignored)."""
    dest.mkdir(parents=True, exist_ok=True)
    pdf = two_columns_pdf()
    (dest / "two_columns.pdf").write_bytes(pdf)
    (dest / "right_column_first.pdf").write_bytes(right_column_first_pdf())
    (dest / "pdf_named_as.txt").write_bytes(pdf)  # format detection by content
    (dest / "corrupt.pdf").write_bytes(pdf[: len(pdf) // 3])  # truncated: no xref, no trailer
    note_docx(dest / "note.docx")
    (dest / "corrupt.docx").write_bytes(b"PK\x03\x04" + os.urandom(200))
    (dest / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    (dest / "empty.txt").write_bytes(b"")
    (dest / "blank.md").write_bytes(b"  \n\n \t\n")
    return dest


if __name__ == "__main__":
    write_all()
