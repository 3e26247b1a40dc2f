"""Structured imports: a table of participations (CSV, gzip CSV, JSON Lines) into the graph.

A *mapping* file (TOML, e.g. ``samples/mappings/cordis_h2020.toml``) says which
columns give the project, the organization, its name, role, type, country, date
and amount, how the source's codes become Grappe types and relations, and which
side tables to join (names, programme parts). Each good row becomes the same
entities and relations extraction produces — an organization (or university)
``PARTICIPATES_IN`` / ``LEADS`` a project — with the file and the row as
provenance instead of a sentence: the relation's evidence spans the row in the
file's text and its sentence reads ``<file> line <n>: <row>``.

The whole file is one :class:`~grappe.model.Document` whose id hashes the file,
the mapping and the side tables, so importing the same file twice changes
nothing, and a changed file replaces what its previous version contributed.
Entities with a real name go through the store resolver (the one documents go
through), so a name read in a report and the same name in a table meet on one
node; entities named only by an identifier (projects, unnamed organizations'
placeholders) cannot meet a document name and get the resolver's id for a new
entity directly. A bad row is reported by line and skipped.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import string
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.analytics.cache import invalidate
from graph.batch import to_graph
from graph.resolve.curation import replay
from graph.resolve.store_resolver import StoreResolver, new_entity_id
from grappe.errors import IngestError
from grappe.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    ExtractedEntity,
    ExtractedRelation,
    Extraction,
    Mention,
    RelType,
)
from ingest.locks import document_lock

#: Grappe fields a mapping's ``[columns]`` may name; project and organization are required.
FIELDS = ("project", "organization", "name", "role", "type", "country", "date", "amount")
#: entities resolved per resolver call (the resolver's blocking is quadratic inside a call)
RESOLVE_CHUNK = 1000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PLAIN_TYPES = {t.value: t for t in EntityType if t is not EntityType.PROJECT and t is not EntityType.PERSON}
_PARTICIPATION = {RelType.PARTICIPATES_IN.value: RelType.PARTICIPATES_IN, RelType.LEADS.value: RelType.LEADS}


@dataclass(frozen=True)
class Lookup:
    """A side table joined on ``key`` to the row's ``on`` field (project or organization)."""

    file: str
    key: str
    on: str
    fields: dict[str, str]  # field name -> column of the side table


@dataclass(frozen=True)
class Mapping:
    path: Path
    format: str  # csv | jsonl
    source: str
    columns: dict[str, str]
    lookups: tuple[Lookup, ...]
    project_name: str
    project_description: str
    project_id_attribute: str
    placeholder: str
    org_id_attribute: str
    missing: frozenset[str]
    roles: dict[str, RelType]
    types: dict[str, tuple[EntityType, str | None]]
    default_role: RelType = RelType.PARTICIPATES_IN
    default_type: tuple[EntityType, str | None] = (EntityType.ORGANIZATION, None)
    digest: str = ""


@dataclass(frozen=True)
class Row:
    """One good row, mapped."""

    line: int  # 1-based line in the file (the header is line 1 in a CSV)
    start: int  # character span of the row in the file's text
    end: int
    project: str
    organization: str
    name: str | None
    relation: RelType
    role: str | None
    type: EntityType
    subtype: str | None
    country: str | None
    date: str | None
    amount: float | None
    project_fields: dict[str, str]
    text: str  # the row as written


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass
class Table:
    path: Path
    text: str
    rows: list[Row]
    bad: list[BadRow]
    digest: str


@dataclass
class ImportReport:
    path: str
    status: str  # imported | replaced | unchanged
    rows: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    named_resolved: int = 0  # named entities the resolver matched to an existing node
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {"path": self.path, "status": self.status, "rows": self.rows,
                "bad_rows": [{"line": b.line, "reason": b.reason} for b in self.bad_rows],
                "entities": self.entities, "relations": self.relations,
                "named_resolved": self.named_resolved, "seconds": round(self.seconds, 3)}


