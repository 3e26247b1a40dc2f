// name: Organizations in several projects
// description: Organizations and universities taking part in at least min_projects projects, with the
// description: projects, their statuses and how many distinct co-participants they meet across them.
// param: min_projects int = 2 - the fewest projects to be listed
// param: limit int = 100 - how many organizations
// columns: organization_id, organization, type, subtype, project_count, projects, statuses, co_participants
MATCH (o:Entity)-[:PARTICIPATES_IN|LEADS]->(p:Project)
WHERE o.type IN ['Organization', 'University']
WITH o, p
ORDER BY p.name
WITH o, collect(DISTINCT p) AS ps
WHERE size(ps) >= $min_projects
UNWIND ps AS p
OPTIONAL MATCH (p)<-[:PARTICIPATES_IN|LEADS]-(other:Entity)
WHERE other <> o AND other.type IN ['Organization', 'University']
WITH o, ps, count(DISTINCT other) AS co_participants
RETURN o.id AS organization_id, o.name AS organization, o.type AS type, o.subtype AS subtype,
       size(ps) AS project_count, [p IN ps | p.name] AS projects,
       reduce(acc = [], q IN ps | CASE WHEN q.status IS NULL OR q.status IN acc THEN acc ELSE acc + q.status END) AS statuses,
       co_participants
ORDER BY project_count DESC, co_participants DESC, organization
LIMIT $limit
