// What are the shortest chains of cooperation between $a and $b: the
// sequences of entities linked by paths of at most 6 hops whose every
// relation is cooperative (PLOVER CONSULT, SUPPORT, COOPERATE, AID or AGREE,
// i.e. the verbal and material cooperation quad classes). The all()
// predicate is applied during the shortest-path search; DISTINCT nodes(p)
// folds parallel relations between the same entities into one chain.
// params: a=PRK b=GBR
MATCH p = ALL SHORTEST (a {id: $a})-[*..6]-(b {id: $b})
WHERE all(r IN relationships(p) WHERE r.plover IN ['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'AGREE'])
RETURN DISTINCT length(p) AS hops, nodes(p) AS chain
ORDER BY chain
