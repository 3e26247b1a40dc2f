// Analytics projection: distinct (actor, project) pairs an actor takes part in or leads.
// FUNDS is left out on purpose: a funder of many projects is not their co-participant.
MATCH (a:Entity)-[:PARTICIPATES_IN|LEADS]->(p:Project)
WHERE a.type IN ['Organization', 'University', 'Person']
RETURN DISTINCT a.id AS actor, p.id AS project
