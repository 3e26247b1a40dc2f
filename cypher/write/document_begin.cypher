// First step of writing one document: its node, marked incomplete, with the ids of
// every entity the write may create, so an interrupted write can be undone entirely.
// params: row {id, title, date, language, format, kind, source, ingested_at}, entity_ids
MERGE (d:Document {id: $row.id})
SET d.title = $row.title, d.date = $row.date, d.language = $row.language,
    d.format = $row.format, d.kind = $row.kind, d.source = $row.source,
    d.ingested_at = $row.ingested_at, d.complete = false, d.entity_ids = $entity_ids
