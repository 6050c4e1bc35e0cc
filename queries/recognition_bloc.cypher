// Who belongs to $state's recognition bloc: others that recognise the same
// breakaway entities as $state, with the entities they have in common.
// params: state=RUS
MATCH (s {id: $state})-[:recognises]->(b:Breakaway)<-[:recognises]-(o)
WITH o, b ORDER BY b.id
RETURN o.name AS recognises_too, count(DISTINCT b) AS shared, collect(DISTINCT b.id) AS entities
ORDER BY shared DESC, recognises_too
