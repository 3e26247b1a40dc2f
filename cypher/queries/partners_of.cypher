// name: Partners of an organization
// description: Organizations and universities that take part in (or lead) at least one project with the given entity,
// description: with the shared projects, and whether an explicit partnership is also stated.
// param: id entity - the organization or university (id, name or acronym)
// param: limit int = 50 - how many partners
// columns: partner_id, partner, type, subtype, shared_count, shared_projects, explicit_partner
MATCH (x:Entity {id: $id})-[:PARTICIPATES_IN|LEADS]->(p:Project)<-[:PARTICIPATES_IN|LEADS]-(o:Entity)
WHERE o <> x AND o.type IN ['Organization', 'University']
WITH x, o, p
ORDER BY p.name
WITH x, o, collect(DISTINCT p.name) AS shared_projects
RETURN o.id AS partner_id, o.name AS partner, o.type AS type, o.subtype AS subtype,
       size(shared_projects) AS shared_count, shared_projects,
       size([(x)-[:PARTNERS_WITH]-(o) | 1]) > 0 AS explicit_partner
ORDER BY shared_count DESC, partner
LIMIT $limit
