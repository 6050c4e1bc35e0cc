// Which pairs cut diplomatic ties since $since, and does the break still
// hold? cuts_ties is symmetric: the store keeps one edge per pair (the
// smaller id as subject) and a directed pattern matches it both ways, so
// a.id < b.id shows each pair once.
// params: since=2022-01-01
MATCH (a)-[r:cuts_ties]->(b)
WHERE a.id < b.id AND r.first_seen >= $since
RETURN a.name AS entity_a, b.name AS entity_b, r.first_seen AS cut_on,
       coalesce(r.valid_to, 'still cut') AS until, r.source_count AS sources
ORDER BY cut_on, entity_a, entity_b
