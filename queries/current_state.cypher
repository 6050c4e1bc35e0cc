// What is the current state of relations between $a and $b: every relation
// between them that has not been ended (lasting relations still in force and
// one-off events), newest first.
// params: a=UKR b=RUS
MATCH (a {id: $a})-[r]-(b {id: $b})
WHERE r.valid_to IS NULL
RETURN type(r) AS relation, startNode(r).id AS subject, r.status AS status,
       r.valid_from AS since, r.last_seen AS last_seen, r.evidence_count AS evidence
ORDER BY last_seen DESC, relation
