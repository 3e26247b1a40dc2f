"""The evidence highlighter: accents, case, whole words, overlaps, escaping."""

from web.filters import fold_same_length, highlight


def test_fold_keeps_length():
    for text in ("Université de Montréal", "Straße", "ÉCOLE", "plain ascii", "ﬁn"):
        assert len(fold_same_length(text)) == len(text)
    assert fold_same_length("Université ÉTS") == "universite ets"


def test_highlight_ignores_accents_and_case_but_keeps_the_original_text():
    out = highlight("L'Universite de Montreal et MILA signent.", ["Université de Montréal", "Mila"])
    assert str(out) == "L&#39;<mark>Universite de Montreal</mark> et <mark>MILA</mark> signent."


def test_highlight_whole_words_only_and_longest_first():
    out = str(highlight("IVADO Labs and IVADO; not IVADOs.", ["IVADO", "IVADO Labs"]))
    assert out == "<mark>IVADO Labs</mark> and <mark>IVADO</mark>; not IVADOs."


def test_highlight_escapes_document_text_and_names():
    out = str(highlight("<script>x</script> Acme <b>", ["<script>x</script>", "Acme"]))
    assert "<script>" not in out and "<b>" not in out
    assert "<mark>&lt;script&gt;x&lt;/script&gt;</mark>" in out and "<mark>Acme</mark>" in out


def test_highlight_without_names_or_sentence():
    assert str(highlight(None, ["x"])) == ""
    assert str(highlight("a & b", [None, "", " "])) == "a &amp; b"


def test_fast_entity_and_document_urls_are_url_for():
    from flask import Flask, url_for

    from web.filters import document_url, entity_url

    app = Flask(__name__)
    app.add_url_rule("/entity/<path:entity_id>", "entities.entity")
    app.add_url_rule("/documents/<path:doc_id>", "sources.document")
    ids = ["NK-o1", "a b/c", "é?x#y&z=1%", "Q42:wikidata", "'quote'+plus", "https://ror.org/0abc"]
    for root in ("", "/grappe"):
        with app.test_request_context("/", base_url=f"http://h{root}"):
            for i in ids:
                assert entity_url(i) == url_for("entities.entity", entity_id=i)
                assert document_url(i) == url_for("sources.document", doc_id=i)

