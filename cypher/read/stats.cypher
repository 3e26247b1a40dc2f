// Node count per label and relationship count per type (labels and types from graph/model.py).
MATCH (n:Entity) RETURN 'Entity' AS name, count(n) AS n
UNION ALL MATCH (n:Organization) RETURN 'Organization' AS name, count(n) AS n
UNION ALL MATCH (n:University) RETURN 'University' AS name, count(n) AS n
UNION ALL MATCH (n:Person) RETURN 'Person' AS name, count(n) AS n
UNION ALL MATCH (n:Project) RETURN 'Project' AS name, count(n) AS n
UNION ALL MATCH (n:Document) RETURN 'Document' AS name, count(n) AS n
UNION ALL MATCH (n:Mention) RETURN 'Mention' AS name, count(n) AS n
UNION ALL MATCH ()-[r:PARTICIPATES_IN]->() RETURN 'PARTICIPATES_IN' AS name, count(r) AS n
UNION ALL MATCH ()-[r:LEADS]->() RETURN 'LEADS' AS name, count(r) AS n
UNION ALL MATCH ()-[r:FUNDS]->() RETURN 'FUNDS' AS name, count(r) AS n
UNION ALL MATCH ()-[r:AFFILIATED_WITH]->() RETURN 'AFFILIATED_WITH' AS name, count(r) AS n
UNION ALL MATCH ()-[r:PARTNERS_WITH]->() RETURN 'PARTNERS_WITH' AS name, count(r) AS n
UNION ALL MATCH ()-[r:HAS_MENTION]->() RETURN 'HAS_MENTION' AS name, count(r) AS n
UNION ALL MATCH ()-[r:REFERS_TO]->() RETURN 'REFERS_TO' AS name, count(r) AS n
