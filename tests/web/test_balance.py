"""Workers offer to accept only while they are not busier than the least busy one."""

from web.balance import RETIRED, SLACK, balance, retire, shared_loads


class FakeServer:
    """What balance() uses of a waitress server: readable() and active_channels."""

    def __init__(self) -> None:
        self.active_channels: dict[int, object] = {}
        self.limit_reached = False

    def readable(self) -> bool:
        return not self.limit_reached

    def hold(self, n: int) -> None:
        self.active_channels = {i: object() for i in range(n)}


def test_busier_worker_stops_accepting_until_the_others_catch_up():
    loads = shared_loads(2)
    a, b = FakeServer(), FakeServer()
    balance(a, loads, 0)
    balance(b, loads, 1)
    assert a.readable() and b.readable()  # both idle
    a.hold(SLACK)
    assert a.readable()  # within the slack of b's 0
    a.hold(SLACK + 1)
    assert not a.readable() and b.readable()
    b.hold(1)
    assert b.readable() and a.readable()
    assert list(loads) == [SLACK + 1, 1]


def test_waitress_own_refusal_still_wins():
    loads = shared_loads(1)
    a = FakeServer()
    balance(a, loads, 0)
    a.limit_reached = True
    assert not a.readable()


def test_a_retired_worker_never_holds_the_others_back():
    loads = shared_loads(2)
    a, b = FakeServer(), FakeServer()
    balance(a, loads, 0)
    balance(b, loads, 1)
    b.readable()
    retire(loads, 1)
    a.hold(50)
    assert a.readable() and loads[1] == RETIRED
