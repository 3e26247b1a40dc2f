// Search candidates from the full-text index on Entity.search_text (FalkorDB / RediSearch syntax).
// $tokens: folded query tokens, letters and digits only (graph/search.py strips everything else).
// $mode: 'exact' (every token, as is), 'all' (every token, each as word|prefix*|%fuzzy%), 'any' (one token is enough).
// $types, $subtype: optional filters; $candidates: how many to return.
WITH reduce(q = '', t IN $tokens |
       q + CASE WHEN q = '' THEN '' WHEN $mode = 'any' THEN ' | ' ELSE ' ' END
         + CASE WHEN $mode = 'exact' THEN t
                ELSE '(' + t
                     + CASE WHEN size(t) >= 2 THEN '|' + t + '*' ELSE '' END
                     + CASE WHEN size(t) >= 8 THEN '|%%' + t + '%%' WHEN size(t) >= 4 THEN '|%' + t + '%' ELSE '' END
                     + ')'
           END) AS query
CALL db.idx.fulltext.queryNodes('Entity', query) YIELD node, score
WITH node, score
WHERE ($types IS NULL OR node.type IN $types) AND ($subtype IS NULL OR node.subtype = $subtype)
RETURN node.id AS id, node.name AS name, node.type AS type, node.subtype AS subtype,
       node.aliases AS aliases, score
ORDER BY score DESC, size(node.search_text) ASC
LIMIT $candidates
