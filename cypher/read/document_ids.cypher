// Every document id, sorted. columns: id
MATCH (d:Document)
RETURN d.id AS id
ORDER BY id
