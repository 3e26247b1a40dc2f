"""One real Extractor per session for the tests marked ``models``."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    from nlp.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def rules_extractor():
    """The rule layers with the pretrained NER, without the learned stages."""
    from nlp.pipeline import Extractor

    return Extractor(learned=False, ner_dir=None)
