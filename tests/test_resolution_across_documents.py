"""The development corpus ingested into one graph: resolution holds across documents.

Runs the real path (loaders, spaCy, rules, resolution, FalkorDB) on
../shared/eval/corpus, which CI has beside the clone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.run import ingest

pytestmark = pytest.mark.models

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "corpus"
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"


@pytest.fixture(scope="module")
def extractor():
    from nlp.pipeline import Extractor

    return Extractor()


def _nodes_named(store, folded_name: str) -> list[dict]:
    from grappe.text import fold

    rows = store.read("MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases, "
                      "e.type AS type", max_rows=100000).rows
    return [r for r in rows
            if folded_name in {fold(r["name"])} | {fold(a) for a in (r["aliases"] or [])}]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"development corpus not found at {CORPUS}")
def test_dev_corpus_resolves_to_one_node_per_entity(store, settings, extractor):
    report = ingest([CORPUS], settings, store, extractor=extractor)
    assert not report.failures, report.failures
    assert report.count("ingested") == len(list(CORPUS.glob("*.txt")))

    # The cluster named in both documents is one node.
    assert len(_nodes_named(store, "scale ai")) == 1
    # Look-alikes stay apart.
    ivado, labs = _nodes_named(store, "ivado"), _nodes_named(store, "ivado labs")
    assert len(ivado) == 1 and len(labs) == 1 and ivado[0]["id"] != labs[0]["id"]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="samples/ missing")
def test_samples_ingest_into_a_connected_graph(store, settings, extractor):
    report = ingest([SAMPLES], settings, store, extractor=extractor)
    assert not report.failures, [(f.path, f.reason) for f in report.failures]
    stats = store.stats()
    assert report.count("ingested") >= 4
    # Universities named in French in one document and English in another are one node.
    rows = store.read(
        "MATCH (u:University) RETURN u.name AS name, u.aliases AS aliases", max_rows=1000).rows
    assert rows, stats
    partnered = store.read(
        "MATCH (a:Entity)-[:PARTICIPATES_IN|PARTNERS_WITH|LEADS]-(b:Entity) RETURN count(*) AS n").scalar()
    assert partnered > 0
