"""Human curation of entities: merge, split, rename, remove a wrong link, with a memory.

Every decision is appended to ``<data_dir>/curation.jsonl`` (who, when, why)
before it is applied to the store, and :func:`replay` applies the whole log
again (idempotently), e.g. after a re-ingest. The resolver also reads the log
(:mod:`graph.resolve.judgements`) so new documents respect past decisions.

Store changes go through named queries in ``cypher/resolve/`` and the store's
own ``write`` (entity upserts, relationship upserts with recomputed ids).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from graph.resolve.judgements import append_log as _append_log
from graph.resolve.judgements import fold_log, read_log
from graph.resolve.store_resolver import entity_from_row, merge_aliases
from graph.store import generation
from graph.store.base import GraphStore
from grappe.errors import Ambiguous, GrappeError, NotFound
from grappe.model import Entity, Evidence, GraphBatch, Relation, RelType, make_id
from grappe.settings import Settings
from grappe.text import fold


def append_log(settings: Settings, record: dict[str, Any]) -> None:
    """Record a decision, and bump the store's generation: a merge, split or rename
    changes the graph's shape even when no count moves (analytics and search rebuild)."""
    _append_log(settings, record)
    generation.bump(settings)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def get_entity(store: GraphStore, entity_id: str) -> Entity:
    rows = store.run("resolve/entities_by_ids", ids=[entity_id]).rows
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}", "`grappe entity show NAME` finds ids by name.")
    return entity_from_row(rows[0])


def find_entity(store: GraphStore, id_or_name: str) -> Entity:
    rows = store.run("resolve/entities_by_ids", ids=[id_or_name]).rows
    if rows:
        return entity_from_row(rows[0])
    rows = store.run("resolve/entities_by_name", wanted=id_or_name, limit=20).rows
    if not rows:
        raise NotFound(f"no entity with id, name or alias {id_or_name!r}",
                       "Check the spelling, or search for it first.")
    if len(rows) > 1:
        raise Ambiguous(id_or_name, rows)
    return entity_from_row(rows[0])


def entity_json(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "type": entity.type.value, "name": entity.name, "subtype": entity.subtype,
            "aliases": entity.aliases, "attributes": entity.attributes}


def _relations(store: GraphStore, entity_id: str) -> list[dict[str, Any]]:
    return store.run("resolve/entity_relations", id=entity_id).rows


def _relation(row: dict[str, Any], source: str, target: str) -> Relation:
    return Relation(RelType(row["type"]), source, target,
                    Evidence(row["doc_id"], int(row["start"]), int(row["end"]), row.get("sentence") or ""),
                    row.get("role"))


# --------------------------------------------------------------------------- apply


def apply_merge(store: GraphStore, keep_id: str, other_id: str) -> Entity | None:
    """Move ``other``'s mentions and relationships to ``keep``, unite aliases, delete
    ``other``. Returns the merged entity, or None when one of them is gone."""
    if keep_id == other_id:
        return None
    rows = {r["id"]: entity_from_row(r) for r in store.run("resolve/entities_by_ids",
                                                            ids=[keep_id, other_id]).rows}
    keep, other = rows.get(keep_id), rows.get(other_id)
    if keep is None or other is None:
        return None
    merged = Entity(keep.id, keep.type, keep.name, keep.subtype or other.subtype,
                    merge_aliases(keep.name, keep.aliases, [other.name], other.aliases),
                    {**other.attributes, **keep.attributes})
    moved = []
    for row in _relations(store, other_id):
        src = keep_id if row["source"] == other_id else row["source"]
        tgt = keep_id if row["target"] == other_id else row["target"]
        if src != tgt:
            moved.append(_relation(row, src, tgt))
    store.write(GraphBatch(entities=[merged], relations=moved))
    store.run("resolve/move_mentions", from_id=other_id, to_id=keep_id, ids=None)
    store.run("resolve/delete_entity", id=other_id)
    return merged


def split_id(entity_id: str, names: list[str]) -> str:
    return make_id("NK", "split", entity_id, *sorted(fold(n) for n in names))


