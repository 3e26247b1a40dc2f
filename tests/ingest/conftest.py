"""Fixtures for the ingest tests: the small handmade files in tests/data/ingest/."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def _load_maker():
    spec = importlib.util.spec_from_file_location("ingest_fixtures", DATA / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture folder; regenerated in a temporary folder if the committed
    binaries are missing (``data/`` is in .gitignore, so they need ``git add -f``)."""
    maker = _load_maker()
    if all((DATA / name).exists() for name in maker.FILES):
        return DATA
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # fpdf2 notes about page formats
        return maker.write_all(tmp_path_factory.mktemp("ingest-data"))
