// Entity-to-entity relationships touching an entity, with their evidence. params: id.
// columns: id, type, source, target, doc_id, start, end, sentence, role
MATCH (a:Entity {id: $id})-[r]->(b:Entity)
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.doc_id AS doc_id,
       r.start AS start, r.end AS end, r.sentence AS sentence, r.role AS role
UNION
MATCH (a:Entity)-[r]->(b:Entity {id: $id})
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.doc_id AS doc_id,
       r.start AS start, r.end AS end, r.sentence AS sentence, r.role AS role
