"""``grappe_structures_v1``: report layouts (project fields, boards, colon lists, events)."""

from __future__ import annotations

from spacy.language import Language

from nlp.components.base import RuleComponent
from nlp.facts import facts_of
from nlp.rules import headed_projects, lists, project_fields


class Structures(RuleComponent):
    def __call__(self, doc):
        ctx = self.context(doc)
        facts = facts_of(doc)
        project_fields(ctx, facts)
        lists(ctx, facts)
        headed_projects(ctx, facts)
        return doc


@Language.factory("grappe_structures_v1", requires=["doc.ents"], default_config={"lang": None})
def make_structures(nlp: Language, name: str, lang: str | None) -> Structures:
    return Structures(nlp, name, lang)
