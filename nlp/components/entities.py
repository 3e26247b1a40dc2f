"""``grappe_entities_v1``: NER spans -> typed candidates, with lexical fixes.

NER labels are corrected with lexical evidence: institution cues (Université,
Cégep, École...) make a University, a known first name makes a Person, an
apposition ("X, une entreprise ontarienne") or a coordination with an
organization ("Vireo et X") makes an Organization of a place/misc span. Spans
claimed by a rule layer (project titles, list items) are left to the rule.
Generic words, headings and document furniture are dropped.
"""

from __future__ import annotations

import re

from spacy.language import Language

from grappe.model import EntityType
from nlp.components.base import RuleComponent
from nlp.facts import NER, Cand, facts_of
from nlp.lexicon import WORDS as W
from nlp.rules import DATELINE, EXEC_TITLE, LEGAL_FORM_RX, PERSON_TITLE, cut_lower_tail, is_acronym_of
from nlp.textutil import drop_trailing_particles, looks_like_person, squash, type_cue

_LEAD = re.compile(rf"^(?:{W.LEAD_ARTICLE})")
_TRAIL = re.compile(r"[\s.,;:!?»«\"'’)(\-–—]+$")
_COORD = re.compile(rf"\s+(?:{W.AND_FR})\s+(?:{W.COORD_LINK})?|\s*,\s*(?:{W.COORD_DE})")
_CAPW = r"[A-ZÀ-ÖØ-Þ][\w’'&.+-]*"
_RUN = re.compile(rf"{_CAPW}(?:[ \t]+(?:(?:{W.NAME_LINK})[ \t]+)?{_CAPW}){{1,6}}")
_HEAD = re.compile(r"^[\s«\"'’(\-–—→•·]+")


_LABELS = ("TOTAL_FIELD", "FUNDER_FIELD", "BOARD_HEADER", "PARTNER_FIELD", "LEAD_FIELD", "STATUS_FIELD",
           "PROJECT_TEAM_HEADER")
_PIPE = re.compile(r"\s*\|\s*|(?<=[a-zà-ÿ]{3})\.\s+(?=[A-ZÀ-ÖØ-Þ])")
_COMMA = re.compile(rf"\s*,\s+(?=[A-ZÀ-ÖØ-Þ])(?!(?:{W.ABBREV_AFTER_COMMA})\b)")
_AND = re.compile(rf"\s+(?:{W.AND_AMP})\s+(?:l['’])?(?=[A-ZÀ-ÖØ-Þ])")
_OPEN_PAREN = re.compile(r"\s*\([^)]*$")
#: verbs, auxiliaries and connectives that end a name ("Acme Robotics is", "Acme et")
_TAIL_WORD = re.compile(
    rf"(?:\s+(?:{W.TAIL_WORD}))+\s*$")
#: "Long name (ACR)": the name is the words before the parenthesis whose initials make ACR
_ACR_PAREN = re.compile(r"\((?P<acr>[A-ZÀ-ÖØ-Þ][\w.&-]{1,15})\)")
#: the words after "(ACR)" that may continue the name: capitalised (or a number), a lowercase
#: programme noun last ("(ACR) Water Network", "(ACR) 4.0", "(ACR) program")
_ACR_TAIL = re.compile(r"[ \t]+(?P<tail>[A-ZÀ-ÖØ-Þ0-9][\w’'&-]*(?:\.\d+)*(?:[ \t]+[A-ZÀ-ÖØ-Þ0-9][\w’'&-]*(?:\.\d+)*){0,3}"
                       r"(?:[ \t]+[a-z]+)?)")
_PROGRAM_AFTER = re.compile(rf"(?:\s+(?:{W.AND_AMP})\s+[A-ZÀ-ÖØ-Þ][\w-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w-]*)*)?\s+(?:{W.PROGRAM})\b")
_POSS_INST = re.compile(r"['’]s\s+(?P<head>[A-ZÀ-ÖØ-Þ]\w+)(?!\w)")
_LEAD_THE = re.compile(rf"^(?:{W.ARTICLE_CAP})\s*(?=[A-ZÀ-ÖØ-Þ])")


def _name_head(lex) -> re.Pattern:
    """A name that opens with the kind of body it is ("Institut", "Fédération", "Office")."""
    return lex.memo("name_head", lambda lx: re.compile(
        "^(?:" + "|".join(lx.alt(label) for label in ("INSTITUTION_HEAD", "HEAD_WITH_COMPLEMENT", "ASSOCIATION_CUE"))
        + r")\s"))


