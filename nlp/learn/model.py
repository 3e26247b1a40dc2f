"""The learned stages at extraction time: read the trained weights, decide.

The artifact (``nlp/learn/extraction_model.json``, written by ``grappe train``) holds
linear models as plain JSON: a bias, a weight per feature and a decision threshold per
relation type, and one multinomial model for organization types. Scoring is a sparse dot
product, so extraction needs no machine-learning library and no pickle.

* **Entities**: organization-like entities the model does not believe in are dropped
  (a dateline, a place read as a company); the type and subtype of the others come from
  the type model when it is confident.
* **Relations**: every candidate pair (:func:`nlp.learn.features.candidate_pairs`) gets a
  probability per relation type of its family; those above the type's threshold are the
  document's relations, with the sentence that brings the pair together as evidence.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from grappe.errors import ConfigError
from grappe.model import (
    ORG_LIKE,
    EntityType,
    Evidence,
    ExtractedEntity,
    ExtractedRelation,
    Extraction,
    Mention,
    RelType,
)
from nlp.discourse import focus_participants, name_head
from nlp.learn.coordination import coordinations
from nlp.learn.features import Pair, candidate_pairs, entity_features, name_key
from nlp.lexicon import Lexicon, lexicon
from nlp.textutil import drop_trailing_particles, sentences, squash

MODEL_PATH = Path(__file__).parent / "extraction_model.json"
FORMAT = 1


@dataclass(frozen=True)
class Binary:
    bias: float
    weights: dict[str, float]
    threshold: float

    def prob(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Multi:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    min_prob: float

    def probs(self, features: dict[str, float]) -> dict[str, float]:
        z = list(self.bias)
        for k, v in features.items():
            w = self.weights.get(k)
            if w is not None:
                for i, wi in enumerate(w):
                    z[i] += wi * v
        top = max(z)
        ex = [math.exp(x - top) for x in z]
        total = sum(ex)
        return {c: e / total for c, e in zip(self.classes, ex, strict=True)}


@dataclass(frozen=True)
class Choice:
    """One multinomial model for a family whose relation types exclude each other (an
    organization takes part in, leads or funds a project, or none of these): the types
    compete for the same evidence instead of each being judged alone against everything
    else. A type is decided when its probability reaches its own threshold; of two types the
    training data never gives one pair together (an organization does not both lead and merely
    take part), only the more probable is kept."""

    model: Multi
    thresholds: dict[str, float]
    exclusive: tuple[tuple[str, str], ...] = ()

    def decide(self, features: dict[str, float]) -> list[str]:
        return self.decide_probs(self.model.probs(features))

    def decide_probs(self, probs: dict[str, float]) -> list[str]:
        chosen = {c for c, t in self.thresholds.items() if probs.get(c, 0.0) >= t}
        for x, y in self.exclusive:
            if x in chosen and y in chosen:
                chosen.discard(min((x, y), key=lambda c: (probs[c], c)))
        return sorted(chosen)


@dataclass(frozen=True)
class ExtractionModel:
    version: str
    relations: dict[str, Binary]  # "<family>/<RELTYPE>" -> model
    types: Multi | None  # Organization, University or Project (its P(Project) makes project candidates)
    subtypes: Multi | None  # an organization's subtype
    keep_added: Binary | None = None  # whether an entity only the NER found is real
    choices: dict[str, Choice] = field(default_factory=dict)  # "<family>" -> model (replaces its binaries)

    @classmethod
    def from_json(cls, data: dict) -> ExtractionModel:
        if data.get("format") != FORMAT:
            raise ConfigError("extraction model", "format", f"format {FORMAT} (run `grappe train`)")
        rel = {k: Binary(v["bias"], v["weights"], v["threshold"]) for k, v in data["relations"].items()}
        def multi(m: dict | None) -> Multi | None:
            return Multi(tuple(m["classes"]), tuple(m["bias"]), {k: tuple(v) for k, v in m["weights"].items()},
                         m["min_prob"]) if m else None

        keep = data.get("keep_added")
        choices = {k: Choice(m, dict(v["thresholds"]), tuple((str(x), str(y)) for x, y in v.get("exclusive", ())))
                   for k, v in (data.get("choices") or {}).items()
                   if (m := multi(v)) is not None}
        return cls(data["version"], rel, multi(data.get("types")), multi(data.get("subtypes")),
                   Binary(keep["bias"], keep["weights"], keep["threshold"]) if keep else None, choices)

    def to_json(self) -> dict:
        def binary(b: Binary) -> dict:
            return {"bias": b.bias, "threshold": b.threshold, "weights": dict(sorted(b.weights.items()))}

        def multi(m: Multi) -> dict:
            return {"classes": list(m.classes), "bias": list(m.bias), "min_prob": m.min_prob,
                    "weights": {k: list(v) for k, v in sorted(m.weights.items())}}

        out: dict = {"format": FORMAT, "version": self.version,
                     "relations": {k: binary(v) for k, v in sorted(self.relations.items())}}
        if self.keep_added is not None:
            out["keep_added"] = binary(self.keep_added)
        for name, m in (("types", self.types), ("subtypes", self.subtypes)):
            if m is not None:
                out[name] = multi(m)
        if self.choices:
            out["choices"] = {k: {**multi(c.model), "thresholds": dict(sorted(c.thresholds.items())),
                                  "exclusive": [list(x) for x in c.exclusive]}
                              for k, c in sorted(self.choices.items())}
        return out


@cache
def load_model(path: Path = MODEL_PATH) -> ExtractionModel | None:
    """The shipped model, or None when none has been trained yet."""
    if not path.exists():
        return None
    try:
        return ExtractionModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError) as exc:
        raise ConfigError("extraction model", str(path), f"a model written by `grappe train` ({exc})") from exc


#: the entities the keep and type models judge (people are left to NER and the rules)
TYPED = (EntityType.ORGANIZATION, EntityType.UNIVERSITY, EntityType.PROJECT)


def gold_label(entity: dict) -> tuple[str, str | None]:
    """The type of a gold entity and, for an organization, its subtype."""
    if entity["type"] in ("University", "Project"):
        return entity["type"], None
    return "Organization", entity.get("subtype") or "company"


def project_probs(ex: Extraction, model: ExtractionModel) -> dict[str, float]:
    """P(project) of every organization and project, from the type model."""
    if model.types is None or "Project" not in model.types.classes:
        return {}
    return {e.key: model.types.probs(entity_features(ex, e, with_source=False))["Project"]
            for e in ex.entities if e.type in TYPED}


def drop_unlikely_additions(ex: Extraction, model: ExtractionModel) -> Extraction:
    """Entities only the NER found, and that the keep model does not believe in, are dropped."""
    if model.keep_added is None:
        return ex
    entities = [e for e in ex.entities if not e.key.startswith(NER_KEY)
                or model.keep_added.prob(entity_features(ex, e)) >= model.keep_added.threshold]
    keys = {e.key for e in entities}
    return Extraction(ex.document, entities, [r for r in ex.relations if r.source in keys and r.target in keys],
                      ex.model_version)


def subtype(ex: Extraction, model: ExtractionModel) -> None:
    """Organizations take the subtype model's subtype when it is confident (or none was given)."""
    if model.subtypes is None:
        return
    for e in ex.entities:
        if e.type is EntityType.ORGANIZATION:
            label, p = max(model.subtypes.probs(entity_features(ex, e, with_source=False)).items(),
                           key=lambda kv: kv[1])
            if p >= model.subtypes.min_prob or e.subtype is None:
                e.subtype = label


