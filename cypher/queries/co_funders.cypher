// name: Co-funders
// description: Pairs of funders that fund the same projects, with those projects.
// param: limit int = 50 - how many pairs
// columns: a_id, a, b_id, b, shared_count, shared_projects
MATCH (a:Entity)-[:FUNDS]->(p:Project)<-[:FUNDS]-(b:Entity)
WHERE a.id < b.id
WITH a, b, p
ORDER BY p.name
WITH a, b, collect(DISTINCT p.name) AS shared_projects
RETURN a.id AS a_id, a.name AS a, b.id AS b_id, b.name AS b,
       size(shared_projects) AS shared_count, shared_projects
ORDER BY shared_count DESC, a, b
LIMIT $limit
