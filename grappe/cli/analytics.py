"""``grappe match``, ``grappe partners``, ``grappe path``, ``grappe stats``: thin wrappers
over :class:`graph.analytics.service.Analytics`.

Names are resolved with :func:`graph.search.resolve_name` (an id works too); an
ambiguous name prints the candidates (with their ids) and exits with status 2.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from graph.analytics.service import Analytics
from graph.store import open_store
from grappe.cli.base import pass_settings

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                      show_default=True, help="Output format.")


@contextmanager
def _service(settings: Any) -> Iterator[Any]:
    store = open_store(settings)
    try:
        yield Analytics(store, settings)
    finally:
        store.close()


def _resolve(svc: Analytics, name: str) -> dict:
    return svc.resolve(name)  # an Ambiguous name lists its candidates (grappe.cli.base.fail)


def _label(e: dict) -> str:
    sub = e.get("subtype") or e.get("type")
    return f"{e['name']} ({sub})"


def _json(payload: Any) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))


@click.command("match")
@click.argument("name")
@click.option("-k", "k", type=click.IntRange(1, 200), default=10, show_default=True,
              help="How many recommendations.")
@click.option("--exclude-hubs", is_flag=True,
              help="Leave out the hubs (top 1% by degree): partners you would find alone.")
@FORMAT
@pass_settings
def match(settings: Any, name: str, k: int, exclude_hubs: bool, fmt: str) -> None:
    """Who NAME (an organization, university or id) should meet, and why."""
    with _service(settings) as svc:
        entity = _resolve(svc, name)
        recs = svc.recommend(entity["id"], k, exclude_hubs=exclude_hubs)
    if fmt == "json":
        _json({"entity": entity, "recommendations": [r.to_dict() for r in recs]})
        return
    click.echo(f"Recommendations for {_label(entity)}:")
    if not recs:
        click.echo("  none: no organization is close enough in the graph or by topic.")
    for i, r in enumerate(recs, 1):
        c = r.components
        click.echo(f"{i:>3}. {_label(r.candidate)}  score {r.score:.3f} "
                   f"(proximity {c['proximity']:.2f}, topic {c['topic']:.2f}, role {c['role']:.2f})")
        click.echo(f"     {r.explanation}")


@click.command("partners")
@click.argument("name")
@click.option("--limit", "limit", default=100, show_default=True, type=click.IntRange(1, 100_000),
              help="How many partners (explicit partnerships and most shared projects first).")
@FORMAT
@pass_settings
def partners(settings: Any, name: str, limit: int, fmt: str) -> None:
    """Who NAME already works with: shared projects and partnership evidence."""
    with _service(settings) as svc:
        entity = _resolve(svc, name)
        rows, total = svc.partners_page(entity["id"], limit)
    if fmt == "json":
        _json({"entity": entity, "partners": rows, "total": total})
        return
    shown = f" (the first {len(rows)})" if total > len(rows) else ""
    click.echo(f"Partners of {_label(entity)}: {total}{shown}")
    for r in rows:
        tag = " [explicit partnership]" if r["explicit"] else ""
        click.echo(f"  {_label(r['partner'])}{tag}")
        if r["shared_projects"]:
            names = ", ".join(p["name"] for p in r["shared_projects"][:5])
            more = f" (+{r['shared_count'] - 5})" if r["shared_count"] > 5 else ""
            click.echo(f"     projects: {names}{more}")
        for ev in r["evidence"][:3]:
            click.echo(f"     \"{ev['sentence']}\" [{ev.get('title') or ev['doc_id']}]")


@click.command("path")
@click.argument("name1")
@click.argument("name2")
@click.option("--max-hops", type=click.IntRange(1, 4), default=3, show_default=True)
@FORMAT
@pass_settings
def path(settings: Any, name1: str, name2: str, max_hops: int, fmt: str) -> None:
    """Shortest connections between NAME1 and NAME2 (projects, partnerships, people)."""
    with _service(settings) as svc:
        a, b = _resolve(svc, name1), _resolve(svc, name2)
        found = svc.paths(a["id"], b["id"], max_hops=max_hops)
    if fmt == "json":
        _json({"from": a, "to": b, "paths": found})
        return
    if not found:
        click.echo(f"No connection within {max_hops} hops between {_label(a)} and {_label(b)}.")
        return
    click.echo(f"{len(found)} shortest path(s) of {found[0]['hops']} hop(s) "
               f"between {_label(a)} and {_label(b)}:")
    for i, p in enumerate(found, 1):
        click.echo(f"  {i}. " + " -> ".join(n["name"] for n in p["nodes"]))
        for s in p["steps"]:
            via = ", ".join(s["relations"])
            projects = "; ".join(pr["name"] for pr in s["projects"][:3])
            click.echo(f"       {s['from']['name']} -- {s['to']['name']}: {via}"
                       + (f" ({projects})" if projects else ""))


@click.command("stats")
@click.option("--brokers", "n_brokers", type=click.IntRange(0, 100), default=5, show_default=True,
              help="Also list this many brokers (betweenness).")
@FORMAT
@pass_settings
def stats(settings: Any, n_brokers: int, fmt: str) -> None:
    """Ecosystem numbers: counts, most connected, communities, brokers, gaps."""
    with _service(settings) as svc:
        st = svc.stats()
        brokers = svc.brokers(n_brokers) if n_brokers else []
    if fmt == "json":
        _json({**st, "brokers": brokers})
        return
    c = st["counts"]
    click.echo("Entities: " + ", ".join(f"{k} {v}" for k, v in c["by_type"].items()))
    if c["by_subtype"]:
        click.echo("Organizations by subtype: " + ", ".join(f"{k} {v}" for k, v in c["by_subtype"].items()))
    links = st["links"]
    click.echo(f"Links: {links['participations']} participations, {links['co_participation_pairs']} "
               f"co-participating pairs, {links['explicit_partnerships']} explicit partnerships, "
               f"{links['affiliations']} affiliations")
    click.echo(f"Communities: {st['communities']}; isolated organizations: {st['isolated_organizations']}")
    click.echo("Most connected:")
    for m in st["most_connected"]:
        click.echo(f"  {_label(m['entity'])}: {m['partners']} partners, {m['projects']} projects")
    gap = st["startups_smes_without_academic_partner"]
    click.echo(f"Startups/SMEs without an academic partner: {gap['count']} of {gap['total']}")
    for e in gap["examples"]:
        click.echo(f"  {_label(e)}")
    if brokers:
        click.echo("Brokers (betweenness):")
        for b in brokers:
            click.echo(f"  {_label(b['entity'])}: {b['betweenness']:.3f}")
