"""Features for the learned stages: relation candidates (pairs of entities) and entities.

Pure functions of one :class:`grappe.model.Extraction` (the rule layers' entities and
relations) and its text. A feature is a name with a value; a linear model weighs them.
The words that carry meaning across documents (funding, leading, partnering, roles...)
are per-language trigger categories in ``nlp/patterns/<lang>/triggers.jsonl``; the words
themselves are features too, folded and cut to a short stem so that inflections meet.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from grappe.model import ORG_LIKE, EntityType, ExtractedEntity, Extraction, RelType
from grappe.text import fold
from nlp.lexicon import PATTERNS_DIR
from nlp.textutil import blocks, sentences

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: how many words between two mentions are kept as features, from each end
_EDGE_WORDS = 5
#: characters before a mention read for the words that introduce it
_LEFT = 60
#: a story with more projects than this does not relate every organization to every project
_DOC_LEVEL_PROJECTS = 3


@cache
def triggers(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    path = PATTERNS_DIR / (lang if (PATTERNS_DIR / lang / "triggers.jsonl").exists() else "en") / "triggers.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple((r["label"], re.compile(rf"(?<!\w)(?:{r['pattern']})(?!\w)", re.I)) for r in rows)


@cache
def _conjunction(lang: str) -> re.Pattern:
    return next(rx for label, rx in triggers(lang) if label == "conjunction")


@lru_cache(maxsize=8192)  # the same sentence is read for each of its names, by three models
def cues(text: str, lang: str) -> frozenset[str]:
    return frozenset(label for label, rx in triggers(lang) if rx.search(text))


def words(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def stem(word: str) -> str:
    return word[:5]


def name_key(name: str) -> str:
    """Folded words of a name, a leading article dropped: how one document names one entity."""
    ws = words(name)
    if ws and ws[0] in ("the", "le", "la", "les", "l"):
        ws = ws[1:]
    return " ".join(ws)


@dataclass(frozen=True)
class Family:
    """A kind of candidate pair and the relation types a model decides for it."""

    name: str
    source: tuple[EntityType, ...]
    target: tuple[EntityType, ...]
    types: tuple[RelType, ...]
    symmetric: bool = False


FAMILIES = (
    Family("org-project", ORG_LIKE, (EntityType.PROJECT,), (RelType.PARTICIPATES_IN, RelType.LEADS, RelType.FUNDS)),
    Family("person-project", (EntityType.PERSON,), (EntityType.PROJECT,), (RelType.PARTICIPATES_IN,)),
    Family("person-org", (EntityType.PERSON,), ORG_LIKE, (RelType.AFFILIATED_WITH,)),
    Family("org-org", ORG_LIKE, ORG_LIKE, (RelType.PARTNERS_WITH,), symmetric=True),
)


@dataclass
class Pair:
    """One candidate: a source and a target entity, where the text brings them together."""

    family: Family
    source: ExtractedEntity
    target: ExtractedEntity
    span: tuple[int, int]  # the sentence that best states it (evidence)
    features: dict[str, float] = field(default_factory=dict)
    rule_types: set[str] = field(default_factory=set)
    rule_role: str | None = None


@dataclass
class _Doc:
    """What every pair of one document shares, computed once."""

    text: str
    lang: str
    sents: list[tuple[int, int]]
    starts: list[int]
    block_of_sent: list[int]
    sent_cues: list[set[str]]
    mention_sents: dict[str, list[int]]
    counts: Counter
    subject: str | None
    main_project: str | None
    n_projects: int
    title_end: int
    #: every trigger match in the text, once: (start, end, label), by start
    hits: list[tuple[int, int, str]] = field(default_factory=list)
    #: the sentence introducing each list (the one before its first item), by list group
    list_intro: dict[str, int] = field(default_factory=dict)

    def cues_in(self, lo: int, hi: int) -> set[str]:
        """The trigger categories matched inside text[lo:hi] (read off the document's one scan)."""
        i = bisect.bisect_left(self.hits, (lo, -1, ""))
        out = set()
        while i < len(self.hits) and self.hits[i][0] < hi:
            if self.hits[i][1] <= hi:
                out.add(self.hits[i][2])
            i += 1
        return out


def _context(ex: Extraction) -> _Doc:
    text, lang = ex.document.text, ex.document.language
    sents = sentences(text) or [(0, len(text))]
    starts = [s for s, _ in sents]
    block_starts = [b.start for b in blocks(text)] or [0]
    block_of_sent = [bisect.bisect_right(block_starts, s) - 1 for s, _ in sents]
    mention_sents: dict[str, list[int]] = {}
    counts: Counter = Counter()
    for e in ex.entities:
        idx = sorted({max(0, bisect.bisect_right(starts, m.start) - 1) for m in e.mentions})
        mention_sents[e.key] = idx
        counts[e.key] = len(e.mentions)
    orgs = [e for e in ex.entities if e.type in ORG_LIKE]
    projects = [e for e in ex.entities if e.type is EntityType.PROJECT]
    subject = max(orgs, key=lambda e: (counts[e.key], -_first(e)), default=None)
    main = max(projects, key=lambda e: (counts[e.key], -_first(e)), default=None)
    first_line = text.lstrip().split("\n", 1)[0]
    hits = sorted((m.start(), m.end(), label) for label, rx in triggers(lang) for m in rx.finditer(text))
    doc = _Doc(text, lang, sents, starts, block_of_sent, [], mention_sents, counts,
               subject.key if subject else None, main.key if main else None, len(projects),
               len(text) - len(text.lstrip()) + len(first_line), hits)
    doc.sent_cues = [doc.cues_in(s, e) for s, e in sents]
    first_item: dict[str, int] = {}
    for e in ex.entities:
        for g in e.groups:
            first_item[g] = min([first_item.get(g, len(text)), *(m.start for m in e.mentions)])
    for g, at in first_item.items():
        i = max(0, bisect.bisect_right(starts, at) - 1)
        # the intro ends with a colon in the item's own sentence, or is the sentence before it
        doc.list_intro[g] = i if ":" in text[starts[i]:at] else max(0, i - 1)
    return doc


def _introduces(b: ExtractedEntity, a: ExtractedEntity, doc: _Doc) -> bool:
    """Whether ``b`` is named in the sentence that introduces a list ``a`` is an item of
    ("The Harbour Alliance brings together:" followed by its members)."""
    intros = {doc.list_intro[g] for g in a.groups if g in doc.list_intro}
    return bool(intros & set(doc.mention_sents[b.key]))


def _first(e: ExtractedEntity) -> int:
    return min((m.start for m in e.mentions), default=0)


def _bucket(name: str, value: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"{name}<={edge:g}"
    return f"{name}>{edges[-1]:g}"


def _closest(a: ExtractedEntity, b: ExtractedEntity, sent: int, doc: _Doc) -> tuple[int, int, int, int] | None:
    """The nearest two mentions of a and b inside sentence ``sent``: (a_start, a_end, b_start, b_end)."""
    s, e = doc.sents[sent]
    best = None
    for ma in a.mentions:
        if not s <= ma.start < e:
            continue
        for mb in b.mentions:
            if not s <= mb.start < e or (ma.start < mb.end and mb.start < ma.end):
                continue
            gap = mb.start - ma.end if ma.start < mb.start else ma.start - mb.end
            if best is None or gap < best[0]:
                best = (gap, ma.start, ma.end, mb.start, mb.end)
    return best[1:] if best else None


def _pair_features(pair: Pair, doc: _Doc, entities_at: list[tuple[int, int, str]]) -> dict[str, float]:
    a, b = pair.source, pair.target
    f: dict[str, float] = {"bias": 1.0, f"lang={doc.lang}": 1.0,
                           f"a={a.subtype or a.type.value}": 1.0, f"b={b.subtype or b.type.value}": 1.0}
    for t in pair.rule_types:
        f[f"rule={t}"] = 1.0
    if pair.rule_types:
        f["rule_any"] = 1.0
    sa, sb = set(doc.mention_sents[a.key]), set(doc.mention_sents[b.key])
    shared = sorted(sa & sb)
    blocks_a = {doc.block_of_sent[i] for i in sa}
    blocks_b = {doc.block_of_sent[i] for i in sb}
    f["same_sentence"] = 1.0 if shared else 0.0
    f["n_shared_sentences"] = math.log1p(len(shared))
    f["same_block"] = 1.0 if blocks_a & blocks_b else 0.0
    if sa and sb:
        dist = min(abs(x - y) for x in sa for y in sb)
        f[_bucket("sent_dist", dist, (0, 1, 3, 8))] = 1.0
    f[_bucket("a_mentions", doc.counts[a.key], (1, 2, 4))] = 1.0
    f[_bucket("b_mentions", doc.counts[b.key], (1, 2, 4))] = 1.0
    f[_bucket("n_projects", doc.n_projects, (0, 1, 2, 4))] = 1.0
    if doc.subject == a.key:
        f["a_subject"] = 1.0
    if doc.subject == b.key:
        f["b_subject"] = 1.0
    if doc.main_project == b.key:
        f["b_main_project"] = 1.0
    if a.groups and a.groups & b.groups:
        f["same_list"] = 1.0
    if _introduces(b, a, doc):
        f["b_introduces_a_list"] = 1.0
    if _introduces(a, b, doc):
        f["a_introduces_b_list"] = 1.0
    # what the sentence introducing a's list says ("The partners of the initiative are:")
    for g in a.groups:
        if g in doc.list_intro:
            for c in doc.sent_cues[doc.list_intro[g]]:
                f[f"a_list_intro_cue:{c}"] = 1.0
    if any(m.start < doc.title_end for m in a.mentions):
        f["a_in_title"] = 1.0
    if any(m.start < doc.title_end for m in b.mentions):
        f["b_in_title"] = 1.0
    # the sentence that states it: the nearest co-mention, words between and around
    best = None
    for i in shared:
        c = _closest(a, b, i, doc)
        if c and (best is None or abs(c[2] - c[1]) < abs(best[1][2] - best[1][1])):
            best = (i, c)
    if best is not None:
        i, (a0, a1, b0, b1) = best
        s, e = doc.sents[i]
        pair.span = (s, e)
        lo, hi = (a1, b0) if a0 < b0 else (b1, a0)
        between = doc.text[lo:hi]
        f["a_first"] = 1.0 if a0 < b0 else 0.0
        f[_bucket("gap_chars", max(0, hi - lo), (3, 20, 60, 150))] = 1.0
        first = bisect.bisect_left(entities_at, (lo, -1, ""))
        n_between = 0
        while first < len(entities_at) and entities_at[first][0] < hi:
            n_between += entities_at[first][1] <= hi
            first += 1
        f[_bucket("entities_between", n_between, (0, 1, 3))] = 1.0
        ws = words(between)
        if len(ws) <= 3 and not words(_conjunction(doc.lang).sub(" ", between)):
            f["list_neighbours"] = 1.0  # only punctuation or a conjunction between: two items of a list
        for w in ws[:_EDGE_WORDS] + ws[-_EDGE_WORDS:]:
            f[f"btw:{w}"] = 1.0
            f[f"btw_stem:{stem(w)}"] = 1.0
        # two-word phrases carry what single words do not ("led by", "take part", "en partenariat")
        stems = [stem(w) for w in ws]
        for x, y in {*zip(stems[:_EDGE_WORDS], stems[1:_EDGE_WORDS + 1], strict=False), *zip(stems[-_EDGE_WORDS - 1:], stems[-_EDGE_WORDS:], strict=False)}:
            f[f"btw2:{x}_{y}"] = 1.0
        # what follows the first mention ("Acme, the lead partner, ...")
        first_end = a1 if a0 < b0 else b1
        for w in words(doc.text[first_end:min(e, first_end + _LEFT)])[:2]:
            f[f"first_right:{stem(w)}"] = 1.0
        for c in doc.cues_in(lo, hi):
            f[f"btw_cue:{c}"] = 1.0
        for who, start in (("a", a0), ("b", b0)):
            left = doc.text[max(s, start - _LEFT):start]
            for w in words(left)[-3:]:
                f[f"{who}_left:{stem(w)}"] = 1.0
            for c in doc.cues_in(max(s, start - _LEFT), start):
                f[f"{who}_left_cue:{c}"] = 1.0
        for c in doc.sent_cues[i]:
            f[f"sent_cue:{c}"] = 1.0
    else:
        # no shared sentence: what the source's sentences say, and whether they refer to a project
        i = doc.mention_sents[b.key][0] if doc.mention_sents[b.key] else 0
        pair.span = doc.sents[i]
        a_cues = set().union(*(doc.sent_cues[j] for j in sa)) if sa else set()
        n_proj = _bucket("n_projects", doc.n_projects, (1, 2))
        for c in a_cues:
            f[f"a_sent_cue:{c}"] = 1.0
            f[f"a_sent_cue:{c}&{n_proj}"] = 1.0
            if doc.main_project == b.key:
                f[f"a_sent_cue:{c}&b_main"] = 1.0
        if sb and sa and min(sb) < min(sa):
            f["b_named_before_a"] = 1.0
    # conjunctions a linear model cannot make itself: the kind of source with where the text puts it
    kind = f"a={a.subtype or a.type.value}"
    f[f"{kind}&same_sentence={int(bool(shared))}"] = 1.0
    for t in pair.rule_types:
        f[f"rule={t}&same_sentence={int(bool(shared))}"] = 1.0
    return f


#: an organization this likely to be a project (by the type model) is also a project candidate
PROJECT_CANDIDATE = 0.25


def candidate_pairs(ex: Extraction, project_prob: dict[str, float] | None = None) -> list[Pair]:
    """Every pair of entities the text brings together, with its features.

    Same sentence or same block (a list, a paragraph), any pair the rules related, and at
    document level an organization and the project of a story about few projects. An
    organization the type model finds project-like (``project_prob``) is a project target
    too: what the text says about it (who takes part, who funds it) decides.
    """
    project_prob = project_prob or {}
    doc = _context(ex)
    rule_types: dict[tuple[str, str], set[str]] = {}
    roles: dict[tuple[str, str], str] = {}
    for r in ex.relations:
        for k in ((r.source, r.target), (r.target, r.source)):
            rule_types.setdefault(k, set()).add(r.type.value)
        if r.role:
            roles.setdefault((r.source, r.target), r.role)
    entities_at = sorted((m.start, m.end, e.key) for e in ex.entities for m in e.mentions)
    intro_sents = set(doc.list_intro.values())
    introducers = {e.key for e in ex.entities if intro_sents & set(doc.mention_sents[e.key])}
    pairs: list[Pair] = []
    for fam in FAMILIES:
        sources = [e for e in ex.entities if e.type in fam.source]
        targets = [e for e in ex.entities if e.type in fam.target or (
            EntityType.PROJECT in fam.target and e.type is EntityType.ORGANIZATION
            and (project_prob.get(e.key, 0.0) >= PROJECT_CANDIDATE or e.key in introducers))]
        for a in sources:
            sa = set(doc.mention_sents[a.key])
            ba = {doc.block_of_sent[i] for i in sa}
            for b in targets:
                if a is b or (fam.symmetric and b.key <= a.key):
                    continue
                sb = set(doc.mention_sents[b.key])
                near = bool(sa & sb) or bool(ba & {doc.block_of_sent[i] for i in sb})
                ruled = (a.key, b.key) in rule_types
                story = fam.name == "org-project" and doc.n_projects <= _DOC_LEVEL_PROJECTS
                if not (near or ruled or story):
                    continue
                pair = Pair(fam, a, b, (0, 0), rule_types=rule_types.get((a.key, b.key), set()),
                            rule_role=roles.get((a.key, b.key)))
                pair.features = _pair_features(pair, doc, entities_at)
                if EntityType.PROJECT in fam.target:
                    pair.features[_bucket("b_project_prob", project_prob.get(b.key, 0.0), (0.25, 0.5, 0.75))] = 1.0
                    pair.features[f"b_typed={b.type.value}"] = 1.0
                pairs.append(pair)
    return pairs


# --------------------------------------------------------------------------- entities


def entity_features(ex: Extraction, e: ExtractedEntity, with_source: bool = True) -> dict[str, float]:
    """Features of one entity: its name's words and the words around it (and, ``with_source``,
    which layer found it: the keep model needs it; the type model learns from names and
    contexts alone, so that it also learns from the gold entities)."""
    text, lang = ex.document.text, ex.document.language
    name_words = words(e.name)
    f: dict[str, float] = {"bias": 1.0, f"lang={lang}": 1.0}
    if with_source:  # what found it: the rule layers (and the type they gave) or the NER
        f[f"rule_type={e.type.value}"] = 1.0
        f[f"rule_sub={e.subtype}"] = 1.0
        if e.key.startswith("n"):  # added by the updated NER (see model.add_ner_entities)
            f["from_ner"] = 1.0
    for w in name_words:
        f[f"w:{w}"] = 1.0
        f[f"ws:{stem(w)}"] = 1.0
    for c in cues(e.name, lang):
        f[f"name_cue:{c}"] = 1.0
    if name_words:
        f[f"first:{name_words[0]}"] = 1.0
        f[f"last:{name_words[-1]}"] = 1.0
    f[_bucket("n_words", len(name_words), (1, 2, 4))] = 1.0
    if e.name.isupper() and len(e.name) <= 8:
        f["acronym"] = 1.0
    if any(a.isupper() and len(a) <= 8 for a in e.aliases):
        f["has_acronym"] = 1.0
    f[_bucket("mentions", len(e.mentions), (1, 2, 4))] = 1.0
    if e.groups:
        f["in_list"] = 1.0
    for m in e.mentions[:6]:
        left = words(text[max(0, m.start - _LEFT):m.start])[-3:]
        right = words(text[m.end:m.end + _LEFT])[:3]
        for w in left:
            f[f"left:{stem(w)}"] = 1.0
        for w in right:
            f[f"right:{stem(w)}"] = 1.0
        for c in cues(" ".join(left), lang):
            f[f"left_cue:{c}"] = 1.0
        for c in cues(" ".join(right[:1]), lang):
            f[f"right_cue:{c}"] = 1.0
        line_start = text.rfind("\n", 0, m.start) + 1
        if text[line_start:m.start].strip() == "":
            f["line_start"] = 1.0
        # "The Delta Network launches with these members:" heads the list of its members
        if _heads_list(text, m.end):
            f["heads_list"] = 1.0
        # what the whole sentence does: a network that is launched or funded is a project,
        # one that employs or signs is an organization (three words either side miss the verb)
        s0, s1 = _sentence_span(text, m.start, m.end)
        for c in cues(text[s0:s1], lang):
            f[f"sent_cue:{c}"] = 1.0
    return f


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around a mention, by punctuation: enough for cue words."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
    after = _SENTENCE_END.search(text, end, end + 400)
    return (before[-1] if before else max(0, start - 400)), (after.start() if after else min(len(text), end + 400))


def _heads_list(text: str, end: int) -> bool:
    """The mention's line ends with a colon and items follow: it introduces a list."""
    eol = text.find("\n", end)
    if eol < 0 or not text[end:eol].rstrip().endswith(":"):
        return False
    following = [ln for ln in text[eol + 1:eol + 400].splitlines() if ln.strip()][:2]
    return bool(following) and all(len(ln.strip()) <= 120 for ln in following)
