"""Names that carry their kind (programmes, chairs, initiatives) are read whole as
projects, with their acronym; invented names."""

from __future__ import annotations

import hashlib

from nlp_helpers import blank_pipeline, names

from grappe.model import Document
from nlp.assemble import assemble
from nlp.facts import facts_of


def run_rules(text: str, lang: str = "fr"):
    """The rule layers, keeping projects nothing relates to yet (the learned stage decides)."""
    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "test.txt", "txt", text, language=lang)
    return assemble(doc, facts_of(blank_pipeline(lang)(text)), prune=False)


def _project(ex, name):
    return next(e for e in ex.entities if e.name == name and e.type.value == "Project")


def test_english_kind_last_is_read_whole_with_its_acronym():
    ex = run_rules("The agency unveiled the Northern Quantum Builders Program (NQBP) on Monday.", "en")
    assert "Northern Quantum Builders Program" in names(ex, "Project")
    assert "NQBP" in _project(ex, "Northern Quantum Builders Program").aliases
    assert "Northern Quantum Builders" not in names(ex)  # the kind is not cut off


def test_english_chair_and_professorship():
    ex = run_rules("Brightfield Foods will create the Dairy Health Chair and the Grain Sensory Professorship.", "en")
    assert {"Dairy Health Chair", "Grain Sensory Professorship"} <= names(ex, "Project")


def test_a_project_named_with_its_kind_is_also_its_bare_name():
    ex = run_rules("Harbourline leads the Ocean Watch Project. Ocean Watch will map the bay.", "en")
    assert "Ocean Watch" in _project(ex, "Ocean Watch Project").aliases


def test_french_kind_first_keeps_its_lowercase_complement():
    ex = run_rules("Le ministère annonce le Programme d'appui à la transformation numérique, doté de 20 M$.")
    assert "Programme d'appui à la transformation numérique" in names(ex, "Project")
    ex = run_rules("La Chaire de recherche industrielle sur les composites recyclés est financée par Acme.")
    assert "Chaire de recherche industrielle sur les composites recyclés" in names(ex, "Project")


def test_french_complement_stops_at_a_participle_and_its_agent():
    ex = run_rules("La Chaire de recherche sur les sols nordiques financée par Acme Minéraux sera lancée en mai.")
    assert "Chaire de recherche sur les sols nordiques" in names(ex, "Project")


def test_a_kind_word_alone_or_lowercase_is_not_a_name():
    ex = run_rules("The program will fund ten chairs. Le programme financera dix chaires.", "en")
    assert names(ex, "Project") == set()


def test_french_complement_keeps_a_coordinated_preposition_and_stops_at_a_verb():
    ex = run_rules("La Chaire de recherche en cultures sous serres et en milieu contrôlé sera créée. "
                   "La Chaire sont deux mots.")
    assert names(ex, "Project") == {"Chaire de recherche en cultures sous serres et en milieu contrôlé"}


def test_a_shorter_form_after_the_full_name_is_the_same_project():
    ex = run_rules("Acme finance la Chaire de recherche industrielle sur les sols nordiques. "
                   "La Chaire de recherche sur les sols nordiques accueillera deux chercheurs.")
    assert names(ex, "Project") == {"Chaire de recherche industrielle sur les sols nordiques"}
    assert "Chaire de recherche sur les sols nordiques" in _project(
        ex, "Chaire de recherche industrielle sur les sols nordiques").aliases


def test_a_name_does_not_run_over_a_sentence_end():
    ex = run_rules("The grant comes from Northern Fund Capital. Project partners include Acme.", "en")
    assert names(ex, "Project") == set()


def test_french_kind_first_after_an_elided_article_ends_before_what_frames_it():
    ex = run_rules("Le laboratoire a été retenu par l'Initiative nordique pour les sols vivants, dotée de 2 M$.")
    assert "Initiative nordique pour les sols vivants" in names(ex, "Project")
    ex = run_rules("Les bourses viennent du Programme d'aide aux serres froides en vertu de l'Accord boréal (AB).")
    assert "Programme d'aide aux serres froides" in names(ex, "Project")
    ex = run_rules("Acme Santé coordonne l'Étude nationale sur le sommeil.")
    assert "Étude nationale sur le sommeil" in names(ex, "Project")


def test_a_quoted_call_for_projects_is_named_as_a_project():
    ex = run_rules("« Toits fertiles », un appel à projets de la Ville, a retenu douze équipes.")
    assert "Toits fertiles" in names(ex, "Project")
    ex = run_rules("Les partenaires ont répondu à l'appel à manifestation d'intérêt (AMI) « Ports sobres », lancé par Acme.")
    assert "Ports sobres" in names(ex, "Project")


def test_english_lowercase_kind_after_a_name_with_linking_words():
    ex = run_rules("Acme joins the Soils for Northern Farms programme, which runs to 2030.", lang="en")
    assert "Soils for Northern Farms" in names(ex, "Project")
