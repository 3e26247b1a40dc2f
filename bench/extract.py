"""Extraction speed: words/s for the spaCy components alone (the NER) vs the full extractor.

    .venv/bin/python -m bench.extract [FILES...] [--repeat N]

Defaults to the evaluation corpus. Both runs use the same spaCy components, so the
difference is the cost of the rule layers and the per-document merge.
"""

from __future__ import annotations

import argparse
import glob
import time
from dataclasses import replace
from pathlib import Path

from ingest.loaders import load_document
from nlp.pipeline import KEEP, Extractor

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "real" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", default=sorted(glob.glob(str(CORPUS / "*.txt"))))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args()
    base = [load_document(f) for f in args.files]
    docs = [replace(d, id=f"{d.id}-{i}") for i in range(args.repeat) for d in base]
    words = sum(len(d.text.split()) for d in docs)
    ex = Extractor(n_process=args.n_process)
    for lang in {d.language for d in docs}:
        ex.nlp(lang)  # load outside the timings
    ner = {}
    for lang, nlp in ex._nlp.items():
        rules = [n for n in nlp.pipe_names if n not in KEEP]
        ner[lang] = (nlp, rules)
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        nlp, rules = ner[d.language]
        with nlp.select_pipes(disable=rules):
            nlp(d.text)
    t_ner, c_ner = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    n_ents = sum(len(x.entities) for x in ex.extract_many(docs))
    t_all, c_all = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(docs)} documents, {words} words")
    print("(wall clock, then CPU time of this process: the machine is shared, CPU time is steadier)")
    print(f"spaCy (same components): {words / t_ner:8.0f} words/s wall, {words / c_ner:8.0f} words/s CPU")
    print(f"full extraction        : {words / t_all:8.0f} words/s wall, {words / c_all:8.0f} words/s CPU"
          f"  ({n_ents} entities)")
    print(f"rule layers + merge    : {100 * (c_all - c_ner) / c_all:5.1f} % of CPU time")


if __name__ == "__main__":
    main()
