// Search candidates from the full-text index on Entity.search_text (FalkorDB / RediSearch syntax).
// $tokens: folded query tokens, letters and digits only (graph/search.py strips everything else).
// $mode, from cheapest to broadest (graph/search.py widens only while hits are too few):
//   'exact'  every token as is; the shortest names/aliases first (finds exact names among common words)
//   'prefix' every token as word or prefix (word|word*)
//   'fuzzy'  every token as word, prefix or within 1 edit (2 from 8 letters): (word|word*|%word%)
//   'any'    at least one token, as word or prefix (as word only when shorter than 3 letters)
// $types, $subtype: optional filters; $candidates: how many to return.
WITH reduce(q = '', t IN $tokens |
       q + CASE WHEN q = '' THEN '' WHEN $mode = 'any' THEN ' | ' ELSE ' ' END
         + CASE WHEN $mode = 'exact' OR ($mode = 'any' AND size(t) < 3) THEN t
                ELSE '(' + t
                     + CASE WHEN size(t) >= 2 THEN '|' + t + '*' ELSE '' END
                     + CASE WHEN $mode <> 'fuzzy' THEN ''
                            WHEN size(t) >= 8 THEN '|%%' + t + '%%'
                            WHEN size(t) >= 4 THEN '|%' + t + '%' ELSE '' END
                     + ')'
           END) AS query
CALL db.idx.fulltext.queryNodes('Entity', query) YIELD node, score
WITH node, score
WHERE ($types IS NULL OR node.type IN $types) AND ($subtype IS NULL OR node.subtype = $subtype)
WITH node, score, CASE WHEN $mode = 'exact' THEN -size(node.search_text) ELSE score END AS rank
ORDER BY rank DESC
LIMIT $candidates
RETURN node.id AS id, node.name AS name, node.type AS type, node.subtype AS subtype,
       node.aliases AS aliases, score
