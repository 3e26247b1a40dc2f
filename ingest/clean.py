"""Clean text extracted from documents, keeping a map back to the original.

Every rule is a pure function over a :class:`Cleaned` value (text + offsets) and
returns a new one; :func:`clean` runs them in order.  ``offsets[i]`` is the
position in the *original* text of clean character ``i`` (inserted characters
map to the position of the text they replace), so a span found in the clean
text can be shown in the source.

The rules are conservative because downstream extraction relies on line
structure: paragraph breaks, list items ("Partenaires :" lists, bullets) and
"Name / Role / Affiliation" board lines are kept; a line is joined to the next
only when it clearly continues (trailing comma or hyphen, a function word such
as "de"/"of" at the end, the next line starting in lowercase or with "(").

Pages are separated by form feeds (``\\f``) by the PDF loader; header/footer
removal uses them when present.

Speed: no per-character Python loop; each rule iterates over regex matches and
offsets are carried as a numpy array (C-speed slicing/concatenation).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

__all__ = [
    "Cleaned",
    "clean",
    "DEFAULT_RULES",
    "normalize_chars",
    "remove_urls",
    "remove_headers_footers",
    "join_lines",
    "remove_bullets",
    "normalize_spaces",
    "strip_markdown",
]


@dataclass(frozen=True)
class Cleaned:
    """Text plus, for each char, its position in the original (one sentinel at the end)."""

    text: str
    #: len(text) + 1 ints; the last one is the original length (end sentinel).
    index: np.ndarray

    @classmethod
    def of(cls, text: str) -> Cleaned:
        return cls(text, np.arange(len(text) + 1, dtype=np.int64))

    @property
    def offsets(self) -> tuple[int, ...]:
        """``offsets[i]`` = original position of clean char ``i`` (no sentinel)."""
        return tuple(self.index[:-1].tolist())

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the original text."""
        if end <= start:
            p = int(self.index[start])
            return p, p
        return int(self.index[start]), int(self.index[end - 1]) + 1


Edit = tuple[int, int, str]  # replace text[start:end] by str


def _apply(c: Cleaned, edits: Iterable[Edit]) -> Cleaned:
    """Apply sorted, non-overlapping edits, carrying the offset index along.

    The new index is gathered from the old one in a single vectorised step: the
    loop only records segments (start in the old text, length, step 1 for copied
    chars or 0 for inserted ones, which all map to one position).
    """
    text, idx = c.text, c.index
    parts: list[str] = []
    starts: list[int] = []
    lengths: list[int] = []
    steps: list[int] = []
    pos = 0
    for s, e, r in edits:
        if s < pos or (e - s == len(r) and text.startswith(r, s)):
            continue  # overlapping (rules never produce these on purpose) or a no-op
        if s > pos:
            parts.append(text[pos:s])
            starts.append(pos)
            lengths.append(s - pos)
            steps.append(1)
        if r:
            parts.append(r)
            n = len(r)
            k = text.find(r, s, e) if n <= e - s else -1  # kept chars (a newline) map onto themselves
            if k >= 0:
                starts.append(k)
                steps.append(1)
            else:
                k = text.find(r[0], s, e)
                starts.append(k if k >= 0 else s)
                steps.append(0)
            lengths.append(n)
        pos = e
    if not parts and pos == 0:
        return c
    parts.append(text[pos:])
    starts.append(pos)
    lengths.append(len(text) + 1 - pos)  # includes the sentinel
    steps.append(1)
    n_seg = np.asarray(lengths, dtype=np.int64)
    seg_start = np.cumsum(n_seg) - n_seg
    within = np.arange(int(n_seg.sum()), dtype=np.int64) - np.repeat(seg_start, n_seg)
    gather = np.repeat(np.asarray(starts, dtype=np.int64), n_seg) + within * np.repeat(
        np.asarray(steps, dtype=np.int64), n_seg
    )
    return Cleaned("".join(parts), idx[gather])