# --------------------------------------------------------------------------- mapping


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; any problem is an :class:`IngestError` naming it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        doc = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise IngestError(str(path), "mapping file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IngestError(str(path), f"mapping is not readable TOML ({exc})") from None

    def fail(reason: str) -> IngestError:
        return IngestError(str(path), f"mapping: {reason}")

    fmt = str(doc.get("format", "csv"))
    if fmt not in ("csv", "jsonl"):
        raise fail(f"format {fmt!r} is not csv or jsonl")
    columns = doc.get("columns") or {}
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise fail(f"unknown field(s) in [columns]: {', '.join(unknown)} (known: {', '.join(FIELDS)})")
    for required in ("project", "organization"):
        if not columns.get(required):
            raise fail(f"[columns] must say which column gives the {required}")
    roles: dict[str, RelType] = {}
    for code, rel in (doc.get("roles") or {}).items():
        if rel not in _PARTICIPATION:
            raise fail(f"role {code!r} maps to {rel!r}; expected one of {', '.join(_PARTICIPATION)}")
        roles[str(code)] = _PARTICIPATION[rel]
    types: dict[str, tuple[EntityType, str | None]] = {}
    for code, spec in (doc.get("types") or {}).items():
        t = spec.get("type") if isinstance(spec, dict) else None
        if t not in _PLAIN_TYPES:
            raise fail(f"type {code!r} maps to {t!r}; expected one of {', '.join(_PLAIN_TYPES)}")
        types[str(code)] = (_PLAIN_TYPES[t], spec.get("subtype"))
    lookups = []
    for lk in doc.get("lookups") or []:
        if not isinstance(lk, dict) or not all(lk.get(k) for k in ("file", "key", "on", "fields")):
            raise fail("each [[lookups]] needs file, key, on and fields")
        if lk["on"] not in ("project", "organization"):
            raise fail(f"lookup on {lk['on']!r}: expected project or organization")
        lookups.append(Lookup(str(lk["file"]), str(lk["key"]), str(lk["on"]), dict(lk["fields"])))
    project, org = doc.get("project") or {}, doc.get("organization") or {}
    mapping = Mapping(
        path=path, format=fmt, source=str(doc.get("source") or ""), columns=dict(columns),
        lookups=tuple(lookups),
        project_name=str(project.get("name", "Project {project}")),
        project_description=str(project.get("description", "")),
        project_id_attribute=str(project.get("id_attribute", "source_id")),
        placeholder=str(org.get("placeholder", "Organization {organization}")),
        org_id_attribute=str(org.get("id_attribute", "source_id")),
        missing=frozenset(str(m) for m in doc.get("missing", [""])),
        roles=roles, types=types, digest=hashlib.sha256(raw).hexdigest(),
    )
    for template in (mapping.project_name, mapping.project_description, mapping.placeholder):
        _check_template(template, fail)
    return mapping


def _check_template(template: str, fail: Callable[[str], IngestError]) -> None:
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(template) if f]
    except ValueError as exc:
        raise fail(f"template {template!r}: {exc}") from None
    if any(not n.isidentifier() for n in names):
        raise fail(f"template {template!r}: fields must be plain names")


class _Fields(dict):
    """Template fields: a missing one renders empty rather than failing a row."""

    def __missing__(self, key: str) -> str:
        return ""


def render(template: str, fields: dict[str, Any]) -> str:
    return " ".join(template.format_map(_Fields(fields)).split())


# --------------------------------------------------------------------------- reading


def _read_text(path: Path) -> tuple[str, bytes]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(str(path), "file not found") from None
    except OSError as exc:
        raise IngestError(str(path), f"could not be read ({exc})") from None
    data = raw
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise IngestError(str(path), f"is not valid gzip ({exc})") from None
    try:
        return data.decode("utf-8-sig"), raw
    except UnicodeDecodeError as exc:
        raise IngestError(str(path), f"is not UTF-8 text (byte {exc.start})") from None


def _records(path: Path, text: str, fmt: str) -> tuple[list[str], list[tuple[int, int, int, dict | None, str]]]:
    """Header and ``(line, start, end, record or None, reason)`` per data line."""
    out: list[tuple[int, int, int, dict | None, str]] = []
    pos = 0
    lines = text.splitlines(keepends=True)
    header: list[str] = []
    for n, line in enumerate(lines, start=1):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        if fmt == "jsonl":
            try:
                rec = json.loads(body)
            except json.JSONDecodeError as exc:
                out.append((n, start, start + len(body), None, f"not valid JSON ({exc.msg})"))
                continue
            if not isinstance(rec, dict):
                out.append((n, start, start + len(body), None, "not a JSON object"))
                continue
            out.append((n, start, start + len(body), {k: "" if v is None else str(v) for k, v in rec.items()}, ""))
            continue
        try:
            values = next(csv.reader([body]))
        except csv.Error as exc:
            out.append((n, start, start + len(body), None, f"not valid CSV ({exc})"))
            continue
        if not header:
            header = [h.strip() for h in values]
            continue
        if len(values) != len(header):
            out.append((n, start, start + len(body), None,
                        f"{len(values)} fields where the header has {len(header)}"))
            continue
        out.append((n, start, start + len(body), dict(zip(header, values, strict=True)), ""))
    if fmt == "csv" and not header:
        raise IngestError(str(path), "is empty (no header line)")
    if fmt == "jsonl":
        header = sorted({k for _, _, _, rec, _ in out if rec for k in rec})
    return header, out