def relate(ex: Extraction, model: ExtractionModel,
           project_prob: dict[str, float] | None = None) -> list[ExtractedRelation]:
    """The relations the model finds among the extraction's entities.

    An organization that something takes part in, leads or funds is a project: it is retyped,
    and what was said of it as an organization (partnerships, employees) is dropped.
    """
    text, doc_id = ex.document.text, ex.document.id
    out: list[ExtractedRelation] = []
    pairs = candidate_pairs(ex, project_prob)
    pooled = _pooled(pairs, model, _listed(ex))
    decided = []
    for i, pair in enumerate(pairs):
        probs = pooled.get(i) or _probs(pair, model)  # read once: the decision and the margin share it
        decided += [(pair, rtype, probs.get(rtype.value, 0.0)) for rtype in _decided(pair, model, probs)]
    for pair, rtype in _strongest_projects(decided):
        s, e = pair.span
        a, b = pair.source.key, pair.target.key
        if pair.family.symmetric and b < a:
            a, b = b, a
        role = pair.rule_role if rtype == "AFFILIATED_WITH" else None
        out.append(ExtractedRelation(RelType(rtype), a, b,
                                     Evidence(doc_id, s, e, squash(text[s:e])[:500]), role=role))
    by_key = {e.key: e for e in ex.entities}
    promoted = {r.target for r in out if r.type in _TO_PROJECT and by_key[r.target].type is not EntityType.PROJECT}
    # one the text shows acting on a project (leading it, funding it, taking part) stays an
    # organization: "the project led by Acme; it brings together B and C" makes Acme no project
    acting = promoted & {r.source for r in out if r.type in _TO_PROJECT}
    promoted -= acting
    out = [r for r in out if not (r.type in _TO_PROJECT and r.target in acting)]
    for k in promoted:
        by_key[k].type, by_key[k].subtype = EntityType.PROJECT, None
    return [r for r in out if not promoted & {r.source, r.target} or r.type in _TO_PROJECT and r.source not in promoted]


