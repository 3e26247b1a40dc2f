"""What the rule layers produce before the per-document merge: candidate mentions and
relations between names. The components write them to ``doc.user_data["grappe"]``
and :mod:`nlp.assemble` turns them into an :class:`graph.model.Extraction`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: a relation endpoint standing for the organization the document is about
SUBJECT = "\x00subject"
#: a relation endpoint standing for the document's main project/event
MAIN_PROJECT = "\x00main-project"

#: rule layers outrank the statistical NER when they disagree
RULE, NER = "rule", "ner"


@dataclass
class Cand:
    """A candidate entity mention found by a rule or by NER."""

    name: str
    type: str  # Organization | University | Person | Project
    start: int
    end: int
    subtype: str | None = None
    aliases: list[str] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)
    source: str = RULE
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Rel:
    """A relation stated between two names (resolved to entities at assembly)."""

    type: str
    source: str
    target: str
    start: int  # evidence span
    end: int
    role: str | None = None


@dataclass
class Facts:
    cands: list[Cand] = field(default_factory=list)
    rels: list[Rel] = field(default_factory=list)
    #: character spans claimed by rules (NER mentions inside them are ignored)
    claimed: list[tuple[int, int]] = field(default_factory=list)

    def add(self, cand: Cand) -> Cand:
        self.cands.append(cand)
        return cand

    def rel(self, type_: str, source: str, target: str, start: int, end: int,
            role: str | None = None) -> None:
        if source and target:
            self.rels.append(Rel(type_, source, target, start, end, role))


def facts_of(doc) -> Facts:
    """The Facts stored on a spaCy Doc (created on first use)."""
    facts = doc.user_data.get("grappe")
    if facts is None:
        facts = doc.user_data["grappe"] = Facts()
    return facts
