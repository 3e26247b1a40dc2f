// One entity by id. params: id. columns: id, type, name, subtype, aliases, properties
// (properties holds every stored property, attributes included).
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.type AS type, e.name AS name, e.subtype AS subtype,
       e.aliases AS aliases, properties(e) AS properties
