// Upsert mentions: (Document)-[:HAS_MENTION]->(Mention)-[:REFERS_TO]->(Entity).
// rows: {id, entity_id, doc_id, start, end, text}. A mention that referred to
// another entity before (a corrected resolution) is re-pointed.
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MATCH (e:Entity {id: row.entity_id})
MERGE (m:Mention {id: row.id})
SET m.doc_id = row.doc_id, m.start = row.start, m.end = row.end, m.text = row.text
MERGE (d)-[:HAS_MENTION]->(m)
WITH m, e
OPTIONAL MATCH (m)-[old:REFERS_TO]->(other:Entity)
WHERE other.id <> e.id
DELETE old
WITH DISTINCT m, e
MERGE (m)-[:REFERS_TO]->(e)