def apply_split(store: GraphStore, entity_id: str, names: list[str], new_id: str | None = None) -> Entity | None:
    """Move the aliases ``names`` and the mentions written that way to a new entity,
    with the relationships whose evidence holds only those mentions."""
    try:
        entity = get_entity(store, entity_id)
    except NotFound:
        return None
    wanted = {fold(n) for n in names}
    if fold(entity.name) in wanted:
        raise GrappeError(f"cannot split {entity.name!r} off itself",
                          "Rename the entity first, or split the other names off.")
    new_id = new_id or split_id(entity_id, names)
    mentions = store.run("resolve/entity_mentions", id=entity_id).rows
    moving = [m for m in mentions if fold(m["text"] or "") in wanted]
    staying = [m for m in mentions if fold(m["text"] or "") not in wanted]
    kept_aliases = [a for a in entity.aliases if fold(a) not in wanted]
    if not moving and len(kept_aliases) == len(entity.aliases):
        return None  # nothing of those names left here: already split
    new_name = next((a for a in entity.aliases if fold(a) in wanted), None) or names[0]
    new = Entity(new_id, entity.type, new_name, entity.subtype,
                 merge_aliases(new_name, [a for a in entity.aliases if fold(a) in wanted]), {})
    old = Entity(entity.id, entity.type, entity.name, entity.subtype, kept_aliases, entity.attributes)

    def inside(m: dict[str, Any], row: dict[str, Any]) -> bool:
        return m["doc_id"] == row["doc_id"] and row["start"] <= m["start"] and m["end"] <= row["end"]

    moved, old_ids = [], []
    for row in _relations(store, entity_id):
        if any(inside(m, row) for m in moving) and not any(inside(m, row) for m in staying):
            src = new_id if row["source"] == entity_id else row["source"]
            tgt = new_id if row["target"] == entity_id else row["target"]
            moved.append(_relation(row, src, tgt))
            old_ids.append(row["id"])
    store.write(GraphBatch(entities=[old, new], relations=moved))
    if moving:
        store.run("resolve/move_mentions", from_id=entity_id, to_id=new_id, ids=[m["id"] for m in moving])
    if old_ids:
        store.run("resolve/delete_relations", entity_id=entity_id, ids=old_ids)
    return new


def apply_rename(store: GraphStore, entity_id: str, name: str) -> Entity | None:
    try:
        entity = get_entity(store, entity_id)
    except NotFound:
        return None
    if entity.name == name:
        return entity
    renamed = Entity(entity.id, entity.type, name, entity.subtype,
                     merge_aliases(name, [entity.name], entity.aliases), entity.attributes)
    store.write(GraphBatch(entities=[renamed]))
    return renamed


def apply_remove_relation(store: Any, a: str, b: str, types: list[str]) -> int:
    """Delete the ``types`` links between ``a`` and ``b`` (either direction); how many went."""
    return int(store.run("resolve/delete_relations_between", a=a, b=b, types=list(types)).scalar(0) or 0)


# --------------------------------------------------------------------------- decisions


def merge(store: GraphStore, settings: Settings, keep_id: str, other_id: str, user: str, reason: str = "") -> Entity:
    """Record and apply: ``other_id`` is the same entity as ``keep_id``."""
    if keep_id == other_id:
        raise GrappeError("cannot merge an entity with itself", "Give two different ids.")
    keep, other = get_entity(store, keep_id), get_entity(store, other_id)
    append_log(settings, {"action": "merge", "keep": keep.id, "other": other.id, "keep_name": keep.name,
                          "other_name": other.name, "other_aliases": other.aliases,
                          "user": user, "why": reason, "at": _now()})
    merged = apply_merge(store, keep.id, other.id)
    assert merged is not None
    return merged


