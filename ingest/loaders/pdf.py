"""PDF → text in reading order, pages separated by form feeds.

pymupdf gives text blocks with positions.  Its ``sort=True`` orders blocks by
(top, left), which interleaves the lines of a two-column page; the default
order is the content-stream order, which depends on the tool that wrote the
PDF.  We order blocks per page ourselves: full-width blocks, and blocks with
nothing beside them that are centred or sit in the top/bottom margin
(titles, running headers, page numbers), cut the page into
horizontal bands; inside a band, the left column is read top to bottom before
the right one.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from grappe.errors import IngestError
from ingest.limits import InputLimits, check_pages

#: A block wider than this share of the page spans the columns.
FULL_WIDTH = 0.55


@dataclass(frozen=True)
class PdfText:
    text: str
    title: str
    date: str | None
    pages: int
    repaired: bool = False  # pymupdf had to repair a damaged file to open it


def _order_blocks(blocks: list[tuple], page_width: float, page_height: float = 0.0) -> list[tuple]:
    """Reading order of (x0, y0, x1, y1, text, ...) blocks on a 1–2 column page."""
    mid = page_width / 2
    top, bottom = 0.1 * page_height, 0.9 * page_height
    blocks = sorted(blocks, key=lambda b: (b[1], b[0]))
    out: list[tuple] = []
    band: list[tuple] = []

    def flush() -> None:
        band.sort(key=lambda b: (0 if (b[0] + b[2]) / 2 < mid else 1, b[1], b[0]))
        out.extend(band)
        band.clear()

    def separator(b: tuple) -> bool:
        """Spans the columns, or stands alone centred or in a page margin
        (title, running header, page number)."""
        if b[2] - b[0] >= FULL_WIDTH * page_width:
            return True
        centred = abs((b[0] + b[2]) / 2 - mid) < 0.1 * page_width
        if not (centred or (page_height and (b[3] <= top or b[1] >= bottom))):
            return False
        return not any(o is not b and o[1] < b[3] and o[3] > b[1] for o in blocks)

    for b in blocks:
        if separator(b):
            flush()
            out.append(b)
        else:
            band.append(b)
    flush()
    return out


def _line_height(b: tuple) -> float:
    return (b[3] - b[1]) / max(1, b[4].rstrip("\n").count("\n") + 1)


def _join_blocks(blocks: list[tuple]) -> str:
    """Blocks separated by a blank line (a paragraph break), except a block that
    follows the previous one in the same column, closer than half a line and with
    the same line height: pymupdf split one paragraph or heading ("Highlights for
    our English-speaking" / "partners"), so a single line break lets the cleaner
    decide."""
    parts: list[str] = []
    prev = None
    for b in blocks:
        text = b[4].rstrip("\n")
        if prev is not None:
            height, prev_height = _line_height(b), _line_height(prev)
            close = (
                abs(b[0] - prev[0]) < 2  # same column
                and 0 <= b[1] - prev[3] < 0.5 * prev_height  # closer than half a line
                and abs(height - prev_height) < 0.05 * prev_height  # same type size: not heading → body
            )
            parts.append("\n" if close else "\n\n")
        parts.append(text)
        prev = b
    return "".join(parts)


_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?")


def _pdf_date(value: str | None) -> str | None:
    m = _PDF_DATE.match(value or "")
    if not m or not 1900 < int(m.group(1)) < 2100:
        return None
    return "-".join(g for g in m.groups() if g)


def _pymupdf():
    """Import pymupdf without its optional ``pymupdf.layout`` add-on, which it imports
    eagerly when installed (≈2 s, an ONNX layout model) and which we do not use."""
    if "pymupdf" in sys.modules:
        return sys.modules["pymupdf"]
    blocked = "pymupdf.layout" not in sys.modules
    if blocked:
        sys.modules["pymupdf.layout"] = None  # type: ignore[assignment]  # makes its import fail fast
    try:
        # deferred: paid only when a PDF comes in
        import pymupdf
    finally:
        if blocked:
            del sys.modules["pymupdf.layout"]  # an explicit import later still works
    return pymupdf


def read_pdf(data: bytes, path: str, limits: InputLimits | None = None) -> PdfText:
    """The PDF's text; a PDF with more pages than ``limits`` allow is refused before any is read."""
    pymupdf = _pymupdf()

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises its own FileDataError/RuntimeError
        raise IngestError(path, f"corrupt PDF ({exc})", "Check that the file opens in a PDF viewer.") from exc
    with doc:
        if doc.needs_pass:
            raise IngestError(path, "the PDF is encrypted", "Provide a copy without a password.")
        if limits is not None:
            check_pages(doc.page_count, path, limits)
        pages: list[str] = []
        try:
            for page in doc:
                blocks = [b for b in page.get_text("blocks") if b[6] == 0 and b[4].strip()]
                ordered = _order_blocks(blocks, page.rect.width, page.rect.height)
                pages.append(_join_blocks(ordered))
        except Exception as exc:
            raise IngestError(path, f"corrupt PDF: a page cannot be read ({exc})",
                              "Re-export the PDF or convert it to text first.") from exc
        meta = doc.metadata or {}
        return PdfText(
            text="\f".join(pages),
            title=(meta.get("title") or "").strip(),
            date=_pdf_date(meta.get("creationDate")) or _pdf_date(meta.get("modDate")),
            pages=len(pages),
            repaired=bool(getattr(doc, "is_repaired", False)),
        )
