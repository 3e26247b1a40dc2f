// name: Project leads
// description: Who leads each project, with the project status and how many other organizations take part.
// param: status string = null - only projects with this status (all when empty)
// columns: project_id, project, status, lead_id, lead, lead_subtype, participants
MATCH (l:Entity)-[:LEADS]->(p:Project)
WHERE $status IS NULL OR p.status = $status
WITH DISTINCT l, p
OPTIONAL MATCH (o:Entity)-[:PARTICIPATES_IN|LEADS]->(p)
WHERE o <> l AND o.type IN ['Organization', 'University']
RETURN p.id AS project_id, p.name AS project, p.status AS status,
       l.id AS lead_id, l.name AS lead, l.subtype AS lead_subtype, count(DISTINCT o) AS participants
ORDER BY project, lead
