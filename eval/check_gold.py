"""Check gold files against GOLD_FORMAT.md: python3 check_gold.py DIR (DIR has corpus/ and gold/)."""
import json, sys, unicodedata, re
from pathlib import Path

TYPES = {"Organization", "University", "Person", "Project"}
SUBTYPES = {"company", "startup", "sme", "government", "research_institute", "hospital", "nonprofit",
            "cluster", "investor", "association", "event_organizer", "media"}
ORGLIKE = {"Organization", "University"}
REL = {"PARTICIPATES_IN": (ORGLIKE | {"Person"}, {"Project"}), "LEADS": ({"Organization", "University"}, {"Project"}),
       "FUNDS": ({"Organization", "University"}, {"Project"}), "AFFILIATED_WITH": ({"Person"}, ORGLIKE),
       "PARTNERS_WITH": (ORGLIKE, ORGLIKE)}

def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("&", " and ")
    return re.sub(r"\W+", " ", s).strip()

root = Path(sys.argv[1])
problems = 0
for g in sorted((root / "gold").glob("*.json")):
    def bad(msg):
        global problems
        problems += 1
        print(f"{g.name}: {msg}")
    try:
        data = json.loads(g.read_text())
    except ValueError as e:
        bad(f"not JSON: {e}"); continue
    doc = data.get("document", {})
    txt = root / "corpus" / str(doc.get("file"))
    if not txt.exists():
        bad(f"document.file {doc.get('file')!r} not in corpus/"); continue
    text = norm(txt.read_text())
    if not 1000 <= len(txt.read_text()) <= 6000:
        bad(f"text length {len(txt.read_text())} outside 1000-6000")
    for k in ("title", "language", "date", "kind"):
        if k not in doc: bad(f"document.{k} missing")
    ents = {}
    for e in data.get("entities", []):
        if e.get("id") in ents: bad(f"duplicate id {e.get('id')}")
        ents[e.get("id")] = e
        if e.get("type") not in TYPES: bad(f"{e.get('id')}: bad type {e.get('type')}")
        if e.get("type") == "Organization" and e.get("subtype") not in SUBTYPES:
            bad(f"{e.get('id')} {e.get('name')}: bad/missing subtype {e.get('subtype')}")
        forms = [e.get("name", "")] + list(e.get("aliases") or [])
        if not any(norm(f) and f" {norm(f)} " in f" {text} " for f in forms):
            bad(f"{e.get('id')} {e.get('name')!r}: neither name nor any alias occurs in the text")
    for r in data.get("relations", []):
        t = r.get("type")
        if t not in REL: bad(f"bad relation type {t}"); continue
        s, o = ents.get(r.get("source")), ents.get(r.get("target"))
        if not s or not o: bad(f"{t} {r.get('source')}->{r.get('target')}: unknown id"); continue
        if s["type"] not in REL[t][0] or o["type"] not in REL[t][1]:
            bad(f"{t} {s['name']} ({s['type']}) -> {o['name']} ({o['type']}): types not allowed")
        if t == "AFFILIATED_WITH" and "role" not in r: bad(f"AFFILIATED_WITH {s['name']}: role key missing (null allowed)")
print(f"{problems} problem(s) in {root}")
sys.exit(1 if problems else 0)
