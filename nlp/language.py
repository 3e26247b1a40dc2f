"""French/English language detection, per document and per paragraph.

Reports mix French and English blocks, so extraction picks its pipeline per
paragraph.  lingua is restricted to French + English and its detector is built
once (lazily: building it loads the models).  Only the first
``PARAGRAPH_SAMPLE`` characters of a paragraph are looked at, and paragraphs
are classified in one parallel call: ~100k words take a fraction of a second.
"""

from __future__ import annotations

import re
import threading
from functools import cache

__all__ = ["detect_language", "paragraph_languages", "DEFAULT_LANGUAGE"]

DEFAULT_LANGUAGE = "fr"
#: Characters of a paragraph (and of a document) given to the detector.
PARAGRAPH_SAMPLE = 400
DOCUMENT_SAMPLE = 5000
#: Below this confidence gap between French and English the answer is the default.
MIN_MARGIN = 0.1

_PARAGRAPHS = re.compile(r"[^\n](?:[^\n]|\n(?![ \t]*\n))*")
_LETTER = re.compile(r"[^\W\d_]")
_lock = threading.Lock()


@cache
def _detector():  # noqa: ANN202 - lingua type
    from lingua import Language, LanguageDetectorBuilder

    with _lock:
        return LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).build()


def _code(language) -> str:  # noqa: ANN001
    return "en" if language is not None and language.name == "ENGLISH" else "fr"


def _sample(text: str, size: int) -> str:
    return text[:size].rsplit(" ", 1)[0] if len(text) > size else text


def detect_language(text: str) -> str:
    """The dominant language of ``text``: "fr" or "en" ("fr" when unsure)."""
    sample = _sample(text, DOCUMENT_SAMPLE)
    if len(_LETTER.findall(sample[:200])) < 3:
        return DEFAULT_LANGUAGE
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return DEFAULT_LANGUAGE
    best = values[0]
    second = values[1].value if len(values) > 1 else 0.0
    if best.value - second < MIN_MARGIN:
        return DEFAULT_LANGUAGE
    return _code(best.language)


def paragraph_languages(text: str, *, default: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, lang)`` for each paragraph (blocks separated by blank lines).

    Paragraphs too short to judge (fewer than 20 letters, e.g. a lone name or
    amount) take the document's language (``default``, detected if not given).
    """
    spans = [(m.start(), m.end()) for m in _PARAGRAPHS.finditer(text)]
    if not spans:
        return []
    doc_lang = default or detect_language(text)
    judged: list[int] = []
    samples: list[str] = []
    for i, (s, e) in enumerate(spans):
        sample = _sample(text[s:e], PARAGRAPH_SAMPLE)
        if len(_LETTER.findall(sample)) >= 20:
            judged.append(i)
            samples.append(sample)
    langs = [doc_lang] * len(spans)
    if samples:
        for i, values in zip(
            judged, _detector().compute_language_confidence_values_in_parallel(samples), strict=True
        ):
            if values and values[0].value - (values[1].value if len(values) > 1 else 0.0) >= MIN_MARGIN:
                langs[i] = _code(values[0].language)
    return [(s, e, lang) for (s, e), lang in zip(spans, langs, strict=True)]
