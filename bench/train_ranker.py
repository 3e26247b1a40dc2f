"""Train the matchmaking ranker on time splits before the test period and ship it (one command).

    python -m bench.train_ranker DATA.csv.gz --mapping samples/mappings/cordis_h2020.toml

Two protocols, one year apart (:data:`VALIDATION` and :data:`TEST`): each pools two
training splits — features from the projects starting up to year ``Y-2`` with labels
from the pairs that first work together in ``Y-1..Y``, and features up to ``Y-1`` with
labels from ``Y`` — and is checked on the graph up to ``Y`` against the pairs first
working together after ``Y``. Designs are compared on the validation protocol
(``Y = 2017``: checked on 2018, nothing of 2018 in training); the chosen design is
retrained on the test protocol (``Y = 2018``) and that model is the one shipped and
scored once on 2019+. The model and its metadata go to ``graph/analytics/models/``
(:data:`ranker.MODEL_DIR`). Seeded: the same data, mapping, design and seed give the
same model.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from graph.analytics import ranker, timesplit
from graph.analytics.projection import EdgeLists

Split = tuple[int, int, int]  # (features up to, labels from, labels to)


@dataclass(frozen=True)
class Protocol:
    name: str
    train: tuple[Split, ...]
    check: Split


VALIDATION = Protocol("validation", ((2015, 2016, 2017), (2016, 2017, 2017)), (2017, 2018, 2018))
TEST = Protocol("test", ((2016, 2017, 2018), (2017, 2018, 2018)), (2018, 2019, 9999))
QUERIES, SEED = 1500, 7


def rows(edges: EdgeLists, splits: tuple[Split, ...], queries: int = QUERIES, seed: int = SEED
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and group sizes of every training split (a seeker of two splits
    is two groups)."""
    xs, ys, gs = [], [], []
    for until, first, last in splits:
        split = timesplit.split(edges, until, first, last, queries=queries, seed=seed)
        X, y, qs = ranker.training_rows(ranker.context(split.graph), split.truth, split.queries)
        xs.append(X)
        ys.append(y)
        gs.append(ranker.group_sizes(qs))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(gs)


def train(edges: EdgeLists, protocol: Protocol = TEST, design: ranker.Design = ranker.DESIGN,
          queries: int = QUERIES, seed: int = SEED, cached: tuple | None = None) -> tuple[ranker.Ranker, dict]:
    """Fit ``design`` on the training splits of ``protocol`` (``cached``: their
    :func:`rows`, to fit several designs on the same rows). Only those splits are read:
    features and labels both end before ``protocol.check``'s label period."""
    if any(last >= protocol.check[1] for _, _, last in protocol.train):
        raise ValueError(f"{protocol.name}: training labels reach the checked period {protocol.check}")
    t0 = time.perf_counter()
    X, y, groups = cached if cached is not None else rows(edges, protocol.train, queries, seed)
    t1 = time.perf_counter()
    model = ranker.fit_rows(X, y, groups, design)
    meta = {"splits": [list(s) for s in protocol.train], "seed": seed, "queries": queries,
            "groups": int(len(groups)), "rows": int(len(y)), "positives": int(y.sum()),
            "rows_seconds": round(t1 - t0, 1), "fit_seconds": round(time.perf_counter() - t1, 1)}
    return model, meta


def main(argv: list[str] | None = None) -> int:
    from ingest.tabular import load_mapping, read_table

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="participations table")
    ap.add_argument("--mapping", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=QUERIES)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    table = read_table(args.data, load_mapping(args.mapping))
    model, meta = train(timesplit.edges_from_rows(table.rows), TEST, ranker.DESIGN, args.queries, args.seed)
    meta["data"] = {"file": args.data.name, "sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
                    "rows": len(table.rows), "mapping": args.mapping.name}
    ranker.save(model, meta)
    print(f"model written to {ranker.MODEL_DIR} ({meta['rows']:,} pairs, {meta['positives']:,} positive, "
          f"rows {meta['rows_seconds']}s, fit {meta['fit_seconds']}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
