"""Jinja filters: highlighted evidence sentences, amounts, readable query values."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from flask import Flask, g, url_for
from markupsafe import Markup, escape

from grappe.model import EntityType
from grappe.text import strip_accents


@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    base = (strip_accents(c) or c)[0]  # the accents grappe.text.fold drops, one character kept
    low = base.casefold()
    return low[0] if low else base


class _FoldTable(dict[int, str]):
    """``str.translate`` table of :func:`_fold_char`, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """Accent- and case-folded text of exactly the same length (so spans map back)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)  # one C loop; a hub page highlights thousands of characters


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum() and text[start - 1] != "_") and \
           (end == len(text) or not text[end].isalnum() and text[end] != "_")


def highlight(sentence: str | None, names: Iterable[str | None]) -> Markup:
    """``sentence`` escaped, with every occurrence of any of ``names`` in ``<mark>``
    (accents and case ignored, whole words only; longer names win over overlapping
    shorter ones)."""
    sentence = sentence or ""
    folded = fold_same_length(sentence)
    spans: list[tuple[int, int]] = []
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        needle = fold_same_length(name)
        at = folded.find(needle)
        while at >= 0:
            end = at + len(needle)
            if _whole_word(folded, at, end) and all(end <= s or at >= e for s, e in spans):
                spans.append((at, end))
            at = folded.find(needle, at + 1)
    spans.sort()
    out, last = [], 0
    for s, e in spans:
        out.append(escape(sentence[last:s]))
        out.append(Markup("<mark>") + escape(sentence[s:e]) + Markup("</mark>"))
        last = e
    out.append(escape(sentence[last:]))
    return Markup("").join(out)


def money(value: Any) -> str:
    if value in (None, ""):
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number >= 1_000_000:
        return f"{number / 1_000_000:,.1f} M$".replace(".0 M$", " M$")
    return f"{number:,.0f} $"


def rel_label(value: str | None) -> str:
    return (value or "").lower().replace("_", " ")


def cell(value: Any) -> Markup:
    """A console result value, readable: nodes as linked chips, relationships as arrows."""
    if value is None:
        return Markup('<span class="null">null</span>')
    if isinstance(value, bool):
        return Markup(str(value).lower())
    if isinstance(value, (int, float, str)):
        return escape(str(value))
    if isinstance(value, list):
        return Markup('<span class="list">[') + Markup(", ").join(cell(v) for v in value) + Markup("]</span>")
    if isinstance(value, dict):
        if "_type" in value:  # a relationship
            props = {k: v for k, v in value.items() if not k.startswith("_")}
            shown = ", ".join(f"{k}: {v}" for k, v in props.items() if k not in {"sentence", "id"})
            return (Markup('<span class="rel" title="') + escape(str(props.get("sentence", "")))
                    + Markup('">') + escape(f"-[:{value['_type']}]->")
                    + (Markup(" <small>") + escape(shown[:160]) + Markup("</small>") if shown else Markup(""))
                    + Markup("</span>"))
        if "_labels" in value:  # a node
            labels = [str(label) for label in value.get("_labels") or []]
            name = value.get("name") or value.get("title") or value.get("text") or value.get("id") or ""
            chip = (Markup('<span class="node-chip"><span class="labels">')
                    + escape(":" + ":".join(labels)) + Markup("</span> ") + escape(str(name)) + Markup("</span>"))
            node_id = value.get("id")
            if node_id and ("Entity" in labels or value.get("type") in COLOURED_TYPES):
                href = entity_url(node_id)
            elif node_id and "Document" in labels:
                href = document_url(node_id)
            else:
                return chip
            return Markup('<a href="') + escape(href) + Markup('">') + chip + Markup("</a>")
        return escape(", ".join(f"{k}: {v}" for k, v in value.items()))
    return escape(str(value))


COLOURED_TYPES = frozenset(t.value for t in EntityType)


#: What werkzeug's path converter leaves unquoted (``BaseConverter.to_url``).
_PATH_SAFE = "!$&'()*+,/:;=@"


def _prefixed(endpoint: str, arg: str, value: Any) -> str:
    """``url_for(endpoint, **{arg: value})`` for a route ending in ``<path:arg>``, without the
    routing map for each link: a hub's page links hundreds of entities, and ``url_for``
    costs more than the rest of each link. The prefix is built once per request."""
    cache = g.setdefault("_url_prefixes", {})
    prefix = cache.get(endpoint)
    if prefix is None:
        values: dict[str, Any] = {arg: "_"}
        prefix = cache[endpoint] = url_for(endpoint, **values)[:-1]
    return prefix + quote(str(value), safe=_PATH_SAFE)


def entity_url(entity_id: Any) -> str:
    """The entity page's URL (as ``url_for('entities.entity', entity_id=...)``)."""
    return _prefixed("entities.entity", "entity_id", entity_id)


def document_url(doc_id: Any) -> str:
    """The document page's URL (as ``url_for('sources.document', doc_id=...)``)."""
    return _prefixed("sources.document", "doc_id", doc_id)


def reject_key(mapping: dict, *keys: str) -> dict:
    return {k: v for k, v in mapping.items() if k not in keys}


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(highlight=highlight, money=money, rel_label=rel_label, cell=cell,
                                 reject_key=reject_key)
    app.jinja_env.globals.update(entity_url=entity_url, document_url=document_url)
