// name: Everything stated about an entity
// description: Every relationship of the given entity, in either direction, with the sentence and
// description: document that state it.
// param: id entity - the entity (id, name or acronym)
// param: limit int = 200 - how many rows
// columns: relation, direction, other_id, other, other_type, role, document_id, sentence
MATCH (x:Entity {id: $id})-[r]-(o:Entity)
RETURN type(r) AS relation, CASE WHEN startNode(r) = x THEN 'out' ELSE 'in' END AS direction,
       o.id AS other_id, o.name AS other, o.type AS other_type, r.role AS role,
       r.doc_id AS document_id, r.sentence AS sentence
ORDER BY relation, other, document_id, r.start
LIMIT $limit
