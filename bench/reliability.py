"""Reliability figures (issue 14): ``python bench/reliability.py [--only SECTION,...]``.

Sections (all by default, each in its own temporary data folder and embedded FalkorDB):

* ``writes``: write, procedure and file-reading attempts through the analysts' channel
  (``store.read`` and ``/api/query``): how many the graph accepted;
* ``crashes``: extraction on every file of the repository and hand-written ordinary
  documents: how many raised something other than a clear refusal;
* ``kills``: the ingest SIGKILLed after a query of a corpus' write (``--kills`` stages spread
  over all its queries; the database killed during half as many writes), then rerun:
  facts that differ from a clean ingest;
* ``memory``: peak memory of loading the issue's DOCX bomb (150 MB document.xml), and the
  database's peak while the range query runs under the default limits;
* ``nesting``: time to refuse the 30-deep query, and to parse the deepest accepted one;
* ``load``: 20 clients for 20 s on ``grappe serve`` while an ingest and runaway analyst
  queries run: errors and latencies of the app's pages;
* ``extract``: extraction time against text length (``--sizes``, up to 5 MB).

The machine is shared: quote medians of several runs and the load average printed.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import os
import random
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grappe.settings import Settings  # noqa: E402

NESTED_30 = "RETURN " + "(" * 30 + "1" + ")" * 30
RANGE_SUM = "RETURN reduce(s=0, x IN range(1,80000000) | s+x)"
SLOW = "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b WITH a, b WHERE a * b = -1 RETURN count(*)"
PASSWORD = "a long bench password"

#: attempts to write, call unlisted procedures or read files through the read-only channel
ATTEMPTS = [
    "CREATE (:Bench {x: 1})", "MERGE (:Bench {x: 1})", "MATCH (n) SET n.bench = 1",
    "MATCH (n) DETACH DELETE n", "MATCH (n) DELETE n", "MATCH (n:Entity) REMOVE n:Entity",
    "MATCH (n) SET n:Bench", "UNWIND [1] AS i CREATE (:Bench)", "FOREACH (i IN [1] | CREATE (:Bench))",
    "create (:Bench)", "CrEaTe (:Bench)", "RETURN '/*' AS a CREATE (:Bench) RETURN '*/' AS b",
    "RETURN \"//\" AS a\nCREATE (:Bench)", "/* x */ CREATE /* y */ (:Bench)", "// c\nMERGE (:Bench)",
    "CALL `dbms.procedures`()", "CALL `db`.`procedures`()", "CALL dbms.procedures()",
    "CALL db.idx.fulltext.createNodeIndex('Bench', 'x')", "CALL db.idx.fulltext.drop('Entity')",
    "CALL db.idx.vector.createNodeIndex('Bench', 'v', 3, 'euclidean')",
    "CALL { CREATE (:Bench) } RETURN 1", "WITH 1 AS x CALL { WITH x CREATE (:Bench) } RETURN x",
    "LOAD CSV FROM 'file://redis.conf' AS r RETURN r", "LOAD CSV WITH HEADERS FROM 'file:///etc/passwd' AS r RETURN r",
    "load\ncsv from 'file://../redis.conf' as r return r", "MATCH (n) WITH n LIMIT 1 SET n.name = 'x'",
    "CREATE INDEX FOR (n:Bench) ON (n.x)", "DROP INDEX ON :Entity(id)", "CREATE CONSTRAINT ON (n:Bench) ASSERT n.x IS UNIQUE",
    "MATCH (a), (b) WITH a, b LIMIT 1 CREATE (a)-[:BENCH]->(b)", "MATCH ()-[r]->() WITH r LIMIT 1 DELETE r",
    "MATCH ()-[r]->() WITH r LIMIT 1 SET r.bench = 1", "OPTIONAL MATCH (n) MERGE (m:Bench {x: 1})",
    "RETURN 1 UNION CREATE (:Bench) RETURN 2", "MATCH (n) WHERE n.x = 'CREATE' CREATE (:Bench)",
    "CALL db.labels() YIELD label CREATE (:Bench {l: label})", "CALL algo.pageRank(null, null) YIELD node SET node.pr = 1",
]


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def temp_settings(folder: Path, **changes: object) -> Settings:
    return Settings.load({"data_dir": str(folder), "graph_url": "falkordb-embedded",
                          "graph_name": f"b_{uuid.uuid4().hex[:8]}", **changes}, environ={})


# --------------------------------------------------------------------------- writes


def graph_signature(store) -> tuple:
    """Counts per label and type, and every entity's properties: any write changes it."""
    from graph.export import iter_entities

    return tuple(sorted(store.stats().items())), repr(sorted(map(repr, iter_entities(store))))


