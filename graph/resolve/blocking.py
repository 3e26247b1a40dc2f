"""Blocking: only names sharing a key are ever compared.

Keys per name (see :func:`keys`):

* ``K:`` the exact order-free key (all variants of one spelling);
* ``T:`` the rarest content tokens (a typo in one word leaves the others);
* ``A:`` acronym keys: a one-word name's letters, a multi-word name's initials,
  and the tail of a word-plus-initial acronym (ULaval → laval);
* ``P:``/``S:`` the first and last four letters of a one-word content, for typos
  in single-word names.

Inside a block, :func:`candidate_pairs` uses ``rapidfuzz.process.cdist`` on the
folded keys with a ``score_cutoff`` so only plausible pairs reach the scorer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from graph.resolve.features import DEPARTMENT, NameInfo, info
from graph.resolve.normalize import (
    STOPWORDS,
    core_tokens,
    field_head,
    fold,
    initials,
    key_of,
    looks_like_acronym,
    purpose_head,
)

#: blocks bigger than this are compared only through cheaper keys
MAX_BLOCK = 600
#: blocks up to this size are compared pair by pair, bigger ones with cdist
SMALL_BLOCK = 40
#: a shared token held by more records than this is too common to compare them all
MAX_TOKEN_BLOCK = 100
#: acronym blocks with more pairs than this are skipped (too ambiguous to help)
MAX_ACRONYM_PAIRS = 20_000
#: how many of a name's rarest tokens become keys
RARE_TOKENS = 2
#: cdist cut-off (0-100) for a pair to reach the scorer
CDIST_CUTOFF = 85
#: token_set_ratio at or above this: one name's tokens (nearly) inside the other's
SUBSET_CUTOFF = 95


def keys(name: NameInfo, df: Mapping[str, int] | None = None) -> set[str]:
    """The name's block keys; ``df`` (token counts over the records being blocked) picks
    its rarest tokens, without it they are the first in alphabetical order."""
    fixed, content = _fixed_keys(name.raw, name.person)
    out = set(fixed)
    if content:
        ranked = sorted(content, key=lambda t: (df[t] if df else 0, t))
        out.update("T:" + t for t in ranked[:RARE_TOKENS])
        # one-letter deletions of the rarest word: a misspelt word shares one with the right one
        rare = ranked[0]
        if len(rare) >= 5:
            out.update("D:" + rare[:i] + rare[i + 1:] for i in range(1, len(rare)))
    return out


@lru_cache(maxsize=300_000)
def _fixed_keys(raw: str, person: bool) -> tuple[frozenset[str], tuple[str, ...]]:
    """The keys that do not depend on token counts, and the distinct content tokens the
    others are chosen from. Computed once per name: a resolver blocks the same stored
    names for every document, and :func:`info` is a pure function of ``(raw, person)``."""
    name = info(raw, person)
    out: set[str] = set()
    if name.key:
        out.add("K:" + name.key)
    if not name.person:
        # "Institut X pour ..." and "Institut X de recherches médicales" meet "Institut X"
        for head in (purpose_head(name.raw), field_head(name.raw)):
            if head:
                out.add("K:" + key_of(core_tokens(head)))
    if len(name.compact) >= 5:
        out.add("K:=" + name.compact)
    if name.bare_quals and name.core != name.tset:
        out.add("K:~" + key_of(tuple(name.core)))  # "Acme Affairs Canada" ...
    if name.concepts & DEPARTMENT:
        # ... meets "Department of Acme Affairs" (see features.department_title)
        out.add("K:~" + key_of(tuple(name.core - DEPARTMENT)))
    content = [t for t in name.tokens if not t.startswith("#")]
    if len(content) == 1 and len(content[0]) >= 5:
        out.add("P:" + content[0][:4])
        out.add("S:" + content[0][-4:])
    distinct = tuple(sorted(set(content)))
    if name.person:
        return frozenset(out), distinct
    words = name.words
    if 2 <= len(words) <= 8:
        # "CHU X" ~ "Centre hospitalier universitaire X": the words left once an
        # acronym (``I<``), or a run of two to four words (``I>``), is taken out
        raw_words = [w for w in name.raw.replace("-", " ").split() if w]
        if any(looks_like_acronym(w) for w in raw_words):
            for j, w in enumerate(words):
                if 2 <= len(w) <= 5:
                    out.add("I<" + " ".join(words[:j] + words[j + 1:]))
        for run in (2, 3, 4):
            for j in range(len(words) - run + 1):
                rest = words[:j] + words[j + run:]
                if rest:
                    out.add("I>" + " ".join(rest))
    if name.single:
        letters = name.words[0] if name.words else fold(name.raw).replace(" ", "")  # "ACME inc." spells acme
        out.add("A:" + letters)
        if name.acronym_like:
            for cut in (1, 2):
                if len(letters) - cut >= 4:
                    out.add("T:" + letters[cut:])
    else:
        out.update("A:" + i for i in initials(name.raw))
        words = [w for w in name.folded.split() if w not in STOPWORDS]
        if words:  # word-plus-initial acronyms start with an initial then a whole word
            out.update("A:" + w[0] + x for w in words[:1] for x in words[1:2])
    return frozenset(out), distinct


@lru_cache(maxsize=300_000)
def index_keys(raw: str, person: bool = False) -> frozenset[str]:
    """Every key :func:`keys` can give the name, whatever the token counts: the fixed
    keys, and the token and deletion keys of each of its content tokens. An index of
    stored names under these keys finds, from a new name's own index keys, every
    stored name it can share a block with once the records are counted."""
    fixed, content = _fixed_keys(raw, person)
    out = set(fixed)
    for t in content:
        out.add("T:" + t)
        if len(t) >= 5:
            out.update("D:" + t[:i] + t[i + 1:] for i in range(1, len(t)))
    return frozenset(out)


def token_df(names: Iterable[NameInfo]) -> Counter[str]:
    df: Counter[str] = Counter()
    for n in names:
        df.update({t for t in n.tokens if not t.startswith("#")})
    return df


def blocks(named: Sequence[Sequence[NameInfo]], df: Mapping[str, int] | None = None,
           wanted: set[str] | None = None) -> dict[str, list[int]]:
    """Block key -> indices of the records (each a list of names) carrying it; ``df``
    (token counts) defaults to the counts over these records; with ``wanted``, only
    those blocks."""
    df = token_df(n for names in named for n in names) if df is None else df
    out: dict[str, list[int]] = defaultdict(list)
    for i, names in enumerate(named):
        ks: set[str] = set()
        for n in names:
            ks |= keys(n, df)
        for k in ks if wanted is None else ks & wanted:
            out[k].append(i)
    return out


def pairing(key: str) -> str:
    """The block whose members a name-less-acronym (``I<``) or name-less-words (``I>``)
    key pairs with: the other of the two."""
    return ("I>" if key.startswith("I<") else "I<") + key[2:]


def candidate_pairs(named: Sequence[Sequence[NameInfo]], split: int | None = None,
                    crowded: Callable[[str], bool] | None = None,
                    df: Mapping[str, int] | None = None) -> set[tuple[int, int]]:
    """Pairs of record indices (i < j) worth scoring.

    With ``split``, only pairs across it (``i < split <= j``) are computed: the
    resolver's stored candidates against one document's entities, which never pairs
    two stored entities. Blocks, their size limits and the per-pair filters are the
    ones of the full computation, so the pairs are exactly its pairs across ``split``.

    ``crowded(key)`` says that a key's block is, among all the records the caller
    knows (not just the ones passed), too big to compare: it is skipped, as the size
    limits skip it when every record is passed; ``df``, the token counts among them
    (which pick each name's rarest tokens), replaces the counts over ``named``.
    """
    pairs: set[tuple[int, int]] = set()
    strings = [" ".join(sorted(names[0].tset)) for names in named]
    initial = [any(len(t) == 1 for t in names[0].tokens) for names in named]  # "Y. Bengio"
    wanted = None
    if split is not None:
        # only the blocks a record past the split is in can pair across it: the others
        # (most of a stored candidate's keys) are not built
        df = token_df(n for names in named for n in names) if df is None else df
        wanted = {k for names in named[split:] for n in names for k in keys(n, df)}
        wanted |= {pairing(k) for k in wanted if k.startswith(("I<", "I>"))}
    blocks_ = blocks(named, df, wanted)

    def across(xs: Sequence[int], ys: Sequence[int]) -> list[tuple[int, int]]:
        """The (x, y) positions to compare: all pairs x < y, or only those across ``split``."""
        if split is None:
            return [(x, y) for x in range(len(xs)) for y in range(x + 1, len(ys))]
        return [(x, y) for x in range(len(xs)) if xs[x] < split
                for y in range(len(ys)) if ys[y] >= split]

    def add(i: int, j: int) -> None:
        if i != j and (split is None or (i < split) != (j < split)):
            pairs.add((i, j) if i < j else (j, i))

    for k, members in blocks_.items():
        if len(members) < 2 and not k.startswith("I<"):
            continue
        if split is not None and k[:2] not in ("I<", "I>") and \
                (members[0] >= split or members[-1] < split):
            continue  # indices are in increasing order: a block on one side pairs nothing across
        if crowded is not None and crowded(k):
            continue
        if k.startswith("K:"):
            if len(members) > MAX_BLOCK:
                continue
            # exact keys: every pair is a candidate
            for x, y in across(members, members):
                add(members[x], members[y])
            continue
        if k.startswith("I<"):
            longs = blocks_.get("I>" + k[2:], ())
            if len(members) * len(longs) <= MAX_ACRONYM_PAIRS:
                for i in members:
                    for j in longs:
                        add(i, j)
            continue
        if k.startswith("I>"):
            continue
        if k.startswith("A:"):
            # acronyms: each one-word record against the multi-word ones
            singles = [i for i in members if any(n.single for n in named[i])]
            multis = [i for i in members if any(not n.single for n in named[i])]
            if len(singles) * len(multis) > MAX_ACRONYM_PAIRS:
                continue
            for i in singles:
                for j in multis:
                    add(i, j)
            continue
        if len(members) > (MAX_BLOCK if k.startswith(("D:", "P:", "S:")) else MAX_TOKEN_BLOCK):
            continue
        choices = [strings[i] for i in members]
        token = k.startswith("T:")
        scorer = fuzz.token_set_ratio if token else fuzz.ratio
        if len(members) <= SMALL_BLOCK:
            # a few records: direct calls beat starting cdist's thread pool
            candidates = [(x, y, scorer(choices[x], choices[y], score_cutoff=CDIST_CUTOFF))
                          for x, y in across(members, members)]
        else:
            if split is None:
                rows_, cols_ = list(range(len(members))), list(range(len(members)))
            else:
                rows_ = [x for x, i in enumerate(members) if i < split]
                cols_ = [y for y, j in enumerate(members) if j >= split]
            matrix = process.cdist([choices[x] for x in rows_], [choices[y] for y in cols_], scorer=scorer,
                                   score_cutoff=CDIST_CUTOFF, dtype=np.uint8, workers=-1)
            if split is None:
                matrix = np.triu(matrix, 1)
            xs, ys = np.nonzero(matrix)
            candidates = [(rows_[a], cols_[b], int(matrix[a, b])) for a, b in zip(xs.tolist(), ys.tolist(), strict=True)]
        for x, y, value in candidates:
            if not value:
                continue
            # a shared rare token: keep subsets (token_set_ratio near 100) and
            # near-identical strings (typos); everything else cannot reach the threshold
            if token and value < SUBSET_CUTOFF and not (initial[members[x]] or initial[members[y]]) \
                    and fuzz.ratio(choices[x], choices[y], score_cutoff=CDIST_CUTOFF) == 0:
                continue
            add(members[x], members[y])
    return pairs
