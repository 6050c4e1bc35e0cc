// Which diplomatic relations were cut and later restored, and when? Both
// relations are symmetric (one edge per pair, a.id < b.id shows it once);
// the cut's validity ends when the ties are restored.
MATCH (a)-[c:cuts_ties]->(b), (a)-[r:restores_ties]-(b)
WHERE a.id < b.id AND r.valid_from >= c.first_seen
RETURN a.name AS entity_a, b.name AS entity_b, c.first_seen AS cut_on,
       r.valid_from AS restored_on, c.valid_to AS cut_ended, c.status AS cut_status
ORDER BY cut_on
