// Who is within two conflict hops of $state: entities reached over
// relations with a negative Goldstein score only (condemnations, sanctions,
// threats, attacks), with the fewest hops needed.
// params: state=PRK
MATCH p = (s {id: $state})-[*1..2]-(n)
WHERE n <> s AND all(r IN relationships(p) WHERE r.goldstein < 0)
RETURN n.name AS entity, min(length(p)) AS hops, count(p) AS paths
ORDER BY hops, entity
