"""The learned matchmaking ranker: graph candidates, per-pair features, a seeded model.

For a seeker ``u`` (an organization of the co-participation graph ``A``):

* **candidates** — organizations it does not work with yet that are two hops away
  (the best :data:`MAX_2HOP` by resource allocation), three hops away (the best
  :data:`MAX_3HOP` by number of 3-walks), sharing its topics or programmes (the best
  :data:`MAX_TOPIC` by profile cosine), and the :data:`MAX_ACTIVE` most active of the
  last two years (a newcomer's first partners are often those);
* **features** per pair (:data:`FEATURES`): common neighbours, Adamic–Adar, resource
  allocation, the same three over the last two years' graph only, 3-walks, both
  degrees and project counts, recent activity and years since the last project,
  topic cosine, same country, both roles and their complementarity;
* **model** — scikit-learn's ``HistGradientBoostingClassifier`` (seeded), trained on
  two earlier time splits by ``python -m bench.train_ranker`` and shipped in
  ``graph/analytics/models/`` with its metadata (:data:`MODEL_VERSION`, features,
  data, seed, library versions). A model whose feature list or scikit-learn version
  does not match is not used (the service falls back to the documented blend).

Hubs (:func:`hub_mask`): the top 1 % of organizations by degree; ``exclude_hubs``
leaves them out of the candidates — a partnership manager does not need to be told
to meet the biggest hub, they can find it alone.

The explanation shown to the user still comes from the graph
(:func:`graph.analytics.recommend.explain`): shared partners, topics, the role.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from graph.analytics import roles
from graph.analytics.projection import Projection

MODEL_VERSION = "3"
MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_FILE = MODEL_DIR / "ranker.pkl"
META_FILE = MODEL_DIR / "ranker.json"

MAX_2HOP, MAX_3HOP, MAX_TOPIC, MAX_ACTIVE = 400, 100, 100, 100
#: years that count as "recent" before the graph's last year (that year included)
RECENT_YEARS = 2
HUB_SHARE = 0.01

FEATURES = (
    "cn", "aa", "ra", "cn_recent", "aa_recent", "ra_recent", "walks3",
    "wcn", "consortium_sum", "consortium_max",
    "deg_u", "deg_v", "projects_u", "projects_v", "recent_projects_v", "recent_deg_v",
    "years_idle_v", "topic", "same_country", "role_u", "role_v", "complement",
)
#: features the model treats as categories
CATEGORICAL = ("role_u", "role_v")


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
    ctx = Context(
        proj=proj, A=proj.A, A_recent=A_recent, deg=deg, deg_recent=deg_recent,
        inv_log=inv_log, inv_deg=inv_deg, inv_log_recent=inv_log_r, inv_deg_recent=inv_deg_r,
        n_projects=np.diff(B.indptr).astype(np.float64),
        n_recent=np.diff(Br.indptr).astype(np.float64), years_idle=idle, country=country,
        hubs=hub_mask(proj), last_year=last_year,
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
    out = {
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
    }
    return np.column_stack([cols[f] for f in FEATURES]) if n else np.zeros((0, len(FEATURES)))


# --------------------------------------------------------------------------- model


def new_model(seed: int = 7):
    # deferred: scikit-learn loads only to train or read the ranker
    from sklearn.ensemble import (
        HistGradientBoostingClassifier,  # deferred: scikit-learn loads only to train or read the ranker
    )

    return HistGradientBoostingClassifier(
        max_iter=120, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=40,
        l2_regularization=1.0, categorical_features=[FEATURES.index(c) for c in CATEGORICAL],
        early_stopping=False, random_state=seed)


def training_rows(ctx: Context, truth: dict[int, set[int]], queries: np.ndarray,
                  exclude_hubs: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and query ids of every candidate of every query."""
    xs, ys, qs = [], [], []
    for u in queries.tolist():
        vecs = vectors(ctx, u)
        cands = candidates(ctx, u, vecs, exclude_hubs)
        if not len(cands):
            continue
        xs.append(features(ctx, u, cands, vecs))
        ys.append(np.isin(cands, list(truth[u])).astype(np.int8))
        qs.append(np.full(len(cands), u))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(qs)


def fit(ctx: Context, truth: dict[int, set[int]], queries: np.ndarray, seed: int = 7):
    """Train a model on ``ctx`` (the earlier graph) with ``truth`` (its later new partners)."""
    X, y, _ = training_rows(ctx, truth, queries)
    model = new_model(seed)
    model.fit(X, y)
    return model, {"rows": int(len(y)), "positives": int(y.sum()), "queries": int(len(queries))}


def rank(ctx: Context, u: int, model, k: int = 10, exclude_hubs: bool = False
         ) -> tuple[np.ndarray, np.ndarray]:
    """Top ``k`` candidate indices for ``u`` by the model's probability, and those scores."""
    vecs = vectors(ctx, u)
    cands = candidates(ctx, u, vecs, exclude_hubs)
    if not len(cands):
        return cands, np.zeros(0)
    p = model.predict_proba(features(ctx, u, cands, vecs))[:, 1]
    order = np.lexsort((cands, -p))[:k]
    return cands[order], p[order]


def save(model, meta: dict, model_file: Path = MODEL_FILE, meta_file: Path = META_FILE) -> None:
    import sklearn  # deferred: scikit-learn loads only to train or read the ranker

    model_file.parent.mkdir(parents=True, exist_ok=True)
    meta = {**meta, "version": MODEL_VERSION, "features": list(FEATURES),
            "sklearn": sklearn.__version__, "numpy": np.__version__}
    with model_file.open("wb") as fh:
        pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
    meta_file.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


_SHIPPED: list = []


def shipped():
    """The shipped model, loaded once per process (``None`` when not usable)."""
    if not _SHIPPED:
        _SHIPPED.append(load())
    return _SHIPPED[0]


def load(model_file: Path = MODEL_FILE, meta_file: Path = META_FILE):
    """The shipped model, or ``None`` when absent or built for other features/library."""
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        import sklearn  # deferred: scikit-learn loads only to train or read the ranker
    except (OSError, ValueError, ImportError):
        return None
    if meta.get("features") != list(FEATURES) or meta.get("sklearn") != sklearn.__version__:
        return None
    try:
        # our own file, shipped in the package (never a user-supplied path)
        with model_file.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError):
        return None


def rank_many(ctx: Context, queries: list[int], model, k: int = 100, exclude_hubs: bool = False,
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
        p = model.predict_proba(X)[:, 1] if len(X) else np.zeros(0)
        at = 0
        for u, cands, x in part:
            pu, at = p[at:at + len(x)], at + len(x)
            out[u] = cands[np.lexsort((cands, -pu))[:k]]
    return out
