// Documents whose write never finished (``complete`` is set last, see
// ingest/document_exists): a run was killed mid-write and the file was not ingested
// again since. The next `grappe ingest` of the source removes and redoes it.
// params: limit
MATCH (d:Document)
WHERE d.complete = false
RETURN d.id AS id, d.source AS source, d.title AS title, d.ingested_at AS ingested_at
ORDER BY d.source, d.id
LIMIT $limit
