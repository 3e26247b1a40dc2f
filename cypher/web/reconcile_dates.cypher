// First and last dates of the documents that mention each entity.
MATCH (d:Document)-[:HAS_MENTION]->(:Mention)-[:REFERS_TO]->(e:Entity)
WHERE e.id IN $ids AND d.date IS NOT NULL AND d.date <> ''
RETURN e.id AS id, min(d.date) AS first, max(d.date) AS last
