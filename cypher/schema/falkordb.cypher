// Schema for FalkorDB: an exact-match index on every MERGE key, and the
// full-text index over entity names. Each statement runs on its own; one that
// already exists is skipped, so running this again is harmless.
CREATE INDEX FOR (n:Entity) ON (n.id);
CREATE INDEX FOR (n:Organization) ON (n.id);
CREATE INDEX FOR (n:University) ON (n.id);
CREATE INDEX FOR (n:Person) ON (n.id);
CREATE INDEX FOR (n:Project) ON (n.id);
CREATE INDEX FOR (n:Document) ON (n.id);
CREATE INDEX FOR (n:Mention) ON (n.id);
CREATE INDEX FOR (n:Mention) ON (n.doc_id);
CREATE INDEX FOR ()-[r:PARTICIPATES_IN]-() ON (r.id, r.doc_id);
CREATE INDEX FOR ()-[r:LEADS]-() ON (r.id, r.doc_id);
CREATE INDEX FOR ()-[r:FUNDS]-() ON (r.id, r.doc_id);
CREATE INDEX FOR ()-[r:AFFILIATED_WITH]-() ON (r.id, r.doc_id);
CREATE INDEX FOR ()-[r:PARTNERS_WITH]-() ON (r.id, r.doc_id);
CALL db.idx.fulltext.createNodeIndex('Entity', 'search_text', 'name');
