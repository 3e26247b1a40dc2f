"""Load a document file into a clean :class:`~grappe.model.Document`.

``load_document(path)`` detects the format from the content (magic bytes, zip
members, HTML tags) before trusting the extension, extracts text with the
matching reader (PDF, HTML, DOCX, TXT/MD), cleans it (:mod:`ingest.clean`),
and fills title, date, language and kind.  Every failure is an
:class:`~grappe.errors.IngestError` naming the file, the reason and a next step.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from pathlib import Path

from grappe.errors import IngestError
from grappe.model import Document
from ingest import clean as _clean
from ingest.limits import InputLimits, check_text_length, check_words, check_zip
from ingest.loaders.docx import read_docx
from ingest.loaders.html import read_html
from ingest.loaders.meta import find_date, guess_kind, guess_title, report_year
from ingest.loaders.pdf import read_pdf
from nlp.language import detect_language

__all__ = ["load_document", "load_bytes", "detect_format", "FORMATS", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 50_000_000
FORMATS = ("pdf", "html", "docx", "txt", "md")
_EXTENSIONS = {
    ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx",
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
}
_HTML_TAG = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|h1|article|title)[\s>]", re.I)

#: Cleaning rules per format: HTML and DOCX have no hard line wraps or page headers.
_RULES = {
    "pdf": _clean.DEFAULT_RULES,
    "txt": _clean.DEFAULT_RULES,
    "md": (_clean.strip_markdown, *_clean.DEFAULT_RULES),
    "html": (_clean.normalize_chars, _clean.remove_urls, _clean.remove_bullets, _clean.normalize_spaces),
    "docx": (_clean.normalize_chars, _clean.remove_urls, _clean.remove_bullets, _clean.normalize_spaces),
}


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _is_text(data: bytes) -> bool:
    """Heuristic: UTF-16 with a BOM, or UTF-8 / mostly printable cp1252 with no NUL bytes."""
    if data.startswith(_UTF16_BOMS):
        return True
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a multibyte char cut by the sample
            return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(sample)) < 0.01


def detect_format(data: bytes, name: str = "") -> str | None:
    """Format from content first (%PDF, zip with word/document.xml, HTML tags),
    then the extension for text files; ``None`` if unsupported."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else None
        except zipfile.BadZipFile:
            return "docx" if Path(name).suffix.lower() == ".docx" else None  # corrupt docx, reported later
    ext = _EXTENSIONS.get(Path(name).suffix.lower())
    if ext in ("pdf", "docx"):
        return ext  # wrong content: the reader reports it as corrupt
    if not _is_text(data):
        return None
    head = _decode(data[:4096]).lstrip("\ufeff \t\r\n").encode("utf-8", errors="ignore")
    # markup first (a text that merely mentions "<p>" further down stays text)
    if ext == "html" or (head.startswith(b"<") and _HTML_TAG.search(head) and ext != "md"):
        return "html"
    return ext or "txt"


def _decode(data: bytes) -> str:
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    if path.is_symlink() and not path.exists():
        raise IngestError(name, "broken symbolic link", "Point the link at an existing file.")
    if not path.exists():
        raise IngestError(name, "file not found", "Check the path.")
    if path.is_dir():
        raise IngestError(name, "is a directory, not a file", "Pass the files inside it, or a glob.")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(name, f"file too large ({size:,} bytes > limit {max_bytes:,})",
                              "Split the document or raise the size limit.")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(name, f"unreadable ({exc.strerror or exc})", "Check the file permissions.") from exc
    if len(data) > max_bytes:
        raise IngestError(name, f"file too large (> limit {max_bytes:,} bytes)",
                          "Split the document or raise the size limit.")
    return data


_JUNK_TITLE = re.compile(r"^(?:untitled|sans titre|document\d*|microsoft (?:word|powerpoint) - .*)$|\.\w{2,5}$", re.I)


def _usable_title(title: str) -> bool:
    """Metadata titles are often junk: "Untitled", "Microsoft Word - rapport.docx"."""
    title = title.strip()
    return len(title) >= 3 and not _JUNK_TITLE.search(title)


def load_document(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  limits: InputLimits | None = None) -> Document:
    """Read, extract and clean one document file.

    Raises :class:`IngestError` for a missing, unreadable, empty, oversized,
    binary, corrupt, garbled or unsupported file, or one past ``limits``
    (default: the settings').
    """
    path = Path(path)
    data = _read(path, max_bytes)
    return load_bytes(data, str(path), name=path.name, limits=limits)


def load_bytes(data: bytes, source: str, *, name: str = "", fmt: str | None = None,
               limits: InputLimits | None = None) -> Document:
    """Like :func:`load_document` for content already in memory (e.g. fetched from a URL).

    ``name`` (a file name) helps format detection; ``fmt`` forces the format.
    The file size limit is the caller's business here; ``limits`` apply.
    """
    limits = limits or InputLimits.default()
    if not data.strip():
        raise IngestError(source, "empty file", "Nothing to ingest; check the export that produced it.")
    fmt = fmt or detect_format(data, name or source)
    if fmt is None:
        raise IngestError(source, "unsupported or binary (non-text) content",
                          f"Supported formats: {', '.join(FORMATS)}.")
    title, meta_date, pages, page_type, repaired = "", None, 0, None, False
    if fmt == "pdf":
        pdf = read_pdf(data, source, limits)
        raw, title, meta_date, pages, repaired = pdf.text, pdf.title, pdf.date, pdf.pages, pdf.repaired
    elif fmt == "docx":
        check_zip(data, source, limits)
        dx = read_docx(data, source)
        raw, title, meta_date = dx.text, dx.title, dx.date
    elif fmt == "html":
        ht = read_html(_decode(data))
        raw, title, meta_date, page_type = ht.text, ht.title, ht.date, ht.page_type
    else:
        raw = _decode(data)
    if len(raw) > 2 * limits.max_text_chars:  # far past the cap: do not even clean it
        check_text_length(len(raw), source, limits)
    cleaned = _clean.clean(raw, _RULES[fmt])
    text = cleaned.text
    check_text_length(len(text), source, limits)
    if not any(ch.isalpha() for ch in text[:100_000]):
        if repaired:
            raise IngestError(source, "corrupt PDF: damaged file, no readable text after repair",
                              "Re-download or re-export the PDF.")
        hint = ("The PDF may be scanned images: run OCR first." if fmt == "pdf"
                else "The file has no readable text.")
        raise IngestError(source, "no text could be extracted", hint)
    if fmt == "pdf":
        check_words(text, source)
    title = _clean.normalize_chars(_clean.Cleaned.of(title)).text if _usable_title(title) else ""
    title = " ".join(title.split()) or guess_title(text)
    kind = guess_kind(text, fmt=fmt, title=title, pages=pages, raw=raw if fmt != "html" else "")
    if fmt == "html" and kind == "web_page" and page_type == "article":
        kind = "news_article"
    date = (report_year(f"{title}\n{raw}") if kind == "annual_report" else None) or (
        meta_date if fmt == "html" else None) or find_date(f"{title}\n{text}") or meta_date

    return Document(
        id="doc-" + hashlib.sha256(data).hexdigest()[:32],
        source=os.fspath(source),
        format=fmt,
        text=text,
        title=title,
        date=date,
        language=detect_language(text),
        kind=kind,
        offsets=cleaned.offsets,
    )
