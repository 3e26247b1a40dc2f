"""Projections of the graph as scipy sparse matrices, built from plain edge lists.

:class:`EdgeLists` is what the store gives (see :func:`graph.analytics.cache.load_edges`)
and what the synthetic benchmark generates, so both share :func:`build`.

Index spaces:

* *actors*: every non-project entity (organizations, universities, people), one
  row each; ``org_mask`` marks the organization-like ones;
* *projects*: one column each.

Matrices (all CSR):

* ``B``  actors x projects, 1 where the actor PARTICIPATES_IN or LEADS the project;
* ``C``  actors x actors, co-participation counts ``B @ B.T`` with the diagonal removed;
* ``P``  explicit PARTNERS_WITH, symmetric 0/1;
* ``F``  AFFILIATED_WITH (person <-> organization), symmetric 0/1;
* ``A``  organization-level adjacency: (C > 0 or P) between org-like actors, 0/1 —
  "already works with"; recommendations never propose a neighbour in ``A``;
* ``W``  weighted org graph ``C + 2 P`` restricted to org-like actors (communities),
  derived on first use and not pickled;
* ``E``  entity graph for paths: (C > 0) or P or F over all actors, likewise;
* ``T``  projects x terms TF-IDF, ``O`` actors x terms topic profiles (row-normalised
  ``B @ T``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from graph.analytics import text
from graph.analytics.roles import ROLE_INDEX, role_of
from grappe.errors import NotFound


@dataclass
class EdgeLists:
    """Inputs of a projection.

    ``entities``: dicts with ``id``, ``name``, ``type`` (Organization, University,
    Person, Project) and ``subtype``; ``participations``: (actor id, project id);
    ``partnerships``: (org id, org id), either order; ``affiliations``: (person id,
    org id); ``project_text``: project id -> text for topics (name, description,
    evidence sentences).
    """

    entities: list[dict]
    participations: list[tuple[str, str]]
    partnerships: list[tuple[str, str]] = field(default_factory=list)
    affiliations: list[tuple[str, str]] = field(default_factory=list)
    project_text: dict[str, str] = field(default_factory=dict)


ORG_TYPES = ("Organization", "University")


def _sym01(rows: np.ndarray, cols: np.ndarray, n: int) -> sp.csr_matrix:
    m = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n))
    m = m + m.T
    m.data[:] = 1.0
    m.setdiag(0)
    m.eliminate_zeros()
    return m.tocsr()


@dataclass
class Projection:
    actors: list[dict]
    actor_index: dict[str, int]
    projects: list[dict]
    project_index: dict[str, int]
    org_mask: np.ndarray
    role: np.ndarray  # role index per actor
    B: sp.csr_matrix
    C: sp.csr_matrix
    P: sp.csr_matrix
    F: sp.csr_matrix
    A: sp.csr_matrix
    T: sp.csr_matrix
    O: sp.csr_matrix  # noqa: E741 - the profile matrix
    terms: list[str]
    degree: np.ndarray  # degree in A
    build_seconds: float = 0.0
    #: start year per project (0 when unknown) and country per actor ("" when unknown):
    #: the learned ranker's recency and same-country features
    project_year: np.ndarray | None = None
    country: list[str] | None = None
    #: precomputed analytics, filled lazily (communities, brokers...)
    extras: dict = field(default_factory=dict)

    # ------------------------------------------------------------------ derived, not pickled
    @property
    def W(self) -> sp.csr_matrix:  # matrix name
        """Weighted organization graph ``C + 2P`` between org-like actors (built on first use)."""
        m = self.extras.get("_W")
        if m is None:
            orgs = sp.diags(self.org_mask.astype(np.float32))
            m = (orgs @ (self.C + 2 * self.P) @ orgs).tocsr()
            m.eliminate_zeros()
            self.extras["_W"] = m
        return m

    @property
    def E(self) -> sp.csr_matrix:  # matrix name
        """Entity graph for paths: co-participation or partnership or affiliation, 0/1."""
        m = self.extras.get("_E")
        if m is None:
            m = (self.C + self.P + self.F).tocsr()
            m.data[:] = 1.0
            m.eliminate_zeros()
            self.extras["_E"] = m
        return m

    @property
    def BT(self) -> sp.csr_matrix:  # matrix name
        """Projects x actors (``B`` transposed, CSR), built on first use."""
        m = self.extras.get("_BT")
        if m is None:
            m = self.extras["_BT"] = self.B.T.tocsr()
        return m

    @property
    def name_rank(self) -> np.ndarray:
        """Each actor's position in name order (to sort actors by name with numpy)."""
        m = self.extras.get("_name_rank")
        if m is None:
            order = sorted(range(len(self.actors)), key=lambda i: self.actors[i]["name"])
            m = np.empty(len(self.actors), dtype=np.int64)
            m[order] = np.arange(len(self.actors))
            self.extras["_name_rank"] = m
        return m

    def entity_links(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Neighbours of actor ``i`` in the entity graph ``E`` (sorted) and, for each,
        the number of projects shared with ``i``; read from ``B`` (cheap per node)."""
        bt = self.BT
        projs = self.projects_of(i)
        members = (np.concatenate([bt.indices[bt.indptr[p]:bt.indptr[p + 1]] for p in projs])
                   if len(projs) else np.array([], dtype=np.int32))
        nbrs, counts = np.unique(members, return_counts=True)
        extra = np.union1d(self.neighbors(self.P, i), self.neighbors(self.F, i))
        if len(extra):
            allv = np.union1d(nbrs, extra)
            shared = np.zeros(len(allv), dtype=np.int64)
            shared[np.searchsorted(allv, nbrs)] = counts
            nbrs, counts = allv, shared
        keep = nbrs != i
        return nbrs[keep], counts[keep]

    # ------------------------------------------------------------------ helpers
    def index(self, entity_id: str) -> int:
        try:
            return self.actor_index[entity_id]
        except KeyError:
            raise NotFound(f"no organization, university or person with id {entity_id!r} "
                           "in the analytics projection",
                           "Check the id (`grappe entity`), or re-run after ingesting.") from None

    def entity(self, i: int) -> dict:
        return self.actors[i]

    def neighbors(self, mat: sp.csr_matrix, i: int) -> np.ndarray:
        return mat.indices[mat.indptr[i]:mat.indptr[i + 1]]

    def projects_of(self, i: int) -> np.ndarray:
        return self.neighbors(self.B, i)

    def shared_projects(self, i: int, j: int) -> list[dict]:
        common = np.intersect1d(self.projects_of(i), self.projects_of(j), assume_unique=True)
        return [self.projects[p] for p in common]

    def summary(self) -> dict:
        return {
            "actors": len(self.actors), "organizations": int(self.org_mask.sum()),
            "projects": len(self.projects), "participations": int(self.B.nnz),
            "co_participation_pairs": int(self.C.nnz // 2), "partnerships": int(self.P.nnz // 2),
            "affiliations": int(self.F.nnz // 2), "terms": len(self.terms),
            "build_seconds": round(self.build_seconds, 3),
        }


def _entity_dict(e: dict) -> dict:
    return {"id": e["id"], "name": e.get("name") or e["id"], "type": e.get("type"),
            "subtype": e.get("subtype")}


def build(edges: EdgeLists) -> Projection:
    """Build every matrix from edge lists (unknown ids in edges are skipped)."""
    t0 = time.perf_counter()
    actors: list[dict] = []
    projects: list[dict] = []
    for e in edges.entities:
        (projects if e.get("type") == "Project" else actors).append(_entity_dict(e))
    actor_index = {a["id"]: i for i, a in enumerate(actors)}
    project_index = {p["id"]: i for i, p in enumerate(projects)}
    na, npj = len(actors), len(projects)
    org_mask = np.array([a["type"] in ORG_TYPES for a in actors], dtype=bool)
    role = np.array([ROLE_INDEX[role_of(a)] for a in actors], dtype=np.int16)

    def pairs(items: Iterable[tuple[str, str]], left: dict, right: dict) -> tuple[np.ndarray, np.ndarray]:
        rows, cols = [], []
        for a, b in items:
            i, j = left.get(a), right.get(b)
            if i is not None and j is not None:
                rows.append(i)
                cols.append(j)
        return np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)

    r, c = pairs(edges.participations, actor_index, project_index)
    B = sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(na, npj))
    B.sum_duplicates()
    B.data[:] = 1.0
    C = (B @ B.T).tocsr()
    C.setdiag(0)
    C.eliminate_zeros()

    P = _sym01(*pairs(edges.partnerships, actor_index, actor_index), na)
    F = _sym01(*pairs(edges.affiliations, actor_index, actor_index), na)

    orgs = sp.diags(org_mask.astype(np.float32))
    C01 = C.copy()
    C01.data[:] = 1.0
    A = (orgs @ (C01 + P) @ orgs).tocsr()
    A.data[:] = 1.0
    A.eliminate_zeros()

    texts = [edges.project_text.get(p["id"]) or p["name"] for p in projects]
    # actors' names are not topics ("ivado labs", "coveo"): drop terms that are a whole name
    names: set[str] = set()
    for a in actors:
        toks = [t for t in text.tokenize(a["name"]) if " " not in t]
        if 1 <= len(toks) <= 2:
            names.add(" ".join(toks))
    T, terms = text.tfidf(texts, exclude=names)
    O = text.normalize_rows(B @ T) if T.shape[1] else sp.csr_matrix((na, 0), dtype=np.float32)  # noqa: E741

    degree = np.diff(A.indptr).astype(np.int64)
    extra = {e["id"]: e for e in edges.entities if e.get("start_date") or e.get("country")}
    project_year = np.array([_year(extra.get(p["id"], {}).get("start_date")) for p in projects],
                            dtype=np.int32)
    country = [str(extra.get(a["id"], {}).get("country") or "") for a in actors]
    return Projection(
        actors=actors, actor_index=actor_index, projects=projects, project_index=project_index,
        org_mask=org_mask, role=role, B=B, C=C, P=P, F=F, A=A, T=T, O=O, terms=terms,
        degree=degree, build_seconds=time.perf_counter() - t0,
        project_year=project_year, country=country,
    )


def _year(date: object) -> int:
    text = str(date or "")[:4]
    return int(text) if text.isdigit() else 0
