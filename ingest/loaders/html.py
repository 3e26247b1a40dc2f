"""HTML → main content (no navigation/boilerplate), title and publication date.

trafilatura does the work; when it finds no main content (tiny or odd pages) a
fallback drops script/style/nav/header/footer/aside and keeps block text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str
    date: str | None
    page_type: str | None = None  # trafilatura's guess (article, ...) when any


_SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form", "svg", "head"}
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article",
          "blockquote", "dt", "dd", "table", "ul", "ol", "main", "pre"}


class _Fallback(HTMLParser):
    """Block text outside navigation and boilerplate elements; the text inside the page's
    ``<main>``/``<article>`` is also kept apart, and an ``<h1>`` in a ``<header>`` is kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.main_parts: list[str] = []
        self.skipping: list[str] = []
        self.main = 0
        self.title = ""
        self._in_title = False
        self._h1 = False

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        if self.main:
            self.main_parts.append(s)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        if tag in ("main", "article") and not self.skipping:
            self.main += 1
        if tag == "h1" and self.skipping == ["header"]:
            self._h1 = True  # the page's heading, often inside its <header>
            self.parts.append("\n")
        elif tag in _SKIP:
            self.skipping.append(tag)
        elif tag in _BLOCK:
            self._emit("\n")
        elif tag in ("td", "th") and not self.skipping:
            self._emit(" | ")  # cells of a row stay apart ("Fonds Nordique | 600 000 $")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._h1:
            self._h1 = False
            self.parts.append("\n")
        elif tag in _SKIP and tag in self.skipping:
            del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
        elif tag in _BLOCK:
            self._emit("\n")
        if tag in ("main", "article") and self.main and not self.skipping:
            self.main -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif self._h1:
            self.parts.append(data)
        elif not self.skipping:
            self._emit(data)


def _squeeze(parts: list[str]) -> str:
    text = re.sub(r"[ \t]*\n\s*", "\n", re.sub(r"[ \t]+", " ", "".join(parts))).strip()
    return re.sub(r"(?m)^(?: ?\| ?)+|(?: ?\| ?)+$", "", text)  # no pipe before a row's first cell


def _fallback(html: str) -> tuple[str, str, str]:
    """(all block text, the text of <main>/<article> or "", the <title>)."""
    p = _Fallback()
    p.feed(html)
    p.close()
    return _squeeze(p.parts), _squeeze(p.main_parts), " ".join(p.title.split())


#: Below this many characters of main text, the tag-based fallback is used.
SMALL_PAGE = 200

_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")


def read_html(html: str) -> HtmlText:
    import trafilatura  # deferred: ~0.5 s of imports, paid only when an HTML page comes in

    result = None
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_tables=True, include_comments=False, favor_recall=True,
        )
        result = extracted.as_dict() if extracted is not None else None
    except Exception:  # trafilatura/lxml failures on odd markup: use the fallback
        result = None
    fb_text, main_text, fb_title = _fallback(html)
    text = (result or {}).get("text") or ""
    # trafilatura missed the content, or the page is so small that its own
    # baseline kept the navigation: the tag-based fallback is more reliable.
    # A page that marks its content (<main>, <article>) is read whole when
    # trafilatura kept much less of it (it drops list-shaped sections: partners, team).
    if len(main_text) >= SMALL_PAGE and len(text) < 0.6 * len(main_text):
        text = main_text
    elif len(text) < SMALL_PAGE or len(text) < 0.2 * len(fb_text):
        text = fb_text
    title = (result or {}).get("title") or ""
    if not title:
        m = _H1.search(html)
        title = " ".join(unescape(_TAGS.sub("", m.group(1))).split()) if m else fb_title
    text = re.sub(r"\n+", "\n\n", text.strip())  # one element per line: paragraphs
    date = (result or {}).get("date")
    return HtmlText(text=text, title=title.strip(), date=date or None, page_type=(result or {}).get("pagetype"))
