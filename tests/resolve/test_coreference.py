"""Resolution inside one document (``graph.resolve.coreference`` through ``merge_within``):
names the text defines in parentheses, and short forms that refer back to the one
entity they shorten. Invented names and sentences only, both languages."""

from __future__ import annotations

from graph.resolve.coreference import shortens, spaced_acronym
from graph.resolve.normalize import core_tokens
from graph.resolve.within import merge_within
from grappe.model import Document, EntityType, ExtractedEntity, Extraction, Mention

ORG, UNIV, PERSON = EntityType.ORGANIZATION, EntityType.UNIVERSITY, EntityType.PERSON


def _merge(text: str, *names: tuple[str, EntityType] | tuple[str, EntityType, int]) -> list[ExtractedEntity]:
    """Entities at the n-th occurrence of their name in ``text`` (default the first),
    merged as ingest merges them."""
    ents = []
    for k, spec in enumerate(names):
        name, etype = spec[0], spec[1]
        nth = spec[2] if len(spec) > 2 else 0
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        ents.append(ExtractedEntity(f"e{k}", etype, name, mentions=[Mention("d", start, start + len(name), name)]))
    doc = Document(id="d", source="d.txt", format="txt", text=text)
    return merge_within(Extraction(doc, ents, []))[0].entities


def _names(entities: list[ExtractedEntity]) -> list[list[str]]:
    return sorted([e.name, *sorted(e.aliases)] for e in entities)


# --------------------------------------------------------------------------- definitions

def test_an_acronym_in_parentheses_defines_the_name_in_any_language() -> None:
    # the acronym of the French name beside the English one: it spells nothing here
    ents = _merge("Funding came from the Lakeside Research Council (CNRL) and Borealis Labs. The CNRL said...",
                  ("Lakeside Research Council", ORG), ("CNRL", ORG), ("Borealis Labs", ORG))
    assert _names(ents) == [["Borealis Labs"], ["Lakeside Research Council", "CNRL"]]
    assert len(next(e for e in ents if e.name.startswith("Lakeside")).mentions) == 2


def test_the_acronym_first_and_the_name_in_parentheses() -> None:
    ents = _merge("Le suédois SVL (Swedish Valley Laboratories) rejoint le réseau.",
                  ("SVL", ORG), ("Swedish Valley Laboratories", ORG))
    assert len(ents) == 1 and ents[0].name == "Swedish Valley Laboratories" and ents[0].aliases == ["SVL"]


def test_a_translation_and_an_acronym_in_one_pair_of_parentheses() -> None:
    text = "avec le Centre de recherche sur le givre (Frost Research Centre, CRG). Le CRG teste..."
    ents = _merge(text, ("Centre de recherche sur le givre", ORG), ("Frost Research Centre", ORG),
                  ("CRG", ORG), ("CRG", ORG, 1))
    assert len(ents) == 1 and len(ents[0].mentions) == 4
    # the English name alone before the acronym (the French one was not found) is enough
    ents = _merge(text, ("Frost Research Centre", ORG), ("CRG", ORG))
    assert len(ents) == 1


def test_what_parentheses_do_not_define() -> None:
    # a country is no acronym of the name
    assert len(_merge("at Lakeside University (UK) and", ("Lakeside University", UNIV), ("UK", ORG))) == 2
    # an acronym longer than the name has words is some longer name's: only its tail was found
    assert len(_merge("the Partnership at Northfield Tech (PNTNA) said", ("Northfield Tech", UNIV),
                      ("PNTNA", ORG))) == 2
    # one acronym defined for two different names (spelling neither): it joins neither
    ents = _merge("Lakeside Acme Works (NOR) and later Borealis Nordic Group (NOR) agreed",
                  ("Lakeside Acme Works", ORG), ("NOR", ORG), ("Borealis Nordic Group", ORG), ("NOR", ORG, 1))
    assert _names(ents) == [["Borealis Nordic Group"], ["Lakeside Acme Works"], ["NOR"]]
    # a person is not defined by an acronym
    assert len(_merge("said Jeanne Tremblay (JT) on", ("Jeanne Tremblay", PERSON), ("JT", ORG))) == 2


# --------------------------------------------------------------------------- short forms

