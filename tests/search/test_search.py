"""graph.search on the embedded FalkorDB: accents, case, acronyms, typos, ranking,
filters, hostile input, and resolve_name."""

from __future__ import annotations

from typing import Any

import pytest
from graphs.builder import ready

from graph.search import Hit, facets, fold, resolve_name, search
from grappe.errors import Ambiguous, NotFound
from grappe.model import Entity, EntityType, GraphBatch

ORG = EntityType.ORGANIZATION


def top(store: Any, q: str, **kw: Any) -> Hit:
    hits = search(store, q, **kw)
    assert hits, f"no hit for {q!r}"
    return hits[0]


def test_fold() -> None:
    assert fold("Université de Montréal") == "universite de montreal"
    assert fold("  L’École   POLYTECHNIQUE!! ") in {"ecole polytechnique", "l ecole polytechnique"}
    assert fold('"*)\\ OR 1=1') == "or 1 1"


@pytest.mark.parametrize("q", ["Université de Montréal", "universite de montreal", "UNIVERSITÉ DE MONTRÉAL",
                               "université  de   montréal"])
def test_exact_name_any_accents_or_case(fx_store: Any, q: str) -> None:
    hit = top(fx_store, q)
    assert (hit.id, hit.match, hit.score) == ("udem", "exact", 100.0)


@pytest.mark.parametrize("q, expected", [("udem", "udem"), ("UdeM", "udem"), ("University of Montreal", "udem"),
                                         ("universite mcgill", "mcgill"), ("GCI", "gci"),
                                         ("Alberta Machine Intelligence Institute", "amii")])
def test_aliases_and_acronyms(fx_store: Any, q: str, expected: str) -> None:
    hit = top(fx_store, q)
    assert (hit.id, hit.match) == (expected, "alias")


@pytest.mark.parametrize("q, expected", [("amii", "amii"), ("mila", "mila"), ("Scale AI", "scale")])
def test_short_exact_names(fx_store: Any, q: str, expected: str) -> None:
    assert (top(fx_store, q).id, top(fx_store, q).match) == (expected, "exact")


@pytest.mark.parametrize("q, expected", [("acme rob", "acme"), ("grande ch", "gci")])
def test_prefixes(fx_store: Any, q: str, expected: str) -> None:
    hit = top(fx_store, q)
    assert (hit.id, hit.match) == (expected, "prefix")


@pytest.mark.parametrize("q, expected", [("amiii", "amii"), ("Universite de Montrael", "udem"),
                                         ("McGil University", "mcgill"), ("Investisement Quebec", "invq"),
                                         ("Acme Robotiqeu", "acme")])
def test_small_typos(fx_store: Any, q: str, expected: str) -> None:
    hit = top(fx_store, q)
    assert hit.id == expected
    assert hit.match in {"fuzzy", "prefix"}


@pytest.mark.parametrize("q, expected", [("mcgill", "mcgill"), ("McGill", "mcgill"), ("montreal", "udem")])
def test_short_names_rank_as_aliases(fx_store: Any, q: str, expected: str) -> None:
    """What people type: the name without its generic institution words."""
    assert (top(fx_store, q).id, top(fx_store, q).match) == (expected, "alias")


def test_ranking_exact_alias_prefix_fuzzy(store: Any) -> None:
    store.write(GraphBatch(entities=[
        Entity("v-fuzzy", ORG, "Vectar", "company"),
        Entity("v-prefix", ORG, "Vector Robotics", "startup"),
        Entity("v-alias", ORG, "Institut Vecteur", "research_institute", ["Vector"]),
        Entity("v-exact", ORG, "Vector", "startup"),
    ]))
    ready(store)
    hits = search(store, "vector")
    assert [(h.id, h.match) for h in hits] == [("v-exact", "exact"), ("v-alias", "alias"), ("v-prefix", "prefix")]
    assert [h.id for h in search(store, "vector", limit=2)] == ["v-exact", "v-alias"]
    # with no exact name, typos are searched too and rank last
    store.write(GraphBatch(entities=[
        Entity("q-alias", ORG, "Groupe Q", "company", ["Quantix"]),
        Entity("q-prefix", ORG, "Quantix Labs", "startup"),
        Entity("q-fuzzy", ORG, "Quantex", "sme"),
    ]))
    ready(store)
    hits = search(store, "quantix")
    assert [(h.id, h.match) for h in hits] == [("q-alias", "alias"), ("q-prefix", "prefix"), ("q-fuzzy", "fuzzy")]
    assert hits[0].score == 100.0 and 0 < hits[2].score < 100
    f = facets(search(store, "vector") + hits)
    assert f["type"] == {"Organization": 6}
    assert f["subtype"] == {"research_institute": 1, "startup": 3, "company": 1, "sme": 1}


