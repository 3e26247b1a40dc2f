"""What the rule layers produce before the per-document merge: candidate mentions and
relations between names. The components write them to ``doc.user_data["grappe"]``
and :mod:`nlp.assemble` turns them into an :class:`grappe.model.Extraction`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from grappe.model import EntityType, RelType

#: a relation endpoint standing for the organization the document is about
SUBJECT = "\x00subject"
#: a relation endpoint standing for the document's main project/event
MAIN_PROJECT = "\x00main-project"
#: the project named last before the evidence, or else the document's subject ("the
#: consortium counts three other members:" takes part in a project when the text has one)
PROJECT_OR_SUBJECT = "\x00project-or-subject"

#: rule layers outrank the statistical NER when they disagree
RULE, NER = "rule", "ner"


@dataclass
class Cand:
    """A candidate entity mention found by a rule or by NER."""

    name: str
    type: EntityType
    start: int
    end: int
    subtype: str | None = None
    aliases: list[str] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)
    source: str = RULE
    attributes: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.type = EntityType(self.type)  # a type read back from plain data is its value


@dataclass
class Rel:
    """A relation stated between two names (resolved to entities at assembly)."""

    type: RelType
    source: str
    target: str
    start: int  # evidence span
    end: int
    role: str | None = None

    def __post_init__(self) -> None:
        self.type = RelType(self.type)


@dataclass
class Facts:
    cands: list[Cand] = field(default_factory=list)
    rels: list[Rel] = field(default_factory=list)
    #: character spans claimed by rules (NER mentions inside them are ignored)
    claimed: list[tuple[int, int]] = field(default_factory=list)

    def add(self, cand: Cand) -> Cand:
        self.cands.append(cand)
        return cand

    def rel(self, type_: RelType, source: str, target: str, start: int, end: int,
            role: str | None = None) -> None:
        if source and target:
            self.rels.append(Rel(type_, source, target, start, end, role))


    def to_plain(self) -> dict:
        """Plain lists and dicts (msgpack-able, so Docs can cross process boundaries)."""
        return {
            "cands": [[c.name, c.type.value, c.start, c.end, c.subtype, list(c.aliases), sorted(c.groups), c.source,
                       dict(c.attributes)] for c in self.cands],
            "rels": [[r.type.value, r.source, r.target, r.start, r.end, r.role] for r in self.rels],
            "claimed": [list(span) for span in self.claimed],
        }

    @classmethod
    def from_plain(cls, data: dict) -> Facts:
        return cls(
            [Cand(n, t, s, e, sub, list(al), set(g), src, dict(at)) for n, t, s, e, sub, al, g, src, at in data["cands"]],
            [Rel(*r) for r in data["rels"]],
            [tuple(span) for span in data["claimed"]],
        )


def facts_of(doc) -> Facts:
    """The Facts stored on a spaCy Doc (created on first use)."""
    facts = doc.user_data.get("grappe")
    if facts is None:
        facts = doc.user_data["grappe"] = Facts()
    elif isinstance(facts, dict):
        facts = doc.user_data["grappe"] = Facts.from_plain(facts)
    return facts


def seal(doc) -> None:
    """Leave only plain data on the Doc (the last rule component calls this)."""
    facts = facts_of(doc)
    doc.user_data["grappe"] = facts.to_plain()
    doc.user_data.pop("grappe_ctx", None)
