"""Incremental resolution: map one document's extracted entities to graph entities.

``StoreResolver(settings).assign(extraction, store)`` returns ``{key: Entity}``:

* candidates come from the store: all entities when the graph is small (fetched
  once per resolver and kept up to date with what it assigns), else the
  full-text index on ``search_text`` queried with each name's rarest words;
* candidates and the document's entities are blocked and scored with the same
  features as :func:`graph.resolve.resolver.resolve_mentions`; a document entity
  takes the best stored entity scoring at least the auto threshold (stored
  entities never merge with each other here; that is curation's job);
* a bare acronym takes the one stored entity whose name it spells (an acronym
  any document defined, "Long Name (ACR)", is an alias of that entity and
  matches exactly); when it spells several, it is left alone and the case is
  kept in ``conflicts`` and appended to ``<data_dir>/resolution_conflicts.jsonl``
  for curators;
* human judgements from the curation log are applied on top: NEGATIVE pairs
  never match, POSITIVE names go to their entity, merged ids redirect to the
  survivor, renamed entities keep their name;
* a matched entity keeps its id, type and name; aliases are the union, subtype
  and attributes fill gaps. A new entity gets an ``NK-`` id from its type and
  name key, so ingesting again gives the same id.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.resolve.blocking import MAX_BLOCK, MAX_TOKEN_BLOCK, candidate_pairs, index_keys, keys, pairing
from graph.resolve.features import NameInfo, info
from graph.resolve.judgements import Judgement, Judgements, load
from graph.resolve.normalize import fold, name_key
from graph.resolve.scoring import Profile, profile_with_aliases, score
from graph.resolve.weights import threshold
from graph.resolve.within import merge_within
from grappe.model import Entity, EntityType, ExtractedEntity, Extraction, make_id

#: up to this many entities in the graph, fetch them all once instead of querying per name
SMALL_GRAPH = 5000
#: full-text candidates per name on a big graph
CANDIDATES_PER_NAME = 25
#: stored candidates one name may bring in, through its rarest blocks first (see
#: StoreResolver._plan): the size of one full token block (MAX_TOKEN_BLOCK)
NAME_BUDGET = 100

_STORED, _NEW = "__stored__", "__new__"
#: acronyms left alone because they spell several stored entities, for curators
CONFLICTS_LOG = "resolution_conflicts.jsonl"


def posting_cap(key: str) -> int:
    """How many stored entities one blocking key may bring in as candidates.

    A key more entities share than the block size limit :func:`candidate_pairs`
    applies to its kind (a shared token: :data:`MAX_TOKEN_BLOCK`; the others,
    :data:`MAX_BLOCK`) forms a block that is never compared, so following it only
    adds candidates that pair through their other keys, which are followed anyway.
    Without the cap the candidates of a name holding a common word ("Université",
    "Institut") grow with the graph, and so does every document's resolution."""
    return MAX_TOKEN_BLOCK if key.startswith(("T:", "D:")) else MAX_BLOCK


def new_entity_id(name: str, type_: EntityType | str) -> str:
    value = type_.value if isinstance(type_, EntityType) else str(type_)
    return make_id("NK", value, name_key(name) or fold(name))


def entity_from_row(row: dict[str, Any]) -> Entity:
    props = dict(row.get("properties") or {})
    reserved = {"id", "name", "type", "subtype", "aliases", "search_text"}
    attributes = {k: v for k, v in props.items() if k not in reserved and v is not None}
    return Entity(id=row["id"], type=EntityType(row["type"]), name=row["name"],
                  subtype=row.get("subtype"), aliases=list(row.get("aliases") or []),
                  attributes=attributes)


def _profile(name: str, aliases: Iterable[str], type_: str, group: str) -> Profile:
    return _cached_profile(name, tuple(aliases), type_, group)


@lru_cache(maxsize=200_000)
def _cached_profile(name: str, aliases: tuple[str, ...], type_: str, group: str) -> Profile:
    """A pure function of its arguments, cached: the same stored entities are scored
    against document after document."""
    return profile_with_aliases(name, aliases, type_, frozenset({group}))


def merge_aliases(name: str, *lists: Iterable[str]) -> list[str]:
    """Union of alias lists, one spelling per exact string, the name itself left out."""
    out: list[str] = []
    for values in lists:
        for a in values:
            a = " ".join(str(a).split())
            if a and a != name and a not in out:
                out.append(a)
    return out


def merge_entity(stored: Entity, item: ExtractedEntity) -> Entity:
    attributes = dict(item.attributes or {})
    attributes.update({k: v for k, v in (stored.attributes or {}).items() if v is not None})
    return Entity(
        id=stored.id, type=stored.type, name=stored.name,
        subtype=stored.subtype or item.subtype,
        aliases=merge_aliases(stored.name, stored.aliases, [item.name], item.aliases),
        attributes=attributes,
    )


