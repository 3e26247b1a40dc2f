// Who takes part in, leads or funds a project (one row per participant).
MATCH (x:Entity)-[r:PARTICIPATES_IN|LEADS|FUNDS]->(p:Project {id: $id})
WITH x, collect(DISTINCT type(r)) AS roles, count(r) AS evidence
RETURN x.id AS id, x.name AS name, x.type AS type, x.subtype AS subtype, roles, evidence
ORDER BY toLower(x.name)
LIMIT $limit
