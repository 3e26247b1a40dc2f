"""Web app load test: ``python -m bench.web [--entities 100000] [--clients 20] [--seconds 20]``.

1. writes a synthetic graph (organizations, universities, people, projects, documents,
   partnerships, participations, affiliations, mentions) with ``store.write`` into the
   embedded FalkorDB of a temporary data folder;
2. starts ``grappe serve`` (waitress, 2 worker processes x 8 threads by default) on 127.0.0.1;
3. runs N concurrent clients (threads with keep-alive ``http.client`` connections) for
   S seconds: 40 % typeahead searches (``/api/search`` on name prefixes, accent-free,
   acronyms), 40 % entity pages (``/entity/<id>``, HTML with the network SVG), 10 %
   reconciliation batches of 10 names (``POST /reconcile``, as OpenRefine sends them) and
   10 % explorer JSON for a hub (``/api/entities/<hub>/network``, one of the 20 best linked);
   after a discarded warm-up of the same load (``--warmup``, 15 s), so every worker has
   built its name index and analytics caches;
4. prints p50 / p95 / max per kind, requests per second and errors, and whether the
   targets hold: search p95 <= 50 ms, entity page p95 <= 150 ms, reconciliation batch
   p95 <= 100 ms, hub explorer JSON p95 <= 150 ms, zero errors.

Everything is removed at the end unless ``--keep``. Exit status 1 when a target is missed.

``--existing`` runs the same load on a graph already in ``--data-dir`` (e.g. the CORDIS
H2020 import, graph ``--graph-name``), untouched, and adds hub pages: the entity pages
of the 20 organizations with the most partners (target p95 <= 300 ms).
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path

from graph.store import open_store
from graph.store.embedded import EmbeddedFalkorDB
from grappe.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    GraphBatch,
    GraphMention,
    Relation,
    RelType,
)
from grappe.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"search": 50.0, "entity": 150.0, "reconcile": 100.0, "explore": 150.0, "hub": 300.0}
HUBS = 20  # the explorer's requests go to the best linked organizations

HEADS = ["Institut", "Centre", "Laboratoire", "Groupe", "Société", "Alliance", "Institute", "Solutions",
         "Technologies", "Systèmes", "Réseau", "Logistique", "Chaîne", "Data", "Robotique"]
WORDS = ["intelligence", "artificielle", "logistique", "approvisionnement", "données", "robotique", "santé",
         "énergie", "optimisation", "transport", "manufacturier", "numérique", "vision", "québec", "montréal",
         "laval", "sherbrooke", "analytics", "supply", "chain", "learning", "quantum", "retail", "forecast",
         "maritime", "portuaire", "aérospatiale", "agroalimentaire", "boréal", "nordique"]
SUBTYPES = ["company", "startup", "sme", "government", "research_institute", "investor", "nonprofit", "hospital"]
FIRST = ["Marie", "Jean", "Sophie", "Luc", "Émilie", "François", "Amélie", "Hugo", "Chloé", "Mathieu"]
LAST = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Pelletier"]
ROLES = ["CEO", "CTO", "professeure", "directeur scientifique", "chercheuse", None]


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def synthetic(n: int, seed: int = 11) -> tuple[GraphBatch, list[Entity]]:
    rnd = random.Random(seed)
    n_uni, n_person, n_project = max(n // 50, 2), n // 4, n // 8
    n_org = n - n_uni - n_person - n_project
    n_docs = max(n // 100, 10)
    docs = [Document(f"doc-{i}", f"bench/doc-{i}.txt", "txt", "", f"Rapport {i}",
                     f"{2018 + i % 8}-0{1 + i % 9}-1{i % 10}", "fr" if i % 3 else "en", "news_article")
            for i in range(n_docs)]
    entities: list[Entity] = []
    for i in range(n_org):
        words = [rnd.choice(HEADS)] + rnd.sample(WORDS, rnd.randint(1, 3))
        name = " ".join(words[:1] + [w.capitalize() for w in words[1:]]) + f" {i}"
        acronym = "".join(w[0] for w in name.split() if w[0].isalpha()).upper() + str(i)
        entities.append(Entity(f"NK-o{i}", EntityType.ORGANIZATION, name, rnd.choice(SUBTYPES), [acronym]))
    for i in range(n_uni):
        entities.append(Entity(f"NK-u{i}", EntityType.UNIVERSITY, f"Université {rnd.choice(WORDS).capitalize()} {i}",
                               None, [f"U{i}", f"University {i}"]))
    for i in range(n_person):
        entities.append(Entity(f"NK-p{i}", EntityType.PERSON, f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {i}"))
    for i in range(n_project):
        entities.append(Entity(f"NK-j{i}", EntityType.PROJECT, f"Projet {rnd.choice(WORDS)} {i}", None, [],
                               {"status": rnd.choice(["active", "completed"]),
                                "scale_ai_investment_cad": rnd.randint(1, 50) * 100_000}))
    orgs = [e for e in entities if e.type in (EntityType.ORGANIZATION, EntityType.UNIVERSITY)]
    people = [e for e in entities if e.type is EntityType.PERSON]
    projects = [e for e in entities if e.type is EntityType.PROJECT]
    # a few hubs; cumulative weights once, or every draw sums all of them again (minutes at 100k)
    cum = list(itertools.accumulate(1.0 / (k + 1) ** 0.8 for k in range(len(orgs))))
    rels: list[Relation] = []

    def ev(k: int) -> Evidence:
        d = docs[k % n_docs]
        return Evidence(d.id, k * 10 % 100_000, k * 10 % 100_000 + 9, f"Phrase de preuve numéro {k}.")

    k = 0
    for p in projects:
        members = {o.id for o in rnd.choices(orgs, cum_weights=cum, k=rnd.randint(2, 6))}
        for j, oid in enumerate(sorted(members)):
            k += 1
            rels.append(Relation(RelType.LEADS if j == 0 else RelType.PARTICIPATES_IN, oid, p.id, ev(k)))
        k += 1
        rels.append(Relation(RelType.FUNDS, orgs[0].id, p.id, ev(k)))
    for _ in range(len(orgs)):
        a, b = rnd.choices(orgs, cum_weights=cum, k=2)
        if a.id != b.id:
            k += 1
            rels.append(Relation(RelType.PARTNERS_WITH, a.id, b.id, ev(k)))
    for person in people:
        k += 1
        rels.append(Relation(RelType.AFFILIATED_WITH, person.id, rnd.choice(orgs).id, ev(k), rnd.choice(ROLES)))
    mentions = [GraphMention(f"m-{e.id}", e.id, docs[i % n_docs].id, i, i + 5, e.name)
                for i, e in enumerate(entities)]
    return GraphBatch(documents=docs, entities=entities, mentions=mentions, relations=rels), orgs


def write(store, batch: GraphBatch, chunk: int = 20_000) -> None:
    store.write(GraphBatch(documents=batch.documents))
    for name in ("entities", "mentions", "relations"):
        items = getattr(batch, name)
        for i in range(0, len(items), chunk):
            store.write(GraphBatch(**{name: items[i:i + chunk]}))


def start_server(settings: Settings, workers: int = 2, threads: int = 8) -> tuple[subprocess.Popen, int]:
    env = {**os.environ, "GRAPPE_DATA_DIR": str(settings.data_dir), "GRAPPE_GRAPH_NAME": settings.graph_name,
           "GRAPPE_GRAPH_URL": settings.graph_url}
    proc = subprocess.Popen([sys.executable, "-m", "grappe.cli", "serve", "--port", "0", "--threads", str(threads),
                             "--workers", str(workers)],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    m = re.search(r"127\.0\.0\.1:(\d+)", line)
    if not m:
        proc.terminate()
        raise SystemExit(f"the server did not start: {line!r}")
    return proc, int(m.group(1))


def names_for(orgs: list[Entity], rnd: random.Random, n: int = 2000) -> list[str]:
    """Names as a spreadsheet has them: exact, accent-free and lower-case, aliases, one typo."""
    out = []
    for _ in range(n):
        e = rnd.choice(orgs)
        kind = rnd.random()
        if kind < 0.3:
            out.append(e.name)
        elif kind < 0.55:
            out.append(fold(e.name))
        elif kind < 0.75 and e.aliases:
            out.append(e.aliases[0])
        else:
            k = rnd.randrange(1, max(len(e.name) - 1, 2))
            out.append(e.name[:k] + e.name[k + 1:])
    return out


def queries_for(orgs: list[Entity], rnd: random.Random, n: int = 2000) -> list[str]:
    out = []
    for _ in range(n):
        e = rnd.choice(orgs)
        kind = rnd.random()
        if kind < 0.4:  # typeahead prefix, accent-free
            words = fold(e.name).split()
            q = " ".join(words[:2])[: rnd.randint(4, 14)]
        elif kind < 0.6 and e.aliases:
            q = e.aliases[0]
        elif kind < 0.8:
            q = rnd.choice(WORDS)
        else:
            q = e.name
        out.append(q.strip() or "data")
    return out


def reconcile_body(names: list[str], rnd: random.Random) -> bytes:
    """A form body with a batch of 10 reconciliation queries (OpenRefine's default batch)."""
    batch = {f"q{i}": {"query": rnd.choice(names), "type": "Organization", "limit": 3} for i in range(10)}
    return urllib.parse.urlencode({"queries": json.dumps(batch)}).encode()


def client(port: int, deadline: float, searches: list[str], ids: list[str], seed: int,
           results: list[tuple[str, float, int, str]], max_requests: int = 100_000,
           names: list[str] | None = None, hubs: list[str] | None = None) -> None:
    rnd = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    done = 0
    while time.monotonic() < deadline and done < max_requests:
        draw, body = rnd.random(), None
        if draw < 0.4 or (draw >= 0.7 and not (names and hubs)):
            kind, path = "search", "/api/search?limit=8&q=" + urllib.parse.quote(rnd.choice(searches))
        elif draw < 0.7:
            kind, path = "entity", "/entity/" + urllib.parse.quote(rnd.choice(ids))
        elif draw < 0.8:
            kind, path = "hub", "/entity/" + urllib.parse.quote(rnd.choice(hubs))
        elif draw < 0.9:
            kind, path, body = "reconcile", "/reconcile", reconcile_body(names, rnd)
        else:
            kind, path = "explore", f"/api/entities/{urllib.parse.quote(rnd.choice(hubs))}/network"
        started = time.perf_counter()
        try:
            if body is None:
                conn.request("GET", path)
            else:
                conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})
            resp = conn.getresponse()
            resp.read()
            status = resp.status
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        results.append((kind, (time.perf_counter() - started) * 1000, status, path))
        done += 1
    conn.close()


