// Resolution candidates from the full-text index on Entity.search_text (RediSearch syntax).
// params: tokens (folded words, letters and digits only: any one may match), limit.
// columns: id, type, name, subtype, aliases, properties
WITH reduce(q = '', t IN $tokens | q + CASE WHEN q = '' THEN '' ELSE ' | ' END + t) AS query
CALL db.idx.fulltext.queryNodes('Entity', query) YIELD node, score
RETURN node.id AS id, node.type AS type, node.name AS name, node.subtype AS subtype,
       node.aliases AS aliases, properties(node) AS properties
ORDER BY score DESC
LIMIT $limit
