// Upsert documents. rows: {id, title, date, language, format, kind, source, ingested_at}
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.ingested_at = row.ingested_at
SET d.title = row.title, d.date = row.date, d.language = row.language,
    d.format = row.format, d.kind = row.kind, d.source = row.source
