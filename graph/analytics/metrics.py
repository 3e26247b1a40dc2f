"""Ecosystem analytics on a :class:`Projection`: communities, brokers, connectors, stats.

Everything here is computed once per graph version and kept in
``Projection.extras`` (the service persists it with the projection): Louvain
and betweenness are far too slow for a request on a large graph.

* communities: networkx ``louvain_communities`` (seed 42) on the weighted
  organization graph ``W`` (co-participations + 2 x explicit partnerships),
  isolated organizations left out;
* brokers: betweenness centrality on the same graph (unweighted), exact up to
  :data:`EXACT_BETWEENNESS_MAX` nodes, else approximated from ``k`` seeded
  source samples;
* connectors: organizations whose partners span the most *other* communities;
* stats: counts by type and subtype, most connected organizations, and
  startups/SMEs without any academic partner (university or research institute).
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import numpy as np
from scipy.sparse import csgraph

from graph.analytics.projection import Projection
from graph.analytics.roles import ROLE_INDEX, ROLES

EXACT_BETWEENNESS_MAX = 2000
BETWEENNESS_SAMPLES = 256
SEED = 42


def org_graph(proj: Projection) -> nx.Graph:
    """networkx view of the weighted organization graph (non-isolated organizations only)."""
    W = proj.W.tocoo()
    g = nx.Graph()
    upper = W.row < W.col
    g.add_weighted_edges_from(zip(W.row[upper].tolist(), W.col[upper].tolist(),
                                  W.data[upper].astype(float).tolist(), strict=True))
    return g


def communities(proj: Projection) -> list[list[int]]:
    """Louvain communities (actor indices), largest first; cached in ``extras``."""
    if "communities" not in proj.extras:
        g = org_graph(proj)
        comms = nx.community.louvain_communities(g, weight="weight", seed=SEED) if g.number_of_nodes() else []
        proj.extras["communities"] = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    return proj.extras["communities"]


def community_labels(proj: Projection) -> np.ndarray:
    """Community number per actor (-1 for none)."""
    if "community_labels" not in proj.extras:
        labels = np.full(len(proj.actors), -1, dtype=np.int64)
        for c, members in enumerate(communities(proj)):
            labels[members] = c
        proj.extras["community_labels"] = labels
    return proj.extras["community_labels"]


def betweenness(proj: Projection, samples: int | None = None) -> dict[int, float]:
    """Betweenness centrality (exact on small graphs, sampled on big ones); cached."""
    if "betweenness" not in proj.extras:
        g = org_graph(proj)
        n = g.number_of_nodes()
        k = None if n <= EXACT_BETWEENNESS_MAX else min(n, samples or BETWEENNESS_SAMPLES)
        proj.extras["betweenness"] = nx.betweenness_centrality(g, k=k, seed=SEED, normalized=True) if n else {}
    return proj.extras["betweenness"]


def brokers(proj: Projection, k: int = 10) -> list[dict]:
    """The ``k`` organizations with the highest betweenness."""
    bc = betweenness(proj)
    top = sorted(bc.items(), key=lambda kv: (-kv[1], proj.actors[kv[0]]["name"]))[:k]
    labels = community_labels(proj)
    return [{"entity": dict(proj.actors[i]), "betweenness": round(v, 6), "degree": int(proj.degree[i]),
             "community": int(labels[i])} for i, v in top if v > 0]


def connectors(proj: Projection, k: int = 10) -> list[dict]:
    """Organizations linked to the most communities other than their own."""
    labels = community_labels(proj)
    out = []
    for i in np.flatnonzero(proj.degree > 0):
        own = labels[i]
        nb = proj.neighbors(proj.A, i)
        others = Counter(int(c) for c in labels[nb] if c != own and c >= 0)
        if others:
            out.append((len(others), int(proj.degree[i]), i, others))
    out.sort(key=lambda t: (-t[0], -t[1], proj.actors[t[2]]["name"]))
    return [{"entity": dict(proj.actors[i]), "community": int(labels[i]), "communities_reached": n,
             "links_by_community": dict(others.most_common()), "degree": d}
            for n, d, i, others in out[:k]]


def community_summary(proj: Projection, top_members: int = 5) -> list[dict]:
    """Each community with its size, role mix, main members and dominant topics."""
    out = []
    for c, members in enumerate(communities(proj)):
        idx = np.asarray(members)
        ranked = idx[np.argsort(-proj.degree[idx], kind="stable")][:top_members]
        roles = Counter(ROLES[r] for r in proj.role[idx])
        topics: list[str] = []
        if proj.O.shape[1]:
            weights = np.asarray(proj.O[idx].sum(axis=0)).ravel()
            order = np.argsort(-weights)[:6]
            topics = [proj.terms[j] for j in order if weights[j] > 0]
        out.append({"id": c, "size": len(members), "roles": dict(roles.most_common()),
                    "members": [dict(proj.actors[i]) for i in ranked], "topics": topics})
    return out


ACADEMIC = (ROLE_INDEX["university"], ROLE_INDEX["research_institute"])


def stats(proj: Projection, top: int = 10) -> dict:
    """Ecosystem numbers (cheap: no Louvain or betweenness)."""
    if "stats" in proj.extras:
        return proj.extras["stats"]
    by_type = Counter(a["type"] for a in proj.actors)
    by_type["Project"] = len(proj.projects)
    by_subtype = Counter(a["subtype"] for a in proj.actors if a["type"] == "Organization" and a["subtype"])
    orgs = np.flatnonzero(proj.org_mask)
    n_projects = np.diff(proj.B.indptr)
    ranked = orgs[np.lexsort((orgs, -n_projects[orgs], -proj.degree[orgs]))][:top]
    most_connected = [{"entity": dict(proj.actors[i]), "partners": int(proj.degree[i]),
                       "projects": int(n_projects[i])} for i in ranked if proj.degree[i] > 0]
    academic = np.isin(proj.role, ACADEMIC).astype(np.float32)
    has_academic = (proj.A @ academic) > 0
    small = np.isin(proj.role, (ROLE_INDEX["startup"], ROLE_INDEX["sme"]))
    lonely = np.flatnonzero(small & ~has_academic)
    lonely = lonely[np.lexsort((lonely, -proj.degree[lonely]))]
    isolated = int((proj.org_mask & (proj.degree == 0)).sum())
    result = {
        "counts": {"by_type": dict(by_type.most_common()), "by_subtype": dict(by_subtype.most_common())},
        "links": {"participations": int(proj.B.nnz), "co_participation_pairs": int(proj.C.nnz // 2),
                  "org_partner_pairs": int(proj.A.nnz // 2), "explicit_partnerships": int(proj.P.nnz // 2),
                  "affiliations": int(proj.F.nnz // 2)},
        "isolated_organizations": isolated,
        "most_connected": most_connected,
        "startups_smes_without_academic_partner": {
            "count": int(len(lonely)), "total": int(small.sum()),
            "examples": [dict(proj.actors[i], partners=int(proj.degree[i])) for i in lonely[:top]],
        },
    }
    proj.extras["stats"] = result
    return result


def components(proj: Projection) -> int:
    """Number of connected components of the organization graph among non-isolated orgs."""
    if proj.A.nnz == 0:
        return 0
    n, labels = csgraph.connected_components(proj.A, directed=False)
    return len(set(labels[proj.degree > 0].tolist()))
