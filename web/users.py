"""User accounts, kept in a small JSON file in the data folder (``users.json``).

Passwords are hashed with werkzeug.security; the file is rewritten atomically and
readable by its owner only. Each account has a session version, signed into its
session cookies: raising it (sign-out, new password) revokes every session issued before. Roles are ordered: viewer < analyst < curator < admin.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from grappe.errors import GrappeError, NotFound

ROLES = ("viewer", "analyst", "curator", "admin")
_NAME = re.compile(r"^[\w.@+-]{1,64}$")
MIN_PASSWORD = 8


def role_rank(role: str | None) -> int:
    return ROLES.index(role) + 1 if role in ROLES else 0


@dataclass(frozen=True)
class User:
    name: str
    role: str

    def can(self, role: str) -> bool:
        return role_rank(self.role) >= role_rank(role)


class UserStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._cache: tuple[float, dict] | None = None

    def _load(self) -> dict:
        try:
            mtime = self.path.stat().st_mtime
        except FileNotFoundError:
            return {}
        if self._cache and self._cache[0] == mtime:
            return self._cache[1]
        data = json.loads(self.path.read_text(encoding="utf-8")).get("users", {})
        self._cache = (mtime, data)
        return data

    def _save(self, users: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".users.", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"users": users}, fh, indent=2, sort_keys=True)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        self._cache = None

    def add(self, name: str, role: str, password: str, *, replace: bool = False) -> User:
        if not _NAME.match(name or ""):
            raise GrappeError(f"user name {name!r} is not valid",
                              "Use 1-64 letters, digits or . @ + - _ characters.")
        if role not in ROLES:
            raise GrappeError(f"role {role!r} is not known", f"Use one of: {', '.join(ROLES)}.")
        if len(password or "") < MIN_PASSWORD:
            raise GrappeError("the password is too short", f"Use at least {MIN_PASSWORD} characters.")
        with self._lock:
            users = dict(self._load())
            if name in users and not replace:
                raise GrappeError(f"user {name!r} already exists", "Use --replace to change it.")
            users[name] = {
                "role": role,
                "password_hash": generate_password_hash(password),
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                # a replaced account (new password or role) ends the sessions of the old one
                "session_version": int(users.get(name, {}).get("session_version", 0)) + (name in users),
            }
            self._save(users)
        return User(name, role)

    def session_version(self, name: str) -> int:
        """The version signed into this account's session cookies; older ones are revoked."""
        return int((self._load().get(name) or {}).get("session_version", 0))

    def revoke_sessions(self, name: str) -> None:
        """End every session of ``name`` (sign-out, password change)."""
        with self._lock:
            users = dict(self._load())
            if name in users:
                users[name] = {**users[name], "session_version": self.session_version(name) + 1}
                self._save(users)

    def remove(self, name: str) -> None:
        with self._lock:
            users = dict(self._load())
            if name not in users:
                raise NotFound(f"no user named {name!r}", "`grappe user list` shows them.")
            del users[name]
            self._save(users)

    def get(self, name: str) -> User | None:
        record = self._load().get(name)
        return User(name, record["role"]) if record else None

    def verify(self, name: str, password: str) -> User | None:
        record = self._load().get(name or "")
        if not record:
            # spend the same time as a real check, so names cannot be probed by timing
            check_password_hash(_DUMMY_HASH, password or "")
            return None
        if check_password_hash(record["password_hash"], password or ""):
            return User(name, record["role"])
        return None

    def list(self) -> list[User]:
        return [User(n, r["role"]) for n, r in sorted(self._load().items())]


_DUMMY_HASH = generate_password_hash("not a password")
