"""Who should this organization meet, and why.

Candidates are organizations and universities the seeker does not already work
with: no co-participation in a project and no explicit PARTNERS_WITH (``A[u, v]
== 0``), and not the seeker itself. Each candidate gets three component scores
in [0, 1], all computed for every candidate at once with sparse products:

1. **proximity** (graph): weighted resource allocation over the organization
   graph ``W = C + 2P`` (co-participation counts, explicit partnerships count
   double), two hops plus a damped three-hop term::

       ra2 = W @ (s^-1 * W[u])       # sum over shared partners w of W_uw W_wv / s_w
       ra3 = W @ (s^-1 * ra2)        # the same resource spread one hop further
       prox = ra2 + BETA3 * ra3, then divided by its maximum over candidates

   (``s`` = weighted degree.) Resource allocation (Zhou et al., 2009) is
   Adamic–Adar with 1/deg instead of 1/log(deg): a shared partner that works
   with everybody (a hub) counts little. ``W @ x`` is computed through the
   projects as ``B (Bᵀ x) - k x + 2 P x`` (:func:`w_matvec`), so a
   recommendation costs a few mat-vecs over the participations, never over the
   millions of co-participating pairs.
2. **topic**: cosine between the TF-IDF profiles of the two organizations'
   projects (``O @ O[u]``).
3. **role**: complementarity of their roles, :data:`graph.analytics.roles.COMPLEMENT`
   (a startup needs industry clients, universities and research institutes...).

The combined score is ``W_PROX * prox + W_TOPIC * topic + W_ROLE * role``
(0.6 / 0.25 / 0.15), and a candidate needs some evidence (``prox > 0`` or ``topic >
0``): role alone does not recommend anybody. The weights put graph evidence
first because, in the benchmark (``bench/matchmaking.py``), proximity is what
predicts held-out collaborations; topic widens the net to organizations two or
more steps away, and role breaks ties toward useful partners.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from graph.analytics import ranker, roles
from graph.analytics.projection import Projection
from graph.analytics.text import top_terms

BETA3 = 0.1
W_PROX, W_TOPIC, W_ROLE = 0.6, 0.25, 0.15


@dataclass
class Recommendation:
    candidate: dict  # {id, name, type, subtype}
    score: float
    components: dict[str, float]  # proximity, topic, role (each in [0, 1])
    explanation: str
    shared_partners: list[dict] = field(default_factory=list)  # entities both work with (first 20)
    shared_partner_count: int = 0  # how many in all
    shared_projects: list[dict] = field(default_factory=list)  # candidate's projects with those
    topics: list[str] = field(default_factory=list)  # terms both project profiles share

    def to_dict(self) -> dict:
        return asdict(self)


def w_matvec(proj: Projection, x: np.ndarray) -> np.ndarray:
    """``W @ x`` without touching ``W``: ``W = B Bᵀ - diag(k) + 2 P`` restricted to orgs.

    ``B`` has one entry per participation, ``W`` one per co-participating pair
    (20x more on the 50k benchmark), so going through the projects is far cheaper.
    """
    cache = proj.extras.get("_wmv")
    if cache is None:
        org = proj.org_mask.astype(np.float64)
        k = np.asarray(proj.B.sum(axis=1), dtype=np.float64).ravel()
        cache = proj.extras["_wmv"] = (org, k, proj.B.T.tocsr())
    org, k, bt = cache
    xo = x * org
    return org * (proj.B @ (bt @ xo) - k * xo + 2.0 * (proj.P @ xo))


def _inv_strength(proj: Projection) -> np.ndarray:
    strength = w_matvec(proj, np.ones(len(proj.actors)))
    return np.divide(1.0, strength, out=np.zeros_like(strength), where=strength > 1e-9)


def score_vectors(proj: Projection, u: int) -> dict[str, np.ndarray]:
    """Component scores of every actor for seeker ``u`` (dense vectors, length = actors)."""
    inv = proj.extras.get("_inv_strength")
    if inv is None:
        inv = proj.extras["_inv_strength"] = _inv_strength(proj)
    n = len(proj.actors)
    e_u = np.zeros(n)
    e_u[u] = 1.0
    w_u = w_matvec(proj, e_u)  # row u of W
    ra2 = w_matvec(proj, inv * w_u)
    ra3 = w_matvec(proj, inv * ra2)
    prox = np.maximum(ra2 + BETA3 * ra3, 0.0)
    prox[prox < 1e-12] = 0.0  # float noise of B Bᵀ - diag
    lo, hi = proj.O.indptr[u], proj.O.indptr[u + 1]
    if proj.O.shape[1] and hi > lo:
        o_u = np.zeros(proj.O.shape[1], dtype=np.float32)
        o_u[proj.O.indices[lo:hi]] = proj.O.data[lo:hi]
        topic = (proj.O @ o_u).astype(np.float64)
    else:
        topic = np.zeros(n)
    role = roles.COMPLEMENT[proj.role[u]][proj.role].astype(np.float64)
    return {"proximity": prox, "topic": topic, "role": role}


def candidate_mask(proj: Projection, u: int) -> np.ndarray:
    mask = proj.org_mask.copy()
    mask[u] = False
    mask[proj.neighbors(proj.A, u)] = False
    return mask


def rank(proj: Projection, u: int, k: int = 10, method: str = "combined",
         rng: np.random.Generator | None = None, fill: bool = False) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Indices of the top ``k`` candidates for ``u`` and the component vectors.

    ``method``: ``combined`` (the documented score), ``proximity``, ``topic``,
    ``popularity`` (degree: the baseline) or ``random`` (another baseline).
    ``fill``: rank every candidate, those without evidence last (by role
    complementarity), as the evaluation does; by default they are left out.
    """
    mask = candidate_mask(proj, u)
    comps = score_vectors(proj, u) if method in ("combined", "proximity", "topic") else {}
    if method == "random":
        rng = rng or np.random.default_rng(0)
        cand = np.flatnonzero(mask)
        return rng.choice(cand, size=min(k, len(cand)), replace=False), comps
    if method == "popularity":
        score = proj.degree.astype(np.float64) + 1e-9 * np.arange(len(mask))[::-1]
    else:
        prox = comps["proximity"].copy()
        prox[~mask] = 0.0
        top = prox.max() if prox.size else 0.0
        comps["proximity"] = prox / top if top > 0 else prox
        if method == "proximity":
            score = comps["proximity"]
        elif method == "topic":
            score = comps["topic"]
        else:
            evidence = (comps["proximity"] > 0) | (comps["topic"] > 1e-6)
            score = W_PROX * comps["proximity"] + W_TOPIC * comps["topic"] + W_ROLE * comps["role"]
            score = np.where(evidence, score, 0.0)
    score = np.where(mask, score, -np.inf)
    if method != "popularity":
        if fill:
            role = roles.COMPLEMENT[proj.role[u]][proj.role].astype(np.float64)
            score = np.where(score > 0, score + 1.0, 1e-3 * (role + 1e-3))
            score = np.where(mask, score, -np.inf)
        else:
            score = np.where(score > 0, score, -np.inf)
    valid = int(np.isfinite(score).sum())
    k = min(k, valid)
    if k <= 0:
        return np.array([], dtype=np.int64), comps
    top_idx = np.argpartition(-score, k - 1)[:k]
    top_idx = top_idx[np.lexsort((top_idx, -score[top_idx]))]
    return top_idx, comps


