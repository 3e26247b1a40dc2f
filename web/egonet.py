"""The ego-network drawing: an SVG made on the server from a networkx layout.

The entity sits in the middle; its neighbours go on one ring (two when there are
many), ordered by type so colours group together. Labels run along the radius
(flipped on the left half so they never read upside down), which keeps them
legible at 30+ neighbours. Every node links to its entity page.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
from markupsafe import Markup, escape

COLOURS = {
    "Organization": "#1f6fb2",
    "University": "#7a3db8",
    "Person": "#c25a00",
    "Project": "#1d8a4e",
}
REL_COLOURS = {
    "PARTNERS_WITH": "#1f6fb2",
    "PARTICIPATES_IN": "#1d8a4e",
    "LEADS": "#0b5d33",
    "FUNDS": "#a07800",
    "AFFILIATED_WITH": "#c25a00",
}
TYPE_ORDER = {"Organization": 0, "University": 1, "Project": 2, "Person": 3}
MAX_LABEL = 30


def _label(name: str) -> str:
    name = " ".join((name or "").split())
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1] + "…"


def layout(data: dict[str, Any]) -> tuple[nx.Graph, dict[str, tuple[float, float]]]:
    centre = data["entity"]
    graph = nx.Graph()
    graph.add_node(centre["id"], **centre)
    neighbours = sorted(data["neighbours"], key=lambda n: (TYPE_ORDER.get(n.get("type"), 9),
                                                            (n.get("name") or "").casefold()))
    for n in neighbours:
        graph.add_node(n["id"], **n)
    for e in data["edges"]:
        if e["source"] in graph and e["target"] in graph:
            graph.add_edge(e["source"], e["target"], rel=e.get("rel"))
    ids = [n["id"] for n in neighbours]
    if len(ids) > 40:  # two rings, alternating, so neighbours do not crowd
        shells = [[centre["id"]], ids[1::2], ids[0::2]]
    else:
        shells = [[centre["id"]], ids] if ids else [[centre["id"]]]
    pos = nx.shell_layout(graph, nlist=shells, scale=1.0) if len(graph) > 1 else {centre["id"]: (0.0, 0.0)}
    # centre at the origin and the outer ring at radius 1, whatever networkx's scale
    cx, cy = (float(c) for c in pos[centre["id"]])
    points = {k: (float(v[0]) - cx, float(v[1]) - cy) for k, v in pos.items()}
    reach = max((math.hypot(x, y) for x, y in points.values()), default=0.0) or 1.0
    return graph, {k: (x / reach, y / reach) for k, (x, y) in points.items()}


def render_svg(data: dict[str, Any], url_for_entity) -> Markup:
    """The SVG markup (already escaped) for ``data`` from :func:`web.data.ego_network`."""
    graph, pos = layout(data)
    centre_id = data["entity"]["id"]
    n = len(graph) - 1
    radius = 120 if n <= 6 else 170 if n <= 14 else 230 if n <= 30 else 300
    margin = 230
    size = 2 * (radius + margin)
    cx = cy = size / 2

    def xy(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return cx + x * radius, cy - y * radius

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="egonet" width="{size:.0f}" height="{size:.0f}" '
        f'viewBox="0 0 {size:.0f} {size:.0f}" '
        f'role="img" aria-labelledby="egonet-title">',
        f'<title id="egonet-title">Network of {escape(data["entity"]["name"])}: {n} neighbours</title>',
        '<g class="edges">',
    ]
    for a, b, attrs in graph.edges(data=True):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        on_centre = centre_id in (a, b)
        colour = REL_COLOURS.get(attrs.get("rel") or "", "#888888")
        width = "1.6" if on_centre else "0.8"
        opacity = "0.75" if on_centre else "0.35"
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                   f'stroke-width="{width}" stroke-opacity="{opacity}"/>')
    out.append("</g><g class=\"nodes\">")
    for node, attrs in graph.nodes(data=True):
        x, y = xy(node)
        colour = COLOURS.get(attrs.get("type") or "", "#555555")
        name = attrs.get("name") or node
        rels = ", ".join(r.lower().replace("_", " ") for r in attrs.get("rels") or [])
        tip = f"{name} ({attrs.get('type')}{', ' + rels if rels else ''})"
        href = escape(url_for_entity(node))
        out.append(f'<a href="{href}" class="node"><title>{escape(tip)}</title>')
        if node == centre_id:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="14" fill="{colour}" stroke="#222" stroke-width="2"/>')
            out.append(f'<text x="{x:.1f}" y="{y + 32:.1f}" text-anchor="middle" class="centre-label">'
                       f'{escape(_label(name))}</text>')
        else:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour}" stroke="#fff" stroke-width="1.5"/>')
            angle = math.degrees(math.atan2(y - cy, x - cx))
            left = abs(angle) > 90
            rotate = angle + 180 if left else angle
            dx = -11 if left else 11
            anchor = "end" if left else "start"
            out.append(f'<text x="{x + dx:.1f}" y="{y:.1f}" dy="0.35em" text-anchor="{anchor}" '
                       f'transform="rotate({rotate:.1f} {x:.1f} {y:.1f})">{escape(_label(name))}</text>')
        out.append("</a>")
    out.append("</g></svg>")
    return Markup("".join(out))
