"""The first lock on analysts' Cypher, before it reaches the database.

The query is read into tokens (strings, comments and backticked names parsed, so a
keyword inside a string, or a string inside a comment, cannot hide or fake one), then:

* its length and its nesting depth are capped: the FalkorDB parser takes time
  exponential in the nesting of an expression (brackets, CASE, chains of prefix
  operators) and parses on the server's main thread, outside the query's time limit,
  so a deep query would freeze the whole database;
* clauses that write, ``LOAD CSV`` (file and URL access) and unlisted procedures are
  refused;
* parameter names must be plain names, and parameter values are capped in depth and
  size (the FalkorDB client sends them as Cypher text, parsed the same way).

The database still enforces read-only execution, time and memory limits; this check
only keeps out what those limits cannot stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from grappe.errors import QueryRejected, ReadOnlyViolation

#: clauses that write or administer; refused anywhere in the query
WRITE_CLAUSES = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "ALTER",
    "GRANT", "DENY", "REVOKE", "TERMINATE",
})
#: ``LOAD CSV`` reads files and URLs: refused
FILE_ACCESS = frozenset({"LOAD"})
#: procedures an analyst may call (read-only on both backends)
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes",
    "db.idx.fulltext.querynodes", "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships", "db.schema.visualization",
    "algo.bfs", "algo.pagerank", "algo.wcc", "algo.betweenness", "algo.labelpropagation",
    "algo.spanningforest", "algo.sppaths", "algo.sspaths",
})
#: words after which ``-`` and ``+`` are prefix (unary) operators
_OPERATOR_WORDS = frozenset({
    "RETURN", "WHERE", "AND", "OR", "XOR", "NOT", "WITH", "WHEN", "THEN", "ELSE", "IN", "UNWIND",
    "CASE", "BY", "SKIP", "LIMIT", "AS", "IS", "STARTS", "ENDS", "CONTAINS",
})
_OPEN, _CLOSE = "([{", ")]}"
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass(frozen=True)
class Limits:
    max_chars: int = 20_000
    max_depth: int = 10
    #: characters of parameter values (as JSON-like text) a query may carry
    max_param_chars: int = 1_000_000


@dataclass(frozen=True)
class Token:
    kind: str  # word | name (backticked) | string | number | param | punct
    value: str
    start: int


def tokens(text: str, backend: str = "cypher") -> Iterator[Token]:
    """The query's tokens, comments dropped. Unterminated strings, names and comments
    are refused (the database would read the rest of the query differently)."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise _rejected(backend, "a /* comment is not closed", i)
            i = end + 2
        elif ch in "'\"":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise _rejected(backend, "a string is not closed", i)
            yield Token("string", text[i + 1:j], i)
            i = j + 1
        elif ch == "`":
            j, parts = i + 1, []
            while True:
                end = text.find("`", j)
                if end < 0:
                    raise _rejected(backend, "a `quoted name` is not closed", i)
                parts.append(text[j:end])
                if text.startswith("``", end):  # a doubled backtick is a backtick in the name
                    parts.append("`")
                    j = end + 2
                    continue
                break
            yield Token("name", "".join(parts), i)
            i = end + 1
        elif ch == "$":
            j = i + 1
            if j < n and text[j] == "`":
                end = text.find("`", j + 1)
                if end < 0:
                    raise _rejected(backend, "a `quoted name` is not closed", i)
                yield Token("param", text[j + 1:end], i)
                i = end + 1
                continue
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            yield Token("param", text[i + 1:j], i)
            i = j
        elif ch.isalpha() or ch == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            yield Token("word", text[i:j], i)
            i = j
        elif ch.isdigit():
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in "._"):
                j += 1
            yield Token("number", text[i:j], i)
            i = j
        else:
            yield Token("punct", ch, i)
            i += 1


def check_query(text: str, backend: str, params: Mapping[str, Any] | None = None,
                limits: Limits = Limits()) -> None:
    """Raise :class:`QueryRejected` (too long, too deep, bad parameters) or
    :class:`ReadOnlyViolation` (writes, file access, unlisted procedures); else return."""
    if len(text) > limits.max_chars:
        raise QueryRejected("console", backend,
                            f"the query is too long ({len(text):,} characters; at most {limits.max_chars:,})",
                            "Shorten it, or raise GRAPPE_QUERY_MAX_CHARS.")
    toks = list(tokens(text, backend))
    _check_clauses(toks, backend)
    depth = nesting_depth(toks)
    if depth > limits.max_depth:
        raise QueryRejected("console", backend,
                            f"the query nests {depth} levels deep (at most {limits.max_depth}): "
                            "deeply nested expressions take the database exponential time to parse",
                            "Flatten the expression (a WITH step per level), or raise GRAPPE_QUERY_MAX_DEPTH.")
    check_params(params or {}, backend, limits)


def _check_clauses(toks: list[Token], backend: str) -> None:
    for k, tok in enumerate(toks):
        if tok.kind != "word":
            continue
        word = tok.value.upper()
        before = _punct(toks, k - 1)
        after = _punct(toks, k + 1)
        if before in (".", ":") or after == ":":
            continue  # a property (n.set), a label (:Create) or a map key ({delete: 1})
        if word in WRITE_CLAUSES:
            raise ReadOnlyViolation("console", backend, f"{word} is not allowed: the console is read-only.",
                                    "Remove the clause that writes; the console only reads the graph.")
        if word in FILE_ACCESS:
            raise ReadOnlyViolation("console", backend, "LOAD CSV is not allowed: the console cannot read files "
                                    "or URLs.", "Query the graph only.")
        if word == "CALL" and after != "{":
            name = _procedure_name(toks, k + 1)
            if name.lower() not in ALLOWED_PROCEDURES:
                raise ReadOnlyViolation(
                    "console", backend, f"procedure {name or '(none)'} is not allowed in the read-only console.",
                    "Allowed procedures: " + ", ".join(sorted(ALLOWED_PROCEDURES)) + ".")


def _punct(toks: list[Token], k: int) -> str:
    """The punctuation at ``toks[k]``, or "" (a string holding "." is not a dot)."""
    return toks[k].value if 0 <= k < len(toks) and toks[k].kind == "punct" else ""


def _procedure_name(toks: list[Token], k: int) -> str:
    """The dotted name starting at ``toks[k]``, backticked parts included as written."""
    parts: list[str] = []
    while k < len(toks) and toks[k].kind in ("word", "name"):
        parts.append(toks[k].value)
        if _punct(toks, k + 1) == ".":
            k += 2
            continue
        break
    return ".".join(parts)


def nesting_depth(toks: list[Token]) -> int:
    """How deep the expression parser recurses, estimated from above: each bracket and
    CASE opens a level, and each prefix operator (``-``, ``+``, ``NOT``) in a row adds one."""
    stack: list[int] = []
    run = deepest = 0
    prev: Token | None = None
    for tok in toks:
        value = tok.value.upper() if tok.kind == "word" else tok.value
        if (tok.kind == "punct" and value in _OPEN) or (tok.kind == "word" and value == "CASE"):
            stack.append(run + 1)
            run = 0
        elif (tok.kind == "punct" and value in _CLOSE) or (tok.kind == "word" and value == "END"):
            if stack:
                stack.pop()
            run = 0
        elif _prefix_operator(tok, prev):
            run += 1
        else:
            run = 0
        deepest = max(deepest, sum(stack) + run)
        prev = tok
    return deepest


def _prefix_operator(tok: Token, prev: Token | None) -> bool:
    if tok.kind == "word":
        return tok.value.upper() == "NOT"
    if tok.kind != "punct" or tok.value not in "-+":
        return False
    if prev is None:
        return True
    if prev.kind == "punct":
        return prev.value not in _CLOSE
    return prev.kind == "word" and prev.value.upper() in _OPERATOR_WORDS


def check_params(params: Mapping[str, Any], backend: str, limits: Limits = Limits()) -> None:
    """Parameter names are plain names; values nest at most ``max_depth`` and weigh at
    most ``max_param_chars`` characters."""
    if not isinstance(params, Mapping):
        raise QueryRejected("console", backend, "parameters must be a map of names to values")
    budget = [limits.max_param_chars]
    for name, value in params.items():
        if not isinstance(name, str) or not _PARAM_NAME.match(name):
            raise QueryRejected("console", backend, f"parameter name {name!r} is not a plain name",
                                "Use letters, digits and _ (not starting with a digit).")
        _check_value(value, name, 1, backend, limits, budget)


def _check_value(value: Any, name: str, depth: int, backend: str, limits: Limits, budget: list[int]) -> None:
    if depth > limits.max_depth:
        raise QueryRejected("console", backend, f"parameter {name} nests more than {limits.max_depth} levels",
                            "Pass flatter values, or raise GRAPPE_QUERY_MAX_DEPTH.")
    budget[0] -= len(value) if isinstance(value, str) else 8
    if budget[0] < 0:
        raise QueryRejected("console", backend,
                            f"the parameters are too large (over {limits.max_param_chars:,} characters)",
                            "Pass fewer or shorter values.")
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or not _PARAM_NAME.match(key):
                raise QueryRejected("console", backend, f"parameter {name} has a key {key!r} that is not a "
                                    "plain name")
            _check_value(item, name, depth + 1, backend, limits, budget)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_value(item, name, depth + 1, backend, limits, budget)
    elif value is not None and not isinstance(value, (str, int, float, bool)):
        raise QueryRejected("console", backend, f"parameter {name} has a value of type {type(value).__name__}",
                            "Use strings, numbers, booleans, lists and maps.")


def _rejected(backend: str, what: str, offset: int) -> QueryRejected:
    return QueryRejected("console", backend, f"{what} (offset {offset})", "Close it, or remove it.")
