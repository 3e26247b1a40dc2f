"""The learned matchmaking ranker: graph candidates, per-pair features, a seeded model.

For a seeker ``u`` (an organization of the co-participation graph ``A``):

* **candidates** — organizations it does not work with yet that are two hops away
  (the best :data:`MAX_2HOP` by resource allocation), three hops away (the best
  :data:`MAX_3HOP` by number of 3-walks), sharing its topics or programmes (the best
  :data:`MAX_TOPIC` by profile cosine), and the :data:`MAX_ACTIVE` most active of the
  last two years (a newcomer's first partners are often those);
* **features** per pair (:data:`FEATURES`): common neighbours, Adamic–Adar, resource
  allocation, the same three over the last two years' graph only, time-decayed shared
  partners, 3-walks, consortia shared with the seeker's partners (all and recent), both
  degrees, project counts, recent activity and new partners of both sides, years since
  the candidate's last project, topic cosine, same country, both roles and their
  complementarity, the share of the seeker's partners of the candidate's country and
  role, and where the candidate stands among the seeker's candidates by four scores;
* **model** — a :class:`Design` (objective, negatives, seeds, trees, features) chosen on
  a validation split by ``bench/matchmaking.py --validate`` (graph up to 2017, pairs new
  in 2018) among LightGBM ranking objectives and scikit-learn's HistGradientBoosting;
  the chosen one (:data:`DESIGN`) is trained by ``python -m bench.train_ranker`` on
  splits that end before the 2019+ test period and shipped in
  ``graph/analytics/models/`` with its metadata (:data:`MODEL_VERSION`, design,
  features, splits, data, seed, library versions). A model whose feature list, version
  or library version does not match is not used (the service falls back to the
  documented blend).

Hubs (:func:`hub_mask`): the top 1 % of organizations by degree; ``exclude_hubs``
leaves them out of the candidates — a partnership manager does not need to be told
to meet the biggest hub, they can find it alone.

The explanation shown to the user still comes from the graph
(:func:`graph.analytics.recommend.explain`): shared partners, topics, the role.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from graph.analytics import roles
from graph.analytics.projection import Projection

MODEL_VERSION = "5"
MODEL_DIR = Path(__file__).resolve().parent / "models"
META_FILE = MODEL_DIR / "ranker.json"

MAX_2HOP, MAX_3HOP, MAX_TOPIC, MAX_ACTIVE = 400, 100, 100, 100
#: years that count as "recent" before the graph's last year (that year included)
RECENT_YEARS = 2
HUB_SHARE = 0.01

#: weight of a project ``y`` years before the graph's last year in the time-decayed
#: features: halves every year, so last year's consortia count most
DECAY = 0.5

FEATURES = (
    "cn", "aa", "ra", "cn_recent", "aa_recent", "ra_recent", "walks3",
    "wcn", "consortium_sum", "consortium_max",
    "deg_u", "deg_v", "projects_u", "projects_v", "recent_projects_v", "recent_deg_v",
    "years_idle_v", "topic", "same_country", "role_u", "role_v", "complement",
    # signals of *new* partners: time-decayed shared partners, recent consortia with
    # the seeker's partners, growth of both sides, fit with the seeker's partner mix
    "cn_decay", "aa_decay", "consortium_recent_max", "new_deg_v", "new_deg_u",
    "recent_projects_u", "recent_deg_u", "deg_ratio", "country_share", "role_share",
    # where the pair stands among the seeker's own candidates (0 = best): scores are
    # comparable within a query, not across seekers of very different sizes
    "cn_pos", "aa_pos", "cn_decay_pos", "consortium_pos",
)


@dataclass
class Context:
    """Everything per graph the features need (built once per projection)."""

    proj: Projection
    A: sp.csr_matrix
    A_recent: sp.csr_matrix
    deg: np.ndarray
    deg_recent: np.ndarray
    inv_log: np.ndarray
    inv_deg: np.ndarray
    inv_log_recent: np.ndarray
    inv_deg_recent: np.ndarray
    n_projects: np.ndarray
    n_recent: np.ndarray
    years_idle: np.ndarray
    country: np.ndarray  # int code per actor, -1 unknown
    hubs: np.ndarray  # bool per actor
    last_year: int
    Bs: sp.csr_matrix  # actors x projects, sqrt of the decay: (Bs Bsᵀ)[u, w] = decayed shared projects
    Br: sp.csr_matrix  # actors x projects of the last RECENT_YEARS years
    new_deg: np.ndarray  # partners first met in the last RECENT_YEARS years, per actor


def _inv(deg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    d = deg.astype(np.float64)
    inv_log = np.where(d > 1, 1.0 / np.log(np.maximum(d, 2.0)), 0.0)
    inv_deg = np.divide(1.0, d, out=np.zeros_like(d), where=d > 0)
    return inv_log, inv_deg


def hub_mask(proj: Projection, share: float = HUB_SHARE) -> np.ndarray:
    """The top ``share`` of organizations by degree (at least one when any has a link)."""
    deg = np.where(proj.org_mask, proj.degree, -1)
    n = max(1, int(round(share * int(proj.org_mask.sum()))))
    out = np.zeros(len(deg), dtype=bool)
    if (deg > 0).any():
        top = np.argsort(-deg, kind="stable")[:n]
        out[top[deg[top] > 0]] = True
    return out


def context(proj: Projection) -> Context:
    """The feature context of ``proj`` (cached in its extras, not pickled)."""
    ctx = proj.extras.get("_rank_ctx")
    if ctx is not None:
        return ctx
    years = proj.project_year if proj.project_year is not None else np.zeros(len(proj.projects), np.int32)
    # the graph's last year: of projects someone takes part in (a projection built on a
    # time cut still lists the later projects, without participations)
    used = years[np.diff(proj.BT.indptr) > 0] if len(years) else years
    last_year = int(used.max()) if len(used) else 0
    recent_cols = (years > last_year - RECENT_YEARS) & (years > 0)
    org = sp.diags(proj.org_mask.astype(np.float32))
    B = proj.B
    Br = (B @ sp.diags(recent_cols.astype(np.float32))).tocsr()
    Br.eliminate_zeros()
    A_recent = (org @ (Br @ Br.T) @ org).tocsr()
    A_recent.setdiag(0)
    A_recent.eliminate_zeros()
    A_recent.data[:] = 1.0
    deg = proj.degree.astype(np.int64)
    deg_recent = np.diff(A_recent.indptr).astype(np.int64)
    # years since the actor's last project (years unknown: as idle as the oldest)
    by_actor = B.multiply(years[None, :].astype(np.float32)).tocsr()
    last = np.asarray(by_actor.max(axis=1).todense()).ravel() if B.shape[1] else np.zeros(B.shape[0])
    idle = np.where(last > 0, last_year - last, 99).astype(np.float64)
    codes: dict[str, int] = {}
    country = np.array([codes.setdefault(c, len(codes)) if c else -1 for c in (proj.country or [""] * len(deg))],
                       dtype=np.int64) if proj.country else np.full(len(deg), -1, dtype=np.int64)
    inv_log, inv_deg = _inv(deg)
    inv_log_r, inv_deg_r = _inv(deg_recent)
    # decay per project by its age; sqrt on both sides so a shared project counts once
    age = np.where(years > 0, last_year - years, 99).astype(np.float64)
    Bs = (B @ sp.diags(np.sqrt(DECAY ** np.clip(age, 0, 99)).astype(np.float32))).tocsr()
    Bs.eliminate_zeros()
    # partners met for the first time recently: recent co-participants never seen before
    old_cols = (years > 0) & (years <= last_year - RECENT_YEARS)
    Bo = (B @ sp.diags(old_cols.astype(np.float32))).tocsr()
    seen = (A_recent.multiply(org @ (Bo @ Bo.T) @ org) > 0).astype(np.int64)
    new_deg = deg_recent - np.asarray(seen.sum(axis=1)).ravel()
    ctx = Context(
        proj=proj, A=proj.A, A_recent=A_recent, deg=deg, deg_recent=deg_recent,
        inv_log=inv_log, inv_deg=inv_deg, inv_log_recent=inv_log_r, inv_deg_recent=inv_deg_r,
        n_projects=np.diff(B.indptr).astype(np.float64),
        n_recent=np.diff(Br.indptr).astype(np.float64), years_idle=idle, country=country,
        hubs=hub_mask(proj), last_year=last_year, Bs=Bs, Br=Br, new_deg=new_deg,
    )
    proj.extras["_rank_ctx"] = ctx
    return ctx


def _row(mat: sp.csr_matrix, u: int) -> np.ndarray:
    return mat.indices[mat.indptr[u]:mat.indptr[u + 1]]


def _spread(mat: sp.csr_matrix, u: int, weights: np.ndarray) -> np.ndarray:
    """Columns ``sum over neighbours w of u of weights[w, j] * mat[w]`` (one pass over ``mat``)."""
    nb = _row(mat, u)
    x = np.zeros((mat.shape[0], weights.shape[1]))
    x[nb] = weights[nb]
    return np.asarray(mat @ x)


def vectors(ctx: Context, u: int) -> dict[str, np.ndarray]:
    """Per-candidate scores of every actor for seeker ``u`` (dense vectors)."""
    ones = np.ones(ctx.A.shape[0])
    now = _spread(ctx.A, u, np.column_stack([ones, ctx.inv_log, ctx.inv_deg]))
    recent = _spread(ctx.A_recent, u, np.column_stack([ones, ctx.inv_log_recent, ctx.inv_deg_recent]))
    cn = now[:, 0]
    # how strongly u is tied to each partner (shared projects), spread one hop
    c_u = np.zeros(ctx.A.shape[0])
    lo, hi = ctx.proj.C.indptr[u], ctx.proj.C.indptr[u + 1]
    c_u[ctx.proj.C.indices[lo:hi]] = ctx.proj.C.data[lo:hi]
    c_u *= ctx.proj.org_mask
    # per project, how many of u's partners are in it; per candidate, summed and best
    # over its projects: "was in a consortium with several of your partners"
    a_u = np.zeros(ctx.A.shape[0])
    a_u[_row(ctx.A, u)] = 1.0
    per_project = ctx.proj.BT @ a_u
    B = ctx.proj.B
    best = B.multiply(per_project[None, :]).tocsr()
    # time-decayed shared partners: sum over w of decayed(u, w) * decayed(w, v), where
    # decayed(x, y) sums DECAY^age over their shared projects (two products through Bs)
    Bs = ctx.Bs
    d_u = np.asarray(Bs @ (Bs[u].T.toarray().ravel())).ravel() * ctx.proj.org_mask
    d_u[u] = 0.0
    via = np.column_stack([d_u, d_u * ctx.inv_log])
    decayed = np.asarray(Bs @ (Bs.T @ via))
    # the same consortium count as above, only over recent projects
    Br = ctx.Br
    best_recent = Br.multiply(per_project[None, :]).tocsr()
    out = {
        "cn_decay": decayed[:, 0], "aa_decay": decayed[:, 1],
        "consortium_recent_max": (np.asarray(best_recent.max(axis=1).todense()).ravel()
                                  if Br.shape[1] else np.zeros(len(cn))),
        "cn": cn, "aa": now[:, 1], "ra": now[:, 2],
        "cn_recent": recent[:, 0], "aa_recent": recent[:, 1], "ra_recent": recent[:, 2],
        "walks3": ctx.A @ cn,
        "wcn": ctx.A @ c_u,
        "consortium_sum": B @ per_project,
        "consortium_max": np.asarray(best.max(axis=1).todense()).ravel() if B.shape[1] else np.zeros(len(cn)),
    }
    O = ctx.proj.O  # noqa: E741 - the profile matrix
    lo, hi = O.indptr[u], O.indptr[u + 1]
    if O.shape[1] and hi > lo:
        o_u = np.zeros(O.shape[1], dtype=np.float32)
        o_u[O.indices[lo:hi]] = O.data[lo:hi]
        out["topic"] = (O @ o_u).astype(np.float64)
    else:
        out["topic"] = np.zeros(ctx.A.shape[0])
    return out


def candidate_mask(ctx: Context, u: int, exclude_hubs: bool = False) -> np.ndarray:
    """Organizations ``u`` could be told to meet: not itself, not already a partner."""
    mask = ctx.proj.org_mask.copy()
    mask[u] = False
    mask[_row(ctx.A, u)] = False
    mask[_row(ctx.proj.P, u)] = False
    if exclude_hubs:
        mask &= ~ctx.hubs
    return mask


def _top(score: np.ndarray, mask: np.ndarray, k: int) -> np.ndarray:
    s = np.where(mask & (score > 0), score, -np.inf)
    n = min(k, int(np.isfinite(s).sum()))
    if n <= 0:
        return np.array([], dtype=np.int64)
    return np.argpartition(-s, n - 1)[:n]


def candidates(ctx: Context, u: int, vecs: dict[str, np.ndarray], exclude_hubs: bool = False) -> np.ndarray:
    """Candidate indices for ``u`` (sorted): 2-hop, 3-hop, topic and recently active."""
    mask = candidate_mask(ctx, u, exclude_hubs)
    parts = [
        _top(vecs["ra"], mask, MAX_2HOP),
        _top(vecs["walks3"] * (vecs["cn"] == 0), mask, MAX_3HOP),
        _top(vecs["topic"] * (ctx.n_recent + 1), mask, MAX_TOPIC),
        _top(ctx.deg_recent.astype(np.float64), mask, MAX_ACTIVE),
    ]
    return np.unique(np.concatenate(parts)).astype(np.int64)


def _position(score: np.ndarray) -> np.ndarray:
    """Share of the other candidates scoring strictly higher (0 = the best; ties share)."""
    if not len(score):
        return score
    ordered = np.sort(score)
    return (len(score) - np.searchsorted(ordered, score, side="right")) / len(score)


def _mix_shares(ctx: Context, u: int, v: np.ndarray) -> dict[str, np.ndarray]:
    """Share of ``u``'s partners from ``v``'s country and of ``v``'s role: a seeker keeps
    working with the kinds of partners it already has."""
    partners = _row(ctx.A, u)
    n = max(len(partners), 1)
    known = ctx.country[partners]
    by_country = np.bincount(known[known >= 0], minlength=int(ctx.country.max()) + 2)
    country_share = np.where(ctx.country[v] >= 0, by_country[np.maximum(ctx.country[v], 0)] / n, 0.0)
    role = ctx.proj.role.astype(np.int64)
    by_role = np.bincount(role[partners], minlength=int(role.max()) + 1)
    return {"country_share": country_share.astype(np.float64), "role_share": by_role[role[v]] / n}


def features(ctx: Context, u: int, cands: np.ndarray, vecs: dict[str, np.ndarray]) -> np.ndarray:
    """The :data:`FEATURES` matrix for the pairs ``(u, v)``, ``v`` in ``cands``."""
    v = cands
    n = len(v)
    role = ctx.proj.role
    cols = {
        **{k: vecs[k][v] for k in ("cn", "aa", "ra", "cn_recent", "aa_recent", "ra_recent")},
        "walks3": np.log1p(vecs["walks3"][v]),
        "wcn": np.log1p(vecs["wcn"][v]),
        "consortium_sum": np.log1p(vecs["consortium_sum"][v]),
        "consortium_max": vecs["consortium_max"][v],
        "deg_u": np.full(n, np.log1p(ctx.deg[u])),
        "deg_v": np.log1p(ctx.deg[v]),
        "projects_u": np.full(n, np.log1p(ctx.n_projects[u])),
        "projects_v": np.log1p(ctx.n_projects[v]),
        "recent_projects_v": np.log1p(ctx.n_recent[v]),
        "recent_deg_v": np.log1p(ctx.deg_recent[v]),
        "years_idle_v": ctx.years_idle[v],
        "topic": vecs["topic"][v],
        "same_country": ((ctx.country[v] == ctx.country[u]) & (ctx.country[u] >= 0)).astype(np.float64),
        "role_u": np.full(n, float(role[u])),
        "role_v": role[v].astype(np.float64),
        "complement": roles.COMPLEMENT[role[u]][role[v]].astype(np.float64),
        "cn_decay": np.log1p(vecs["cn_decay"][v]),
        "aa_decay": np.log1p(vecs["aa_decay"][v]),
        "consortium_recent_max": vecs["consortium_recent_max"][v],
        "new_deg_v": np.log1p(ctx.new_deg[v]),
        "new_deg_u": np.full(n, np.log1p(ctx.new_deg[u])),
        "recent_projects_u": np.full(n, np.log1p(ctx.n_recent[u])),
        "recent_deg_u": np.full(n, np.log1p(ctx.deg_recent[u])),
        "deg_ratio": np.log1p(ctx.deg[v]) - np.log1p(ctx.deg[u]),
        **_mix_shares(ctx, u, v),
    }
    for name, key in (("cn_pos", "cn"), ("aa_pos", "aa"), ("cn_decay_pos", "cn_decay"),
                      ("consortium_pos", "consortium_max")):
        cols[name] = _position(vecs[key][v])
    return np.column_stack([cols[f] for f in FEATURES]) if n else np.zeros((0, len(FEATURES)))


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Design:
    """How a ranker is trained: chosen on a validation split (``bench/matchmaking.py
    --validate``), never on the test period.

    ``objective``: ``lambdarank`` or ``rank_xendcg`` (LightGBM, each seeker's candidates
    one query group) or ``hgb`` (scikit-learn's HistGradientBoosting, pointwise: new
    partner or not). ``negatives``: per seeker, all its positives and at most this many
    of its own candidates that did not become partners, drawn at random (``None``: all);
    the negatives come from the candidate set the ranker will score, not random pairs.
    ``seeds``: one model per seed, combined by mean rank per seeker."""

    name: str
    objective: str
    negatives: int | None = 200
    seeds: tuple[int, ...] = (7,)
    trees: int = 200
    learning_rate: float = 0.05
    leaves: int = 15
    features: tuple[str, ...] = FEATURES

    def columns(self) -> list[int]:
        return [FEATURES.index(f) for f in self.features]


#: the design shipped and scored on the test period (chosen on validation; see the
#: analytics README for the validation table it was chosen from)
DESIGN = Design("lambdarank, 2 seeds", "lambdarank", seeds=(7, 8))

#: LightGBM settings shared by the LightGBM designs
PARAMS = {
    "min_child_samples": 50, "reg_lambda": 1.0, "subsample": 0.8, "subsample_freq": 1,
    "colsample_bytree": 0.8,
    # same model on any machine: fixed thread count, deterministic histogram building
    "deterministic": True, "force_row_wise": True, "n_jobs": 2, "verbose": -1,
}
#: lambdarank: only the pairs that can reach the top 20 of a seeker's list count
LAMBDARANK_TRUNCATION = 20


class Ranker:
    """Models over :data:`FEATURES` (the ``design``'s columns); a higher :meth:`score`
    ranks first."""

    def __init__(self, members: list, design: Design = DESIGN) -> None:
        self.members = members
        self.design = design

    def _raw(self, member, X: np.ndarray) -> np.ndarray:
        if self.design.objective == "hgb":
            return np.asarray(member.predict_proba(X)[:, 1])
        return np.asarray(member.predict(X, num_threads=1))

    def score(self, X: np.ndarray, groups: list[int] | None = None) -> np.ndarray:
        """Scores of the rows of ``X`` (all :data:`FEATURES`), comparable within one
        seeker's candidates. ``groups``: sizes of consecutive seekers' blocks (default: one block)."""
        if not len(X):
            return np.zeros(0)
        X = X[:, self.design.columns()]
        raw = [self._raw(m, X) for m in self.members]
        if len(raw) == 1:
            return raw[0]
        out = np.zeros(len(X))
        at = 0
        for size in groups or [len(X)]:
            block = slice(at, at + size)
            # members' scales differ: mean of ranks, as shares of the block
            out[block] = sum(_ranks(r[block]) for r in raw) / (len(raw) * max(size, 1))
            at += size
        return out


def _ranks(x: np.ndarray) -> np.ndarray:
    """1-based ranks of ``x`` ascending, ties sharing their mean rank."""
    order = np.argsort(x, kind="stable")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(1, len(x) + 1)
    uniq, inv = np.unique(x, return_inverse=True)
    if len(uniq) < len(x):  # ties: the mean of the ranks they span
        ranks = (np.bincount(inv, weights=ranks) / np.bincount(inv))[inv]
    return ranks


def _lgb():
    try:
        import lightgbm  # deferred: LightGBM loads only to train or use the learned ranker
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportError("the learned ranker needs LightGBM: pip install 'lightgbm>=4.5,<5'") from exc
    return lightgbm


def candidate_rows(ctx: Context, queries: list[int], exclude_hubs: bool = False
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, candidate and seeker of every candidate of every seeker, one seeker's
    rows together (seekers without candidates have none)."""
    xs, cs, qs = [], [], []
    for u in queries:
        vecs = vectors(ctx, u)
        cands = candidates(ctx, u, vecs, exclude_hubs)
        if len(cands):
            xs.append(features(ctx, u, cands, vecs))
            cs.append(cands)
            qs.append(np.full(len(cands), u))
    if not xs:
        return np.zeros((0, len(FEATURES))), np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.vstack(xs), np.concatenate(cs), np.concatenate(qs)


def training_rows(ctx: Context, truth: dict[int, set[int]], queries: np.ndarray,
                  exclude_hubs: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and seeker of every candidate of every seeker: the candidates the
    ranker will see (same generator), each seeker one group, its negatives its own
    candidates that did not become partners (not random pairs)."""
    X, cands, qs = candidate_rows(ctx, queries.tolist(), exclude_hubs)
    y = np.array([v in truth[u] for u, v in zip(qs.tolist(), cands.tolist(), strict=True)], dtype=np.int8)
    return X, y, qs


def top_per_group(scores: np.ndarray, cands: np.ndarray, qs: np.ndarray, k: int = 100) -> dict[int, np.ndarray]:
    """Per seeker, its ``k`` best candidates by ``scores`` (ties: lower index first)."""
    out: dict[int, np.ndarray] = {}
    at = 0
    for size in group_sizes(qs).tolist():
        c, s = cands[at:at + size], scores[at:at + size]
        out[int(qs[at])] = c[np.lexsort((c, -s))[:k]]
        at += size
    return out


def group_sizes(qs: np.ndarray) -> np.ndarray:
    """Sizes of the consecutive blocks of equal values of ``qs`` (the query groups)."""
    if not len(qs):
        return np.zeros(0, np.int64)
    starts = np.r_[0, np.flatnonzero(np.diff(qs)) + 1]
    return np.diff(np.r_[starts, len(qs)])


def sample_negatives(y: np.ndarray, groups: np.ndarray, negatives: int | None, seed: int) -> np.ndarray:
    """Row mask keeping, per group, every positive and at most ``negatives`` of its
    negatives (seeded). A seeker's negatives are its own other candidates, so the model
    learns to order the lists it will be given."""
    keep = np.ones(len(y), dtype=bool)
    if negatives is None:
        return keep
    rng = np.random.default_rng(seed)
    at = 0
    for size in groups.tolist():
        neg = at + np.flatnonzero(y[at:at + size] == 0)
        if len(neg) > negatives:
            keep[rng.choice(neg, size=len(neg) - negatives, replace=False)] = False
        at += size
    return keep


def _fit_member(design: Design, X: np.ndarray, y: np.ndarray, groups: np.ndarray, seed: int):
    if design.objective == "hgb":
        from sklearn.ensemble import HistGradientBoostingClassifier  # deferred: training only

        return HistGradientBoostingClassifier(
            max_iter=design.trees, learning_rate=design.learning_rate, max_leaf_nodes=design.leaves,
            min_samples_leaf=PARAMS["min_child_samples"], l2_regularization=PARAMS["reg_lambda"],
            early_stopping=False, random_state=seed).fit(X, y)
    params = {**PARAMS, "objective": design.objective, "random_state": seed, "n_estimators": design.trees,
              "learning_rate": design.learning_rate, "num_leaves": design.leaves}
    if design.objective == "lambdarank":
        params["lambdarank_truncation_level"] = LAMBDARANK_TRUNCATION
    return _lgb().LGBMRanker(**params).fit(X, y, group=groups).booster_


def fit_rows(X: np.ndarray, y: np.ndarray, groups: np.ndarray, design: Design = DESIGN) -> Ranker:
    """One model per seed of ``design`` on the rows (``X`` has all :data:`FEATURES`),
    negatives sampled per group with that seed."""
    members = []
    for seed in design.seeds:
        keep = sample_negatives(y, groups, design.negatives, seed)
        kept_groups = group_sizes(np.repeat(np.arange(len(groups)), groups)[keep])
        members.append(_fit_member(design, X[keep][:, design.columns()], y[keep], kept_groups, seed))
    return Ranker(members, design)


def fit(ctx: Context, truth: dict[int, set[int]], queries: np.ndarray, design: Design = DESIGN
        ) -> tuple[Ranker, dict]:
    """Train on ``ctx`` (the earlier graph) with ``truth`` (its later new partners)."""
    X, y, qs = training_rows(ctx, truth, queries)
    return fit_rows(X, y, group_sizes(qs), design), {
        "rows": int(len(y)), "positives": int(y.sum()), "queries": int(len(group_sizes(qs)))}


def rank(ctx: Context, u: int, model: Ranker, k: int = 10, exclude_hubs: bool = False
         ) -> tuple[np.ndarray, np.ndarray]:
    """Top ``k`` candidate indices for ``u`` by the model, and their scores."""
    vecs = vectors(ctx, u)
    cands = candidates(ctx, u, vecs, exclude_hubs)
    if not len(cands):
        return cands, np.zeros(0)
    s = model.score(features(ctx, u, cands, vecs))
    order = np.lexsort((cands, -s))[:k]
    return cands[order], s[order]


def rank_many(ctx: Context, queries: list[int], model: Ranker, k: int = 100, exclude_hubs: bool = False,
              chunk: int = 64) -> dict[int, np.ndarray]:
    """:func:`rank` for many seekers, the model called once per ``chunk`` of them (faster)."""
    out: dict[int, np.ndarray] = {}
    for i in range(0, len(queries), chunk):
        part = []
        for u in queries[i:i + chunk]:
            vecs = vectors(ctx, u)
            cands = candidates(ctx, u, vecs, exclude_hubs)
            part.append((u, cands, features(ctx, u, cands, vecs)))
        X = np.vstack([x for _, _, x in part]) if part else np.zeros((0, len(FEATURES)))
        s = model.score(X, [len(x) for _, _, x in part])
        at = 0
        for u, cands, x in part:
            su, at = s[at:at + len(x)], at + len(x)
            out[u] = cands[np.lexsort((cands, -su))[:k]]
    return out


def _member_file(i: int, design: Design, model_dir: Path) -> Path:
    return model_dir / f"ranker-{i}.{'pkl' if design.objective == 'hgb' else 'txt'}"


def _library(design: Design) -> tuple[str, str]:
    """The library a design's models need and its version (checked when loading)."""
    if design.objective == "hgb":
        import sklearn  # deferred: only to save or load a scikit-learn ranker

        return "scikit-learn", sklearn.__version__
    return "lightgbm", _lgb().__version__


def save(model: Ranker, meta: dict, model_dir: Path = MODEL_DIR) -> None:
    """The members (LightGBM text models; scikit-learn models pickled, loaded only with
    the same scikit-learn version) and ``ranker.json`` beside them."""
    model_dir.mkdir(parents=True, exist_ok=True)
    for old in model_dir.glob("ranker*"):
        old.unlink()
    design = model.design
    for i, member in enumerate(model.members):
        path = _member_file(i, design, model_dir)
        if design.objective == "hgb":
            path.write_bytes(pickle.dumps(member, protocol=5))
        else:
            member.save_model(str(path))
    library, version = _library(design)
    meta = {**meta, "version": MODEL_VERSION, "features": list(FEATURES), "design": asdict(design),
            "library": library, "library_version": version, "numpy": np.__version__}
    (model_dir / META_FILE.name).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


_SHIPPED: list = []


def shipped() -> Ranker | None:
    """The shipped model, loaded once per process (``None`` when not usable)."""
    if not _SHIPPED:
        _SHIPPED.append(load())
    return _SHIPPED[0]


def _compatible(saved: str, design: Design) -> bool:
    """LightGBM text models load within one major version; pickles only with the same version."""
    try:
        _, now = _library(design)
    except ImportError:
        return False
    return saved == now if design.objective == "hgb" else saved.split(".")[0] == now.split(".")[0]


def load(model_dir: Path = MODEL_DIR) -> Ranker | None:
    """The shipped model, or ``None`` when absent, built for other features or another
    version of its library (the service then falls back to the documented blend)."""
    try:
        meta = json.loads((model_dir / META_FILE.name).read_text(encoding="utf-8"))
        d = meta["design"]
        design = Design(**{**d, "seeds": tuple(d["seeds"]), "features": tuple(d["features"])})
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if meta.get("features") != list(FEATURES) or meta.get("version") != MODEL_VERSION \
            or not set(design.features) <= set(FEATURES) or not _compatible(str(meta.get("library_version")), design):
        return None
    files = [_member_file(i, design, model_dir) for i in range(len(design.seeds))]
    if not all(f.is_file() for f in files):
        return None
    if design.objective == "hgb":
        # our own pickles, written by save() with this scikit-learn version
        return Ranker([pickle.loads(f.read_bytes()) for f in files], design)
    lgb = _lgb()
    try:
        return Ranker([lgb.Booster(model_file=str(f)) for f in files], design)
    except lgb.basic.LightGBMError:
        return None
