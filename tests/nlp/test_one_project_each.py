"""A member of a story with several projects keeps only the projects it is read as strongly in."""
from __future__ import annotations

import pytest

import nlp.learn.model as learned
from grappe.model import Document, EntityType, ExtractedEntity, Extraction, Mention, RelType
from nlp.learn.model import Choice, ExtractionModel, Multi, relate

TEXT = "Aurore réunit Acme. Boréal réunit Zeta avec Acme."  # "avec": not a list, no pooling
PROJECTS = ("Aurore", "Boréal")


def _extraction() -> Extraction:
    doc = Document("d1", "invented.txt", "txt", TEXT, language="fr")
    entities = []
    for name in ("Aurore", "Acme", "Boréal", "Zeta"):
        kind = EntityType.PROJECT if name in PROJECTS else EntityType.ORGANIZATION
        mentions = [Mention("d1", s, s + len(name), name) for s in range(len(TEXT)) if TEXT.startswith(name, s)]
        entities.append(ExtractedEntity(name, kind, name, mentions=mentions))
    return Extraction(doc, entities, [])


def _participations() -> set[tuple[str, str]]:
    # every pair is above the threshold; a name next to the project reads much more strongly
    multi = Multi(("PARTICIPATES_IN", "none"), (1.0, 0.0), {"entities_between<=0": (3.0, 0.0)}, 0.0)
    model = ExtractionModel("t", {}, None, None, choices={"org-project": Choice(multi, {"PARTICIPATES_IN": 0.5})})
    return {(r.source, r.target) for r in relate(_extraction(), model) if r.type is RelType.PARTICIPATES_IN}


def test_a_member_keeps_its_strongest_project_only():
    assert _participations() == {("Acme", "Aurore"), ("Zeta", "Boréal")}


def test_without_the_margin_every_pair_above_the_threshold_stays(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(learned, "PROJECT_MARGIN", 1.0)
    assert {("Acme", "Aurore"), ("Acme", "Boréal"), ("Zeta", "Boréal")} <= _participations()
