"""Matchmaking benchmark: held-out collaborations, our recommender vs baselines, and latency.

    .venv/bin/python bench/matchmaking.py                 # synthetic 50k orgs / 10k projects
    .venv/bin/python bench/matchmaking.py --from-store    # also the graph in the configured store
    .venv/bin/python bench/matchmaking.py --orgs 5000 --projects 1000 --queries 300   # quick run
    .venv/bin/python bench/matchmaking.py --cordis /work/shared/data/cordis-h2020 --no-synthetic

CORDIS (``--cordis DIR``, :func:`cordis_bench`): the real H2020 co-participation
network read through the import mapping, time split — graph of the projects
starting up to 2018, truth = pairs that first work together in projects starting
in 2019 or later (both already in the graph), 2,000 seeded queries among
organizations with a partner by 2018. Popularity, common neighbours, Adamic–Adar,
resource allocation and Grappe's learned ranker (trained in the run on features up
to 2016 and labels 2017-2018, nothing of the test period), with and without hubs
(the top 1 % by degree, left out of candidates and truth alike).

Protocol (:mod:`graph.analytics.evaluate`): hide a seeded 20% of participations
(and of explicit partnerships), build the projection from the rest, and for
organizations that gained partners in the hidden part, check whether the top 10
recommendations contain one (hits@10) and where the first one ranks (MRR over
the top 100). Baselines: popularity (most connected first) and random. Latency:
one ``rank`` + ``explain`` of 10 candidates on the full 50k projection, after
it is built (build time reported separately).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.analytics import evaluate, synthetic
from graph.analytics import projection as projection_mod
from graph.analytics.recommend import explain, rank

METHODS = ("combined", "proximity", "topic", "popularity", "random")


def report(name: str, res: dict, n_queries: int) -> dict:
    pop = res["popularity"]["hits@10"]
    print(f"\n== {name}: {n_queries} queries")
    print(f"{'method':<12}{'hits@10':>10}{'MRR':>10}{'median ms':>12}")
    for m, r in res.items():
        print(f"{m:<12}{r['hits@10']:>10.3f}{r['mrr']:>10.3f}{r['median_ms']:>12.2f}")
    ratio = res["combined"]["hits@10"] / pop if pop else float("inf")
    print(f"combined / popularity hits@10: {ratio:.2f}x (target >= 1.5x)")
    return {"queries": n_queries, "results": res, "ratio_vs_popularity": ratio}


def latency(proj, n: int = 200, seed: int = 11) -> dict:
    rng = np.random.default_rng(seed)
    active = np.flatnonzero(proj.org_mask & (proj.degree > 0))
    times = []
    for u in rng.choice(active, size=min(n, len(active)), replace=False):
        t0 = time.perf_counter()
        idx, comps = rank(proj, int(u), 10)
        [explain(proj, int(u), int(v), comps) for v in idx]
        times.append(time.perf_counter() - t0)
    ms = np.array(times) * 1000
    return {"median_ms": float(np.median(ms)), "p95_ms": float(np.percentile(ms, 95)),
            "max_ms": float(ms.max())}


def synthetic_bench(args: argparse.Namespace) -> dict:
    t0 = time.perf_counter()
    edges = synthetic.generate(args.orgs, args.projects, seed=args.seed)
    gen = time.perf_counter() - t0
    print(f"synthetic: {args.orgs} orgs, {args.projects} projects, {len(edges.participations)} "
          f"participations, {len(edges.partnerships)} partnerships (generated in {gen:.1f}s)")
    t0 = time.perf_counter()
    full = projection_mod.build(edges)
    build = time.perf_counter() - t0
    print(f"projection build: {build:.2f}s  {full.summary()}")
    lat = latency(full)
    print(f"one recommendation (rank + explain top 10): median {lat['median_ms']:.1f} ms, "
          f"p95 {lat['p95_ms']:.1f} ms, max {lat['max_ms']:.1f} ms (target <= 200 ms)")
    del full
    split = evaluate.split(edges, hide=args.hide, seed=args.seed, max_queries=args.queries)
    res = evaluate.evaluate(split, methods=METHODS)
    out = report("synthetic", res, len(split.queries))
    out.update({"build_seconds": build, "latency": lat, "size": split.full.summary()})
    return out


def gold_edges(folder: Path):
    """Edge lists from gold annotation files (entities merged across files by folded name)."""
    from graph.analytics.projection import EdgeLists
    from graph.analytics.text import fold

    entities: dict[str, dict] = {}
    parts, partners, affs, texts = set(), set(), set(), {}
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        local = {}
        for e in doc["entities"]:
            gid = f"{e['type']}:{' '.join(fold(e['name']).split())}"
            local[e["id"]] = gid
            entities.setdefault(gid, {"id": gid, "name": e["name"], "type": e["type"],
                                      "subtype": e.get("subtype")})
            if e["type"] == "Project":
                texts[gid] = " ".join([e["name"], *e.get("aliases", [])])
        for r in doc["relations"]:
            a, b = local.get(r["source"]), local.get(r["target"])
            if a is None or b is None:
                continue
            if r["type"] in ("PARTICIPATES_IN", "LEADS"):
                parts.add((a, b))
            elif r["type"] == "PARTNERS_WITH":
                partners.add((a, b))
            elif r["type"] == "AFFILIATED_WITH":
                affs.add((a, b))
    return EdgeLists(entities=list(entities.values()), participations=sorted(parts),
                     partnerships=sorted(partners), affiliations=sorted(affs), project_text=texts)


def store_bench(args: argparse.Namespace) -> dict | None:
    from graph.analytics.cache import load_edges
    from graph.store import open_store
    from grappe.settings import Settings

    t0 = time.perf_counter()
    if args.from_gold:
        edges = gold_edges(args.from_gold)
        source = f"gold {args.from_gold}"
    else:
        source = "store"
        try:
            store = open_store(Settings.load())
        except Exception as exc:  # no store configured / not running
            print(f"\n== store: skipped ({exc})")
            return None
        try:
            edges = load_edges(store)
        finally:
            store.close()
    load = time.perf_counter() - t0
    if not edges.participations:
        print(f"\n== {source}: skipped (no participations; ingest the dev corpus first)")
        return None
    t0 = time.perf_counter()
    full = projection_mod.build(edges)
    build = time.perf_counter() - t0
    print(f"\n{source}: read in {load:.2f}s, projection built in {build:.2f}s  {full.summary()}")
    split = evaluate.split(edges, hide=args.hide, seed=args.seed, max_queries=args.queries)
    if not len(split.queries):
        print("== store: no organization gained a partner in the hidden part; nothing to evaluate")
        return None
    # small graphs: average over several seeded splits for stable figures
    runs = [evaluate.evaluate(split, methods=METHODS)]
    for s in range(1, args.store_repeats):
        sp_ = evaluate.split(edges, hide=args.hide, seed=args.seed + s, max_queries=args.queries)
        if len(sp_.queries):
            runs.append(evaluate.evaluate(sp_, methods=METHODS))
    res = {m: {k: float(np.mean([r[m][k] for r in runs])) for k in runs[0][m]} for m in METHODS}
    out = report(f"{source} (mean of {len(runs)} splits)", res, len(split.queries))
    out.update({"build_seconds": build, "read_seconds": load, "size": full.summary()})
    return out


HEURISTICS = ("popularity", "common neighbours", "Adamic-Adar", "resource allocation")
_VECTOR = {"common neighbours": "cn", "Adamic-Adar": "aa", "resource allocation": "ra"}


def heuristic_top(ctx, u: int, method: str, k: int, exclude_hubs: bool, vecs: dict) -> np.ndarray:
    """Top ``k`` non-partners of ``u`` by a heuristic score; ties go to the most connected."""
    from graph.analytics import ranker

    mask = ranker.candidate_mask(ctx, u, exclude_hubs)
    score = ctx.deg.astype(np.float64) if method == "popularity" else vecs[_VECTOR[method]]
    score = np.where(mask, score + 1e-6 * ctx.deg / (ctx.deg.max() + 1.0), -np.inf)
    k = min(k, int(mask.sum()))
    top = np.argpartition(-score, k - 1)[:k]
    return top[np.lexsort((top, -score[top]))]


def _scores(tops: dict[int, np.ndarray], truth: dict[int, set[int]], k: int = 10) -> dict[str, float]:
    hits, rr = 0, 0.0
    for u, top in tops.items():
        first = next((i for i, v in enumerate(top.tolist()) if v in truth[u]), None)
        if first is not None:
            rr += 1.0 / (first + 1)
            hits += first < k
    n = max(len(tops), 1)
    return {f"hits@{k}": hits / n, "mrr": rr / n}


def _designs():
    """Designs compared on the validation protocol (``--validate``), on the same rows: the
    two LightGBM ranking objectives, scikit-learn's pointwise HistGradientBoosting (same
    trees, leaves and rate), and LambdaRank averaged over two seeds."""
    from graph.analytics import ranker

    return (
        ranker.Design("lambdarank", "lambdarank"),
        ranker.Design("rank_xendcg", "rank_xendcg"),
        ranker.Design("hgb", "hgb"),
        ranker.Design("lambdarank, 2 seeds", "lambdarank", seeds=(7, 8)),
    )


def check_period(edges, protocol, models: dict, queries: int, seed: int) -> dict:
    """Heuristics and ``models`` (name -> ranker) on ``protocol.check``: hits@10, MRR,
    per-query hits (for paired comparisons) and degrees, with and without hubs."""
    from graph.analytics import ranker, timesplit

    until, first, last = protocol.check
    split = timesplit.split(edges, until, first, last, queries=queries, seed=seed)
    ctx = ranker.context(split.graph)
    out: dict = {"split": split, "ctx": ctx, "settings": {}}
    tops_h: dict[tuple[str, bool], dict[int, np.ndarray]] = {}
    for u in split.queries.tolist():  # one set of score vectors per query, for every heuristic
        vecs = ranker.vectors(ctx, u)
        for exclude in (False, True):
            for method in HEURISTICS:
                tops_h.setdefault((method, exclude), {})[u] = heuristic_top(ctx, u, method, 100, exclude, vecs)
    for exclude in (False, True):
        truth = {u: ({v for v in t if not ctx.hubs[v]} if exclude else t) for u, t in split.truth.items()}
        queries_ = [u for u in split.queries.tolist() if truth[u]]
        X, cands, qs = ranker.candidate_rows(ctx, queries_, exclude)
        tops = {m: {u: tops_h[m, exclude][u] for u in queries_} for m in HEURISTICS}
        for name, model in models.items():
            found = ranker.top_per_group(model.score(X, ranker.group_sizes(qs).tolist()), cands, qs)
            tops[name] = {u: found.get(u, np.zeros(0, np.int64)) for u in queries_}
        res = {m: _scores(t, truth) for m, t in tops.items()}
        hits = {m: np.array([bool(set(t[u][:10].tolist()) & truth[u]) for u in queries_]) for m, t in tops.items()}
        best = max(HEURISTICS, key=lambda m: res[m]["hits@10"])
        degree = {m: float(np.median(np.concatenate([ctx.deg[t[u][:10]] for u in queries_]))) for m, t in tops.items()}
        degree["true new partners"] = float(np.median(np.concatenate([ctx.deg[list(truth[u])] for u in queries_])))
        out["settings"]["hubs left out" if exclude else "all candidates"] = {
            "queries": len(queries_), "methods": res, "hits": hits, "best_heuristic": best, "median_degree": degree}
    return out


def print_table(title: str, period: dict) -> None:
    for label, r in period["settings"].items():
        best = r["best_heuristic"]
        print(f"\n== {title}, {label}: {r['queries']} queries")
        print(f"{'method':<40}{'hits@10':>9}{'MRR':>8}{'x best':>8}{'median deg':>12}")
        for m, v in r["methods"].items():
            ratio = v["hits@10"] / r["methods"][best]["hits@10"]
            print(f"{m:<40}{v['hits@10']:>9.3f}{v['mrr']:>8.3f}{ratio:>7.3f}x{r['median_degree'][m]:>12.0f}")
        print(f"{'(true new partners)':<65}{r['median_degree']['true new partners']:>12.0f}")


def paired_difference(period: dict, a: str, b: str, n: int = 2000, seed: int = 7) -> tuple[float, float, float]:
    """Mean over the two settings of hits@10(a) - hits@10(b), with a 90 % paired bootstrap
    interval (queries resampled within each setting)."""
    rng = np.random.default_rng(seed)
    diffs = [r["hits"][a].astype(float) - r["hits"][b].astype(float) for r in period["settings"].values()]
    boot = np.mean([[d[rng.integers(0, len(d), len(d))].mean() for _ in range(n)] for d in diffs], axis=0)
    return float(np.mean([d.mean() for d in diffs])), float(np.percentile(boot, 5)), float(np.percentile(boot, 95))


def choose(period: dict, designs) -> tuple:
    """The design with the best mean hits@10 over both settings; a LightGBM design only
    when it beats the best scikit-learn one with the paired interval above zero (else
    the dependency is not worth it)."""
    def mean_hits(d) -> float:
        return float(np.mean([r["methods"][d.name]["hits@10"] for r in period["settings"].values()]))

    best = max(designs, key=mean_hits)
    sk = [d for d in designs if d.objective == "hgb"]
    if best.objective == "hgb" or not sk:
        return best, None
    best_sk = max(sk, key=mean_hits)
    diff = paired_difference(period, best.name, best_sk.name)
    return (best if diff[1] > 0 else best_sk), (best.name, best_sk.name, diff)


def cordis_bench(args: argparse.Namespace) -> dict:
    import resource

    from bench import train_ranker
    from graph.analytics import ranker, timesplit
    from graph.analytics.recommend import explain as explain_mod
    from ingest.tabular import load_mapping, read_table

    mapping = load_mapping(args.mapping)
    t0 = time.perf_counter()
    table = read_table(args.cordis / "h2020_participations.csv.gz", mapping)
    edges = timesplit.edges_from_rows(table.rows)
    read_s = time.perf_counter() - t0
    print(f"CORDIS: {len(table.rows):,} rows read and mapped in {read_s:.1f}s ({len(table.bad)} bad)")
    out: dict = {"read_seconds": read_s}
    design = ranker.DESIGN
    if args.validate:
        # choose on validation: train <= 2017 (labels to 2017), check on pairs new in 2018
        proto = train_ranker.VALIDATION
        t0 = time.perf_counter()
        cached = train_ranker.rows(edges, proto.train, seed=args.seed)
        print(f"\nvalidation: training rows of splits {proto.train} in {time.perf_counter() - t0:.0f}s "
              f"({len(cached[1]):,} pairs)")
        models, fits = {}, {}
        for d in _designs():
            models[d.name], meta = train_ranker.train(edges, proto, d, seed=args.seed, cached=cached)
            fits[d.name] = meta["fit_seconds"]
            print(f"  {d.name}: fit in {meta['fit_seconds']:.0f}s", flush=True)
        val = check_period(edges, proto, models, args.cordis_queries, args.seed + 1)
        print_table(f"VALIDATION (graph <= {proto.check[0]}, new pairs {proto.check[1]})", val)
        design, lgb_vs_sk = choose(val, _designs())
        if lgb_vs_sk:
            a, b, (m, lo, hi) = lgb_vs_sk
            print(f"\n{a} - {b}: hits@10 {m:+.3f} (90% paired bootstrap {lo:+.3f} .. {hi:+.3f}), mean of both settings")
        print(f"chosen on validation: {design.name} ({design})")
        out["validation"] = {"fit_seconds": fits, "design": design.name, "lgb_vs_sklearn": lgb_vs_sk,
                             "settings": _strip(val)}
    proto = train_ranker.TEST
    t0 = time.perf_counter()
    model = None if (args.train or args.validate) else ranker.shipped()
    if model is not None:
        meta = json.loads(ranker.META_FILE.read_text(encoding="utf-8"))
        print(f"\nranker: the shipped model ({ranker.MODEL_DIR.name}/, design {meta['design']['name']}, splits "
              f"{meta['splits']}; --validate or --train to refit in the run)")
        if meta["splits"] != [list(s) for s in proto.train]:
            raise SystemExit("the shipped ranker was not trained on the test protocol's splits: retrain it")
    else:
        model, meta = train_ranker.train(edges, proto, design, seed=args.seed)
        print(f"\nranker {design.name} retrained on splits {proto.train}: rows {meta['rows_seconds']:.0f}s, "
              f"fit {meta['fit_seconds']:.0f}s ({meta['rows']:,} pairs)")
    name = f"Grappe (learned, {model.design.name})"
    test = check_period(edges, proto, {name: model}, args.cordis_queries, args.seed)
    print_table(f"TEST, scored once (graph <= {proto.check[0]}, new pairs {proto.check[1]}+)", test)
    out.update({"train": meta, "test": _strip(test)})

    ctx, split = test["ctx"], test["split"]
    rng = np.random.default_rng(args.seed)
    times, cpu = [], []
    for u in rng.choice(split.queries, size=min(200, len(split.queries)), replace=False).tolist():
        s0, c0 = time.perf_counter(), time.process_time()
        idx, _ = ranker.rank(ctx, u, model, 10)
        comps = {"proximity": np.zeros(len(ctx.deg)), "topic": np.zeros(len(ctx.deg)),
                 "role": np.zeros(len(ctx.deg))}
        [explain_mod(split.graph, u, int(v), comps) for v in idx]
        times.append(time.perf_counter() - s0)
        cpu.append(time.process_time() - c0)
    ms, cpu_ms = np.array(times) * 1000, np.array(cpu) * 1000
    lat = {"median_ms": float(np.median(ms)), "p95_ms": float(np.percentile(ms, 95)),
           "cpu_median_ms": float(np.median(cpu_ms)), "cpu_p95_ms": float(np.percentile(cpu_ms, 95))}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\none recommendation (learned rank + explain top 10): median {lat['median_ms']:.0f} ms, "
          f"p95 {lat['p95_ms']:.0f} ms (target <= 200 ms); CPU time median {lat['cpu_median_ms']:.0f} ms, "
          f"p95 {lat['cpu_p95_ms']:.0f} ms; peak memory {rss:.0f} MB; load average {os.getloadavg()}")
    out.update({"latency": lat, "peak_rss_mb": rss, "loadavg": os.getloadavg()})
    return out


def _strip(period: dict) -> dict:
    """The JSON-able part of :func:`check_period`'s result."""
    return {label: {k: v for k, v in r.items() if k != "hits"} for label, r in period["settings"].items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--orgs", type=int, default=50_000)
    ap.add_argument("--projects", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=1000, help="organizations evaluated (sampled)")
    ap.add_argument("--hide", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--from-store", action="store_true", help="also evaluate on the configured store's graph")
    ap.add_argument("--from-gold", type=Path, default=None,
                    help="evaluate on the graph of gold annotation files in this folder instead of a store")
    ap.add_argument("--store-repeats", type=int, default=5)
    ap.add_argument("--no-synthetic", action="store_true")
    ap.add_argument("--cordis", type=Path, default=None,
                    help="folder of the CORDIS H2020 data (time-split benchmark, learned ranker)")
    ap.add_argument("--mapping", type=Path,
                    default=Path(__file__).resolve().parent.parent / "samples/mappings/cordis_h2020.toml")
    ap.add_argument("--cordis-queries", type=int, default=2000)
    ap.add_argument("--validate", action="store_true",
                    help="CORDIS: compare designs on the validation split (<= 2017 -> 2018), retrain the chosen "
                         "one on <= 2018 and score 2019+ once; prints both tables")
    ap.add_argument("--train", action="store_true",
                    help="CORDIS: fit the ranker in the run (same code and seed) instead of the shipped one")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = ap.parse_args(argv)
    out: dict = {}
    if args.from_store or args.from_gold:
        out["store"] = store_bench(args)
    if args.cordis:
        out["cordis"] = cordis_bench(args)
    if not args.no_synthetic:
        out["synthetic"] = synthetic_bench(args)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
