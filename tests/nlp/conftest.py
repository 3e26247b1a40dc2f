"""One real Extractor per session for the tests marked ``models``."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    from nlp.pipeline import Extractor

    return Extractor()
