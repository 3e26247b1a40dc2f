"""Names that carry their kind: programmes, chairs, initiatives, strategies, agreements.

English puts the kind last ("the Northern Builders Program", "the Dairy Health Chair"),
French first, followed by a lowercase complement ("la Chaire de recherche sur les
composites recyclés", "le Programme d'appui à l'export"). Such a name is a Project
candidate (eval/CONVENTIONS.md T1 and T2); the name is claimed whole, so that NER does
not cut the kind off or read the name as a company. What the text says about it (who
leads, funds or takes part) decides whether it stays: a project nothing relates to is
pruned.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from grappe.model import EntityType
from nlp.facts import Cand, Facts
from nlp.lexicon import WORDS as W
from nlp.lexicon import Lexicon
from nlp.rules.context import Context
from nlp.rules.cues import per_language, register
from nlp.rules.shapes import CAP

#: the lexicon labels this family reads (a test holds the code to this list)
CUES = register("headed", "CONTRIB_VERB", "PROJECT_HEAD_FIRST", "PROJECT_HEAD_LAST", "PROJECT_NAME_STOP")

_LOWER_WORD = r"[a-zà-öø-ÿ][\w’'-]*"
_ANY_WORD = r"[\w’'-]+"
#: "(NQBP)" right after the name: its acronym
_ACRONYM = re.compile(r"[ \t]*\((?P<acr>[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ&-]{1,11})\)")


@per_language
def patterns(lex: Lexicon) -> SimpleNamespace:
    """The headed-name patterns of a language, compiled once."""
    # kind last: capitalised words (with "of", "for"… between them) ending with the kind noun
    last = re.compile(rf"(?<![\w’'.-])(?P<name>{CAP}(?:[ \t]+(?:(?:{W.NAME_LINK})[ \t]+)?{CAP}){{0,6}}?"
                      rf"[ \t]+(?:{lex.alt('PROJECT_HEAD_LAST')}))(?![\w’'-])")
    # kind first: the capitalised kind noun, then up to ten words of complement, which end at
    # punctuation, a verb or relative pronoun, or a word followed by "par"/"by" (a participle)
    stop = rf"(?:{W.COMPLEMENT_END}|{W.RELATIVE}|{lex.alt('PROJECT_NAME_STOP')}|{lex.alt('CONTRIB_VERB')})(?![\w’'-])"
    end = (rf"(?=[ \t]*(?:[,.;:()«»\"“”]|$)"
           rf"|[ \t]+(?:{W.AND})[ \t]+(?!{W.COMPLEMENT_LINK})"  # "et" ends it, unless a preposition follows
           rf"|[ \t]+(?!(?:{W.AND})(?![\w’'-])){stop}"
           rf"|[ \t]+{_ANY_WORD}[ \t]+(?:{W.AGENT})(?![\w’'-]))")
    # a complement word: not a verb or relative pronoun, not an elided article before a new
    # name ("l'Université"); "et"/"and" only before a preposition ("sous serres et en milieu…")
    word = (rf"[ \t]+(?:(?:{W.AND})[ \t]+(?=(?:{W.COMPLEMENT_LINK})))?"
            rf"(?!{stop})(?![a-zà-öø-ÿ]['’][A-ZÀ-ÖØ-Þ])"
            rf"(?:{_LOWER_WORD}|{CAP})")
    # after an elided article too: "l'Initiative nordique pour les sols vivants"
    first = re.compile(rf"(?:(?<![\w’'.-])|(?<=\b[lLdD][’']))(?P<name>(?:{lex.alt('PROJECT_HEAD_FIRST')})(?:{word}){{1,10}}?){end}", re.M)
    article = re.compile(rf"^(?:{W.ARTICLE_CAP})[ \t]+")
    kind_word = re.compile(rf"(?:^(?:{W.PROJECT_WORD})[ \t]+|[ \t]+(?:{W.PROJECT_WORD})$)")
    return SimpleNamespace(last=last, first=first, article=article, kind_word=kind_word)


def headed_projects(ctx: Context, facts: Facts) -> None:
    """Every name that carries a programme/chair kind, as a Project candidate with its acronym."""
    text = ctx.text
    px = patterns(ctx.lex)
    found: list[str] = []
    for rx in (px.first, px.last):
        for m in rx.finditer(text):
            raw = m.group("name")
            name = px.article.sub("", raw)
            s = m.start("name") + (len(raw) - len(name))
            e = s + len(name)
            if "\n" in name or re.search(r"\.\s", name) or any(a < e and s < b for a, b in facts.claimed):
                continue
            aliases = []
            # a shorter form of a name read before is that name ("la Chaire de recherche sur les
            # sols" after "la Chaire de recherche industrielle sur les sols")
            longer = next((n for n in found if _shorter_form(name, n)), None)
            if longer is not None:
                aliases.append(name)
                name = longer
            # "the Ocean Watch Project" is "Ocean Watch" later on (a programme keeps its kind)
            bare = px.kind_word.sub("", name)
            if bare != name and len(bare) > 2:
                aliases.append(bare)
            am = _ACRONYM.match(text, e)
            if am:
                aliases.append(am.group("acr"))
            facts.add(Cand(name, EntityType.PROJECT, s, e, aliases=aliases))
            found.append(name)
            facts.claimed.append((s, e))


def _shorter_form(name: str, longer: str) -> bool:
    """``name`` keeps the kind word of ``longer`` and a subsequence of its other words."""
    words, full = name.casefold().split(), longer.casefold().split()
    if len(words) >= len(full) or not (words[0] == full[0] or words[-1] == full[-1]):
        return False
    it = iter(full)
    return all(w in it for w in words)