#: how far below a member's strongest project another one's probability may be and still count:
#: a member of a story with several projects is mostly in one of them (three in four of the
#: training documents' members of multi-project stories), so a second needs nearly as strong a reading
PROJECT_MARGIN = 0.05
_ONE_PROJECT = (RelType.PARTICIPATES_IN, RelType.LEADS)


def _strongest_projects(decided: list[tuple[Pair, RelType, float]]) -> list[tuple[Pair, RelType]]:
    """The decided relations, less a member's takes part / leads towards a project read much
    more weakly than its strongest one of the same type."""
    best: dict[tuple[str, RelType], float] = {}
    for pair, rtype, p in decided:
        if rtype in _ONE_PROJECT:
            best[pair.source.key, rtype] = max(best.get((pair.source.key, rtype), 0.0), p)
    return [(pair, rtype) for pair, rtype, p in decided
            if rtype not in _ONE_PROJECT or p >= best[pair.source.key, rtype] - PROJECT_MARGIN]


def _listed(ex: Extraction) -> list[frozenset[str]]:
    """The organizations, and apart the persons, each sentence lists together
    (:mod:`nlp.learn.coordination`)."""
    text = ex.document.text
    sents = sentences(text) or [(0, len(text))]
    runs = []
    for kinds in (ORG_LIKE, (EntityType.PERSON,)):
        mentions = [(m.start, m.end, e.key) for e in ex.entities if e.type in kinds for m in e.mentions]
        runs += coordinations(text, ex.document.language, mentions, sents)
    return runs


#: the relation types decided together for listed names. Not AFFILIATED_WITH nor LEADS or
#: FUNDS (one leader or funder named beside partners): pooling them lost more than it found on dev
POOLED_TYPES = ("PARTICIPATES_IN", "PARTNERS_WITH")


def _probs(pair: Pair, model: ExtractionModel) -> dict[str, float]:
    choice = model.choices.get(pair.family.name)
    if choice is not None:
        return choice.model.probs(pair.features)
    return {t.value: m.prob(pair.features) for t in pair.family.types
            if (m := model.relations.get(f"{pair.family.name}/{t.value}")) is not None}


def _pooled(pairs: list[Pair], model: ExtractionModel, runs: list[frozenset[str]]) -> dict[int, dict[str, float]]:
    """One decision for the names a sentence lists together, towards the same other entity.

    Each listed name's own words differ (the first stands next to the verb, the last far
    from it) though the text says the same of all: each gets, for the relation types read
    this way, the highest probability any of them has. Index of the pair -> its probabilities.
    """
    run_of = {k: i for i, run in enumerate(runs) for k in run}
    together: dict[tuple[str, int, str], list[int]] = {}
    for i, p in enumerate(pairs):
        for listed, other in ((p.source.key, p.target.key), (p.target.key, p.source.key)):
            r = run_of.get(listed)
            if r is not None and other not in runs[r]:
                together.setdefault((p.family.name, r, other), []).append(i)
    pooled: dict[int, dict[str, float]] = {}
    for members in together.values():
        if len(members) < 2:
            continue
        probs = [pooled.get(i) or _probs(pairs[i], model) for i in members]
        best = {c: max(p.get(c, 0.0) for p in probs) for c in POOLED_TYPES if c in probs[0]}
        if not best:
            continue
        for i, p in zip(members, probs, strict=True):
            mine = {**p, **best}
            if "none" in mine:
                mine["none"] = max(0.0, 1.0 - sum(v for c, v in mine.items() if c != "none"))
            pooled[i] = mine
    return pooled


