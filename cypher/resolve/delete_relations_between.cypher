// Delete the links of the given types between two entities, either direction. params: a, b, types.
MATCH (x:Entity {id: $a})-[r]-(y:Entity {id: $b})
WHERE type(r) IN $types
DELETE r
RETURN count(r) AS deleted