class StoreResolver:
    """Resolve extractions against a store; one instance per ingest run."""

    def __init__(self, settings: Any = None, small_graph: int = SMALL_GRAPH,
                 candidates_per_name: int = CANDIDATES_PER_NAME, name_budget: int = NAME_BUDGET) -> None:
        self.settings = settings
        self.small_graph = small_graph
        self.candidates_per_name = candidates_per_name
        self._known: dict[str, Entity] | None = None  # the whole (small) graph, kept current
        self._index: dict[str, set[str]] = {}
        #: how many stored entities hold each content token (the size of its ``T:`` posting)
        self._df: Counter[str] = Counter()
        self.name_budget = name_budget
        #: the blocks the current document's names are compared through (see _plan)
        self._admitted: set[str] = set()
        #: acronyms left alone because they spell several stored entities: {name, candidates}
        self.conflicts: list[dict[str, Any]] = []

    def __call__(self, extraction: Extraction, store: Any) -> dict[str, Entity]:
        return self.assign(extraction, store)

    # ------------------------------------------------------------------ candidates
    def _keys(self, e: Entity) -> set[str]:
        """The index keys of a stored entity: every key its names can block on, an
        acronym key split by the side it pairs from (see :func:`_lookups`)."""
        out: set[str] = set()
        names = _names(e.name, e.aliases, e.type)
        sides = _sides(names)
        for n in names:
            for k in index_keys(n.raw, n.person):
                if k.startswith("A:"):
                    out.update(side + k[2:] for side in sides)
                else:
                    out.add(k)
        return out

    def _remember(self, e: Entity) -> None:
        if self._known is None:
            return
        self._known[e.id] = e
        for k in self._keys(e):
            ids = self._index.setdefault(k, set())
            if e.id not in ids:
                ids.add(e.id)
                if k.startswith("T:"):  # a token key per content token: how many entities hold it
                    self._df[k[2:]] += 1

    def _plan(self, item: ExtractedEntity, df: Mapping[str, int]) -> Iterator[set[str]]:
        """The stored entities of the blocks ``item`` is compared through, its blocks
        admitted in :attr:`_admitted` for :meth:`_crowded`.

        Each of the item's names is blocked with the graph's token counts, as
        :func:`candidate_pairs` blocks it; a block is followed only on the side that can
        pair with the name (:func:`_lookups`), and its size is what that side holds. A
        block bigger than :func:`posting_cap` is never compared. The others are taken
        rarest first while the name's stored candidates stay within
        :attr:`name_budget`: a key thousands of names share says little about any pair,
        and without the budget every common acronym or word ending would bring in more
        candidates as the graph grows."""
        names = _names(item.name, item.aliases, item.type)
        sides = _sides(names)
        for n in names:
            blocks: list[tuple[int, str, list[set[str]]]] = []
            for k in keys(n, df):
                postings = [self._index[look] for look in _lookups(k, sides) if look in self._index]
                size = sum(len(ids) for ids in postings)
                if size <= posting_cap(k):
                    blocks.append((size, k, postings))
            spent = 0
            for size, k, postings in sorted(blocks, key=lambda b: (b[0], b[1])):
                if spent + size > self.name_budget:
                    break
                spent += size
                self._admitted.add("I<" + k[2:] if k.startswith("I>") else k)
                yield from postings

    def _crowded(self, key: str) -> bool:
        """A block no name of the document admitted (see :meth:`_plan`): the
        candidates hold only some of its stored entities, so it is skipped, whatever
        the candidates fetched through other keys (see
        :func:`graph.resolve.blocking.candidate_pairs`)."""
        return key not in self._admitted

    def _load_small(self, store: Any) -> bool:
        if self._known is not None:
            return True
        count = int(store.run("resolve/entity_count").scalar(0) or 0)
        if count > self.small_graph:
            return False
        self._known, self._index, self._df = {}, {}, Counter()
        for row in store.run("resolve/all_entities").rows:
            self._remember(entity_from_row(row))
        return True

    def candidates(self, items: list[ExtractedEntity], store: Any) -> dict[str, Entity]:
        """Stored entities that share a blocking key (small graph) or a full-text
        hit (big graph) with one of ``items``."""
        found: dict[str, Entity] = {}
        if self._load_small(store):
            assert self._known is not None
            self._admitted = set()
            df = self._df
            for item in items:
                for ids in self._plan(item, df):
                    for eid in ids:
                        found[eid] = self._known[eid]
            return found
        for item in items:
            words: list[str] = []
            for n in (item.name, *item.aliases):
                words.extend(w for w in info(n).words if w.isalnum() and len(w) > 1)
            tokens = list(dict.fromkeys(words))[:12]
            if not tokens:
                continue
            rows = store.run("resolve/candidates", tokens=tokens, limit=self.candidates_per_name).rows
            for row in rows:
                found.setdefault(row["id"], entity_from_row(row))
        return found

    def _stored(self, ids: list[str], store: Any) -> dict[str, Entity]:
        known = self._known or {}
        out = {i: known[i] for i in ids if i in known}
        rest = [i for i in ids if i not in known]
        if rest:
            for row in store.run("resolve/entities_by_ids", ids=rest).rows:
                out[row["id"]] = entity_from_row(row)
        return out

    # ------------------------------------------------------------------ assign
    def assign(self, extraction: Extraction, store: Any) -> dict[str, Entity]:
        # the document's own entities that are one ("FRN" / "Fonds de recherche nordique")
        # first, so each real entity meets the store once
        merged, renamed = merge_within(extraction)
        assignment = self._assign(merged, store)
        return {key: assignment[new] for key, new in renamed.items() if new in assignment}

    def _assign(self, extraction: Extraction, store: Any) -> dict[str, Entity]:
        judgements = load(self.settings)
        items = list(extraction.entities)
        stored = self.candidates(items, store)
        # POSITIVE judgements and merge redirects may point outside the candidates
        wanted = [judgements.positive_for(n) for it in items for n in (it.name, *it.aliases)]
        wanted += [judgements.final_id(i) for i in stored if judgements.final_id(i) != i]
        missing = [i for i in dict.fromkeys(w for w in wanted if w) if i not in stored]
        if missing:
            stored.update(self._stored(missing, store))

        before = len(self.conflicts)
        match = self.match(items, list(stored.values()), judgements)
        if len(self.conflicts) > before:
            self._report(self.conflicts[before:], extraction.document.id)
        # the stored entities the unmatched items' own ids name (written earlier by another
        # run, or a judgement's survivor), fetched in one query rather than one per item
        own = [judgements.final_id(new_entity_id(i.name, i.type)) for i in items if i.key not in match]
        absent = [i for i in dict.fromkeys(own) if i not in stored]
        if absent:
            stored.update(self._stored(absent, store))
        out: dict[str, Entity] = {}
        for item in items:
            target = match.get(item.key)
            if target is not None:
                entity = merge_entity(stored[target], item)
            else:
                entity = self._new(item, judgements, stored)
            name = judgements.renames.get(entity.id)
            if name and name != entity.name:
                entity = Entity(entity.id, entity.type, name, entity.subtype,
                                merge_aliases(name, [entity.name], entity.aliases), entity.attributes)
            kept = [a for a in entity.aliases if judgements.judge(a, entity.id) != Judgement.NEGATIVE]
            if len(kept) != len(entity.aliases):  # names a human split off this entity
                entity = Entity(entity.id, entity.type, entity.name, entity.subtype, kept, entity.attributes)
            out[item.key] = entity
        out = _unite(out)
        for entity in out.values():
            self._remember(entity)
        return out

    def _report(self, conflicts: list[dict[str, Any]], doc_id: str) -> None:
        """Keep acronym conflicts for curators in ``<data_dir>/resolution_conflicts.jsonl``."""
        if self.settings is None or not getattr(self.settings, "data_dir", None):
            return
        path = Path(self.settings.data_dir) / CONFLICTS_LOG
        path.parent.mkdir(parents=True, exist_ok=True)
        at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with path.open("a", encoding="utf-8") as fh:
            for c in conflicts:
                fh.write(json.dumps({**c, "doc_id": doc_id, "at": at}, ensure_ascii=False, sort_keys=True) + "\n")

    def _new(self, item: ExtractedEntity, judgements: Judgements, stored: dict[str, Entity]) -> Entity:
        """The item's own entity; ``stored`` already holds it when the store has it."""
        eid = judgements.final_id(new_entity_id(item.name, item.type))
        base = stored.get(eid)
        if base is not None:
            return merge_entity(base, item)
        return Entity(id=eid, type=EntityType(item.type), name=item.name, subtype=item.subtype,
                      aliases=merge_aliases(item.name, item.aliases), attributes=dict(item.attributes or {}))

    def pairs(self, records: list[Profile], n_stored: int) -> set[tuple[int, int]]:
        """The (stored, new) record pairs to score, ``records`` holding the stored
        candidates then the document's entities. Stored-stored and new-new pairs are never
        merged here: only pairs across are computed. Holding the whole graph, the resolver
        blocks as if every stored entity were a candidate: a token's rarity is counted
        over the graph, and only the blocks :meth:`_plan` admitted are compared."""
        whole = self._known is not None
        return candidate_pairs([r.names for r in records], split=n_stored,
                               crowded=self._crowded if whole else None,
                               df=self._df if whole else None)

    def match(self, items: list[ExtractedEntity], stored: list[Entity],
              judgements: Judgements) -> dict[str, str]:
        """``{item key: stored id}`` for the items that resolve to a stored entity."""
        if not items:
            return {}
        records = [_profile(e.name, e.aliases, EntityType(e.type).value, _STORED) for e in stored]
        records += [_profile(i.name, i.aliases, EntityType(i.type).value, _NEW) for i in items]
        n_stored = len(stored)
        best: dict[int, tuple[float, str]] = {}

        def offer(item_index: int, entity: Entity, value: float) -> None:
            current = best.get(item_index)
            if current is None or (value, entity.id) > current:
                best[item_index] = (value, entity.id)

        # human judgements first: a POSITIVE name wins whatever the scores say
        forced: dict[int, str] = {}
        for k, item in enumerate(items):
            for n in (item.name, *item.aliases):
                target = judgements.positive_for(n)
                if target and any(e.id == target for e in stored):
                    forced[k] = target
                    break

        auto = threshold("auto")
        acronyms: dict[int, set[str]] = {}  # bare acronym item -> stored entities it spells
        for s_idx, n_idx in self.pairs(records, n_stored):
            entity, item = stored[s_idx], items[n_idx - n_stored]
            verdict = judgements.judge(item.name, entity.id)
            if verdict == Judgement.NEGATIVE:
                continue
            match = score(records[n_idx], records[s_idx])
            rule = match.features[0].name if match.features else ""
            if match.score >= auto and rule != "acronym.initials":
                offer(n_idx - n_stored, entity, match.score)
            elif rule in ("acronym.initials", "acronym.whole_word") and _bare_acronym(records[n_idx]) \
                    and not records[s_idx].primary.single:
                acronyms.setdefault(n_idx - n_stored, set()).add(entity.id)

        # a bare acronym takes the one stored entity it spells; with several it is left
        # alone and the case is reported for curation
        for k, ids in sorted(acronyms.items()):
            if k in best:
                continue
            if len(ids) == 1:
                offer(k, next(e for e in stored if e.id in ids), 0.0)
            else:
                self.conflicts.append({"name": items[k].name, "candidates": sorted(ids)})

        out = {items[k].key: eid for k, (_, eid) in best.items()}
        for k, eid in forced.items():
            out[items[k].key] = eid
        # merged ids redirect to the survivor
        ids = {e.id for e in stored}
        return {key: judgements.final_id(eid) for key, eid in out.items() if judgements.final_id(eid) in ids}


