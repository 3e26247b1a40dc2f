// Entities whose name or one alias is exactly $wanted (curation "show"). params: wanted, limit.
MATCH (e:Entity)
WHERE e.name = $wanted OR $wanted IN e.aliases
RETURN e.id AS id, e.type AS type, e.name AS name, e.subtype AS subtype,
       e.aliases AS aliases, properties(e) AS properties
LIMIT $limit
