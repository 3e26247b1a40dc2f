"""Bounds on what one input file may cost: decompressed size, entry count and
compression ratio of zip-based files (DOCX), PDF pages, characters of text, and a
check that a PDF's text is made of words (not glyph codes from broken fonts or a
truncated file). Every refusal names the file, the figure and the setting to raise.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from grappe.errors import IngestError
from grappe.settings import Settings

#: a file inside a zip smaller than this is never judged by its ratio (tiny XML parts
#: compress very well and cost nothing)
RATIO_FLOOR_BYTES = 1 << 20
#: a PDF's text with fewer letters among its visible characters, or fewer word-like
#: tokens among its tokens, is glyph garbage (measured: real reports 0.86+ and 0.76+,
#: a truncated report with broken fonts 0.01 and 0.0)
MIN_LETTER_SHARE = 0.4
MIN_WORD_SHARE = 0.25


@dataclass(frozen=True)
class InputLimits:
    max_text_chars: int
    max_pdf_pages: int
    max_unzipped_bytes: int
    zip_max_entries: int
    zip_max_ratio: int

    @classmethod
    def from_settings(cls, settings: Any) -> InputLimits:
        return cls(settings.max_text_chars, settings.max_pdf_pages, settings.max_unzipped_mb << 20,
                   settings.zip_max_entries, settings.zip_max_ratio)

    @classmethod
    def default(cls) -> InputLimits:
        """The limits the settings give (environment, else the defaults)."""
        return cls.from_settings(Settings.load())


def check_zip(data: bytes, path: str, limits: InputLimits) -> None:
    """Refuse a zip whose entries would expand past the limits. The sizes are the ones the
    zip declares; Python's zipfile never inflates an entry past its declared size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        return  # the reader reports a corrupt file with its own message
    if len(infos) > limits.zip_max_entries:
        raise IngestError(path, f"too many files inside ({len(infos):,}; at most {limits.zip_max_entries:,})",
                          "Raise GRAPPE_ZIP_MAX_ENTRIES if the file is genuine.")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise IngestError(path, f"expands to {total / 2**20:,.0f} MB (at most "
                          f"{limits.max_unzipped_bytes / 2**20:,.0f} MB)",
                          "Raise GRAPPE_MAX_UNZIPPED_MB if the file is genuine.")
    for info in infos:
        if info.file_size >= RATIO_FLOOR_BYTES:
            ratio = info.file_size / max(1, info.compress_size)
            if ratio > limits.zip_max_ratio:
                raise IngestError(path, f"{info.filename} is compressed {ratio:,.0f} to 1 (at most "
                                  f"{limits.zip_max_ratio}; a zip bomb?)",
                                  "Raise GRAPPE_ZIP_MAX_RATIO if the file is genuine.")


def check_pages(pages: int, path: str, limits: InputLimits) -> None:
    if pages > limits.max_pdf_pages:
        raise IngestError(path, f"the PDF has {pages:,} pages (at most {limits.max_pdf_pages:,})",
                          "Split it, or raise GRAPPE_MAX_PDF_PAGES.")


def check_text_length(chars: int, path: str, limits: InputLimits) -> None:
    if chars > limits.max_text_chars:
        raise IngestError(path, f"the text is too long ({chars:,} characters; at most {limits.max_text_chars:,})",
                          "Split the document, or raise GRAPPE_MAX_TEXT_CHARS.")


def check_words(text: str, path: str) -> None:
    """Refuse text that is not made of words (a PDF's broken fonts, a truncated file)."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return
    letters = sum(c.isalpha() for c in visible) / len(visible)
    tokens = text.split()
    wordlike = sum(1 for t in tokens if _word_like(t)) / len(tokens)
    if letters < MIN_LETTER_SHARE or wordlike < MIN_WORD_SHARE:
        raise IngestError(path, f"garbled PDF: the text is not made of words ({letters:.0%} letters, "
                          f"{wordlike:.0%} word-like tokens): broken fonts or a truncated file",
                          "Re-export the PDF (embedding fonts), or run OCR on it.")


def _word_like(token: str) -> bool:
    letters = sum(c.isalpha() for c in token)
    return letters >= 2 and letters >= 0.6 * len(token)
