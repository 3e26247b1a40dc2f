"""Cue registries: the lexicon labels each rule family reads, and its patterns built once
per language.

A family declares its labels with :func:`register` (a test checks that the family's code
reads no other label and that each label has entries in the language data), and builds
its compiled patterns in one function wrapped with :func:`per_language`: the patterns are
made the first time a language's lexicon is used, then kept with that lexicon.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from nlp.lexicon import Lexicon

T = TypeVar("T")

#: family (module) name -> the cue labels it reads
FAMILIES: dict[str, frozenset[str]] = {}


def register(family: str, *labels: str) -> frozenset[str]:
    """Declare the cue labels a rule family reads (``family`` is its module's name)."""
    FAMILIES[family] = frozenset(labels)
    return FAMILIES[family]


def per_language(build: Callable[[Lexicon], T]) -> Callable[[Lexicon], T]:
    """``build(lex)`` made once per lexicon and kept (never per document)."""
    key = f"{build.__module__}.{build.__qualname__}"

    def get(lex: Lexicon) -> T:
        return lex.memo(key, build)

    get.__doc__ = build.__doc__
    return get
