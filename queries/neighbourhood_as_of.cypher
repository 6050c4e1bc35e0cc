// Who was $state tied to on $date: the lasting relations (recognition,
// alliance, sanctions, cut ties, occupation, ...) valid on that day, i.e.
// valid_from <= $date and not ended by then (valid_to empty or after $date).
// params: state=RUS date=2022-03-01
MATCH (s {id: $state})-[r]-(n)
WHERE r.status <> 'event' AND r.valid_from <= $date
  AND (r.valid_to IS NULL OR r.valid_to > $date)
RETURN type(r) AS relation, startNode(r).id AS subject, n.name AS neighbour,
       r.valid_from AS since
ORDER BY relation, neighbour
