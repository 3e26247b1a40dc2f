"""One exception root; each message says what happened, where, and what to do next.

The CLI and the web error handler are the only places that translate these.
"""

from __future__ import annotations


class GrappeError(Exception):
    """Root of every error Grappe raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        if hint:
            self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip() if self.hint else self.message


class ConfigError(GrappeError):
    """A setting has a value Grappe cannot use."""

    def __init__(self, setting: str, value: object, expected: str) -> None:
        super().__init__(f"setting {setting}={value!r} is not usable: expected {expected}.")
        self.setting, self.value, self.expected = setting, value, expected


class StoreUnavailable(GrappeError):
    """The graph store cannot be reached or refused the credentials."""


class QueryError(GrappeError):
    """A query failed in the database (syntax, write attempt, timeout...)."""

    def __init__(self, name: str, backend: str, detail: str, hint: str = "") -> None:
        super().__init__(f"query {name!r} failed on {backend}: {detail}", hint)
        self.name, self.backend, self.detail = name, backend, detail


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""


class ReadOnlyViolation(QueryError):
    """A read-only query tried to write."""


class QueryRejected(QueryError):
    """An analyst's query was refused before reaching the database (too long, too deep,
    bad parameters)."""


class IngestError(GrappeError):
    """One document could not be ingested; the others go on."""

    def __init__(self, path: str, reason: str, hint: str = "") -> None:
        super().__init__(f"{path}: {reason}", hint)
        self.path, self.reason = path, reason


class NotFound(GrappeError):
    """A named entity, query or document does not exist."""


class Ambiguous(GrappeError):
    """A name matches several entities; the caller must pick one."""

    def __init__(self, name: str, candidates: list[dict]) -> None:
        listing = "; ".join(f"{c.get('name')} ({c.get('type')}, {c.get('id')})" for c in candidates)
        super().__init__(f"{name!r} is ambiguous: {listing}", "Use one of the ids or a fuller name.")
        self.name, self.candidates = name, candidates
