"""Slows password guessing, shared by every process serving one data folder.

Failures are rows in a small SQLite file in the data folder (``login_failures.sqlite``),
so the limits hold across worker processes and restarts. Three counters, each over the
last :data:`PAUSE_SECONDS`: one address with one user name, one address across every
name (password spraying), and one name across every address (a spread-out attack on
one account).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

PAUSE_SECONDS = 60.0
#: failures allowed per counter within PAUSE_SECONDS
LIMITS = {"pair": 5, "address": 20, "name": 20}


class Throttle:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS failures (key TEXT NOT NULL, at REAL NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS failures_key ON failures (key, at)")

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as db, db:
            yield db

    @staticmethod
    def keys(address: str, name: str) -> dict[str, str]:
        return {"pair": f"pair\x1f{address}\x1f{name}", "address": f"address\x1f{address}",
                "name": f"name\x1f{name}"}

    def blocked(self, address: str, name: str) -> bool:
        since = time.time() - PAUSE_SECONDS
        with self._db() as db:
            for kind, key in self.keys(address, name).items():
                (count,) = db.execute("SELECT count(*) FROM failures WHERE key = ? AND at > ?", (key, since)).fetchone()
                if count >= LIMITS[kind]:
                    return True
        return False

    def fail(self, address: str, name: str) -> None:
        now = time.time()
        with self._db() as db:
            db.executemany("INSERT INTO failures (key, at) VALUES (?, ?)",
                           [(key, now) for key in self.keys(address, name).values()])
            db.execute("DELETE FROM failures WHERE at < ?", (now - PAUSE_SECONDS,))

    def reset(self, address: str, name: str) -> None:
        """A success clears that address and name's own counter (not the wider ones)."""
        with self._db() as db:
            db.execute("DELETE FROM failures WHERE key = ?", (self.keys(address, name)["pair"],))
