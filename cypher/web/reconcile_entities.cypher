// Entities by id with the attributes reconciliation compares and data extension returns
// (the external ids are the properties a reference list sets: authority_id, wikidata, ror, website, country).
MATCH (e:Entity)
WHERE e.id IN $ids
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype, e.aliases AS aliases,
       e.city AS city, e.website AS website, e.country AS country, e.wikidata AS wikidata, e.ror AS ror,
       e.authority_id AS authority_id
