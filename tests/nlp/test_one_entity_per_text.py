"""One organization or person per thing a text names, however the text names it again:
a short form defined in a parenthesis, a surname alone, a one-letter slip. Invented names."""

from __future__ import annotations

from nlp_helpers import names, with_ents

from nlp.rules import defines_acronym


def test_a_parenthesis_defines_short_forms_the_initials_alone_miss():
    assert defines_acronym("Nordacol", "Nordic Data Collective")  # letters in order, from the first word
    assert defines_acronym("IPSM", "Institut des matériaux polaires et salins")  # initials reordered
    assert defines_acronym("UKRX", "UK Research and Xylem")
    assert not defines_acronym("ARX", "Acme Robotics")  # a letter the name lacks
    assert not defines_acronym("TSX", "Acme Robotics")  # a stock exchange, not a short form
    assert not defines_acronym("Canada", "Acme Robotics")


def test_a_short_form_defined_in_the_text_is_the_long_name():
    text = ("L'Institut des matériaux polaires et salins (IPSM) s'associe à Kelpwise Analytics. "
            "L'IPSM versera 2 M$ au projet.")
    ex = with_ents(text, "fr", [("Institut des matériaux polaires et salins", "ORG"), ("Kelpwise Analytics", "ORG"),
                                ("IPSM", "ORG")])
    inst = [e for e in ex.entities if e.name == "Institut des matériaux polaires et salins"]
    assert len(inst) == 1 and "IPSM" in inst[0].aliases
    assert "IPSM" not in names(ex)


def test_a_reader_that_takes_the_parenthesis_into_the_name_gives_it_back_as_an_alias():
    text = "Kelpwise Analytics signe avec l'Université de Pointe-Aux-Loups (UPAL). L'UPAL fournira les données."
    ex = with_ents(text, "fr", [("Kelpwise Analytics", "ORG"), ("Université de Pointe-Aux-Loups (UPAL)", "ORG"),
                                ("UPAL", "ORG")])
    uni = [e for e in ex.entities if e.name == "Université de Pointe-Aux-Loups"]
    assert len(uni) == 1 and "UPAL" in uni[0].aliases
    assert not any("(" in e.name for e in ex.entities)


def test_a_surname_alone_is_the_person_named_before():
    text = ("Ada Okafor, who directs research at Kelpwise Analytics, leads the trial. "
            "Okafor said the first results are due in spring.")
    ex = with_ents(text, "en", [("Ada Okafor", "PERSON"), ("Kelpwise Analytics", "ORG"), ("Okafor", "ORG")])
    assert "Okafor" not in names(ex, "Organization")
    ada = [e for e in ex.entities if e.name == "Ada Okafor"]
    assert len(ada) == 1 and "Okafor" in ada[0].aliases


def test_a_surname_that_opens_a_company_name_stays_the_company():
    text = ("Ada Okafor founded Okafor Freight in 2004. Okafor Freight now runs 40 trucks. "
            "Okafor will ship the first loads.")
    ex = with_ents(text, "en", [("Ada Okafor", "PERSON"), ("Okafor Freight", "ORG"), ("Okafor Freight", "ORG"),
                                ("Okafor", "ORG")])
    ada = [e for e in ex.entities if e.name == "Ada Okafor"]
    assert len(ada) == 1 and "Okafor" not in ada[0].aliases


def test_a_one_letter_slip_in_a_company_name_is_the_same_company():
    text = ("Quillons and Kelpwise Analytics will build the plant together. "
            "Quillon will supply the turbines, Kelpwise Analytics the controls.")
    ex = with_ents(text, "en", [("Quillons", "ORG"), ("Kelpwise Analytics", "ORG"), ("Quillon", "ORG")])
    quill = [e for e in ex.entities if e.name in ("Quillon", "Quillons")]
    assert len(quill) == 1
