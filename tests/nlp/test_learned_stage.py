"""The learned extraction stage on invented documents: candidates, features, decisions, training.

No spaCy model is needed: extractions are built by hand, as the rule layers would give them.
"""

from __future__ import annotations

import json
from dataclasses import replace

from grappe.model import (
    Document,
    EntityType,
    Evidence,
    ExtractedEntity,
    ExtractedRelation,
    Extraction,
    Mention,
    RelType,
)
from nlp.learn.features import PROJECT_CANDIDATE, candidate_pairs, entity_features
from nlp.learn.model import (
    Binary,
    Choice,
    ExtractionModel,
    Multi,
    add_ner_entities,
    apply,
    prune_projects,
    relate,
)
from nlp.learn.ner import entity_spans, gold_spans
from nlp.train import train

TEXT = (
    "Acme Robotique et l'Université de Nordville lancent le projet Hélios.\n\n"
    "Le projet Hélios est financé par le Fonds Boréal. Marie Tremblay, directrice chez Acme Robotique, "
    "dirige l'équipe."
)


def _mention(doc: Document, name: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(name, start + 1)
    return Mention(doc.id, start, start + len(name), name)


def _extraction(project_type: EntityType = EntityType.PROJECT) -> Extraction:
    doc = Document("d1", "invented.txt", "txt", TEXT, language="fr")
    acme = ExtractedEntity("e1", EntityType.ORGANIZATION, "Acme Robotique", "company",
                           mentions=[_mention(doc, "Acme Robotique"), _mention(doc, "Acme Robotique", 1)])
    uni = ExtractedEntity("e2", EntityType.UNIVERSITY, "Université de Nordville",
                          mentions=[_mention(doc, "Université de Nordville")])
    proj = ExtractedEntity("e3", project_type, "Hélios", mentions=[_mention(doc, "Hélios"), _mention(doc, "Hélios", 1)])
    fund = ExtractedEntity("e4", EntityType.ORGANIZATION, "Fonds Boréal", "investor",
                           mentions=[_mention(doc, "Fonds Boréal")])
    person = ExtractedEntity("e5", EntityType.PERSON, "Marie Tremblay", mentions=[_mention(doc, "Marie Tremblay")])
    rel = ExtractedRelation(RelType.FUNDS, "e4", "e3", Evidence("d1", 70, 120, "Le projet Hélios est financé…"))
    return Extraction(doc, [acme, uni, proj, fund, person], [rel])


def _gold() -> dict:
    return {
        "document": {"file": "invented.txt", "language": "fr"},
        "entities": [
            {"id": "o1", "type": "Organization", "subtype": "company", "name": "Acme Robotique", "aliases": []},
            {"id": "u1", "type": "University", "name": "Université de Nordville", "aliases": []},
            {"id": "p1", "type": "Project", "name": "Hélios", "aliases": []},
            {"id": "o2", "type": "Organization", "subtype": "investor", "name": "Fonds Boréal", "aliases": []},
            {"id": "h1", "type": "Person", "name": "Marie Tremblay", "aliases": []},
        ],
        "relations": [
            {"type": "PARTICIPATES_IN", "source": "o1", "target": "p1"},
            {"type": "PARTICIPATES_IN", "source": "u1", "target": "p1"},
            {"type": "FUNDS", "source": "o2", "target": "p1"},
            {"type": "AFFILIATED_WITH", "source": "h1", "target": "o1", "role": "directrice"},
        ],
    }


def test_candidates_pair_the_entities_a_sentence_brings_together():
    pairs = {(p.family.name, p.source.name, p.target.name): p for p in candidate_pairs(_extraction())}
    launch = pairs[("org-project", "Acme Robotique", "Hélios")]
    assert launch.features["same_sentence"] == 1.0
    assert "btw_cue:announce" in launch.features  # "lancent" is a launch cue in the French data
    funds = pairs[("org-project", "Fonds Boréal", "Hélios")]
    assert funds.rule_types == {"FUNDS"} and funds.features["rule=FUNDS"] == 1.0
    assert "btw_cue:fund" in funds.features
    assert ("person-org", "Marie Tremblay", "Acme Robotique") in pairs
    # the evidence is the sentence that states the pair
    assert TEXT[launch.span[0]:launch.span[1]].startswith("Acme Robotique et")


def test_a_project_like_organization_is_a_project_candidate():
    ex = _extraction(project_type=EntityType.ORGANIZATION)
    assert not any(p.target.name == "Hélios" for p in candidate_pairs(ex) if p.family.name == "org-project")
    pairs = candidate_pairs(ex, {"e3": PROJECT_CANDIDATE + 0.1})
    assert any(p.target.name == "Hélios" and p.features["b_typed=Organization"] == 1.0
               for p in pairs if p.family.name == "org-project")


def test_the_body_a_list_is_introduced_by_is_a_target_for_its_items():
    text = "Le Réseau Cap-Nord réunit trois membres :\n\n- Acme Robotique\n- Bolt Marine\n- Cirrus Labs\n"
    doc = Document("d2", "invented.txt", "txt", text, language="fr")
    net = ExtractedEntity("e1", EntityType.ORGANIZATION, "Réseau Cap-Nord", mentions=[_mention(doc, "Réseau Cap-Nord")])
    items = [ExtractedEntity(f"e{i + 2}", EntityType.ORGANIZATION, n, mentions=[_mention(doc, n)], groups={"list1"})
             for i, n in enumerate(("Acme Robotique", "Bolt Marine", "Cirrus Labs"))]
    pairs = candidate_pairs(Extraction(doc, [net, *items], []))
    to_net = [p for p in pairs if p.family.name == "org-project" and p.target is net]
    assert {p.source.name for p in to_net} == {"Acme Robotique", "Bolt Marine", "Cirrus Labs"}
    assert all(p.features["b_introduces_a_list"] == 1.0 for p in to_net)
    between_items = [p for p in pairs if p.family.name == "org-org" and net not in (p.source, p.target)]
    assert between_items and not any("b_introduces_a_list" in p.features for p in between_items)


def _always(rtype: str, family: str) -> tuple[str, Binary]:
    return f"{family}/{rtype}", Binary(bias=5.0, weights={}, threshold=0.5)


def test_what_takes_part_in_an_organization_makes_it_a_project():
    ex = _extraction(project_type=EntityType.ORGANIZATION)
    model = ExtractionModel("t", dict([_always("PARTICIPATES_IN", "org-project")]), None, None)
    rels = relate(ex, model, {"e3": 0.9})
    helios = next(e for e in ex.entities if e.key == "e3")
    assert helios.type is EntityType.PROJECT and helios.subtype is None
    assert {(r.type, r.source, r.target) for r in rels} >= {(RelType.PARTICIPATES_IN, "e1", "e3")}
    assert all(r.source != "e3" for r in rels)  # nothing takes part *from* the project


def test_an_organization_that_takes_part_in_a_project_is_not_made_one():
    ex = _extraction()  # Hélios is a project; Acme, project-like by its probability, takes part in it
    model = ExtractionModel("t", dict([_always("PARTICIPATES_IN", "org-project")]), None, None)
    rels = {(r.type, r.source, r.target) for r in relate(ex, model, {"e1": 0.9})}
    acme = next(e for e in ex.entities if e.key == "e1")
    assert acme.type is EntityType.ORGANIZATION
    assert (RelType.PARTICIPATES_IN, "e1", "e3") in rels
    assert not any(target == "e1" for _, _, target in rels)  # nothing takes part in Acme


def test_apply_keeps_rule_relations_that_fit_and_the_projects_nothing_relates_to():
    ex = _extraction()
    lonely = ExtractedEntity("e9", EntityType.PROJECT, "Orphée", mentions=[])
    ex.entities.append(lonely)
    out = apply(ex, ExtractionModel("t", {}, None, None))
    assert {(r.type, r.source, r.target) for r in out.relations} == {(RelType.FUNDS, "e4", "e3")}
    # a named project stays with the learned stage; only the rules-only path drops it
    assert "Orphée" in {e.name for e in out.entities}
    assert "Orphée" not in {e.name for e in prune_projects(out.entities, out.relations)}


def test_model_json_round_trip():
    model = ExtractionModel(
        "v1", {"org-org/PARTNERS_WITH": Binary(-1.0, {"same_sentence": 2.0}, 0.4)},
        Multi(("Organization", "Project"), (0.1, -0.1), {"w:fonds": (-1.0, 1.0)}, 0.5), None)
    again = ExtractionModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model
    assert round(again.relations["org-org/PARTNERS_WITH"].prob({"same_sentence": 1.0}), 3) == 0.731


def _choice() -> Choice:
    # "none" unless the pair shares a sentence; then taking part beats funding
    multi = Multi(("FUNDS", "PARTICIPATES_IN", "none"), (0.0, 0.0, 2.0),
                  {"same_sentence": (1.0, 3.0, -2.0)}, 0.0)
    return Choice(multi, {"FUNDS": 0.5, "PARTICIPATES_IN": 0.5})


def test_a_choice_decides_the_types_above_their_thresholds():
    choice = _choice()
    assert choice.decide({"same_sentence": 1.0}) == ["PARTICIPATES_IN"]
    assert choice.decide({}) == []  # "none" takes the probability


def test_of_two_exclusive_types_a_choice_keeps_the_more_probable():
    # both types pass a low threshold; training said no pair has them together
    low = replace(_choice(), thresholds={"FUNDS": 0.05, "PARTICIPATES_IN": 0.05})
    assert low.decide({"same_sentence": 1.0}) == ["FUNDS", "PARTICIPATES_IN"]
    exclusive = replace(low, exclusive=(("FUNDS", "PARTICIPATES_IN"),))
    assert exclusive.decide({"same_sentence": 1.0}) == ["PARTICIPATES_IN"]  # 0.87 against 0.12
    again = ExtractionModel.from_json(json.loads(json.dumps(
        ExtractionModel("v1", {}, None, None, choices={"org-project": exclusive}).to_json())))
    assert again.choices["org-project"] == exclusive


def test_training_makes_exclusive_the_types_no_gold_pair_has_together():
    lead = _gold()
    lead["relations"].append({"type": "LEADS", "source": "o2", "target": "p1"})  # funds and leads
    lead["relations"].append({"type": "LEADS", "source": "u1", "target": "p1"})
    lead["relations"].remove({"type": "PARTICIPATES_IN", "source": "u1", "target": "p1"})
    unfunded = _gold()
    unfunded["relations"] = [r for r in unfunded["relations"] if r["type"] != "FUNDS"]
    model = train([(lead, _extraction()) for _ in range(4)] + [(unfunded, _extraction()) for _ in range(4)])
    assert model.choices["org-project"].exclusive == (("PARTICIPATES_IN", "LEADS"), ("PARTICIPATES_IN", "FUNDS"))


def test_a_family_with_a_choice_ignores_its_binary_models():
    # a binary that would call every org-project pair a funding is not read once the family has a choice
    always_funds = {"org-project/FUNDS": Binary(10.0, {}, 0.5)}
    with_choice = ExtractionModel("t", always_funds, None, None, choices={"org-project": _choice()})
    found = {(r.type, r.source, r.target) for r in relate(_extraction(), with_choice)}
    assert (RelType.PARTICIPATES_IN, "e1", "e3") in found  # same sentence as Hélios
    assert not any(t is RelType.FUNDS for t, _s, _o in found)
    assert (RelType.FUNDS, "e1", "e3") in {(r.type, r.source, r.target)
                                          for r in relate(_extraction(), ExtractionModel("t", always_funds, None, None))}


def test_a_choice_survives_the_json_round_trip():
    model = ExtractionModel("v1", {}, None, None, choices={"org-project": _choice()})
    again = ExtractionModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model
    assert again.choices["org-project"].decide({"same_sentence": 1.0}) == ["PARTICIPATES_IN"]


def test_the_ner_adds_what_the_rules_missed_and_not_twice():
    ex = _extraction()
    start = TEXT.index("Fonds Boréal")
    out = add_ner_entities(ex, [(start, start + len("Fonds Boréal"), "ORG"),  # already a mention
                                (0, len("Acme"), "ORG"),  # inside a mention
                                (TEXT.index("équipe"), TEXT.index("équipe") + 6, "ORG")])  # lowercase: no name
    assert len(out.entities) == len(ex.entities)
    text = "Visite de Borealis Nova à Québec."
    doc = Document("d2", "x.txt", "txt", text, language="fr")
    org, place = text.index("Borealis Nova"), text.index("Québec")
    out = add_ner_entities(Extraction(doc, [], []), [(org, org + len("Borealis Nova"), "ORG"), (place, place + 6, "LOC")])
    assert [(e.key, e.name, e.type) for e in out.entities] == [("n1", "Borealis Nova", EntityType.ORGANIZATION)]


def test_gold_spans_longest_first_without_overlap():
    gold = {"entities": [{"id": "o1", "type": "Organization", "name": "Acme Robotique", "aliases": ["Acme"]},
                         {"id": "p1", "type": "Project", "name": "Hélios", "aliases": []}]}
    spans = entity_spans(TEXT, gold)
    names = [TEXT[s:e] for s, e, _ in spans]
    assert names.count("Acme Robotique") == 2 and "Acme" not in names
    assert [lab for _s, _e, lab in gold_spans(TEXT, gold, "fr")].count("PROJECT") == 2


def test_entity_features_read_the_name_and_its_context():
    ex = _extraction()
    f = entity_features(ex, ex.entities[3], with_source=False)
    assert f["w:fonds"] == 1.0 and f["name_cue:undertaking"] == 1.0
    assert "left:par" in f and not any(k.startswith("rule_") for k in f)


def test_training_is_deterministic_and_learns_the_stated_relations():
    pairs = [(_gold(), _extraction()) for _ in range(6)]
    a, b = train(pairs), train(pairs)
    assert json.dumps(a.to_json(), sort_keys=True) == json.dumps(b.to_json(), sort_keys=True)
    assert a.version == b.version and a.version.startswith("grappe-extraction-")
    found = {(r.type, r.source, r.target) for r in apply(_extraction(), a).relations}
    assert (RelType.PARTICIPATES_IN, "e1", "e3") in found and (RelType.FUNDS, "e4", "e3") in found


def test_training_gives_organizations_and_projects_one_choice():
    unfunded = _gold()
    unfunded["relations"] = [r for r in unfunded["relations"] if r["type"] != "FUNDS"]
    model = train([(_gold(), _extraction()) for _ in range(4)] + [(unfunded, _extraction()) for _ in range(4)])
    choice = model.choices["org-project"]
    assert set(choice.model.classes) == {"FUNDS", "PARTICIPATES_IN", "none"}
    assert set(choice.thresholds) == {"FUNDS", "PARTICIPATES_IN"}  # "none" is never decided
    assert not any(k.startswith("org-project/") for k in model.relations)
    assert "person-org/AFFILIATED_WITH" in model.relations  # the other families keep their binaries


def test_ner_additions_drop_a_possessive_before_or_after_the_name():
    from grappe.model import Document, Extraction
    from nlp.learn.model import add_ner_entities

    text = "Northfield's Acme Labs will test it with Sherbrooke’s partners."
    doc = Document("d1", "t.txt", "txt", text, language="en")
    spans = [(0, text.index(" will")), (text.index("Sherbrooke"), text.index(" partners"))]
    ex = add_ner_entities(Extraction(doc, [], []), [(s, e, "ORG") for s, e in spans])
    assert [e.name for e in ex.entities] == ["Acme Labs", "Sherbrooke"]


def test_thresholds_are_chosen_on_the_calibration_documents_only():
    import numpy as np

    from nlp.train import _calibration_mask

    groups = np.array([0, 0, 1, 2, 2])
    assert _calibration_mask(groups, {2}).tolist() == [False, False, False, True, True]
    assert _calibration_mask(groups, None).all()
    assert _calibration_mask(groups, {7}).all()  # no calibration document among them: all count


def _network_story(name: str) -> Extraction:
    text = (f"Acme Health will lead the {name}, a new effort for rural care.\n\n"
            "The regional network includes three organizations: Bolt Labs, Corvane Clinic and Quillon Health.")
    doc = Document("d2", "invented.txt", "txt", text, language="en")
    names = ["Acme Health", name, "Bolt Labs", "Corvane Clinic", "Quillon Health"]
    ents = [ExtractedEntity(f"e{i + 1}", EntityType.ORGANIZATION, n, "company", mentions=[_mention(doc, n)])
            for i, n in enumerate(names)]
    return Extraction(doc, ents, [])


def test_the_members_of_a_network_the_model_made_a_project_take_part_in_it(monkeypatch):
    def leads_only(ex, model, probs):  # the model's one decision: Acme leads e2, made a project
        e2 = next(e for e in ex.entities if e.key == "e2")
        e2.type, e2.subtype = EntityType.PROJECT, None
        return [ExtractedRelation(RelType.LEADS, "e1", "e2", Evidence("d2", 0, 60, ex.document.text[:60]))]

    monkeypatch.setattr("nlp.learn.model.relate", leads_only)
    model = ExtractionModel("t", {}, None, None)
    out = apply(_network_story("Tidewatch Care Network"), model)
    rels = {(r.type, r.source, r.target) for r in out.relations}
    assert (RelType.LEADS, "e1", "e2") in rels
    assert {(RelType.PARTICIPATES_IN, k, "e2") for k in ("e3", "e4", "e5")} <= rels
    # a name without a collective head ("Group") is not read back as "the network"
    out = apply(_network_story("Tidewatch Care Group"), model)
    assert not any(r.type is RelType.PARTICIPATES_IN for r in out.relations)


def test_a_name_whose_line_ends_in_a_colon_before_items_heads_a_list():
    text = ("The Delta Soil Network launches with six members:\n\n"
            "  • Northfield University\n  • Acme Sensors\n\n"
            "The Delta Soil Network will meet in June.")
    doc = Document("d2", "invented.txt", "txt", text, language="en")

    def entity(key: str, name: str, nth: int) -> ExtractedEntity:
        return ExtractedEntity(key, EntityType.ORGANIZATION, name, mentions=[_mention(doc, name, nth)])

    ex = Extraction(doc, [], [])
    assert entity_features(ex, entity("h1", "Delta Soil Network", 0)).get("heads_list") == 1.0
    # the same name in a sentence that introduces nothing, and an item of the list itself
    assert "heads_list" not in entity_features(ex, entity("h2", "Delta Soil Network", 1))
    assert "heads_list" not in entity_features(ex, entity("h3", "Acme Sensors", 0))


def test_an_entity_sees_the_cue_words_of_its_whole_sentence_not_the_next_one():
    text = ("The Delta Soil Network, which farmers in three northern provinces tested for two full years, "
            "was funded by Acme. Northfield University employs twelve people.")
    doc = Document("d3", "invented.txt", "txt", text, language="en")
    network = ExtractedEntity("e1", EntityType.ORGANIZATION, "Delta Soil Network",
                              mentions=[_mention(doc, "Delta Soil Network")])
    f = entity_features(Extraction(doc, [], []), network)
    assert f.get("sent_cue:fund") == 1.0  # eleven words after the name: beyond the right-hand window
    assert "right:fund" not in f
    assert "sent_cue:employ" not in f  # the next sentence's verb


def test_a_project_keeps_the_forms_its_name_is_written_with():
    from nlp.learn.model import _project_name_variants
    from nlp.lexicon import lexicon

    text = ("Northfield's Tidewater Skills Program opens. The Tidewater Skills program trains welders. "
            "Le Plan Horizon 2024-2028 suit.")
    doc = Document("d1", "invented.txt", "txt", text, language="en")
    skills = ExtractedEntity("e1", EntityType.PROJECT, "Northfield's Tidewater Skills Program",
                             mentions=[_mention(doc, "Northfield's Tidewater Skills Program"),
                                       _mention(doc, "Tidewater Skills", 1)])
    plan = ExtractedEntity("e2", EntityType.PROJECT, "Plan Horizon", mentions=[_mention(doc, "Plan Horizon")])
    assert _project_name_variants(text, skills, lexicon("en")) == ["Tidewater Skills Program", "Tidewater Skills program"]
    assert _project_name_variants(text, plan, lexicon("fr")) == ["Plan Horizon 2024-2028"]
    text = "Funding comes from Northern Rural Energy Growth Fund's Smart Meters Program."
    doc = Document("d2", "invented.txt", "txt", text, language="en")
    meters = ExtractedEntity("e3", EntityType.PROJECT, "Northern Rural Energy Growth Fund's Smart Meters Program",
                             mentions=[_mention(doc, "Northern Rural Energy Growth Fund's Smart Meters Program")])
    assert _project_name_variants(text, meters, lexicon("en")) == ["Smart Meters Program"]
