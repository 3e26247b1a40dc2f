// Affiliations of an entity: its people (for an organization) or its organizations (for a person).
MATCH (e:Entity {id: $id})-[r:AFFILIATED_WITH]-(x:Entity)
WITH x, collect(DISTINCT r.role) AS roles, count(r) AS evidence
RETURN x.id AS id, x.name AS name, x.type AS type, x.subtype AS subtype, roles, evidence
ORDER BY toLower(x.name)
LIMIT $limit
