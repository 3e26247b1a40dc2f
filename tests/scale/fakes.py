"""Extractors for the map-step tests: fast, and able to fail or kill their process on cue.

Workers import these by name (``tests.scale.fakes:CueExtractor``), like the real
``nlp.pipeline:Extractor``. Cues are words in the document's text:

* ``RAISE``: extraction raises;
* ``DIE-ALWAYS``: the process exits at once, every time;
* ``DIE-ONCE <path>``: the process exits the first time (it leaves ``<path>`` behind),
  and extracts normally afterwards;
* ``HANG-ONCE <path>``: the first time, the process writes its id to ``<path>`` and waits
  to be killed from outside; afterwards it extracts normally.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from grappe.model import EntityType, ExtractedEntity, Extraction, Mention


class CueExtractor:
    models: dict[str, str] = {}

    def warm_up(self) -> None:
        self.pid = os.getpid()

    def extract_many(self, docs):
        for doc in docs:
            yield self.extract(doc)

    def extract(self, doc):
        if "RAISE" in doc.text:
            raise ValueError("this document cannot be read")
        if "DIE-ALWAYS" in doc.text:
            os._exit(3)
        once = re.search(r"DIE-ONCE (\S+)", doc.text)
        if once and not Path(once.group(1)).exists():
            Path(once.group(1)).touch()
            os._exit(3)
        hang = re.search(r"HANG-ONCE (\S+)", doc.text)
        if hang and not Path(hang.group(1)).exists():
            Path(hang.group(1)).write_text(str(os.getpid()), encoding="utf-8")
            time.sleep(120)  # the test kills this process long before
        first = doc.text.split()[0]
        entity = ExtractedEntity("e1", EntityType.ORGANIZATION, first,
                                 mentions=[Mention(doc.id, 0, len(first), first)])
        return Extraction(doc, [entity], [])


class CountedExtractor(CueExtractor):
    """Appends its process id to the file named by ``GRAPPE_TEST_BUILDS`` each time one is built."""

    def __init__(self) -> None:
        with open(os.environ["GRAPPE_TEST_BUILDS"], "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
