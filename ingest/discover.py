"""Which files an ingest run reads: the paths given, folders walked in a stable order."""

from __future__ import annotations

from pathlib import Path

from grappe.errors import IngestError

#: What a folder walk picks up. A file named explicitly is always tried (its
#: format is detected from its content); a folder holds scripts and notes too.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".xhtml", ".docx", ".txt", ".md", ".markdown"})


def discover(paths: list[Path]) -> tuple[list[Path], list[IngestError]]:
    """Files under ``paths``, plus errors for missing paths.

    Folders are walked in a stable order, skipping hidden entries and files whose
    suffix is not a document format."""
    files: list[Path] = []
    errors: list[IngestError] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.suffix.lower() not in DOCUMENT_SUFFIXES:
                    continue
                if child.is_file() or child.is_symlink():
                    files.append(child)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            errors.append(IngestError(str(path), "no such file or folder", "Check the path."))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, errors
