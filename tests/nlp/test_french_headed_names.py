"""French institution names read whole: a head noun with a long lowercase complement, a
capitalised article before it, function words cut off at the end, a person read together
with her organization. NER spans are given; invented names."""

from __future__ import annotations

from nlp_helpers import names, rels, with_ents

from grappe.model import Document, EntityType, Extraction
from nlp.learn.model import add_ner_entities


def test_a_head_with_a_long_lowercase_complement_is_one_name():
    text = ("Le programme a été lancé par la Banque Nordale en partenariat avec le Centre d’essais "
            "et de transfert en logistique avancée.")
    long_name = "Centre d’essais et de transfert en logistique avancée"
    ex = with_ents(text, "fr", [("Banque Nordale", "ORG"), (long_name, "ORG")])
    assert long_name in names(ex, "Organization")
    assert "Centre" not in names(ex)


def test_a_rule_takes_the_whole_name_ner_read_where_it_read_the_head():
    text = ("« Nous sommes ravis », indique Julie Tremblay, directrice générale de la Fédération des pêcheurs "
            "du Nord.")
    ex = with_ents(text, "fr", [("Julie Tremblay", "PER"), ("Fédération des pêcheurs du Nord", "ORG")])
    assert ("AFFILIATED_WITH", "Julie Tremblay", "Fédération des pêcheurs du Nord") in rels(ex)
    assert "Fédération" not in names(ex)


def test_a_capitalised_article_goes_before_a_head_but_stays_in_a_title():
    text = ("Le concours est organisé par La Guilde des brasseurs du Nord, selon La Gazette Boréale, "
            "avec la Fondation Lumen.")
    ex = with_ents(text, "fr", [("La Guilde des brasseurs du Nord", "ORG"), ("La Gazette Boréale", "ORG"),
                                 ("Fondation Lumen", "ORG")])
    assert {"Guilde des brasseurs du Nord", "La Gazette Boréale"} <= names(ex, "Organization")
    assert "La Guilde des brasseurs du Nord" not in names(ex)


def test_a_name_does_not_end_with_a_function_word():
    text = ("Les travaux réunissent l’Institut des arts appliqués de l’Université de Valmont et "
            "la Faculté des sciences de l’Université de Valmont.")
    ex = with_ents(text, "fr", [("Institut des arts appliqués de l’", "ORG"), ("Université de Valmont", "ORG")])
    assert "Institut des arts appliqués" in names(ex)
    assert not any(n.endswith(("de l’", "de l'", " de")) for n in names(ex))
    doc = Document("d1", "x.txt", "txt", text, language="fr")
    fac = text.index("Faculté")  # the NER stage, for a name the rule layers left out
    out = add_ner_entities(Extraction(doc, [], []), [(fac, fac + len("Faculté des sciences de l’"), "ORG")])
    assert names(out) == {"Faculté des sciences"}


def test_the_ner_stage_cuts_a_known_organization_off_a_person_and_drops_titles():
    text = "Prof. Anne Roy d’Acmesanté dirige les analyses. L’équipe d’Acmesanté assure le suivi."
    doc = Document("d1", "x.txt", "txt", text, language="fr")
    org = text.rindex("Acmesanté")
    base = add_ner_entities(Extraction(doc, [], []), [(org, org + len("Acmesanté"), "ORG")])
    assert names(base, "Organization") == {"Acmesanté"}
    person = text.index("Anne")
    out = add_ner_entities(base, [(0, 4, "ORG"), (person, person + len("Anne Roy d’Acmesanté"), "PER")])
    assert names(out, "Person") == {"Anne Roy"}
    assert "Prof" not in names(out)
    anne = next(e for e in out.entities if e.type is EntityType.PERSON)
    assert text[anne.mentions[0].start:anne.mentions[0].end] == "Anne Roy"
