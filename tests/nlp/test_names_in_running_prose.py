"""Names as running prose writes them: a capitalised kind word belongs to the name, a
"with" ends one, and a minister's portfolio is not a person. Invented examples."""

from nlp_helpers import names, rels, run_rules


def test_a_capitalised_kind_word_stays_in_the_name():
    ex = run_rules("Ottawa is investing $4 million in the Northern Prairie Soil Consortium this year.", "en")
    assert "Northern Prairie Soil" not in names(ex, "Project")


def test_a_lowercase_kind_word_after_the_name_still_makes_a_project():
    ex = run_rules("Ottawa is investing $4 million in the Northern Prairie Soil consortium this year.", "en")
    assert "Northern Prairie Soil" in names(ex, "Project")


def test_with_ends_the_name_of_who_leads():
    ex = run_rules("The Blue Delta project, led by the University of Kenora with Lakehead College, "
                   "starts in May.", "en")
    assert ("LEADS", "University of Kenora", "Blue Delta") in rels(ex)
    assert not any("with" in n for n in names(ex))


def test_a_ministers_portfolio_is_not_a_person():
    ex = run_rules("\"This is good news,\" said Ann Lowry, Ontario Minister of Economic Development, "
                   "Job Growth and Trade.", "en")
    assert "Job Growth" not in names(ex, "Person")
    assert ("AFFILIATED_WITH", "Ann Lowry", "Government of Ontario") in rels(ex)


def test_a_province_before_the_ministers_title_is_part_of_the_role():
    ex = run_rules("\"We are proud,\" said Paul Giroux, Federal Minister of Industry.", "en")
    assert ("AFFILIATED_WITH", "Paul Giroux", "Government of Canada") in rels(ex)
    assert "Federal" not in names(ex)


def test_a_province_government_keeps_the_form_the_text_writes():
    ex = run_rules("The Manitoba government is investing $5 million in the Lakeshore Robotics Initiative.", "en")
    gov = next(e for e in ex.entities if e.name == "Government of Manitoba")
    assert "Manitoba government" in gov.aliases