def explain(proj: Projection, u: int, v: int, comps: dict[str, np.ndarray]) -> Recommendation:
    """Build the recommendation of ``v`` to ``u`` with its reasons, from the graph."""
    nb_u = proj.neighbors(proj.A, u)
    nb_v = proj.neighbors(proj.A, v)
    shared = np.intersect1d(nb_u, nb_v, assume_unique=True)
    # most specific shared partners first (few partners = strong signal)
    shared = shared[np.lexsort((shared, proj.degree[shared]))].tolist()
    shared_partners = [proj.actors[w] for w in shared]
    projs: list[int] = []
    seen: set[int] = set()
    v_projects = proj.projects_of(v)
    for w in shared[:10]:
        for p in np.intersect1d(v_projects, proj.projects_of(w), assume_unique=True).tolist():
            if p not in seen:
                seen.add(p)
                projs.append(p)
    shared_projects = [proj.projects[p] for p in projs[:5]]

    topics: list[str] = []
    if proj.O.shape[1]:
        prof = proj.O
        iu, iv = slice(prof.indptr[u], prof.indptr[u + 1]), slice(prof.indptr[v], prof.indptr[v + 1])
        common, cu, cv = np.intersect1d(prof.indices[iu], prof.indices[iv], assume_unique=True,
                                        return_indices=True)
        weights = prof.data[iu][cu] * prof.data[iv][cv]
        topics = top_terms(((proj.terms[j], w) for j, w in zip(common, weights, strict=True)), 3)

    parts: list[str] = []
    if shared_partners:
        names = ", ".join(p["name"] for p in shared_partners[:3])
        more = f" and {len(shared_partners) - 3} more" if len(shared_partners) > 3 else ""
        n = len(shared_partners)
        parts.append(f"worked with {n} of your partners: {names}{more}")
        if shared_projects:
            parts[-1] += f" (in {', '.join(p['name'] for p in shared_projects[:2])})"
    elif comps["proximity"][v] > 0:
        parts.append("three steps away in the collaboration network")
    if topics:
        parts.append(f"both in {', '.join(topics)} projects")
    parts.append(_role_reason(proj, u, v, nb_u))

    cand = proj.actors[v]
    components = {k: round(float(comps[k][v]), 4) for k in ("proximity", "topic", "role")}
    score = W_PROX * components["proximity"] + W_TOPIC * components["topic"] + W_ROLE * components["role"]
    return Recommendation(
        candidate=dict(cand), score=round(float(score), 4), components=components,
        explanation="; ".join(p for p in parts if p), shared_partners=[dict(p) for p in shared_partners[:20]],
        shared_partner_count=len(shared_partners),
        shared_projects=[dict(p) for p in shared_projects], topics=topics,
    )


