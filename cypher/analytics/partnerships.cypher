// Analytics projection: distinct explicit partnerships (stored once, either direction).
MATCH (a:Entity)-[:PARTNERS_WITH]->(b:Entity)
RETURN DISTINCT a.id AS a, b.id AS b
