"""The scorer on a tiny handmade gold/prediction pair with known numbers."""

from __future__ import annotations

import pytest

from nlp.evaluate import format_confusion, match_entities, micro, relation_confusion, score_document

GOLD = {
    "document": {"file": "mini.txt"},
    "entities": [
        {"id": "o1", "type": "Organization", "name": "Acme Inc", "aliases": ["ACME"]},
        {"id": "u1", "type": "University", "name": "Université Boréale", "aliases": ["Laval University"]},
        {"id": "h1", "type": "Person", "name": "Jane Doe", "aliases": []},
        {"id": "p1", "type": "Project", "name": "Proj X", "aliases": []},
    ],
    "relations": [
        {"type": "PARTICIPATES_IN", "source": "o1", "target": "p1"},
        {"type": "PARTICIPATES_IN", "source": "u1", "target": "p1"},
        {"type": "LEADS", "source": "o1", "target": "p1"},
        {"type": "AFFILIATED_WITH", "source": "h1", "target": "o1", "role": "CEO"},
    ],
}

PRED = {
    "entities": [
        {"id": "e1", "type": "Organization", "name": "ACME", "aliases": []},
        {"id": "e2", "type": "Organization", "name": "Laval University", "aliases": []},
        {"id": "e3", "type": "Person", "name": "Jane Doe", "aliases": []},
        {"id": "e4", "type": "Person", "name": "John Roe", "aliases": []},
        {"id": "e5", "type": "Organization", "name": "Acme, Inc.", "aliases": []},
        {"id": "e6", "type": "Project", "name": "proj  x", "aliases": []},
    ],
    "relations": [
        {"type": "PARTICIPATES_IN", "source": "e1", "target": "e6"},
        {"type": "PARTICIPATES_IN", "source": "e2", "target": "e6"},
        {"type": "PARTICIPATES_IN", "source": "e4", "target": "e6"},
        {"type": "AFFILIATED_WITH", "source": "e3", "target": "e5"},
    ],
}


def counts(c):
    return (c.tp, c.fp, c.fn)


def test_known_numbers():
    s = score_document(GOLD, PRED)
    assert s.matched == 4 and s.duplicates == 1
    assert s.type_accuracy == pytest.approx(0.75)
    assert counts(s.entities["Organization"]) == (1, 2, 0)
    assert counts(s.entities["University"]) == (0, 0, 1)
    assert counts(s.entities["Person"]) == (1, 1, 0)
    assert counts(s.entities["Project"]) == (1, 0, 0)
    assert counts(s.entities["org_or_university"]) == (2, 1, 0)
    assert counts(s.entities["all_entities"]) == (4, 2, 0)
    assert counts(s.relations["PARTICIPATES_IN"]) == (2, 1, 0)
    assert counts(s.relations["LEADS"]) == (0, 0, 1)
    assert counts(s.relations["FUNDS"]) == (0, 0, 0)
    assert counts(s.relations["AFFILIATED_WITH"]) == (0, 1, 1)
    assert counts(s.co_partners) == (1, 0, 0)
    assert s.entities["Organization"].precision == pytest.approx(1 / 3)
    assert s.entities["org_or_university"].f1 == pytest.approx(0.8)


def test_second_pass_aliases_and_type_preference():
    gold = [{"id": "o", "type": "Organization", "name": "Orbit", "aliases": []},
            {"id": "p", "type": "Project", "name": "Orbit", "aliases": []},
            {"id": "x", "type": "Organization", "name": "Xylo Labs", "aliases": []}]
    pred = [{"id": "a", "type": "Project", "name": "Orbit", "aliases": []},
            {"id": "b", "type": "Organization", "name": "XL", "aliases": ["Xylo Labs"]}]
    mapping, dups = match_entities(gold, pred)
    assert mapping == {"a": "p", "b": "x"} and dups == []


def test_micro_sums_documents():
    s1 = score_document(GOLD, PRED)
    s2 = score_document(GOLD, {"entities": [], "relations": []})
    total = micro([s1, s2])
    assert counts(total.entities["all_entities"]) == (4, 2, 4)
    assert total.duplicates == 1
    assert counts(total.relations["PARTICIPATES_IN"]) == (2, 1, 2)


def test_the_confusion_table_shows_a_lead_read_as_a_participation():
    gold = {"entities": [{"id": "a", "type": "Organization", "name": "Acme"},
                         {"id": "p", "type": "Project", "name": "Tidewatch"}],
            "relations": [{"type": "LEADS", "source": "a", "target": "p"}]}
    pred = {"entities": [{"id": "x", "type": "Organization", "name": "Acme"},
                         {"id": "y", "type": "Project", "name": "Tidewatch"}],
            "relations": [{"type": "PARTICIPATES_IN", "source": "x", "target": "y"}]}
    confusion = {f"{g}->{p}": n for (g, p), n in relation_confusion(gold, pred).items()}
    assert confusion == {"LEADS->PARTICIPATES_IN": 1}
    rows = format_confusion(confusion)
    assert rows[2].split() == ["LEADS", "1", "0", "0", "0", "0", "0"]