def _decided(pair: Pair, model: ExtractionModel, pooled: dict[str, float] | None = None) -> list[RelType]:
    """The relation types the model gives a pair: its family's choice, or each type's binary
    above its threshold; on ``pooled`` probabilities when its name is listed with others."""
    probs = pooled or _probs(pair, model)
    choice = model.choices.get(pair.family.name)
    if choice is not None:
        chosen = set(choice.decide_probs(probs))
        return [t for t in pair.family.types if t.value in chosen]
    return [t for t in pair.family.types
            if t.value in probs and probs[t.value] >= model.relations[f"{pair.family.name}/{t.value}"].threshold]


_TO_PROJECT = (RelType.PARTICIPATES_IN, RelType.LEADS, RelType.FUNDS)


def apply(ex: Extraction, model: ExtractionModel) -> Extraction:
    """Entities retyped and filtered, relations decided by the model.

    The rule layers' relations that still fit the (re)typed entities are kept beside the
    model's: they read explicit structures (fact-sheet fields, partner lists, board lists)
    that the pair model sees only as a feature. A project the rules or the NER named stays
    even when no relation to it was decided: the relation decision misses more real
    projects' links than the names it finds are wrong (see nlp/README.md), so dropping
    unlinked projects cost more right projects than wrong ones.
    """
    ex = drop_unlikely_additions(ex, model)
    subtype(ex, model)
    were_projects = {e.key for e in ex.entities if e.type is EntityType.PROJECT}
    probs = project_probs(ex, model)
    learned = relate(ex, model, probs)
    types = {e.key: e.type for e in ex.entities}
    seen = {(r.type, r.source, r.target) for r in learned}
    kept = [r for r in ex.relations if (r.type, r.source, r.target) not in seen
            and _fits(r.type, types[r.source], types[r.target])]
    relations = learned + kept
    # a project the model made of an organization ("Acme will lead the Tidewatch Network")
    # was not one when the story was read for who takes part in it: read it again
    # only a collective the text names as one ("… Health Network", "Réseau …"): a company
    # or a lab the model made a project of would take every name in its sentences
    lex = lexicon(ex.document.language)
    heads = lex.memo("collective_heads", lambda lx: {w.casefold() for w in lx.words("COLLECTIVE_HEAD")})
    promoted = {e.key for e in ex.entities if e.type is EntityType.PROJECT and e.key not in were_projects
                and name_head(e.name, lex).casefold() in heads}
    if promoted:
        have = {(r.type, r.source, r.target) for r in relations}
        doc = ex.document
        persons = {e.key for e in ex.entities if e.type is EntityType.PERSON}
        relations += [r for r in focus_participants(doc.text, doc.id, ex.entities, relations, lex)
                      if r.target in promoted and r.source not in persons and (r.type, r.source, r.target) not in have]
    for e in ex.entities:
        if e.type is EntityType.PROJECT:
            e.aliases.extend(v for v in _project_name_variants(ex.document.text, e, lex)
                             if v != e.name and v not in e.aliases)
    return Extraction(ex.document, ex.entities, relations)


def _project_name_variants(text: str, e: ExtractedEntity, lex: Lexicon) -> list[str]:
    """Other forms the text gives a project's name: with the generic word or the years that
    follow it ("the Tidewater Skills program", "Plan Horizon 2024-2028"), or without an owner's
    possessive before it ("Northfield's Skills Program"). Kept as aliases, so search finds
    either form and documents that write one form meet documents that write the other."""
    tail = lex.memo("project_name_tail", lambda lx: re.compile(
        rf"\s+(?:{lx.alt('PROJECT_NAME_TAIL')}(?!\w)|(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d(?!\d))", re.I))
    out = []
    for m in e.mentions:
        t = tail.match(text, m.end)
        if t:
            out.append(squash(text[m.start:t.end()]))
        p = _POSSESSIVE_HEAD.match(text, m.start, m.end)
        if p:
            out.append(squash(text[p.end():m.end]))
    return list(dict.fromkeys(out))


