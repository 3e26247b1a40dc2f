// name: Documents and what they contributed
// description: Each document with how many mentions, entities and relationships it brought to the graph.
// param: limit int = 100 - how many documents
// columns: document_id, title, date, kind, mentions, entities, relations
MATCH (d:Document)
OPTIONAL MATCH (d)-[:HAS_MENTION]->(m:Mention)-[:REFERS_TO]->(e:Entity)
WITH d, count(DISTINCT m) AS mentions, collect(DISTINCT e) AS entities
UNWIND (CASE WHEN size(entities) = 0 THEN [null] ELSE entities END) AS e
OPTIONAL MATCH (e)-[r]->(:Entity)
WHERE r.doc_id = d.id
WITH d, mentions, size(entities) AS entity_count, count(DISTINCT r) AS relations
RETURN d.id AS document_id, d.title AS title, d.date AS date, d.kind AS kind,
       mentions, entity_count AS entities, relations
ORDER BY relations DESC, mentions DESC, title
LIMIT $limit
