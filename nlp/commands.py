"""``grappe extract`` and ``grappe eval``: thin click commands over the library."""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph.errors import GrappeError
from graph.model import Extraction


def to_gold_format(ex: Extraction) -> dict:
    """An extraction as a dict in the gold format (plus mentions and evidence)."""
    d = ex.document
    return {
        "document": {"file": Path(d.source).name, "title": d.title, "language": d.language,
                     "date": d.date, "kind": d.kind},
        "entities": [
            {"id": e.key, "type": e.type.value, "subtype": e.subtype, "name": e.name, "aliases": e.aliases,
             "attributes": e.attributes,
             "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions]}
            for e in ex.entities
        ],
        "relations": [
            {"type": r.type.value, "source": r.source, "target": r.target, "role": r.role,
             "evidence": {"start": r.evidence.start, "end": r.evidence.end, "sentence": r.evidence.sentence}}
            for r in ex.relations
        ],
    }


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

    Without --out, prints the extractions. With --out, folders are walked and each
    document becomes a record in the gold format (with mentions and evidence);
    `grappe load` writes them to the graph.
    """
    if out is not None:
        from ingest.commands import Progress, summarize
        from ingest.mapstep import extract_to_folder, mapper_for
        from ingest.workers import default_workers

        shown = Progress("Extracting", quiet)
        with shown, mapper_for(workers or default_workers(), executor) as mapper:
            report = extract_to_folder(list(files), out, mapper, shard_size=shard_size,
                                       progress=shown.outcome, on_total=shown.total)
        summarize(report, done="extracted", verb="extracted")
        return
    from ingest.loaders import load_document
    from nlp.pipeline import Extractor

    for f in files:
        if not f.is_file():
            raise click.BadParameter(f"{f} is not a file (folders need --out).", param_hint="FILES")
    extractor = Extractor()
    out_ = []
    for ex in extractor.extract_many(load_document(f) for f in files):
        out_.append(to_gold_format(ex) if fmt == "json" else format_text(ex))
    if fmt == "json":
        click.echo(json.dumps(out_[0] if len(out_) == 1 else out_, ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(out_))


@click.command("eval")
@click.option("--corpus", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of source documents.")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of gold JSON files (GOLD_FORMAT.md).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.option("--show-errors", is_flag=True, help="List missed and spurious entities and relations.")
def eval_cmd(corpus: str, gold: str, fmt: str, show_errors: bool) -> None:
    """Score extraction on CORPUS against GOLD (per document, then micro-averaged)."""
    from ingest.loaders import load_document
    from nlp.evaluate import format_table, micro, score_document
    from nlp.pipeline import Extractor

    pairs = []
    for gpath in sorted(Path(gold).glob("*.json")):
        g = json.loads(gpath.read_text(encoding="utf-8"))
        src = Path(corpus) / g.get("document", {}).get("file", gpath.stem + ".txt")
        if not src.exists():
            raise GrappeError(f"gold {gpath.name} names {src.name}, which is not in {corpus}.",
                              "Check --corpus or the gold file's document.file.")
        pairs.append((g, src))
    if not pairs:
        raise GrappeError(f"no gold files (*.json) in {gold}.", "Point --gold at the gold folder.")
    extractor = Extractor()
    docs = (load_document(src) for _, src in pairs)
    scores = [score_document(g, to_gold_format(ex), src.name)
              for (g, src), ex in zip(pairs, extractor.extract_many(docs), strict=True)]
    total = micro(scores)
    if fmt == "json":
        click.echo(json.dumps({"documents": [s.as_dict(show_errors) for s in scores],
                               "micro": total.as_dict()}, ensure_ascii=False, indent=2))
        return
    for s in scores:
        click.echo("\n".join(format_table(s)))
        if show_errors:
            for k, v in s.errors.items():
                if v:
                    click.echo(f"  -- {k} ({len(v)})")
                    for line in v:
                        click.echo(f"     {line}")
        click.echo("")
    click.echo("\n".join(format_table(total)))
