// Schema for Neo4j: a uniqueness constraint (which brings its index) on every
// MERGE key, lookup indexes on doc_id, and the full-text index over entity names.
// Every statement says IF NOT EXISTS, so running this again is harmless.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT university_id IF NOT EXISTS FOR (n:University) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (n:Mention) REQUIRE n.id IS UNIQUE;
CREATE INDEX mention_doc_id IF NOT EXISTS FOR (n:Mention) ON (n.doc_id);
CREATE CONSTRAINT participates_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT leads_id IF NOT EXISTS FOR ()-[r:LEADS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT funds_id IF NOT EXISTS FOR ()-[r:FUNDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT affiliated_with_id IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT partners_with_id IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX participates_in_doc_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.doc_id);
CREATE INDEX leads_doc_id IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.doc_id);
CREATE INDEX funds_doc_id IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.doc_id);
CREATE INDEX affiliated_with_doc_id IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() ON (r.doc_id);
CREATE INDEX partners_with_doc_id IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.doc_id);
CREATE FULLTEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.search_text, n.name];
