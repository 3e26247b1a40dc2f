// Upsert documents. rows: {id, title, date, language, format, kind, source, ingested_at}
// A node created here is not complete (no facts yet): ingest writes documents with
// write/document_begin and write/document_complete instead.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.ingested_at = row.ingested_at, d.complete = false
SET d.title = row.title, d.date = row.date, d.language = row.language,
    d.format = row.format, d.kind = row.kind, d.source = row.source
