// Last step of writing one document, after its entities, mentions and relations.
MATCH (d:Document {id: $id})
SET d.complete = true, d.entity_ids = null
RETURN count(d) AS n