def split(store: GraphStore, settings: Settings, entity_id: str, names: list[str], user: str,
          reason: str = "") -> Entity:
    """Record and apply: ``names`` (aliases / mention texts) are another entity."""
    if not names:
        raise GrappeError("nothing to split", "Name at least one alias with --alias.")
    entity = get_entity(store, entity_id)
    new_id = split_id(entity.id, names)
    append_log(settings, {"action": "split", "id": entity.id, "entity_name": entity.name,
                          "new_id": new_id, "names": list(names),
                          "user": user, "why": reason, "at": _now()})
    new = apply_split(store, entity.id, list(names), new_id)
    if new is None:
        raise NotFound(f"{entity.name!r} has no alias or mention named {', '.join(names)}",
                       "`grappe entity show ID` lists its aliases.")
    return new


def rename(store: GraphStore, settings: Settings, entity_id: str, name: str, user: str, reason: str = "") -> Entity:
    """Record and apply a new display name (the old one stays an alias)."""
    name = " ".join(name.split())
    if not name:
        raise GrappeError("the new name is empty", "Give a name.")
    entity = get_entity(store, entity_id)
    append_log(settings, {"action": "rename", "id": entity.id, "name": name, "old_name": entity.name,
                          "user": user, "why": reason, "at": _now()})
    renamed = apply_rename(store, entity.id, name)
    assert renamed is not None
    return renamed


def remove_relation(store: GraphStore, settings: Settings, a: str, b: str, types: list[str], user: str,
                    reason: str = "") -> int:
    """Record and apply: the ``types`` links between ``a`` and ``b`` are wrong. Replayed after
    every ingest, so the same document read again does not bring them back."""
    wanted = sorted({RelType(t).value for t in types})
    if not wanted:
        raise GrappeError("say which kind of link is wrong", "Give at least one relation type.")
    first, second = get_entity(store, a), get_entity(store, b)
    append_log(settings, {"action": "remove_relation", "a": first.id, "b": second.id, "types": wanted,
                          "a_name": first.name, "b_name": second.name, "user": user, "why": reason,
                          "at": _now()})
    return apply_remove_relation(store, first.id, second.id, wanted)


def judge(settings: Settings, name: str, entity_id: str, verdict: str, user: str, reason: str = "") -> None:
    """Record a judgement only: ``name`` is (positive) or is not (negative) ``entity_id``."""
    append_log(settings, {"action": "judgement", "left": name, "right": entity_id, "judgement": verdict,
                          "user": user, "why": reason, "at": _now()})


def replay(store: GraphStore, settings: Settings) -> dict[str, int]:
    """Apply every logged decision again, in order; what is already true is skipped.
    Returns how many of each were applied."""
    done = {"merge": 0, "split": 0, "rename": 0, "remove_relation": 0}
    records = read_log(settings)
    final_id = fold_log(records).final_id  # a removed link follows its ends through later merges
    for record in records:
        action = record.get("action")
        if action == "merge" and apply_merge(store, record["keep"], record["other"]) is not None:
            done["merge"] += 1
        elif action == "split" and apply_split(store, record["id"], record["names"], record["new_id"]):
            done["split"] += 1
        elif action == "rename":
            rows = store.run("resolve/entities_by_ids", ids=[record["id"]]).rows
            if rows and rows[0]["name"] != record["name"]:
                apply_rename(store, record["id"], record["name"])
                done["rename"] += 1
        elif action == "remove_relation" and apply_remove_relation(
                store, final_id(record["a"]), final_id(record["b"]), record["types"]):
            done["remove_relation"] += 1
    return done


def history(settings: Settings, entity_id: str) -> list[dict[str, Any]]:
    ids = {entity_id}
    out = []
    for r in read_log(settings):
        touched = {r.get("keep"), r.get("other"), r.get("id"), r.get("new_id"), r.get("right")}
        if touched & ids:
            out.append(r)
            ids |= {x for x in touched if x}
    return out


def show(store: GraphStore, settings: Settings, id_or_name: str) -> dict[str, Any]:
    entity = find_entity(store, id_or_name)
    mentions = store.run("resolve/entity_mentions", id=entity.id).rows
    return {**entity_json(entity), "mentions": len(mentions),
            "mention_texts": sorted({m["text"] for m in mentions if m.get("text")}),
            "curation": history(settings, entity.id)}
