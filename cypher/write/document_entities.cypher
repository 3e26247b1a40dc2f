// Ids of the entities a document touches (its mentions' entities and the ends of
// its relationships), collected before deleting the document.
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
