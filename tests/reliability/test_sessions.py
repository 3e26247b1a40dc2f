"""Issue 14, item 7: sessions can be revoked, and password guessing is throttled per
address across user names, in a store every process shares."""

from __future__ import annotations

import web_fixtures

from web.throttle import LIMITS, Throttle
from web.users import UserStore

COOKIE = "grappe_session"


def _copy_session(src, dst) -> None:
    dst.set_cookie(COOKIE, src.get_cookie(COOKIE).value)



def test_a_copied_cookie_stops_working_after_sign_out(web_client):
    web_fixtures.login(web_client, "analyst")
    thief = web_client.application.test_client()
    _copy_session(web_client, thief)
    assert thief.get("/api/queries").status_code == 200
    web_client.post("/logout", data={"csrf_token": web_fixtures.csrf(web_client)})
    assert thief.get("/api/queries").status_code == 401


def test_a_password_change_ends_existing_sessions(web_client, tmp_path):
    web_fixtures.login(web_client, "analyst")
    assert web_client.get("/api/queries").status_code == 200
    UserStore(tmp_path / "users.json").add("analyst", "analyst", "a new long password", replace=True)
    assert web_client.get("/api/queries").status_code == 401
    web_fixtures.login(web_client, "analyst", "a new long password")
    assert web_client.get("/api/queries").status_code == 200


def test_password_spraying_from_one_address_is_throttled(web_client):
    token = web_fixtures.csrf(web_client)
    for i in range(LIMITS["address"]):
        r = web_client.post("/login", data={"username": f"guess{i}", "password": "nope", "csrf_token": token})
        assert r.status_code == 401
    r = web_client.post("/login", data={"username": "viewer", "password": web_fixtures.PASSWORD,
                                        "csrf_token": token})
    assert r.status_code == 429


def test_failures_are_shared_between_processes(tmp_path):
    # two Throttle objects on one file stand for two worker processes
    path = tmp_path / "login_failures.sqlite"
    first, second = Throttle(path), Throttle(path)
    for _ in range(LIMITS["pair"]):
        first.fail("10.0.0.1", "admin")
    assert second.blocked("10.0.0.1", "admin")
    assert not second.blocked("10.0.0.2", "viewer")
    second.reset("10.0.0.1", "admin")
    assert not first.blocked("10.0.0.1", "admin")
