"""External ids from a loaded reference list: in the API (validated against the
OpenAPI document) and on the entity page as links."""

from __future__ import annotations

from pathlib import Path

from graphs import web_ecosystem as fx
from test_api import check, spec  # noqa: F401 - the spec fixture

from graph.resolve.authority import load_file

AUTHORITY = """id,name,aliases,acronyms,type,country,website,wikidata,ror
REF-7,Logistique Boréale,Boreal Logistics,LB,Organization,CA,logistique-boreale.example,Q123456,
"""


def load_reference_list(store, tmp_path: Path) -> None:
    path = tmp_path / "reference.csv"
    path.write_text(AUTHORITY, encoding="utf-8")
    report = load_file(store, path)
    assert [u["entity"] for u in report.updated] == [fx.BOREALE]


def test_api_and_page_show_external_ids(client, graph_store, spec, tmp_path):  # noqa: F811
    load_reference_list(graph_store, tmp_path)
    body = check(spec, "/api/entities/{id}", "get", client.get(f"/api/entities/{fx.BOREALE}"))
    entity = body["entity"]
    assert entity["wikidata"] == "Q123456" and entity["authority_id"] == "REF-7"
    assert {"label": "Wikidata", "id": "Q123456", "url": "https://www.wikidata.org/wiki/Q123456"} \
        in entity["external_ids"]
    html = client.get(f"/entity/{fx.BOREALE}").get_data(as_text=True)
    assert 'href="https://www.wikidata.org/wiki/Q123456"' in html
    assert 'href="https://logistique-boreale.example"' in html
    # an entity without a reference list shows none
    other = client.get(f"/api/entities/{fx.IVADO}").get_json()["entity"]
    assert other["external_ids"] == []
