"""The one builder of test graphs: documents, entities, relations with their evidence
sentence, mentions, then a :class:`GraphBatch` to write."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from graph.store.base import GraphStore
from grappe.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    GraphBatch,
    GraphMention,
    Relation,
    RelType,
    make_id,
)

ORG, UNI, PER, PRJ = EntityType.ORGANIZATION, EntityType.UNIVERSITY, EntityType.PERSON, EntityType.PROJECT


class GraphBuilder:
    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.entities: list[Entity] = []
        self.relations: list[Relation] = []
        self.mentions: list[GraphMention] = []
        self._end: dict[str, int] = {}  # where the next sentence of a document starts

    def document(self, doc_id: str, source: str, fmt: str = "txt", *, text: str = "", title: str = "",
                 date: str | None = None, language: str = "fr", kind: str | None = None) -> Document:
        doc = Document(doc_id, source, fmt, text, title=title, date=date, language=language, kind=kind)
        self.documents.append(doc)
        return doc

    def entity(self, entity_id: str, type_: EntityType, name: str, subtype: str | None = None,
               aliases: Iterable[str] = (), attributes: dict[str, Any] | None = None) -> Entity:
        entity = Entity(entity_id, type_, name, subtype, list(aliases), dict(attributes or {}))
        self.entities.append(entity)
        return entity

    def evidence(self, doc_id: str, sentence: str, start: int | None = None) -> Evidence:
        """``sentence`` at ``start`` in ``doc_id``; without ``start``, right after the
        document's previous sentence."""
        if start is None:
            start = self._end.get(doc_id, 0)
            self._end[doc_id] = start + len(sentence) + 1
        return Evidence(doc_id, start, start + len(sentence), sentence)

    def relate(self, type_: RelType, source: str, target: str, doc_id: str, sentence: str,
               role: str | None = None, *, start: int | None = None) -> Relation:
        relation = Relation(type_, source, target, self.evidence(doc_id, sentence, start), role)
        self.relations.append(relation)
        return relation

    def mention(self, entity_id: str, doc_id: str, start: int, text: str, *, end: int | None = None,
                mention_id: str | None = None) -> GraphMention:
        end = start + len(text) if end is None else end
        mention = GraphMention(mention_id or make_id("m", doc_id, start, end), entity_id, doc_id,
                               start, end, text)
        self.mentions.append(mention)
        return mention

    def batch(self) -> GraphBatch:
        unique = list({m.id: m for m in self.mentions}.values())
        return GraphBatch(documents=list(self.documents), entities=list(self.entities), mentions=unique,
                          relations=list(self.relations))


def ready(store: GraphStore, timeout: float = 10.0) -> None:
    """Wait until the store's indexes are built. FalkorDB builds an index in the background
    (status "UNDER CONSTRUCTION"), and a full-text query meanwhile finds nothing."""
    if store.backend != "falkordb":
        return
    deadline = time.monotonic() + timeout
    while True:
        statuses = [r.get("status") for r in store.read("CALL db.indexes() YIELD status RETURN status").rows]
        if all(s == "OPERATIONAL" for s in statuses) or time.monotonic() > deadline:
            return
        time.sleep(0.02)


def load(store: GraphStore, batch: GraphBatch) -> None:
    """Write ``batch`` into ``store`` and wait for its indexes."""
    store.write(batch)
    ready(store)
