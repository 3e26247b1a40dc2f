// Everything an entity page shows about one entity but its partners and its network, in one
// round trip (the page used to ask five queries): the entity as web/entity.cypher gives it,
// its projects (as web/entity_projects.cypher) or, for a project, its participants, its
// people (affiliations) and the documents that mention it, most mentions first.
// $id: the entity; $limit: rows per list; $doc_limit: documents.
MATCH (e:Entity {id: $id})
CALL {
  WITH e
  OPTIONAL MATCH (e)-[r:PARTICIPATES_IN|LEADS|FUNDS]->(p:Project)
  WHERE coalesce(e.type, '') <> 'Project'
  WITH p, collect(DISTINCT type(r)) AS roles, count(r) AS evidence
  WHERE p IS NOT NULL
  WITH p, roles, evidence
  ORDER BY toLower(p.name)
  LIMIT $limit
  RETURN collect({id: p.id, name: p.name, status: p.status,
                  scale_ai_investment_cad: p.scale_ai_investment_cad,
                  total_investment_cad: p.total_investment_cad, roles: roles, evidence: evidence}) AS projects
}
CALL {
  WITH e
  OPTIONAL MATCH (x:Entity)-[r:PARTICIPATES_IN|LEADS|FUNDS]->(e)
  WHERE e.type = 'Project'
  WITH x, collect(DISTINCT type(r)) AS roles, count(r) AS evidence
  WHERE x IS NOT NULL
  WITH x, roles, evidence
  ORDER BY toLower(x.name)
  LIMIT $limit
  RETURN collect({id: x.id, name: x.name, type: x.type, subtype: x.subtype, roles: roles,
                  evidence: evidence}) AS participants
}
CALL {
  WITH e
  OPTIONAL MATCH (e)-[r:AFFILIATED_WITH]-(x:Entity)
  WITH x, collect(DISTINCT r.role) AS roles, count(r) AS evidence
  WHERE x IS NOT NULL
  WITH x, roles, evidence
  ORDER BY toLower(x.name)
  LIMIT $limit
  RETURN collect({id: x.id, name: x.name, type: x.type, subtype: x.subtype, roles: roles,
                  evidence: evidence}) AS people
}
CALL {
  WITH e
  OPTIONAL MATCH (d:Document)-[:HAS_MENTION]->(m:Mention)-[:REFERS_TO]->(e)
  WITH d, count(m) AS mentions
  WHERE d IS NOT NULL
  WITH d, mentions
  ORDER BY mentions DESC, d.date DESC
  LIMIT $doc_limit
  RETURN collect({id: d.id, title: d.title, date: d.date, language: d.language, mentions: mentions}) AS documents
}
RETURN e.id AS id, e.name AS name, e.type AS type, e.subtype AS subtype,
       e.aliases AS aliases, e.status AS status,
       e.scale_ai_investment_cad AS scale_ai_investment_cad,
       e.total_investment_cad AS total_investment_cad,
       e.authority_id AS authority_id, e.wikidata AS wikidata, e.ror AS ror,
       e.website AS website, e.country AS country,
       projects, participants, people, documents
