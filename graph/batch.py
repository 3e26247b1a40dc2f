"""Turn one document's extraction and its resolution into what a store writes."""

from __future__ import annotations

from grappe.model import (
    UNDIRECTED,
    Entity,
    Extraction,
    GraphBatch,
    GraphMention,
    Relation,
)


def to_graph(extraction: Extraction, assignment: dict[str, Entity]) -> GraphBatch:
    """Pure: the graph rows for ``extraction`` once each local key has an entity.

    Relations whose two ends resolved to the same entity are dropped (a
    self-partnership is an extraction artefact), and undirected relations are
    stored once, the smaller id first, so the same fact always has the same id.
    """
    doc = extraction.document
    entities: dict[str, Entity] = {}
    mentions: list[GraphMention] = []
    for item in extraction.entities:
        entity = assignment.get(item.key)
        if entity is None:
            continue
        entities[entity.id] = entity
        for m in item.mentions:
            mentions.append(GraphMention(m.id, entity.id, m.doc_id, m.start, m.end, m.text))

    relations: dict[str, Relation] = {}
    for rel in extraction.relations:
        src, tgt = assignment.get(rel.source), assignment.get(rel.target)
        if src is None or tgt is None or src.id == tgt.id:
            continue
        a, b = src.id, tgt.id
        if rel.type in UNDIRECTED and b < a:
            a, b = b, a
        edge = Relation(rel.type, a, b, rel.evidence, rel.role)
        relations.setdefault(edge.id, edge)

    return GraphBatch(
        documents=[doc],
        entities=list(entities.values()),
        mentions=mentions,
        relations=list(relations.values()),
    )
