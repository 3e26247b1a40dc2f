"""Language data for the rule layers, loaded from ``nlp/patterns/{lang}/``.

``cues.jsonl`` holds one ``{"label": ..., "pattern": ...}`` per line, where the
pattern is a regular-expression fragment (cue words: list headers, role titles,
type cues...). ``first_names.txt`` is a lexicon of given names. The code is shared
by the languages; only these files differ.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

PATTERNS_DIR = Path(__file__).parent / "patterns"


@dataclass
class Lexicon:
    lang: str
    patterns: dict[str, list[str]] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    stop_names: frozenset[str] = frozenset()
    #: extra fields of pattern rows, by label then pattern (e.g. a province's preposition)
    extra: dict[str, dict[str, dict]] = field(default_factory=dict)
    _compiled: dict[str, re.Pattern] = field(default_factory=dict, repr=False)

    def alt(self, label: str) -> str:
        """The label's patterns as one non-capturing alternation (longest first)."""
        pats = sorted(self.patterns.get(label, []), key=len, reverse=True)
        return "(?:" + "|".join(pats) + ")" if pats else "(?!x)x"

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


def read_lexicon(lang: str, directory: Path | None = None) -> Lexicon:
    folder = (directory or PATTERNS_DIR) / lang
    patterns: dict[str, list[str]] = {}
    extra: dict[str, dict[str, dict]] = {}
    with (folder / "cues.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                patterns.setdefault(row["label"], []).append(row["pattern"])
                more = {k: v for k, v in row.items() if k not in ("label", "pattern")}
                if more:
                    extra.setdefault(row["label"], {})[row["pattern"]] = more
    return Lexicon(lang, patterns, _read_list(folder / "first_names.txt"),
                   frozenset(s.casefold() for s in _read_list(folder / "stop_names.txt")), extra)


@cache
def lexicon(lang: str) -> Lexicon:
    """The packaged lexicon of a language (``fr`` or ``en``), read once."""
    return read_lexicon(lang if (PATTERNS_DIR / lang).exists() else "en")
