// The neighbourhood of an entity: distinct neighbours with their relation types.
MATCH (e:Entity {id: $id})-[r]-(x:Entity)
WITH x, collect(DISTINCT type(r)) AS rels, count(r) AS weight
RETURN x.id AS id, x.name AS name, x.type AS type, x.subtype AS subtype, rels, weight
ORDER BY weight DESC, x.name
LIMIT $limit
