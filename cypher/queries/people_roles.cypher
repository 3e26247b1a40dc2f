// name: People, roles and affiliations
// description: Each person with the organizations or universities they are affiliated with, the roles
// description: stated for them, and how many sources state it. Optionally only the people of one organization.
// param: organization_id entity = null - only affiliations with this organization or university (id, name or acronym)
// param: limit int = 200 - how many rows
// columns: person_id, person, role, organization_id, organization, organization_type, sources
MATCH (p:Person)-[r:AFFILIATED_WITH]->(o:Entity)
WHERE $organization_id IS NULL OR o.id = $organization_id
WITH p, o, r
ORDER BY r.role
WITH p, o, collect(DISTINCT r.role) AS roles, count(DISTINCT r.doc_id) AS sources
RETURN p.id AS person_id, p.name AS person,
       CASE WHEN size(roles) = 0 THEN null ELSE reduce(s = head(roles), x IN tail(roles) | s + '; ' + x) END AS role,
       o.id AS organization_id, o.name AS organization, o.type AS organization_type, sources
ORDER BY person, organization
LIMIT $limit
