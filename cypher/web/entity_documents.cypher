// Documents that mention an entity, most mentions first.
MATCH (d:Document)-[:HAS_MENTION]->(m:Mention)-[:REFERS_TO]->(e:Entity {id: $id})
WITH d, count(m) AS mentions
RETURN d.id AS id, d.title AS title, d.date AS date, d.language AS language, mentions
ORDER BY mentions DESC, d.date DESC
LIMIT $limit
