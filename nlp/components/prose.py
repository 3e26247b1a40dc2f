"""``grappe_prose_v1``: sentences (roles, ministers, partnerships, leads, governments)."""

from __future__ import annotations

from spacy.language import Language

from nlp.components.base import RuleComponent
from nlp.facts import facts_of, seal
from nlp.rules import prose, prose_projects
from nlp.textutil import sentences


class Prose(RuleComponent):
    def __call__(self, doc):
        ctx = self.context(doc)
        sents = sentences(doc.text)
        prose(ctx, facts_of(doc), sents)
        prose_projects(ctx, facts_of(doc), sents)
        seal(doc)
        return doc


@Language.factory("grappe_prose_v1", requires=["doc.ents"], default_config={"lang": None})
def make_prose(nlp: Language, name: str, lang: str | None) -> Prose:
    return Prose(nlp, name, lang)
