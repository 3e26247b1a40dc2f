// How many entities the graph holds (the resolver fetches them all when few).
MATCH (e:Entity)
RETURN count(e) AS n
