"""One process, worker processes, a Dask cluster (then `load`, then `load --bulk`): the same
graph from the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.mapstep import extract_to_folder, mapper_for
from ingest.run import ingest
from tests.scale.graph_dump import dump

pytestmark = pytest.mark.models

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"


def _ingest(settings, store, mapper=None, extractor=None):
    report = ingest([SAMPLES], settings, store, mapper=mapper, extractor=extractor)
    assert not report.failures, report.failures
    assert report.count("ingested") == 6
    return dump(store)


def test_three_modes_give_the_same_graph(make_store, settings, tmp_path):
    distributed = pytest.importorskip("distributed")
    from ingest.bulk import bulk_load
    from ingest.cluster import DaskMap
    from ingest.load import load_folder
    from nlp.pipeline import Extractor

    reference = _ingest(settings, make_store(), extractor=Extractor())
    assert len(reference["nodes"]) > 50 and len(reference["edges"]) > 100

    with mapper_for(2, min_docs=0) as mapper:  # two worker processes, even for six documents
        assert _ingest(settings, make_store(), mapper=mapper) == reference

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        report = extract_to_folder([SAMPLES], tmp_path / "records", DaskMap(client).map)
    assert report.count("extracted") == 6 and not report.failures
    store = make_store()
    loaded = load_folder(tmp_path / "records", settings, store)
    assert loaded.count("ingested") == 6 and not loaded.failures
    assert dump(store) == reference

    bulk = make_store()  # empty, schema only
    built = bulk_load(tmp_path / "records", settings, bulk)
    assert built.count("ingested") == 6 and not built.failures
    assert dump(bulk) == reference