def _pieces(text: str, s: int, e: int, label: str, lex) -> list[tuple[int, int]]:
    """Span hygiene for an NER span: table pipes, coordinations ("Acme, Bolt",
    "Acme University and Bolt Labs"), an unclosed parenthesis, a trailing verb
    ("Acme Robotics is"), a leading article before an institution, and a lowercase
    tail after the name ("Université Acme autour d'un projet")."""
    hy = re.search(r"[\w’']+-$", text[max(0, s - 40):s])
    if hy and text[s:s + 1].isupper():  # "Marie-|Ève Roy": NER cut a hyphenated first name
        s -= len(hy.group())
    if label in ("PER", "PERSON"):
        return [(s, e)]
    if re.search(r"[A-ZÀ-ÖØ-Þ][\w.-]*['’]s\s+$", text[max(0, s - 40):s]):
        return []  # "Acme University's Department of Design": a unit of the organization named before
    e -= len(re.search(r"(?:['’]s)?$", text[s:e]).group())
    inst = _POSS_INST.match(text, e)
    if inst and lex.rx("UNIV_CUE", r"^{}$").match(inst.group("head")):
        e = inst.end()  # "Bishop| 's University": NER stopped at the possessive of the name
    spans = [(s, e)]
    for rx, cond in ((_PIPE, None), (_COMMA, None), (_AND, "cue")):
        out = []
        for a, b in spans:
            raw = text[a:b]
            cuts = [m for m in rx.finditer(raw)]
            if cond == "cue" and cuts:
                ok = []
                for m in cuts:
                    left, right = raw[:m.start()], raw[m.end():]
                    if len(left.split()) and right[:1].isupper() and (
                            type_cue(left, lex) != (EntityType.ORGANIZATION, None)
                            or type_cue(right, lex) != (EntityType.ORGANIZATION, None)):
                        if not re.search(rf"(?i)(?:^|\s)(?:{W.OF_FOR})\s+\S+$", left) or \
                                type_cue(right, lex)[0] == EntityType.UNIVERSITY:
                            ok.append(m)
                cuts = ok
            pos = 0
            for m in cuts:
                out.append((a + pos, a + m.start()))
                pos = m.end()
            out.append((a + pos, b))
        spans = [(a, b) for a, b in out if b > a]
    res = []
    role_at = re.compile(rf"^.*\s(?:{W.AT_SHORT})\s+(?=[A-ZÀ-ÖØ-Þ])")
    for a, b in spans:
        raw = re.split(r"\n[ \t]*\n|\n(?=[ \t]*[«\"“(•·–—-])", text[a:b])[0]
        m = role_at.match(raw)
        if m:  # "Director of Logistics at Acme": a role phrase, the organization follows "at"
            a += m.end()
            raw = raw[m.end():]
        m = _OPEN_PAREN.search(raw)
        if m and m.start() > 0:
            raw = raw[:m.start()]
        m = _TAIL_WORD.search(raw)
        if m and m.start() > 0:
            raw = raw[:m.start()]
        m = re.search(r"['’]s\s+[A-ZÀ-ÖØ-Þ]", raw)
        if m and type_cue(raw[:m.start()], lex) != (EntityType.ORGANIZATION, None):
            raw = raw[:m.start()]  # "Acme University's School of Design": the university
        m = _LEAD_THE.match(raw)
        if m and (type_cue(raw[m.end():], lex)[0] == EntityType.UNIVERSITY or _name_head(lex).match(raw[m.end():])):
            a += m.end()
            raw = raw[m.end():]
        m = lex.rx("NAME_LEAD_NOUN", r"^(?:{})\s+(?=[A-ZÀ-ÖØ-Þ])").match(raw)
        if m:  # "groupe Arvalis": the group is Arvalis
            a += m.end()
            raw = raw[m.end():]
        pm = _PLACE_POSS.match(raw)
        if pm and type_cue(pm.group(1), lex) == (EntityType.ORGANIZATION, None) and lex.rx(
                "HEAD_WITH_COMPLEMENT", r"^{}\s").match(raw[pm.end():]):
            a += pm.end()  # "Montréal's Institut Lumen": the institute
            raw = raw[pm.end():]
        raw = cut_lower_tail(raw, lex)
        raw = drop_trailing_particles(raw)
        if a + len(raw) == b and lex.rx("HEAD_WITH_COMPLEMENT", r"^{}\s").match(raw):
            # "Institut Lumen| de recherche en IA": NER stopped before the lowercase complement
            cm = _COMPLEMENT.match(text, b)
            if cm and cm.end() > b:
                raw = text[a:cm.end()]
        res.append((a, a + len(raw.rstrip())))
    return res


