// One document's metadata.
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.title AS title, d.date AS date, d.language AS language,
       d.format AS format, d.kind AS kind, d.source AS source, d.ingested_at AS ingested_at
