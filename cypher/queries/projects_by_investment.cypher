// name: Projects ranked by investment
// description: Projects ranked by cluster investment, then total investment (CAD), with the
// description: leverage (total / cluster investment) and how many organizations take part. Unknown amounts sort last.
// param: status string = null - only projects with this status (all when empty)
// param: limit int = 50 - how many projects
// columns: project_id, project, status, scale_ai_investment_cad, total_investment_cad, leverage, participants
MATCH (p:Project)
WHERE $status IS NULL OR p.status = $status
OPTIONAL MATCH (o:Entity)-[:PARTICIPATES_IN|LEADS]->(p)
WITH p, count(DISTINCT o) AS participants
RETURN p.id AS project_id, p.name AS project, p.status AS status,
       p.scale_ai_investment_cad AS scale_ai_investment_cad,
       p.total_investment_cad AS total_investment_cad,
       CASE WHEN p.scale_ai_investment_cad > 0 AND p.total_investment_cad IS NOT NULL
            THEN round(100.0 * p.total_investment_cad / p.scale_ai_investment_cad) / 100.0
            ELSE null END AS leverage,
       participants
ORDER BY coalesce(p.scale_ai_investment_cad, -1) DESC, coalesce(p.total_investment_cad, -1) DESC, project
LIMIT $limit
