// Analytics projection: every organization, university, person and project (id, name, type, subtype).
MATCH (e:Entity)
WHERE e.type IN ['Organization', 'University', 'Person', 'Project']
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype
