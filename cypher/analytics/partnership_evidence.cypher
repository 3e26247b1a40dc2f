// Explicit PARTNERS_WITH evidence of one entity: one row per partner and document.
// param: id string - the organization or university
MATCH (x:Entity {id: $id})-[r:PARTNERS_WITH]-(o:Entity)
RETURN o.id AS partner_id, r.doc_id AS doc_id, r.sentence AS sentence, r.start AS start, r.end AS span_end
ORDER BY partner_id, doc_id, start
