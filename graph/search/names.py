"""The folds search compares names with: the same ones that build the indexed ``search_text``."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.resolve.normalize import DROPPABLE, core_tokens
from grappe.text import fold as _shared_fold

_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a name or a query for comparison: the resolver's fold, the same one that
    builds the indexed ``search_text``."""
    folded = _shared_fold(text)
    # whatever the shared fold keeps, the index only ever sees letters and digits
    return " ".join(_NON_WORD.sub(" ", folded).split())


def tokens(query: str) -> list[str]:
    """Folded query words: letters and digits only, safe to hand to any index syntax."""
    return fold(query).split()[:12]


@lru_cache(maxsize=65536)
def short_name(text: str) -> str:
    """A name without its generic institution words (université, university, école...)."""
    return " ".join(t for t in core_tokens(text) if t not in DROPPABLE)
