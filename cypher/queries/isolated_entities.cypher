// name: Entities with no relationship
// description: Entities that are mentioned but linked to nothing: candidates for curation (a missed
// description: relation, or a duplicate of a linked entity).
// param: type string = null - only this entity type (Organization, University, Person, Project)
// param: limit int = 200 - how many entities
// columns: entity_id, entity, type, subtype, mentions
MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type)
  AND NOT (e)-[:PARTICIPATES_IN|LEADS|FUNDS|AFFILIATED_WITH|PARTNERS_WITH]-(:Entity)
OPTIONAL MATCH (m:Mention)-[:REFERS_TO]->(e)
RETURN e.id AS entity_id, e.name AS entity, e.type AS type, e.subtype AS subtype, count(m) AS mentions
ORDER BY mentions DESC, entity
LIMIT $limit
