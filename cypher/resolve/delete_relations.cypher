// Delete entity-to-entity relationships by id, among those touching one entity. params: entity_id, ids.
MATCH (e:Entity {id: $entity_id})-[r]-(:Entity)
WHERE r.id IN $ids
DELETE r
RETURN count(r) AS deleted
