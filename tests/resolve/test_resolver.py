"""Resolution rules end to end on small mention lists (pure, no store)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from graph.resolve.cluster import average_link
from graph.resolve.resolver import Item, resolve_mentions
from graph.resolve.scoring import profile, score


def clusters_of(items: list[Item | tuple | str]) -> list[set[str]]:
    """The clusters as sets of input names (names must be distinct in the test)."""
    items = [x if isinstance(x, Item) else Item(*x) if isinstance(x, tuple) else Item(x) for x in items]
    return [{items[i - 1].name for i in c.lines} for c in resolve_mentions(items)]


def together(clusters: list[set[str]], *names: str) -> bool:
    return any(set(names) <= c for c in clusters)


def apart(clusters: list[set[str]], a: str, b: str) -> bool:
    return not together(clusters, a, b)


def test_every_line_in_exactly_one_cluster() -> None:
    items = [Item("Coveo"), Item("Coveo Inc."), Item("Mila"), Item(""), Item(""), Item("Mila")]
    lines = sorted(line for c in resolve_mentions(items) for line in c.lines)
    assert lines == [1, 2, 3, 4, 5, 6]


def test_case_accents_and_legal_forms() -> None:
    c = clusters_of(["Hydro-Québec", "HYDRO-QUEBEC", "Hydro Québec inc.", "Hydro One"])
    assert together(c, "Hydro-Québec", "HYDRO-QUEBEC", "Hydro Québec inc.")
    assert apart(c, "Hydro-Québec", "Hydro One")


def test_cross_language_and_structural_forms() -> None:
    c = clusters_of([
        ("Université de Montréal", "University"), ("University of Montreal", "University"),
        ("Université Laval", "University"), ("Laval University", ""),
        ("École polytechnique de Montréal", "University"), ("Polytechnique Montréal", "University"),
    ])
    assert together(c, "Université de Montréal", "University of Montreal")
    assert together(c, "Université Laval", "Laval University")
    assert together(c, "École polytechnique de Montréal", "Polytechnique Montréal")
    assert apart(c, "Université de Montréal", "Polytechnique Montréal")


def test_defined_acronyms_are_aliases_and_a_bare_acronym_needs_one_candidate() -> None:
    c = clusters_of(["Université du Québec à Montréal (UQAM)", "UQAM", "Université du Québec à Montréal"])
    assert len(c) == 1
    # initials alone merge only with the one full name they can spell in the input
    c = clusters_of(["UQAM", "Université du Québec à Montréal"])
    assert len(c) == 1
    c = clusters_of(["UQAM", "Université du Québec à Montréal", "Union québécoise des arts martiaux"])
    assert len(c) == 3


def test_parent_in_parentheses() -> None:
    c = clusters_of(["CICIEM (Université Concordia)", "CICIEM", "Université Concordia"])
    assert together(c, "CICIEM (Université Concordia)", "CICIEM")
    assert apart(c, "CICIEM", "Université Concordia")


def test_ambiguous_name_stays_alone() -> None:
    # the bare name could be either unit: it joins neither
    c = clusters_of(["CICIEM (Université Concordia)", "CICIEM", "CICIEM (Université Laval)"])
    assert len(c) == 3
    # one acronym defined for two different names is ambiguous too
    c = clusters_of(["Université Alpha de Sherbrooke (UAS)", "Université Arbre de Saskatoon (UAS)", "UAS"])
    assert len(c) == 3


def test_sub_unit_is_not_its_parent() -> None:
    c = clusters_of(["Université Laval – Faculté des sciences", "Université Laval",
                     "Fonds de recherche du Québec – Santé", "Fonds de recherche du Québec"])
    assert len(c) == 4


def test_distinguishing_extra_words_block_merges() -> None:
    c = clusters_of(["IVADO", "IVADO Labs", "HEC Montréal", "Fondation HEC Montréal", "Bombardier",
                     "Bombardier Business Aircraft", "Concordia University", "Concordia University of Edmonton",
                     "Université de Montréal", "Université du Québec à Montréal"])
    assert len(c) == 10


def test_person_never_with_organization() -> None:
    c = clusters_of([("Jean Coutu", "Person"), ("Jean Coutu", "Organization")])
    assert len(c) == 2
    assert score(profile("Jean Coutu", "Person"), profile("Jean Coutu", "Organization")).veto


def test_organization_vs_university_needs_strong_evidence() -> None:
    same_key = score(profile("HEC Montréal", "Organization"), profile("HEC Montreal", "University"))
    assert not same_key.veto
    weak = score(profile("Concordia", "Organization"), profile("Université Concordia", "University"))
    assert weak.veto


def test_cannot_link_items_of_one_list() -> None:
    c = clusters_of([("Université de Montréal", "", "list1"), ("University of Montreal", "", "list1")])
    assert len(c) == 2
    c = clusters_of([("Université de Montréal", "", "list1"), ("University of Montreal", "", "list2")])
    assert len(c) == 1


def test_no_chaining() -> None:
    # A~B and B~C above threshold, A and C unrelated: average link refuses the chain.
    scores = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.0}
    clusters = average_link(3, [(0.9, 0, 1), (0.9, 1, 2)], lambda i, j: scores[(min(i, j), max(i, j))], 0.75)
    assert sorted(map(len, clusters)) == [1, 2]
    # and a veto anywhere across two clusters blocks the merge
    scores = {(0, 1): 1.0, (1, 2): 1.0, (0, 2): -1.0}
    clusters = average_link(3, [(1.0, 0, 1), (1.0, 1, 2)], lambda i, j: scores[(min(i, j), max(i, j))], 0.75)
    assert sorted(map(len, clusters)) == [1, 2]


def test_canonical_name_keeps_both_languages() -> None:
    [cluster] = resolve_mentions([Item("Université de Montréal"), Item("University of Montreal"),
                                  Item("UNIVERSITÉ DE MONTRÉAL"), Item("UdeM"),
                                  Item("Université de Montréal (UdeM)")])
    assert cluster.name == "Université de Montréal"
    assert "University of Montreal" in cluster.aliases and "UdeM" in cluster.aliases


def test_person_initials_join_a_unique_full_name_only() -> None:
    c = clusters_of([("Yoshua Bengio", "Person"), ("Y. Bengio", "Person"), ("Samy Bengio", "Person")])
    assert together(c, "Yoshua Bengio", "Y. Bengio")
    c = clusters_of([("Jean Tremblay", "Person"), ("J. Tremblay", "Person"), ("Julie Tremblay", "Person")])
    assert len(c) == 3


def test_typos() -> None:
    c = clusters_of(["Université de Sherbrooke", "Universite de Sherbroke", "Element AI", "ElementAI",
                     "Elemental AI"])
    assert together(c, "Université de Sherbrooke", "Universite de Sherbroke")
    assert together(c, "Element AI", "ElementAI")
    assert apart(c, "Element AI", "Elemental AI")


def test_cli_resolve(tmp_path) -> None:
    from grappe.cli import main

    path = tmp_path / "m.tsv"
    path.write_text("Université Laval\tUniversity\t\nLaval University\t\t\nIVADO Labs\tOrganization\tg\n"
                    "IVADO\tOrganization\tg\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data == {"clusters": [
        {"name": "Université Laval", "type": "University", "lines": [1, 2]},
        {"name": "IVADO Labs", "type": "Organization", "lines": [3]},
        {"name": "IVADO", "type": "Organization", "lines": [4]},
    ], "conflicts": []}


def test_person_word_order_matters_and_blank_names_stay_alone() -> None:
    c = clusters_of([("Paul Martin", "Person"), ("Martin Paul", "Person")])
    assert len(c) == 2
    clusters = resolve_mentions([Item(""), Item(""), Item("Mila")])
    assert sorted(len(x.lines) for x in clusters) == [1, 1, 1]


def test_short_brand_names_need_more_than_one_letter_of_difference() -> None:
    assert len(clusters_of(["Nuvei", "Nuveo"])) == 2
    assert len(clusters_of(["Desjardins", "Desjardns"])) == 1


def test_titles_are_not_names() -> None:
    c = clusters_of([("M. Julien Billot", "Person"), ("Julien Billot", "Person"),
                     ("M. Tremblay", "Person"), ("Marie Tremblay", "Person")])
    assert together(c, "M. Julien Billot", "Julien Billot")
    assert apart(c, "M. Tremblay", "Marie Tremblay")
