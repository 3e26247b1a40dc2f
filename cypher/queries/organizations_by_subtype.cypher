// name: Organizations by subtype
// description: How many organizations of each subtype (company, startup, sme, government...), with a few
// description: examples and how many of them take part in, lead or fund at least one project.
// param: examples int = 5 - how many example names per subtype
// columns: subtype, organizations, in_projects, examples
MATCH (o:Organization)
OPTIONAL MATCH (o)-[r:PARTICIPATES_IN|LEADS|FUNDS]->(:Project)
WITH o, count(r) AS links
WITH coalesce(o.subtype, 'unknown') AS subtype, o, links
ORDER BY o.name
WITH subtype, collect(o.name) AS names, sum(CASE WHEN links > 0 THEN 1 ELSE 0 END) AS in_projects
RETURN subtype, size(names) AS organizations, in_projects, names[0..$examples] AS examples
ORDER BY organizations DESC, subtype
