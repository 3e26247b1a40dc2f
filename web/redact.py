"""What anonymous visitors do not see: the server's absolute paths (in source names,
ingest failures and error messages) become file names."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

#: an absolute path: a slash not inside a word, a URL or another path, then 1+ folders
_ABS_PATH = re.compile(r"(?<![\w.:/~])/(?:[^\s/'\"<>:,;()]+/)+([^\s/'\"<>:,;()]*)")


def redact_paths(text: str) -> str:
    """``text`` with every absolute path replaced by its last part."""
    return _ABS_PATH.sub(lambda m: m.group(1) or "…", text or "")


def public_source(source: str | None) -> str | None:
    """A document's source as anonymous visitors see it: a path becomes its file name
    (a URL stays whole)."""
    if not source or "://" in source:
        return source
    return PurePosixPath(source).name or source
