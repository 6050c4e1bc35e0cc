// Who recognised $entity, since when, and is the recognition still in force?
// params: entity=DPR
MATCH (s)-[r:recognises]->(e {id: $entity})
RETURN s.name AS recognised_by, labels(s)[0] AS kind, r.valid_from AS since,
       r.status AS status, r.source_count AS sources
ORDER BY since, recognised_by
