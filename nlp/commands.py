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
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
def extract(files: tuple[str, ...], fmt: str) -> None:
    """Extract entities and relations from FILES (nothing is written to the graph).

    Every file that can be read is printed; one that cannot is named on stderr with
    the reason, and the exit code is then 1.
    """
    import sys

    from graph.errors import IngestError
    from ingest.loaders import load_document
    from nlp.pipeline import Extractor

    extractor = Extractor()
    docs, failures = [], []
    for f in files:
        try:
            docs.append(load_document(f))
        except IngestError as err:
            failures.append(f"{err.path}: {err.reason} {err.hint}".strip())
    try:
        extractions = list(extractor.extract_many(docs))
    except Exception:  # noqa: BLE001 - find the failing document one at a time below
        extractions = []
        for doc in docs:
            try:
                extractions.append(extractor.extract(doc))
            except Exception as exc:  # noqa: BLE001 - an extraction bug: name the file, go on
                failures.append(f"{doc.source}: extraction failed ({type(exc).__name__}: {exc})")
    out = [to_gold_format(ex) if fmt == "json" else format_text(ex) for ex in extractions]
    if out and fmt == "json":
        click.echo(json.dumps(out[0] if len(files) == 1 else out, ensure_ascii=False, indent=2))
    elif out:
        click.echo("\n\n".join(out))
    for line in failures:
        click.echo(f"FAILED {line}", err=True)
    if failures:
        sys.exit(1)


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
