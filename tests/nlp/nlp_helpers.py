"""Helpers for the extraction tests: the rule layers on ``spacy.blank`` (fast, no model)."""

from __future__ import annotations

import hashlib

import spacy

import nlp.components  # noqa: F401  (registers the factories)
from grappe.model import Document, Extraction
from nlp.assemble import assemble
from nlp.facts import facts_of
from nlp.pipeline import RULES

_BLANK: dict[str, object] = {}


def blank_pipeline(lang: str):
    if lang not in _BLANK:
        nlp = spacy.blank(lang)
        for factory in RULES:
            nlp.add_pipe(factory, config={"lang": lang})
        _BLANK[lang] = nlp
    return _BLANK[lang]


def run_rules(text: str, lang: str = "fr") -> Extraction:
    """The rule layers alone (no NER) on a text."""
    doc_id = hashlib.sha1(text.encode()).hexdigest()
    sdoc = blank_pipeline(lang)(text)
    return assemble(Document(doc_id, "test.txt", "txt", text, language=lang), facts_of(sdoc))


def names(ex: Extraction, etype: str | None = None) -> set[str]:
    return {e.name for e in ex.entities if etype is None or e.type.value == etype}


def rels(ex: Extraction, rtype: str | None = None) -> set[tuple[str, str, str]]:
    by_key = {e.key: e.name for e in ex.entities}
    return {(r.type.value, by_key[r.source], by_key[r.target]) for r in ex.relations
            if rtype is None or r.type.value == rtype}


def with_ents(text: str, lang: str, spans: list[tuple[str, str]]):
    """The rule layers on a text whose NER spans are given (first occurrence of each string)."""
    nlp = blank_pipeline(lang)
    doc = nlp.make_doc(text)
    ents, pos = [], 0
    for s, label in spans:
        i = text.index(s, pos)
        ents.append(doc.char_span(i, i + len(s), label=label))
        pos = i + len(s)
    doc.ents = ents
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    doc_id = hashlib.sha1(text.encode()).hexdigest()
    return assemble(Document(doc_id, "t.txt", "txt", text, language=lang), facts_of(doc))
