"""Names a sentence lists together are found (invented text) and decided together."""
from __future__ import annotations

import pytest

from grappe.model import Document, EntityType, ExtractedEntity, Extraction, Mention, RelType
from nlp.learn.coordination import coordinated, coordinations
from nlp.learn.model import Choice, ExtractionModel, Multi, relate
from nlp.lexicon import lexicon


@pytest.mark.parametrize(("between", "lang"), [
    (", ", "en"), (", and ", "en"), (" and the universities ", "en"), (" (ACM), ", "en"),
    (" et ", "fr"), ("; les centres de recherche ", "fr"), (", ainsi que ", "fr"),
])
def test_list_punctuation_a_conjunction_and_category_words_coordinate(between, lang):
    assert coordinated(between, lexicon(lang))


@pytest.mark.parametrize(("between", "lang"), [
    (" ", "en"), (", with ", "en"), (", led by ", "en"), (": ", "en"), (" – ", "en"),
    (" avec ", "fr"), (", qui travaille avec ", "fr"), (", dont ", "fr"),
])
def test_a_word_of_another_role_or_other_punctuation_does_not(between, lang):
    assert not coordinated(between, lexicon(lang))


TEXT = ("Le consortium Hélios réunit les entreprises Acme Robotique, Borée et Cobalt; "
        "les laboratoires Delta et Épsilon. Le Fonds Boréal, avec Zénith, finance Hélios.")
NAMES = ("Hélios", "Acme Robotique", "Borée", "Cobalt", "Delta", "Épsilon", "Fonds Boréal", "Zénith")


def _extraction() -> Extraction:
    doc = Document("d1", "invented.txt", "txt", TEXT, language="fr")
    entities = []
    for i, name in enumerate(NAMES, 1):
        start = TEXT.index(name)
        kind = EntityType.PROJECT if name == "Hélios" else EntityType.ORGANIZATION
        entities.append(ExtractedEntity(f"e{i}", kind, name, mentions=[Mention("d1", start, start + len(name), name)]))
    return Extraction(doc, entities, [])


def test_the_runs_of_one_sentence():
    ex = _extraction()
    mentions = [(m.start, m.end, e.key) for e in ex.entities if e.type is EntityType.ORGANIZATION for m in e.mentions]
    end = TEXT.index(".") + 1
    runs = coordinations(TEXT, "fr", mentions, [(0, end), (end + 1, len(TEXT))])
    assert runs == [frozenset({"e2", "e3", "e4", "e5", "e6"})]  # "avec" keeps Zénith apart from the fund


def test_names_listed_together_are_decided_together():
    # a model that sees the relation only for the name next to the verb (no name between)
    multi = Multi(("PARTICIPATES_IN", "none"), (0.0, 1.0), {"entities_between<=0": (3.0, 0.0)}, 0.0)
    model = ExtractionModel("t", {}, None, None, choices={"org-project": Choice(multi, {"PARTICIPATES_IN": 0.5})})
    rels = {(r.type, r.source, r.target) for r in relate(_extraction(), model)}
    members = {"e2", "e3", "e4", "e5", "e6"}
    assert {s for t, s, o in rels if t is RelType.PARTICIPATES_IN and o == "e1"} == members