def _names(name: str, aliases: Iterable[str], type_: EntityType | str) -> tuple[NameInfo, ...]:
    """The names an entity is blocked on: its profile's, as :meth:`StoreResolver.match`
    passes them to :func:`candidate_pairs` (a "Long Name (ACR)" is two names)."""
    return _profile(name, aliases, EntityType(type_).value, _STORED).names


def _sides(names: Iterable[NameInfo]) -> tuple[str, ...]:
    """An entity's sides in acronym blocks, which pair one-word names ("A1:") with
    multi-word ones ("A2:"); an entity with names of both kinds is on both, as
    :func:`graph.resolve.blocking.candidate_pairs` counts it."""
    single = [n.single for n in names]
    return tuple(side for side, on in (("A1:", any(single)), ("A2:", not all(single))) if on)


def _lookups(key: str, sides: tuple[str, ...]) -> tuple[str, ...]:
    """The index keys whose stored entities can pair with a name across block ``key``:
    an acronym block pairs a one-word name with multi-word ones and the reverse, a
    name less an acronym (``I<``) meets a name less a run of words (``I>``) and the
    reverse; any other block pairs its members with each other."""
    if key.startswith("A:"):
        return tuple(("A2:" if side == "A1:" else "A1:") + key[2:] for side in sides)
    if key.startswith(("I<", "I>")):
        return (pairing(key),)
    return (key,)


def _bare_acronym(p: Profile) -> bool:
    return p.primary.single and p.primary.acronym_like and all(n.key == p.primary.key for n in p.names)


def _unite(assignment: dict[str, Entity]) -> dict[str, Entity]:
    """Several document entities resolved to one id: one Entity object, aliases united."""
    by_id: dict[str, list[str]] = {}
    for key, e in assignment.items():
        by_id.setdefault(e.id, []).append(key)
    for eid, keys_ in by_id.items():
        if len(keys_) < 2:
            continue
        first = assignment[keys_[0]]
        names: Counter[str] = Counter()
        aliases: list[list[str]] = []
        attributes: dict[str, Any] = {}
        subtype = None
        for key in keys_:
            e = assignment[key]
            names[e.name] += 1
            aliases.append([e.name, *e.aliases])
            for k, v in e.attributes.items():
                attributes.setdefault(k, v)
            subtype = subtype or e.subtype
        united = Entity(eid, first.type, first.name, subtype, merge_aliases(first.name, *aliases), attributes)
        for key in keys_:
            assignment[key] = united
    return assignment
