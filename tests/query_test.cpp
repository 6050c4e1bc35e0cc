#include "geokg/query.h"

#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

using namespace geokg;

namespace {

Edge MakeEdge(int64_t id, std::string s, std::string rel, std::string o, std::string first,
              std::string plover, double goldstein, bool symmetric = false,
              std::string valid_to = "", std::string status = "active") {
  Edge e;
  e.id = id;
  e.subject = std::move(s);
  e.relation = std::move(rel);
  e.object = std::move(o);
  e.first_seen = first;
  e.last_seen = first;
  e.valid_from = first;
  e.valid_to = std::move(valid_to);
  e.evidence_count = id % 3 + 1;
  e.source_count = 1;
  e.confidence = 0.9;
  e.status = std::move(status);
  e.plover = std::move(plover);
  e.goldstein = goldstein;
  e.symmetric = symmetric;
  return e;
}

// A small world: recognitions of the DPR, ties cut and restored, sanctions,
// cooperation, alliance membership.
GraphData TestGraph() {
  GraphData g;
  auto node = [&](std::string id, std::string name, EntityKind kind,
                  std::vector<std::string> aliases = {}) {
    g.nodes.push_back(Entity{std::move(id), std::move(name), kind, std::move(aliases)});
  };
  node("UKR", "Ukraine", EntityKind::kState, {"Ukraina"});
  node("RUS", "Russia", EntityKind::kState, {"Russland", "Russische Föderation"});
  node("PRK", "North Korea", EntityKind::kState, {"Nordkorea", "DPRK"});
  node("SYR", "Syria", EntityKind::kState, {"Syrien"});
  node("DPR", "Donetsk People's Republic", EntityKind::kBreakaway);
  node("USA", "United States", EntityKind::kState, {"Vereinigte Staaten"});
  node("DEU", "Germany", EntityKind::kState, {"Deutschland"});
  node("NATO", "NATO", EntityKind::kOrganisation);
  node("SAU", "Saudi Arabia", EntityKind::kState);
  node("IRN", "Iran", EntityKind::kState);
  g.edges = {
      MakeEdge(1, "RUS", "recognises", "DPR", "2022-02-21", "SUPPORT", 6.2),
      MakeEdge(2, "PRK", "recognises", "DPR", "2022-07-13", "SUPPORT", 6.2),
      MakeEdge(3, "SYR", "recognises", "DPR", "2022-06-29", "SUPPORT", 6.2),
      MakeEdge(4, "UKR", "cuts_ties", "RUS", "2022-02-24", "SANCTION", -4.0, true),
      MakeEdge(5, "UKR", "cuts_ties", "SYR", "2022-06-30", "SANCTION", -4.0, true),
      MakeEdge(6, "USA", "sanctions", "RUS", "2022-02-22", "COERCE", -8.0),
      MakeEdge(7, "DEU", "sanctions", "RUS", "2022-02-26", "COERCE", -8.0),
      MakeEdge(8, "USA", "sanctions", "PRK", "2017-08", "COERCE", -8.0),
      MakeEdge(9, "DEU", "cooperates", "UKR", "2022-05", "COOPERATE", 6.0, true),
      MakeEdge(10, "USA", "cooperates", "DEU", "2021", "COOPERATE", 6.0, true),
      MakeEdge(11, "DEU", "joins", "NATO", "1955-05-09", "SUPPORT", 5.0),
      MakeEdge(12, "USA", "joins", "NATO", "1949-04-04", "SUPPORT", 5.0),
      MakeEdge(13, "SAU", "cuts_ties", "IRN", "2016-01-03", "SANCTION", -4.0, true, "2023-03-10",
               "ended"),
      MakeEdge(14, "SAU", "restores_ties", "IRN", "2023-03-10", "SUPPORT", 3.5, true),
      MakeEdge(15, "RUS", "meets", "PRK", "2023-09-13", "CONSULT", 1.0, true),
  };
  return g;
}

const QueryEngine& Engine() {
  static const std::unique_ptr<QueryEngine> engine = [] {
    auto e = QueryEngine::FromGraph(TestGraph());
    REQUIRE(e.ok());
    return std::move(e).value();
  }();
  return *engine;
}

// Rows as "a|b|c" texts (QueryValueToText per cell).
std::vector<std::string> Rows(const QueryResult& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) {
    std::string s;
    for (size_t i = 0; i < row.size(); ++i) s += (i ? "|" : "") + QueryValueToText(row[i]);
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> RunRows(const std::string& q, const QueryParams& params = {}) {
  auto r = Engine().Run(q, params);
  if (!r.ok()) FAIL_CHECK(r.status().message());
  return r.ok() ? Rows(*r) : std::vector<std::string>{"<error>"};
}

using V = std::vector<std::string>;

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("parser builds the expected AST shape") {
    struct Case {
      const char* query;
      const char* ast;
    };
    const Case cases[] = {
        {"MATCH (a:State)-[:recognises]->(b) RETURN a.name",
         "(query (match (pattern (node a:State) (rel out :recognises 1..1) (node b))) "
         "(return (item a.name)))"},
        {"match (a {id: 'UKR'})<-[r:cuts_ties|:restores_ties]-(b) return b",
         "(query (match (pattern (node a {id: 'UKR'}) (rel r in :cuts_ties|restores_ties 1..1) "
         "(node b))) (return (item b)))"},
        {"MATCH (a)-[*]-(b), (b)--(c) RETURN *",
         "(query (match (pattern (node a) (rel both 1..inf) (node b)) (pattern (node b) (rel both "
         "1..1) (node c))) (return *))"},
        {"MATCH (a)-[*2]->(b)-[*..3]->(c)-[*0..]->(d) RETURN d",
         "(query (match (pattern (node a) (rel out 2..2) (node b) (rel out 1..3) (node c) (rel out "
         "0..inf) (node d))) (return (item d)))"},
        {"MATCH p = shortestPath((a {id: $a})-[*..6]-(b {id: $b})) RETURN p",
         "(query (match (pattern p= shortest (node a {id: $a}) (rel both 1..6) (node b {id: $b}))) "
         "(return (item p)))"},
        {"MATCH p = ALL SHORTEST (a)-[:cooperates*]-(b) RETURN length(p) AS n",
         "(query (match (pattern p= all-shortest (node a) (rel both :cooperates 1..inf) (node b))) "
         "(return (item (length p) as n)))"},
        {"MATCH p = allShortestPaths((a)-->(b)) RETURN p",
         "(query (match (pattern p= all-shortest (node a) (rel out 1..1) (node b))) (return (item "
         "p)))"},
        // Precedence: NOT binds tighter than AND, AND than XOR, XOR than OR.
        {"MATCH (n) WHERE NOT n.id = 'A' AND n.id <> 'B' OR n.name STARTS WITH 'U' XOR n.id IN "
         "['X', 'Y'] RETURN n",
         "(query (match (pattern (node n)) (where (or (and (not (= n.id 'A')) (<> n.id 'B')) (xor "
         "(starts-with n.name 'U') (in n.id (list 'X' 'Y')))))) (return (item n)))"},
        {"MATCH (n) WHERE n.x IS NOT NULL AND n.y IS NULL AND 1 + 2 * 3 > -4 RETURN n",
         "(query (match (pattern (node n)) (where (and (and (is-not-null n.x) (is-null n.y)) (> (+ "
         "1 (* 2 3)) (neg 4))))) (return (item n)))"},
        {"MATCH p=(a)-[r*]->(b) WHERE all(x IN relationships(p) WHERE x.plover = 'COOPERATE') "
         "RETURN DISTINCT a.id AS id, count(DISTINCT b) AS n ORDER BY n DESC, id SKIP 1 LIMIT $k",
         "(query (match (pattern p= (node a) (rel r out 1..inf) (node b)) (where (all x "
         "(relationships p) (= x.plover 'COOPERATE')))) (return distinct (item a.id as id) (item "
         "(count distinct b) as n) (order n desc) (order id asc) (skip 1) (limit $k)))"},
        {"OPTIONAL MATCH (a) WITH a, count(*) AS c WHERE c > 1 RETURN a, c",
         "(query (optional-match (pattern (node a))) (with (item a) (item (count *) as c) (where "
         "(> "
         "c 1))) (return (item a) (item c)))"},
        {"// a comment\n/* block\ncomment */ MATCH (`my var`) RETURN `my var`.name;",
         "(query (match (pattern (node my var))) (return (item my var.name)))"},
        {"MATCH (a) RETURN date('2022-01-01') < a.x, toLower(a.name) CONTAINS 'u'",
         "(query (match (pattern (node a))) (return (item (< (date '2022-01-01') a.x)) (item "
         "(contains (tolower a.name) 'u'))))"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      auto q = Query::Parse(c.query);
      REQUIRE_MESSAGE(q.ok(), q.status().message());
      CHECK(q->DebugString() == c.ast);
    }
  }

  TEST_CASE("parser reports syntax errors with line, column and a caret") {
    struct Case {
      const char* query;
      const char* message;  // expected message (whole)
    };
    const Case cases[] = {
        {"MATCH (a RETURN a",
         "syntax error at line 1, column 10: expected ')' to close the node pattern but found "
         "'RETURN'\n  MATCH (a RETURN a\n           ^"},
        {"MATCH (a)\nWHERE a.name = \nRETURN a",
         "syntax error at line 3, column 1: expected an expression but found keyword RETURN\n"
         "  RETURN a\n  ^"},
        {"MATCH (a)-[:x*3..1]->(b) RETURN a",
         "syntax error at line 1, column 10: variable-length range has max < min\n"
         "  MATCH (a)-[:x*3..1]->(b) RETURN a\n           ^"},
        {"MATCH (a) RETURN a.name 'x'",
         "syntax error at line 1, column 25: expected the end of the query after RETURN, found "
         "string 'x'\n  MATCH (a) RETURN a.name 'x'\n                          ^"},
        {"MATCH (a)",
         "syntax error at line 1, column 10: expected RETURN: a query ends with a RETURN clause\n"
         "  MATCH (a)\n           ^"},
        {"MATCH (a {name: 'Nordkorea}) RETURN a",
         "syntax error at line 1, column 17: unterminated string\n"
         "  MATCH (a {name: 'Nordkorea}) RETURN a\n                  ^"},
        {"MATCH (a)<-->(b) RETURN a",
         "syntax error at line 1, column 10: a relationship cannot point both ways (<-->)\n"
         "  MATCH (a)<-->(b) RETURN a\n           ^"},
        {"MATCH (ö) RETURN ö # x",
         "syntax error at line 1, column 20: unexpected character '#'\n"
         "  MATCH (ö) RETURN ö # x\n                     ^"},
        {"MATCH p = shortestPath((a)-->(b)-->(c)) RETURN p",
         "syntax error at line 1, column 11: a shortest-path pattern needs exactly one "
         "relationship, e.g. (a)-[*..6]-(b)\n"
         "  MATCH p = shortestPath((a)-->(b)-->(c)) RETURN p\n            ^"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      auto q = Query::Parse(c.query);
      REQUIRE_FALSE(q.ok());
      CHECK(q.status().IsInvalidArgument());
      CHECK(q.status().message() == c.message);
    }
  }

  TEST_CASE("unsupported constructs are named with their position") {
    struct Case {
      const char* query;
      const char* prefix;
    };
    const Case cases[] = {
        {"UNWIND [1,2] AS x RETURN x", "unsupported: UNWIND at line 1, column 1\n"},
        {"MATCH (a) RETURN a\nUNION\nMATCH (b) RETURN b",
         "unsupported: UNION at line 2, column 1\n"},
        {"CALL db.labels()", "unsupported: CALL at line 1, column 1\n"},
        {"MATCH (a) RETURN CASE WHEN a.x THEN 1 END",
         "unsupported: CASE expressions at line 1, column 18\n"},
        {"MATCH (a) WHERE (a)-->(:State) RETURN a",
         "unsupported: pattern expressions in WHERE (use another MATCH) at line 1, column 17\n"},
        {"MATCH (a) RETURN [x IN [1] | x]",
         "unsupported: list comprehensions at line 1, column 18\n"},
        {"MATCH (a:State|Breakaway) RETURN a",
         "unsupported: label alternatives (:A|B) on nodes at line 1, column 15\n"},
        {"MATCH p = SHORTEST 2 (a)--(b) RETURN p",
         "unsupported: SHORTEST path selector (use ANY SHORTEST or ALL SHORTEST) at line 1, column "
         "11\n"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      auto q = Query::Parse(c.query);
      REQUIRE_FALSE(q.ok());
      CHECK(q.status().IsUnsupported());
      CHECK(q.status().message().rfind(c.prefix, 0) == 0);
    }
  }

  TEST_CASE("write clauses are refused") {
    struct Case {
      const char* query;
      const char* word;
      const char* where;
    };
    const Case cases[] = {
        {"CREATE (a:State {id: 'XXX'})", "CREATE", "line 1, column 1"},
        {"MERGE (a {id: 'UKR'}) RETURN a", "MERGE", "line 1, column 1"},
        {"MATCH (a {id: 'UKR'}) SET a.name = 'x' RETURN a", "SET", "line 1, column 23"},
        {"MATCH (a)-[r]->(b) DELETE r", "DELETE", "line 1, column 20"},
        {"MATCH (a) REMOVE a.name RETURN a", "REMOVE", "line 1, column 11"},
        {"MATCH (a)\nDETACH DELETE a", "DETACH", "line 2, column 1"},
        {"match (a) return a create (b)", "CREATE", "line 1, column 20"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      auto q = Query::Parse(c.query);
      REQUIRE_FALSE(q.ok());
      CHECK(q.status().IsInvalidArgument());
      CHECK(q.status().message().rfind(std::string("write clause ") + c.word + " at " + c.where +
                                           " is not allowed: geokg queries are read-only",
                                       0) == 0);
    }
  }

  TEST_CASE("node and relationship patterns, labels, properties and direction") {
    struct Case {
      const char* query;
      V rows;
    };
    const Case cases[] = {
        {"MATCH (a)-[:recognises]->(b:Breakaway) RETURN a.id ORDER BY a.id", {"PRK", "RUS", "SYR"}},
        {"MATCH (b {id: 'DPR'})<-[:recognises]-(a) RETURN a.name ORDER BY a.name",
         {"North Korea", "Russia", "Syria"}},
        {"MATCH (a {name: 'North Korea'})-[r]->(b) RETURN type(r), b.id ORDER BY b.id",
         {"recognises|DPR", "meets|RUS"}},
        // {name:} compares to the canonical name only: aliases do not match.
        {"MATCH (a {name: 'Nordkorea'}) RETURN a.id", {}},
        {"MATCH (a:Organisation) RETURN a.id, a.kind, labels(a)",
         {"NATO|organisation|[Organisation]"}},
        {"MATCH (a:State)-[:joins]->(b) RETURN a.id ORDER BY a.id", {"DEU", "USA"}},
        {"MATCH (a:Breakaway)-[:joins]->(b) RETURN a.id", {}},
        // Undirected: both directions of a directed edge.
        {"MATCH (a {id: 'DPR'})-[:recognises]-(b) RETURN b.id ORDER BY b.id",
         {"PRK", "RUS", "SYR"}},
        // Directed patterns do not follow a directed edge backwards...
        {"MATCH (a {id: 'DPR'})-[:recognises]->(b) RETURN b.id", {}},
        // ...but a symmetric relation matches in both directions.
        {"MATCH (a {id: 'RUS'})-[:cuts_ties]->(b) RETURN b.id", {"UKR"}},
        {"MATCH (a {id: 'UKR'})-[:cuts_ties]->(b) RETURN b.id ORDER BY b.id", {"RUS", "SYR"}},
        {"MATCH (a)-[:cuts_ties]->(b {id: 'UKR'}) RETURN a.id ORDER BY a.id", {"RUS", "SYR"}},
        {"MATCH (a {id: 'RUS'})<-[r:meets]-(b) RETURN b.id, startNode(r).id", {"PRK|RUS"}},
        // Alternation.
        {"MATCH (a {id: 'SAU'})-[r:cuts_ties|restores_ties]->(b) RETURN type(r), r.status ORDER BY "
         "r.valid_from",
         {"cuts_ties|ended", "restores_ties|active"}},
        {"MATCH (a {id: 'SAU'})-[r:cuts_ties|:restores_ties {status: 'active'}]->(b) RETURN "
         "type(r)",
         {"restores_ties"}},
        // Two hops with a shared middle node; relationship uniqueness.
        {"MATCH (a {id: 'USA'})-[:sanctions]->(t)<-[:sanctions]-(b) RETURN b.id, t.id",
         {"DEU|RUS"}},
        {"MATCH (a)-[:sanctions]->(t)<-[:sanctions]-(b) WHERE a.id < b.id RETURN a.id, b.id, t.id",
         {"DEU|USA|RUS"}},
        // Several patterns and MATCH clauses share variables.
        {"MATCH (a)-[:recognises]->(d), (a)-[:meets]-(b) RETURN a.id, b.id",
         {"RUS|PRK", "PRK|RUS"}},
        {"MATCH (a)-[:recognises]->(d) MATCH (s)-[:sanctions]->(a) RETURN a.id, count(s) AS n "
         "ORDER BY n DESC, a.id",
         {"RUS|2", "PRK|1"}},
        // A symmetric edge matches a directed pattern both ways.
        {"MATCH (a)-[r]->(b) WHERE id(r) = 9 RETURN a.id, b.id, r.symmetric ORDER BY a.id",
         {"DEU|UKR|true", "UKR|DEU|true"}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      CHECK(RunRows(c.query) == c.rows);
    }
  }

  TEST_CASE("variable-length patterns") {
    struct Case {
      const char* query;
      V rows;
    };
    const Case cases[] = {
        {"MATCH (a {id: 'USA'})-[:cooperates*1..2]-(b) RETURN b.id ORDER BY b.id", {"DEU", "UKR"}},
        {"MATCH (a {id: 'USA'})-[:cooperates*2]-(b) RETURN b.id", {"UKR"}},
        {"MATCH (a {id: 'USA'})-[:cooperates*0..1]-(b) RETURN b.id ORDER BY b.id", {"DEU", "USA"}},
        {"MATCH p = (a {id: 'USA'})-[:cooperates*]-(b {id: 'UKR'}) RETURN length(p), "
         "[n IN nodes(p) | n] IS NULL",
         {}},
        {"MATCH p = (a {id: 'USA'})-[r:cooperates*]-(b {id: 'UKR'}) RETURN length(p), size(r), p",
         {"2|2|(USA)-[:cooperates]-(DEU)-[:cooperates]-(UKR)"}},
        // Matched from the bound end (reversed), the path still reads in pattern order.
        {"MATCH p = (a)-[:cooperates*2]-(b {id: 'UKR'}) RETURN a.id, p",
         {"USA|(USA)-[:cooperates]-(DEU)-[:cooperates]-(UKR)"}},
        {"MATCH (a {id: 'UKR'})-[:cooperates|sanctions*2]->(b) RETURN b.id ORDER BY b.id",
         {"RUS", "USA"}},
        {"MATCH p = (a {id: 'UKR'})-[*2]-(b {id: 'PRK'}) RETURN p ORDER BY p",
         {"(UKR)-[:cuts_ties]-(RUS)-[:meets]-(PRK)"}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      if (std::string(c.query).find("[n IN") != std::string::npos) {
        CHECK_FALSE(Engine().Run(c.query).ok());  // list comprehensions are unsupported
        continue;
      }
      CHECK(RunRows(c.query) == c.rows);
    }
  }

  TEST_CASE("shortest paths use the graph module and push all() into the search") {
    struct Case {
      const char* query;
      V rows;
    };
    const Case cases[] = {
        {"MATCH p = shortestPath((a {id: 'USA'})-[*]-(b {id: 'UKR'})) RETURN length(p), "
         "nodes(p)[0].id, nodes(p)[2].id",
         {"2|USA|UKR"}},
        {"MATCH p = ANY SHORTEST (a {id: 'USA'})-[*]-(b {id: 'UKR'}) RETURN length(p)", {"2"}},
        // All shortest USA..UKR over any relation: via DEU (cooperates) and via RUS.
        {"MATCH p = allShortestPaths((a {id: 'USA'})-[*]-(b {id: 'UKR'})) RETURN p ORDER BY p",
         {"(USA)-[:sanctions]->(RUS)-[:cuts_ties]-(UKR)",
          "(USA)-[:cooperates]-(DEU)-[:cooperates]-(UKR)"}},
        {"MATCH p = ALL SHORTEST (a {id: 'USA'})-[*]-(b {id: 'UKR'}) RETURN count(p)", {"2"}},
        // Cooperative chain only: the all() predicate filters edges during the search.
        {"MATCH p = shortestPath((a {id: 'USA'})-[*]-(b {id: 'UKR'})) WHERE all(r IN "
         "relationships(p) WHERE r.plover IN ['COOPERATE', 'SUPPORT']) RETURN length(p)",
         {"2"}},
        {"MATCH p = shortestPath((a {id: 'PRK'})-[*]-(b {id: 'UKR'})) WHERE all(r IN "
         "relationships(p) WHERE r.goldstein > 0) RETURN p",
         {}},
        {"MATCH p = shortestPath((a {id: 'PRK'})-[*]-(b {id: 'UKR'})) WHERE none(r IN "
         "relationships(p) WHERE r.plover = 'CONSULT') RETURN length(p)",
         {"3"}},
        {"MATCH p = shortestPath((a {id: 'PRK'})-[*]-(b {id: 'UKR'})) RETURN length(p)", {"2"}},
        // Direction: directed search, symmetric edges both ways.
        {"MATCH p = shortestPath((a {id: 'DPR'})-[*]->(b {id: 'RUS'})) RETURN p", {}},
        {"MATCH p = shortestPath((a {id: 'DPR'})<-[*]-(b {id: 'RUS'})) RETURN length(p)", {"1"}},
        {"MATCH p = allShortestPaths((a {id: 'UKR'})-[*]->(b {id: 'DPR'})) RETURN p ORDER BY p",
         {"(UKR)-[:cuts_ties]-(RUS)-[:recognises]->(DPR)",
          "(UKR)-[:cuts_ties]-(SYR)-[:recognises]->(DPR)"}},
        {"MATCH p = ALL SHORTEST (b {id: 'DPR'})<-[*]-(a {id: 'UKR'}) RETURN p ORDER BY p",
         {"(DPR)<-[:recognises]-(RUS)-[:cuts_ties]-(UKR)",
          "(DPR)<-[:recognises]-(SYR)-[:cuts_ties]-(UKR)"}},
        {"MATCH p = shortestPath((a {id: 'USA'})-[:cooperates*..1]-(b {id: 'UKR'})) RETURN p", {}},
        {"MATCH (a {id: 'USA'}), (b:Organisation) MATCH p = shortestPath((a)-[:joins*]->(b)) "
         "RETURN b.id, length(p)",
         {"NATO|1"}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      CHECK(RunRows(c.query) == c.rows);
    }
  }

  TEST_CASE("WHERE operators, functions, dates and null") {
    struct Case {
      const char* query;
      V rows;
    };
    const Case cases[] = {
        {"MATCH (a:State) WHERE a.id IN ['UKR', 'RUS', 'XXX'] RETURN a.id ORDER BY a.id",
         {"RUS", "UKR"}},
        {"MATCH (a) WHERE a.name STARTS WITH 'North' OR a.name ENDS WITH 'Arabia' RETURN a.id "
         "ORDER BY a.id",
         {"PRK", "SAU"}},
        {"MATCH (a) WHERE toLower(a.name) CONTAINS 'korea' RETURN toUpper(a.name)",
         {"NORTH KOREA"}},
        {"MATCH (a) WHERE NOT a:State RETURN a.id", {"<unsupported>"}},
        {"MATCH (a) WHERE a.id = 'RUS' XOR a.kind = 'state' RETURN count(*)", {"7"}},
        {"MATCH ()-[r]->() WHERE r.valid_to IS NOT NULL RETURN DISTINCT r.id, r.valid_to",
         {"13|2023-03-10"}},
        {"MATCH ()-[r:cuts_ties]->() WHERE r.valid_to IS NULL RETURN count(r), count(DISTINCT r)",
         {"4|2"}},
        // Dates compare at the coarser precision.
        {"MATCH ()-[r]->() WHERE r.first_seen >= date('2022-07-01') RETURN DISTINCT r.id ORDER BY "
         "r.id",
         {"2", "14", "15"}},
        {"MATCH ()-[r]->() WHERE r.first_seen = date('2022-05-17') RETURN DISTINCT r.id", {"9"}},
        {"MATCH ()-[r]->() WHERE r.first_seen = 2017 RETURN r.id", {"8"}},
        {"MATCH ()-[r]->() WHERE r.first_seen < '2000' RETURN r.id ORDER BY r.id", {"11", "12"}},
        {"MATCH ()-[r]->() WHERE r.first_seen.year = 2021 RETURN DISTINCT r.id, r.first_seen.month",
         {"10|null"}},
        {"MATCH (a {id: 'RUS'}) RETURN a.aliases, size(a.aliases), coalesce(null, a.name), "
         "head(a.aliases), last(a.aliases)",
         {"[Russland, Russische Föderation]|2|Russia|Russland|Russische Föderation"}},
        {"MATCH (a {id: 'UKR'}) RETURN 1 + 2 * 3, 7 / 2, 7.0 / 2, 7 % 3, 'a' + 'b', [1] + 2, "
         "toInteger('12'), toFloat(3), abs(-2), toString(1.5)",
         {"7|3|3.5|1|ab|[1, 2]|12|3.0|2|1.5"}},
        {"MATCH (a {id: 'UKR'}) RETURN null = null, null IS NULL, 1 IN [null, 1], 2 IN [null, 1], "
         "true AND null, false AND null, true OR null",
         {"null|true|true|null|null|false|true"}},
        {"MATCH (a) WHERE a.id = resolve('Nordkorea') OR a.id = resolve('russische foderation') "
         "RETURN a.id ORDER BY a.id",
         {"PRK", "RUS"}},
        {"MATCH (a {id: 'UKR'}) RETURN resolve('Atlantis')", {"null"}},
        {"MATCH p = (a {id: 'UKR'})-[:cuts_ties]-(b {id: 'RUS'}) WHERE any(r IN relationships(p) "
         "WHERE r.status = 'active') AND single(n IN nodes(p) WHERE n.id = 'RUS') RETURN "
         "nodes(p)[1].id, relationships(p)[0].plover, relationships(p)[-1].goldstein",
         {"RUS|SANCTION|-4.0"}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      if (c.rows == V{"<unsupported>"}) {
        // Label predicates in WHERE parse as a syntax error (write a label in the pattern).
        CHECK_FALSE(Engine().Run(c.query).ok());
        continue;
      }
      CHECK(RunRows(c.query) == c.rows);
    }
  }

  TEST_CASE("aggregates with implicit grouping, DISTINCT, ORDER BY, SKIP and LIMIT") {
    struct Case {
      const char* query;
      V rows;
    };
    const Case cases[] = {
        {"MATCH (s)-[:sanctions]->(t) RETURN t.id AS target, count(*) AS n ORDER BY n DESC, target",
         {"RUS|2", "PRK|1"}},
        {"MATCH (s)-[:sanctions]->(t) RETURN count(*), count(DISTINCT s), count(DISTINCT t)",
         {"3|2|2"}},
        {"MATCH (s)-[:sanctions]->(t) RETURN s.id, collect(t.id) ORDER BY s.id",
         {"DEU|[RUS]", "USA|[RUS, PRK]"}},
        {"MATCH ()-[r]->() WITH DISTINCT r RETURN sum(r.evidence_count), min(r.first_seen), "
         "max(r.first_seen), avg(r.goldstein) > 0",
         {"30|1949-04-04|2023-09-13|true"}},
        {"MATCH ()-[r]->() WITH DISTINCT r RETURN type(r) AS t, sum(r.goldstein) AS g ORDER BY g, "
         "t LIMIT 2",
         {"sanctions|-24.0", "cuts_ties|-12.0"}},
        {"MATCH (a)-[:recognises]->(b) RETURN DISTINCT b.id", {"DPR"}},
        {"MATCH (a:State) RETURN a.id ORDER BY a.id SKIP 2 LIMIT 3", {"PRK", "RUS", "SAU"}},
        {"MATCH (a:State) RETURN a.id ORDER BY a.name DESC LIMIT 2", {"USA", "UKR"}},
        {"MATCH (a:State) RETURN a.id AS x ORDER BY x DESC LIMIT $n", {"USA", "UKR"}},
        {"MATCH (a {id: 'XXX'}) RETURN count(*), collect(a)", {"0|[]"}},
        {"MATCH (a {id: 'XXX'}) RETURN a.id, count(*)", {}},
        {"MATCH (a)-[r]-(b) WITH a, count(r) AS degree WHERE degree >= 4 RETURN a.id, degree "
         "ORDER BY degree DESC, a.id",
         {"RUS|5", "DEU|4", "USA|4"}},
        {"MATCH (a:Breakaway) OPTIONAL MATCH (a)-[:joins]->(o) RETURN a.id, o", {"DPR|null"}},
        {"MATCH (a {id: 'DEU'}) OPTIONAL MATCH (a)-[:joins]->(o) RETURN a.id, o.id", {"DEU|NATO"}},
        {"MATCH (a)-[:recognises]->(b) WITH DISTINCT b MATCH (b)<-[r]-() RETURN count(r)", {"3"}},
        {"MATCH (a {id: 'UKR'}) RETURN *", {"Ukraine (UKR)"}},
    };
    QueryParams params;
    params["n"] = QueryValue::Int(2);
    for (const auto& c : cases) {
      CAPTURE(c.query);
      CHECK(RunRows(c.query, params) == c.rows);
    }
  }

  TEST_CASE("query errors at run time name the position") {
    struct Case {
      const char* query;
      const char* message_start;
    };
    const Case cases[] = {
        {"MATCH (a) RETURN a.nmae",
         "query error at line 1, column 18: unknown node property 'nmae'"},
        {"MATCH (a:Country) RETURN a", "query error at line 1, column 7: unknown label :Country"},
        {"MATCH (a) RETURN b", "query error at line 1, column 18: unknown variable 'b'"},
        {"MATCH (a) RETURN $missing",
         "query error at line 1, column 18: missing parameter $missing"},
        {"MATCH (a) RETURN foo(a)", "query error at line 1, column 18: unknown function foo()"},
        {"MATCH (a) WHERE a.name RETURN a",
         "query error at line 1, column 17: WHERE expects a boolean"},
        {"MATCH (a) WITH a.id RETURN a",
         "query error at line 1, column 16: an expression in WITH needs an alias"},
        {"MATCH (a) RETURN a ORDER BY count(*)",
         "query error at line 1, column 29: ORDER BY an aggregate"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      auto r = Engine().Run(c.query);
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().message().rfind(c.message_start, 0) == 0);
      CHECK(r.status().message().find('^') != std::string::npos);
    }
  }

  TEST_CASE("runaway guards: rows, path length and expansions") {
    QueryOptions small;
    small.max_rows = 5;
    auto engine = QueryEngine::FromGraph(TestGraph(), small);
    REQUIRE(engine.ok());
    auto rows = (*engine)->Run("MATCH (a)--(b) RETURN a, b");
    REQUIRE_FALSE(rows.ok());
    CHECK(rows.status().IsUnsupported());
    CHECK(rows.status().message().find("row limit exceeded: more than 5 rows") !=
          std::string::npos);
    // LIMIT stops the match early, so the same pattern fits.
    auto limited = (*engine)->Run("MATCH (a)--(b) RETURN a, b LIMIT 3");
    REQUIRE(limited.ok());
    CHECK(limited->rows.size() == 3);

    QueryOptions short_paths;
    short_paths.max_hops = 2;
    auto engine2 = QueryEngine::FromGraph(TestGraph(), short_paths);
    REQUIRE(engine2.ok());
    auto deep = (*engine2)->Run("MATCH (a {id: 'USA'})-[*]-(b) RETURN count(*)");
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.status().message().find("path length limit exceeded") != std::string::npos);
    CHECK(deep.status().message().find("line 1, column 22") != std::string::npos);
    auto bounded = (*engine2)->Run("MATCH (a {id: 'USA'})-[*..2]-(b) RETURN count(*) > 0");
    REQUIRE(bounded.ok());
    CHECK(Rows(*bounded) == V{"true"});

    QueryOptions little_work;
    little_work.max_expansions = 50;
    auto engine3 = QueryEngine::FromGraph(TestGraph(), little_work);
    REQUIRE(engine3.ok());
    auto work = (*engine3)->Run("MATCH (a)-[*..4]-(b) RETURN count(*)");
    REQUIRE_FALSE(work.ok());
    CHECK(work.status().message().find("expansion limit exceeded") != std::string::npos);
  }

  TEST_CASE("queries never change the graph") {
    auto before = Engine().Run("MATCH ()-[r]->() RETURN count(DISTINCT r)");
    REQUIRE(before.ok());
    for (const char* q :
         {"MATCH (a) DETACH DELETE a", "CREATE (a)", "MATCH (a) SET a.name = 'x'"}) {
      CHECK_FALSE(Engine().Run(q).ok());
    }
    auto after =
        Engine().Run("MATCH ()-[r]->() RETURN count(DISTINCT r), count(DISTINCT r.subject)");
    REQUIRE(after.ok());
    CHECK(Rows(*after) == V{"15|7"});
    CHECK(Rows(*before) == V{"15"});
  }

  TEST_CASE("parameters: values, assignments and saved-query headers") {
    struct Case {
      const char* text;
      QueryValue::Type type;
      const char* shown;
    };
    const Case cases[] = {
        {"42", QueryValue::Type::kInt, "42"},
        {"-3", QueryValue::Type::kInt, "-3"},
        {"0.5", QueryValue::Type::kFloat, "0.5"},
        {"2022-02-24", QueryValue::Type::kDate, "2022-02-24"},
        {"2022-02", QueryValue::Type::kDate, "2022-02"},
        {"2022", QueryValue::Type::kInt, "2022"},
        {"'2022'", QueryValue::Type::kString, "2022"},
        {"\"North Korea\"", QueryValue::Type::kString, "North Korea"},
        {"UKR", QueryValue::Type::kString, "UKR"},
        {"2022-13-01", QueryValue::Type::kString, "2022-13-01"},
        {"true", QueryValue::Type::kBool, "true"},
        {"1e3x", QueryValue::Type::kString, "1e3x"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      QueryValue v = ParseParamValue(c.text);
      CHECK(v.type == c.type);
      CHECK(QueryValueToText(v) == c.shown);
    }
    QueryParams params;
    CHECK(ParseParamAssignment("a=UKR", &params).ok());
    CHECK(ParseParamAssignment("$b=RUS", &params).ok());
    CHECK(ParseParamAssignment("year=2022", &params).ok());
    CHECK_FALSE(ParseParamAssignment("noequals", &params).ok());
    CHECK_FALSE(ParseParamAssignment("1x=2", &params).ok());
    CHECK(params.size() == 3);
    CHECK(params["b"].text == "RUS");

    auto header = ParamsFromHeader(
        "// Who cut ties?\n// params: a=UKR name='North Korea'  date=2022-01-01\n\n"
        "/* params: k=3 */\nMATCH (a) RETURN a // params: ignored=1\n");
    REQUIRE(header.ok());
    CHECK(header->size() == 4);
    CHECK((*header)["name"].text == "North Korea");
    CHECK((*header)["date"].type == QueryValue::Type::kDate);
    CHECK((*header)["k"].int_value == 3);
    CHECK(header->count("ignored") == 0);
    CHECK_FALSE(ParamsFromHeader("// params: a='open\nRETURN 1").ok());

    // Parameters reach the query; dates compare with edge dates.
    QueryParams p;
    p["a"] = QueryValue::String("UKR");
    p["since"] = ParseParamValue("2022-06");
    CHECK(RunRows("MATCH (a {id: $a})-[r:cuts_ties]-(b) WHERE r.first_seen >= $since RETURN b.id",
                  p) == V{"SYR"});
    auto q = Query::Parse("MATCH (a {id: $a}) WHERE a.x = $b OR $a = 'x' RETURN a");
    REQUIRE(q.ok());
    CHECK(q->Parameters() == std::vector<std::string>{"a", "b"});
  }

  TEST_CASE("output formats") {
    auto r = Engine().Run(
        "MATCH p = (a {id: 'UKR'})-[r:cuts_ties]-(b {id: 'RUS'}) RETURN a, r.first_seen AS since, "
        "r.confidence AS c, p, a.aliases AS aka");
    REQUIRE(r.ok());
    struct Case {
      const char* format;
      const char* text;
    };
    const Case cases[] = {
        {"tsv",
         "a\tsince\tc\tp\taka\nUkraine "
         "(UKR)\t2022-02-24\t0.9\t(UKR)-[:cuts_ties]-(RUS)\t[Ukraina]\n"},
        {"csv", "a,since,c,p,aka\nUKR,2022-02-24,0.9,(UKR)-[:cuts_ties]-(RUS),[Ukraina]\n"},
        {"table",
         "a             | since      | c   | p                        | aka\n"
         "--------------+------------+-----+--------------------------+----------\n"
         "Ukraine (UKR) | 2022-02-24 | 0.9 | (UKR)-[:cuts_ties]-(RUS) | [Ukraina]\n"
         "(1 row)\n"},
        {"json",
         "[\n "
         "{\"a\":{\"id\":\"UKR\",\"name\":\"Ukraine\",\"kind\":\"state\",\"aliases\":[\"Ukraina\"]}"
         ","
         "\"since\":\"2022-02-24\",\"c\":0.9,\"p\":{\"nodes\":[{\"id\":\"UKR\",\"name\":"
         "\"Ukraine\","
         "\"kind\":\"state\",\"aliases\":[\"Ukraina\"]},{\"id\":\"RUS\",\"name\":\"Russia\","
         "\"kind\":"
         "\"state\",\"aliases\":[\"Russland\",\"Russische "
         "Föderation\"]}],\"relationships\":[{\"id\":4,"
         "\"type\":\"cuts_ties\",\"subject\":\"UKR\",\"object\":\"RUS\",\"first_seen\":\"2022-02-"
         "24\","
         "\"last_seen\":\"2022-02-24\",\"valid_from\":\"2022-02-24\",\"valid_to\":null,"
         "\"evidence_count\":2,\"source_count\":1,\"confidence\":0.9,\"status\":\"active\","
         "\"cameo\":"
         "\"\",\"plover\":\"SANCTION\",\"goldstein\":-4.0,\"symmetric\":true}]},\"aka\":["
         "\"Ukraina\"]}\n]\n"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.format);
      std::ostringstream out;
      REQUIRE(WriteQueryResult(*r, c.format, out).ok());
      CHECK(out.str() == c.text);
    }
    std::ostringstream out;
    CHECK(WriteQueryResult(*r, "xml", out).IsInvalidArgument());
  }

}  // TEST_SUITE
