// Analytics projection: every organization, university, person and project (id, name, type,
// subtype; country and start_date when a structured import gave them).
MATCH (e:Entity)
WHERE e.type IN ['Organization', 'University', 'Person', 'Project']
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype,
       e.country AS country, e.start_date AS start_date
