// Export: one page of entities, keyset-paginated on id (uses the Entity.id index).
// $after: the last id of the previous page ('' for the first); $batch: page size.
MATCH (e:Entity)
WHERE e.id > $after
WITH e
ORDER BY e.id
LIMIT $batch
RETURN e.id AS id, e.type AS type, properties(e) AS props
