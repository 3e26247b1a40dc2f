// One entity by id, with the project facts when it is a project and the external ids
// a reference list gave it (authority_id, wikidata, ror, website, country).
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype,
       e.aliases AS aliases, e.status AS status,
       e.scale_ai_investment_cad AS scale_ai_investment_cad,
       e.total_investment_cad AS total_investment_cad,
       e.authority_id AS authority_id, e.wikidata AS wikidata, e.ror AS ror,
       e.website AS website, e.country AS country
