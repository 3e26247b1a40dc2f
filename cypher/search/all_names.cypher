// Every entity's name and aliases, one page at a time (graph/name_index.py builds its in-memory
// name index from them). $after: the last id of the previous page ('' for the first); $limit: page size.
MATCH (e:Entity)
WHERE e.id > $after
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype, e.aliases AS aliases
ORDER BY e.id
LIMIT $limit
