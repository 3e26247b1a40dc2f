// name: Projects by status
// description: How many projects are in each status (announced, active, completed...), with their names
// description: and the cluster investment they add up to.
// columns: status, project_count, scale_ai_investment_cad, projects
MATCH (p:Project)
WITH coalesce(p.status, 'unknown') AS status, p
ORDER BY p.name
WITH status, collect(p.name) AS projects, sum(coalesce(p.scale_ai_investment_cad, 0)) AS scale_ai_investment_cad
RETURN status, size(projects) AS project_count, scale_ai_investment_cad, projects
ORDER BY project_count DESC, status
