// Links among a set of entities (for the ego-network drawing), one row per linked pair.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND a.id < b.id
RETURN DISTINCT a.id AS source, b.id AS target, type(r) AS rel
