// Delete an entity node and whatever still hangs on it. params: id.
MATCH (e:Entity {id: $id})
DETACH DELETE e
RETURN count(e) AS deleted
