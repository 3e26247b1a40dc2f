"""spaCy components wrapping the rule layers (registered on import).

Each is a ``Language.factory`` with a versioned name; its language data (cue words,
first names) comes from ``nlp/patterns/{lang}/`` and travels with ``to_disk``.
"""

from nlp.components import entities, prose, structures  # noqa: F401  (registers the factories)
