"""Name normalisation for resolution: one explicit, French-aware ``fold``.

Everything here is a general rule; the words themselves (function words, legal
forms, corporate generic words, country qualifiers, generic institution words
and their equivalents across French and English) are language data read from
``grappe/lang/`` (:mod:`grappe.vocabulary`), never a list of
particular names. Raw names are kept for display; these functions only build
comparison keys.

* :func:`fold` — the one fold of names (:func:`grappe.text.fold`), the rapidfuzz ``processor``.
* :func:`strip_legal` — drop legal forms wherever they stand ("Société Acme",
  "Acme inc.", "Les Compagnies Acme limitée"), never the whole name.
* :func:`core_tokens` — the language-neutral content tokens of an organization
  name: generic expressions replaced by their concept ("chambre de commerce" =
  "board of trade"), function words dropped, generic institution words mapped to
  one concept each and ordinary vocabulary to English, so "Université de X",
  "University of X" and "X University" share one key.
* :func:`qualifiers` — the country or region words at either end of a name
  ("Acme of Canada", "Canadian Acme"): a name may drop them and stay the same;
  a bare one ("Acme Canada", often a national subsidiary) only between
  partnerships (:func:`is_partnership`: "Acme Canada LLP" = "Acme LLP").
* :func:`parse` — split a surface form into its primary name, a defined alias
  (``Name (ACR)``) or a qualifier (``Unit (Parent)``, ``Name – Parent``).
* :func:`acronym_match` — does a one-word acronym spell a multi-word name
  (initials of words and hyphenated parts, or word prefixes: I-VA-DO, U-de-M,
  U-Laval), function words, legal forms and qualifiers giving a letter or none?
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from grappe.text import fold
from grappe.vocabulary import vocabulary

_VOCAB = vocabulary()

#: Function words ignored in keys (both languages).
STOPWORDS = _VOCAB.function_words
#: Titles before a person's name (folded), French and English.
HONORIFICS = _VOCAB.honorifics
#: "for" / "pour": what follows says what an institution is for.
PURPOSE_WORDS = _VOCAB.purpose_words
#: Legal forms (folded word sequences), dropped wherever they stand.
LEGAL_FORMS = _VOCAB.legal
_LEGAL_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _form in LEGAL_FORMS:
    _LEGAL_BY_FIRST.setdefault(_form[0], []).append(_form)
_LEGAL_WORDS = frozenset(w for form in LEGAL_FORMS for w in form)
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
for _seq, _out in sorted(_VOCAB.phrases.items(), key=lambda p: -len(p[0])):
    _PHRASES_BY_FIRST.setdefault(_seq[0], []).append((_seq, _out))
# a qualifier of several words ("nouveau brunswick") becomes one token
for _seq in _VOCAB.qualifier:
    if len(_seq) > 1:
        _PHRASES_BY_FIRST.setdefault(_seq[0], []).append((_seq, ("".join(_seq),)))
for _first in _PHRASES_BY_FIRST:
    _PHRASES_BY_FIRST[_first].sort(key=lambda p: -len(p[0]))

#: Generic institution words → one language-neutral concept token.
CONCEPTS: dict[str, str] = _VOCAB.concepts
#: Ordinary vocabulary → English (general words, not names).
VOCABULARY: dict[str, str] = _VOCAB.translations

#: Concepts a name may add or drop and stay the same institution
#: ("Université Bishop" = "Bishop", "École polytechnique de X" =
#: "Polytechnique X").
DROPPABLE = frozenset({"#univ", "#school", "#inst", "#coll", "#cegep"})

#: Kinds of organization that describe a name rather than narrow it:
#: "X – Supergrappe canadienne de ..." is X.
DESCRIPTIVE = frozenset({"#cluster", "#supercluster", "#network"})

#: Concepts that name a sub-unit; a qualifier made of these is not a parent.
UNIT_CONCEPTS = frozenset({"#fac", "#dept", "#chair", "#lab", "#ctr", "#researchctr"})


@lru_cache(maxsize=200_000)
def compound_words(name: str) -> frozenset[str]:
    """Folded words that stand inside a hyphenated compound ("Hydro-Acme", "Radio-X"):
    they belong to the name and never read as a legal form or a qualifier."""
    if "-" not in name and "‑" not in name:
        return frozenset()
    out: set[str] = set()
    for chunk in name.replace("‑", "-").split():
        if "-" in chunk.strip("-"):
            parts = fold(chunk).split()
            if len(parts) > 1:
                out.update(parts)
    return frozenset(out)


def _legal_at(tokens: list[str], i: int) -> int:
    """Length of the legal form starting at ``tokens[i]`` (0: none)."""
    for form in _LEGAL_BY_FIRST.get(tokens[i], ()):
        n = len(form)
        if tuple(tokens[i:i + n]) == form:
            return n
    return 0


def strip_legal(tokens: list[str], keep: frozenset[str] = frozenset()) -> list[str]:
    """Drop legal forms wherever they stand (never the whole name, never a word of
    ``keep``): "Société Acme", "Acme inc.", "Les Compagnies Acme limitée"."""
    if not _LEGAL_WORDS.intersection(tokens):
        return list(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        n = _legal_at(tokens, i) if tokens[i] not in keep else 0
        if n:
            i += n
            continue
        out.append(tokens[i])
        i += 1
    if any(t not in STOPWORDS for t in out):
        return out
    # nothing but legal and function words: drop legal forms at the end only ("Société Y SAS")
    out = list(tokens)
    while len(out) > 1:
        for n in range(1, len(out)):
            if _legal_at(out, len(out) - n) == n:
                out = out[:-n]
                break
        else:
            break
    return out


def apply_phrases(tokens: list[str]) -> list[str]:
    """Replace generic expressions of several words by their concept or English form
    ("chambre de commerce" / "board of trade" → ``#chamber``)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for seq, repl in _PHRASES_BY_FIRST.get(tokens[i], ()):
            if tuple(tokens[i:i + len(seq)]) == seq:
                out.extend(repl)
                i += len(seq)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _stem(token: str) -> str:
    if len(token) > 4 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


_LONG_CONCEPT_WORDS = sorted(w for w in CONCEPTS if len(w) >= 7)
#: the English words of the translations: ordinary vocabulary, stemmed like the translations
_ENGLISH_WORDS = frozenset(v for v in VOCABULARY.values() if not v.startswith("#"))


@lru_cache(maxsize=100_000)
def map_token(token: str) -> str:
    translated = VOCABULARY.get(token)
    token = translated or token
    concept = CONCEPTS.get(token)
    if concept:
        return concept
    if translated:
        return _stem(translated)
    if len(token) >= 8 and token[0] in "uic":  # "universté", "institue": a typo in a generic word
        near = process.extractOne(token, _LONG_CONCEPT_WORDS, scorer=Levenshtein.distance,
                                  score_cutoff=1)
        if near is not None:
            return CONCEPTS[near[0]]
    for ending, english in _VOCAB.endings:
        if len(token) >= 7 and token.endswith(ending):  # "laurentienne" = "laurentian"
            return token[:-len(ending)] + english
    if token in _ENGLISH_WORDS:  # "Robotics" as "robotique" translates
        return _stem(token)
    # any other word is a name, not a plural: "Acmes" is not "Acme"
    return token


def _role_tokens(words: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        for t in apply_phrases(fold(w).split()):
            out.add(map_token(t))
    return frozenset(out)


#: Corporate generic words (mapped tokens): the kind of body, "Acme Solutions" is Acme.
CORPORATE = _role_tokens(_VOCAB.corporate)
#: Line-of-business words (mapped tokens): "Acme Railway" may be Acme, but is not
#: "Acme Robotics".
BUSINESS = _role_tokens(_VOCAB.business)
#: Country and region qualifiers (mapped tokens): "Acme Canada" is Acme.
QUALIFIERS = _role_tokens(tuple(" ".join(q) for q in _VOCAB.qualifier))
#: Words an acronym may skip (folded surface words): function words, legal forms,
#: corporate and line-of-business words and qualifiers.
OPTIONAL_IN_ACRONYMS = STOPWORDS | _LEGAL_WORDS | frozenset(
    w for q in _VOCAB.qualifier for w in q) | frozenset(
    fold(w) for w in (*_VOCAB.corporate, *_VOCAB.business))


@lru_cache(maxsize=200_000)
def _mapped(name: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """Content tokens of an organization name, the qualifiers among them, and the
    *bare* ones (a country word beside a brand, "Acme Canada", as opposed to "Acme
    of Canada" or "Canadian Acme")."""
    keep = compound_words(name)
    words = apply_phrases(strip_legal(fold(name).split(), keep))
    seq: list[tuple[str, bool]] = []  # (token, attached to the name by a function word or as an adjective)
    after_function_word = False
    for t in words:
        if t in STOPWORDS:
            after_function_word = True
            continue
        m = map_token(t)
        seq.append((m, after_function_word or (m != t and m in QUALIFIERS)))
        after_function_word = False
    if not seq:
        return tuple(words), frozenset(), frozenset()
    tokens = tuple(m for m, _ in seq)
    # qualifiers only at either end, outside compounds ("Université du Québec à X" keeps it)
    qual: set[str] = set()
    bare: set[str] = set()
    lo, hi = 0, len(seq) - 1
    while lo <= hi and seq[lo][0] in QUALIFIERS and seq[lo][0] not in keep:
        qual.add(seq[lo][0])
        if not seq[lo][1]:
            bare.add(seq[lo][0])
        lo += 1
    while hi >= lo and seq[hi][0] in QUALIFIERS and seq[hi][0] not in keep:
        qual.add(seq[hi][0])
        if not seq[hi][1]:
            bare.add(seq[hi][0])
        hi -= 1
    if not any(not t.startswith("#") for t in tokens[lo:hi + 1]):
        return tokens, frozenset(), frozenset()  # "Université du Québec": the place is the name
    return tokens, frozenset(qual), frozenset(bare)


@lru_cache(maxsize=200_000)
def core_tokens(name: str, person: bool = False) -> tuple[str, ...]:
    """Content tokens of ``name`` in document order (legal form, stop words dropped)."""
    if person:
        tokens = strip_legal(fold(name).split())
        # titles are not names: "M. Jean Lapointe" is "Jean Lapointe", "M. Tremblay" is a Tremblay
        while len(tokens) > 1 and tokens[0] in HONORIFICS:
            tokens = tokens[1:]
        return tuple(tokens)
    return _mapped(name)[0]


def qualifiers(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """Country or region qualifiers at either end of an organization name, and the
    bare ones among them."""
    _, qual, bare = _mapped(name)
    return qual, bare


_PARTNERSHIP_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _form in _VOCAB.partnership:
    _PARTNERSHIP_BY_FIRST.setdefault(_form[0], []).append(_form)


@lru_cache(maxsize=200_000)
def is_partnership(name: str) -> bool:
    """Does ``name`` carry the legal form of a partnership (LLP, S.E.N.C.R.L.)?"""
    words = fold(name).split()
    return any(tuple(words[i:i + len(f)]) == f
               for i, w in enumerate(words) for f in _PARTNERSHIP_BY_FIRST.get(w, ()))


@lru_cache(maxsize=200_000)
def purpose_head(name: str) -> str:
    """The part of a name before what the institution is for ("Institut X pour
    l'IA" → "Institut X"), or "" when there is none."""
    words = fold(name).split()
    for i, w in enumerate(words[1:], 1):
        if w in PURPOSE_WORDS:
            return " ".join(words[:i])
    return ""


def _is_field_word(word: str) -> bool:
    return word in STOPWORDS or word in VOCABULARY or word in _ENGLISH_WORDS or \
        _stem(word) in _ENGLISH_WORDS


@lru_cache(maxsize=200_000)
def field_head(name: str) -> str:
    """The part of a name before the field it works in ("Institut Acme de recherches
    médicales" → "Institut Acme", "Acme Institute of Medical Research" → "Acme
    Institute"): a function word followed only by ordinary vocabulary of the language
    data, after a head with a word that is not. "" when there is none."""
    words = fold(name).split()
    for i, w in enumerate(words[1:], 1):
        if w in STOPWORDS and any(t not in STOPWORDS for t in words[i:]) \
                and all(_is_field_word(t) for t in words[i:]) \
                and not all(_is_field_word(t) or t in CONCEPTS for t in words[:i]):
            return " ".join(words[:i])
    return ""


def key_of(tokens: tuple[str, ...] | list[str]) -> str:
    """Order-free key of a token sequence ("Université Bishop" = "Bishop University")."""
    return " ".join(sorted(tokens))


def name_key(name: str, person: bool = False) -> str:
    return key_of(core_tokens(name, person))


# --------------------------------------------------------------------------- acronyms

_ACRO_SHAPE = re.compile(r"^[^\W\d_][\w.&'’-]{1,11}$")


_LOWER_INITIAL = re.compile(r"^[^\W\d_A-Z]{1,2}[A-ZÀ-Þ][^\W\d_]{2,}$")


def looks_like_acronym(raw: str) -> bool:
    """One word with at least two capitals (UQAM, UdeM, ULaval, ÉTS, HEC), or a
    lowercase initial before a capitalised word (uNordville)."""
    raw = raw.strip()
    if " " in raw or not _ACRO_SHAPE.match(raw):
        return False
    letters = [c for c in raw if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return (upper >= 2 and len(letters) <= 10) or bool(_LOWER_INITIAL.match(raw))


@lru_cache(maxsize=200_000)
def _words_for_acronym(name: str) -> list[str]:
    return [w for w in fold(name).split() if w]


@lru_cache(maxsize=100_000)
def acronym_match(acronym: str, name: str) -> int:
    """0: no; 1: ``acronym`` spells ``name`` from word prefixes; 2: and it contains a
    whole content word of four letters or more (UOttawa for Université d'Ottawa).

    Every content word must give at least its first letter; function words may give
    nothing, and so may legal forms, corporate words and qualifiers at the end of the
    name. Hyphenated parts are words. Needs a name of two content words or more.
    """
    words = _words_for_acronym(name)
    level = _acronym_walk(fold(acronym).replace(" ", ""), words)
    # "Ottawa University" is spelt like "Université Ottawa": generic words first
    front = [w for w in words if CONCEPTS.get(w) in DROPPABLE]
    if level == 0 and front and words[0] not in front:
        level = _acronym_walk(fold(acronym).replace(" ", ""),
                              front + [w for w in words if w not in front])
    reverse = _reversed_phrase(words)
    if level == 0 and reverse and len(acronym) >= 3:
        # the other language's acronym: "Agence spatiale nordique" is "Nordic Space Agency"
        level = min(_acronym_walk(fold(acronym).replace(" ", ""), reverse), 1)
    if level == 0:
        # the acronym of the name alone, without what it is for or its field:
        # "Agence Acme pour le Nord" is AA (initials only: a candidate)
        for head in _heads(name):
            level = max(level, min(_acronym_walk(fold(acronym).replace(" ", ""), head.split()), 1))
    return level


def _heads(name: str) -> tuple[str, ...]:
    return tuple(h for h in (purpose_head(name), field_head(name)) if h)


def _reversed_phrase(words: list[str]) -> list[str]:
    """A French noun followed by its adjectives ("Agence spatiale nordique") reads in
    the reverse order in English ("Nordic Space Agency"), so its English acronym spells
    the words backwards. Only a phrase of three words or more with no function word
    (one with "de" does not simply reverse: "Institut de ..."). Empty when none."""
    if len(words) < 3 or any(w in STOPWORDS for w in words):
        return []
    return words[::-1]


def _acronym_walk(acr: str, words: list[str]) -> int:
    content = [w for w in words if w not in STOPWORDS]
    if len(acr) < 2 or len(content) < 2 or not acr.isalpha():
        return 0
    n_acr, n_words = len(acr), len(words)
    memo: dict[tuple[int, int], int] = {}
    # legal forms, corporate words and qualifiers may be left out only at the end
    # ("National Research X Canada" = NRX; "Canadian National X" is never NX)
    tail = n_words
    while tail > 0 and words[tail - 1] in OPTIONAL_IN_ACRONYMS:
        tail -= 1

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
        if word in STOPWORDS or (j >= tail and word in OPTIONAL_IN_ACRONYMS):
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


@lru_cache(maxsize=200_000)
def initials(name: str) -> frozenset[str]:
    """Blocking keys for acronyms: the initials of the name's words, each word an
    acronym may skip (function words, legal forms, qualifiers...) in or out."""
    words = _words_for_acronym(name)
    content = [w for w in words if w not in STOPWORDS]
    if len(content) < 2:
        return frozenset()
    optional = [i for i, w in enumerate(words) if w in OPTIONAL_IN_ACRONYMS]
    base = [0]
    if len(optional) > MAX_OPTIONAL_WORDS:
        # too many to try every way: function words all out or all in, the others tried
        functional = [i for i in optional if words[i] in STOPWORDS]
        optional = [i for i in optional if words[i] not in STOPWORDS][:MAX_OPTIONAL_WORDS]
        base.append(sum(1 << i for i in functional))
    first = [w[0] for w in words]
    # "UdeM": a short function word may give all its letters; so may a short word written
    # in capitals, itself an acronym ("UKRA" for "UK Research Agency")
    caps = {fold(w) for w in name.split() if w.isalpha() and w.isupper() and 2 <= len(w) <= 4}
    whole = [w if (w in STOPWORDS and len(w) <= 3) or w in caps else w[0] for w in words]
    out: set[str] = set()
    for fixed in base:
        for mask in range(1 << len(optional)):
            skip = fixed | sum(1 << optional[b] for b in range(len(optional)) if mask >> b & 1)
            kept = [i for i in range(len(words)) if not skip >> i & 1]
            if len(kept) >= 2:
                out.add("".join(first[i] for i in kept))
                out.add("".join(whole[i] for i in kept))
    reverse = _reversed_phrase(words)
    if reverse:
        out.add("".join(w[0] for w in reverse))  # the other language's acronym
    for head in _heads(name):  # the name without what it is for
        out.update(initials(head))
    return frozenset(out)


#: words an acronym may skip that are tried both ways in blocking keys (2^n keys)
MAX_OPTIONAL_WORDS = 4


# --------------------------------------------------------------------------- parsing

_PAREN = re.compile(r"^(?P<main>.*?\S)\s*[(\[](?P<inner>[^()\[\]]+)[)\]]\s*$")
#: a stock ticker in parentheses ("(TSX: ABC)", "(T.ABC)", "(NYSE : X)"): not part of the name
_TICKER = re.compile(r"^(?:[A-Z]{1,6}\s*[:.]\s*)+[A-Z]{1,6}(?:\.[A-Z]{1,2})?$|^[A-Z]{1,6}\s*:\s*[A-Z]{1,6}(?:\s*,\s*[A-Z]{1,6}\s*:\s*[A-Z]{1,6})*$")
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
    return acronym_match(short, long) > 0 or (looks_like_acronym(short) and (
        loose_acronym(short, long) or _leading_initials(short, long)))


def _leading_initials(acronym: str, name: str) -> bool:
    """An acronym in capitals made of the initials of the name's first words, the rest
    left out ("Acme Northern Railway Company (AN)")."""
    acr = fold(acronym).replace(" ", "")
    words = [w for w in _words_for_acronym(name) if w not in STOPWORDS]
    return acronym.isupper() and 2 <= len(acr) < len(words) and \
        acr == "".join(w[0] for w in words[:len(acr)])


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
    m = _PAREN.match(text)
    if m and _TICKER.match(m.group("inner").strip()):
        text = m.group("main").strip()
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
        if set(core_tokens(inner)) <= QUALIFIERS:
            whole = f"{main} {inner}"  # "Acme (Canada)": the country is part of the name
            return ParsedName(text, whole, (), None, (whole,))
        return ParsedName(text, main, (), inner, (main,))
    return ParsedName(text, text, (), None, (text,))


def qualifier_is_parent(qualifier: str) -> bool:
    """Only a qualifier that names an institution (a university, school,
    institute, college) is a parent the bare name may drop: "LABX (Université
    Y)" = "LABX". A place, a field ("Fonds X – Santé") or a sub-unit
    ("Université X – Faculté de Y") makes the name more specific instead."""
    if _is_acronym_in_capitals(qualifier):
        return True  # "Name (ACRO)": its own acronym or its parent's; either way the same thing
    tokens = set(core_tokens(qualifier))
    return bool(tokens & (DROPPABLE | DESCRIPTIVE)) and not tokens & UNIT_CONCEPTS


def _is_acronym_in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return looks_like_acronym(text) and all(c.isupper() for c in letters)


_DIGIT = re.compile(r"\d")
_NO_DIGITS: frozenset[str] = frozenset()


def digits(tokens: tuple[str, ...] | list[str]) -> frozenset[str]:
    if not _DIGIT.search(" ".join(tokens)):
        return _NO_DIGITS
    return frozenset(t for t in tokens if _DIGIT.search(t))
