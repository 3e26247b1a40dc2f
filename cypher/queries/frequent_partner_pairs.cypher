// name: Partners that appear most often together
// description: Pairs of organizations or universities that take part in the most projects together.
// param: min_shared int = 2 - the fewest shared projects for a pair to be listed
// param: limit int = 50 - how many pairs
// columns: a_id, a, b_id, b, shared_count, shared_projects
MATCH (a:Entity)-[:PARTICIPATES_IN|LEADS]->(p:Project)<-[:PARTICIPATES_IN|LEADS]-(b:Entity)
WHERE a.id < b.id AND a.type IN ['Organization', 'University'] AND b.type IN ['Organization', 'University']
WITH a, b, p
ORDER BY p.name
WITH a, b, collect(DISTINCT p.name) AS shared_projects
WHERE size(shared_projects) >= $min_shared
RETURN a.id AS a_id, a.name AS a, b.id AS b_id, b.name AS b,
       size(shared_projects) AS shared_count, shared_projects
ORDER BY shared_count DESC, a, b
LIMIT $limit