def _sub(c: Cleaned, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Cleaned:
    if isinstance(repl, str):
        edits = ((m.start(), m.end(), repl) for m in pattern.finditer(c.text))
    else:
        edits = ((m.start(), m.end(), repl(m)) for m in pattern.finditer(c.text))
    return _apply(c, edits)


# --------------------------------------------------------------------------- characters

_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v"
_TRANSLATE = (
    {
        **{ch: " " for ch in _SPACES},
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201a": "'", "\u2032": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-",  # (non-breaking) hyphen -> ASCII hyphen
        "\r": "\n",
    }
)
_CRLF = re.compile(r"\r\n")
_DROP = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")
_NEEDS_NFC = re.compile(r"[\u0300-\u036f\ufb00-\ufb06][\u0300-\u036f]*")


def normalize_chars(c: Cleaned) -> Cleaned:
    """NBSP & co. -> space, ’ ‘ -> ', “ ” -> ", CRLF -> LF, drop soft hyphens and
    zero-width/control chars, compose accents (e + ◌́ -> é) and split ligatures (ﬁ -> fi).
    Guillemets « » and dashes – — are kept: they are real French punctuation."""
    c = _sub(c, _CRLF, "\n")
    text = c.text
    for old, new in _TRANSLATE.items():  # 1:1, offsets unchanged; str.replace is C-fast
        if old in text:
            text = text.replace(old, new)
    c = Cleaned(text, c.index)
    c = _sub(c, _DROP, "")
    text = c.text

    def edits() -> Iterable[Edit]:
        for m in _NEEDS_NFC.finditer(text):
            s = m.start() - 1 if m.group()[0] <= "\u036f" and m.start() > 0 else m.start()
            yield s, m.end(), unicodedata.normalize("NFKC", text[s:m.end()])

    return _apply(c, edits())


# --------------------------------------------------------------------------- URLs

_URL = re.compile(r"[hH][tT][tT][pP][sS]?://[^\s<>\"«»]+|www\.[^\s<>\"«»]+")
_URL_TRAIL = ".,;:!?)]'"


def remove_urls(c: Cleaned) -> Cleaned:
    """Remove URLs (http(s)://… and www.…), keeping trailing punctuation."""

    if "://" not in c.text and "www." not in c.text:
        return c

    def edits() -> Iterable[Edit]:
        for m in _URL.finditer(c.text):
            url = m.group()
            end = m.start() + len(url.rstrip(_URL_TRAIL))
            yield m.start(), end, ""

    return _apply(c, edits())


# --------------------------------------------------------------------------- headers/footers

_LINE = re.compile(r"[^\n\f]*")
_DIGITS = re.compile(r"\d+")
#: A page number at the start of a line ("9RAPPORT ANNUEL…"), or at the end of one
#: ("…Rapport annuel | 12"); both patterns start with a literal or a class, so the
#: regex engine skips ahead fast, and the line is checked in Python.
_NUMBER_FIRST = re.compile(r"\n[ \t]*(\d{1,3})[ \t]*(?=[^\W\d_])")
_NUMBER_LAST = re.compile(r"(\d+)[ \t]*(?=\n|$)")
_RUNNING_REST = re.compile(r"[^\W\d_][^\n]{2,76}")
_LONE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?\s*$", re.I)


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the non-blank lines of text[start:end]."""
    end = len(text) if end is None else end
    out = []
    for m in _LINE.finditer(text, start, end):
        if m.end() > m.start() and not m.group().isspace():
            out.append((m.start(), m.end()))
    return out


_RUNNING_SEP = re.compile(r"^\d+\S|\S\d+$|[|–—·]")


def _looks_like_running_title(line: str, rest: str) -> bool:
    """A running header/footer with a page number: letters first, and either the
    number glued to the text ("9RAPPORT ANNUEL"), a separator ("Rapport | 5"), or
    mostly capitals."""
    if not rest[:1].isalpha() and not rest[-1:].isalpha():
        return False
    letters = [ch for ch in rest if ch.isalpha()]
    if len(letters) < 4:
        return False
    caps = sum(ch.isupper() for ch in letters) / len(letters)
    return caps >= 0.6 or bool(_RUNNING_SEP.search(line.strip()))


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).casefold()


def remove_headers_footers(c: Cleaned, *, edge_lines: int = 2) -> Cleaned:
    """Remove running page headers/footers and page numbers.

    With pages (``\\f``-separated): a line among the first/last ``edge_lines`` of
    a page whose digit-normalised form recurs on at least half of the pages (and
    on 2+ pages) is removed, as are lone page numbers at a page edge.
    Without pages: a short line carrying a glued page number ("9RAPPORT ANNUEL
    2022–2023") whose remainder recurs 3+ times with different numbers is removed.
    """
    text = c.text
    kill: list[tuple[int, int]] = []
    if "\f" in text:
        bounds, pos = [], 0
        for part in text.split("\f"):
            bounds.append((pos, pos + len(part)))
            pos += len(part) + 1
        edges: list[list[tuple[int, int]]] = []
        for s, e in bounds:
            lines = _lines(text, s, e)
            edges.append(lines[:edge_lines] + lines[-edge_lines:] if len(lines) > 2 * edge_lines else lines)
        counts: Counter[str] = Counter()
        for page in edges:
            counts.update({_key(text[s:e]) for s, e in page})
        need = max(2, (len(bounds) + 1) // 2)
        for page in edges:
            for s, e in page:
                line = text[s:e]
                if len(line) <= 100 and (counts[_key(line)] >= need or _LONE_NUMBER.match(line)):
                    kill.append((s, e))
    else:
        found: dict[str, list[tuple[int, int, str]]] = {}
        candidates: list[tuple[int, int, str, str]] = []  # line start, end, number, rest
        for m in _NUMBER_FIRST.finditer("\n" + text):  # positions shifted by the "\n"
            s, rest_start = m.start(), m.end() - 1
            e = text.find("\n", rest_start)
            e = len(text) if e < 0 else e
            candidates.append((s, e, m.group(1), text[rest_start:e].rstrip()))
        for m in _NUMBER_LAST.finditer(text):
            if len(m.group(1)) > 3 or text[m.start() - 1:m.start()] in (",", "."):
                continue
            s = text.rfind("\n", 0, m.start()) + 1
            candidates.append((s, m.end(), m.group(1), text[s:m.start()].strip()))
        for s, e, num, rest in candidates:
            if e - s <= 80 and _RUNNING_REST.fullmatch(rest) and _looks_like_running_title(text[s:e], rest):
                found.setdefault(_key(rest), []).append((s, e, num))
        for hits in found.values():
            if len(hits) >= 3 and len({n for _, _, n in hits}) >= 3:
                kill.extend((s, e) for s, e, _ in hits)
    kill = sorted(set(kill))
    return _apply(c, ((s, e, "") for s, e in kill))


# --------------------------------------------------------------------------- line joining

_BULLETS = "→•▪◦●■□➢➤►▶‣⁃∙·*–—-"
_BULLET_RE = f"[{re.escape(_BULLETS)}]"
#: A line break (optionally across blank lines/page breaks) between two non-blank lines.
#: Breaks after sentence-final punctuation are kept as they are, so not even matched.
_BREAK = re.compile(  # starts with a character class: the regex engine skips ahead fast
    r"[ \t\n](?<=[^.!?:;»\")\s][ \t\n])(?:(?<=\n)|[ \t]*\n)(?:[ \t\f]*\n)*[ \t\f]*(?=\S)"
    r"|[ \t\f](?:(?<=\f)|[ \t]*\f)[ \t\f\n]*(?=\S)"
)
_HEAD_WORD = re.compile(r"[^\W\d_]+")
_HYPHEN_END = re.compile(r"((?:[^\W\d_]+-)*)([^\W\d_]+)-$")

FUNCTION_WORDS = frozenset(
    """
    de du des d' la le les l' à au aux et ou en pour par avec sur sous dans un une que qui dont
    entre chez vers selon ainsi sa son ses leur leurs ce cette ces notre nos votre vos plus
    of the and or for in on with to a an by at from as into its their our this that these
    """.split()
)
#: Prefixes that keep their hyphen when a word is broken after them.
KEEP_HYPHEN_PREFIXES = frozenset(
    "co non auto semi multi sous ex vice anti self e pré pre post inter extra mi demi".split()
)
_SENTENCE_END = ".!?:;»\")"


def join_lines(c: Cleaned) -> Cleaned:
    """Repair hyphenation at line ends and join lines that continue a sentence.

    A break between two lines becomes:

    * nothing, for a hyphenated word ("déve-\\nloppement" -> "développement");
      the hyphen is kept for compounds ("main-\\nd'œuvre", "Jean-\\nFrançois",
      "co-\\ninvestissement", or a hyphenated form seen elsewhere in the text);
    * a space, when the line clearly goes on: it ends with a comma or a function
      word ("de", "et", "of"…), the next line starts in lowercase or with "(",
      a comma-separated list goes on ("A, B, Dalhousie\\nUniversity, C"), or the
      line was wrapped by the layout (it is nearly as long as the lines around
      it and ends in a word: "affirme Claire\\nTremblay");
      across a blank line/page break only for a comma, hyphen or function word,
      or a next line in lowercase after a body paragraph of 2+ lines (a column
      or page break inside a sentence; a lone heading line is not joined);
    * unchanged otherwise (trailing spaces trimmed): headings, list items, board
      lines, sentence ends and paragraph breaks are kept.
    """
    text = c.text
    vocab: set[str] | None = None

    def known(word: str) -> bool:
        nonlocal vocab
        if vocab is None:
            vocab = set()
            for token in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.casefold()):
                vocab.add(token)
                if "-" in token:  # also the pairs inside a compound: "state-of" "of-the"…
                    parts = token.split("-")
                    vocab.update(f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))
        return word.casefold() in vocab

    def edits() -> Iterable[Edit]:
        for m in _BREAK.finditer(text):
            s, e = m.start(), m.end()
            if s == 0:
                continue
            brk = m.group()
            blank = brk.count("\n") > 1 or "\f" in brk
            last = text[s - 1]
            first = text[e]
            if last in _SENTENCE_END or last == "\n" or (first in _BULLETS and text[e + 1:e + 2] in (" ", "\t", "\n", "")):
                yield from _keep(s, e, brk)
                continue
            next_lower = first.islower()
            if last == "-":
                prev = text[max(0, s - 60):s]
                hm = _HYPHEN_END.search(prev)
                if hm is None:
                    yield from _keep(s, e, brk)
                    continue
                chain, left = hm.group(1), hm.group(2)  # "state-of-" + "the"
                head = _HEAD_WORD.match(text, e, e + 40)
                right = head.group() if head else ""
                if not right:
                    yield from _keep(s, e, brk)
                    continue
                compound = (
                    first.isupper()
                    or (len(right) <= 2 and text[e + len(right):e + len(right) + 1] == "'")  # main-d'œuvre
                    or left.casefold() in KEEP_HYPHEN_PREFIXES
                    or bool(chain)  # already a hyphenated compound: "state-of-the-\nart"
                    or (known(f"{left}-{right}") and not known(left + right))
                )
                yield (s, e, "") if compound else (s - 1, e, "")  # else drop the hyphen too
                continue
            if last == ",":
                continues = True
            else:
                ws = text.rfind(" ", max(0, s - 30), s)
                word = text[ws + 1:s].rsplit("\n", 1)[-1].rsplit("'", 1)[-1].casefold()
                continues = word in FUNCTION_WORDS
            if blank:  # lowercase after a blank line continues a body paragraph, not a heading
                ok = continues or (next_lower and _in_paragraph(text, s))
            else:
                ok = (
                    continues or next_lower or first == "(" or _list_goes_on(text, s, e)
                    or (last.isalnum() and _wrapped(text, s, e))
                )
            if ok:
                yield s, e, " "
            else:
                yield from _keep(s, e, brk)

    return _apply(c, edits())


def _in_paragraph(text: str, s: int) -> bool:
    """Is the line ending at ``s`` preceded by another non-blank line (not a lone heading)?"""
    ls = text.rfind("\n", 0, s)
    return ls > 0 and not text[text.rfind("\n", 0, ls) + 1:ls].isspace() and text[ls - 1] != "\n"


def _list_goes_on(text: str, s: int, e: int) -> bool:
    """A comma-separated list broken inside an item: "A, B, Dalhousie\nUniversity, C"."""
    ls = text.rfind("\n", 0, s) + 1
    if text.count(", ", ls, s) < 2:
        return False
    nl = text.find("\n", e)
    nl = len(text) if nl < 0 else nl
    comma = text.find(", ", e, nl)
    return 0 <= comma - e <= 50 and ":" not in text[e:comma]


_LABEL = re.compile(r"[^\n:]{1,40}\s:|[^\n:]{1,40}:\s")


def _wrapped(text: str, s: int, e: int, window: int = 4) -> bool:
    """Was the line ending at ``s`` wrapped by the layout? It is nearly as long as the
    longest line around it (so the next word did not fit), and the next line is not
    a "Label :" line.  Short "Name / Affiliation" lines are never wrapped lines."""
    ls = text.rfind("\n", 0, s) + 1
    length = s - ls
    if length < 35 or _LABEL.match(text, e):
        return False
    lengths = []
    pos = ls
    for _ in range(window):  # lines above
        if pos <= 0:
            break
        p = text.rfind("\n", 0, pos - 1) + 1
        lengths.append(pos - 1 - p)
        pos = p
    pos = e
    for _ in range(window):  # lines below
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        lengths.append(nl - pos)
        if nl >= len(text):
            break
        pos = nl + 1
    return length >= 0.8 * max(lengths, default=0)


def _keep(s: int, e: int, brk: str) -> Iterable[Edit]:
    """A kept break needs no edit (:func:`normalize_spaces` trims it), except a page
    break, which becomes a paragraph break so that later rules see line starts."""
    if "\f" in brk:
        yield _trim(s, e, brk)


def _trim(s: int, e: int, brk: str) -> Edit:
    """Keep a line break, dropping trailing/leading spaces around it; blank lines collapse to one."""
    if "\f" in brk or brk.count("\n") > 1:
        return s, e, "\n\n"
    return s, e, "\n"


# --------------------------------------------------------------------------- bullets, spaces

# Both are matched on "\n" + text: a pattern starting with a literal newline is
# scanned fast (a "(?m)^" pattern is tried at every position).
_BULLET_AT_START = re.compile(rf"\n([ \t]*{_BULLET_RE}+[ \t]+)")
_ORPHAN_BULLET = re.compile(r"(\n[ \t]*[→•▪◦●■□➢➤►▶‣⁃∙][ \t]*)(?=\n|$)")  # the line and its "\n"
_INLINE_BULLET = re.compile(r"[ \t]+[•▪◦●■][ \t]+")  # not arrows: "2022 → 2023" is not a list


def remove_bullets(c: Cleaned) -> Cleaned:
    """Drop bullet glyphs (→ • ▪ – - * …) at line starts, keeping each item on its
    own line, and replace in-line bullets of flattened lists ("A • B" -> "A; B")."""
    for pattern in (_ORPHAN_BULLET, _BULLET_AT_START):
        # group 1 = the glyph (and its line); -1 undoes the "\n" added in front
        c = _apply(c, ((max(0, m.start(1) - 1), m.end(1) - 1, "") for m in pattern.finditer("\n" + c.text)))
    if not any(glyph in c.text for glyph in "•▪◦●■"):
        return c
    return _sub(c, _INLINE_BULLET, "; ")


#: Only the whitespace runs that need a change (plain "\n" and "\n\n" are not matched):
#: spaces before a line break, a line break followed by spaces or a form feed, 3+ line
#: breaks, form feeds, and runs of 2+ spaces or tabs inside a line.
_SPACE_RUN = re.compile(  # starts with a character class: the regex engine skips ahead fast
    r"[ \t\n\f](?:(?<=[ \t])[ \t]*[\n\f]|(?<=[\n\f])(?=[ \t\f\n]*[ \t\f])|(?<=\n)\n\n|(?<=\f)"
    r"|(?<=[ \t])[ \t]+|(?<=\t))[ \t\f\n]*"
)


def _space_repl(m: re.Match[str]) -> str:
    g = m.group()
    n = g.count("\n") + 2 * g.count("\f")
    return "\n\n" if n > 1 else "\n" if n else " "


def normalize_spaces(c: Cleaned) -> Cleaned:
    """Collapse runs of spaces, trim lines, keep at most one blank line (page breaks
    become blank lines) and trim the text."""
    c = _sub(c, _SPACE_RUN, _space_repl)
    text = c.text
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    if lead or trail < len(text):
        c = Cleaned(text[lead:trail], np.concatenate([c.index[lead:trail], c.index[-1:]]))
    return c


_MD_HEADING = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+|^[ \t]{0,3}>[ \t]?")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)([^\n]+?)(?<=\S)\1")
_MD_LINK = re.compile(r"!?\[([^\]\n]+)\]\([^)\n]*\)")


def strip_markdown(c: Cleaned) -> Cleaned:
    """Markdown syntax off: heading hashes, blockquote marks, emphasis markers and
    link targets ("[Mila](https://mila.quebec)" -> "Mila").  List markers are
    bullets (:func:`remove_bullets`)."""
    c = _sub(c, _MD_HEADING, "")

    def edits() -> Iterable[Edit]:
        text = c.text
        spans = sorted(
            [(m.start(), m.start(1), m.end(1), m.end()) for m in _MD_LINK.finditer(text)]
            + [(m.start(), m.start(2), m.end(2), m.end()) for m in _MD_EMPHASIS.finditer(text)
               if not (m.group(1)[0] == "_" and text[m.start() - 1:m.start()].isalnum())]
        )
        last = 0
        for s, a, b, e in spans:
            if s < last:
                continue
            yield s, a, ""
            yield b, e, ""
            last = e

    return _apply(c, edits())


Rule = Callable[[Cleaned], Cleaned]

DEFAULT_RULES: tuple[Rule, ...] = (
    normalize_chars,
    remove_urls,
    remove_headers_footers,
    join_lines,
    remove_bullets,
    normalize_spaces,
)


def clean(text: str, rules: Iterable[Rule] = DEFAULT_RULES) -> Cleaned:
    """Run the cleaning rules over raw extracted text."""
    c = Cleaned.of(text)
    for rule in rules:
        c = rule(c)
    return c
