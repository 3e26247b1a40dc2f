"""What the rules may use besides the text: the lexicon and the NER spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from grappe.model import EntityType
from nlp.lexicon import Lexicon
from nlp.textutil import (
    type_cue,
)


@dataclass
class Context:
    """What the rules may use besides the text: NER spans, by label."""

    text: str
    lex: Lexicon
    doc_key: str = ""
    persons: set[str] = field(default_factory=set)  # NER person strings
    orgs: list[tuple[int, int, str]] = field(default_factory=list)  # NER org spans
    places: list[tuple[int, int]] = field(default_factory=list)  # NER place spans
    _lower: set[str] | None = field(default=None, repr=False)
    _groups: int = field(default=0, repr=False)

    def is_place(self, start: int, end: int) -> bool:
        """A place for NER, with no organization cue in its name ("Vireo AI" is not)."""
        if type_cue(self.text[start:end], self.lex) != (EntityType.ORGANIZATION, None):
            return False
        return any(s <= start and end <= e for s, e in self.places)

    def is_common(self, word: str) -> bool:
        """Is the word written in lowercase somewhere in the text (a common word)?"""
        if self._lower is None:
            self._lower = set(re.findall(r"(?<![\w’'])[a-zà-öø-ÿ][a-zà-öø-ÿ-]*", self.text))
        return word.casefold() in self._lower

    def group(self, kind: str) -> str:
        """A list id, deterministic within the document (assembly prefixes the document id)."""
        self._groups += 1
        return f"{kind}:{self._groups}"