def _load_lookup(base: Path, lk: Lookup, mapping: Mapping) -> tuple[dict[str, dict[str, str]], bytes]:
    path = base / lk.file
    text, raw = _read_text(path)
    fmt = "jsonl" if ".jsonl" in path.name else "csv"
    header, records = _records(path, text, fmt)
    need = [lk.key, *lk.fields.values()]
    missing = [c for c in need if c not in header]
    if missing:
        raise IngestError(str(path), f"lookup table has no column {', '.join(map(repr, missing))} "
                          f"(named in {mapping.path})")
    table: dict[str, dict[str, str]] = {}
    for _, _, _, rec, _ in records:
        if not rec:
            continue
        key = rec[lk.key].strip()
        entry = table.setdefault(key, {})
        for name, col in lk.fields.items():
            value = rec[col].strip()
            if not value or value in mapping.missing:
                continue
            # several rows for one key: values joined (a project in two programme parts)
            if name not in entry:
                entry[name] = value
            elif value not in entry[name].split():
                entry[name] += f" {value}"
    return table, raw


def read_table(path: Path, mapping: Mapping) -> Table:
    """Parse ``path`` with ``mapping``: good rows mapped, bad rows with their line and reason."""
    path = Path(path)
    text, raw = _read_text(path)
    header, records = _records(path, text, mapping.format)
    absent = [f"{f} ({c!r})" for f, c in mapping.columns.items() if c not in header]
    if absent and mapping.format == "csv":
        raise IngestError(str(path), f"has no column for {', '.join(absent)} named in {mapping.path}",
                          f"Columns found: {', '.join(header)}.")
    digest = hashlib.sha256(raw + mapping.digest.encode())
    tables: list[tuple[Lookup, dict[str, dict[str, str]]]] = []
    for lk in mapping.lookups:
        table, lraw = _load_lookup(path.parent, lk, mapping)
        digest.update(lraw)
        tables.append((lk, table))

    rows: list[Row] = []
    bad: list[BadRow] = []
    for line, start, end, rec, reason in records:
        if rec is None:
            bad.append(BadRow(line, reason))
            continue
        try:
            rows.append(_map_row(rec, line, start, end, text[start:end], mapping, tables))
        except ValueError as exc:
            bad.append(BadRow(line, str(exc)))
    return Table(path=path, text=text, rows=rows, bad=bad, digest=digest.hexdigest())


