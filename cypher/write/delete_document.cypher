// Delete what one document contributed, statement by statement (params: doc_id, entity_ids):
// its relationships, its mentions, the document, then entities left with no mention.
MATCH ()-[r:PARTICIPATES_IN {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH ()-[r:LEADS {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH ()-[r:FUNDS {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH ()-[r:AFFILIATED_WITH {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH ()-[r:PARTNERS_WITH {doc_id: $doc_id}]->() DELETE r RETURN count(*) AS deleted;
MATCH (m:Mention {doc_id: $doc_id}) DETACH DELETE m RETURN count(*) AS deleted;
MATCH (d:Document {id: $doc_id}) DETACH DELETE d RETURN count(*) AS deleted;
UNWIND $entity_ids AS entity_id
MATCH (e:Entity {id: entity_id})
WHERE NOT (e)<-[:REFERS_TO]-(:Mention)
DETACH DELETE e
RETURN count(*) AS deleted;
