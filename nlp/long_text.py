"""Long texts, piece by piece: the work grows with the length, not faster.

The spaCy pipeline and the rule layers run on *pieces* (whole paragraphs, about
``piece`` characters); their facts are put together (:func:`nlp.assemble.assemble`,
which compares a text's names with each other) per *section* of about ``section``
characters; the sections' extractions are then joined into the document's, an entity
named alike in two sections becoming one. A text shorter than a section is one
section, so the usual document is assembled whole, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from grappe.model import Document, ExtractedEntity, ExtractedRelation, Extraction
from nlp.facts import Facts


@dataclass(frozen=True)
class Section:
    offset: int  # of the section in the document
    text: str
    pieces: tuple[tuple[int, str], ...]  # (offset in the section, piece)


def pieces(text: str, size: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text`` in order. A piece ends at a paragraph
    break (a blank line), else a line break, else a space, as late as fits in ``size``;
    a text of ``size`` characters or fewer is one piece."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = -1
        for sep in ("\n\n", "\n", " "):
            at = text.rfind(sep, start + size // 4, limit)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= start:
            cut = limit  # no break at all: a hard cut
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def sections(text: str, piece: int, section: int) -> list[Section]:
    """The text's pieces grouped into sections of at most ``section`` characters (or one piece)."""
    out: list[Section] = []
    group: list[tuple[int, str]] = []
    start = size = 0

    def close(end: int) -> None:
        out.append(Section(start, text[start:end], tuple((o - start, p) for o, p in group)))

    for offset, part in pieces(text, piece):
        if group and size + len(part) > section:
            close(offset)
            group, start, size = [], offset, 0
        group.append((offset, part))
        size += len(part)
    close(len(text))
    return out


def add_shifted(into: Facts, facts: Facts, offset: int) -> None:
    """Add a piece's facts to its section's, their spans moved by the piece's offset."""
    into.cands.extend(replace(c, start=c.start + offset, end=c.end + offset) if offset else c
                      for c in facts.cands)
    into.rels.extend(replace(r, start=r.start + offset, end=r.end + offset) if offset else r
                     for r in facts.rels)
    into.claimed.extend((s + offset, e + offset) for s, e in facts.claimed)


def section_document(document: Document, section: Section, count: int) -> Document:
    """What a section is assembled as: the document itself when it is the only section."""
    if count == 1:
        return document
    return replace(document, text=section.text, offsets=())


def join(document: Document, parts: list[tuple[Section, Extraction]]) -> Extraction:
    """The document's extraction from its sections': spans moved back into the document,
    entities of one type and name merged, relations deduplicated."""
    if len(parts) == 1:
        return parts[0][1]
    entities: list[ExtractedEntity] = []
    by_name: dict[tuple, ExtractedEntity] = {}
    keys: dict[tuple[int, str], str] = {}
    relations: dict[tuple, ExtractedRelation] = {}
    for n, (section, ex) in enumerate(parts):
        shift = section.offset
        for e in ex.entities:
            mentions = [replace(m, start=m.start + shift, end=m.end + shift) for m in e.mentions]
            groups = {f"{g}@{n}" for g in e.groups}  # list ids are local to a section
            same = by_name.get((e.type, e.name))
            if same is None:
                same = replace(e, key=f"e{len(entities) + 1}", mentions=mentions, groups=groups,
                               aliases=list(e.aliases), attributes=dict(e.attributes))
                entities.append(same)
                by_name[(e.type, e.name)] = same
            else:
                same.mentions.extend(mentions)
                same.groups.update(groups)
                same.aliases.extend(a for a in e.aliases if a not in same.aliases)
                for k, v in e.attributes.items():
                    same.attributes.setdefault(k, v)
                if same.subtype is None:
                    same.subtype = e.subtype
            keys[(n, e.key)] = same.key
        for r in ex.relations:
            source, target = keys.get((n, r.source)), keys.get((n, r.target))
            if source is None or target is None or source == target:
                continue
            evidence = replace(r.evidence, start=r.evidence.start + shift, end=r.evidence.end + shift)
            relations.setdefault((r.type, source, target), replace(r, source=source, target=target,
                                                                   evidence=evidence))
    return Extraction(document, entities, list(relations.values()))
