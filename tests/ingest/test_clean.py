"""Cleaning rules, each on a handwritten example, and the offset map back to the original."""

from __future__ import annotations

import time

import pytest

from ingest.clean import (
    Cleaned,
    clean,
    join_lines,
    normalize_chars,
    normalize_spaces,
    remove_bullets,
    remove_headers_footers,
    remove_urls,
    strip_markdown,
)


def run(rule, text: str) -> str:
    return rule(Cleaned.of(text)).text


def assert_maps_back(raw: str, c: Cleaned) -> None:
    """Every clean char comes from an equivalent original char."""
    assert len(c.offsets) == len(c.text)
    same = {"'": "'’‘", '"': '"“”', " ": " \u00a0\u202f\t\n\f", "-": "-\u2011", "\n": "\f"}
    for i, ch in enumerate(c.text):
        orig = raw[c.offsets[i]]
        assert orig == ch or orig in same.get(ch, ""), (i, ch, orig)


# ------------------------------------------------------------------ characters


def test_quotes_apostrophes_and_spaces_fr():
    raw = "L’Université de Montréal\u00a0: «\u202fune “première”\u202f»"
    assert run(normalize_chars, raw) == "L'Université de Montréal : « une \"première\" »"


def test_soft_hyphen_zero_width_and_decomposed_accents_en():
    raw = "Poly\u00adtechnique\u200b Montre\u0301al of\ufb01ce"
    c = normalize_chars(Cleaned.of(raw))
    assert c.text == "Polytechnique Montréal office"
    # "é" (composed) maps to the "e" it was built from; "fi" to the ligature
    assert raw[c.offsets[c.text.index("é")]] == "e"
    assert raw[c.offsets[c.text.index("ffi") + 1]] == "\ufb01"


# ------------------------------------------------------------------ URLs


def test_urls_removed_keeping_punctuation():
    raw = "Voir https://www.scaleai.ca/fr/projets/. Details at www.example.org/a?b=1, then go."
    assert run(remove_urls, raw) == "Voir . Details at , then go."


# ------------------------------------------------------------------ headers / footers


def test_running_header_with_page_number_without_pages_fr():
    raw = (
        "Texte un.\n\n9RAPPORT ANNUEL 2022–2023\n\nTexte deux.\n\n"
        "16RAPPORT ANNUEL 2022–2023\nTexte trois.\n24RAPPORT ANNUEL 2022–2023\n"
        "État : en cours\nÉtat : en cours\nÉtat : en cours\n53,4 M$\n1,8 M$\n2,5 M$\n"
    )
    out = run(remove_headers_footers, raw)
    assert "RAPPORT ANNUEL" not in out
    # repeated content lines and amounts are not headers
    assert out.count("État : en cours") == 3 and "53,4 M$" in out and "1,8 M$" in out


def test_headers_footers_and_page_numbers_with_pages_en():
    pages = [
        "ANNUAL REPORT 2024\nFirst page text.\nMore text.\n1",
        "ANNUAL REPORT 2024\nSecond page text.\nMore text here.\n2",
        "ANNUAL REPORT 2024\nThird page.\nThe end.\n3",
    ]
    out = run(remove_headers_footers, "\f".join(pages))
    assert "ANNUAL REPORT" not in out
    assert "First page text." in out and "The end." in out
    assert not any(line.strip() in {"1", "2", "3"} for line in out.splitlines())


# ------------------------------------------------------------------ line joining


def test_hyphenation_repaired_fr():
    raw = "le dévelop-\npement des PME et la main-\nd'œuvre, avec Jean-\nFrançois Roy et le co-\ninvestissement."
    out = run(join_lines, raw)
    assert out == "le développement des PME et la main-d'œuvre, avec Jean-François Roy et le co-investissement."


def test_hyphenation_uses_document_vocabulary_en():
    raw = "a state-of-the-art system.\nThe state-of-the-\nart model and the research-\ners."
    assert run(join_lines, raw) == "a state-of-the-art system.\nThe state-of-the-art model and the researchers."


def test_sentence_continuations_joined_fr():
    raw = (
        "Scale AI agit comme un\npôle d'investissement au\nCanada, et le projet est dirigé par\n"
        "Mila et l'Alberta Machine Intelligence Institute\n(Amii)."
    )
    assert run(join_lines, raw) == (
        "Scale AI agit comme un pôle d'investissement au Canada, et le projet est dirigé par "
        "Mila et l'Alberta Machine Intelligence Institute (Amii)."
    )


def test_structure_lines_kept_fr():
    raw = (
        "Projets financés\n"
        "Partenaires : Coveo, IVADO Labs\n"
        "État : en cours\n\n"
        "Hélène Desmarais\nCo-présidente du conseil, Scale AI\n\n"
        "Yoshua Bengio\nMila\n\n"
        "→ Premier point\n→ Second point"
    )
    assert run(join_lines, raw) == raw


def test_partner_list_broken_inside_a_name_en():
    raw = "Partners: McCain Foods, Boston Consulting Group, Dalhousie\nUniversity, Gaia Consulting\n\nStatus"
    assert run(join_lines, raw) == (
        "Partners: McCain Foods, Boston Consulting Group, Dalhousie University, Gaia Consulting\n\nStatus"
    )


