"""DOCX → text: paragraphs and tables in document order.

A table row becomes one line, its cells separated by " | ".  Paragraphs are
separated by a blank line, except runs of short lines ("Name" / "Role,
Organization"), which stay on consecutive lines like a board list.  The first
heading or title paragraph is the title candidate.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from grappe.errors import IngestError


@dataclass(frozen=True)
class DocxText:
    text: str
    title: str
    date: str | None


def read_docx(data: bytes, path: str) -> DocxText:
    # deferred: python-docx (and lxml) load only when a DOCX file comes in
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors...
        raise IngestError(path, f"corrupt DOCX ({exc.__class__.__name__}: {exc})",
                          "Check that the file opens in a word processor, or save it again as .docx.") from exc
    blocks: list[str] = []
    heading = ""
    prev_short = False
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = para.text.strip()
            style = (para.style.name if para.style is not None else "") or ""
            if text and not heading and (style.startswith("Heading") or style == "Title"):
                heading = text
            is_heading = style.startswith("Heading") or style == "Title"
            # short paragraphs in a row ("Name" / "Role, Organization") stay on
            # consecutive lines, as in a board list; other paragraphs get a blank line
            short = len(text) <= 80 and "\n" not in text and not text.endswith((".", "!", "?", ":")) and not is_heading
            if blocks and blocks[-1] == "" and short and prev_short:
                blocks.pop()
            blocks.extend((text, "") if text else ())
            prev_short = short
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                if cells:
                    blocks.append(" | ".join(cells))
            blocks.append("")
            prev_short = False
    props = document.core_properties
    created = props.created or props.modified
    return DocxText(
        text="\n".join(blocks),
        title=(props.title or "").strip() or heading,
        date=created.strftime("%Y-%m-%d") if created else None,
    )
