// Every entity, for resolving against a small graph. columns: id, type, name, subtype, aliases, properties
MATCH (e:Entity)
RETURN e.id AS id, e.type AS type, e.name AS name, e.subtype AS subtype,
       e.aliases AS aliases, properties(e) AS properties
