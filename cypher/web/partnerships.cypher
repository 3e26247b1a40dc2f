// All partnerships (PARTNERS_WITH), one row per pair, with filters that may be null:
// $type / $subtype (either side), $entity (either side), $project (both sides take part),
// $doc (stated in that document), $year (stated in a document of that year).
MATCH (a:Entity)-[r:PARTNERS_WITH]-(b:Entity)
WHERE a.id < b.id
  AND ($type IS NULL OR a.type = $type OR b.type = $type)
  AND ($subtype IS NULL OR a.subtype = $subtype OR b.subtype = $subtype)
  AND ($entity IS NULL OR a.id = $entity OR b.id = $entity)
  AND ($doc IS NULL OR r.doc_id = $doc)
OPTIONAL MATCH (d:Document {id: r.doc_id})
WITH a, b, r, d
WHERE $year IS NULL OR d.date STARTS WITH $year
WITH a, b, collect(DISTINCT r.doc_id) AS docs, count(r) AS evidence, max(d.date) AS latest
WHERE $project IS NULL OR (
  (a)-[:PARTICIPATES_IN|LEADS|FUNDS]->(:Project {id: $project})
  AND (b)-[:PARTICIPATES_IN|LEADS|FUNDS]->(:Project {id: $project}))
RETURN a.id AS a_id, a.name AS a_name, a.type AS a_type, a.subtype AS a_subtype,
       b.id AS b_id, b.name AS b_name, b.type AS b_type, b.subtype AS b_subtype,
       evidence, size(docs) AS documents, latest
ORDER BY toLower(a.name), toLower(b.name)
SKIP $offset
LIMIT $limit
