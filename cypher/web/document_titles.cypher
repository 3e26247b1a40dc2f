// Titles and dates of a list of documents (to label evidence sentences).
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.title AS title, d.date AS date
