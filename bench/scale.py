"""Benchmark: the map step spread out, the reduce step row by row and in bulk.

A synthetic corpus of --docs documents is built from the bundled samples with their
entities renamed: each document takes a sample's clean text and renames every entity
the extractor finds in it (the last word of a name, the family name of a person) to an
invented word drawn with a skewed distribution from a pool, so the same invented
organizations recur across documents and resolution has real merging to do.

Measured, each after the models are loaded (start-up is reported apart):

* extraction (`grappe extract --out`): 1 local worker (this process), 2 local worker
  processes, a local Dask cluster of 2 worker processes; documents/s, words/s, and the
  peak resident memory of each worker process (sampled every 0.2 s);
* loading the first --load-docs records (`grappe load`): batched UNWIND writes against
  bulk (`--bulk`, falkordb-bulk-loader), in graph rows/s (nodes + relationships), with
  the in-memory resolution the bulk path does timed apart.

    .venv/bin/python bench/scale.py [--docs 5000] [--modes local1,local2,dask2] [--json out.json]

With ``--workdir DIR`` the corpus and the records are kept there, and a later run with the
same folder reuses them (``--modes local1 --load-docs 5000`` then only times the loads).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402  (comes with dask.distributed)

from graph.resolve.store_resolver import StoreResolver  # noqa: E402
from graph.store import open_store  # noqa: E402
from grappe.model import EntityType  # noqa: E402
from grappe.settings import Settings  # noqa: E402
from ingest.bulk import bulk_load, resolve_folder  # noqa: E402
from ingest.load import load_folder  # noqa: E402
from ingest.loaders import load_document  # noqa: E402
from ingest.mapstep import extract_to_folder, mapper_for  # noqa: E402
from ingest.records import read_index, write_index  # noqa: E402
from ingest.workers import make_extractor  # noqa: E402

SAMPLES = ROOT / "samples" / "corpus"
SYLLABLES = ("ba", "ri", "no", "ve", "la", "tor", "mi", "sen", "qua", "dor", "li", "ga", "zel", "pol", "ran",
             "tic")
POOL = 4000  # invented names per entity type


# --------------------------------------------------------------------------- the corpus


def invented(k: int, etype: EntityType) -> str:
    """A pronounceable invented word, one per (pool index, type)."""
    n = k + 1 + POOL * list(EntityType).index(etype)
    parts = []
    while n:
        n, r = divmod(n, len(SYLLABLES))
        parts.append(SYLLABLES[r])
    while len(parts) < 3:
        parts.append(SYLLABLES[len(parts) * 5 % len(SYLLABLES)])
    return "".join(parts).capitalize()


def renamed(name: str, etype: EntityType, k: int) -> str:
    words = name.split()
    if len(words) == 1:
        return invented(k, etype)
    return " ".join([*words[:-1], invented(k, etype)])


def build_corpus(n_docs: int, out: Path, seed: int = 17) -> tuple[list[Path], int]:
    docs = [load_document(p) for p in sorted(SAMPLES.iterdir())]
    extractor = make_extractor()
    names = []
    for ex in extractor.extract_many(docs):
        found = {(e.name, e.type) for e in ex.entities if len(e.name) >= 3}
        names.append(sorted(found, key=lambda x: -len(x[0])))
    rng = random.Random(seed)
    paths, words = [], 0
    for i in range(n_docs):
        base = i % len(docs)
        text, found = docs[base].text, names[base]
        mapping = {name: renamed(name, etype, int(POOL * rng.random() ** 3)) for name, etype in found}
        if mapping:
            pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n, _ in found))
            text = pattern.sub(lambda m, names=mapping: names.get(m.group(0), m.group(0)), text)
        path = out / f"synthetic-{i:05d}-{docs[base].language}.txt"
        path.write_text(f"{text}\n\n[{i}]\n", encoding="utf-8")
        paths.append(path)
        words += len(text.split())
    return paths, words


# --------------------------------------------------------------------------- memory


class PeakMemory:
    """Peak RSS of every process under this one, sampled in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for p in [me, *me.children(recursive=True)]:
                try:
                    rss = p.memory_info().rss
                    name = " ".join(p.cmdline()[1:3])[:60]
                except psutil.Error:
                    continue
                if rss > self.peak.get(p.pid, ("", 0))[1]:
                    self.peak[p.pid] = (name, rss)
            self._stop.wait(self.interval)

    def workers(self, include_self: bool) -> list[int]:
        me = os.getpid()
        # extraction workers hold the spaCy models: hundreds of MB; nannies and the
        # resource tracker stay small
        return sorted((rss for pid, (_, rss) in self.peak.items()
                       if (pid == me) == include_self and rss > 150 * 2**20), reverse=True)


# --------------------------------------------------------------------------- the runs