def test_column_break_inside_sentence_and_paragraphs_kept_en():
    raw = (
        "The clusters help companies grow. They work in five areas,\nincluding advanced\n\n"
        "manufacturing and logistics.\n\nNew paragraph.\n\n"
        "Working with the best universities in Canada\n\nuniversities take part in projects."
    )
    assert run(join_lines, raw) == (
        "The clusters help companies grow. They work in five areas, including advanced "
        "manufacturing and logistics.\n\nNew paragraph.\n\n"
        # a lone heading line is not glued to the paragraph under it
        "Working with the best universities in Canada\n\nuniversities take part in projects."
    )


def test_wrapped_line_ending_in_a_name_en():
    raw = (
        "The programme brings together retailers and researchers, said Claire\n"
        "Tremblay, executive director of the cluster, at the launch in Montreal\n"
        "on Tuesday."
    )
    assert run(join_lines, raw) == (
        "The programme brings together retailers and researchers, said Claire Tremblay, "
        "executive director of the cluster, at the launch in Montreal on Tuesday."
    )


# ------------------------------------------------------------------ bullets, spaces, markdown


def test_bullets_removed_items_kept_on_lines():
    raw = "Objectifs :\n→ Former des talents\n  • Soutenir les PME\n▪ Exporter\n– Innover\n- Markdown item\n→\nEnd"
    assert run(remove_bullets, raw) == (
        "Objectifs :\nFormer des talents\nSoutenir les PME\nExporter\nInnover\nMarkdown item\nEnd"
    )


def test_dashes_inside_lines_are_not_bullets():
    raw = "Institut intelligence et données – Université Laval\nScale AI – Supergrappe\nDe 2022 → 2023"
    assert run(remove_bullets, raw) == raw
    assert run(remove_bullets, "Coveo • Hopper • CAE") == "Coveo; Hopper; CAE"


def test_glyph_alone_on_its_line_starts_an_item():
    raw = "Membres du conseil de\n→\nHélène Desmarais\n→\nYoshua Bengio"
    assert clean(raw).text == "Membres du conseil de\nHélène Desmarais\nYoshua Bengio"


def test_spaces_and_blank_lines_normalised():
    raw = "  Title  \n\n\n\nA   line\t with  spaces \n \nNext\f\nPage"
    assert run(normalize_spaces, raw) == "Title\n\nA line with spaces\n\nNext\n\nPage"


def test_markdown_syntax_stripped():
    raw = "# Titre\n\n*Publié le 9 avril 2025*\n\nVoir [Mila](https://mila.quebec) et **IVADO** snake_case_name."
    assert run(strip_markdown, raw) == "Titre\n\nPublié le 9 avril 2025\n\nVoir Mila et IVADO snake_case_name."


# ------------------------------------------------------------------ whole pipeline + offsets


RAW_FR = (
    "  RAPPORT ANNUEL 2022–2023\n"
    "Message de la présidente du conseil d’admi-\n"
    "nistration, Hélène Tremblay\u00a0: le projet est dirigé par\n"
    "l’Université de Montréal.\n"
    "Partenaires : Coveo, IVADO Labs, Hopper\n"
    "Détails : https://www.scaleai.ca/fr/projets/\n"
    "\f"
    "RAPPORT ANNUEL 2022–2023\n"
    " → Investissement de Scale AI : 2,5 M$\n"
    "7\n"
)


def test_pipeline_and_offsets_round_trip_fr():
    c = clean(RAW_FR)
    assert c.text == (
        "Message de la présidente du conseil d'administration, Hélène Tremblay : le projet est dirigé "
        "par l'Université de Montréal.\n"
        "Partenaires : Coveo, IVADO Labs, Hopper\n"
        "Détails :\n\n"
        "Investissement de Scale AI : 2,5 M$"
    )
    assert_maps_back(RAW_FR, c)
    # a span found in the clean text points at the same words in the original
    start = c.text.index("Université de Montréal")
    s, e = c.original_span(start, start + len("Université de Montréal"))
    assert RAW_FR[s:e] == "Université de Montréal"
    # a word repaired across a hyphenated line break spans the break in the original
    start = c.text.index("administration")
    s, e = c.original_span(start, start + len("administration"))
    assert RAW_FR[s:e] == "admi-\nnistration"


def test_pipeline_and_offsets_round_trip_en():
    raw = "• The project is led by\nMcGill University in col-\nlaboration with Mila.\n\n\nPartners: Coveo and Hopper"
    c = clean(raw)
    assert c.text == "The project is led by McGill University in collaboration with Mila.\n\nPartners: Coveo and Hopper"
    assert_maps_back(raw, c)
    i = c.text.index("Mila")
    assert raw[c.offsets[i]:c.offsets[i] + 4] == "Mila"


def test_clean_is_fast():
    text = (RAW_FR * 20 + "Un paragraphe ordinaire qui continue\nsur la ligne suivante.\n\n" * 200) * 20
    t0 = time.perf_counter()
    c = clean(text)
    elapsed = time.perf_counter() - t0
    assert c.text
    mb = len(text.encode()) / 1e6
    # ~3.5 MB/s on an idle core; the bound is loose because the test machine is shared
    assert mb / elapsed > 0.2, f"{mb / elapsed:.2f} MB/s"


@pytest.mark.parametrize("text", ["", "\n\n", "x", "-\n-", "\f\f", "a-\n", "→"])
def test_degenerate_inputs(text):
    c = clean(text)
    assert len(c.offsets) == len(c.text)
