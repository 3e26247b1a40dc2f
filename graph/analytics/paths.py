"""Shortest connecting paths between two actors over the entity graph.

The entity graph ``E`` joins organizations, universities and people when they
take part in a common project (co-participation, one hop through the project),
state a partnership (PARTNERS_WITH), or a person is affiliated with an
organization (AFFILIATED_WITH). FUNDS does not connect (a funder is not a
co-participant).

Search: breadth-first from both ends through the sparse incidence ``B`` (no
actor x actor matrix is needed), level by level
(``max_hops`` levels at most), then every node with ``dist_a + dist_b == d``
lies on a shortest path; paths are enumerated through those nodes, strongest
links (most shared projects) first, up to ``max_paths``.
"""

from __future__ import annotations

import numpy as np

from graph.analytics.projection import Projection


def _distances(proj: Projection, src: int, max_d: int) -> np.ndarray:
    """Hop distance from ``src`` (-1 beyond ``max_d``), one level per step: a level's
    neighbours are its projects' members (two mat-vecs over ``B``) plus partners and
    affiliations."""
    n = len(proj.actors)
    dist = np.full(n, -1, dtype=np.int64)
    dist[src] = 0
    frontier = np.zeros(n, dtype=np.float64)
    frontier[src] = 1.0
    for d in range(1, max_d + 1):
        reach = proj.B @ (proj.BT @ frontier) + proj.P @ frontier + proj.F @ frontier
        new = np.flatnonzero((reach > 0) & (dist < 0))
        if not len(new):
            break
        dist[new] = d
        frontier = np.zeros(n, dtype=np.float64)
        frontier[new] = 1.0
    return dist


def _link(proj: Projection, x: int, y: int) -> dict:
    relations = []
    projects = proj.shared_projects(x, y)
    if projects:
        relations.append("co-participation")
    if proj.P[x, y]:
        relations.append("partnership")
    if proj.F[x, y]:
        relations.append("affiliation")
    return {"from": dict(proj.actors[x]), "to": dict(proj.actors[y]), "relations": relations,
            "projects": [dict(p) for p in projects[:5]], "project_count": len(projects)}


def paths(proj: Projection, a_id: str, b_id: str, max_hops: int = 3, max_paths: int = 10) -> list[dict]:
    """Shortest paths from ``a_id`` to ``b_id`` of at most ``max_hops`` hops (empty if none).

    Each path: ``{"hops", "nodes": [entity...], "steps": [{"from", "to", "relations",
    "projects", "project_count"}], "people": [person entities along it]}``.
    """
    a, b = proj.index(a_id), proj.index(b_id)
    if a == b:
        return []
    da = _distances(proj, a, max_hops)
    d = int(da[b])
    if d < 0:
        return []
    db = _distances(proj, b, d)
    on = (da >= 0) & (db >= 0) & (da + db == d)

    found: list[list[int]] = []

    def walk(node: int, trail: list[int]) -> None:
        if len(found) >= max_paths:
            return
        if node == b:
            found.append(trail)
            return
        level = da[node] + 1
        nb, strength = proj.entity_links(node)
        keep = on[nb] & (da[nb] == level)
        nb, strength = nb[keep], strength[keep]
        for y in nb[np.lexsort((nb, -strength))]:
            walk(int(y), [*trail, int(y)])

    walk(a, [a])
    out = []
    for trail in found:
        steps = [_link(proj, x, y) for x, y in zip(trail, trail[1:], strict=False)]
        out.append({"hops": d, "nodes": [dict(proj.actors[i]) for i in trail], "steps": steps,
                    "people": [dict(proj.actors[i]) for i in trail if proj.actors[i]["type"] == "Person"]})
    return out
