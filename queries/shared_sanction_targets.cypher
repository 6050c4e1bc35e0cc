// Which pairs of sanctioners share targets: two entities that both sanction
// the same state, with the number and the list of common targets.
MATCH (a)-[:sanctions]->(t)<-[:sanctions]-(b)
WHERE a.id < b.id
WITH a, b, t ORDER BY t.id
RETURN a.id AS sanctioner_a, b.id AS sanctioner_b, count(DISTINCT t) AS shared,
       collect(DISTINCT t.id) AS targets
ORDER BY shared DESC, sanctioner_a, sanctioner_b
