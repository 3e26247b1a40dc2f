// Evidence for the links between two entities (either direction), optionally of some types.
MATCH (a:Entity {id: $a})-[r]-(b:Entity {id: $b})
WHERE $types IS NULL OR type(r) IN $types
OPTIONAL MATCH (d:Document {id: r.doc_id})
RETURN type(r) AS rel, r.role AS role, r.doc_id AS doc_id, r.sentence AS sentence,
       r.start AS start, r.end AS end, d.title AS title, d.date AS date
ORDER BY date DESC, doc_id, start
LIMIT $limit
