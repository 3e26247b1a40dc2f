// Whether a complete document with this content hash is in the graph. A document is
// complete once its mentions and relations are written (``complete`` is set last);
// documents stored before the marker existed have no ``complete`` and count as complete.
MATCH (d:Document)
WHERE d.id = $id AND coalesce(d.complete, true)
RETURN count(d) AS n