def time_extraction(mode: str, paths: list[Path], out: Path) -> dict:
    workers = 2 if mode.endswith("2") else 1
    t0 = time.perf_counter()
    warm = paths[: 4 * 8 * workers]
    with PeakMemory() as mem:
        if mode.startswith("dask"):
            from distributed import Client, LocalCluster

            from ingest.cluster import DaskMap

            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            client = Client(cluster)
            try:
                mapper = DaskMap(client).map
                list(mapper(load_document(p) for p in warm))  # models loaded in every worker
                ready = time.perf_counter() - t0
                t1 = time.perf_counter()
                report = extract_to_folder(paths, out, mapper)
                seconds = time.perf_counter() - t1
            finally:
                client.close()
                cluster.close()
        else:
            with mapper_for(workers, min_docs=0) as mapper:
                list(mapper(load_document(p) for p in warm))
                ready = time.perf_counter() - t0
                t1 = time.perf_counter()
                report = extract_to_folder(paths, out, mapper)
                seconds = time.perf_counter() - t1
    if report.failures:
        sys.exit(f"{mode}: {len(report.failures)} failures, first: {report.failures[0].reason}")
    words = report.total("words")
    peaks = mem.workers(include_self=(mode == "local1"))
    return {"mode": mode, "workers": workers, "documents": report.count("extracted"), "words": words,
            "startup_s": round(ready, 1), "seconds": round(seconds, 1),
            "docs_per_s": round(report.count("extracted") / seconds, 1),
            "words_per_s": round(words / seconds), "peak_rss_mb_per_worker": [p // 2**20 for p in peaks]}


def first_records(records: Path, n: int, out: Path) -> Path:
    """A records folder holding the first ``n`` records of ``records`` (in extraction order)."""
    index = dict(list(read_index(records).items())[:n])
    out.mkdir()
    for entry in index.values():
        shutil.copy(records / entry.file, out / entry.file)
    write_index(out, index)
    return out


def time_loads(records: Path, data_dir: Path) -> dict:
    settings = Settings.load({"data_dir": str(data_dir), "graph_name": "scale"}, environ={})
    out: dict = {}
    store = open_store(settings, graph_name="scale_unwind")
    try:
        store.drop()
        store.create_schema()
        resolver, resolving = StoreResolver(settings), [0.0]

        def timed(extraction, store):  # resolution's share of the UNWIND load
            t = time.perf_counter()
            try:
                return resolver.assign(extraction, store)
            finally:
                resolving[0] += time.perf_counter() - t

        t0 = time.perf_counter()
        report = load_folder(records, settings, store, resolver=timed)
        seconds = time.perf_counter() - t0
        rows = _rows(store)
        out["unwind"] = {"documents": report.count("ingested"), "rows": rows, "seconds": round(seconds, 1),
                         "resolution_s": round(resolving[0], 1), "failures": len(report.failures),
                         "rows_per_s": round(rows / seconds), "docs_per_s": round(report.count("ingested") / seconds, 1)}
        store.drop()
    finally:
        store.close()
    t0 = time.perf_counter()
    graph, _ = resolve_folder(records, settings)
    out["resolve_in_memory_s"] = round(time.perf_counter() - t0, 1)
    store = open_store(settings, graph_name="scale_bulk")
    try:
        store.drop()
        store.create_schema()
        t0 = time.perf_counter()
        report = bulk_load(records, settings, store)
        seconds = time.perf_counter() - t0
        rows = _rows(store)
        out["bulk"] = {"documents": report.count("ingested"), "rows": rows, "seconds": round(seconds, 1),
                       "rows_per_s": round(rows / seconds), "docs_per_s": round(report.count("ingested") / seconds, 1),
                       "loader_only_s": round(seconds - out["resolve_in_memory_s"], 1),
                       "graph_rows_in_memory": graph.rows()}
        store.drop()
    finally:
        store.close()
        from graph.store.embedded import EmbeddedFalkorDB

        EmbeddedFalkorDB.from_settings(settings).stop()
    return out


def _rows(store) -> int:
    """Nodes and relationships (an entity counts once, not once per label)."""
    stats = store.stats()
    return sum(stats.values()) - stats["Entity"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--modes", default="local1,local2,dask2")
    ap.add_argument("--no-load", action="store_true", help="extraction only")
    ap.add_argument("--load-docs", type=int, default=500,
                    help="records loaded (UNWIND and bulk): resolution slows as the graph grows; loading "
                         "all 5,000 takes about 16 minutes through UNWIND on a 2-core machine")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--workdir", type=Path,
                    help="keep the corpus and records here and reuse them when present (extraction "
                         "of 5,000 documents takes a quarter of an hour)")
    ap.add_argument("--runs", type=int, default=1, help="load runs (UNWIND then bulk, alternating)")
    args = ap.parse_args()
    keep = args.workdir is not None
    tmp = args.workdir or Path(tempfile.mkdtemp(prefix="grappe-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    results: dict = {"load_average_at_start": [round(x, 2) for x in os.getloadavg()], "cores": os.cpu_count()}
    try:
        corpus = tmp / "corpus"
        built = tmp / "corpus.json"  # the word count build_corpus gave (before each file's marker)
        if keep and built.exists() and json.loads(built.read_text())["documents"] == args.docs:
            paths = sorted(corpus.iterdir())
            words = json.loads(built.read_text())["words"]
        else:
            shutil.rmtree(corpus, ignore_errors=True)
            corpus.mkdir()
            paths, words = build_corpus(args.docs, corpus)
            built.write_text(json.dumps({"documents": len(paths), "words": words}))
        results["corpus"] = {"documents": len(paths), "words": words}
        print(f"corpus: {len(paths)} documents, {words:,} words", flush=True)
        results["extraction"] = []
        for mode in args.modes.split(","):
            out = tmp / f"records-{mode}"
            if keep and len(read_index(out)) == len(paths):
                print(f"{mode}: records kept from an earlier run", flush=True)
                continue
            shutil.rmtree(out, ignore_errors=True)
            r = time_extraction(mode, paths, out)
            results["extraction"].append(r)
            print(json.dumps(r), flush=True)
        first = tmp / f"records-{args.modes.split(',')[0]}"
        if not args.no_load:
            subset = tmp / f"records-load-{args.load_docs}"
            if not subset.is_dir():
                first_records(first, args.load_docs, subset)
            results["load"] = []
            for run in range(args.runs):
                shutil.rmtree(tmp / "data", ignore_errors=True)
                r = {"run": run + 1, "load_average": [round(x, 2) for x in os.getloadavg()],
                     **time_loads(subset, tmp / "data")}
                results["load"].append(r)
                print(json.dumps(r), flush=True)
        results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
