// Which entities were under the most sanctions in $year: sanctions imposed
// in or before that year and not lifted before it, counted by sanctioner.
// (An integer year compares with dates at year precision.)
// params: year=2022
MATCH (s)-[r:sanctions]->(t)
WHERE r.first_seen <= $year AND (r.valid_to IS NULL OR r.valid_to >= $year)
WITH t, s ORDER BY s.id
RETURN t.name AS target, count(DISTINCT s) AS sanctioners, collect(s.id) AS sanctioned_by
ORDER BY sanctioners DESC, target
