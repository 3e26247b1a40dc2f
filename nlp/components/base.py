"""Shared plumbing: a component that holds a :class:`Lexicon` and serialises it."""

from __future__ import annotations

import json
from pathlib import Path

from nlp.lexicon import Lexicon, lexicon, read_lexicon
from nlp.rules import DATELINE, Context


def _in_dateline(text: str, pos: int) -> bool:
    ls = text.rfind("\n", 0, pos) + 1
    m = DATELINE.match(text[ls:ls + 200])
    return bool(m) and pos < ls + m.end()


class RuleComponent:
    def __init__(self, nlp, name: str, lang: str | None = None) -> None:
        self.name = name
        self.lang = lang or nlp.lang
        self.lex: Lexicon = lexicon(self.lang)

    def initialize(self, get_examples=None, *, nlp=None, patterns_dir: str | None = None) -> None:
        """Reload the language data (from ``patterns_dir`` if given)."""
        self.lex = read_lexicon(self.lang, Path(patterns_dir) if patterns_dir else None)

    def context(self, doc) -> Context:
        ctx = doc.user_data.get("grappe_ctx")
        if ctx is None:
            text = doc.text
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            persons = {text[s:e].strip() for s, e, label in ents if label in ("PER", "PERSON")}
            orgs = [(s, e, text[s:e]) for s, e, label in ents if label == "ORG" and not _in_dateline(text, s)]
            places = [(s, e) for s, e, label in ents if label in ("LOC", "GPE")]
            ctx = Context(text, self.lex, doc.user_data.get("doc_id", ""), persons, orgs, places)
            doc.user_data["grappe_ctx"] = ctx
        return ctx

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lexicon.json").write_text(json.dumps(self.lex.to_json(), ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=()):
        self.lex = Lexicon.from_json(json.loads((Path(path) / "lexicon.json").read_text(encoding="utf-8")))
        return self
