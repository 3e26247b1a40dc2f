"""Language detection per document and per paragraph (French + English)."""

from __future__ import annotations

from nlp.language import detect_language, paragraph_languages

FR = ("Le projet est dirigé par l'Université Laval, en partenariat avec Coveo et Mila. "
      "Scale AI y investit 2,5 M$ pour améliorer la prévision de la demande.")
EN = ("The project is led by McGill University in collaboration with Hopper and IVADO. "
      "Scale AI is investing $1.8 million to improve demand forecasting.")


def test_document_language():
    assert detect_language(FR) == "fr"
    assert detect_language(EN) == "en"


def test_default_is_french_when_unsure():
    assert detect_language("") == "fr"
    assert detect_language("12 345 $ — 2024") == "fr"
    assert detect_language("Mila") == "fr"


def test_mostly_french_document_with_an_english_summary_is_french():
    text = "\n\n".join([FR, FR.replace("Laval", "de Montréal"), EN])
    assert detect_language(text) == "fr"


def test_paragraph_languages_on_mixed_text():
    text = f"{FR}\n\n{EN}\n\nYoshua Bengio\nMila\n\n{FR}"
    spans = paragraph_languages(text)
    assert [lang for _, _, lang in spans] == ["fr", "en", "fr", "fr"]  # short block: document language
    assert [text[s:e] for s, e, _ in spans] == [FR, EN, "Yoshua Bengio\nMila", FR]


def test_paragraph_languages_empty():
    assert paragraph_languages("") == []
    assert paragraph_languages("\n\n  \n") == []