def test_filters(fx_store: Any) -> None:
    assert {h.id for h in search(fx_store, "montreal")} >= {"udem"}
    assert "udem" not in {h.id for h in search(fx_store, "montreal", types=["Organization"])}
    assert [h.id for h in search(fx_store, "montreal", types="University")] == ["udem"]
    hits = search(fx_store, "projet", types=[EntityType.PROJECT], limit=10)
    assert {h.id for h in hits} == {"alpha", "beta", "gamma", "delta"}
    assert [h.id for h in search(fx_store, "data", subtype="startup")] == ["solo"]
    assert search(fx_store, "data", subtype="company") == []
    with pytest.raises(NotFound):
        search(fx_store, "mila", types=["Planet"])


def test_hit_fields(fx_store: Any) -> None:
    hit = top(fx_store, "udem")
    assert hit.name == "Université de Montréal" and hit.type == "University" and hit.subtype is None
    assert "UdeM" in hit.aliases
    assert hit.to_dict()["match"] == "alias"


@pytest.mark.parametrize("q", ['"', "*", ")", "\\", "OR 1=1", "' OR 1=1 --", "name:mila", "mila~2", "mila*",
                               "@search_text:{mila}", "(((", "%%mila%%", "-mila", "a | b", "$q", "{}", "",
                               "   ", "\x00", "é", "mila AND NOT amii", "x" * 500, "🙂", "1=1; MATCH (n) DELETE n"])
def test_hostile_strings_are_plain_data(fx_store: Any, q: str) -> None:
    hits = search(fx_store, q)
    assert isinstance(hits, list)
    assert fx_store.stats()  # the graph is intact


def test_query_syntax_is_not_interpreted(fx_store: Any) -> None:
    assert top(fx_store, "mila*").id == "mila"
    assert top(fx_store, "name:mila").id == "mila"
    assert {"mila", "amii"} <= {h.id for h in search(fx_store, "mila -amii")}  # "-" is no NOT


def test_resolve_name_by_id(fx_store: Any) -> None:
    assert resolve_name(fx_store, "gamma")["name"] == "Projet Gamma"
    assert resolve_name(fx_store, "gamma")["match"] == "id"
    assert resolve_name(fx_store, "gamma", types="Project")["id"] == "gamma"


def test_resolve_name(fx_store: Any) -> None:
    assert resolve_name(fx_store, "udem")["id"] == "udem"
    assert resolve_name(fx_store, "Université de Montréal")["id"] == "udem"
    assert resolve_name(fx_store, "MILA")["id"] == "mila"
    assert resolve_name(fx_store, "acme")["id"] == "acme"  # a unique prefix
    assert resolve_name(fx_store, "Investisement Quebec")["id"] == "invq"  # a clear winner
    assert resolve_name(fx_store, "mcgill")["type"] == "University"
    with pytest.raises(NotFound) as info:
        resolve_name(fx_store, "Zyxwvut Qqq")
    assert info.value.hint
    with pytest.raises(NotFound):
        resolve_name(fx_store, "  ")


def test_resolve_name_ambiguous(store: Any) -> None:
    store.write(GraphBatch(entities=[
        Entity("ivado-1", ORG, "IVADO", "research_institute"),
        Entity("ivado-2", ORG, "IVADO", "nonprofit"),
        Entity("lab-1", ORG, "Laboratoire Alpha", "company"),
        Entity("lab-2", ORG, "Laboratoire Alphi", "company"),
    ]))
    ready(store)
    with pytest.raises(Ambiguous) as info:
        resolve_name(store, "ivado")
    assert {c["id"] for c in info.value.candidates} == {"ivado-1", "ivado-2"}
    with pytest.raises(Ambiguous):
        resolve_name(store, "laboratoire alph")


def test_each_backend_has_its_fulltext_query() -> None:
    from graph import cypher

    falkor, neo = cypher.load("search/fulltext", "falkordb"), cypher.load("search/fulltext", "neo4j")
    assert "db.idx.fulltext.queryNodes" in falkor and "db.index.fulltext.queryNodes" in neo
    assert "$tokens" in falkor and "$tokens" in neo  # user text only ever goes in as a parameter


def test_empty_query_does_not_touch_the_store() -> None:
    class NoStore:
        def run(self, *a: Any, **k: Any) -> Any:
            raise AssertionError("no query expected")

    assert search(NoStore(), "") == [] and search(NoStore(), " ?!* ") == [] and search(NoStore(), "x", limit=0) == []


def test_french_elisions_and_apostrophes(store: Any) -> None:
    store.write(GraphBatch(entities=[Entity("ets", ORG, "École de technologie supérieure", "nonprofit", ["ÉTS"]),
                                     Entity("oreal", ORG, "L'Oréal Canada", "company")]))
    ready(store)
    assert (top(store, "ecole de technologie superieure").match, top(store, "ETS").id) == ("exact", "ets")
    assert top(store, "l’oreal canada").id == "oreal"
    assert top(store, "oreal").id == "oreal"
