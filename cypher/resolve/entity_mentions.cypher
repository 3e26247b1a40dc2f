// Mentions that refer to an entity. params: id. columns: id, doc_id, start, end, text
MATCH (m:Mention)-[:REFERS_TO]->(e:Entity {id: $id})
RETURN m.id AS id, m.doc_id AS doc_id, m.start AS start, m.end AS end, m.text AS text
