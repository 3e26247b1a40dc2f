"""Hand-made graphs for the tests, all built with :class:`graphs.builder.GraphBuilder`:

* :mod:`graphs.every_type`: one batch with every entity and relation type (store contract);
* :mod:`graphs.ecosystem`: a small ecosystem with amounts and statuses (queries, search, export);
* :mod:`graphs.web_ecosystem`: actors with accents, acronyms, a 35-partner hub and hostile
  HTML names (web pages, API and browser tests).
"""
