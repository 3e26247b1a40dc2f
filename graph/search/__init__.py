"""Entity search by name, shared by the web typeahead and the CLI.

* :mod:`graph.search.names`: the folds names and queries are compared with;
* :mod:`graph.search.index`: the in-memory index of folded names, aliases and word starts;
* :mod:`graph.search.query`: :func:`search` (index, then the database's full-text index,
  re-ranked), :func:`resolve_name` (the one entity a name designates) and :func:`facets`.

Imports run one way: names < index < query.
"""

from graph.search.names import fold, short_name, tokens
from graph.search.query import WINNER_MARGIN, WINNER_SCORE, Hit, classify, facets, resolve_name, search

__all__ = ["WINNER_MARGIN", "WINNER_SCORE", "Hit", "classify", "facets", "fold", "resolve_name", "search",
           "short_name", "tokens"]
