// name: Funders and what they fund
// description: Every organization stated as funding a project, with the projects and the sum of their
// description: total investment (CAD) where known.
// param: limit int = 100 - how many funders
// columns: funder_id, funder, subtype, project_count, projects, total_investment_cad
MATCH (f:Entity)-[:FUNDS]->(p:Project)
WITH f, p
ORDER BY p.name
WITH f, collect(DISTINCT p) AS ps
RETURN f.id AS funder_id, f.name AS funder, f.subtype AS subtype, size(ps) AS project_count,
       [p IN ps | p.name] AS projects,
       reduce(total = 0, p IN ps | total + coalesce(p.total_investment_cad, 0)) AS total_investment_cad
ORDER BY project_count DESC, total_investment_cad DESC, funder
LIMIT $limit
