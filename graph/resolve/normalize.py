"""Name normalisation for resolution, over the one French-aware ``fold`` of :mod:`grappe.text`.

Everything here is a general language rule (accents, elisions, legal forms,
articles, generic institution words in French and English), never a list of
particular names. Raw names are kept for display; these functions only build
comparison keys.

* :func:`fold` — the one fold of names (:func:`grappe.text.fold`), the rapidfuzz ``processor``.
* :func:`strip_legal` — drop trailing legal-form suffixes (inc, ltée, SA, SAS…).
* :func:`core_tokens` — the language-neutral content tokens of an
  organization name: stop words and articles dropped, generic institution words
  mapped to one concept each (``université``/``university`` → ``#univ``) and
  common institutional vocabulary mapped French → English, so "Université de
  X", "University of X" and "X University" share one key.
* :func:`parse` — split a surface form into its primary name, a defined alias
  (``Name (ACR)``) or a qualifier (``Unit (Parent)``, ``Name – Parent``).
* :func:`acronym_match` — does a one-word acronym spell a multi-word name
  (initials, or word prefixes: I-VA-DO, U-de-M, U-Laval)?
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from grappe.text import LEGAL_FORMS, fold

#: Legal-form suffixes (folded token sequences), stripped from the end of a name.
LEGAL_SUFFIXES: tuple[tuple[str, ...], ...] = LEGAL_FORMS
_LEGAL_ANYWHERE = frozenset({"corporation"})
_LEGAL_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _suffix in sorted(LEGAL_SUFFIXES, key=len, reverse=True):
    _LEGAL_BY_LAST.setdefault(_suffix[-1], []).append(_suffix)

#: Articles, prepositions and conjunctions ignored in keys (both languages).
STOPWORDS = frozenset(
    "de du des d of the le la les l a au aux et and for pour en in at sur on un une by par "
    "dans with avec y".split()
)

#: Titles before a person's name (folded), French and English.
HONORIFICS = frozenset("m mme mmes mlle mr mrs ms dr dre pr pre prof me sir dame".split())

#: Generic institution words → one language-neutral concept token.
CONCEPTS: dict[str, str] = {
    "universite": "#univ", "university": "#univ", "univ": "#univ", "universitat": "#univ",
    "ecole": "#school", "school": "#school",
    "institut": "#inst", "institute": "#inst",
    "college": "#coll", "cegep": "#cegep",
    "centre": "#ctr", "center": "#ctr",
    "fondation": "#fdn", "foundation": "#fdn",
    "laboratoire": "#lab", "laboratoires": "#lab", "laboratory": "#lab", "laboratories": "#lab",
    "lab": "#lab", "labs": "#lab", "labo": "#lab",
    "hopital": "#hosp", "hospital": "#hosp",
    "faculte": "#fac", "faculty": "#fac",
    "departement": "#dept", "department": "#dept",
    "chaire": "#chair", "chair": "#chair",
    "gouvernement": "#gov", "government": "#gov",
    "ministere": "#min", "ministry": "#min",
    "conseil": "#council", "council": "#council",
    "agence": "#agency", "agency": "#agency",
    "banque": "#bank", "bank": "#bank",
    "societe": "#society", "society": "#society",
    "reseau": "#network", "network": "#network",
    "grappe": "#cluster", "cluster": "#cluster", "supergrappe": "#supercluster",
    "supercluster": "#supercluster",
    "association": "#assoc",
    "groupe": "#group", "group": "#group",
}

#: Common institutional vocabulary, French → English (ordinary words, not names).
VOCABULARY: dict[str, str] = {
    "recherche": "research", "technologie": "technology", "technologies": "technology",
    "technologique": "technology", "donnees": "data", "sante": "health",
    "artificielle": "artificial", "apprentissage": "learning", "nationale": "national",
    "nationaux": "national", "canadien": "canadian", "canadienne": "canadian",
    "quebecois": "quebec", "quebecoise": "quebec", "internationale": "international",
    "genie": "engineering", "ingenierie": "engineering", "sciences": "science",
    "economique": "economic", "developpement": "development", "industrie": "industry",
    "industriel": "industrial", "industrielle": "industrial", "numerique": "digital",
    "avancee": "advanced", "avancees": "advanced", "avance": "advanced", "etudes": "studies",
    "polytechnic": "polytechnique", "ville": "city", "mondial": "world", "mondiale": "world",
    "energie": "energy", "medecine": "medicine", "affaires": "business", "vecteur": "vector",
    "innovations": "innovation", "aerospatiale": "aerospace", "aerospatial": "aerospace",
    "calcul": "computing", "informatique": "computing", "mathematiques": "mathematics",
    "operationnelle": "operational", "chambre": "chamber", "fonds": "fund",
    "royale": "royal", "colombie": "columbia", "britannique": "british",
    "st": "saint", "ste": "sainte", "ia": "ai", "nouveau": "new", "nouvelle": "new", "nouvel": "new", "optique": "optics",
    "neurologique": "neurological", "cardiologie": "cardiology", "spatiale": "space",
    "spatial": "space", "exportation": "export", "financiere": "financial",
    "financier": "financial", "cybernetique": "cybernetics", "recherches": "research",
    "medicale": "medical", "medicales": "medical", "medical": "medical",
    "universitaire": "#univ", "biologie": "biology", "chimie": "chemistry",
    "physique": "physics", "robotique": "robotics", "securite": "security",
    "assurance": "insurance", "assurances": "insurance", "transports": "transport",
    "environnement": "environment", "agriculture": "agriculture", "alimentaire": "food",
    "strategique": "strategic", "scientifique": "scientific", "appliquee": "applied",
    "appliquees": "applied", "ouverte": "open", "publique": "public", "public": "public",
    "conseils": "#council", "metropolitain": "metropolitan", "metropolitaine": "metropolitan",
    "compagnie": "#company", "compagnies": "#company", "company": "#company",
    "companies": "#company", "services": "service", "solutions": "solution", "systemes": "system", "systems": "system",
    "systeme": "system", "logiciels": "software", "logiciel": "software",
}

#: Concepts a name may add or drop and stay the same institution
#: ("Université Bishop" = "Bishop", "École polytechnique de X" =
#: "Polytechnique X").
DROPPABLE = frozenset({"#univ", "#school", "#inst", "#coll", "#cegep"})

#: Kinds of organization that describe a name rather than narrow it:
#: "X – Supergrappe canadienne de ..." is X.
DESCRIPTIVE = frozenset({"#cluster", "#supercluster", "#network"})

#: "Groupe X" / "X Group" is, as a rule, the company X itself.
CORPORATE_DROPPABLE = frozenset({"#group"})

#: Weak corporate descriptors: an extra one neither proves nor refutes identity.
WEAK_DESCRIPTORS = frozenset({"technology", "solution", "system", "software", "service"})

#: Concepts that name a sub-unit; a qualifier made of these is not a parent.
UNIT_CONCEPTS = frozenset({"#fac", "#dept", "#chair", "#lab", "#ctr"})


def strip_legal(tokens: list[str]) -> list[str]:
    """Drop legal-form suffixes from the end of folded tokens (never the whole name),
    and "corporation" anywhere after the first word (French order: "X Corporation
    financière")."""
    out = list(tokens)
    if _LEGAL_ANYWHERE.intersection(out[1:]):
        out = out[:1] + [t for t in out[1:] if t not in _LEGAL_ANYWHERE]
    while len(out) > 1:
        for suffix in _LEGAL_BY_LAST.get(out[-1], ()):
            n = len(suffix)
            if len(out) > n and tuple(out[-n:]) == suffix:
                out = out[:-n]
                break
        else:
            break
    return out


def _stem(token: str) -> str:
    if len(token) > 4 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


_LONG_CONCEPT_WORDS = sorted(w for w in CONCEPTS if len(w) >= 7)


@lru_cache(maxsize=100_000)
def map_token(token: str) -> str:
    token = VOCABULARY.get(token, token)
    concept = CONCEPTS.get(token)
    if concept:
        return concept
    if len(token) >= 8 and token[0] in "uic":  # "universté", "institue": a typo in a generic word
        near = process.extractOne(token, _LONG_CONCEPT_WORDS, scorer=Levenshtein.distance,
                                  score_cutoff=1)
        if near is not None:
            return CONCEPTS[near[0]]
    return _stem(token)


@lru_cache(maxsize=200_000)
def core_tokens(name: str, person: bool = False) -> tuple[str, ...]:
    """Content tokens of ``name`` in document order (legal form, stop words dropped)."""
    tokens = strip_legal(fold(name).split())
    if person:
        # titles are not names: "M. Jean Lapointe" is "Jean Lapointe", "M. Tremblay" is a Tremblay
        while len(tokens) > 1 and tokens[0] in HONORIFICS:
            tokens = tokens[1:]
        return tuple(tokens)
    out = [map_token(t) for t in tokens if t not in STOPWORDS]
    return tuple(out) if out else tuple(tokens)


def key_of(tokens: tuple[str, ...] | list[str]) -> str:
    """Order-free key of a token sequence ("Université Bishop" = "Bishop University")."""
    return " ".join(sorted(tokens))


def name_key(name: str, person: bool = False) -> str:
    return key_of(core_tokens(name, person))


# --------------------------------------------------------------------------- acronyms

_ACRO_SHAPE = re.compile(r"^[^\W\d_][\w.&'’-]{1,11}$")


def looks_like_acronym(raw: str) -> bool:
    """One word with at least two capitals (UQAM, UdeM, ULaval, ÉTS, HEC)."""
    raw = raw.strip()
    if " " in raw or not _ACRO_SHAPE.match(raw):
        return False
    letters = [c for c in raw if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and len(letters) <= 10


@lru_cache(maxsize=200_000)
def _words_for_acronym(name: str) -> list[str]:
    return [w for w in strip_legal(fold(name).split()) if w]


@lru_cache(maxsize=100_000)
def acronym_match(acronym: str, name: str) -> int:
    """0: no; 1: ``acronym`` spells ``name`` from word prefixes; 2: and it contains a
    whole content word of four letters or more (UOttawa for Université d'Ottawa).

    Every content word must give at least its first letter; stop words may give
    nothing. Needs a name of two content words or more.
    """
    words = _words_for_acronym(name)
    level = _acronym_walk(fold(acronym).replace(" ", ""), words)
    # "Ottawa University" is spelt like "Université Ottawa": generic words first
    front = [w for w in words if CONCEPTS.get(w) in DROPPABLE]
    if level == 0 and front and words[0] not in front:
        level = _acronym_walk(fold(acronym).replace(" ", ""),
                              front + [w for w in words if w not in front])
    return level


def _acronym_walk(acr: str, words: list[str]) -> int:
    content = [w for w in words if w not in STOPWORDS]
    if len(acr) < 2 or len(content) < 2 or not acr.isalpha():
        return 0
    n_acr, n_words = len(acr), len(words)
    memo: dict[tuple[int, int], int] = {}

    def walk(i: int, j: int) -> int:
        # -1: impossible; else 1 or 2 (2 if a whole long content word was used)
        if (i, j) in memo:
            return memo[(i, j)]
        if j == n_words:
            result = 1 if i == n_acr else -1
            memo[(i, j)] = result
            return result
        word = words[j]
        result = -1
        if word in STOPWORDS:
            result = max(result, walk(i, j + 1))
        for k in range(1, min(len(word), n_acr - i) + 1):
            if acr[i:i + k] != word[:k]:
                break
            sub = walk(i + k, j + 1)
            if sub > 0:
                whole = k == len(word) and k >= 4 and word not in STOPWORDS
                result = max(result, 2 if whole else sub)
        memo[(i, j)] = result
        return result

    return max(walk(0, 0), 0)


def initials(name: str) -> set[str]:
    """Blocking keys for acronyms: initials of all words and of content words."""
    words = _words_for_acronym(name)
    content = [w for w in words if w not in STOPWORDS]
    if len(content) < 2:
        return set()
    return {"".join(w[0] for w in words), "".join(w[0] for w in content)}


# --------------------------------------------------------------------------- parsing

_PAREN = re.compile(r"^(?P<main>.*?\S)\s*[(\[](?P<inner>[^()\[\]]+)[)\]]\s*$")
_DASH = re.compile(r"^(?P<main>.*?\S)\s+[-–—]\s+(?P<inner>\S.*)$")
_LEADING_ACR = re.compile(r"^(?P<main>[^\W\d_][\w.&'’-]{1,11})\s*[:,]\s+(?P<inner>\S.*)$")


@dataclass(frozen=True)
class ParsedName:
    """A surface form split into its parts."""

    raw: str
    primary: str  # the name proper, e.g. "LABX" in "LABX (Université Y)"
    aliases: tuple[str, ...] = ()  # defined in the form itself: "Name (ACR)"
    qualifier: str | None = None  # parent or place: "(Université Y)"
    names: tuple[str, ...] = field(default=())  # primary + aliases


def _is_definition(short: str, long: str) -> bool:
    short = short.strip()
    if " " in short:
        return False
    return acronym_match(short, long) > 0 or (looks_like_acronym(short) and loose_acronym(short, long))


def loose_acronym(acronym: str, name: str) -> bool:
    """An acronym written beside a name that it only roughly spells (IREQ for
    "Institut de recherche d'Hydro-Québec"): same first letter, its letters in
    order inside the name, and at least two thirds of them word initials."""
    acr = fold(acronym).replace(" ", "")
    words = [w for w in _words_for_acronym(name) if w not in STOPWORDS]
    if len(acr) < 3 or len(words) < 2 or not acr.isalpha() or acr[0] != words[0][0]:
        return False
    initials_hit, i = 0, 0
    for w in words:
        pos = 0
        while i < len(acr) and pos < len(w):
            found = w.find(acr[i], pos)
            if found < 0:
                break
            initials_hit += found == 0
            pos, i = found + 1, i + 1
            if found == 0 and i < len(acr) and acr[i] not in w[1:]:
                break
    return i == len(acr) and initials_hit * 3 >= 2 * len(acr)


@lru_cache(maxsize=200_000)
def parse(raw: str) -> ParsedName:
    """``Name (ACR)`` / ``ACR (Name)`` / ``Name – ACR`` define an alias; any other
    ``X (Y)`` or ``X – Y`` reads Y as a qualifier (a parent, a place)."""
    text = " ".join(raw.split())
    for pattern in (_PAREN, _DASH, _LEADING_ACR):
        m = pattern.match(text)
        if not m:
            continue
        main, inner = m.group("main").strip(" ,;:-–—"), m.group("inner").strip(" ,;:-–—")
        if not main or not inner or not fold(main) or not fold(inner):
            continue
        if _is_definition(inner, main) or _is_definition(main, inner):
            return ParsedName(text, main, (inner,), None, (main, inner))
        if pattern is _LEADING_ACR:
            continue
        return ParsedName(text, main, (), inner, (main,))
    return ParsedName(text, text, (), None, (text,))


def qualifier_is_parent(qualifier: str) -> bool:
    """Only a qualifier that names an institution (a university, school,
    institute, college) is a parent the bare name may drop: "LABX (Université
    Y)" = "LABX". A place, a field ("Fonds X – Santé") or a sub-unit
    ("Université X – Faculté de Y") makes the name more specific instead."""
    tokens = set(core_tokens(qualifier))
    return bool(tokens & (DROPPABLE | DESCRIPTIVE)) and not tokens & UNIT_CONCEPTS


_DIGIT = re.compile(r"\d")
_NO_DIGITS: frozenset[str] = frozenset()


def digits(tokens: tuple[str, ...] | list[str]) -> frozenset[str]:
    if not _DIGIT.search(" ".join(tokens)):
        return _NO_DIGITS
    return frozenset(t for t in tokens if _DIGIT.search(t))
