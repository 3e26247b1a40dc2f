"""One writer per document: two ingests that reach the same source at once take turns.

The check "is this version stored and complete?" and the write that follows run under an
exclusive lock on a file of ``<data_dir>/ingest-locks/`` named after the document's source,
so the second run sees the first one's complete version and writes nothing. The system
releases the lock when its holder exits, even by a crash. Every process that writes the
same graph must share the data folder (ingests on other machines are not covered).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from grappe.errors import GrappeError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no cross-process locks
    fcntl = None  # type: ignore[assignment]

LOCK_DIR = "ingest-locks"
#: how long a run waits for another one to finish writing the same document
WAIT_SECONDS = 600.0


class DocumentBusy(GrappeError):
    """Another run kept writing this document for longer than we waited."""


def _lock_path(data_dir: Path | str, source: str) -> Path:
    # a digest: sources are paths or URLs, not file names
    return Path(data_dir) / LOCK_DIR / f"{hashlib.sha256(source.encode()).hexdigest()[:32]}.lock"


def _try_lock(handle: IO[str]) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def document_lock(data_dir: Path | str, source: str, wait_seconds: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock of ``source`` while the block runs, waiting up to ``wait_seconds``."""
    if fcntl is None:
        yield
        return
    path = _lock_path(data_dir, source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a")  # closed below; held while the block runs
    except OSError as exc:
        raise GrappeError(f"cannot create the ingest lock {path} ({exc}).",
                          "Set GRAPPE_DATA_DIR to a folder this user can write.") from exc
    with handle:
        deadline = time.monotonic() + wait_seconds
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise DocumentBusy(f"{source}: another ingest has been writing this document for "
                                   f"{wait_seconds:.0f}s.", f"Re-run grappe ingest {source} once it ends.")
            time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def being_written(data_dir: Path | str, source: str) -> bool:
    """Whether a running ingest holds the lock of ``source`` right now."""
    path = _lock_path(data_dir, source)
    if fcntl is None or not path.exists():
        return False
    try:
        with open(path, "a") as handle:
            if _try_lock(handle):
                fcntl.flock(handle, fcntl.LOCK_UN)
                return False
            return True
    except OSError:  # a folder we may not write: cannot tell, say not
        return False
