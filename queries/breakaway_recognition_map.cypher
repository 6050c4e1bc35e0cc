// The recognition map of breakaway and partly recognised entities: who
// recognises (or withdrew recognition of) which of them. Returns the
// entities and relationships themselves, so `geokg export svg --query`
// draws it as a diagram.
// params:
MATCH (s)-[r:recognises|withdraws_recognition]->(e:Breakaway)
RETURN s, r, e
ORDER BY e.id, s.id
