"""``grappe extract`` and ``grappe eval``: thin click commands over the library."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from graph.resolve.within import merge_within
from grappe.cli.base import INPUTS_FAILED
from grappe.cli.ingest import Progress, summarize
from grappe.errors import IngestError
from grappe.model import Extraction
from ingest.loaders import load_document
from ingest.mapstep import extract_to_folder, mapper_for
from ingest.workers import default_workers
from nlp.corpora import EVAL_DIR, gold_docs
from nlp.evaluate import (
    format_confusion,
    format_table,
    gate_figures,
    micro,
    relation_confusion,
    score_document,
)
from nlp.gold import to_gold_format
from nlp.learn.model import MODEL_PATH, load_model
from nlp.learn.ner import NER_DIR
from nlp.pipeline import Extractor


def format_text(ex: Extraction) -> str:
    names = {e.key: e.name for e in ex.entities}
    lines = [f"# {ex.document.source} ({ex.document.language})", "", "Entities:"]
    for e in ex.entities:
        extra = f" [{e.subtype}]" if e.subtype else ""
        alias = f"  aka {', '.join(e.aliases)}" if e.aliases else ""
        attrs = f"  {e.attributes}" if e.attributes else ""
        lines.append(f"  {e.key:5} {e.type.value:12} {e.name}{extra}{alias}{attrs}")
    lines += ["", "Relations:"]
    for r in ex.relations:
        role = f" ({r.role})" if r.role else ""
        lines.append(f"  {r.type.value:16} {names[r.source]} -> {names[r.target]}{role}")
    return "\n".join(lines)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write one record per document into this folder (incremental), for `grappe load`.")
@click.option("--shard-size", type=click.IntRange(min=0), default=0, show_default=True,
              help="With --out: JSON Lines shards of this many records instead of one JSON per document.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="With --out: extraction processes on this machine (default: the cores).")
@click.option("--executor", metavar="URL", default=None,
              help="With --out: run extraction on a Dask cluster (tcp://scheduler:8786), or `local`.")
@click.option("--quiet", is_flag=True, help="With --out: no progress bar.")
def extract(files: tuple[Path, ...], fmt: str, out: Path | None, shard_size: int, workers: int | None,
            executor: str | None, quiet: bool) -> None:
    """Extract entities and relations from FILES (nothing is written to the graph).

    Without --out, prints the extractions: every file that can be read is printed; one
    that cannot is named on stderr with the reason, and the exit code is then 1. With
    --out, folders are walked and each document becomes a record in the gold format
    (with mentions and evidence); `grappe load` writes them to the graph.
    """
    if out is not None:
        shown = Progress("Extracting", quiet)
        with shown, mapper_for(workers or default_workers(), executor) as mapper:
            report = extract_to_folder(list(files), out, mapper, shard_size=shard_size,
                                       progress=shown.outcome, on_total=shown.total)
        summarize(report, done="extracted", verb="extracted")
        return


    for f in files:
        if not f.is_file():
            raise click.BadParameter(f"{f} is not a file (folders need --out).", param_hint="FILES")
    extractor = Extractor()
    docs, failures = [], []
    for f in files:
        try:
            docs.append(load_document(f))
        except IngestError as err:
            failures.append(f"{err.path}: {err.reason} {err.hint}".strip())
    try:
        extractions = list(extractor.extract_many(docs))
    except Exception:  # find the failing document one at a time below
        extractions = []
        for doc in docs:
            try:
                extractions.append(extractor.extract(doc))
            except Exception as exc:  # an extraction bug: name the file, go on
                failures.append(f"{doc.source}: extraction failed ({type(exc).__name__}: {exc})")
    if extractions and fmt == "json":
        printed = [to_gold_format(ex) for ex in extractions]
        click.echo(json.dumps(printed[0] if len(files) == 1 else printed, ensure_ascii=False, indent=2))
    elif extractions:
        click.echo("\n\n".join(format_text(ex) for ex in extractions))
    for line in failures:
        click.echo(f"FAILED {line}", err=True)
    if failures:
        sys.exit(INPUTS_FAILED)


@click.command("eval")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False),
              help="Folder of source documents (with --gold; else the annotated sets of eval/).")
@click.option("--gold", type=click.Path(exists=True, file_okay=False),
              help="Folder of gold JSON files (GOLD_FORMAT.md).")
@click.option("--split", "splits", multiple=True, type=click.Choice(["train", "dev", "test", "blind", "reference"]),
              help="Score these splits of eval/sets.json, one table each (default: train and dev).")
@click.option("--set", "sets", multiple=True, help="Only these sets of eval/sets.json (e.g. real).")
@click.option("--eval-dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="The eval/ folder (default: the checkout's).")
@click.option("--final", is_flag=True, help="Required with --split test: the test split is scored once, at the end.")
@click.option("--rules-only", is_flag=True, help="Score the rule layers and the pretrained NER alone.")
@click.option("--models", type=click.Path(exists=True, file_okay=False), default=None,
              help="Score the models `grappe train --out DIR` wrote (default: the shipped ones).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.option("--show-errors", is_flag=True, help="List missed and spurious entities and relations.")
@click.option("--end-to-end", is_flag=True,
              help="Score each document as ingest stores it: the extraction, then the entities "
                   "resolution finds to be one within the document merged.")
@click.option("--save-baseline", type=click.Path(dir_okay=False), default=None,
              help="Write each split's micro F1 per entity type and relation type here (the quality gate's floor).")
def eval_cmd(corpus: str | None, gold: str | None, splits: tuple[str, ...], sets: tuple[str, ...],
             eval_dir: str | None, final: bool, rules_only: bool, models: str | None, fmt: str,
             show_errors: bool, end_to_end: bool, save_baseline: str | None) -> None:
    """Score extraction against gold annotations (per document, then micro-averaged).

    With --corpus and --gold, one folder pair; otherwise the splits of eval/sets.json, each
    with its P/R/F1 table and a confusion table of relation types.
    """
    if "test" in splits and not final:
        raise click.UsageError("the test split is scored once, when the work is done: add --final if this "
                               "is that time; study errors on --split dev.")
    extractor = _extractor(rules_only, Path(models) if models else None)
    if corpus or gold:
        if not (corpus and gold):
            raise click.UsageError("--corpus and --gold go together: give both, or neither to use eval/.")
        groups = {"": _folder_pairs(Path(corpus), Path(gold))}
    else:
        docs = list(gold_docs(Path(eval_dir) if eval_dir else EVAL_DIR, splits or ("train", "dev"), sets or None))
        groups = {}
        for d in docs:
            groups.setdefault(d.role, []).append((d.gold(), d.source))
        if not groups:
            raise click.UsageError("no annotated documents in those splits and sets: check --split and --set.")
    report = {role: _score(extractor, pairs, end_to_end) for role, pairs in groups.items()}
    if save_baseline:
        if "test" in report:
            raise click.UsageError("the test split is never a baseline: save it from train, dev, reference.")
        Path(save_baseline).write_text(json.dumps(
            {"model": extractor.learned.version if extractor.learned else None,
             "splits": {role: gate_figures(total) for role, (_s, total, _c) in report.items()}},
            indent=2) + "\n", encoding="utf-8")
    if fmt == "json":
        blocks = {role: {"documents": [s.as_dict(show_errors) for s in scores], "micro": total.as_dict(),
                         "relation_confusion": confusion} for role, (scores, total, confusion) in report.items()}
        click.echo(json.dumps(blocks.get("", blocks), ensure_ascii=False, indent=2))
        return
    for role, (scores, total, confusion) in report.items():
        for s in scores:
            if role == "" or show_errors:
                click.echo("\n".join(format_table(s)))
                _echo_errors(s, show_errors)
                click.echo("")
        total.name = f"micro ({role}: {len(scores)} documents)" if role else "micro"
        click.echo("\n".join(format_table(total)))
        click.echo("\n".join(format_confusion(confusion)))
        click.echo("")


def _extractor(rules_only: bool, models: Path | None):

    if rules_only:
        return Extractor(learned=False, ner_dir=None)
    root = models or MODEL_PATH.parent
    model = load_model(root / MODEL_PATH.name)
    if model is None:
        raise click.UsageError(f"no trained model in {root}: run `grappe train` (or pass --rules-only).")
    return Extractor(learned=model, ner_dir=root / NER_DIR.name)


def _folder_pairs(corpus: Path, gold: Path) -> list[tuple[dict, Path]]:
    pairs = []
    for gpath in sorted(gold.glob("*.json")):
        g = json.loads(gpath.read_text(encoding="utf-8"))
        src = corpus / g.get("document", {}).get("file", gpath.stem + ".txt")
        if not src.exists():
            raise click.BadParameter(f"gold {gpath.name} names {src.name}, which is not in {corpus}; "
                                     "check --corpus or the gold file's document.file.", param_hint="--corpus")
        pairs.append((g, src))
    if not pairs:
        raise click.BadParameter(f"no gold files (*.json) in {gold}; point --gold at the gold folder.",
                                 param_hint="--gold")
    return pairs


def _score(extractor, pairs: list[tuple[dict, Path]], end_to_end: bool = False):
    scores = []
    confusion: dict[tuple[str, str], int] = {}
    docs = (load_document(src) for _, src in pairs)
    for (g, src), ex in zip(pairs, extractor.extract_many(docs), strict=True):
        if end_to_end:
            ex = merge_within(ex)[0]
        pred = to_gold_format(ex)
        scores.append(score_document(g, pred, src.name))
        for k, n in relation_confusion(g, pred).items():
            confusion[k] = confusion.get(k, 0) + n
    return scores, micro(scores), {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}


def _echo_errors(s, show_errors: bool) -> None:
    if not show_errors:
        return
    for k, v in s.errors.items():
        if v:
            click.echo(f"  -- {k} ({len(v)})")
            for line in v:
                click.echo(f"     {line}")


@click.command("train")
@click.option("--eval-dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="The eval/ folder (default: the checkout's).")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Folder to write the models to (default: nlp/learn, what extraction ships with).")
def train_cmd(eval_dir: str | None, out: str | None) -> None:
    """Rebuild the learned extraction stages from the train split of eval/ (deterministic)."""
    from nlp.train import build  # deferred: scikit-learn loads only for `grappe train`

    docs = list(gold_docs(Path(eval_dir) if eval_dir else EVAL_DIR, ("train",)))
    if not docs:
        raise click.UsageError("no documents in the train split: check eval/sets.json and --eval-dir.")
    t0 = time.perf_counter()
    out_dir = Path(out) if out else MODEL_PATH.parent
    out_dir.mkdir(parents=True, exist_ok=True)

    def step(message: str) -> None:
        click.echo(f"[{time.perf_counter() - t0:5.0f} s] {message}", err=True)

    model = build(docs, out_dir, load_document, step)
    click.echo(f"{model.version}: {len(docs)} training documents, {len(model.relations)} relation models, "
               f"{time.perf_counter() - t0:.0f} s -> {out_dir}")
