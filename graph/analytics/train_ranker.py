"""Train the matchmaking ranker on an earlier time split and ship it (one command).

    python -m graph.analytics.train_ranker DATA.csv.gz --mapping samples/mappings/cordis_h2020.toml

Features come from the projects starting up to ``--features-until`` (2016), labels
from the pairs that first work together in projects starting in the next two
years (2017-2018): nothing of a later test period (2019 on) is seen. The model
and its metadata go to ``graph/analytics/models/`` (:data:`ranker.MODEL_FILE`).
Seeded: the same data, mapping and seed give the same model.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from graph.analytics import ranker, timesplit

FEATURES_UNTIL, LABELS_FIRST, LABELS_LAST = 2016, 2017, 2018
QUERIES, SEED = 1500, 7


def train(edges, features_until: int = FEATURES_UNTIL, labels: tuple[int, int] = (LABELS_FIRST, LABELS_LAST),
          queries: int = QUERIES, seed: int = SEED):
    """Fit on ``edges``; returns the model and its metadata (split, sizes, seconds)."""
    t0 = time.perf_counter()
    split = timesplit.split(edges, features_until, labels[0], labels[1], queries=queries, seed=seed)
    ctx = ranker.context(split.graph)
    model, info = ranker.fit(ctx, split.truth, split.queries, seed=seed)
    meta = {"features_until": features_until, "labels": list(labels), "seed": seed,
            "fit_seconds": round(time.perf_counter() - t0, 1), **info}
    return model, meta


def main(argv: list[str] | None = None) -> int:
    from ingest.tabular import load_mapping, read_table

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="participations table")
    ap.add_argument("--mapping", type=Path, required=True)
    ap.add_argument("--features-until", type=int, default=FEATURES_UNTIL)
    ap.add_argument("--labels", type=int, nargs=2, default=(LABELS_FIRST, LABELS_LAST))
    ap.add_argument("--queries", type=int, default=QUERIES)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    table = read_table(args.data, load_mapping(args.mapping))
    model, meta = train(timesplit.edges_from_rows(table.rows), args.features_until, tuple(args.labels),
                        args.queries, args.seed)
    meta["data"] = {"file": args.data.name, "sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
                    "rows": len(table.rows), "mapping": args.mapping.name}
    ranker.save(model, meta)
    print(f"model written to {ranker.MODEL_FILE} ({meta['rows']:,} pairs, {meta['positives']:,} positive, "
          f"{meta['fit_seconds']}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
