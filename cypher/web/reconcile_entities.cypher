// Entities by id with the attributes reconciliation compares and data extension returns.
MATCH (e:Entity)
WHERE e.id IN $ids
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype, e.aliases AS aliases,
       e.city AS city, e.website AS website, e.external_ids AS external_ids