def test_an_organization_without_its_generic_word_is_the_one_it_shortens() -> None:
    text = "Northfield College and Borealis Labs signed. Northfield will host the lab."
    ents = _merge(text, ("Northfield College", UNIV), ("Borealis Labs", ORG), ("Northfield", ORG, 1))
    one = next(e for e in ents if e.name == "Northfield College")
    assert len(ents) == 2 and one.type == UNIV and one.aliases == ["Northfield"] and len(one.mentions) == 2
    # in French, with the generic word first, and a government
    ents = _merge("Le Gouvernement du Québec et l'Université Acme. Québec versera...",
                  ("Gouvernement du Québec", ORG), ("Université Acme", UNIV), ("Québec", ORG, 1))
    assert _names(ents) == [["Gouvernement du Québec", "Québec"], ["Université Acme"]]
    ents = _merge("the Department of Tourism of Lakeside. Tourism will fund it.",
                  ("Department of Tourism", ORG), ("Tourism", ORG, 1))
    assert len(ents) == 1 and ents[0].name == "Department of Tourism"


def test_a_short_form_with_two_candidates_stays_alone() -> None:
    text = "Université de Nordville, Gouvernement de Nordville: Nordville paiera."
    ents = _merge(text, ("Université de Nordville", UNIV), ("Gouvernement de Nordville", ORG),
                  ("Nordville", ORG, 2))
    assert len(ents) == 3


def test_words_that_make_another_body_are_not_dropped() -> None:
    # a foundation, a lab, a national subsidiary named bare: other bodies than the name alone
    for long in ("Acme Foundation", "Acme Labs", "Acme Canada"):
        assert len(_merge(f"{long} and Acme agreed.", (long, ORG), ("Acme", ORG))) == 2, long
    # a place stands for its government, not for its university or its bank
    assert len(_merge("Université du Canada et le Canada", ("Université du Canada", UNIV),
                      ("Canada", ORG, 1))) == 2
    # distinctive words are no short form: "Lakeside" is not "Lakeside Capital Ventures"
    assert not shortens(core_tokens("Lakeside"), core_tokens("Lakeside Capital Ventures"), False)


def test_generic_words_alone_refer_to_the_one_body_holding_them_without_naming_it() -> None:
    ents = _merge("Le Cégep de Nordville et Acme. Le Cégep offrira...",
                  ("Cégep de Nordville", UNIV), ("Acme", ORG), ("Cégep", ORG, 1))
    one = next(e for e in ents if e.name == "Cégep de Nordville")
    assert len(ents) == 2 and one.aliases == [] and len(one.mentions) == 2


def test_a_surname_after_a_title_is_the_one_person_with_that_surname() -> None:
    text = "Governor Jeanne Tremblay and Marc Lapointe met. Governor Tremblay said..."
    ents = _merge(text, ("Jeanne Tremblay", PERSON), ("Marc Lapointe", PERSON), ("Governor Tremblay", PERSON))
    one = next(e for e in ents if e.name == "Jeanne Tremblay")
    # the surname alone names nobody else: it is no alias, only a mention
    assert len(ents) == 2 and one.aliases == [] and len(one.mentions) == 2
    ents = _merge("Jeanne Lacerte dirige le labo. La professeure Lacerte ajoute...",
                  ("Jeanne Lacerte", PERSON), ("professeure Lacerte", PERSON))
    assert len(ents) == 1
    ents = _merge("Jeanne Lacerte, Marc Lacerte. Lacerte ajoute", ("Jeanne Lacerte", PERSON),
                  ("Marc Lacerte", PERSON), ("Lacerte", PERSON, 2))
    assert len(ents) == 3  # two Lacertes: it stays alone
    # a surname typed as an organization is no short form of a person
    assert len(_merge("Jeanne Lacerte. Lacerte said", ("Jeanne Lacerte", PERSON), ("Lacerte", ORG, 1))) == 2


def test_titles_are_not_names() -> None:
    assert core_tokens("Gouverneure Tremblay", person=True) == ("tremblay",)
    assert core_tokens("Senator Jeanne Tremblay", person=True) == ("jeanne", "tremblay")
    assert core_tokens("Premier Acme", person=False) == ("premier", "acme")  # organizations keep them


def test_an_acronym_spaced_or_not_joins_the_one_name_it_spells_whatever_its_type() -> None:
    text = "the University of Northfield and Acme. U of N president said"
    ents = _merge(text, ("University of Northfield", UNIV), ("Acme", ORG), ("U of N", ORG))
    assert _names(ents) == [["Acme"], ["University of Northfield", "U of N"]]
    ents = _merge("l'Université de Nordville et l'Université de Nantville. U de N a dit",
                  ("Université de Nordville", UNIV), ("Université de Nantville", UNIV), ("U de N", ORG))
    assert len(ents) == 3  # it spells both: it stays alone
    assert spaced_acronym("U of N") == "UofN" and spaced_acronym("Acme of N") == ""
