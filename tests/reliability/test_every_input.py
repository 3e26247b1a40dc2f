"""Issue 14, item 5: every input gets a clear outcome, never a traceback.

Extraction runs on every file of the repository and on hand-written ordinary
documents; a file a loader refuses must say why (an IngestError), anything else
must extract. ``grappe extract good bad good`` prints the good ones.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.analytics.ranker import MODEL_DIR as RANKER_DIR
from grappe.cli import main
from grappe.errors import IngestError
from grappe.model import Document
from ingest.loaders import load_document
from nlp.learn.model import MODEL_PATH
from tests.reliability.ordinary_documents import ORDINARY

pytestmark = pytest.mark.models

ROOT = Path(__file__).resolve().parents[2]
#: trained weights, where the extraction and the ranker keep them
TRAINED = {MODEL_PATH.resolve(), *(p.resolve() for p in RANKER_DIR.glob("ranker-*.txt"))}


def _repository_files() -> list[Path]:
    """Every file git tracks (caches and the virtualenv are not the repository's), except:

    - an annotated corpus folder (``eval/<set>/corpus``, ``…/gold``) gives its first file
      only: its texts are one input kind, a thousand of them and growing with each round,
      and the quality gate extracts the train and dev ones in full;
    - trained weights (TRAINED) are written by training, not documents; a text that long
      is extracted piece by piece in ``test_inputs.py``.
    """
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    out, corpus_dirs = [], set()
    for name in sorted(filter(None, listed.decode().split("\0"))):
        rel = Path(name)
        if (ROOT / rel) in TRAINED or not (ROOT / rel).is_file():
            continue
        if rel.parts[0] == "eval" and rel.parent.name in ("corpus", "gold"):
            if rel.parent in corpus_dirs:
                continue
            corpus_dirs.add(rel.parent)
        out.append(ROOT / rel)
    return out


@pytest.fixture(scope="module")
def extractor():
    from nlp.pipeline import Extractor

    return Extractor()


def _extract_each(extractor, docs: list[Document]) -> dict[str, str]:
    """``{source: exception}`` for every document whose extraction raised."""
    crashed = {}
    for doc in docs:
        try:
            extractor.extract(doc)
        except Exception as exc:  # collected and reported by the assert
            crashed[doc.source] = f"{type(exc).__name__}: {exc}"
    return crashed


def test_every_file_in_the_repository_extracts_or_is_refused_with_a_reason(extractor):
    # includes samples/gold/ERROR_ANALYSIS.md, whose pipe tables raised IndexError
    files = _repository_files()
    assert len(files) > 100
    docs, refused = [], {}
    for path in files:
        try:
            docs.append(load_document(path))
        except IngestError as err:
            refused[str(path)] = err.reason
    assert all(reason.strip() for reason in refused.values())
    assert len(docs) > 100
    assert _extract_each(extractor, docs) == {}


def test_hand_written_ordinary_documents_extract(extractor, tmp_path):
    docs, refused = [], {}
    for name, text in ORDINARY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        try:
            docs.append(load_document(tmp_path / name))
        except IngestError as err:
            refused[name] = err.reason
    # only the texts without a single letter are refused, and they say so
    assert refused == {"punctuation.txt": "no text could be extracted",
                       "pipes-only.md": "no text could be extracted"}
    assert _extract_each(extractor, docs) == {}


def test_pipe_table_gives_its_organization(extractor, tmp_path):
    path = tmp_path / "t.md"
    path.write_text(ORDINARY["pipe-table.md"], encoding="utf-8")
    names = {e.name for e in extractor.extract(load_document(path)).entities}
    assert "Acme Robotique" in names


def test_extract_prints_the_good_files_and_names_the_bad_one(tmp_path):
    good1, bad, good2 = tmp_path / "a.txt", tmp_path / "b.pdf", tmp_path / "c.md"
    good1.write_text("Acme Robotique leads the Harbour Docks project.", encoding="utf-8")
    bad.write_bytes(b"%PDF-1.7\n\x00\x01not a pdf at all")
    good2.write_text(ORDINARY["pipe-table.md"], encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(good1), str(bad), str(good2)])
    assert result.exit_code == 1
    printed = json.loads(result.stdout)
    assert [d["document"]["file"] for d in printed] == ["a.txt", "c.md"]
    assert "FAILED" in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.output
