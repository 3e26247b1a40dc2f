"""Check a set's gold files against GOLD_FORMAT.md: ``python3 eval/check_gold.py DIR`` (DIR has corpus/ and gold/).

Checks the JSON, the document fields, entity types and subtypes, relation endpoints, and that
each entity's name or one of its aliases occurs in the text (accents, case and punctuation aside).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

TYPES = {"Organization", "University", "Person", "Project"}
SUBTYPES = {"company", "startup", "sme", "government", "research_institute", "hospital", "nonprofit",
            "cluster", "investor", "association", "event_organizer", "media"}
ORG_LIKE = {"Organization", "University"}
ENDPOINTS = {
    "PARTICIPATES_IN": (ORG_LIKE | {"Person"}, {"Project"}),
    "LEADS": (ORG_LIKE, {"Project"}),
    "FUNDS": (ORG_LIKE, {"Project"}),
    "AFFILIATED_WITH": ({"Person"}, ORG_LIKE),
    "PARTNERS_WITH": (ORG_LIKE, ORG_LIKE),
}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("&", " and ")
    return re.sub(r"\W+", " ", s).strip()


def problems_of(gold_path: Path, corpus: Path) -> list[str]:
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"not JSON: {exc}"]
    out: list[str] = []
    doc = data.get("document", {})
    src = corpus / str(doc.get("file"))
    if not src.exists():
        return [f"document.file {doc.get('file')!r} not in {corpus}"]
    raw = src.read_text(encoding="utf-8")
    text = f" {norm(raw)} "
    out += [f"document.{k} missing" for k in ("title", "language", "date", "kind") if k not in doc]
    ents: dict[str, dict] = {}
    for e in data.get("entities", []):
        if e.get("id") in ents:
            out.append(f"duplicate id {e.get('id')}")
        ents[e.get("id")] = e
        if e.get("type") not in TYPES:
            out.append(f"{e.get('id')}: bad type {e.get('type')}")
        if e.get("type") == "Organization" and e.get("subtype") not in SUBTYPES:
            out.append(f"{e.get('id')} {e.get('name')}: bad or missing subtype {e.get('subtype')}")
        forms = [e.get("name", ""), *(e.get("aliases") or [])]
        if not any(norm(f) and f" {norm(f)} " in text for f in forms):
            out.append(f"{e.get('id')} {e.get('name')!r}: neither name nor any alias occurs in the text")
    for r in data.get("relations", []):
        rtype = r.get("type")
        if rtype not in ENDPOINTS:
            out.append(f"bad relation type {rtype}")
            continue
        s, o = ents.get(r.get("source")), ents.get(r.get("target"))
        if not s or not o:
            out.append(f"{rtype} {r.get('source')}->{r.get('target')}: unknown id")
        elif s["type"] not in ENDPOINTS[rtype][0] or o["type"] not in ENDPOINTS[rtype][1]:
            out.append(f"{rtype} {s['name']} ({s['type']}) -> {o['name']} ({o['type']}): types not allowed")
        elif rtype == "AFFILIATED_WITH" and "role" not in r:
            out.append(f"AFFILIATED_WITH {s['name']}: role key missing (null allowed)")
    return out


def main(root: Path) -> int:
    total = 0
    for gold_path in sorted((root / "gold").glob("*.json")):
        for problem in problems_of(gold_path, root / "corpus"):
            total += 1
            print(f"{gold_path.name}: {problem}")
    print(f"{total} problem(s) in {root}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
