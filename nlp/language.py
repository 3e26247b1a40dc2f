"""French/English language detection, per document and per paragraph.

Reports mix French and English blocks, so extraction picks its pipeline per
paragraph.  lingua is restricted to French + English and its detector is built
once (lazily: building it loads the models).  Only the first
``PARAGRAPH_SAMPLE`` characters of a paragraph are looked at and paragraphs
are classified in one parallel call: ~100k words take ~0.4 s on an idle core,
plus ~0.7 s once per process to load the models.
"""

from __future__ import annotations

import re
import threading

__all__ = ["detect_language", "paragraph_languages", "DEFAULT_LANGUAGE"]

DEFAULT_LANGUAGE = "fr"
#: Characters of a paragraph (and of a document) given to the detector.
PARAGRAPH_SAMPLE = 250
DOCUMENT_SAMPLE = 5000
#: Below this confidence gap between French and English the answer is the default.
MIN_MARGIN = 0.1

_PARAGRAPHS = re.compile(r"[^\s](?:[^\n]|\n(?![ \t]*\n))*")
_LETTER = re.compile(r"[^\W\d_]")
_lock = threading.Lock()


_DETECTOR = None


def _detector():  # lingua type
    """The lingua detector, built once per process on first use (thread-safe)."""
    global _DETECTOR
    if _DETECTOR is None:
        with _lock:
            if _DETECTOR is None:
                # deferred: lingua's models take most of a second; texts with clear cues never need them
                from lingua import Language, LanguageDetectorBuilder

                # High-accuracy mode (all n-gram sizes).  Low-accuracy mode (trigrams
                # only) loads in 0.2 s instead of ~0.7 s but was confidently wrong on
                # short, name-heavy French lines ("Jeanne Roy / Université de Rivière-Claire").
                _DETECTOR = LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).build()
    return _DETECTOR


def _code(language) -> str:
    return "en" if language is not None and language.name == "ENGLISH" else "fr"


def _sample(text: str, size: int) -> str:
    return text[:size].rsplit(" ", 1)[0] if len(text) > size else text


def _judge(samples: list[str]) -> list[str | None]:
    """Language of each sample, ``None`` when the detector is unsure."""
    out: list[str | None] = []
    for values in _detector().compute_language_confidence_values_in_parallel(samples):
        if values and values[0].value - (values[1].value if len(values) > 1 else 0.0) >= MIN_MARGIN:
            out.append(_code(values[0].language))
        else:
            out.append(None)
    return out


def detect_language(text: str) -> str:
    """The dominant language of ``text``: "fr" or "en" ("fr" when unsure).

    The paragraphs of the first ``DOCUMENT_SAMPLE`` characters vote, weighted by
    their length, so a French report with an English summary stays French.
    """
    head = _sample(text, DOCUMENT_SAMPLE)
    samples = [p for p in (m.group() for m in _PARAGRAPHS.finditer(head)) if len(_LETTER.findall(p)) >= 20]
    if not samples:
        samples = [head] if len(_LETTER.findall(head)) >= 3 else []
    votes = {"fr": 0, "en": 0}
    for sample, lang in zip(samples, _judge(samples), strict=True):
        if lang:
            votes[lang] += len(sample)
    if votes["en"] > votes["fr"]:
        return "en"
    return DEFAULT_LANGUAGE


def paragraph_languages(text: str, *, default: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, lang)`` for each paragraph (blocks separated by blank lines).

    Paragraphs too short to judge (fewer than 20 letters, e.g. a lone name or
    amount) take the document's language (``default``, detected if not given).
    """
    spans = [(m.start(), m.end()) for m in _PARAGRAPHS.finditer(text) if not m.group().isspace()]
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
        for i, lang in zip(judged, _judge(samples), strict=True):
            if lang:
                langs[i] = lang
    return [(s, e, lang) for (s, e), lang in zip(spans, langs, strict=True)]
