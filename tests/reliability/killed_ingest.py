"""A child process for the kill tests: ``python -m tests.reliability.killed_ingest JOB``.

JOB is a pickle of ``(settings, graph_name, paths, extractions, stop_after, victim_pid)``.
The child ingests ``paths`` with the given extractions (no NLP models loaded) and, right
after its ``stop_after``-th query, SIGKILLs ``victim_pid`` (the database) or itself.
A separate process (not a fork of the test) so no lock held by another thread of the
parent can freeze it.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys

from graph.store import open_store
from graph.store.falkordb import FalkorDBStore
from ingest.run import ingest
from tests.reliability.graphs import Replay

#: exit status when the database was killed (the child itself dies by SIGKILL otherwise)
KILLED_DATABASE = 3


def main(job_path: str) -> int:
    with open(job_path, "rb") as fh:
        settings, graph_name, paths, extractions, stop_after, victim = pickle.load(fh)
    calls = 0
    original = FalkorDBStore._execute

    def fatal(self, text, params=None, name="query"):
        nonlocal calls
        result = original(self, text, params, name)
        calls += 1
        if calls == stop_after:
            os.kill(victim or os.getpid(), signal.SIGKILL)
            os._exit(KILLED_DATABASE)
        return result

    FalkorDBStore._execute = fatal
    ingest(paths, settings, open_store(settings, graph_name=graph_name), extractor=Replay(extractions))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
