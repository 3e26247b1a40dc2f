"""The rule layers, as pure functions over (text, lexicon, context) that add to Facts.

One module per rule family; the entry points the spaCy components call
(:mod:`nlp.components`) are re-exported here:

* :func:`project_fields` (:mod:`.fields`) - report layouts: a project title followed by
  "Partenaires : A, B" / "Projet dirigé par : X", status and investment lines;
* :func:`lists` (:mod:`.lists`, :mod:`.boards`) - boards and teams ("Name / Affiliation"
  items after a board heading), contacts, funding tables, lists introduced by a colon
  (institutions we collaborate with, an event's partners), and events whose sub-items
  say who led them;
* :func:`prose` (:mod:`.roles`) - sentences: roles ("Jane Doe, CEO of X"), ministers,
  explicit partnerships, "X, an event organised by Y", governments, participation;
* :func:`prose_projects` (:mod:`.projects`) - named projects in sentences and who leads,
  funds and takes part in them.

Helpers shared by the families: :mod:`.shapes` (text shapes), :mod:`.names` (list items,
acronyms, trimming names), :mod:`.mentions` (people and organizations in a sentence),
:mod:`.context` (the NER spans the rules may use). Their words live in
``nlp/patterns/{fr,en,shared}``; :mod:`.cues` says which labels each family reads.
"""

from nlp.rules.context import Context
from nlp.rules.fields import project_fields
from nlp.rules.headed import headed_projects
from nlp.rules.lists import lists
from nlp.rules.names import (
    cut_lower_tail,
    defines_acronym,
    gov_name,
    is_acronym_of,
    parse_item,
    province_gov,
    split_items,
)
from nlp.rules.projects import prose_projects
from nlp.rules.roles import prose
from nlp.rules.shapes import DATELINE, EXEC_TITLE, LEGAL_FORM, LEGAL_FORM_RX, PERSON_TITLE

__all__ = [
    "DATELINE", "EXEC_TITLE", "LEGAL_FORM", "LEGAL_FORM_RX", "PERSON_TITLE", "Context", "cut_lower_tail", "gov_name",
    "headed_projects",
    "defines_acronym", "is_acronym_of", "lists", "parse_item", "project_fields", "prose", "prose_projects", "province_gov",
    "split_items",
]
