// Relationship (evidence) counts per document.
MATCH (:Entity)-[r]->(:Entity)
WHERE r.doc_id IS NOT NULL
RETURN r.doc_id AS doc_id, count(r) AS relations
