// Names and types of a list of entities (for labelling paths and recommendations).
MATCH (e:Entity)
WHERE e.id IN $ids
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype, e.aliases AS aliases
