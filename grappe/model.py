"""The domain model: what Grappe knows, as frozen dataclasses.

Two layers share these types:

* extraction (``nlp/``) produces an :class:`Extraction` per document: entities
  keyed locally (``key``), their mentions, and relations with evidence;
* resolution (``graph/resolve``) assigns each extracted entity a graph id, and
  :func:`graph.batch.to_graph` turns the pair into a :class:`GraphBatch`, the only
  thing a store writes.

Labels and relationship types are enums because Cypher cannot take them as
parameters: anything that ends up as a label in query text must come from here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class EntityType(str, Enum):
    ORGANIZATION = "Organization"
    UNIVERSITY = "University"
    PERSON = "Person"
    PROJECT = "Project"


class RelType(str, Enum):
    PARTICIPATES_IN = "PARTICIPATES_IN"
    LEADS = "LEADS"
    FUNDS = "FUNDS"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    PARTNERS_WITH = "PARTNERS_WITH"


#: Organization subtypes, as in the gold format.
ORG_SUBTYPES = (
    "company", "startup", "sme", "government", "research_institute", "hospital",
    "nonprofit", "cluster", "investor", "association", "event_organizer", "media",
)

#: Types that can stand on either side of a partnership.
ORG_LIKE = frozenset({EntityType.ORGANIZATION, EntityType.UNIVERSITY})

#: Relations that are undirected (stored once, source id < target id).
UNDIRECTED = frozenset({RelType.PARTNERS_WITH})


def make_id(prefix: str, *parts: object) -> str:
    """Deterministic id from identifying parts, so re-running is a no-op."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Document:
    """One source document, cleaned, with provenance."""

    id: str  # content hash of the source bytes
    source: str  # path or URL it was read from
    format: str  # pdf | html | docx | txt | md
    text: str  # clean text; every span in Grappe points into this
    title: str = ""
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    language: str = "fr"  # dominant language of the document
    kind: str | None = None  # annual_report | press_release | news_article | web_page
    #: offsets[i] = position in the original extracted text of clean char i (may be empty)
    offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: a character span in a document and its sentence."""

    doc_id: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Mention:
    """A surface form of an entity at a character span of a document."""

    doc_id: str
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return make_id("m", self.doc_id, self.start, self.end)


@dataclass
class ExtractedEntity:
    """An entity as one document states it (already merged within the document)."""

    key: str  # local id inside the extraction, e.g. "e12"
    type: EntityType
    name: str
    subtype: str | None = None
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    #: ids of the lists (partner lists, boards) this entity was an item of:
    #: two items of the same list are different entities (cannot-link).
    groups: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class ExtractedRelation:
    type: RelType
    source: str  # ExtractedEntity.key
    target: str  # ExtractedEntity.key
    evidence: Evidence
    role: str | None = None


@dataclass
class Extraction:
    document: Document
    entities: list[ExtractedEntity]
    relations: list[ExtractedRelation]
    #: version of the learned model that decided types and relations (None: rules alone)
    model_version: str | None = None


# --------------------------------------------------------------------------- graph


@dataclass
class Entity:
    """A resolved, real-world entity: one node in the graph."""

    id: str
    type: EntityType
    name: str
    subtype: str | None = None
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GraphMention:
    id: str
    entity_id: str
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Relation:
    """A relationship between two entities, with the evidence that states it.

    One edge per (type, source, target, document, span): the same fact stated in
    two documents is two edges, so deleting one document keeps the other's.
    """

    type: RelType
    source_id: str
    target_id: str
    evidence: Evidence
    role: str | None = None

    @property
    def id(self) -> str:
        return make_id(
            "r", self.type.value, self.source_id, self.target_id,
            self.evidence.doc_id, self.evidence.start, self.evidence.end,
        )


@dataclass
class GraphBatch:
    """Everything one ingest step writes to a store."""

    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[GraphMention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.documents) + len(self.entities) + len(self.mentions) + len(self.relations)
