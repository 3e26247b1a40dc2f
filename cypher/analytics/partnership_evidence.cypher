// Partners of one entity, with their aliases and explicit PARTNERS_WITH evidence: one row
// per partner and evidence sentence (one row with a null sentence when there is none),
// each sentence with its document's title and date.
// param: id string - the organization or university
// param: ids list - the partners to describe
MATCH (x:Entity {id: $id})
UNWIND $ids AS pid
MATCH (o:Entity {id: pid})
OPTIONAL MATCH (x)-[r:PARTNERS_WITH]-(o)
// the document key goes through a variable: FalkorDB cannot look up a property of an
// optional relationship that matched nothing inside a pattern
WITH o, r, r.doc_id AS doc
OPTIONAL MATCH (d:Document {id: doc})
RETURN o.id AS partner_id, o.aliases AS aliases, doc AS doc_id, d.title AS title, d.date AS date,
       r.sentence AS sentence, r.start AS start, r.end AS span_end
ORDER BY partner_id, doc_id, start