def _map_row(rec: dict[str, str], line: int, start: int, end: int, raw: str, mapping: Mapping,
             tables: list[tuple[Lookup, dict[str, dict[str, str]]]]) -> Row:
    def value(f: str) -> str | None:
        col = mapping.columns.get(f)
        v = rec.get(col, "").strip() if col else ""
        return None if v in mapping.missing else v

    project, org = value("project"), value("organization")
    if not project:
        raise ValueError(f"no project (column {mapping.columns['project']!r} is empty)")
    if not org:
        raise ValueError(f"no organization (column {mapping.columns['organization']!r} is empty)")
    role = value("role")
    if role is not None and mapping.roles:
        if role not in mapping.roles:
            raise ValueError(f"unknown role {role!r} (the mapping knows {', '.join(sorted(mapping.roles))})")
        relation = mapping.roles[role]
    else:
        relation = mapping.default_role
    code = value("type")
    if code is not None and mapping.types:
        if code not in mapping.types:
            raise ValueError(f"unknown type {code!r} (the mapping knows {', '.join(sorted(mapping.types))})")
        etype, subtype = mapping.types[code]
    else:
        etype, subtype = mapping.default_type
    date = value("date")
    if date is not None and not _DATE.match(date):
        raise ValueError(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    amount_text = value("amount")
    amount = None
    if amount_text is not None:
        try:
            amount = float(amount_text)
        except ValueError:
            raise ValueError(f"amount {amount_text!r} is not a number") from None

    fields: dict[str, str] = {"project": project, "organization": org}
    org_fields: dict[str, str] = {}
    for lk, table in tables:
        hit = table.get(project if lk.on == "project" else org) or {}
        (fields if lk.on == "project" else org_fields).update(hit)
    name = value("name") or org_fields.get("name")
    return Row(line=line, start=start, end=end, project=project, organization=org, name=name,
               relation=relation, role=role, type=etype, subtype=subtype, country=value("country"),
               date=date, amount=amount, project_fields=fields, text=raw)


# --------------------------------------------------------------------------- to the model


def document_of(table: Table, mapping: Mapping) -> Document:
    return Document(id=table.digest, source=str(table.path), format=mapping.format, text=table.text,
                    title=mapping.source or table.path.name, language="en", kind="table")


def to_extraction(table: Table, mapping: Mapping) -> Extraction:
    """Pure: the table's rows as one document's extraction (one entity per identifier)."""
    doc = document_of(table, mapping)
    entities: dict[str, ExtractedEntity] = {}
    relations: list[ExtractedRelation] = []
    fname = table.path.name
    for row in table.rows:
        okey, pkey = f"o:{row.organization}", f"p:{row.project}"
        if pkey not in entities:
            attrs: dict[str, Any] = {mapping.project_id_attribute: row.project}
            if row.date:
                attrs["start_date"] = row.date
            for k, v in row.project_fields.items():
                if k not in ("project", "organization"):
                    attrs[k] = v
            # only when the row gives the template something (not the bare template text)
            description = render(mapping.project_description, row.project_fields)
            if description != render(mapping.project_description, {}):
                attrs["description"] = description
            entities[pkey] = ExtractedEntity(
                key=pkey, type=EntityType.PROJECT, name=render(mapping.project_name, row.project_fields),
                attributes=attrs, mentions=[_mention(doc.id, row, row.project)])
        if okey not in entities:
            attrs = {mapping.org_id_attribute: row.organization}
            if row.country:
                attrs["country"] = row.country
            name = row.name or render(mapping.placeholder, {"organization": row.organization})
            entities[okey] = ExtractedEntity(
                key=okey, type=row.type, name=name, subtype=row.subtype, attributes=attrs,
                mentions=[_mention(doc.id, row, row.organization)])
            if row.name:
                entities[okey].attributes["named"] = True
        sentence = f"{fname} line {row.line}: {row.text}"
        relations.append(ExtractedRelation(row.relation, okey, pkey,
                                           Evidence(doc.id, row.start, row.end, sentence), row.role))
    return Extraction(document=doc, entities=list(entities.values()), relations=relations)


def _mention(doc_id: str, row: Row, value: str) -> Mention:
    at = row.text.find(value)
    start = row.start + at if at >= 0 else row.start
    return Mention(doc_id, start, start + len(value) if at >= 0 else row.end, value)


def assign(extraction: Extraction, resolver: Callable[[Extraction, Any], dict[str, Entity]],
           store: Any) -> tuple[dict[str, Entity], int]:
    """Entity per key: named entities through ``resolver`` (in chunks), identifier-named
    ones by the resolver's id for a new entity. Also returns how many named entities
    met a node already in the store."""
    named = [e for e in extraction.entities if e.attributes.get("named")]
    out: dict[str, Entity] = {}
    for i in range(0, len(named), RESOLVE_CHUNK):
        part = Extraction(extraction.document, named[i:i + RESOLVE_CHUNK], [])
        out.update(resolver(part, store))
    ids = list({out[e.key].id for e in named})
    existing = {r["id"] for r in store.run("resolve/entities_by_ids", ids=ids).rows} if ids else set()
    met = sum(1 for e in named if out[e.key].id in existing)
    for e in extraction.entities:
        if e.key not in out:
            out[e.key] = Entity(new_entity_id(e.name, e.type), e.type, e.name, e.subtype, [],
                                dict(e.attributes))
    for key, entity in out.items():
        entity.attributes.pop("named", None)
        out[key] = entity
    return out, met


def import_file(path: Path, mapping: Mapping, settings: Any, store: Any, *, resolver=None) -> ImportReport:
    """Import one table into ``store``; unchanged files are skipped, changed ones replaced."""
    t0 = time.perf_counter()
    table = read_table(path, mapping)
    report = ImportReport(str(path), "unchanged", rows=len(table.rows), bad_rows=table.bad)
    # one writer per table, as per document (ingest.locks): a concurrent import of the
    # same file waits, then finds it stored
    with document_lock(settings.data_dir, str(table.path)):
        if store.run("ingest/document_exists", id=table.digest).scalar(0):
            report.seconds = time.perf_counter() - t0
            return report
        previous = [r["id"] for r in store.run("ingest/documents_by_source", source=str(table.path)).rows]
        extraction = to_extraction(table, mapping)
        if resolver is None:
            resolver = StoreResolver(settings).assign
        assignment, met = assign(extraction, resolver, store)
        batch = to_graph(extraction, assignment)
        store.write_document(batch)  # complete marker last, as for documents
        for old in previous:
            if old != table.digest:
                store.delete_document(old)

    replay(store, settings)
    invalidate(settings)
    report.status = "replaced" if previous else "imported"
    report.entities, report.relations, report.named_resolved = len(batch.entities), len(batch.relations), met
    report.seconds = time.perf_counter() - t0
    return report
