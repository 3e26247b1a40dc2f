"""Reference lists users already keep ("authority files"): read, check, apply.

``grappe authority load FILE`` reads a CSV (header row) or JSON (a list of objects,
or ``{"organizations": [...]}``) of organizations with the fields

    id, name, aliases, acronyms, type, country, website, wikidata, ror

(``aliases``/``acronyms``: a list in JSON, ``|``- or ``;``-separated in CSV). Each
record is matched to at most one stored entity with the resolver's own scorer
(an entity already linked to the record's id wins; then the best candidate at
or above the auto threshold). A matched entity takes the record's canonical name
(its old name stays an alias), the record's aliases and acronyms, and its
external ids as properties (``authority_id``, ``wikidata``, ``ror``, ``website``,
``country``): they show on the entity page as links, in the API and in exports.
Entities no record matches stay as they are. Loading the same file twice changes
nothing the second time. A malformed row is reported with its line and skipped.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.resolve.external_ids import EXTERNAL_KEYS
from graph.resolve.judgements import Judgement, load
from graph.resolve.scoring import score
from graph.resolve.store_resolver import StoreResolver, _profile, entity_from_row, merge_aliases
from graph.resolve.weights import threshold
from grappe.errors import GrappeError
from grappe.model import Entity, EntityType, ExtractedEntity, GraphBatch

FIELDS = ("id", "name", "aliases", "acronyms", "type", "country", "website", "wikidata", "ror")
_TYPES = {"organization": EntityType.ORGANIZATION.value, "organisation": EntityType.ORGANIZATION.value,
          "university": EntityType.UNIVERSITY.value, "universite": EntityType.UNIVERSITY.value,
          "université": EntityType.UNIVERSITY.value}
_WIKIDATA = re.compile(r"^(?:https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/)?(Q[1-9]\d*)$", re.I)
_ROR = re.compile(r"^(?:https?://ror\.org/)?(0[a-z0-9]{6}\d{2})$", re.I)
_WEBSITE = re.compile(r"^(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,})(/\S*)?$", re.I)
_SPLIT = re.compile(r"\s*[|;]\s*")


@dataclass(frozen=True)
class AuthorityRecord:
    line: int
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    type: str = ""  # "", "Organization" or "University"
    country: str = ""
    website: str = ""  # https://host[/path]
    wikidata: str = ""  # Q…
    ror: str = ""  # 0xxxxxxNN

    def external(self) -> dict[str, str]:
        values = {"authority_id": self.id, "wikidata": self.wikidata, "ror": self.ror,
                  "website": self.website, "country": self.country}
        return {k: values[k] for k in EXTERNAL_KEYS if values[k]}


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class LoadReport:
    file: str
    records: int = 0
    updated: list[dict[str, object]] = field(default_factory=list)  # {line, id, entity, name}
    unchanged: int = 0
    unmatched: list[dict[str, Any]] = field(default_factory=list)  # {line, id, name}
    problems: list[Problem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "records": self.records, "matched": len(self.updated) + self.unchanged,
                "updated": self.updated, "unchanged": self.unchanged, "unmatched": self.unmatched,
                "problems": [{"line": p.line, "message": p.message} for p in self.problems]}


# --------------------------------------------------------------------------- reading


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ValueError(f"{what} must be text")
    return " ".join(str(value).split())


def _names(value: Any, what: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = _SPLIT.split(value)
    elif isinstance(value, list):
        parts = [_text(v, what) for v in value]
    else:
        raise ValueError(f"{what} must be a list of names")
    return tuple(dict.fromkeys(" ".join(p.split()) for p in parts if p and p.strip()))


def check_record(raw: dict[str, Any], line: int) -> AuthorityRecord:
    """One record, checked and normalised; ``ValueError`` says what is wrong."""
    unknown = sorted(k for k in raw if str(k).strip().lower() not in FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(map(repr, unknown))} (expected {', '.join(FIELDS)})")
    row = {str(k).strip().lower(): v for k, v in raw.items()}
    rid, name = _text(row.get("id"), "id"), _text(row.get("name"), "name")
    if not rid:
        raise ValueError("no id")
    if not name:
        raise ValueError("no name")
    type_ = _text(row.get("type"), "type")
    if type_ and type_.lower() not in _TYPES:
        raise ValueError(f"type {type_!r} is not Organization or University")
    wikidata, ror, website = (_text(row.get(k), k) for k in ("wikidata", "ror", "website"))
    if wikidata:
        m = _WIKIDATA.match(wikidata)
        if not m:
            raise ValueError(f"wikidata id {wikidata!r} is not Q followed by digits")
        wikidata = m.group(1).upper()
    if ror:
        m = _ROR.match(ror)
        if not m:
            raise ValueError(f"ROR id {ror!r} is not 9 characters like 0abcde123 (or https://ror.org/…)")
        ror = m.group(1).lower()
    if website:
        m = _WEBSITE.match(website)
        if not m:
            raise ValueError(f"website {website!r} is not a web address")
        website = "https://" + m.group(1).lower() + (m.group(2) or "")
    return AuthorityRecord(
        line=line, id=rid, name=name, aliases=_names(row.get("aliases"), "aliases"),
        acronyms=_names(row.get("acronyms"), "acronyms"),
        type=_TYPES[type_.lower()] if type_ else "", country=_text(row.get("country"), "country"),
        website=website, wikidata=wikidata, ror=ror)


def _csv_rows(text: str, path: Path) -> list[tuple[int, dict[str, Any] | str]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [str(h).strip().lower() for h in (reader.fieldnames or [])]
    missing = [f for f in ("id", "name") if f not in header]
    unknown = [h for h in header if h not in FIELDS]
    if missing or unknown:
        what = (f"no {' or '.join(missing)} column" if missing else "") + \
            ("; " if missing and unknown else "") + \
            (f"unknown column(s) {', '.join(map(repr, unknown))}" if unknown else "")
        raise GrappeError(f"{path}:1: the CSV header has {what}",
                          f"The first row names the columns: {', '.join(FIELDS)} (id and name required).")
    out: list[tuple[int, dict[str, Any] | str]] = []
    for row in reader:
        line = reader.line_num
        if None in row:  # more cells than the header has
            out.append((line, f"{len(row) - 1 + len(row[None])} cells for {len(header)} columns"))
            continue
        if all(not (v or "").strip() for v in row.values()):
            continue
        out.append((line, {k: v for k, v in row.items() if k is not None}))
    return out


def _json_rows(text: str, path: Path) -> list[tuple[int, dict[str, Any] | str]]:
    """Top-level records with the line each starts on (so problems can name it)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GrappeError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})",
                          "Fix the file (a list of objects, or {\"organizations\": [...]}).") from exc
    if isinstance(data, dict) and isinstance(data.get("organizations"), list):
        records = data["organizations"]
        start = text.find("[", text.find('"organizations"'))
    elif isinstance(data, list):
        records = data
        start = text.find("[")
    else:
        raise GrappeError(f"{path}: expected a list of objects or {{\"organizations\": [...]}}",
                          "Fix the file's top level.")
    decoder = json.JSONDecoder()
    pos = start + 1
    out: list[tuple[int, dict[str, Any] | str]] = []
    for value in records:
        while text[pos] in " \t\r\n,":
            pos += 1
        line = text.count("\n", 0, pos) + 1
        _, pos = decoder.raw_decode(text, pos)
        out.append((line, value if isinstance(value, dict) else f"expected an object, found {type(value).__name__}"))
    return out


