// Whether a document with this content hash is already in the graph.
MATCH (d:Document)
WHERE d.id = $id
RETURN count(d) AS n
