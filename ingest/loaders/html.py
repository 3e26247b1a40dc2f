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
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


def _fallback(html: str) -> tuple[str, str]:
    p = _Fallback()
    p.feed(html)
    p.close()
    text = re.sub(r"[ \t]*\n\s*", "\n", re.sub(r"[ \t]+", " ", "".join(p.parts))).strip()
    return text, " ".join(p.title.split())


#: Below this many characters of main text, the tag-based fallback is used.
SMALL_PAGE = 200

_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")


def read_html(html: str) -> HtmlText:
    import trafilatura

    result = None
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_tables=True, include_comments=False, favor_recall=True,
        )
        result = extracted.as_dict() if extracted is not None else None
    except Exception:  # trafilatura/lxml failures on odd markup: use the fallback
        result = None
    fb_text, fb_title = _fallback(html)
    text = (result or {}).get("text") or ""
    # trafilatura missed the content, or the page is so small that its own
    # baseline kept the navigation: the tag-based fallback is more reliable
    if len(text) < SMALL_PAGE or len(text) < 0.2 * len(fb_text):
        text = fb_text
    title = (result or {}).get("title") or ""
    if not title:
        m = _H1.search(html)
        title = " ".join(unescape(_TAGS.sub("", m.group(1))).split()) if m else fb_title
    text = re.sub(r"\n+", "\n\n", text.strip())  # one element per line: paragraphs
    date = (result or {}).get("date")
    return HtmlText(text=text, title=title.strip(), date=date or None, page_type=(result or {}).get("pagetype"))
