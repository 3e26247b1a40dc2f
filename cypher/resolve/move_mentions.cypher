// Re-point mentions from one entity to another. params: from_id, to_id, ids (mention ids, or null for all).
MATCH (m:Mention)-[r:REFERS_TO]->(:Entity {id: $from_id})
WHERE $ids IS NULL OR m.id IN $ids
MATCH (t:Entity {id: $to_id})
DELETE r
CREATE (m)-[:REFERS_TO]->(t)
RETURN count(m) AS moved
