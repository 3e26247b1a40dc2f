"""Generate the binary sample documents: a two-column PDF annual report and a DOCX.

    .venv/bin/python samples/make_samples.py

The PDF imitates what makes real annual reports hard to extract: two columns,
a running page header, page numbers in the footer, bullet glyphs, a word
hyphenated at a line end, a URL, partner lists and a board list (name, then
affiliation).  Everything in it is illustrative (see README.md).  The generated
files are committed so tests and demos do not need fpdf2.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

# One item per flow element: (kind, text). Kinds: h1 (full width), h2, h3, p, bullet, line, gap, page.
# In "p" text, "|" marks where a word may be hyphenated at a line end.
REPORT: list[tuple[str, str]] = [
    ("h1", "Grappe démo de l'IA appliquée — Rapport annuel 2024–2025"),
    ("h2", "Mot de la direction"),
    ("p", "Cette année, notre réseau a soutenu des projets concrets d'intelligence artificielle dans "
          "la logistique, le commerce de détail et l'aérospatiale. Le finance|ment public a servi de "
          "levier : chaque dollar investi a attiré plus d'un dollar du secteur privé."),
    ("p", "« Nos partenaires passent des preuves de concept aux systèmes en production », affirme "
          "Claire Tremblay, directrice générale de la Grappe démo. Elle souligne le rôle de l'Université "
          "de Montréal et de Polytechnique Montréal dans la formation des équipes."),
    ("h2", "Faits saillants"),
    ("bullet", "→ 14 projets industriels financés en 2024–2025"),
    ("bullet", "→ 38 partenaires, dont 21 PME québécoises et ontariennes"),
    ("bullet", "• 9 projets menés avec une université ou un institut de recherche"),
    ("page", ""),
    ("h2", "Projets financés"),
    ("h3", "Prévision de la demande en épicerie"),
    ("p", "Projet dirigé par Metro, en partenariat avec Dataperformers et HEC Montréal, pour prévoir "
          "les ventes de produits frais magasin par magasin."),
    ("line", "Partenaires : Metro, Dataperformers, HEC Montréal"),
    ("line", "Investissement de Scale AI : 2,5 M$"),
    ("line", "Investissement total : 6,1 M$"),
    ("gap", ""),
    ("h3", "Maintenance prédictive des flottes"),
    ("p", "Projet dirigé par Air Canada. Les modèles sont entraînés avec l'appui de l'Institut "
          "québécois d'intelligence artificielle (Mila) et d'IVADO Labs, une entreprise distincte "
          "d'IVADO, l'institut de recherche."),
    ("line", "Partenaires : Air Canada, IVADO Labs, Mila, Université McGill"),
    ("line", "Investissement de Scale AI : 1,8 M$"),
    ("gap", ""),
    ("h3", "Jumeau numérique de la chaîne d'approvisionnement"),
    ("p", "Kinaxis collabore avec Sobeys et l'Alberta Machine Intelligence Institute (Amii) pour "
          "simuler l'effet des ruptures de stock sur l'ensemble du réseau de distribution."),
    ("line", "Partenaires : Kinaxis, Sobeys, Amii"),
    ("line", "Investissement de Scale AI : 3,2 M$"),
    ("gap", ""),
    ("h3", "Formation en IA pour l'aérospatiale"),
    ("p", "Projet dirigé par CAE en collaboration avec Bombardier et l'Université Concordia. "
          "Il vise à former 400 techniciens à l'analyse des données de vol."),
    ("line", "Partenaires : CAE, Bombardier, Université Concordia, Université Laval"),
    ("line", "Investissement de Scale AI : 0,9 M$"),
    ("p", "Détails des projets : https://www.example.org/projets-finances/2024"),
    ("h2", "Highlights for our English-speaking partners"),
    ("p", "Some of our partners report in English. Coveo and Hopper joined the network this year "
          "through a collaboration with the Vector Institute in Toronto, and Lightspeed hosted two "
          "workshops on retail forecasting for small merchants."),
    ("p", "The Fleet Health programme is led by Air Canada. Scale AI is investing $1.8 million in it, "
          "and the work is carried out in collaboration with IVADO Labs and McGill University. "
          "Mark Ellis, Director of Maintenance Analytics at Air Canada, said the first models "
          "already flag parts that are likely to fail weeks in advance."),
    ("line", "Partners: Air Canada, IVADO Labs, Mila and McGill University"),
    ("p", "In Alberta, the Alberta Machine Intelligence Institute (Amii) works with Sobeys on "
          "warehouse simulation, while Université Laval researchers study demand shocks with "
          "Metro."),
    ("page", ""),
    ("h2", "Conseil d'administration"),
    ("line", "Claire Tremblay"),
    ("line", "Directrice générale, Grappe démo"),
    ("gap", ""),
    ("line", "Marc-André Gagnon"),
    ("line", "Université Laval"),
    ("gap", ""),
    ("line", "Sophie Nguyen"),
    ("line", "Coveo"),
    ("gap", ""),
    ("line", "David Okafor"),
    ("line", "HEC Montréal"),
    ("gap", ""),
    ("line", "Isabelle Roy"),
    ("line", "Polytechnique Montréal"),
]

HEADER = "RAPPORT ANNUEL 2024–2025"


def _font_path(name: str) -> Path | None:
    for d in FONT_DIRS:
        if (d / name).exists():
            return d / name
    return None


def make_pdf(out: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    regular, bold = _font_path("DejaVuSans.ttf"), _font_path("DejaVuSans-Bold.ttf")
    if not (regular and bold):
        raise SystemExit("DejaVu fonts not found: install fonts-dejavu-core.")
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_title("Grappe démo de l'IA appliquée — Rapport annuel 2024–2025")
    pdf.set_author("Grappe (sample corpus)")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 6, 20, tzinfo=__import__("datetime").UTC))

    margin, gutter, top, bottom = 15.0, 8.0, 28.0, 272.0
    col_w = (210 - 2 * margin - gutter) / 2
    state = {"col": 0, "y": top}

    def new_page() -> None:
        pdf.add_page()
        page_no = pdf.page_no()
        pdf.set_font("DejaVu", "B", 8)
        pdf.set_xy(margin, 10)
        pdf.cell(210 - 2 * margin, 5, HEADER, align="R")
        pdf.set_font("DejaVu", "", 8)
        pdf.set_xy(margin, 282)
        pdf.cell(210 - 2 * margin, 5, str(page_no), align="C")
        state.update(col=0, y=top)

    def x() -> float:
        return margin + state["col"] * (col_w + gutter)

    def need(height: float) -> None:
        if state["y"] + height > bottom:
            if state["col"] == 0:
                state.update(col=1, y=top)
            else:
                new_page()

    def wrap(text: str, width: float) -> list[str]:
        lines, cur = [], ""
        for word in text.split(" "):
            plain = word.replace("|", "")
            trial = f"{cur} {plain}".strip()
            if pdf.get_string_width(trial) <= width:
                cur = trial
                continue
            if "|" in word:  # hyphenate at the marker
                head, tail = word.split("|", 1)
                if pdf.get_string_width(f"{cur} {head}-") <= width:
                    lines.append(f"{cur} {head}-".strip())
                    cur = tail.replace("|", "")
                    continue
            lines.append(cur)
            cur = plain
        if cur:
            lines.append(cur)
        return lines

    def write_lines(lines: list[str], size: float, style: str = "", lh: float = 4.6) -> None:
        pdf.set_font("DejaVu", style, size)
        for line in lines:
            need(lh)
            pdf.set_xy(x(), state["y"])
            pdf.cell(col_w, lh, line)
            state["y"] += lh

    new_page()
    for kind, text in REPORT:
        if kind == "h1":
            pdf.set_font("DejaVu", "B", 14)
            pdf.set_xy(margin, state["y"])
            pdf.cell(210 - 2 * margin, 7, text)
            state["y"] += 13
        elif kind == "h2":
            need(14)
            state["y"] += 2
            pdf.set_font("DejaVu", "B", 11)
            write_lines(wrap(text, col_w), 11, "B", 6)
        elif kind == "p":
            pdf.set_font("DejaVu", "", 9)
            write_lines(wrap(text, col_w), 9)
            state["y"] += 2
        elif kind == "h3":
            need(10)
            write_lines(wrap(text, col_w), 9.5, "B", 5)
            state["y"] += 1.5
        elif kind in ("bullet", "line"):
            pdf.set_font("DejaVu", "", 9)
            write_lines(wrap(text, col_w), 9)
        elif kind == "gap":
            state["y"] += 3
        elif kind == "page":
            new_page()
    pdf.output(str(out))


def make_docx(out: Path) -> None:
    import datetime as dt

    import docx

    d = docx.Document()
    d.core_properties.title = "Fiche de projet : logistique du dernier kilomètre"
    d.core_properties.created = dt.datetime(2025, 3, 12, tzinfo=dt.UTC)
    d.add_heading("Fiche de projet : logistique du dernier kilomètre", level=1)
    d.add_paragraph(
        "Montréal, le 12 mars 2025. Le projet Dernier kilomètre intelligent réunit Sobeys, Coveo et "
        "l'Université Laval autour d'un même objectif : réduire les livraisons à vide dans les "
        "quartiers denses."
    )
    d.add_paragraph(
        "Projet dirigé par Sobeys. L'équipe de recherche est coordonnée par Julie Bouchard, "
        "professeure titulaire à l'Université Laval, en partenariat avec IVADO."
    )
    table = d.add_table(rows=4, cols=2)
    rows = [
        ("Partenaires", "Sobeys, Coveo, Université Laval, IVADO"),
        ("Investissement de Scale AI", "1,2 M$"),
        ("Investissement total", "3,4 M$"),
        ("Durée", "24 mois"),
    ]
    for row, (k, v) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = k, v
    d.add_paragraph(
        "Les résultats seront partagés avec les membres de la grappe lors d'un atelier organisé "
        "avec HEC Montréal."
    )
    d.add_heading("Équipe", level=2)
    for name, role in [
        ("Julie Bouchard", "Professeure titulaire, Université Laval"),
        ("Samuel Girard", "Directeur de la logistique, Sobeys"),
        ("Priya Desai", "Responsable des produits d'IA, Coveo"),
    ]:
        para = d.add_paragraph(name)
        para.add_run().add_break()  # "Name" / "Role, Organization" in one paragraph
        para.add_run(role)
    d.add_heading("Summary in English", level=2)
    d.add_paragraph(
        "The Smart Last Mile project is led by Sobeys in collaboration with Coveo, Laval University "
        "and IVADO. Scale AI is investing $1.2 million in the $3.4 million project, which aims to "
        "cut the number of half-empty delivery runs in dense neighbourhoods of Montreal and Quebec "
        "City. Samuel Girard, Director of Logistics at Sobeys, said the routing models will be tested "
        "in twelve stores before a wider roll-out. The research team will publish its methods, and "
        "the anonymized benchmark will be shared with other members of the cluster, including "
        "Kinaxis and Dataperformers, so that the results can be compared with existing tools. "
        "IVADO Labs, the consulting company, is not a partner in this project."
    )
    d.save(str(out))


if __name__ == "__main__":
    make_pdf(HERE / "corpus" / "rapport-annuel-demo-2024-2025-fr.pdf")
    make_docx(HERE / "corpus" / "fiche-projet-dernier-kilometre-fr.docx")
    print("wrote", HERE / "corpus" / "rapport-annuel-demo-2024-2025-fr.pdf", HERE / "corpus" / "fiche-projet-dernier-kilometre-fr.docx")
