// name: SMEs and startups with no academic partner
// description: SMEs and startups that share no project with a university and have no stated partnership
// description: with one: candidates for academic matchmaking.
// param: limit int = 100 - how many organizations
// columns: organization_id, organization, subtype, project_count, projects
MATCH (o:Organization)
WHERE o.subtype IN ['sme', 'startup']
  AND NOT (o)-[:PARTNERS_WITH]-(:University)
  AND NOT (o)-[:PARTICIPATES_IN|LEADS]->(:Project)<-[:PARTICIPATES_IN|LEADS]-(:University)
OPTIONAL MATCH (o)-[:PARTICIPATES_IN|LEADS]->(p:Project)
WITH o, p
ORDER BY p.name
WITH o, collect(DISTINCT p.name) AS projects
RETURN o.id AS organization_id, o.name AS organization, o.subtype AS subtype,
       size(projects) AS project_count, projects
ORDER BY project_count DESC, organization
LIMIT $limit
