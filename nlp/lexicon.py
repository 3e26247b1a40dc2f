"""Language data for the rule layers, loaded from ``nlp/patterns/``.

Each language has a folder (``fr/``, ``en/``); ``shared/`` holds the entries both
languages use, written once, and is read before the language's own folder.

* ``cues.jsonl`` holds one ``{"label": ..., "pattern": ...}`` per line (``#`` starts a
  comment line), where the pattern is a regular-expression fragment (cue words: list
  headers, role titles, type cues...); the ``W_`` labels of ``shared/`` are the word
  lists the code's own patterns are written with (:class:`Words`);
* ``first_names.txt`` is a lexicon of given names;
* ``stop_names.txt`` lists names that are never entities on their own.

The code is shared by the languages; only these files differ.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

PATTERNS_DIR = Path(__file__).parent / "patterns"
#: the folder of entries common to every language
SHARED = "shared"
T = TypeVar("T")


@dataclass
class Lexicon:
    lang: str
    patterns: dict[str, list[str]] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    stop_names: frozenset[str] = frozenset()
    #: extra fields of pattern rows, by label then pattern (e.g. a province's preposition)
    extra: dict[str, dict[str, dict]] = field(default_factory=dict)
    _compiled: dict[str, re.Pattern] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def alt(self, label: str) -> str:
        """The label's patterns as one non-capturing alternation (longest first)."""
        pats = sorted(self.patterns.get(label, []), key=len, reverse=True)
        return "(?:" + "|".join(pats) + ")" if pats else "(?!x)x"

    def seq(self, label: str) -> str:
        """The label's patterns as one non-capturing alternation, in file order (for
        alternations whose order was chosen, e.g. "de" tried before "de la")."""
        pats = self.patterns.get(label, [])
        return "(?:" + "|".join(pats) + ")" if pats else "(?!x)x"

    def words(self, label: str) -> frozenset[str]:
        """The label's entries as a set of plain words (compared after casefolding)."""
        return frozenset(self.patterns.get(label, []))

    def memo(self, key: str, build: Callable[[Lexicon], T]) -> T:
        """``build(self)``, made once per lexicon (so once per language) and kept: the
        rule families build their compiled patterns with it."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]

    def rx(self, label: str, template: str = "{}", flags: int = 0) -> re.Pattern:
        """Compile ``template`` with the label's alternation in place of ``{}`` (cached)."""
        key = f"{label}\x1f{template}\x1f{flags}"
        pat = self._compiled.get(key)
        if pat is None:
            pat = re.compile(template.replace("{}", self.alt(label)), flags)
            self._compiled[key] = pat
        return pat

    def to_json(self) -> dict:
        return {"lang": self.lang, "patterns": self.patterns, "first_names": sorted(self.first_names),
                "stop_names": sorted(self.stop_names), "extra": self.extra}

    @classmethod
    def from_json(cls, data: dict) -> Lexicon:
        return cls(data["lang"], data["patterns"], frozenset(data["first_names"]),
                   frozenset(data.get("stop_names", [])), data.get("extra", {}))


def _read_list(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    return frozenset(
        line.strip() for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


def _read_cues(path: Path, patterns: dict[str, list[str]], extra: dict[str, dict[str, dict]]) -> None:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue  # a comment line says what the rows below are for
            try:
                row = json.loads(line)
                label, pattern = row["label"], row["pattern"]
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a {{\"label\", \"pattern\"}} row ({exc})") from exc
            patterns.setdefault(label, []).append(pattern)
            more = {k: v for k, v in row.items() if k not in ("label", "pattern")}
            if more:
                extra.setdefault(label, {})[pattern] = more


def read_lexicon(lang: str, directory: Path | None = None) -> Lexicon:
    """The lexicon of ``lang``: the shared entries, then the language's own."""
    root = directory or PATTERNS_DIR
    folders = [root / SHARED] + ([root / lang] if lang != SHARED else [])
    patterns: dict[str, list[str]] = {}
    extra: dict[str, dict[str, dict]] = {}
    first: set[str] = set()
    stop: set[str] = set()
    for folder in folders:
        _read_cues(folder / "cues.jsonl", patterns, extra)
        first |= _read_list(folder / "first_names.txt")
        stop |= {s.casefold() for s in _read_list(folder / "stop_names.txt")}
    return Lexicon(lang, patterns, frozenset(first), frozenset(stop), extra)


@cache
def lexicon(lang: str) -> Lexicon:
    """The packaged lexicon of a language (``fr`` or ``en``), read once."""
    return read_lexicon(lang if (PATTERNS_DIR / lang).exists() else "en")


@cache
def shared_lexicon() -> Lexicon:
    """The entries common to every language alone (for code that has no document language)."""
    return read_lexicon(SHARED)


class Words:
    """The shared word lists by attribute, for regular expressions written once in code:
    ``W.ARTICLE`` is label ``W_ARTICLE``'s patterns joined by "|" in file order (not
    wrapped, not sorted), so a template keeps its own grouping and flags around it. The
    ``W_`` labels live in ``shared/cues.jsonl``: words both languages' patterns use."""

    def __init__(self, lex: Lexicon) -> None:
        self._lex = lex
        self._joined: dict[str, str] = {}

    def __getattr__(self, label: str) -> str:
        if label.startswith("_"):
            raise AttributeError(label)
        joined = self._joined.get(label)
        if joined is None:
            pats = self._lex.patterns.get(f"W_{label}")
            if not pats:
                raise AttributeError(f"no label W_{label} in {PATTERNS_DIR / SHARED / 'cues.jsonl'}")
            joined = self._joined[label] = "|".join(pats)
        return joined

    def items(self, label: str) -> tuple[str, ...]:
        """Label ``W_{label}``'s entries in file order (to build a pattern per entry)."""
        return tuple(self._lex.patterns.get(f"W_{label}", ()))

    def set(self, label: str) -> frozenset[str]:
        """Label ``W_{label}``'s entries as a set of words."""
        return self._lex.words(f"W_{label}")


#: the shared word lists (``nlp/patterns/shared/cues.jsonl``), for module-level patterns
WORDS = Words(shared_lexicon())
