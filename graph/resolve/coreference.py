"""What one document says about its own names: definitions and short forms.

A list of names out of context keeps "Acme" and "Acme Canada" apart (a national
subsidiary is often another company), "Tremblay" and "Jeanne Tremblay" apart (many
people share a surname). Inside one document the writer resolves them: a name given
in full once and shortened after ("the University of Northfield ... Northfield",
"Governor Jeanne Tremblay ... Governor Tremblay") refers back to the one entity of the
document it can shorten. Two rules, both on the clusters the resolver already made
for the document (:func:`graph.resolve.within.clusters_of`):

* :func:`join_definitions` — a name and an acronym written one inside parentheses
  after the other ("Lakeside Water Board (OEL)", "LWB (Lakeside Water Board)",
  "Centre X (X Centre, CX)") are one entity, whatever language the acronym
  spells: the text defines it.
* :func:`attach_short_forms` — a short form joins the one entity of the document it
  shortens: a surname alone (titles dropped) and the one person with that surname; an
  organization name without words that do not change who it is (a generic
  institution word, a corporate or line-of-business word, a country qualifier: "Acme"
  / "Acme Canada", "Northfield" / "Northfield College"), a place and its government
  ("Nordville" / "Gouvernement de Nordville"), and a name of generic words only ("the
  University", "Cégep") and the one name holding them; an acronym, spaced ones too
  ("U of N"), and the one name it spells, whatever types extraction gave them. Two
  candidates: it stays alone.

The short forms are reference, not names of their own: :mod:`graph.resolve.within`
keeps their mentions on the entity but never takes them as its name or its aliases,
so another document's bare "Acme" still meets the store on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.resolve.normalize import (
    BUSINESS,
    CORPORATE,
    DROPPABLE,
    QUALIFIERS,
    STOPWORDS,
    acronym_match,
    core_tokens,
    fold,
    looks_like_acronym,
    qualifiers,
)
from grappe.model import ORG_LIKE, EntityType, ExtractedEntity

#: Generic institution concepts whose absence keeps the identity within a document:
#: the droppable ones, and the government or department a place or field stands for
#: ("Nordville" / "Gouvernement de Nordville", "Fisheries" / "Department of Fisheries").
#: Not the ones that make another body ("Acme" / "Acme Foundation", "Acme Labs").
_SAME_BODY = DROPPABLE | frozenset({"#gov", "#dept", "#min"})
#: the concept of a government: a bare place name shortens nothing else
_GOVERNMENT = frozenset({"#gov"})

_OPEN = re.compile(r"\s*\(\s*$")
_SEP = re.compile(r"\s*,\s*$")
_CLOSE = re.compile(r"^\s*\)")


def _family(etype: EntityType) -> str:
    return "org" if etype in ORG_LIKE else etype.value


def _tokens(e: ExtractedEntity, name: str) -> tuple[str, ...]:
    return core_tokens(name, e.type == EntityType.PERSON)


def _names(e: ExtractedEntity) -> list[str]:
    return [e.name, *e.aliases]


def shortens(short: tuple[str, ...], long: tuple[str, ...], person: bool,
             bare: frozenset[str] = frozenset()) -> bool:
    """Is ``short`` (tokens) a form of ``long`` a document may use after naming it?
    ``bare``: the country words standing bare in the long name ("Acme Canada", often a
    national subsidiary beside its parent "Acme"): those may not be dropped."""
    if not short or len(short) >= len(long):
        return False
    if person:
        # a surname alone (a title already dropped): the last words of the full name
        return long[-len(short):] == short and not any(len(t) == 1 for t in short)
    s, big = set(short), set(long)
    if not s < big:
        return False
    extra = big - s
    if all(t.startswith("#") for t in s):
        return True  # "the University", "Cégep": generic words only
    if all(t in QUALIFIERS for t in s):
        return extra <= _GOVERNMENT  # a place stands for its government, nothing else
    return all(t in _SAME_BODY or t in CORPORATE or t in BUSINESS or (t in QUALIFIERS and t not in bare)
               for t in extra)


def _owner_map(clusters: Sequence[Sequence[int]]) -> dict[int, int]:
    return {m: k for k, members in enumerate(clusters) for m in members}


def attach_short_forms(entities: Sequence[ExtractedEntity],
                       clusters: list[list[int]]) -> tuple[list[list[int]], dict[int, bool]]:
    """Clusters with each short-form cluster joined to the one cluster it shortens,
    and the entities that joined as short forms (index -> whether their names stay
    aliases: :func:`_names_the_entity`). A short-form cluster
    may hold an acronym of the longer name too ("National Acme Council" / "NAC" beside
    "U.S. National Acme Council")."""
    names = [[_tokens(e, n) for n in _names(e)] for e in entities]

    def shortens_cluster(a: list[int], b: list[int]) -> bool:
        # every name of ``a`` shortens a name of ``b``; same kind; no list holds both
        if any(_family(entities[x].type) != _family(entities[y].type) for x in a for y in b):
            return False
        if any(entities[x].groups & entities[y].groups for x in a for y in b):
            return False
        person = entities[a[0]].type == EntityType.PERSON
        long_names = [(raw, ln, qualifiers(raw)[1]) for y in b
                      for raw, ln in zip(_names(entities[y]), names[y], strict=True)]
        shortened = False
        own = [raw for x in a for raw in _names(entities[x])]
        spelt = [r for r, _, _ in long_names]
        for x in a:
            for raw, s in zip(_names(entities[x]), names[x], strict=True):
                acr = spaced_acronym(raw) or raw
                if any(shortens(s, ln, person, bare) for _, ln, bare in long_names):
                    shortened = True
                elif looks_like_acronym(acr) and any(acronym_match(acr, r) for r in spelt):
                    shortened = True  # "U of N", "UN" for the one "University of Northfield"
                elif not (looks_like_acronym(acr) and any(acronym_match(acr, r) for r in own)):
                    return False  # a name of its own, or an acronym of something else
        return shortened

    targets: dict[int, int] = {}
    for k, members in enumerate(clusters):
        cands = [j for j, other in enumerate(clusters) if j != k and shortens_cluster(members, other)]
        # the longest of nested candidates ("Acme" → "Acme Canada" → "Acme Canada Group")
        top = [j for j in cands if not any(i != j and shortens_cluster(clusters[j], clusters[i])
                                           for i in cands)]
        if len(top) == 1:
            targets[k] = top[0]
    if not targets:
        return clusters, {}

    def root(k: int) -> int:
        seen = set()
        while k in targets and k not in seen:
            seen.add(k)
            k = targets[k]
        return k

    out: dict[int, list[int]] = {}
    short: dict[int, bool] = {}
    for k, members in enumerate(clusters):
        r = root(k)
        out.setdefault(r, []).extend(members)
        if r != k:
            for m in members:
                short[m] = _names_the_entity(entities[m])
    return [sorted(m) for m in out.values()], short


_SPACED = re.compile(r"[^\W\d_]")


def spaced_acronym(raw: str) -> str:
    """"U of N", "U de N": single capitals with function words between them, written
    as one acronym ("UofN"); "" for anything else."""
    words = raw.split()
    capitals = [w for w in words if len(w) == 1 and w.isupper() and _SPACED.match(w)]
    if len(words) < 3 or len(capitals) < 2 or \
            any(w not in capitals and fold(w) not in STOPWORDS for w in words):
        return ""
    return "".join(words)


def _names_the_entity(e: ExtractedEntity) -> bool:
    """Does a short form name its entity beyond this document? An organization's
    ("Northfield" for Northfield College, "Nordville" for its government) does, and stays
    an alias, as a defined acronym does; a surname alone or generic words alone ("the
    University") name nobody elsewhere."""
    if e.type == EntityType.PERSON:
        return False
    return not all(t.startswith("#") for t in core_tokens(e.name))


def join_definitions(entities: Sequence[ExtractedEntity], clusters: list[list[int]],
                     text: str) -> list[list[int]]:
    """Clusters joined where the text defines one name by the other in parentheses:
    "Name (ACR)", "ACR (Name)", "Name (Other name, ACR)". An acronym the document
    defines for two different entities joins neither."""
    by_end: dict[int, list[tuple[int, int]]] = {}  # mention end -> [(entity, mention start)]
    for i, e in enumerate(entities):
        if e.type in ORG_LIKE:
            for m in e.mentions:
                by_end.setdefault(m.end, []).append((i, m.start))

    def before(pos: int, sep: re.Pattern[str]) -> list[tuple[int, int]]:
        found = sep.search(text[max(0, pos - 6):pos])
        return by_end.get(pos - len(found.group(0)), []) if found else []

    defined: dict[int, set[int]] = {}
    twins: list[tuple[int, int]] = []  # "X (Y, ACR)": Y is X in other words
    for j, e in enumerate(entities):
        if e.type not in ORG_LIKE:
            continue
        for m in e.mentions:
            if not _CLOSE.match(text[m.end:m.end + 6]):
                continue
            pairs = list(before(m.start, _OPEN))
            for y, y_start in before(m.start, _SEP):  # "X (Y, M)": M names Y, and X
                if _OPEN.search(text[max(0, y_start - 6):y_start]):
                    outer = before(y_start, _OPEN)
                    pairs += [(y, y_start), *outer]
                    twins += [(x, y) for x, _ in outer if x != y]
            for i, _ in pairs:
                if i != j and _defines(entities[i], entities[j]):
                    acr, name = (i, j) if looks_like_acronym(entities[i].name) else (j, i)
                    defined.setdefault(acr, set()).add(name)
    owner = _owner_map(clusters)
    parent = list(range(len(clusters)))
    held = {k: list(c) for k, c in enumerate(clusters)}  # root -> its members so far

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(a: int, b: int) -> None:
        # never two items of one list ("Acme, Lakeside and Northfield (ALN)")
        if a != b and not any(entities[x].groups & entities[y].groups for x in held[a] for y in held[b]):
            lo, hi = min(a, b), max(a, b)
            parent[hi] = lo
            held[lo] += held.pop(hi)

    for x, y in twins:
        if len(entities[x].name.split()) >= 2 and len(entities[y].name.split()) >= 2:
            join(find(owner[x]), find(owner[y]))
    # an acronym (all its mentions: one cluster) defined for two entities joins neither
    by_cluster: dict[int, set[int]] = {}
    for acr, names in defined.items():
        by_cluster.setdefault(owner[acr], set()).update(names)
    for home, names in sorted(by_cluster.items()):
        homes = {find(owner[n]) for n in names}
        if len(homes) == 1:
            join(find(home), homes.pop())
    out: dict[int, list[int]] = {}
    for k, members in enumerate(clusters):
        out.setdefault(find(k), []).extend(members)
    return [sorted(m) for m in out.values()]


def _defines(a: ExtractedEntity, b: ExtractedEntity) -> bool:
    """One is an acronym and the other a name of two words or more, in any language
    (the text says they are one), and the acronym is no place ("Acme University (UK)")."""
    for short, long in ((a, b), (b, a)):
        # an acronym with more letters than the name has words is some longer name's
        # ("... Partnership at Lakeside Tech (PLTAP)" where only "Lakeside Tech" was found)
        # and one that does not spell the name needs three letters: two are too often a
        # country or a province ("Lakeside University (UK)")
        letters = sum(c.isalpha() for c in short.name)
        spells = acronym_match(short.name, long.name) > 0
        if looks_like_acronym(short.name) and 2 <= len(long.name.split()) \
                and (spells or 3 <= letters <= len(long.name.split()) + 1) \
                and not looks_like_acronym(long.name) \
                and not set(core_tokens(short.name)) & QUALIFIERS:
            return True
    return False
