"""Even spread of connections over ``grappe serve --workers`` processes.

Forked workers share one listening socket and race to accept. Browsers and API
clients keep their connections open, so whoever wins early keeps that load: with 20
clients on 2 workers we measured 13 connections on one and 7 on the other, and the
busy process (one core at most, because of the GIL) set everyone's latency. Node's
cluster module hands connections out round-robin for the same reason.

Here each worker publishes how many connections it holds in a small shared array
and stops offering to accept while it holds more than the least busy worker plus
one. The least busy worker always accepts, so no connection waits for a slot.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

#: how many connections above the least busy worker a worker may hold and still accept
SLACK = 1


def shared_loads(workers: int) -> Any:
    """The per-worker connection counts, created before forking (lock-free ints)."""
    return multiprocessing.Array("i", workers, lock=False)


def balance(server: Any, loads: Any, slot: int) -> None:
    """Make waitress ``server`` (worker number ``slot``) accept only its share."""
    readable = server.readable

    def balanced_readable() -> bool:
        ok = readable()  # waitress's own checks (connection limit, maintenance)
        mine = len(server.active_channels)
        loads[slot] = mine
        return ok and mine <= min(loads) + SLACK

    server.readable = balanced_readable


def retire(loads: Any, slot: int) -> None:
    """A worker that exited must never look like the least busy one."""
    loads[slot] = RETIRED


RETIRED = 2**31 - 1
