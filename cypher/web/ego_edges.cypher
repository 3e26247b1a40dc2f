// Links among a set of entities (for the ego-network drawing), one row per linked pair and type.
// Every pair is checked with both ends bound, so a hub among the ids costs a lookup per
// pair instead of a walk over its thousands of links.
MATCH (a:Entity)
WHERE a.id IN $ids
WITH collect(a) AS nodes
UNWIND nodes AS a
UNWIND nodes AS b
WITH a, b
WHERE a.id < b.id
MATCH (a)-[r]-(b)
RETURN DISTINCT a.id AS source, b.id AS target, type(r) AS rel
