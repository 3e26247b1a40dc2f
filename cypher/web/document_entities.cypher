// Entities a document mentions, most mentioned first.
MATCH (d:Document {id: $id})-[:HAS_MENTION]->(m:Mention)-[:REFERS_TO]->(e:Entity)
WITH e, count(m) AS mentions
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype, mentions
ORDER BY mentions DESC, e.name
LIMIT $limit