def section_writes(work: Path) -> None:
    from graph.store import open_store
    from graph.store.embedded import EmbeddedFalkorDB
    from grappe.errors import GrappeError
    from grappe.model import Entity, EntityType, GraphBatch
    from web import create_app
    from web.users import UserStore

    settings = temp_settings(work / "writes")
    EmbeddedFalkorDB.from_settings(settings).start()
    store = open_store(settings)
    store.create_schema()
    store.write(GraphBatch(entities=[Entity("bench-1", EntityType.ORGANIZATION, "Acme Robotique"),
                                     Entity("bench-2", EntityType.ORGANIZATION, "Fonderie Boréale")]))
    (settings.data_dir / "falkordb" / "secret.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    accepted_store = accepted_api = file_rows = 0
    before = graph_signature(store)
    for text in ATTEMPTS:
        try:
            result = store.read(text)
            file_rows += len(result.rows) if "CSV" in text.upper() else 0
        except GrappeError:
            pass
        accepted_store += graph_signature(store) != before
        before = graph_signature(store)
    users = settings.data_dir / "users.json"
    UserStore(users).add("analyst", "analyst", PASSWORD)
    app = create_app(settings, store=store, config={"TESTING": True, "SECRET_KEY": "bench", "USERS_FILE": users})
    client = app.test_client()
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").get_data(as_text=True))[1]
    client.post("/login", data={"username": "analyst", "password": PASSWORD, "csrf_token": token})
    statuses: dict[int, int] = {}
    for text in ATTEMPTS:
        r = client.post("/api/query", json={"cypher": text}, headers={"X-CSRF-Token": token})
        statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
        accepted_api += graph_signature(store) != before
        before = graph_signature(store)
    print(f"writes accepted: {accepted_store} of {len(ATTEMPTS)} through store.read, "
          f"{accepted_api} of {len(ATTEMPTS)} through /api/query (statuses {dict(sorted(statuses.items()))}); "
          f"file rows returned: {file_rows}")
    store.drop()
    store.close()
    EmbeddedFalkorDB.from_settings(settings).stop()


# --------------------------------------------------------------------------- crashes


def section_crashes() -> None:
    from grappe.errors import IngestError
    from ingest.loaders import load_document
    from nlp.pipeline import Extractor
    from tests.reliability.ordinary_documents import ORDINARY
    from tests.reliability.test_every_input import _repository_files

    extractor = Extractor()
    with tempfile.TemporaryDirectory() as tmp:
        paths = list(_repository_files())
        for name, text in ORDINARY.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
            paths.append(Path(tmp) / name)
        refused = crashed = 0
        for path in paths:
            try:
                extractor.extract(load_document(path))
            except IngestError:
                refused += 1
            except Exception as exc:  # what the figure counts
                crashed += 1
                print(f"  crash: {path}: {type(exc).__name__}: {exc}")
    print(f"crashes: {crashed} of {len(paths)} inputs ({len(paths) - len(ORDINARY)} repository files, "
          f"{len(ORDINARY)} hand-written); {refused} refused with a reason")


# --------------------------------------------------------------------------- kills


def spread(items: list[int], k: int) -> list[int]:
    """At most ``k`` of ``items``, evenly spaced (first and last included)."""
    if len(items) <= k:
        return items
    return sorted({items[round(i * (len(items) - 1) / (k - 1))] for i in range(k)})


def section_kills(work: Path, kills: int) -> None:
    from graph.store import open_store
    from graph.store.embedded import EmbeddedFalkorDB
    from graph.store.falkordb import FalkorDBStore
    from ingest.loaders import load_document
    from ingest.run import ingest
    from nlp.pipeline import Extractor
    from tests.reliability.graphs import Replay, facts, killed_ingest

    corpus = work / "kill-corpus"
    corpus.mkdir()
    for path in (ROOT / "samples" / "corpus").iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    extractor = Extractor()
    replay = Replay({d.id: extractor.extract(d) for d in (load_document(p) for p in sorted(corpus.iterdir()))})
    settings = temp_settings(work / "kills")
    server = EmbeddedFalkorDB.from_settings(settings)
    server.start()

    names: list[str] = []
    original = FalkorDBStore._execute

    def counting(self, text, params=None, name="query"):
        names.append(name)
        return original(self, text, params, name)

    reference = open_store(settings, graph_name="reference")
    reference.create_schema()
    FalkorDBStore._execute = counting
    ingest([corpus], settings, reference, extractor=replay)
    FalkorDBStore._execute = original
    expected = facts(reference)
    total = len(names)

    def lost(graph: str) -> int:
        store = open_store(settings, graph_name=graph)
        ingest([corpus], settings, store, extractor=replay)
        got = facts(store)
        store.drop()
        store.close()
        return sum(len(expected[k] ^ got[k]) for k in expected)

    ingest_losses = db_losses = 0
    stages = spread(list(range(1, total)), kills)
    for stop_after in stages:
        graph = f"k{stop_after}"
        open_store(settings, graph_name=graph).create_schema()
        killed_ingest(settings, graph, [corpus], replay, stop_after)
        ingest_losses += lost(graph)
    writes = spread([i + 1 for i, n in enumerate(names) if n.startswith("write/")], kills // 2)
    for stop_after in writes:
        graph = f"d{stop_after}"
        open_store(settings, graph_name=graph).create_schema()
        killed_ingest(settings, graph, [corpus], replay, stop_after, victim=server.pid())
        server.start()
        db_losses += lost(graph)
    print(f"facts lost after kills: {ingest_losses} facts differing after {len(stages)} ingest kills "
          f"(of {total - 1} queries), "
          f"{db_losses} after {len(writes)} database kills (corpus of {len(replay.by_id)} documents, "
          f"{sum(len(v) for v in expected.values())} facts)")
    server.stop()


# --------------------------------------------------------------------------- memory


def docx_bomb(path: Path, expanded_mb: int = 150) -> None:
    src = ROOT / "tests" / "data" / "ingest" / "note.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info.filename, zin.read(info))
        with zout.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                     b"<w:p><w:r><w:t>")
            chunk = b"A" * (1 << 20)
            for _ in range(expanded_mb):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")


def peak_of_load(path: Path) -> tuple[float, float, str]:
    code = ("import resource, sys, time; sys.path.insert(0, sys.argv[2]); "
            "from ingest.loaders import load_document; from grappe.errors import IngestError\n"
            "t = time.perf_counter()\ntry:\n    load_document(sys.argv[1]); out = 'loaded'\n"
            "except IngestError as e:\n    out = e.reason\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - t, out)")
    done = subprocess.run([sys.executable, "-c", code, str(path), str(ROOT)], capture_output=True, text=True,
                          check=True)
    kb, seconds, outcome = done.stdout.split(" ", 2)
    return int(kb) / 1024, float(seconds), outcome.strip()


def vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def section_memory(work: Path) -> None:
    from graph.store import open_store
    from graph.store.embedded import EmbeddedFalkorDB
    from grappe.errors import QueryError

    bomb = work / "bomb.docx"
    docx_bomb(bomb)
    baseline = work / "plain.txt"
    baseline.write_text("Acme Robotique.", encoding="utf-8")
    base_mb, _, _ = peak_of_load(baseline)
    peak_mb, seconds, outcome = peak_of_load(bomb)
    print(f"DOCX bomb ({bomb.stat().st_size / 1024:.0f} KB, 150 MB document.xml): peak {peak_mb:.0f} MB "
          f"(loading a one-line text file: {base_mb:.0f} MB), {seconds:.2f} s, {outcome}")

    settings = temp_settings(work / "memory")
    server = EmbeddedFalkorDB.from_settings(settings)
    server.start()
    store = open_store(settings)
    store.create_schema()
    before = vm_hwm_mb(server.pid())
    started = time.perf_counter()
    try:
        store.read(RANGE_SUM, timeout_ms=1000)
        outcome = "finished"
    except QueryError as exc:
        outcome = exc.detail.split(" (")[0]
    seconds = time.perf_counter() - started
    print(f"range query (1 s limit, GRAPPE_QUERY_MEMORY_MB={settings.query_memory_mb}): database peak "
          f"{before:.0f} -> {vm_hwm_mb(server.pid()):.0f} MB, {seconds:.1f} s, {outcome}")
    store.close()
    server.stop()


# --------------------------------------------------------------------------- nesting


def section_nesting(work: Path) -> None:
    from graph.store import open_store
    from graph.store.embedded import EmbeddedFalkorDB
    from grappe.errors import QueryRejected

    settings = temp_settings(work / "nesting")
    server = EmbeddedFalkorDB.from_settings(settings)
    server.start()
    store = open_store(settings)
    store.create_schema()
    times = []
    for _ in range(5):
        started = time.perf_counter()
        try:
            store.read(NESTED_30, timeout_ms=1000)
        except QueryRejected:
            pass
        times.append((time.perf_counter() - started) * 1000)
    deepest = {"parentheses": "RETURN " + "(" * 10 + "1" + ")" * 10, "minus signs": "RETURN " + "- " * 10 + "1",
               "lists": "RETURN " + "[" * 10 + "1" + "]" * 10}
    parse = {}
    for label, text in deepest.items():
        runs = []
        for i in range(5):  # a new alias each time: FalkorDB caches the plans of queries it saw
            started = time.perf_counter()
            store.read(f"{text} AS v{i}_{uuid.uuid4().hex[:6]}")
            runs.append((time.perf_counter() - started) * 1000)
        parse[label] = statistics.median(runs)
    alive = store.read("RETURN 1 AS one").rows == [{"one": 1}]
    print(f"nesting query (30 deep): refused in {statistics.median(times):.2f} ms (median of 5), database "
          f"{'answering' if alive else 'NOT answering'}; deepest accepted (10): "
          + ", ".join(f"{k} {v:.1f} ms" for k, v in parse.items()))
    store.close()
    server.stop()


# --------------------------------------------------------------------------- load


class Session:
    """A signed-in HTTP client (cookie jar, CSRF token) for the analysts' queries."""

    def __init__(self, port: int, user: str, password: str) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.opener.open(self.base + "/login").read().decode()
        self.token = re.search(r'name="csrf-token" content="([^"]+)"', page)[1]
        data = urllib.parse.urlencode({"username": user, "password": password, "csrf_token": self.token}).encode()
        self.opener.open(self.base + "/login", data=data).read()

    def query(self, cypher: str) -> int:
        req = urllib.request.Request(self.base + "/api/query", data=json.dumps({"cypher": cypher}).encode(),
                                     headers={"Content-Type": "application/json", "X-CSRF-Token": self.token})
        try:
            with self.opener.open(req, timeout=60) as resp:
                return resp.status
        except urllib.error.HTTPError as err:
            return err.code


def section_load(work: Path, clients: int, seconds: float) -> None:
    from graph.store import open_store
    from web.users import UserStore

    settings = temp_settings(work / "load")
    env = {**os.environ, "GRAPPE_DATA_DIR": str(settings.data_dir), "GRAPPE_GRAPH_NAME": settings.graph_name,
           "GRAPPE_GRAPH_URL": settings.graph_url, "PYTHONPATH": str(ROOT)}
    grappe = [sys.executable, "-m", "grappe.cli"]
    subprocess.run([*grappe, "ingest", "--quiet", str(ROOT / "samples" / "corpus")], env=env, cwd=ROOT,
                   check=False, capture_output=True)
    UserStore(settings.data_dir / "users.json").add("analyst", "analyst", PASSWORD)
    from graph.export import iter_entities

    store = open_store(settings)
    entities = list(iter_entities(store))
    names, ids = [e["name"] for e in entities], [e["id"] for e in entities]
    store.close()
    proc = subprocess.Popen([*grappe, "serve", "--port", "0"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    port = int(re.search(r"127\.0\.0\.1:(\d+)", line)[1])
    more = work / "more-corpus"
    more.mkdir()
    rnd = random.Random(5)
    for i in range(40):  # an ingest that runs during the whole load
        words = " ".join(rnd.choice(["robots", "ports", "données", "santé", "énergie"]) for _ in range(60))
        (more / f"note-{i}.txt").write_text(f"Acme Robotique {i} inc. et l'Université de Nordville {i} "
                                            f"annoncent un partenariat. {words}\n", encoding="utf-8")
    results: list[tuple[str, float, int]] = []
    deadline = time.monotonic() + seconds
    analyst_statuses: list[int] = []

    def client(seed: int) -> None:
        r = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < deadline:
            kind = r.choice(["search", "entity", "sources"])
            path = {"search": "/api/search?limit=8&q=" + urllib.parse.quote(r.choice(names)[:6]),
                    "entity": "/entity/" + urllib.parse.quote(r.choice(ids)), "sources": "/api/sources"}[kind]
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            results.append((kind, (time.perf_counter() - started) * 1000, status))
        conn.close()

    def analyst() -> None:
        session = Session(port, "analyst", PASSWORD)
        while time.monotonic() < deadline:
            for text in (RANGE_SUM, SLOW, NESTED_30):
                analyst_statuses.append(session.query(text))

    try:
        ingest = subprocess.Popen([*grappe, "ingest", "--quiet", str(more)], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        threads.append(threading.Thread(target=analyst))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        ingest_running = ingest.poll() is None
        ingest.wait()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        subprocess.run([*grappe, "db", "stop"], env=env, cwd=ROOT, check=False, capture_output=True)
    errors = sum(1 for _, _, s in results if not 200 <= s < 300)
    lat = sorted(ms for _, ms, _ in results)
    p95 = lat[int(0.95 * (len(lat) - 1))] if lat else float("nan")
    print(f"load: {len(results)} page requests by {clients} clients in {seconds:.0f} s, {errors} errors, "
          f"p50 {statistics.median(lat):.0f} ms, p95 {p95:.0f} ms; meanwhile an ingest of 40 documents "
          f"({'still running at the end' if ingest_running else 'finished'}, exit {ingest.returncode}) and "
          f"{len(analyst_statuses)} runaway analyst queries (statuses "
          f"{dict(sorted((s, analyst_statuses.count(s)) for s in set(analyst_statuses)))})")


# --------------------------------------------------------------------------- extract


def section_extract(sizes: list[int]) -> None:
    from grappe.model import Document
    from nlp.pipeline import Extractor

    rng = random.Random(7)
    syllables = ["bo", "ra", "lin", "ver", "ta", "mon", "qui", "del", "sar", "nor", "fal", "ge", "tri", "vo"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()

    def paragraph() -> str:
        org, uni, person = f"{word()} {word()} Inc.", f"University of {word()}", f"{word()} {word()}"
        return (f"{org} announced a research partnership with the {uni}. The project, called {word()} "
                f"{word()}, is led by {org}. {person}, chief executive of {org}, said the work starts in "
                f"June. Funding of $2 million comes from the {word()} Fund.")

    extractor = Extractor()
    extractor.extract(Document("warm", "warm", "txt", "Acme Inc. is here.", language="en"))
    for n in sizes:
        parts, size = [], 0
        while size < n:
            parts.append(paragraph())
            size += len(parts[-1]) + 2
        doc = Document(f"d{n}", f"d{n}", "txt", "\n\n".join(parts)[:n], language="en")
        started = time.perf_counter()
        ex = extractor.extract(doc)
        seconds = time.perf_counter() - started
        print(f"extract {n:>9,} characters: {seconds:7.1f} s, {n / seconds / 1000:5.1f} k chars/s, "
              f"{len(ex.entities):,} entities, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB",
              flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="writes,crashes,kills,memory,nesting,load,extract")
    ap.add_argument("--kills", type=int, default=40, help="ingest kills (and half as many database kills)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--sizes", default="20000,100000,200000,1000000",
                    help="text lengths for the extract section (add 5000000 for the 5 MB point)")
    args = ap.parse_args()
    only = set(args.only.split(","))
    print(f"load average at start: {load_average()} on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory(prefix="grappe-rel-") as tmp:
        work = Path(tmp)
        if "writes" in only:
            section_writes(work)
        if "nesting" in only:
            section_nesting(work)
        if "memory" in only:
            section_memory(work)
        if "crashes" in only:
            section_crashes()
        if "kills" in only:
            section_kills(work, args.kills)
        if "load" in only:
            section_load(work, args.clients, args.seconds)
        if "extract" in only:
            section_extract([int(x) for x in args.sizes.split(",")])
    print(f"load average at end: {load_average()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
