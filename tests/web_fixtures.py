"""Helpers for the web tests: the test password, signing in and the CSRF token.
The graph they run on is :mod:`graphs.web_ecosystem`."""

from __future__ import annotations

import re
from typing import Any

# --------------------------------------------------------------------------- helpers

PASSWORD = "correct horse battery"

_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def csrf(client: Any) -> str:
    """The session's CSRF token, as a page gives it."""
    html = client.get("/login").get_data(as_text=True)
    m = _META.search(html)
    assert m, "no csrf meta tag"
    return m.group(1)


def login(client: Any, name: str, password: str = PASSWORD) -> str:
    token = csrf(client)
    r = client.post("/login", data={"username": name, "password": password, "csrf_token": token})
    assert r.status_code == 302, r.get_data(as_text=True)[:500]
    return csrf(client)
