"""A link removed on a curator's decision stays removed when the same document is
ingested again: into a rebuilt graph, and after the document was edited (replaced)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from web_fixtures import login

from ingest.run import ingest

pytestmark = pytest.mark.models

DOC = Path(__file__).resolve().parents[1] / "data" / "reports" / "communique-acme-nordville.txt"


@pytest.fixture(scope="module")
def extractor():
    from nlp.pipeline import Extractor

    return Extractor()


def _partnerships(store, a: str, b: str) -> int:
    return sum(1 for r in store.run("resolve/entity_relations", id=a).rows
               if r["type"] == "PARTNERS_WITH" and b in (r["source"], r["target"]))


def test_removed_link_survives_reingest(settings, make_store, users_file, tmp_path, extractor):
    from web import create_app

    s = settings.replace(data_dir=tmp_path)
    doc = tmp_path / "docs" / DOC.name
    doc.parent.mkdir()
    shutil.copy(DOC, doc)
    store = make_store()
    assert not ingest([doc], s, store, extractor=extractor).failures
    app = create_app(s, store=store, config={"TESTING": True, "SECRET_KEY": "t", "USERS_FILE": users_file})
    client = app.test_client()
    ids = {}
    for name in ("Acme Robotique", "Banque Nordique", "Université de Nordville"):
        ids[name] = client.get("/reconcile/suggest/entity", query_string={"prefix": name}).json["result"][0]["id"]
    acme, bank = ids["Acme Robotique"], ids["Banque Nordique"]
    assert _partnerships(store, acme, bank) == 1

    token = login(client, "viewer")
    report = client.post("/api/reports", json={"kind": "relation", "a": acme, "b": bank, "types": ["PARTNERS_WITH"],
                                               "reason": "the bank only collaborates on the project"},
                         headers={"X-CSRF-Token": token}).json["report"]
    token = login(client, "curator")
    r = client.post(f"/api/reports/{report['id']}/accept", json={}, headers={"X-CSRF-Token": token})
    assert r.json["report"]["decision"]["result"] == {"removed": 1}
    assert _partnerships(store, acme, bank) == 0

    # the same document into a rebuilt graph: the link does not come back, the others do
    rebuilt = make_store()
    assert ingest([doc], s, rebuilt, extractor=extractor).count("ingested") == 1
    assert _partnerships(rebuilt, acme, bank) == 0
    assert _partnerships(rebuilt, acme, ids["Université de Nordville"]) == 1

    # the document edited and ingested again (it replaces the old version): still removed
    doc.write_text(doc.read_text(encoding="utf-8") + "\nLe communiqué a été mis à jour le 4 mars 2025.\n",
                   encoding="utf-8")
    assert ingest([doc], s, store, extractor=extractor).count("replaced") == 1
    assert _partnerships(store, acme, bank) == 0
    assert _partnerships(store, acme, ids["Université de Nordville"]) == 1
