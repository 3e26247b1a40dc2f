"""Hand-written ordinary documents (all invented) that extraction must take without a
traceback: notes, tables, lists, code blocks, e-mails, very short texts."""

ORDINARY: dict[str, str] = {
    "pipe-table.md": "| Organisation | Type |\n|---|---|\n| Acme Robotique | Telecom |\n",
    "pipe-table-empty-cells.md": "| | |\n|---|---|\n| | Acme |\n|  |  |\n",
    "pipe-table-fr.md": "| Partenaire | Rôle |\n|:--|--:|\n| Université de Nordville | chef de file |\n"
                        "| Fonderie Boréale | partenaire |\n",
    "grid-table.txt": "+------------+---------+\n| Nom        | Ville   |\n+============+=========+\n"
                      "| Acme Inc.  | Nordville |\n+------------+---------+\n",
    "bullets.md": "- Acme Robotique\n- Université de Nordville\n  - Faculté de génie\n* Fonderie Boréale\n",
    "numbered.txt": "1. Acme Robotique\n2. Fonderie Boréale\n3.\n4. —\n",
    "code-block.md": "Install it:\n\n```python\nclass Acme:\n    def run(self): return [1, 2][3]\n```\n\n"
                     "    indented code | with | pipes\n",
    "email.txt": "From: Marie Tremblay <marie@acme.example>\nTo: Jean Roy <jean@nordville.example>\n"
                 "Subject: Re: Re: partenariat\n\n> Bonjour Jean,\n> Acme Robotique confirme.\n\n"
                 "Merci!\n-- \nMarie Tremblay\nDirectrice, Acme Robotique\n",
    "note.txt": "todo: call Acme re: grant (Fonds Nordique)?? / follow up w/ U. Nordville",
    "one-word.txt": "Acme",
    "one-char.txt": "x",
    "punctuation.txt": "|||---|||\n| | |\n---\n***\n",
    "pipes-only.md": "|\n|\n|",
    "repeated-name.txt": "Acme Acme Acme Acme\nAcme Robotique Acme Robotique\n",
    "uppercase.txt": "ACME ROBOTIQUE ET UNIVERSITÉ DE NORDVILLE\nPARTENAIRES\n",
    "headings.md": "# Acme\n## \n### Université de Nordville\n#\n",
    "links.md": "[Acme](https://acme.example) and <https://nordville.example> — ![logo](x.png)\n",
    "html-ish.txt": "<div>Acme Robotique</div> & <b>Fonderie</b> &amp; co.",
    "numbers.txt": "2024 2025 1,5 M$ 3.4% 12:30 +1 (514) 555-0100",
    "mixed-scripts.txt": "Acme Robotique 株式会社 Акме Université — ∑ ≠ ☃",
    "dateline.txt": "NORDVILLE, le 3 mars 2024 /CNW/ — Acme Robotique annonce un partenariat.",
    "colons.txt": "Partenaires :\nPartenaires : \nChef de file :: Acme\n: :\n",
    "long-line.txt": ("Acme Robotique, " * 400).strip(),
    "crlf.txt": "Acme Robotique\r\nFonderie Boréale\r\n\r\nUniversité de Nordville\r\n",
    "tabs.tsv": "Nom\tVille\tRôle\nAcme\tNordville\tchef\n\t\t\n",
}
