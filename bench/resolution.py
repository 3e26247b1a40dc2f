"""Benchmark ``resolve_mentions`` on synthetic mentions (10k, 50k, 100k by default).

Each size runs in its own process so peak memory (ru_maxrss) is that run's own.
Mentions are realistic variants of generated entity names: case, stripped
accents, legal suffixes, French/English forms, defined and bare acronyms,
one-letter typos, parents in parentheses, and look-alike distinct entities
("X" vs "X Labs"). Prints time, peak memory and pairwise quality per size.

    .venv/bin/python -m bench.resolution [--sizes 10000,50000,100000] [--seed 7] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import unicodedata

CITIES = ["Montréal", "Québec", "Sherbrooke", "Trois-Rivières", "Gatineau", "Rimouski", "Lévis",
          "Saguenay", "Laval", "Longueuil", "Toronto", "Ottawa", "Calgary", "Edmonton", "Vancouver",
          "Winnipeg", "Halifax", "Moncton", "Régina", "Victoria", "Kingston", "Hamilton", "Guelph",
          "Waterloo", "Windsor", "Saskatoon", "Fredericton", "Charlottetown", "Kelowna", "Sudbury"]
FIELDS_FR = [("recherche", "Research"), ("données", "Data"), ("santé", "Health"),
             ("technologie", "Technology"), ("intelligence artificielle", "Artificial Intelligence"),
             ("optique", "Optics"), ("robotique", "Robotics"), ("énergie", "Energy")]
SYLLABLES = ["ka", "lo", "vi", "ne", "tra", "mo", "sen", "qua", "zi", "bel", "dor", "fen", "gra", "pli",
             "ro", "sta", "ver", "xo", "lu", "mer", "tis", "can", "dal", "em", "or", "pix", "nu", "ast",
             "bri", "cor", "dex", "fy", "gen", "hal", "ion", "jet", "kor", "lex", "myr", "nov"]
SURNAMES = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
            "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
            "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier"]
FIRST = ["Marie", "Jean", "Pierre", "Julie", "Luc", "Sophie", "Nathalie", "François", "Isabelle",
         "Hélène", "Mathieu", "Catherine", "Louis", "Émilie", "André", "Geneviève", "Éric", "Chantal"]
LEGAL = ["Inc.", "inc.", "Ltée", "Ltd", "Corp.", "S.E.N.C.", "SA", "Limited", "LLP", "SAS"]


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def initials(words: list[str]) -> str:
    skip = {"de", "du", "des", "d", "of", "la", "le", "l", "et", "and", "à", "en", "for"}
    return "".join(w[0].upper() for w in words if w.lower() not in skip)


def typo(rng: random.Random, name: str) -> str:
    words = name.split()
    idx = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
    if not idx:
        return name
    i = rng.choice(idx)
    w = words[i]
    pos = rng.randrange(2, len(w) - 1)
    op = rng.choice(["drop", "swap", "double"])
    if op == "drop":
        w = w[:pos] + w[pos + 1:]
    elif op == "swap":
        w = w[:pos - 1] + w[pos] + w[pos - 1] + w[pos + 1:]
    else:
        w = w[:pos] + w[pos] + w[pos:]
    words[i] = w
    return " ".join(words)


def make_entities(rng: random.Random, n: int) -> list[dict]:
    """n distinct entities, each with its surface forms (list of (form, weight))."""
    out, seen = [], set()
    while len(out) < n:
        kind = rng.random()
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        word2 = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        city = rng.choice(CITIES)
        if kind < 0.2:
            fr = f"Université {word} de {city}"
            en = f"{word} University of {strip_accents(city)}"
            acr = "U" + word[:2].upper() + strip_accents(city[:2]).upper()
            ent = {"type": "University", "forms": [fr, en, f"{fr} ({acr})", acr, fr.upper()]}
        elif kind < 0.35:
            field_fr, field_en = rng.choice(FIELDS_FR)
            fr = f"Institut {word} de {field_fr}"
            en = f"{word} {field_en} Institute"
            ent = {"type": "Organization", "forms": [fr, en, strip_accents(fr)]}
        elif kind < 0.75:
            base = f"{word} {word2}" if rng.random() < 0.5 else word + word2.lower()
            legal = rng.choice(LEGAL)
            ent = {"type": "Organization", "forms": [base, f"{base} {legal}", base.upper(), f"{base}, {legal}"]}
        else:
            first, last = rng.choice(FIRST), rng.choice(SURNAMES) + "-" + word
            name = f"{first} {last}"
            ent = {"type": "Person", "forms": [name, strip_accents(name), name.upper()]}
        key = ent["forms"][0].casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(ent)
    # look-alikes: some organizations get a distinct "Labs"/"Foundation" sibling
    for ent in list(out[: n // 20]):
        if ent["type"] == "Organization" and len(out) < n * 1.05:
            base = ent["forms"][0]
            out.append({"type": "Organization", "forms": [f"{base} Labs", f"Fondation {base}"][:1]})
    return out


def make_mentions(n: int, seed: int = 7) -> tuple[list[tuple[str, str, str]], list[int]]:
    rng = random.Random(seed)
    entities = make_entities(rng, max(1, n // 8))
    items, gold = [], []
    weights = [rng.paretovariate(1.2) for _ in entities]
    for k in rng.choices(range(len(entities)), weights=weights, k=n):
        ent = entities[k]
        form = rng.choice(ent["forms"])
        if rng.random() < 0.05:
            form = typo(rng, form)
        type_ = ent["type"] if rng.random() < 0.8 else ""
        items.append((form, type_, ""))
        gold.append(k)
    return items, gold


def run_one(n: int, seed: int) -> dict:
    from graph.resolve.evaluate import quality
    from graph.resolve.resolver import Item, resolve_mentions

    items, gold = make_mentions(n, seed)
    mentions = [Item(*x) for x in items]
    t0 = time.perf_counter()
    clusters = resolve_mentions(mentions)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    predicted = [0] * n
    for k, c in enumerate(clusters):
        for line in c.lines:
            predicted[line - 1] = k
    q = quality(predicted, gold)
    return {"mentions": n, "seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb, 1),
            "clusters": len(clusters), "gold_entities": len(set(gold)),
            "pair_precision": round(q.pair_precision, 4), "pair_recall": round(q.pair_recall, 4),
            "bcubed_f1": round(q.bcubed_f1, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest is kept")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        runs = []
        for _ in range(max(1, args.repeat)):
            out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                                 capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        row = min(runs, key=lambda r: r["seconds"])
        rows.append(row)
        print(f"{row['mentions']:>7} mentions: {row['seconds']:6.2f} s, peak RSS {row['peak_rss_mb']:7.1f} MB, "
              f"{row['clusters']} clusters ({row['gold_entities']} gold), pairwise P={row['pair_precision']:.3f} "
              f"R={row['pair_recall']:.3f}, B-cubed F1={row['bcubed_f1']:.3f}", flush=True)
    for a, b in zip(rows, rows[1:], strict=False):
        ratio = b["seconds"] / a["seconds"] if a["seconds"] else float("inf")
        size = b["mentions"] / a["mentions"]
        print(f"x{size:.0f} mentions ({a['mentions']} -> {b['mentions']}): x{ratio:.2f} time")


if __name__ == "__main__":
    main()
