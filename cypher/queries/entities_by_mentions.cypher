// name: Entities by mention count
// description: The most mentioned entities, with how many documents mention them.
// param: type string = null - only this entity type (Organization, University, Person, Project)
// param: limit int = 50 - how many entities
// columns: entity_id, entity, type, subtype, mentions, documents
MATCH (m:Mention)-[:REFERS_TO]->(e:Entity)
WHERE $type IS NULL OR e.type = $type
RETURN e.id AS entity_id, e.name AS entity, e.type AS type, e.subtype AS subtype,
       count(DISTINCT m) AS mentions, count(DISTINCT m.doc_id) AS documents
ORDER BY mentions DESC, documents DESC, entity
LIMIT $limit
