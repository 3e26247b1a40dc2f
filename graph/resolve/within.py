"""Resolution inside one document: the entities an extraction states that are one.

The extraction links the variants it recognises (``nlp.assemble``); the resolver's
own rules see more: a bare acronym beside the one name it spells ("FUI" / "Fonds
unique interministériel"), a long form and its short form ("Acme Group" / "Acme"),
a typo in a surname. :func:`merge_within` runs :func:`graph.resolve.resolver.cluster_nodes`
over the document's entities (each with its aliases, its type and the lists it was
an item of, which cannot link) and merges each cluster into one entity. Ingest does
it before matching against the store; ``grappe eval --end-to-end`` scores the result.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from graph.resolve.resolver import Node, canonical, cluster_nodes
from graph.resolve.scoring import profile_with_aliases
from grappe.model import ExtractedEntity, ExtractedRelation, Extraction


def clusters_of(entities: list[ExtractedEntity]) -> list[list[int]]:
    """Indices of ``entities`` grouped into the entities they are."""
    nodes = [Node(profile_with_aliases(e.name, e.aliases, e.type.value, frozenset(e.groups)), [k], [e.name])
             for k, e in enumerate(entities)]
    return [[m for n in c for m in nodes[n].items] for c in cluster_nodes(nodes)]


def _merged(group: list[ExtractedEntity]) -> ExtractedEntity:
    """One entity for a cluster: the key, type and subtype of the most mentioned member
    (the first on a tie), the canonical name of all the names, the rest as aliases."""
    first = max(group, key=lambda e: len(e.mentions))  # max keeps the first of equals
    forms: Counter[str] = Counter()
    for e in group:
        forms[e.name] += max(len(e.mentions), 1)
        for alias in e.aliases:
            forms[alias] += 0  # listed, never canonical by count alone
    name, others = canonical(forms)
    aliases = list(dict.fromkeys(a for a in (*others, *(x for e in group for x in (e.name, *e.aliases)))
                                 if a != name))
    attributes: dict = {}
    for e in group:
        for k, v in e.attributes.items():
            attributes.setdefault(k, v)
    mentions = sorted({(m.start, m.end): m for e in group for m in e.mentions}.values(),
                      key=lambda m: (m.start, m.end))
    subtype = first.subtype or next((e.subtype for e in group if e.subtype), None)
    return replace(first, name=name, subtype=subtype, aliases=aliases, attributes=attributes,
                   mentions=mentions, groups=set().union(*(e.groups for e in group)))


def merge_within(extraction: Extraction) -> tuple[Extraction, dict[str, str]]:
    """The extraction with the entities resolution finds to be one merged, and the map
    of every original key to the key it now has. Relations follow their ends; a
    relation whose ends became one entity is dropped."""
    entities = extraction.entities
    renamed = {e.key: e.key for e in entities}
    if len(entities) < 2:
        return extraction, renamed
    out: list[ExtractedEntity] = []
    for members in clusters_of(entities):
        group = [entities[i] for i in sorted(members)]
        if len(group) == 1:
            out.append(group[0])
            continue
        merged = _merged(group)
        for e in group:
            renamed[e.key] = merged.key
        out.append(merged)
    if len(out) == len(entities):
        return extraction, renamed
    out.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
    relations: list[ExtractedRelation] = []
    seen: set[tuple] = set()
    for r in extraction.relations:
        src, tgt = renamed.get(r.source, r.source), renamed.get(r.target, r.target)
        key = (r.type, src, tgt, r.evidence.start, r.evidence.end)
        if src == tgt or key in seen:
            continue
        seen.add(key)
        relations.append(replace(r, source=src, target=tgt))
    return replace(extraction, entities=out, relations=relations), renamed
