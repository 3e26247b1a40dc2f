"""Clustering that does not chain.

Edges (pairs scoring at least the auto threshold) are processed best first. Two
clusters merge only if no pair across them is vetoed and the average score over
all cross pairs reaches the link threshold (average link), so A~B and B~C do
not drag in a C that looks nothing like A. Each record ends in exactly one
cluster. Two very large clusters are compared through their heaviest members
(the most mentioned forms), which bounds the cost of one merge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

#: above this many cross pairs, only the heaviest members of each side are compared
MAX_CROSS_PAIRS = 4096
SAMPLE = 48


def _heaviest(members: list[int], w: list[int]) -> list[int]:
    return sorted(members, key=lambda i: (-w[i], i))[:SAMPLE]


def average_link(
    n: int,
    edges: Iterable[tuple[float, int, int]],
    pair_score: Callable[[int, int], float],
    link_threshold: float,
    weights: list[int] | None = None,
    silent: Callable[[int, int, float], bool] | None = None,
) -> list[list[int]]:
    """Clusters (lists of record indices, sorted) of ``n`` records.

    ``weights[i]`` (default 1) is how many mentions record ``i`` stands for: the
    average is over mention pairs, so one rare misspelling weighs little.
    ``silent(i, j, score)`` marks pairs that carry no evidence either way (an
    acronym beside a name it does not spell): they count in no average."""
    w = weights or [1] * n
    owner = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ca, cb = owner[i], owner[j]
        if ca == cb:
            continue
        a, b = members[ca], members[cb]
        if len(a) * len(b) > MAX_CROSS_PAIRS:
            # big clusters (many rare misspellings): the heaviest members decide
            a, b = _heaviest(a, w), _heaviest(b, w)
        total, mass, vetoed = 0.0, 0, False
        for x in a:
            for y in b:
                s = pair_score(x, y)
                if s < 0:
                    vetoed = True
                    break
                if silent is not None and silent(x, y, s):
                    continue
                total += s * w[x] * w[y]
                mass += w[x] * w[y]
            if vetoed:
                break
        if vetoed or (mass and total < link_threshold * mass):
            continue
        a, b = members[ca], members[cb]
        if len(a) < len(b):
            ca, cb, a, b = cb, ca, b, a
        a.extend(b)
        for y in b:
            owner[y] = ca
        del members[cb]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