def existing_graph(store, n_hubs: int = 20) -> tuple[GraphBatch, list[Entity], list[str]]:
    """The entities of a graph already in the store, and its ``n_hubs`` most connected organizations."""
    from graph.analytics import projection
    from graph.analytics.cache import load_edges

    edges = load_edges(store)
    proj = projection.build(edges)
    entities = [Entity(e["id"], EntityType(e["type"]), e.get("name") or e["id"], e.get("subtype"))
                for e in edges.entities]
    orgs = [e for e in entities if e.type in (EntityType.ORGANIZATION, EntityType.UNIVERSITY)]
    top = sorted(range(len(proj.actors)), key=lambda i: -int(proj.degree[i]))[:n_hubs]
    return GraphBatch(entities=entities), orgs, [proj.actors[i]["id"] for i in top]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` so far (Linux ``/proc``; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """The direct children of ``pid`` (the ``grappe serve`` workers), from ``/proc``."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return out


def cpu_split(server_pid: int, db_pid: int | None) -> dict[str, float | None]:
    """CPU seconds so far of this process (the clients), the server and its workers, and the database."""
    server = [cpu_seconds(p) for p in [server_pid, *children(server_pid)]]
    return {"clients": time.process_time(),
            "server": None if None in server else sum(s for s in server if s is not None),
            "database": cpu_seconds(db_pid) if db_pid else None}


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--warmup", type=float, default=15.0,
                    help="seconds of full load before measuring, discarded (workers build their "
                         "name index and analytics caches)")
    ap.add_argument("--workers", type=int, default=2, help="grappe serve --workers (processes)")
    ap.add_argument("--threads", type=int, default=8, help="grappe serve --threads (per process)")
    ap.add_argument("--keep", action="store_true", help="keep the data folder and the graph (printed)")
    ap.add_argument("--data-dir", help="data folder to use (default: a new temporary one); with --keep, a "
                                       "second run on the same folder reuses the graph it finds there")
    ap.add_argument("--existing", action="store_true",
                    help="load-test the graph already in --data-dir (e.g. an import), never written or dropped")
    ap.add_argument("--graph-name", default="bench_web", help="graph name inside the data folder's FalkorDB")
    args = ap.parse_args()
    if args.existing and not args.data_dir:
        ap.error("--existing needs --data-dir")
    args.keep = args.keep or args.existing

    data_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="gweb", dir="/tmp"))
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings.load({"data_dir": str(data_dir), "graph_name": args.graph_name,
                              "graph_url": "falkordb-embedded"}, environ={})
    store = open_store(settings)
    proc = None
    try:
        store.create_schema()
        t0 = time.perf_counter()
        hubs: list[str] = []
        if args.existing:
            batch, orgs, hubs = existing_graph(store)
            print(f"graph: the {len(batch.entities):,} entities in {data_dir}, hubs from "
                  f"{hubs[0]} ({len(hubs)})", flush=True)
        else:
            batch, orgs = synthetic(args.entities)
        if args.existing:
            pass  # an existing graph is read as it is
        elif store.stats().get("Entity", 0) == len(batch.entities):
            print(f"graph: reusing the {len(batch.entities):,} entities in {data_dir}", flush=True)
        else:
            store.clear()
            write(store, batch)
            print(f"graph: {len(batch.entities):,} entities, {len(batch.relations):,} relations, "
                  f"{len(batch.mentions):,} mentions, written in {time.perf_counter() - t0:.1f} s", flush=True)
        proc, port = start_server(settings, args.workers, args.threads)
        rnd = random.Random(3)
        searches = queries_for(orgs, rnd)
        names, hubs = names_for(orgs, rnd), hubs or [o.id for o in orgs[:HUBS]]
        ids = [rnd.choice(orgs).id for _ in range(3000)] + [e.id for e in rnd.sample(batch.entities, 1000)]
        t0 = time.perf_counter()
        warm: list[tuple[str, float, int, str]] = []
        for _ in range(4 * args.workers):  # each worker builds (or loads) its analytics projection
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/entity/{ids[0]}", timeout=600) as resp:
                resp.read()
        client(port, time.monotonic() + 3, searches, ids, 0, warm, max_requests=60)
        print(f"server ready (analytics projection built) in {time.perf_counter() - t0:.1f} s", flush=True)
        if args.warmup > 0:  # steady state: every worker has built its caches under real load
            discarded: list[tuple[str, float, int, str]] = []
            until = time.monotonic() + args.warmup
            warmers = [threading.Thread(target=client, args=(port, until, searches, ids, 100 + i, discarded),
                                        kwargs={"names": names, "hubs": hubs})
                       for i in range(args.clients)]
            for t in warmers:
                t.start()
            for t in warmers:
                t.join()
            print(f"warm-up: {len(discarded):,} requests in {args.warmup:.0f} s, discarded", flush=True)
        results: list[tuple[str, float, int, str]] = []
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(port, deadline, searches, ids, i + 1, results),
                                    kwargs={"names": names, "hubs": hubs})
                   for i in range(args.clients)]
        db_pid = EmbeddedFalkorDB.from_settings(settings).pid() if settings.graph_url == "falkordb-embedded" else None
        cpu_before = cpu_split(proc.pid, db_pid)
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        cpu_after, load_after = cpu_split(proc.pid, db_pid), os.getloadavg()[0]
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
        try:
            if not args.keep:
                store.drop()
        finally:
            store.close()
        EmbeddedFalkorDB.from_settings(settings).stop()
        if args.keep:
            print(f"kept: {data_dir} (graph {args.graph_name})")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)

    ok = True
    errors = [r for r in results if r[2] != 200]
    print(f"{len(results):,} requests in {elapsed:.1f} s with {args.clients} clients: "
          f"{len(results) / elapsed:.1f} req/s, {len(errors)} errors; load average {load_before:.1f} "
          f"before, {load_after:.1f} after")
    # the clients share the machine with the server: say what each side cost per request
    spent = {k: (cpu_after[k] - v) if v is not None and cpu_after[k] is not None else None
             for k, v in cpu_before.items()}
    print("  CPU per request: " + ", ".join(
        f"{k} {v / max(len(results), 1) * 1000:.2f} ms" for k, v in spent.items() if v is not None)
        + f" ({os.cpu_count()} cores: {os.cpu_count() * 1000 * elapsed / max(len(results), 1):.2f} ms of CPU "
          "per request in all)")
    for kind, target in TARGETS.items():
        lat = [ms for k, ms, status, _ in results if k == kind and status == 200]
        p95 = pct(lat, 95)
        good = bool(lat) and p95 <= target
        ok &= good
        print(f"  {kind:7s} n={len(lat):6d}  p50 {statistics.median(lat) if lat else float('nan'):7.1f} ms  "
              f"p95 {p95:7.1f} ms  max {max(lat) if lat else float('nan'):7.1f} ms  "
              f"target p95 <= {target:.0f} ms: {'ok' if good else 'MISSED'}")
    slowest = sorted(results, key=lambda r: -r[1])[:5]
    print("  slowest:", ", ".join(f"{path} {ms:.0f} ms" for _, ms, _, path in slowest))
    ok &= not errors
    if errors:
        print("  errors by status:", {s: sum(1 for e in errors if e[2] == s) for s in {e[2] for e in errors}})
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
