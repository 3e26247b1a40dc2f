// The stored documents read from one source path (a changed file has a new id), and
// whether each is complete (see document_exists).
MATCH (d:Document)
WHERE d.source = $source
RETURN d.id AS id, coalesce(d.complete, true) AS complete
