"""PDF → text in reading order, pages separated by form feeds.

pymupdf gives text blocks with positions.  Its ``sort=True`` orders blocks by
(top, left), which interleaves the paragraphs of a two-column page.  We order
blocks per page ourselves: full-width blocks (headings, page headers/footers)
cut the page into horizontal bands; inside a band, the left column is read top
to bottom before the right one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.errors import IngestError

#: A block wider than this share of the page spans the columns.
FULL_WIDTH = 0.55


@dataclass(frozen=True)
class PdfText:
    text: str
    title: str
    date: str | None
    pages: int


def _order_blocks(blocks: list[tuple], page_width: float) -> list[tuple]:
    """Reading order of (x0, y0, x1, y1, text, ...) blocks on a 1–2 column page."""
    mid = page_width / 2
    blocks = sorted(blocks, key=lambda b: (b[1], b[0]))
    out: list[tuple] = []
    band: list[tuple] = []

    def flush() -> None:
        band.sort(key=lambda b: (0 if (b[0] + b[2]) / 2 < mid else 1, b[1], b[0]))
        out.extend(band)
        band.clear()

    for b in blocks:
        if (b[2] - b[0]) >= FULL_WIDTH * page_width:
            flush()
            out.append(b)
        else:
            band.append(b)
    flush()
    return out


_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?")


def _pdf_date(value: str | None) -> str | None:
    m = _PDF_DATE.match(value or "")
    if not m or not 1900 < int(m.group(1)) < 2100:
        return None
    return "-".join(g for g in m.groups() if g)


def read_pdf(data: bytes, path: str) -> PdfText:
    import pymupdf

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises its own FileDataError/RuntimeError
        raise IngestError(path, f"corrupt PDF ({exc})", "Check that the file opens in a PDF viewer.") from exc
    with doc:
        if doc.needs_pass:
            raise IngestError(path, "the PDF is encrypted", "Provide a copy without a password.")
        pages: list[str] = []
        try:
            for page in doc:
                blocks = [b for b in page.get_text("blocks") if b[6] == 0 and b[4].strip()]
                ordered = _order_blocks(blocks, page.rect.width)
                pages.append("\n\n".join(b[4].rstrip("\n") for b in ordered))
        except Exception as exc:
            raise IngestError(path, f"corrupt PDF: a page cannot be read ({exc})",
                              "Re-export the PDF or convert it to text first.") from exc
        meta = doc.metadata or {}
        return PdfText(
            text="\f".join(pages),
            title=(meta.get("title") or "").strip(),
            date=_pdf_date(meta.get("creationDate")) or _pdf_date(meta.get("modDate")),
            pages=len(pages),
        )
