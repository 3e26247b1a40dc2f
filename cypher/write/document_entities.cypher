// Ids of the entities a document touches (its mentions' entities and the ends of
// its relationships, and those an unfinished write planned), collected before deleting it.
MATCH (m:Mention {doc_id: $doc_id})-[:REFERS_TO]->(e:Entity)
RETURN e.id AS id
UNION
MATCH (a:Entity)-[r:PARTICIPATES_IN {doc_id: $doc_id}]->(b:Entity)
UNWIND [a.id, b.id] AS id
RETURN id
UNION
MATCH (a:Entity)-[r:LEADS {doc_id: $doc_id}]->(b:Entity)
UNWIND [a.id, b.id] AS id
RETURN id
UNION
MATCH (a:Entity)-[r:FUNDS {doc_id: $doc_id}]->(b:Entity)
UNWIND [a.id, b.id] AS id
RETURN id
UNION
MATCH (a:Entity)-[r:AFFILIATED_WITH {doc_id: $doc_id}]->(b:Entity)
UNWIND [a.id, b.id] AS id
RETURN id
UNION
MATCH (a:Entity)-[r:PARTNERS_WITH {doc_id: $doc_id}]->(b:Entity)
UNWIND [a.id, b.id] AS id
RETURN id
UNION
MATCH (d:Document {id: $doc_id})
UNWIND coalesce(d.entity_ids, []) AS id
RETURN id
