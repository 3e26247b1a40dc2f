// Upsert AFFILIATED_WITH relationships with their evidence. rows: {id, source_id, target_id, doc_id, start, end, sentence, role}
UNWIND $rows AS row
MATCH (s:Entity {id: row.source_id})
MATCH (t:Entity {id: row.target_id})
MERGE (s)-[r:AFFILIATED_WITH {id: row.id}]->(t)
SET r.doc_id = row.doc_id, r.start = row.start, r.end = row.end,
    r.sentence = row.sentence, r.role = row.role