def _person_shaped(name: str, lex) -> bool:
    """Two or three capitalised words with no organization cue ("Maëlle Sorel")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and type_cue(name, lex) == (EntityType.ORGANIZATION, None)


def _legal_form_after(name: str, text: str) -> bool:
    """Whether ``name`` stands somewhere in ``text`` followed by a legal form ("X inc.")."""
    # every start of the name (a lookahead, so overlapping ones too), then the legal form
    # where it ends: the long legal-form pattern is compiled once, not once per name
    return any(LEGAL_FORM_RX.match(text, m.start() + len(name))
               for m in re.finditer(rf"(?<!\w)(?={re.escape(name)})", text))


def _indefinite_appos(appos: re.Pattern, after: str) -> bool:
    """", a Laval company", ", une jeune pousse …" (not ", the company's CEO")."""
    m = appos.search(after)
    return bool(m) and bool(re.match(rf"\s*,\s*(?:{W.INDEF})\s", after)) and after[m.end():m.end() + 1] not in "'’"


_PLACE_POSS = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*)?)['’]s\s+(?=[A-ZÀ-ÖØ-Þ])")
_COMPLEMENT = re.compile(rf"(?:\s+(?:{W.COMPLEMENT_LINK})\s*(?:[a-zà-öø-ÿ][\w’'-]{{2,}}|[A-ZÀ-ÖØ-Þ][\w’'-]*)){{1,4}}"
                         rf"(?=\s*[,.;:()]|\s+(?:{W.COMPLEMENT_END})\b)")


class Entities(RuleComponent):
    def __call__(self, doc):
        facts = facts_of(doc)
        ctx = self.context(doc)
        lex = self.lex
        text = doc.text
        self._acronym_names(text, ctx, facts)
        claimed = sorted(facts.claimed)
        appos = lex.rx("ORG_APPOSITION", r"^\s*,\s*(?i:{})(?!\w)")
        before = lex.rx("ORG_BEFORE", r"(?i:{})\s*$")
        # "la jeune entreprise gatinoise X", "the metals producer X": a descriptor noun right before a name
        described = lex.rx("ORG_DESCRIPTOR", r"(?<![\w-])(?i:{})" + lex.alt("DESCRIPTOR_GAP") + r"\s+$")
        event_before = lex.rx("EVENT_BEFORE", r"(?i)(?<!\w){}\s+$")
        ents = list(doc.ents)
        org_spans = [(e.start_char, e.end_char) for e in ents if e.label_ == "ORG"]
        pieces = []
        for ent in ents:
            if ent.label_ not in ("ORG", "PER", "PERSON", "MISC", "LOC", "GPE"):
                continue
            for s, e in _pieces(text, ent.start_char, ent.end_char, ent.label_, lex):
                pieces.append((ent, s, e))
        for ent, s, e in pieces:
            if any(cs < e and s < ce for cs, ce in claimed):
                continue
            raw = text[s:e]
            if "\n" in raw.strip():  # a span running over a line break into a heading
                first = raw.strip().split("\n")[0]
                rest = raw.strip().split("\n", 1)[1].strip()
                if rest[:1].isupper() or not first.strip() or not re.search(
                        rf"(?i)(?:\b(?:{W.FIRST_LINK})|[&-])\s*$", first):
                    raw = raw[:raw.index(first) + len(first)]
                    e = s + len(raw)
            body = _HEAD.sub("", raw)
            s += len(raw) - len(body)
            body2 = _LEAD.sub("", body)
            s += len(body) - len(body2)
            body3 = _TRAIL.sub("", body2)
            name = squash(body3)
            half = name.split()
            if half and len(half) % 2 == 0 and half[:len(half) // 2] == half[len(half) // 2:]:  # "X Y X Y"
                name = " ".join(half[:len(half) // 2])
                body3 = body3[:body3.find(half[len(half) // 2 - 1]) + len(half[len(half) // 2 - 1])]
            e = s + len(body3)
            if not self._keep(name, ctx):
                continue
            if ent.label_ in ("ORG", "MISC") and type_cue(name, lex) == (EntityType.ORGANIZATION, None) and (
                    _PROGRAM_AFTER.match(text, e) or lex.rx("ROLE", rf"(?i:{{}})\s+(?:{W.OF})\s+$").search(
                        text[max(0, s - 50):s])):
                continue  # "the X and Y program" (a programme), "Director of Research Partnerships" (a role)
            if ent.label_ != "PER" and event_before.search(text, max(0, s - 30), s):
                continue  # "au congrès Logistik Québec", "the RailTech summit": an event's name
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", e)
            line = text[ls:le if le >= 0 else len(text)]
            if line.isupper() and ent.label_ != "PER":  # a heading or a table header
                continue
            dm = DATELINE.match(line)
            if dm and ls + dm.end() > s:  # the place of a dateline
                continue
            label = ent.label_
            if label in ("LOC", "GPE", "MISC"):
                after, prior = text[e:e + 80], text[max(0, s - 40):s]
                coord = any(0 <= os_ - e <= 9 and _COORD.fullmatch(text[e:os_])
                            or 0 <= s - oe <= 9 and _COORD.fullmatch(text[oe:s])
                            for os_, oe in org_spans)
                if (appos.search(after) or before.search(prior) or coord or type_cue(name, lex) != (EntityType.ORGANIZATION, None)
                        or re.match(rf"\s+(?:{W.CLUSTER})\b", after)
                        or lex.rx("ORG_DESCRIPTOR", r"(?<![\w-])(?i:{})(?:\s+[a-zà-öø-ÿ][\w-]*){0,2}?\s+$").search(prior)):
                    label = "ORG"
                elif label != "MISC":
                    continue
            if label in ("PER", "PERSON") and (
                    described.search(text[max(0, s - 50):s])
                    or _indefinite_appos(appos, text[e:e + 80])
                    or _legal_form_after(name, text)):  # "X inc.": a company
                label = "ORG"  # "Canadian retailer Acme Grocers", "la jeune entreprise gatinoise X", "X, a Laval company"
                ctx.persons.discard(text[ent.start_char:ent.end_char].strip())  # later rules see an organization
                ctx.persons.discard(name)
            elif label == "ORG" and (tm_ := EXEC_TITLE.match(name)) and _person_shaped(name[tm_.end():], lex):
                s += len(body3) - len(body3.lstrip()) + text[s:e].find(name[tm_.end():])
                facts.add(Cand(name[tm_.end():], EntityType.PERSON, s, e, source=NER))  # "CEO Maëlle Roy"
                continue
            elif label in ("PER", "PERSON") or looks_like_person(name, lex, ctx.persons):
                tm = PERSON_TITLE.match(name)
                if tm:
                    name = name[tm.end():]
                    s += len(body3) - len(body3.lstrip()) + text[s:e].find(name)
                if looks_like_person(name, lex, ctx.persons | {name}) and not name.isupper():
                    facts.add(Cand(name, EntityType.PERSON, s, e, source=NER))
                continue
            t, sub = type_cue(name, lex)
            if label == "MISC" and t == EntityType.ORGANIZATION and sub is None:
                continue
            facts.add(Cand(name, t, s, e, subtype=sub, source=NER))
        self._cue_names(text, ctx, facts)
        self._appositions(text, ctx, facts)
        self._descriptor_names(text, ctx, facts)
        return doc

    def _acronym_names(self, text: str, ctx, facts) -> None:
        """"Institut Lumen de données (ILD)": the longest run of words before an acronym in
        parentheses, opening with a capital, whose initials make the acronym."""
        for m in _ACR_PAREN.finditer(text):
            acr = m.group("acr")
            ls = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 120)
            before = text[ls:m.start()].rstrip()
            words = list(re.finditer(r"\S+", before))[-10:]
            best = None
            for k in range(len(words) - 1, -1, -1):
                w0 = words[k].group()
                if k < len(words) - 1 and re.search(r"[.,;:!?»)]$", w0):
                    break
                w0s = re.sub(r"^(?:[lLdD]['’])", "", w0)
                if not w0s[:1].isupper():
                    continue
                start = ls + words[k].start() + (len(w0) - len(w0s))
                name = squash(text[start:ls + len(before)])
                if len(name.split()) >= 2 and is_acronym_of(acr, name) and not re.search(r"[,;:!?()«»]", name):
                    best = (name, start)
            if not best:
                continue
            name, start = best
            if name.casefold() in self.lex.stop_names or self._labels().match(name) or looks_like_person(
                    name, self.lex, ctx.persons):
                continue  # (lowercase inner words are fine here: "Institut de robotique de Nordville")
            end = start + len(name)
            if any(cs < m.end() and start < ce for cs, ce in facts.claimed) or any(
                    c.start < m.end() and start < c.end for c in facts.cands):
                continue  # a project title or a list item a layout rule already read
            tail = self._acronym_tail(text, m.end(), acr)
            aliases = [acr]
            if tail:  # "Lakeside Knowledge Network (LKN) Water Hub", also written "LKN Water Hub"
                end = tail[1]
                name, aliases = squash(text[start:end]), [f"{acr} {tail[0]}", acr]
            t, sub = type_cue(name, self.lex)
            if tail and self._project_head().search(tail[0]):
                t, sub = EntityType.PROJECT, None
            facts.add(Cand(name, t, start, end, subtype=sub, aliases=aliases))
            facts.claimed.append((start, end))

    def _acronym_tail(self, text: str, at: int, acr: str) -> tuple[str, int] | None:
        """The capitalised words right after "(ACR)" that still belong to the name: kept when the
        text also writes "ACR words" elsewhere, or when the last word is a kind of body or
        programme ("Water Network", "Innovation Hub", "program")."""
        m = _ACR_TAIL.match(text, at)
        if not m:
            return None
        words = m.group("tail").split()
        for k in range(len(words), 0, -1):
            tail = " ".join(words[:k])
            if f"{acr} {tail}" in text or self._project_head().search(tail) or self._body_head().search(tail):
                return tail, m.start("tail") + len(tail)
        return None

    def _project_head(self) -> re.Pattern:
        return self.lex.rx("PROJECT_HEAD_LAST", r"(?i)(?<![\w-])(?:{})$")

    def _body_head(self) -> re.Pattern:
        return self.lex.rx("INSTITUTION_HEAD", r"(?<![\w-])(?:{})$")

    def _descriptor_names(self, text: str, ctx, facts) -> None:
        """Names NER missed after a descriptor noun ("la grappe Opaline", "l'entreprise
        ontarienne Brightwell", "logistics firm Stellan Freight") or before "cluster"."""
        lex = self.lex
        rx = lex.rx("ORG_DESCRIPTOR", rf"(?<![\w-])(?i:{{}})(?:[ \t]+[a-zà-öø-ÿ][\w-]*){{{{0,2}}}}?[ \t]+(?P<name>{_CAPW}(?:[ \t]+(?:(?:{W.DESCRIPTOR_LINK})[ \t]+)?{_CAPW}){{{{0,5}}}})")
        rx2 = re.compile(rf"(?<!\w)(?i:the)\s+(?P<name>{_CAPW}(?:[ \t]+{_CAPW}){{0,3}})[ \t]+(?:{W.CLUSTER})(?!\w)")
        taken = sorted((c.start, c.end) for c in facts.cands if c.type != EntityType.PERSON or c.source != NER)
        for m in (*rx.finditer(text), *rx2.finditer(text)):
            name = m.group("name").rstrip(".,;:")
            s = m.start("name")
            e = s + len(name)
            if any(ts < e and s < te for ts, te in taken) or not self._keep(name, ctx) or (
                    ctx.is_place(s, e) and m.re is not rx2):
                continue
            if looks_like_person(name, lex, frozenset()) or "\n" in name:
                continue
            t, sub = type_cue(name, lex)
            facts.add(Cand(name, t, s, e, subtype=sub))
            taken.append((s, e))

    def _appositions(self, text: str, ctx, facts) -> None:
        """Names NER missed that an apposition calls an organization ("Acme AI, for years
        the largest start-up in Nordville, …", "Boréal, une jeune pousse de Québec")."""
        rx = self.lex.rx("ORG_APPOSITION", rf"(?P<name>{_CAPW}(?:[ \t]+{_CAPW}){{0,4}})\s*,\s*"
                                           rf"(?:(?i:{W.FORMERLY})\s+)?(?i:{{}})(?!\w)")
        taken = sorted((c.start, c.end) for c in facts.cands)
        for m in rx.finditer(text):
            name = _LEAD.sub("", m.group("name"))
            s = m.start("name") + m.group("name").find(name)
            e = s + len(name)
            if (any(ts < e and s < te for ts, te in taken) or not self._keep(name, ctx)
                    or looks_like_person(name, self.lex, ctx.persons) or ctx.is_place(s, e)
                    or DATELINE.match(text[text.rfind("\n", 0, s) + 1:e + 3])):
                continue
            t, sub = type_cue(name, self.lex)
            facts.add(Cand(name, t, s, e, subtype=sub, source=NER))

    def _cue_names(self, text: str, ctx, facts) -> None:
        """Names NER missed but whose words say organization ("Westbrook University",
        "Quantix Technologies Inc."): capitalised runs holding a strong cue word."""
        cue = self.lex.rx("STRONG_ORG_CUE", r"(?<!\w){}(?!\w)")
        taken = sorted((c.start, c.end) for c in facts.cands)
        runs = [(a, b) for m in _RUN.finditer(text) if cue.search(m.group())
                for a, b in _pieces(text, m.start(), m.end(), "ORG", self.lex)]
        for a, b in runs:
            m = _RUN.fullmatch(text, a, b)
            if m:
                raw, ms = m.group(), m.start()
            elif self.lex.rx("HEAD_WITH_COMPLEMENT", r"^{}\s").match(text[a:b]) and "\n" not in text[a:b]:
                raw, ms = text[a:b], a  # "Institut Lumen de recherche en IA"
            else:
                continue
            name = raw.rstrip(",;:")
            if not cue.search(name) or len(name.split()) < 2 or "\n" in name:
                continue
            name = _LEAD.sub("", re.sub(rf"^(?:{W.ABOUT})\s+(?:{W.ABOUT_LINK})?", "", name))
            if name.endswith(".") and not re.search(rf"(?i)\b(?:{W.ABBREV_CORP})\.$", name):
                name = name[:-1]
            s = ms + raw.find(name)
            e = s + len(name)
            if any(ts < e and s < te for ts, te in taken) or not self._keep(name, ctx):
                continue
            if looks_like_person(name, self.lex, ctx.persons):
                continue
            t, sub = type_cue(name, self.lex)
            facts.add(Cand(name, t, s, e, subtype=sub, source=NER))

    def _labels(self) -> re.Pattern:
        rx = getattr(self, "_labels_rx", None)
        if rx is None:
            alts = "|".join(self.lex.alt(label) for label in _LABELS)
            rx = self._labels_rx = re.compile(rf"(?i)^(?:{alts})(?:\s+de)?\s*$")
        return rx

    def _keep(self, name: str, ctx) -> bool:
        if len(name) < 2 or not any(c.isupper() for c in name):
            return False
        if name.casefold() in self.lex.stop_names:
            return False
        if self._labels().match(name):
            return False  # a field label or a heading ("Investissement total", "Board of Directors")
        words = name.split()
        # "Centre d’essais et de transfert en verrerie d’art": a French head noun takes
        # a long lowercase complement, so neither the length nor the lowercase share says generic
        headed = len(words) > 1 and bool(_name_head(self.lex).match(name))
        if len(words) > (12 if headed else 7) or re.search(r"https?:|www\.|@\w", name):
            return False
        if not headed and sum(1 for w in words if w[:1].islower()) > len(words) / 2:
            return False
        if re.fullmatch(r"[\d\W]+", name) or re.search(r"\d[\d ,.]*\s*(?:M\$|\$|%)", name):
            return False
        if self.lex.rx("EVENT_NOUN", r"(?i)(?<!\w){}(?!\w)").search(name) or self.lex.rx(
                "EVENT_NOUN_EN", r"(?i)(?<!\w){}(?!\w)").search(name):
            return False  # "Conférence de Montréal", "World Summit": events, not organizations
        if len(words) == 1 and (self.lex.rx("INSTITUTION_HEAD", r"^{}$").match(name)
                                or self.lex.rx("ASSOCIATION_CUE", r"^{}$").match(name)):
            return False  # "the Network", "le Réseau": a reference to a longer name
        letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", name)
        if name.isupper() and len(letters) <= 2:
            return False
        # every word lowercase here or written in lowercase elsewhere: a generic phrase
        return not all(w[:1].islower() or ctx.is_common(w) for w in words if w.isalpha() or "’" in w)


@Language.factory("grappe_entities_v1", requires=["doc.ents"], default_config={"lang": None})
def make_entities(nlp: Language, name: str, lang: str | None) -> Entities:
    return Entities(nlp, name, lang)
