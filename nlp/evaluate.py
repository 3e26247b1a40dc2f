"""Score extractions against gold annotations in the gold format of ``eval/``.

Both sides are plain dicts in the gold format (``entities`` with ``id``, ``type``,
``name``, ``aliases``; ``relations`` with ``type``, ``source``, ``target``), so the
scorer does not depend on the extractor: ``score_document(gold, pred)`` returns the
counts of one document and :func:`micro` sums them over documents.

* Names are normalised: accents removed, case folded, ``&`` read as "and", every
  run of non-word characters made one space.
* Matching is one-to-one in two passes (the prediction's name, then its aliases);
  among candidates one of the same type wins, then one of the same org-like family.
* An unmatched prediction that hits an already-matched gold entity is a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from grappe.model import ORG_LIKE, UNDIRECTED, EntityType, RelType
from grappe.text import fold

ENTITY_TYPES: tuple[str, ...] = tuple(t.value for t in EntityType)
#: the directed relations, scored by type (partnerships are scored apart)
REL_TYPES: tuple[str, ...] = tuple(r.value for r in RelType if r not in UNDIRECTED)


def _family(entity_type: str) -> str:
    return "org" if entity_type in ORG_LIKE else entity_type


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class DocScore:
    """Counts for one document (or, summed, for a corpus)."""

    name: str
    entities: dict[str, Counts] = field(default_factory=dict)
    relations: dict[str, Counts] = field(default_factory=dict)
    co_partners: Counts = field(default_factory=Counts)
    duplicates: int = 0
    matched: int = 0
    type_agree: int = 0
    errors: dict[str, list] = field(default_factory=dict)

    @property
    def type_accuracy(self) -> float:
        return self.type_agree / self.matched if self.matched else 0.0

    def add(self, other: DocScore) -> None:
        for key, c in other.entities.items():
            self.entities.setdefault(key, Counts()).add(c)
        for key, c in other.relations.items():
            self.relations.setdefault(key, Counts()).add(c)
        self.co_partners.add(other.co_partners)
        self.duplicates += other.duplicates
        self.matched += other.matched
        self.type_agree += other.type_agree

    def as_dict(self, with_errors: bool = False) -> dict:
        out = {
            "document": self.name,
            "entities": {k: c.as_dict() for k, c in self.entities.items()},
            "relations": {k: c.as_dict() for k, c in self.relations.items()},
            "co_partner_pairs": self.co_partners.as_dict(),
            "duplicates": self.duplicates,
            "type_accuracy": round(self.type_accuracy, 4),
            "matched": self.matched,
        }
        if with_errors:
            out["errors"] = self.errors
        return out


def match_entities(gold: list[dict], pred: list[dict]) -> tuple[dict[str, str], list[str]]:
    """One-to-one matching pred id -> gold id, and the ids of duplicate predictions."""
    gold_keys: dict[str, list[dict]] = {}
    for g in gold:
        keys = {fold(g["name"])} | {fold(a) for a in g.get("aliases") or []}
        for key in keys:
            if key:
                gold_keys.setdefault(key, []).append(g)
    mapping: dict[str, str] = {}
    taken: set[str] = set()

    def pick(p: dict, names: Iterable[str]) -> dict | None:
        cands: list[dict] = []
        for name in names:
            for g in gold_keys.get(fold(name), []):
                if g["id"] not in taken and g not in cands:
                    cands.append(g)
        if not cands:
            return None
        ptype = p.get("type")

        def rank(g: dict) -> int:
            if g.get("type") == ptype:
                return 0
            if _family(g.get("type", "")) == _family(ptype or ""):
                return 1
            return 2

        return min(cands, key=rank)  # min is stable: first best in gold order

    for names_of in (lambda p: [p["name"]], lambda p: list(p.get("aliases") or [])):
        for p in pred:
            if p["id"] in mapping:
                continue
            g = pick(p, names_of(p))
            if g is not None:
                mapping[p["id"]] = g["id"]
                taken.add(g["id"])
    duplicates = []
    for p in pred:
        if p["id"] in mapping:
            continue
        names = [p["name"], *(p.get("aliases") or [])]
        if any(g["id"] in taken for n in names for g in gold_keys.get(fold(n), [])):
            duplicates.append(p["id"])
    return mapping, duplicates


def _co_partner_pairs(entities: dict[str, dict], relations: list[dict], ids) -> set[frozenset]:
    """Unordered org/univ pairs sharing a project (PARTICIPATES_IN/LEADS) or PARTNERS_WITH."""
    members: dict[str, set[str]] = {}
    pairs: set[frozenset] = set()
    for r in relations:
        src, tgt = entities.get(r["source"]), entities.get(r["target"])
        if src is None or tgt is None:
            continue
        if r["type"] in (RelType.PARTICIPATES_IN, RelType.LEADS) and src["type"] in ORG_LIKE:
            members.setdefault(r["target"], set()).add(ids(r["source"]))
        elif r["type"] == RelType.PARTNERS_WITH and src["type"] in ORG_LIKE and tgt["type"] in ORG_LIKE:
            a, b = ids(r["source"]), ids(r["target"])
            if a != b:
                pairs.add(frozenset((a, b)))
    for group in members.values():
        items = sorted(group)
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                pairs.add(frozenset((a, b)))
    return pairs


def _counts(gold_set: set, pred_set: set) -> Counts:
    tp = len(gold_set & pred_set)
    return Counts(tp, len(pred_set) - tp, len(gold_set) - tp)


def score_document(gold: dict, pred: dict, name: str = "") -> DocScore:
    """Score one prediction (gold format dict) against one gold annotation."""
    g_ents = {e["id"]: e for e in gold.get("entities", [])}
    p_ents = {e["id"]: e for e in pred.get("entities", [])}
    mapping, duplicates = match_entities(list(g_ents.values()), list(p_ents.values()))
    score = DocScore(name or gold.get("document", {}).get("file", ""))
    score.duplicates = len(duplicates)
    score.matched = len(mapping)
    score.type_agree = sum(1 for p, g in mapping.items() if p_ents[p]["type"] == g_ents[g]["type"])
    matched_gold = set(mapping.values())
    for etype in ENTITY_TYPES:
        tp = sum(1 for p, g in mapping.items() if p_ents[p]["type"] == etype == g_ents[g]["type"])
        n_pred = sum(1 for e in p_ents.values() if e["type"] == etype)
        n_gold = sum(1 for e in g_ents.values() if e["type"] == etype)
        score.entities[etype] = Counts(tp, n_pred - tp, n_gold - tp)
    tp = sum(1 for p, g in mapping.items()
             if p_ents[p]["type"] in ORG_LIKE and g_ents[g]["type"] in ORG_LIKE)
    n_pred = sum(1 for e in p_ents.values() if e["type"] in ORG_LIKE)
    n_gold = sum(1 for e in g_ents.values() if e["type"] in ORG_LIKE)
    score.entities["org_or_university"] = Counts(tp, n_pred - tp, n_gold - tp)
    score.entities["all_entities"] = Counts(len(mapping), len(p_ents) - len(mapping),
                                            len(g_ents) - len(matched_gold))

    def to_gold(pid: str) -> str:
        return mapping.get(pid, f"pred:{pid}")

    g_rels = gold.get("relations", [])
    p_rels = pred.get("relations", [])
    for rtype in REL_TYPES:
        gset = {(r["source"], r["target"]) for r in g_rels if r["type"] == rtype}
        pset = {(to_gold(r["source"]), to_gold(r["target"])) for r in p_rels if r["type"] == rtype}
        score.relations[rtype] = _counts(gset, pset)
        score.errors[f"{rtype}:missed"] = sorted(
            f"{g_ents[s]['name']} -> {g_ents[t]['name']}" for s, t in gset - pset)
        score.errors[f"{rtype}:spurious"] = sorted(
            f"{_label(s, g_ents, p_ents)} -> {_label(t, g_ents, p_ents)}" for s, t in pset - gset)
    gpairs = _co_partner_pairs(g_ents, g_rels, lambda i: i)
    ppairs = _co_partner_pairs(p_ents, p_rels, to_gold)
    score.co_partners = _counts(gpairs, ppairs)
    score.errors["co_partners:missed"] = sorted(
        " + ".join(sorted(g_ents[i]["name"] for i in pair)) for pair in gpairs - ppairs)
    score.errors["co_partners:spurious"] = sorted(
        " + ".join(sorted(_label(i, g_ents, p_ents) for i in pair)) for pair in ppairs - gpairs)
    score.errors["entities:missed"] = sorted(
        f"{e['type']}: {e['name']}" for e in g_ents.values() if e["id"] not in matched_gold)
    score.errors["entities:spurious"] = sorted(
        f"{e['type']}: {e['name']}" + (" (duplicate)" if e["id"] in duplicates else "")
        for e in p_ents.values() if e["id"] not in mapping)
    score.errors["entities:mistyped"] = sorted(
        f"{p_ents[p]['name']}: {p_ents[p]['type']} (gold {g_ents[g]['type']})"
        for p, g in mapping.items() if p_ents[p]["type"] != g_ents[g]["type"])
    return score


def _label(i: str, g_ents: dict, p_ents: dict) -> str:
    if i.startswith("pred:"):
        return f"[{p_ents[i[5:]]['name']}]"
    return g_ents[i]["name"]


def micro(scores: Iterable[DocScore]) -> DocScore:
    total = DocScore("micro")
    for s in scores:
        total.add(s)
    return total


# --------------------------------------------------------------------------- report


def format_table(score: DocScore) -> list[str]:
    """A readable block for one document or the micro average."""
    lines = [f"== {score.name}", f"{'':22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def row(label: str, c: Counts) -> str:
        return (f"{label:22}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}"
                f"{c.tp:6d}{c.fp:6d}{c.fn:6d}")

    for key in (*ENTITY_TYPES, "org_or_university", "all_entities"):
        if key in score.entities:
            lines.append(row(key, score.entities[key]))
    for key in REL_TYPES:
        if key in score.relations:
            lines.append(row(key, score.relations[key]))
    lines.append(row("co_partner_pairs", score.co_partners))
    lines.append(f"{'duplicates':22}{score.duplicates:7d}")
    lines.append(f"{'type_accuracy':22}{score.type_accuracy:7.3f}  ({score.type_agree}/{score.matched} matched)")
    return lines


def relation_confusion(gold: dict, pred: dict) -> dict[tuple[str, str], int]:
    """(gold type, predicted type) counts over entity pairs; ``none`` where a side has no relation.

    Pairs are mapped through the entity matching, PARTNERS_WITH taken unordered, so a
    participation read as a lead shows as ``PARTICIPATES_IN -> LEADS``.
    """
    g_ents = {e["id"]: e for e in gold.get("entities", [])}
    p_ents = {e["id"]: e for e in pred.get("entities", [])}
    mapping, _ = match_entities(list(g_ents.values()), list(p_ents.values()))

    def pairs(rels: list[dict], ids) -> dict[tuple, set[str]]:
        out: dict[tuple, set[str]] = {}
        for r in rels:
            a, b = ids(r["source"]), ids(r["target"])
            k = tuple(sorted((a, b))) if r["type"] == RelType.PARTNERS_WITH else (a, b)
            out.setdefault(k, set()).add(r["type"])
        return out

    g = pairs(gold.get("relations", []), lambda i: i)
    p = pairs(pred.get("relations", []), lambda i: mapping.get(i, f"pred:{i}"))
    counts: dict[tuple[str, str], int] = {}
    for k in g.keys() | p.keys():
        gt, pt = g.get(k, set()), p.get(k, set())
        for t in gt & pt:
            counts[(t, t)] = counts.get((t, t), 0) + 1
        for t in gt - pt:
            other = sorted(pt - gt) or ["none"]
            counts[(t, other[0])] = counts.get((t, other[0]), 0) + 1
        for t in pt - gt:
            if not gt - pt:
                counts[("none", t)] = counts.get(("none", t), 0) + 1
    return counts


#: plain strings, as the gold and the JSON report spell them (an f-string of a str enum
#: member reads "RelType.LEADS" on Python 3.11, which matched no key and left the table empty)
_CONF_TYPES = (*(t.value for t in (RelType.PARTICIPATES_IN, RelType.LEADS, RelType.FUNDS, RelType.AFFILIATED_WITH,
                                   RelType.PARTNERS_WITH)), "none")


def format_confusion(confusion: dict[str, int]) -> list[str]:
    """Rows: gold relation type; columns: predicted type (from ``relation_confusion`` summed)."""
    short = dict(zip(_CONF_TYPES, ("PART", "LEAD", "FUND", "AFFL", "PTNR", "none"), strict=True))
    lines = ["relation confusion (rows gold, columns predicted)",
             f"{'':18}" + "".join(f"{short[t]:>7}" for t in _CONF_TYPES)]
    for g in _CONF_TYPES:
        cells = [confusion.get(f"{g}->{p}", 0) for p in _CONF_TYPES]
        if any(cells):
            lines.append(f"{g:18}" + "".join(f"{c:7d}" for c in cells))
    return lines


def gate_figures(total: DocScore) -> dict[str, float]:
    """The micro F1 figures a quality gate holds: entity families, relation types, pairs."""
    out = {k: round(total.entities[k].f1, 4)
           for k in (EntityType.ORGANIZATION, EntityType.UNIVERSITY, EntityType.PERSON, EntityType.PROJECT, "org_or_university", "all_entities")
           if k in total.entities}
    out.update({k: round(c.f1, 4) for k, c in total.relations.items()})
    out["co_partner_pairs"] = round(total.co_partners.f1, 4)
    return out
