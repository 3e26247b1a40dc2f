// Analytics cache key part: the latest document ingestion time and the number of documents.
MATCH (d:Document)
RETURN count(d) AS documents, max(d.ingested_at) AS last_ingested
