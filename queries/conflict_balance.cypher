// Which actors direct the most conflictual relations at others: the sum of
// Goldstein scores over the non-symmetric relations they are the subject of
// (lowest first), with their single most hostile score.
MATCH (a)-[r]->(b)
WHERE NOT r.symmetric AND startNode(r) = a
RETURN a.name AS actor, count(r) AS relations, round(sum(r.goldstein), 1) AS goldstein_sum,
       min(r.goldstein) AS worst
ORDER BY goldstein_sum, actor
LIMIT 8
