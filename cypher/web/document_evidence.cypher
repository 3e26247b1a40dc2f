// The relationships a document states, in text order, with their sentences.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.doc_id = $id
RETURN type(r) AS rel, a.id AS a_id, a.name AS a_name, a.type AS a_type,
       b.id AS b_id, b.name AS b_name, b.type AS b_type,
       r.role AS role, r.sentence AS sentence, r.start AS start, r.end AS end
ORDER BY r.start
LIMIT $limit
