"""The whole content of a graph as comparable values (nodes and relationships with
their properties; ingest timestamps left out, they differ from run to run)."""

from __future__ import annotations

import json

VOLATILE = {"ingested_at"}


def dump(store) -> dict[str, list[str]]:
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props",
                       max_rows=1_000_000).rows
    edges = store.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, "
                       "properties(r) AS props", max_rows=1_000_000).rows

    def canon(row: dict) -> str:
        row = dict(row)
        props = {k: v for k, v in row.pop("props").items() if k not in VOLATILE}
        for k, v in props.items():
            if isinstance(v, list):
                props[k] = sorted(v, key=str)  # FalkorDB keeps list order; aliases' order is not a fact
        if "labels" in row:
            row["labels"] = sorted(row["labels"])
        return json.dumps({**row, "props": props}, sort_keys=True, ensure_ascii=False)

    return {"nodes": sorted(canon(r) for r in nodes), "edges": sorted(canon(r) for r in edges)}
