// The stored documents read from one source path (a changed file has a new id).
MATCH (d:Document)
WHERE d.source = $source
RETURN d.id AS id
