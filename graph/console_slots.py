"""Analysts' queries take turns: at most ``GRAPPE_CONSOLE_SLOTS`` run at once, across
every process that shares the data folder (the web workers, ``grappe query run``).

The embedded FalkorDB runs that many threads more than the machine has cores, so
however slow the analysts' queries are, the app's own reads always find a thread.
A slot is an exclusive lock on a file in ``<data_dir>/console-slots/``: the system
releases it when the holder exits, even by a crash.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from grappe.errors import StoreUnavailable

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no cross-process slots
    fcntl = None  # type: ignore[assignment]


class ConsoleBusy(StoreUnavailable):
    """Every console slot stayed taken while this query waited."""


@contextmanager
def console_slot(data_dir: Path | str, slots: int, wait_seconds: float) -> Iterator[int]:
    """Hold one of ``slots`` slots while the block runs; wait up to ``wait_seconds`` for one."""
    if fcntl is None:
        yield 0
        return
    folder = Path(data_dir) / "console-slots"
    folder.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        for i in range(max(1, slots)):
            handle = open(folder / f"{i}.lock", "a")  # held while the block runs
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield i
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        if time.monotonic() >= deadline:
            raise ConsoleBusy(
                f"the console is busy: {slots} analyst quer{'y' if slots == 1 else 'ies'} already running.",
                "Retry in a moment, or raise GRAPPE_CONSOLE_SLOTS.")
        time.sleep(0.05)
