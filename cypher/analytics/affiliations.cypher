// Analytics projection: distinct person -> organization/university affiliations.
MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Entity)
RETURN DISTINCT p.id AS person, o.id AS org
