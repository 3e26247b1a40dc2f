"""Validators for the Reconciliation Service API 0.2 schemas kept in web/reconcile_schemas/0.2."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

SCHEMAS = Path(__file__).resolve().parents[2] / "web" / "reconcile_schemas" / "0.2"


@cache
def _registry() -> tuple[Registry, dict[str, dict]]:
    docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (doc["$id"], Resource.from_contents(doc, default_specification=DRAFT7)) for doc in docs.values())
    return registry, docs


def validate(name: str, instance: object) -> None:
    """Raise jsonschema.ValidationError unless ``instance`` fits schema ``name`` (file stem)."""
    registry, docs = _registry()
    Draft7Validator(docs[name], registry=registry).validate(instance)
