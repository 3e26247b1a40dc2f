// Entities already linked to these reference-list ids (an earlier `grappe authority load`).
// params: ids (list). columns: id, type, name, subtype, aliases, properties
UNWIND $ids AS wanted
MATCH (e:Entity)
WHERE e.authority_id = wanted
RETURN e.id AS id, e.type AS type, e.name AS name, e.subtype AS subtype,
       e.aliases AS aliases, properties(e) AS properties
