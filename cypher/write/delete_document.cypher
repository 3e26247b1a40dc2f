// Delete what one document contributed, statement by statement (params: doc_id, entity_ids):
// first the document is marked incomplete with the entities it touches, so a delete cut
// short is finished by the next ingest; then its relationships, its mentions, the
// entities left with no mention, and the document node last.
MATCH (d:Document {id: $doc_id}) SET d.complete = false, d.entity_ids = $entity_ids RETURN 0 AS deleted;
MATCH ()-[r:PARTICIPATES_IN {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH ()-[r:LEADS {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH ()-[r:FUNDS {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH ()-[r:AFFILIATED_WITH {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH ()-[r:PARTNERS_WITH {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH (m:Mention {doc_id: $doc_id}) DETACH DELETE m RETURN count(*) AS deleted;
UNWIND $entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
WHERE NOT (e)<-[:REFERS_TO]-(:Mention)
DETACH DELETE e
RETURN count(*) AS deleted;
MATCH (d:Document {id: $doc_id}) DETACH DELETE d RETURN count(*) AS deleted;
