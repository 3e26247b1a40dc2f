// Analytics projection: text of each project for topic similarity: name, aliases,
// description when known, and up to 5 evidence sentences that mention it. Rows of a
// structured import (documents of kind 'table') are provenance, not prose: left out.
MATCH (p:Project)
OPTIONAL MATCH ()-[r:PARTICIPATES_IN|LEADS|FUNDS]->(p)
OPTIONAL MATCH (d:Document {id: r.doc_id})
WITH p, collect(DISTINCT CASE WHEN d.kind = 'table' THEN null ELSE r.sentence END) AS sentences
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.description AS description,
       sentences[0..5] AS sentences
