"""External ids of an entity (from a reference list) and the links they make.

The properties a loaded authority record sets on an entity are listed once here;
the entity page, the API and exports show them.
"""

from __future__ import annotations

from typing import Any

#: the entity properties an authority record sets
EXTERNAL_KEYS = ("authority_id", "wikidata", "ror", "website", "country")


def external_links(props: dict[str, Any]) -> list[dict[str, str | None]]:
    """The external ids of an entity as ``{label, id, url}`` (url None: not a link)."""
    out: list[dict[str, str | None]] = []
    if props.get("wikidata"):
        q = str(props["wikidata"])
        out.append({"label": "Wikidata", "id": q, "url": f"https://www.wikidata.org/wiki/{q}"})
    if props.get("ror"):
        r = str(props["ror"])
        out.append({"label": "ROR", "id": r, "url": f"https://ror.org/{r}"})
    if props.get("website"):
        w = str(props["website"])
        safe = w.startswith(("https://", "http://"))  # never a javascript: or data: link
        out.append({"label": "Website", "id": w.split("://", 1)[-1], "url": w if safe else None})
    if props.get("authority_id"):
        out.append({"label": "Reference list", "id": str(props["authority_id"]), "url": None})
    return out
