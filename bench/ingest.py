"""Benchmark: the full ingest path against spaCy alone, in words per second.

The full path is what `grappe ingest` does (load, clean, detect language, NER,
rule layers, resolution, write to the embedded FalkorDB). The baseline is
`nlp.pipe` with the spaCy components the extractor uses (its rule layers off), over the same
clean texts, in the same process count. The target: full path ≤ 1.3× spaCy.

With --workers N (default 2), the full path is also timed with extraction in N worker
processes (`grappe ingest --workers N`; the pool started and its models loaded outside
the timing, as the one-process extractor's are). The target: ≥ 1.7× the one-worker
throughput with 2 workers on 2 cores.

    .venv/bin/python bench/ingest.py [--corpus DIR] [--words 100000] [--runs 3] [--workers 2]

The corpus is named explicitly: the .txt/.md files directly inside each --corpus
folder (default: eval/real/corpus and samples/corpus; sub-folders and notes
beside them, such as samples/gold/ERROR_ANALYSIS.md, are not documents). It is
repeated, each copy made unique by a marker line so the content hashes differ,
until it holds at least --words words.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from graph.store import open_store  # noqa: E402
from grappe.settings import Settings  # noqa: E402
from ingest.loaders import load_document  # noqa: E402
from ingest.run import ingest  # noqa: E402
from ingest.workers import CHUNK, WorkerPool  # noqa: E402
from nlp.pipeline import Extractor  # noqa: E402

#: the real corpus of the annotated sets (eval/)
SHARED_CORPUS = ROOT / "eval" / "real" / "corpus"
#: the documents measured by default: the evaluation corpus and the demo corpus
DEFAULT_CORPUS = (SHARED_CORPUS, ROOT / "samples" / "corpus")


def corpus_files(sources: list[Path]) -> list[Path]:
    """The .txt/.md documents directly inside each corpus folder (not its sub-folders)."""
    missing = [str(src) for src in sources if not src.is_dir()]
    if missing:
        sys.exit(f"corpus folder not found: {', '.join(missing)}; pass --corpus DIR")
    files = [f for src in sources for f in sorted(src.iterdir())
             if f.is_file() and f.suffix.lower() in {".txt", ".md"}]
    if not files:
        sys.exit(f"no .txt/.md documents in {', '.join(map(str, sources))}; pass --corpus DIR")
    return files


def build_corpus(sources: list[Path], words: int, out: Path) -> list[Path]:
    files = corpus_files(sources)
    texts = [f.read_text(encoding="utf-8") for f in files]
    made, total, i = [], 0, 0
    while total < words:
        text = texts[i % len(texts)]
        path = out / f"copy-{i:04d}{files[i % len(files)].suffix}"
        path.write_text(f"{text}\n\nCopie de banc d'essai {i}.\n", encoding="utf-8")
        made.append(path)
        total += len(text.split())
        i += 1
    return made


def time_full_path(paths: list[Path], extractor: Extractor | None, mapper=None) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(prefix="grappe-bench-") as tmp:
        settings = Settings.load({"data_dir": tmp, "graph_name": "bench"})
        store = open_store(settings)
        try:
            store.create_schema()
            t0 = time.perf_counter()
            report = ingest(paths, settings, store, extractor=extractor, mapper=mapper)
            seconds = time.perf_counter() - t0
        finally:
            store.close()
            _stop_embedded(settings)
    if report.failures:
        sys.exit(f"ingest failed: {[(f.path, f.reason) for f in report.failures]}")
    return seconds, report.total("words")


def time_spacy_alone(paths: list[Path], extractor: Extractor) -> tuple[float, int]:
    docs = [load_document(p) for p in paths]
    by_lang: dict[str, list[str]] = {}
    for doc in docs:
        by_lang.setdefault(doc.language, []).append(doc.text)
    t0 = time.perf_counter()
    for lang, texts in by_lang.items():
        nlp = extractor.nlp(lang)
        # spaCy's own components only: Grappe's rule layers are part of what is measured
        ours = [name for name in nlp.pipe_names if name.startswith("grappe_")]
        with nlp.select_pipes(disable=ours):
            for _ in nlp.pipe(texts):
                pass
    return time.perf_counter() - t0, sum(len(d.text.split()) for d in docs)


def _stop_embedded(settings: Settings) -> None:
    try:
        from graph.store.embedded import EmbeddedFalkorDB
    except ImportError:
        return
    EmbeddedFalkorDB.from_settings(settings).stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, action="append")
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2, help="extraction processes to compare (0: skip)")
    args = ap.parse_args()
    sources = args.corpus or list(DEFAULT_CORPUS)

    extractor = Extractor()
    with tempfile.TemporaryDirectory(prefix="grappe-corpus-") as tmp, ExitStack() as stack:
        paths = build_corpus(sources, args.words, Path(tmp))
        extractor.extract(load_document(paths[0]))  # load the models outside the timings
        pool = None
        if args.workers > 1:
            pool = stack.enter_context(WorkerPool(args.workers))
            list(pool.map(load_document(p) for p in paths[:4 * CHUNK * args.workers]))  # models loaded
        full, base, pooled = [], [], []
        for run in range(args.runs):
            s_seconds, words = time_spacy_alone(paths, extractor)
            f_seconds, f_words = time_full_path(paths, extractor)
            base.append(words / s_seconds)
            full.append(f_words / f_seconds)
            line = (f"run {run + 1}: spaCy alone {base[-1]:,.0f} words/s, "
                    f"full ingest {full[-1]:,.0f} words/s ({s_seconds:.1f}s vs {f_seconds:.1f}s)")
            if pool is not None:
                w_seconds, w_words = time_full_path(paths, None, mapper=pool.map)
                pooled.append(w_words / w_seconds)
                line += f", {args.workers} workers {pooled[-1]:,.0f} words/s ({w_seconds:.1f}s)"
            print(line, flush=True)
    b, f = statistics.median(base), statistics.median(full)
    print(f"\n{len(paths)} documents, {words:,} words, median of {args.runs} runs")
    print(f"spaCy alone (nlp.pipe, same pipeline): {b:,.0f} words/s")
    print(f"full ingest path, 1 worker:            {f:,.0f} words/s")
    print(f"cost ratio full/spaCy:                 {b / f:.2f}x (target <= 1.30)")
    if pooled:
        w = statistics.median(pooled)
        print(f"full ingest path, {args.workers} workers:           {w:,.0f} words/s")
        print(f"speed-up over 1 worker:                {w / f:.2f}x (target >= 1.70 with 2 workers)")


if __name__ == "__main__":
    main()
