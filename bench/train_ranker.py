"""Train the matchmaking ranker on an earlier time split and ship it (one command).

    python -m bench.train_ranker DATA.csv.gz --mapping samples/mappings/cordis_h2020.toml

Two earlier splits are pooled (:data:`SPLITS`): features from the projects starting
up to 2016 with labels from the pairs that first work together in 2017-2018, and
features up to 2017 with labels from 2018. Nothing of a later test period (2019
on) is seen. The model
(LightGBM text models) and its metadata go to ``graph/analytics/models/`` (:data:`ranker.MODEL_DIR`).
Seeded: the same data, mapping and seed give the same model.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from graph.analytics import ranker, timesplit

#: (features up to, labels from, labels to): two earlier splits, both ending before 2019
SPLITS = ((2016, 2017, 2018), (2017, 2018, 2018))
QUERIES, SEED = 1500, 7


def train(edges, splits: tuple[tuple[int, int, int], ...] = SPLITS, queries: int = QUERIES, seed: int = SEED):
    """Fit on the candidates of every split of ``edges`` (each seeker of each split one
    query group); returns the model and its metadata (splits, sizes, seconds).

    Only the training splits are read (features and labels both end before 2019):
    the 2019+ period the benchmark tests on is never touched here."""
    import numpy as np

    t0 = time.perf_counter()
    xs, ys, gs = [], [], []
    for until, first, last in splits:
        split = timesplit.split(edges, until, first, last, queries=queries, seed=seed)
        X, y, qs = ranker.training_rows(ranker.context(split.graph), split.truth, split.queries)
        xs.append(X)
        ys.append(y)
        gs.append(ranker.group_sizes(qs))  # per split: a seeker of two splits is two groups
    X, y, groups = np.vstack(xs), np.concatenate(ys), np.concatenate(gs)
    model = ranker.fit_rows(X, y, groups)
    meta = {"splits": [list(s) for s in splits], "seed": seed, "queries": queries,
            "groups": int(len(groups)), "rows": int(len(y)), "positives": int(y.sum()),
            "fit_seconds": round(time.perf_counter() - t0, 1)}
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
    model, meta = train(timesplit.edges_from_rows(table.rows), SPLITS, args.queries, args.seed)
    meta["data"] = {"file": args.data.name, "sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
                    "rows": len(table.rows), "mapping": args.mapping.name}
    ranker.save(model, meta)
    print(f"model written to {ranker.MODEL_DIR} ({meta['rows']:,} pairs, {meta['positives']:,} positive, "
          f"{meta['fit_seconds']}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
