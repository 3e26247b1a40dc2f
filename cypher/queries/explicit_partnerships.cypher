// name: Explicit partnerships with evidence
// description: Partnerships stated in the documents, one row per stating sentence, with its document.
// description: Optionally only those of one organization or university.
// param: id entity = null - only partnerships of this entity (id, name or acronym)
// param: limit int = 200 - how many rows
// columns: a_id, a, b_id, b, document_id, document, sentence
MATCH (a:Entity)-[r:PARTNERS_WITH]->(b:Entity)
WHERE $id IS NULL OR a.id = $id OR b.id = $id
OPTIONAL MATCH (d:Document {id: r.doc_id})
RETURN a.id AS a_id, a.name AS a, b.id AS b_id, b.name AS b,
       r.doc_id AS document_id, d.title AS document, r.sentence AS sentence
ORDER BY a, b, document, r.start
LIMIT $limit
