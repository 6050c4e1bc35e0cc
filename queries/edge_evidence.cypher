// What evidence stands behind the edges between $a and $b: per edge the
// number of evidence rows and distinct source documents, first and last
// sighting, validity and aggregated confidence. The sentences themselves:
// geokg evidence A RELATION B.
// params: a=RUS b=DPR
MATCH (a {id: $a})-[r]-(b {id: $b})
RETURN type(r) AS relation, startNode(r).id AS subject, r.evidence_count AS evidence,
       r.source_count AS sources, r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.valid_from AS valid_from, r.valid_to AS valid_to, r.confidence AS confidence,
       r.status AS status
ORDER BY first_seen, relation
