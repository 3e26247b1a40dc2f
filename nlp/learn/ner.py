"""The named-entity recogniser, updated on the annotated train split.

The gold format names entities without character spans, so the training spans are found
in the text: every occurrence of an entity's name or alias, longest first. Each language's
pretrained NER is updated with them and learns a new label, ``PROJECT``. What the
pretrained model knew is rehearsed: on every training text, its own predictions for the
labels the gold does not cover (places, dates, miscellanea...) are kept as annotations
where no gold span overlaps them.

Only the NER component is written (``nlp/learn/ner/<lang>/``), without the vocabulary:
at extraction time it replaces the pretrained component in the pipeline, and shares the
installed model's vocabulary and vectors.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import filter_spans, fix_random_seed, minibatch

NER_DIR = Path(__file__).parent / "ner"
PROJECT = "PROJECT"
#: the gold type -> the label each pretrained model uses for it
LABELS = {
    "fr": {"Organization": "ORG", "University": "ORG", "Person": "PER", "Project": PROJECT},
    "en": {"Organization": "ORG", "University": "ORG", "Person": "PERSON", "Project": PROJECT},
}
EPOCHS = 12
DROPOUT = 0.25
SEED = 0


def entity_spans(text: str, gold: dict) -> list[tuple[int, int, str]]:
    """(start, end, gold entity id) of every occurrence of a gold entity's name or alias, longest first."""
    forms = [(form.strip(), e["id"]) for e in gold.get("entities", [])
             for form in {e.get("name", ""), *(e.get("aliases") or [])} if len(form.strip()) >= 2]
    spans: list[tuple[int, int, str]] = []
    for form, eid in sorted(forms, key=lambda f: -len(f[0])):
        hits = list(re.compile(rf"(?<!\w){re.escape(form)}(?!\w)").finditer(text))
        if not hits and not form.isupper():
            hits = list(re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.I).finditer(text))
        for m in hits:
            if not any(s < m.end() and m.start() < e for s, e, _ in spans):
                spans.append((m.start(), m.end(), eid))
    return sorted(spans)


def gold_spans(text: str, gold: dict, lang: str) -> list[tuple[int, int, str]]:
    """NER training spans: the gold entities' occurrences, labelled as the language's model labels them."""
    labels = LABELS.get(lang, LABELS["en"])
    types = {e["id"]: e.get("type", "") for e in gold.get("entities", [])}
    return [(s, e, labels[types[eid]]) for s, e, eid in entity_spans(text, gold) if types[eid] in labels]


def _example(nlp: Language, base: Language, text: str, spans: list[tuple[int, int, str]], lang: str) -> Example:
    covered = set(LABELS.get(lang, LABELS["en"]).values()) | {"MISC"}
    predicted = base(text)
    doc = nlp.make_doc(text)
    ents = []
    for s, e, label in spans:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None:
            ents.append(span)
    for ent in predicted.ents:  # rehearsal: what the pretrained model knows and the gold does not cover
        if ent.label_ not in covered and not any(s < ent.end_char and ent.start_char < e for s, e, _ in spans):
            span = doc.char_span(ent.start_char, ent.end_char, label=ent.label_)
            if span is not None:
                ents.append(span)
    ref = nlp.make_doc(text)
    ref.ents = filter_spans(ents)
    return Example(nlp.make_doc(text), ref)


def train_ner(lang: str, base_model: str, docs: Iterable[tuple[str, dict]], out: Path | None = None,
              epochs: int = EPOCHS) -> Language:
    """Update ``base_model``'s NER on (text, gold) pairs; write the component to ``out``."""
    fix_random_seed(SEED)
    rng = random.Random(SEED)
    drop = [p for p in spacy.load(base_model).pipe_names if p != "ner"]
    base = spacy.load(base_model, exclude=drop)  # the pretrained model, for rehearsal
    nlp = spacy.load(base_model, exclude=drop)
    ner = nlp.get_pipe("ner")
    ner.add_label(PROJECT)
    examples = [_example(nlp, base, text, gold_spans(text, gold, lang), lang) for text, gold in docs]
    optimizer = nlp.resume_training()
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=4):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        ner.to_disk(out, exclude=["vocab"])
    return nlp


def load_ner(nlp: Language, lang: str, directory: Path = NER_DIR) -> bool:
    """Replace the pipeline's NER by the updated one when it has been trained; True if done."""
    path = directory / lang
    if not (path / "model").exists() or "ner" not in nlp.pipe_names:
        return False
    ner = nlp.get_pipe("ner")
    ner.add_label(PROJECT)
    ner.from_disk(path, exclude=["vocab"])
    return True
