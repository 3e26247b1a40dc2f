// Projects an entity takes part in, leads or funds (one row per project).
MATCH (e:Entity {id: $id})-[r:PARTICIPATES_IN|LEADS|FUNDS]->(p:Project)
WITH p, collect(DISTINCT type(r)) AS roles, count(r) AS evidence
RETURN p.id AS id, p.name AS name, p.status AS status,
       p.scale_ai_investment_cad AS scale_ai_investment_cad,
       p.total_investment_cad AS total_investment_cad, roles, evidence
ORDER BY toLower(p.name)
LIMIT $limit
