// name: Universities ranked by industry projects
// description: Universities ranked by the number of projects they share with at least one company,
// description: SME or startup, with how many distinct industry partners those projects bring.
// param: limit int = 50 - how many universities
// columns: university_id, university, industry_projects, industry_partners
MATCH (u:University)-[:PARTICIPATES_IN|LEADS]->(p:Project)<-[:PARTICIPATES_IN|LEADS|FUNDS]-(o:Organization)
WHERE o.subtype IN ['company', 'sme', 'startup']
RETURN u.id AS university_id, u.name AS university,
       count(DISTINCT p) AS industry_projects, count(DISTINCT o) AS industry_partners
ORDER BY industry_projects DESC, industry_partners DESC, university
LIMIT $limit
