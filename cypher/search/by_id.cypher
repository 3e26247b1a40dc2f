// One entity by its id (search and resolve_name accept an id as the query).
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype, e.aliases AS aliases
