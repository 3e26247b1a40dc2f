// Export: relationships between entities, for one page of source entities
// (keyset-paginated on the source id, so each relationship comes exactly once).
// $after: the last source id of the previous page ('' for the first); $batch: sources per page.
MATCH (s:Entity)
WHERE s.id > $after
WITH s
ORDER BY s.id
LIMIT $batch
OPTIONAL MATCH (s)-[r]->(t:Entity)
RETURN s.id AS source, t.id AS target, type(r) AS type, properties(r) AS props
ORDER BY source, type, props.id
