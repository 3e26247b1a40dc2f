// Whether a document with this content hash is stored, and whether its write finished
// (see document_exists). params: id
OPTIONAL MATCH (d:Document {id: $id})
RETURN d IS NOT NULL AS stored, coalesce(d.complete, true) AS complete
