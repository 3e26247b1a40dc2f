// Projects for the partnership filter (id and name).
MATCH (p:Project)
RETURN p.id AS id, p.name AS name
ORDER BY toLower(p.name)
LIMIT $limit
