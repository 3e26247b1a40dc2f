// Ingested documents with their mention and entity counts, newest first.
MATCH (d:Document)
OPTIONAL MATCH (d)-[:HAS_MENTION]->(m:Mention)-[:REFERS_TO]->(e:Entity)
WITH d, count(m) AS mentions, count(DISTINCT e) AS entities
RETURN d.id AS id, d.title AS title, d.date AS date, d.language AS language,
       d.format AS format, d.kind AS kind, d.source AS source, d.ingested_at AS ingested_at,
       mentions, entities
ORDER BY d.date DESC, d.title
SKIP $offset
LIMIT $limit
