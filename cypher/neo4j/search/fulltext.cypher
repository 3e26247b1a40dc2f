// Search candidates from the full-text index on Entity.search_text (Neo4j / Lucene syntax).
// $tokens: folded query tokens, letters and digits only (graph/search.py strips everything else).
// $mode: 'exact' (every token, as is), 'all' (every token, each as word OR prefix* OR fuzzy~), 'any' (one token is enough).
// $types, $subtype: optional filters; $candidates: how many to return.
WITH reduce(q = '', t IN $tokens |
       q + CASE WHEN q = '' THEN '' WHEN $mode = 'any' THEN ' OR ' ELSE ' AND ' END
         + CASE WHEN $mode = 'exact' THEN t
                ELSE '(' + t
                     + CASE WHEN size(t) >= 2 THEN ' OR ' + t + '*' ELSE '' END
                     + CASE WHEN size(t) >= 8 THEN ' OR ' + t + '~2' WHEN size(t) >= 4 THEN ' OR ' + t + '~1' ELSE '' END
                     + ')'
           END) AS query
CALL db.index.fulltext.queryNodes('entity_search_text', query, {limit: $candidates * 4}) YIELD node, score
WITH node, score
WHERE ($types IS NULL OR node.type IN $types) AND ($subtype IS NULL OR node.subtype = $subtype)
RETURN node.id AS id, node.name AS name, node.type AS type, node.subtype AS subtype,
       node.aliases AS aliases, score
ORDER BY score DESC, size(node.search_text) ASC
LIMIT $candidates