def _fits(rtype: RelType, source: EntityType, target: EntityType) -> bool:
    org_like = source in (EntityType.ORGANIZATION, EntityType.UNIVERSITY)
    if rtype is RelType.PARTICIPATES_IN:
        return target is EntityType.PROJECT and source is not EntityType.PROJECT
    if rtype in (RelType.LEADS, RelType.FUNDS):
        return target is EntityType.PROJECT and org_like
    if rtype is RelType.AFFILIATED_WITH:
        return source is EntityType.PERSON and target in (EntityType.ORGANIZATION, EntityType.UNIVERSITY)
    return org_like and target in (EntityType.ORGANIZATION, EntityType.UNIVERSITY)


#: the label each NER uses -> the entity type it adds
_NER_TYPES = {"ORG": EntityType.ORGANIZATION, "PER": EntityType.PERSON, "PERSON": EntityType.PERSON,
              "PROJECT": EntityType.PROJECT}
#: keys of entities the NER adds (the rule layers' are e1, e2...)
NER_KEY = "n"


def add_ner_entities(ex: Extraction, spans: list[tuple[int, int, str]]) -> Extraction:
    """Entities the updated NER finds where the rule layers found nothing.

    A span inside or across an existing mention is left to the rules; a span whose name is
    already an entity's name or alias adds a mention to it; the rest are new entities
    (keys ``n1``, ``n2``...), which the keep model then judges like the others.
    """
    text, doc_id = ex.document.text, ex.document.id
    taken = sorted((m.start, m.end) for e in ex.entities for m in e.mentions)
    by_name: dict[str, ExtractedEntity] = {}
    for e in ex.entities:
        for n in (e.name, *e.aliases):
            by_name.setdefault(name_key(n), e)
    added: dict[str, ExtractedEntity] = {}
    stop_names = lexicon(ex.document.language or "en").stop_names
    for s, e, label in spans:
        etype = _NER_TYPES.get(label)
        s, e = _drop_possessive(text, s, e)
        name = drop_trailing_particles(squash(text[s:e]).strip(" ,.;:–-’'"))
        if etype is EntityType.PERSON:
            name = _without_org_after(name, by_name)
        e = s + len(name) if text.startswith(name, s) else e
        if (etype is None or len(name) < 2 or not name[:1].isupper() or any(a < e and s < b for a, b in taken)
                or name.casefold() in stop_names):
            continue
        k = name_key(name)
        mention = Mention(doc_id, s, e, squash(text[s:e]))
        known = by_name.get(k) or added.get(k)
        if known is not None:
            if (known.type is EntityType.PERSON) == (etype is EntityType.PERSON):
                known.mentions.append(mention)
            continue
        ent = ExtractedEntity(f"{NER_KEY}{len(added) + 1}", etype, name, mentions=[mention])
        added[k] = ent
    return Extraction(ex.document, ex.entities + list(added.values()), ex.relations, ex.model_version)


#: "Anne Roy d’Acme": a person NER read together with the organization after "d’"
_ELIDED_OF = re.compile(r"\s+d['’](?=[A-ZÀ-ÖØ-Þ])")


def _without_org_after(name: str, known: dict[str, ExtractedEntity]) -> str:
    m = _ELIDED_OF.search(name)
    if m and name_key(name[m.end():]) in known:
        return name[:m.start()]
    return name


_POSSESSIVE_HEAD = re.compile(r"[^\s'’]+(?:\s+[^\s'’]+){0,4}['’]s\s+(?=[A-ZÀ-ÖØ-Þ])")
_POSSESSIVE_TAIL = re.compile(r"['’]s$")


def _drop_possessive(text: str, s: int, e: int) -> tuple[int, int]:
    """"Northfield's Acme Labs" is Acme Labs; "Northfield's" alone is Northfield: an owner's
    or a place's possessive is not part of the name NER read."""
    m = _POSSESSIVE_HEAD.match(text, s, e)
    if m:
        s = m.end()
    t = _POSSESSIVE_TAIL.search(text, s, e)
    return s, (t.start() if t else e)


def prune_projects(entities: list[ExtractedEntity], relations: list[ExtractedRelation]) -> list[ExtractedEntity]:
    """A project is a named thing *with* a leader, funder or participants."""
    linked = {k for r in relations for k in (r.source, r.target)}
    return [e for e in entities if e.type is not EntityType.PROJECT or e.key in linked]
