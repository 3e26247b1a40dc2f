// Analytics projection: text of each project for topic similarity: name, aliases,
// description when known, and up to 5 evidence sentences that mention it.
MATCH (p:Project)
OPTIONAL MATCH ()-[r:PARTICIPATES_IN|LEADS|FUNDS]->(p)
WITH p, collect(DISTINCT r.sentence) AS sentences
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.description AS description,
       sentences[0..5] AS sentences
