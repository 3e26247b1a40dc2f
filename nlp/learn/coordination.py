"""Coordinated names: the organizations one sentence lists as a single argument.

"The alliance brings together the firms Acme, Borealis and Cobalt; the labs Delta and Epsilon"
lists five members of one thing. A pair model reads each name's own neighbourhood, so the
name nearest the verb scores high and the fifth one low, although the text says the same of
all five. :func:`coordinations` finds such runs so the relation stage can decide them together.

Two neighbouring mentions are coordinated when only list punctuation, a conjunction and a few
lowercase words naming a category ("les centres de recherche", "the universities") stand
between them, and none of those words turns to another role ("with", "led", "par"...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nlp.lexicon import Lexicon, lexicon

#: at most this many category words between two coordinated names
_FILLER_WORDS = 4
_PAREN = re.compile(r"\([^()]{0,80}\)")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _joiner(lex: Lexicon) -> re.Pattern:
    """What may stand between two listed names: separators, a conjunction, category words."""
    return lex.memo("coordination_joiner", lambda lx: re.compile(
        rf"^\s*(?P<sep>[,;]?\s*(?:{lx.alt('LIST_AND')})(?!\w)|[,;])?\s*(?P<rest>.*?)\s*$", re.I | re.S))


def _breaks(lex: Lexicon) -> re.Pattern:
    return lex.memo("coordination_breaks", lambda lx: re.compile(rf"(?<!\w){lx.alt('COORD_BREAK')}(?!\w)", re.I))


def coordinated(between: str, lex: Lexicon) -> bool:
    """Whether ``between`` (the text between two names) makes them items of one list."""
    between = _PAREN.sub(" ", between)  # an acronym or a place in parentheses
    m = _joiner(lex).match(between)
    if m is None or not m.group("sep"):
        return False
    rest = m.group("rest")
    words = _WORD.findall(rest)
    if _WORD.sub("", rest).strip(" ’'-"):
        return False  # other punctuation (a colon, a dash, a quote) ends the list
    return len(words) <= _FILLER_WORDS and all(w[0].islower() for w in words) and not _breaks(lex).search(rest)


def coordinations(text: str, lang: str, mentions: Iterable[tuple[int, int, str]],
                  sentences: Iterable[tuple[int, int]]) -> list[frozenset[str]]:
    """The runs of two or more entities (keys) that one sentence lists together.

    ``mentions`` are (start, end, key) of the entities of one kind (organizations and
    universities, say). Another name between two of them breaks their run: its capitalised
    words are not the category words a list may carry.
    """
    lex = lexicon(lang)
    ordered = sorted(mentions)
    bounds = sorted(sentences)
    runs: list[frozenset[str]] = []
    run: list[str] = []
    prev_end, prev_sent = -1, -1
    si = 0
    for start, end, key in ordered:
        while si + 1 < len(bounds) and bounds[si + 1][0] <= start:
            si += 1
        joined = (run and si == prev_sent and start >= prev_end
                  and coordinated(text[prev_end:start], lex))
        if not joined:
            if len(set(run)) >= 2:
                runs.append(frozenset(run))
            run = []
        run.append(key)
        prev_end, prev_sent = end, si
    if len(set(run)) >= 2:
        runs.append(frozenset(run))
    return runs