def _role_reason(proj: Projection, u: int, v: int, nb_u: np.ndarray) -> str:
    role_u, role_v = roles.ROLES[proj.role[u]], roles.ROLES[proj.role[v]]
    label = roles.LABEL[role_v]
    if role_v == "company" and role_u in ("startup", "sme"):
        label += " (potential client)"
    cat_v = roles.CATEGORY[role_v]
    counts = np.bincount(proj.role[nb_u], minlength=len(roles.ROLES))
    by_cat: dict[str, int] = {}
    for r, n in zip(roles.ROLES, counts.tolist(), strict=True):
        if n:
            by_cat[roles.CATEGORY[r]] = by_cat.get(roles.CATEGORY[r], 0) + n
    value = float(roles.COMPLEMENT[proj.role[u], proj.role[v]])
    if value < 0.6:
        return label
    if cat_v not in by_cat:
        return f"{label} — you have no {cat_v} partner yet"
    if by_cat:
        dominant = max(sorted(by_cat), key=by_cat.__getitem__)
        if dominant != cat_v:
            return f"{label} — complements your {dominant} partners"
    if roles.CATEGORY[role_u] != cat_v:
        return f"{label} — {'an' if cat_v[0] in 'aeiou' else 'a'} {cat_v} partner for {roles.LABEL[role_u]}"
    return label


def recommend(proj: Projection, entity_id: str, k: int = 10, exclude_hubs: bool = False,
              model=None) -> list[Recommendation]:
    """Top ``k`` organizations/universities for ``entity_id`` to meet, best first.

    With a learned ``model`` (:mod:`graph.analytics.ranker`), a dated graph (project
    start years known) and a seeker that already has partners, the model ranks the
    graph's candidates and ``score`` is its rank score (the members' mean rank
    among the seeker's candidates, as a share: 1 = first for every member); otherwise the documented
    blend ranks. Either way the explanation comes from the graph. ``exclude_hubs``
    leaves out the top 1 % of organizations by degree.
    """
    u = proj.index(entity_id)
    dated = proj.project_year is not None and bool((proj.project_year > 0).any())
    if model is not None and dated and proj.org_mask[u] and proj.degree[u] > 0:
        idx, probs = ranker.rank(ranker.context(proj), u, model, k, exclude_hubs)
        comps = score_vectors(proj, u)
        prox = comps["proximity"]
        top = prox[candidate_mask(proj, u)].max(initial=0.0)
        comps["proximity"] = prox / top if top > 0 else prox
        out = [explain(proj, u, int(v), comps) for v in idx]
        for rec, p in zip(out, probs.tolist(), strict=True):
            rec.score = round(float(p), 4)
        return out
    idx, comps = rank(proj, u, k if not exclude_hubs else k + int(ranker.hub_mask(proj).sum()))
    if exclude_hubs:
        hubs = ranker.hub_mask(proj)
        idx = np.array([v for v in idx.tolist() if not hubs[v]][:k], dtype=np.int64)
    return [explain(proj, u, int(v), comps) for v in idx]