def read(path: str | Path) -> tuple[list[AuthorityRecord], list[Problem]]:
    """The good records of an authority file and the problems of the others."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise GrappeError(f"{path}: cannot read the authority file ({exc.strerror})", "Check the path.") from exc
    except UnicodeDecodeError as exc:
        raise GrappeError(f"{path}: not UTF-8 text", "Save the file as UTF-8.") from exc
    rows = _json_rows(text, path) if text.lstrip()[:1] in "[{" else _csv_rows(text, path)
    records: list[AuthorityRecord] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        if isinstance(row, str):
            problems.append(Problem(line, row))
            continue
        try:
            record = check_record(row, line)
        except ValueError as exc:
            problems.append(Problem(line, str(exc)))
            continue
        if record.id in seen:
            problems.append(Problem(line, f"id {record.id!r} already given on line {seen[record.id]}"))
            continue
        seen[record.id] = line
        records.append(record)
    return records, problems


# --------------------------------------------------------------------------- applying


def _stored_by_authority(store: Any, ids: list[str]) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for row in store.run("resolve/entities_by_authority_id", ids=ids).rows:
        entity = entity_from_row(row)
        out[str(entity.attributes.get("authority_id"))] = entity
    return out


def match_records(records: list[AuthorityRecord], store: Any, settings: Any = None) -> dict[int, Entity]:
    """``{record line: stored entity}`` for the records that name a stored entity."""
    if not records:
        return {}
    linked = _stored_by_authority(store, [r.id for r in records])
    items = [ExtractedEntity(key=f"a{r.line}", type=EntityType(r.type or EntityType.ORGANIZATION.value),
                             name=r.name, aliases=[*r.aliases, *r.acronyms]) for r in records]
    candidates = [e for e in StoreResolver(settings).candidates(items, store).values()
                  if e.type in (EntityType.ORGANIZATION, EntityType.UNIVERSITY)]
    profiles = {e.id: _profile(e.name, e.aliases, EntityType(e.type).value, "stored") for e in candidates}
    judgements = load(settings)
    auto = threshold("auto")
    out: dict[int, Entity] = {}
    for record in records:
        if record.id in linked:
            out[record.line] = linked[record.id]
            continue
        mine = _profile(record.name, [*record.aliases, *record.acronyms], record.type, "authority")
        best: tuple[float, str] | None = None
        for entity in candidates:
            if judgements.judge(record.name, entity.id) == Judgement.NEGATIVE:
                continue
            if entity.attributes.get("authority_id") not in (None, "", record.id):
                continue  # already the entity of another record
            value = score(mine, profiles[entity.id]).score
            if value >= auto and (best is None or (value, entity.id) > best):
                best = (value, entity.id)
        if best is not None:
            out[record.line] = next(e for e in candidates if e.id == best[1])
    return out


def apply_record(entity: Entity, record: AuthorityRecord) -> Entity:
    """The entity with the record's canonical name, names and external ids."""
    attributes = dict(entity.attributes or {})
    attributes.update(record.external())
    return Entity(entity.id, entity.type, record.name, entity.subtype,
                  merge_aliases(record.name, [entity.name], entity.aliases, record.aliases, record.acronyms),
                  attributes)


def load_file(store: Any, path: str | Path, settings: Any = None) -> LoadReport:
    """Read ``path``, match its records to stored entities and update those."""
    records, problems = read(path)
    report = LoadReport(str(path), records=len(records), problems=list(problems))
    matched = match_records(records, store, settings)
    owner: dict[str, int] = {}
    changed: list[Entity] = []
    for record in records:
        entity = matched.get(record.line)
        if entity is None:
            report.unmatched.append({"line": record.line, "id": record.id, "name": record.name})
            continue
        if entity.id in owner:
            report.problems.append(Problem(record.line, f"names the same entity ({entity.id}) as line "
                                                        f"{owner[entity.id]}; skipped"))
            continue
        owner[entity.id] = record.line
        updated = apply_record(entity, record)
        if updated == entity:
            report.unchanged += 1
            continue
        changed.append(updated)
        report.updated.append({"line": record.line, "id": record.id, "entity": entity.id, "name": record.name})
    if changed:
        store.write(GraphBatch(entities=changed))
    report.problems.sort(key=lambda p: p.line)
    return report
