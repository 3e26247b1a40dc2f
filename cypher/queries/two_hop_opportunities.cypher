// name: Two-hop opportunities
// description: Organizations and universities two hops away from the given entity (partners of its
// description: project partners) that it has never worked with, ranked by how many partners lead to them.
// param: id entity - the organization or university (id, name or acronym)
// param: limit int = 25 - how many candidates
// columns: candidate_id, candidate, type, subtype, via_count, via
MATCH (x:Entity {id: $id})-[:PARTICIPATES_IN|LEADS]->(:Project)<-[:PARTICIPATES_IN|LEADS]-(m:Entity)
WHERE m <> x AND m.type IN ['Organization', 'University']
WITH DISTINCT x, m
MATCH (m)-[:PARTICIPATES_IN|LEADS]->(:Project)<-[:PARTICIPATES_IN|LEADS]-(c:Entity)
WHERE c <> x AND c.type IN ['Organization', 'University']
  AND NOT (x)-[:PARTICIPATES_IN|LEADS]->(:Project)<-[:PARTICIPATES_IN|LEADS]-(c)
  AND NOT (x)-[:PARTNERS_WITH]-(c)
WITH c, m
ORDER BY m.name
WITH c, collect(DISTINCT m.name) AS via
RETURN c.id AS candidate_id, c.name AS candidate, c.type AS type, c.subtype AS subtype,
       size(via) AS via_count, via
ORDER BY via_count DESC, candidate
LIMIT $limit
