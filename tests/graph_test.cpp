#include "geokg/graph.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "geokg/model.h"

using namespace geokg;

namespace {

struct E {
  const char* s;
  const char* o;
  const char* relation = "meets";
  double goldstein = 1.0;
  bool symmetric = false;
  int64_t evidence = 1;
};

// A graph whose nodes are the ids named by the edges (plus `extra`), in
// order of first appearance.
GraphData MakeGraph(const std::vector<E>& edges, const std::vector<std::string>& extra = {}) {
  GraphData g;
  std::set<std::string> seen;
  auto add = [&](const std::string& id) {
    if (seen.insert(id).second) g.nodes.push_back({id, id + " name", EntityKind::kState, {}});
  };
  int64_t next_id = 1;
  for (const E& e : edges) {
    add(e.s);
    add(e.o);
    Edge edge;
    edge.id = next_id++;
    edge.subject = e.s;
    edge.object = e.o;
    edge.relation = e.relation;
    edge.goldstein = e.goldstein;
    edge.symmetric = e.symmetric;
    edge.evidence_count = e.evidence;
    edge.source_count = e.evidence;
    edge.confidence = 0.9;
    edge.first_seen = edge.last_seen = edge.valid_from = "2022-01-01";
    edge.status = "active";
    g.edges.push_back(edge);
  }
  for (const auto& id : extra) add(id);
  return g;
}

Snapshot MakeSnapshot(const std::vector<E>& edges, const std::vector<std::string>& extra = {}) {
  auto snap = Snapshot::Build(MakeGraph(edges, extra));
  REQUIRE(snap.ok());
  return std::move(snap).value();
}

std::string Joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : "-") + id;
  return out;
}

std::vector<std::string> PathStrings(const std::vector<Path>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(Joined(p.nodes));
  return out;
}

double ScoreOf(const std::vector<Score>& scores, const std::string& id) {
  for (const auto& s : scores) {
    if (s.id == id) return s.score;
  }
  FAIL("no score for " << id);
  return 0.0;
}

// A random multigraph on `nodes` nodes: relations whose costs are exact in
// binary (Goldstein -10, -5, 0, 5, 10; evidence 1, 2, 4), so that equally
// cheap paths compare equal whatever the order of the sums; r4 symmetric.
std::vector<E> RandomEdges(std::mt19937& rng, int nodes, int edges) {
  static const char* const kIds[] = {"N00", "N01", "N02", "N03", "N04", "N05", "N06", "N07",
                                     "N08", "N09", "N10", "N11", "N12", "N13", "N14", "N15",
                                     "N16", "N17", "N18", "N19", "N20", "N21", "N22", "N23"};
  static const char* const kRelations[] = {"r0", "r1", "r2", "r3", "r4"};
  std::uniform_int_distribution<int> node(0, std::min(nodes, 24) - 1), rel(0, 4), ev(0, 2);
  std::vector<E> out;
  for (int i = 0; i < edges; ++i) {
    const int r = rel(rng);
    out.push_back({kIds[node(rng)], kIds[node(rng)], kRelations[r], -10.0 + 5.0 * r, r == 4,
                   int64_t{1} << ev(rng)});
  }
  return out;
}

// Checks that `p` is a walk of `s` from p.nodes.front() that a search with
// `directed` may take, and returns its cost under `weight`.
double CheckedCost(const Snapshot& s, const Path& p, bool directed, PathOptions::Weight weight) {
  REQUIRE(p.nodes.size() == p.edges.size() + 1);
  double cost = 0.0;
  for (size_t i = 0; i < p.edges.size(); ++i) {
    const NodeIndex a = *s.IndexOf(p.nodes[i]), b = *s.IndexOf(p.nodes[i + 1]);
    const EdgeIndex e = p.edges[i];
    CHECK(((s.source(e) == a && s.target(e) == b) || (s.source(e) == b && s.target(e) == a)));
    CHECK(s.CanTraverse(e, a, directed));
    cost += EdgeCost(s.edge(e), weight);
  }
  return cost;
}

}  // namespace

TEST_SUITE("graph") {
  TEST_CASE("Build indexes nodes and edges and rejects inconsistent data") {
    Snapshot s = MakeSnapshot({{"A", "B"}, {"B", "C"}, {"A", "C"}}, {"Z"});
    CHECK(s.num_nodes() == 4);
    CHECK(s.num_edges() == 3);
    REQUIRE(s.FindNode("B") != nullptr);
    CHECK(s.FindNode("B")->name == "B name");
    CHECK(s.FindNode("nope") == nullptr);
    const NodeIndex a = *s.IndexOf("A");
    REQUIRE(s.OutEdges(a).size() == 2);
    CHECK(s.edge(s.OutEdges(a)[0]).object == "B");
    CHECK(s.edge(s.OutEdges(a)[1]).object == "C");
    CHECK(s.InEdges(a).empty());
    CHECK(s.InEdges(*s.IndexOf("C")).size() == 2);
    CHECK(s.OutEdges(*s.IndexOf("Z")).empty());
    CHECK(s.Other(s.OutEdges(a)[0], a) == *s.IndexOf("B"));

    SUBCASE("an edge to an unknown node") {
      GraphData g = MakeGraph({{"A", "B"}});
      g.nodes.pop_back();
      auto bad = Snapshot::Build(g);
      REQUIRE_FALSE(bad.ok());
      CHECK(bad.status().IsInvalidArgument());
      CHECK(bad.status().message().find("\"B\"") != std::string::npos);
    }
    SUBCASE("a repeated node id") {
      GraphData g = MakeGraph({{"A", "B"}});
      g.nodes.push_back(g.nodes[0]);
      auto bad = Snapshot::Build(g);
      REQUIRE_FALSE(bad.ok());
      CHECK(bad.status().IsInvalidArgument());
    }
  }

  TEST_CASE("Build keeps every field of every edge, in order, in columns") {
    GraphData g = MakeGraph({{"A", "B", "meets", 1.0, true, 3},
                             {"B", "C", "meets", -2.5, false, 1},  // same name, other values
                             {"C", "A", "recognises", 4.0, false, 7},
                             {"A", "B", "meets", 1.0, true, 2}});
    g.edges[1].valid_to = "2023-05";
    g.edges[1].status = "ended";
    g.edges[2].last_seen = "2024-02-29";
    g.edges[2].valid_from = "2022";
    g.edges[2].cameo = "054";
    g.edges[2].plover = "SUPPORT";
    g.edges[3].id = 1ll << 40;
    g.edges[3].confidence = 0.25;
    const GraphData want = g;
    auto built = Snapshot::Build(std::move(g));
    REQUIRE(built.ok());
    const Snapshot& s = *built;
    REQUIRE(s.num_edges() == want.edges.size());
    for (EdgeIndex e = 0; e < s.num_edges(); ++e) {
      CAPTURE(e);
      const Edge& w = want.edges[e];
      const Edge got = s.edge(e);
      CHECK(got.id == w.id);
      CHECK(got.subject == w.subject);
      CHECK(got.relation == w.relation);
      CHECK(got.object == w.object);
      CHECK(got.first_seen == w.first_seen);
      CHECK(got.last_seen == w.last_seen);
      CHECK(got.valid_from == w.valid_from);
      CHECK(got.valid_to == w.valid_to);
      CHECK(got.evidence_count == w.evidence_count);
      CHECK(got.source_count == w.source_count);
      CHECK(got.confidence == w.confidence);
      CHECK(got.status == w.status);
      CHECK(got.cameo == w.cameo);
      CHECK(got.plover == w.plover);
      CHECK(got.goldstein == w.goldstein);
      CHECK(got.symmetric == w.symmetric);
      CHECK(s.relation(e) == w.relation);
      CHECK(s.symmetric(e) == w.symmetric);
      CHECK(s.node(s.source(e)).id == w.subject);
      CHECK(s.node(s.target(e)).id == w.object);
    }
    // "meets" twice with different values: two relations; repeats share one.
    CHECK(s.table().relations.size() == 3);
    CHECK(s.table().edges[0].relation == s.table().edges[3].relation);
    CHECK(s.table().edges[0].relation != s.table().edges[1].relation);
    // A relation filter matches every variant of the name.
    PathOptions only_meets;
    only_meets.relations = {"meets"};
    auto p = ShortestPath(s, "A", "C", only_meets);
    REQUIRE(p.ok());
    CHECK(p->edges.size() == 2);
    // Snapshot from columns: the same graph; bad indices are refused.
    auto again = Snapshot::Build(s.table());
    REQUIRE(again.ok());
    for (EdgeIndex e = 0; e < s.num_edges(); ++e) CHECK(again->edge(e).id == s.edge(e).id);
    CHECK(again->OutEdges(*again->IndexOf("A")).size() == 2);
    GraphTable bad = s.table();
    bad.edges[1].object = 99;
    auto refused = Snapshot::Build(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().IsInvalidArgument());
    GraphTable bad_date = s.table();
    bad_date.edges[0].valid_to = static_cast<uint32_t>(bad_date.strings.size());
    CHECK(Snapshot::Build(bad_date).status().IsInvalidArgument());
    GraphTable twice = s.table();
    twice.nodes.push_back(twice.nodes[0]);
    CHECK(Snapshot::Build(twice).status().IsInvalidArgument());
  }

  TEST_CASE("Build finds ids of any length among thousands by content, in any node order") {
    // Ids of 1 to 40 characters over a two-letter alphabet (many differ in
    // one character only; lookups hash 4- and 8-byte words), nodes shuffled.
    std::mt19937 rng(7);
    std::set<std::string> unique;
    while (unique.size() < 3000) {
      std::string id(1 + rng() % 40, 'a');
      for (char& c : id) c = rng() % 2 ? 'a' : 'b';
      unique.insert(id);
    }
    std::vector<std::string> ids(unique.begin(), unique.end());
    std::shuffle(ids.begin(), ids.end(), rng);
    const std::vector<std::string> dates = {"2022", "2022-07", "2022-07-15", "2023-01-31"};
    GraphData g;
    for (const auto& id : ids) g.nodes.push_back({id, "n", EntityKind::kState, {}});
    for (size_t i = 0; i < 4 * ids.size(); ++i) {
      Edge edge;
      edge.id = static_cast<int64_t>(i + 1);
      edge.subject = ids[i % ids.size()];
      edge.object = ids[(i * 7 + 3) % ids.size()];
      edge.relation = i % 3 ? "meets" : "recognises";
      edge.first_seen = dates[i % 4];
      edge.last_seen = dates[(i / 4) % 4];
      edge.valid_from = edge.first_seen;
      edge.status = i % 5 ? "active" : "ended";
      g.edges.push_back(edge);
    }
    const GraphData want = g;
    auto built = Snapshot::Build(std::move(g));
    REQUIRE(built.ok());
    auto again = Snapshot::Build(built->table());  // unsorted nodes: the same index
    REQUIRE(again.ok());
    for (const Snapshot* s : {&*built, &*again}) {
      for (NodeIndex n = 0; n < ids.size(); ++n) {
        CAPTURE(ids[n]);
        REQUIRE(s->IndexOf(ids[n]) == n);
        CHECK(s->FindNode(ids[n]) == &s->node(n));
        std::string other = ids[n];
        other.back() = 'c';
        CHECK_FALSE(s->IndexOf(other).has_value());
        CHECK_FALSE(s->IndexOf(ids[n] + "c").has_value());
        CHECK_FALSE(s->IndexOf("c" + ids[n]).has_value());
      }
      CHECK_FALSE(s->IndexOf("").has_value());
      for (EdgeIndex e = 0; e < s->num_edges(); ++e) {
        const Edge got = s->edge(e);
        const Edge& w = want.edges[e];
        REQUIRE((got.subject == w.subject && got.object == w.object));
        REQUIRE((got.first_seen == w.first_seen && got.last_seen == w.last_seen));
        REQUIRE((got.relation == w.relation && got.status == w.status));
      }
    }
    // 4 dates, 2 statuses and "" (valid_to) interned once each.
    CHECK(built->table().strings.size() == 7);
    // An end that differs from a node id in its last character is refused.
    GraphData bad = want;
    bad.edges.back().object.back() = 'c';
    auto refused = Snapshot::Build(std::move(bad));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().IsInvalidArgument());
    CHECK(refused.status().message().find("is not a node") != std::string::npos);
  }

  TEST_CASE("ShortestPath follows direction only when asked; symmetric edges go both ways") {
    Snapshot s = MakeSnapshot({{"A", "B", "recognises"},
                               {"B", "C", "recognises"},
                               {"D", "C", "meets", 1.0, /*symmetric=*/true}});
    PathOptions undirected;
    PathOptions directed;
    directed.directed = true;

    auto p = ShortestPath(s, "A", "C", directed);
    REQUIRE(p.ok());
    CHECK(Joined(p->nodes) == "A-B-C");
    CHECK(p->edges.size() == 2);
    CHECK(p->cost == doctest::Approx(2.0));
    CHECK(s.edge(p->edges[0]).relation == "recognises");

    auto back = ShortestPath(s, "C", "A", directed);
    CHECK(back.status().IsNotFound());
    auto back_undirected = ShortestPath(s, "C", "A", undirected);
    REQUIRE(back_undirected.ok());
    CHECK(Joined(back_undirected->nodes) == "C-B-A");

    // D meets C is symmetric: C -> D is allowed when directed.
    auto sym = ShortestPath(s, "C", "D", directed);
    REQUIRE(sym.ok());
    CHECK(Joined(sym->nodes) == "C-D");

    auto self = ShortestPath(s, "B", "B");
    REQUIRE(self.ok());
    CHECK(self->nodes == std::vector<std::string>{"B"});
    CHECK(self->edges.empty());

    auto unknown = ShortestPath(s, "A", "Q");
    CHECK(unknown.status().IsNotFound());
  }

  TEST_CASE("ShortestPath honours max_hops and relation filters") {
    // A-B-C-D-E chain plus a detour A-X-E over another relation.
    Snapshot s = MakeSnapshot({{"A", "B"},
                               {"B", "C"},
                               {"C", "D"},
                               {"D", "E"},
                               {"A", "X", "sanctions", -4.0},
                               {"X", "E", "sanctions", -4.0}});
    PathOptions meets_only;
    meets_only.relations = {"meets"};
    auto p = ShortestPath(s, "A", "E", meets_only);
    REQUIRE(p.ok());
    CHECK(Joined(p->nodes) == "A-B-C-D-E");

    SUBCASE("hop limit") {
      meets_only.max_hops = 3;
      CHECK(ShortestPath(s, "A", "E", meets_only).status().IsNotFound());
      meets_only.max_hops = 4;
      CHECK(ShortestPath(s, "A", "E", meets_only).ok());
    }
    SUBCASE("unfiltered takes the detour") {
      auto q = ShortestPath(s, "A", "E");
      REQUIRE(q.ok());
      CHECK(Joined(q->nodes) == "A-X-E");
    }
    SUBCASE("a weighted search within a hop limit takes a dearer, shorter path") {
      PathOptions coop;
      coop.weight = PathOptions::Weight::kGoldstein;  // conflict edges cost 2.4 each, meets 1.9
      auto cheap = ShortestPath(s, "A", "E", coop);
      REQUIRE(cheap.ok());
      CHECK(Joined(cheap->nodes) == "A-X-E");  // 4.8 < 7.6
      coop.weight = PathOptions::Weight::kConflict;
      coop.max_hops = 4;
      auto conflict = ShortestPath(s, "A", "E", coop);
      REQUIRE(conflict.ok());
      CHECK(Joined(conflict->nodes) == "A-X-E");  // 2 * 1.6 = 3.2 < 4 * 2.1
      coop.max_hops = 1;
      CHECK(ShortestPath(s, "A", "E", coop).status().IsNotFound());
    }
  }

  TEST_CASE("Edge weights: evidence and Goldstein change the cheapest path") {
    // Direct A-C (weak, conflictual) against A-B-C (strong, cooperative).
    Snapshot s = MakeSnapshot({{"A", "C", "threatens", -7.0, false, 1},
                               {"A", "B", "supports", 7.0, false, 10},
                               {"B", "C", "supports", 7.0, false, 10}});
    struct Case {
      PathOptions::Weight weight;
      const char* want;
      double cost;
    };
    const Case cases[] = {
        {PathOptions::Weight::kHops, "A-C", 1.0},
        {PathOptions::Weight::kEvidence, "A-B-C", 0.2},   // 1/10 + 1/10 < 1/1
        {PathOptions::Weight::kGoldstein, "A-B-C", 2.6},  // 1.3 + 1.3 < 2.7
        {PathOptions::Weight::kConflict, "A-C", 1.3},     // 1.3 < 2.7 + 2.7
    };
    for (const auto& c : cases) {
      CAPTURE(ToString(c.weight));
      PathOptions o;
      o.weight = c.weight;
      auto p = ShortestPath(s, "A", "C", o);
      REQUIRE(p.ok());
      CHECK(Joined(p->nodes) == c.want);
      CHECK(p->cost == doctest::Approx(c.cost));
    }
    CHECK(ParseWeight("goldstein") == PathOptions::Weight::kGoldstein);
    CHECK_FALSE(ParseWeight("miles").has_value());
  }

  TEST_CASE("Weighted ShortestPath (bidirectional Dijkstra) equals the one-directional search") {
    std::mt19937 rng(7);
    for (int round = 0; round < 24; ++round) {
      const int n = 6 + round % 18;
      Snapshot s = MakeSnapshot(RandomEdges(rng, n, n + round % 3 * n));
      for (auto weight : {PathOptions::Weight::kEvidence, PathOptions::Weight::kGoldstein,
                          PathOptions::Weight::kConflict}) {
        for (bool directed : {false, true}) {
          PathOptions bi;
          bi.weight = weight;
          bi.directed = directed;
          PathOptions labels = bi;  // a hop limit the graph cannot reach: label Dijkstra
          labels.max_hops = static_cast<int>(s.num_nodes()) + 1;
          for (NodeIndex a = 0; a < s.num_nodes(); ++a) {
            for (NodeIndex b = 0; b < s.num_nodes(); ++b) {
              const std::string& from = s.node(a).id;
              const std::string& to = s.node(b).id;
              CAPTURE(round);
              CAPTURE(from);
              CAPTURE(to);
              CAPTURE(directed);
              auto fast = ShortestPath(s, from, to, bi);
              auto one = KShortestPaths(s, from, to, 1, bi);  // one-directional Dijkstra
              auto limited = ShortestPath(s, from, to, labels);
              REQUIRE(fast.ok() == one.ok());
              REQUIRE(fast.ok() == limited.ok());
              if (!fast.ok()) {
                CHECK(fast.status().IsNotFound());
                continue;
              }
              CHECK(fast->cost == one->front().cost);
              CHECK(fast->edges.size() == one->front().edges.size());
              CHECK(fast->cost == limited->cost);
              CHECK(fast->edges.size() == limited->edges.size());
              CHECK(fast->nodes.front() == from);
              CHECK(fast->nodes.back() == to);
              CHECK(CheckedCost(s, *fast, directed, weight) == fast->cost);
            }
          }
        }
      }
    }
  }

  TEST_CASE("PathOptions::edge_filter leaves edges out of every search") {
    // A-B-C-D-E chain plus a detour A-X-E; the filter drops the detour's first edge.
    Snapshot s = MakeSnapshot(
        {{"A", "B"}, {"B", "C"}, {"C", "D"}, {"D", "E"}, {"A", "X"}, {"X", "E"}, {"A", "Y"}});
    const EdgeIndex a_x = 4;
    REQUIRE(s.node(s.source(a_x)).id == "A");
    REQUIRE(s.node(s.target(a_x)).id == "X");
    PathOptions o;
    int calls = 0;
    o.edge_filter = [&](EdgeIndex e) {
      ++calls;
      return e != a_x;
    };
    auto p = ShortestPath(s, "A", "E", o);
    REQUIRE(p.ok());
    CHECK(Joined(p->nodes) == "A-B-C-D-E");
    CHECK(calls > 0);
    auto all = AllShortestPaths(s, "A", "E", o);
    REQUIRE(all.ok());
    CHECK(PathStrings(*all) == std::vector<std::string>{"A-B-C-D-E"});
    o.weight = PathOptions::Weight::kEvidence;
    auto w = ShortestPath(s, "A", "E", o);
    REQUIRE(w.ok());
    CHECK(Joined(w->nodes) == "A-B-C-D-E");
    o.max_hops = 3;
    CHECK(ShortestPath(s, "A", "E", o).status().IsNotFound());
    o.edge_filter = [](EdgeIndex) { return false; };
    o.max_hops = 0;
    CHECK(ShortestPath(s, "A", "E", o).status().IsNotFound());
    CHECK(ShortestPath(s, "A", "A", o).ok());  // the empty path needs no edge

    SUBCASE("the same answers as a snapshot without the filtered edges") {
      std::mt19937 rng(11);
      for (int round = 0; round < 20; ++round) {
        const std::vector<E> edges = RandomEdges(rng, 12, 24);
        std::vector<E> kept;
        for (size_t e = 0; e < edges.size(); ++e) {
          if (e % 3 != 0) kept.push_back(edges[e]);
        }
        Snapshot full = MakeSnapshot(edges);
        std::vector<std::string> ids;
        for (NodeIndex v = 0; v < full.num_nodes(); ++v) ids.push_back(full.node(v).id);
        Snapshot part = MakeSnapshot(kept, ids);
        PathOptions f;
        f.edge_filter = [](EdgeIndex e) { return e % 3 != 0; };
        for (const auto& a : ids) {
          for (const auto& b : ids) {
            CAPTURE(a);
            CAPTURE(b);
            auto x = AllShortestPaths(full, a, b, f);
            auto y = AllShortestPaths(part, a, b);
            REQUIRE(x.ok() == y.ok());
            if (!x.ok()) continue;
            CHECK(PathStrings(*x) == PathStrings(*y));
            auto one = ShortestPath(full, a, b, f);
            REQUIRE(one.ok());
            CHECK(one->edges.size() == y->front().edges.size());
            for (EdgeIndex e : one->edges) CHECK(e % 3 != 0);
          }
        }
      }
    }
  }

  TEST_CASE("AllShortestPaths on a diamond lists both routes, and parallel edges separately") {
    Snapshot s = MakeSnapshot(
        {{"A", "B"}, {"A", "C"}, {"B", "D"}, {"C", "D"}, {"A", "D", "x"}, {"A", "B", "supports"}});
    PathOptions o;
    o.relations = {"meets"};
    auto all = AllShortestPaths(s, "A", "D", o);
    REQUIRE(all.ok());
    CHECK(PathStrings(*all) == std::vector<std::string>{"A-B-D", "A-C-D"});
    for (const auto& p : *all) CHECK(p.cost == doctest::Approx(2.0));

    o.relations = {"meets", "supports"};
    all = AllShortestPaths(s, "A", "D", o);
    REQUIRE(all.ok());
    CHECK(PathStrings(*all) == std::vector<std::string>{"A-B-D", "A-C-D", "A-B-D"});
    CHECK((*all)[0].edges != (*all)[2].edges);

    o.relations = {};
    all = AllShortestPaths(s, "A", "D", o);
    REQUIRE(all.ok());
    CHECK(PathStrings(*all) == std::vector<std::string>{"A-D"});

    SUBCASE("directed diamond from the sink has no path") {
      PathOptions d;
      d.directed = true;
      CHECK(AllShortestPaths(s, "D", "A", d).status().IsNotFound());
    }
    SUBCASE("max_paths caps the list") {
      PathOptions capped;
      capped.relations = {"meets", "supports"};
      capped.max_paths = 2;
      auto two = AllShortestPaths(s, "A", "D", capped);
      REQUIRE(two.ok());
      CHECK(two->size() == 2);
    }
    SUBCASE("weighted with a hop limit") {
      PathOptions w;
      w.relations = {"meets"};
      w.weight = PathOptions::Weight::kEvidence;
      w.max_hops = 2;
      auto p = AllShortestPaths(s, "A", "D", w);
      REQUIRE(p.ok());
      CHECK(p->size() == 2);
      w.max_hops = 1;
      CHECK(AllShortestPaths(s, "A", "D", w).status().IsNotFound());
    }
  }

  TEST_CASE("KShortestPaths (Yen) on the textbook graph") {
    // Yen's example (Wikipedia): weights w as Goldstein 10 - 5 (w - 1), so an
    // edge costs 1 + (w - 1) / 2 under kGoldstein.
    auto g = [](int w) { return 10.0 - 5.0 * (w - 1); };
    Snapshot s = MakeSnapshot({{"C", "D", "r", g(3)},
                               {"C", "E", "r", g(2)},
                               {"D", "F", "r", g(4)},
                               {"E", "D", "r", g(1)},
                               {"E", "F", "r", g(2)},
                               {"E", "G", "r", g(3)},
                               {"F", "G", "r", g(2)},
                               {"F", "H", "r", g(1)},
                               {"G", "H", "r", g(2)}});
    PathOptions o;
    o.directed = true;
    o.weight = PathOptions::Weight::kGoldstein;
    auto k3 = KShortestPaths(s, "C", "H", 3, o);
    REQUIRE(k3.ok());
    CHECK(PathStrings(*k3) == std::vector<std::string>{"C-E-F-H", "C-E-G-H", "C-D-F-H"});
    CHECK((*k3)[0].cost == doctest::Approx(4.0));
    CHECK((*k3)[1].cost == doctest::Approx(5.0));
    CHECK((*k3)[2].cost == doctest::Approx(5.5));

    SUBCASE("asking for more than exist returns every simple path, cheapest first") {
      auto all = KShortestPaths(s, "C", "H", 10, o);
      REQUIRE(all.ok());
      CHECK(all->size() == 7);
      for (size_t i = 1; i < all->size(); ++i) {
        CHECK((*all)[i - 1].cost <= (*all)[i].cost + 1e-9);
      }
      std::set<std::string> distinct;
      for (const auto& p : PathStrings(*all)) distinct.insert(p);
      CHECK(distinct.size() == 7);
      for (const auto& p : *all) {
        std::set<std::string> nodes(p.nodes.begin(), p.nodes.end());
        CHECK(nodes.size() == p.nodes.size());  // simple
      }
    }
    SUBCASE("by hops with a hop limit") {
      PathOptions h;
      h.directed = true;
      h.max_hops = 3;
      auto p = KShortestPaths(s, "C", "H", 10, h);
      REQUIRE(p.ok());
      CHECK(PathStrings(*p) == std::vector<std::string>{"C-D-F-H", "C-E-F-H", "C-E-G-H"});
    }
    SUBCASE("k must be positive") {
      CHECK(KShortestPaths(s, "C", "H", 0, o).status().IsInvalidArgument());
    }
  }

  TEST_CASE("Neighbors and Neighborhood by depth") {
    // Path A-B-C-D plus a chord B-E and E-C.
    Snapshot s = MakeSnapshot({{"A", "B"}, {"B", "C"}, {"C", "D"}, {"B", "E"}, {"E", "C"}});
    struct Case {
      int depth;
      std::vector<std::string> nodes;
      size_t edges;
    };
    const Case cases[] = {
        {0, {"A"}, 0},
        {1, {"A", "B"}, 1},
        {2, {"A", "B", "C", "E"}, 4},  // A-B, B-C, B-E, E-C
        {3, {"A", "B", "C", "E", "D"}, 5},
    };
    for (const auto& c : cases) {
      CAPTURE(c.depth);
      auto ego = Neighborhood(s, "A", c.depth);
      REQUIRE(ego.ok());
      std::vector<std::string> ids;
      for (const auto& n : ego->nodes) ids.push_back(n.id);
      CHECK(ids == c.nodes);
      CHECK(ego->edges.size() == c.edges);
    }
    auto near = Neighbors(s, "C", 1);
    REQUIRE(near.ok());
    REQUIRE(near->size() == 4);
    CHECK((*near)[0].id == "C");
    CHECK((*near)[0].hops == 0);
    CHECK((*near)[1].id == "B");
    CHECK((*near)[3].id == "E");
    auto out_only = Neighbors(s, "C", 5, /*directed=*/true);
    REQUIRE(out_only.ok());
    CHECK(out_only->size() == 2);  // C, D
    CHECK(Neighbors(s, "nope", 1).status().IsNotFound());
    CHECK(Neighbors(s, "A", -1).status().IsInvalidArgument());
  }

  TEST_CASE("Degree counts edges at a node by direction") {
    Snapshot s = MakeSnapshot({{"A", "B"}, {"C", "B"}, {"B", "D"}, {"B", "E", "meets", 1, true}});
    RankOptions o;
    o.degree = RankOptions::Degree::kTotal;
    auto total = Rank(s, o);
    CHECK(total[0].id == "B");
    CHECK(total[0].score == 4);
    o.degree = RankOptions::Degree::kIn;
    CHECK(ScoreOf(Rank(s, o), "B") == 3);  // A, C and the symmetric edge with E
    CHECK(ScoreOf(Rank(s, o), "E") == 1);
    o.degree = RankOptions::Degree::kOut;
    CHECK(ScoreOf(Rank(s, o), "B") == 2);
    CHECK(ScoreOf(Rank(s, o), "A") == 1);
    o.top = 2;
    CHECK(Rank(s, o).size() == 2);
  }

  TEST_CASE("PageRank sums to one and puts a star's centre first") {
    for (bool directed : {true, false}) {
      CAPTURE(directed);
      Snapshot s = MakeSnapshot(
          {{"L1", "HUB"}, {"L2", "HUB"}, {"L3", "HUB"}, {"L4", "HUB"}, {"L1", "L2"}}, {"LONE"});
      RankOptions o;
      o.measure = RankOptions::Measure::kPageRank;
      o.directed = directed;
      auto pr = Rank(s, o);
      REQUIRE(pr.size() == 6);
      double sum = 0.0;
      for (const auto& sc : pr) sum += sc.score;
      CHECK(sum == doctest::Approx(1.0).epsilon(1e-9));
      CHECK(pr[0].id == "HUB");
      CHECK(pr[0].name == "HUB name");
      CHECK(pr[0].score > pr[1].score);
    }
    SUBCASE("matches networkx on a small digraph") {
      // networkx 2.8 pagerank(nx.DiGraph([(1,2),(2,3),(3,1),(3,2)])) =
      // {1: 0.21481051, 2: 0.39740004, 3: 0.38778944}
      Snapshot s = MakeSnapshot({{"1", "2"}, {"2", "3"}, {"3", "1"}, {"3", "2"}});
      RankOptions o;
      o.measure = RankOptions::Measure::kPageRank;
      auto pr = Rank(s, o);
      CHECK(ScoreOf(pr, "1") == doctest::Approx(0.2148105).epsilon(1e-5));
      CHECK(ScoreOf(pr, "2") == doctest::Approx(0.3974000).epsilon(1e-5));
      CHECK(ScoreOf(pr, "3") == doctest::Approx(0.3877894).epsilon(1e-5));
    }
  }

  TEST_CASE("Betweenness on a path graph matches networkx") {
    Snapshot s = MakeSnapshot({{"A", "B"}, {"B", "C"}, {"C", "D"}, {"C", "D", "supports"}});
    struct Case {
      bool directed;
      bool normalized;
      double inner;  // B and C
    };
    const Case cases[] = {
        {false, false, 2.0},       // pairs (A,C), (A,D) through B
        {false, true, 2.0 / 3.0},  // 2 * 2 / (3 * 2)
        {true, false, 2.0},        // A->C, A->D through B
        {true, true, 1.0 / 3.0},
    };
    for (const auto& c : cases) {
      CAPTURE(c.directed);
      CAPTURE(c.normalized);
      RankOptions o;
      o.measure = RankOptions::Measure::kBetweenness;
      o.directed = c.directed;
      o.normalized = c.normalized;
      auto b = Rank(s, o);
      CHECK(ScoreOf(b, "B") == doctest::Approx(c.inner));
      CHECK(ScoreOf(b, "C") == doctest::Approx(c.inner));
      CHECK(ScoreOf(b, "A") == doctest::Approx(0.0));
      CHECK(ScoreOf(b, "D") == doctest::Approx(0.0));
    }
    CHECK(ParseMeasure("pagerank") == RankOptions::Measure::kPageRank);
    CHECK_FALSE(ParseMeasure("closeness").has_value());
  }

  TEST_CASE("Blocs: components and Louvain communities") {
    // Two triangles joined by one conflictual edge, plus a separate pair and an isolated node.
    Snapshot s = MakeSnapshot({{"A", "B"},
                               {"B", "C"},
                               {"C", "A"},
                               {"D", "E"},
                               {"E", "F"},
                               {"F", "D"},
                               {"C", "D", "threatens", -7.0},
                               {"X", "Y"}},
                              {"Z"});
    BlocOptions o;
    auto comps = Blocs(s, o);
    REQUIRE(comps.size() == 3);
    CHECK(Joined(comps[0].members) == "A-B-C-D-E-F");
    CHECK(comps[0].internal_edges == 7);
    CHECK(Joined(comps[1].members) == "X-Y");
    CHECK(Joined(comps[2].members) == "Z");

    o.min_size = 2;
    CHECK(Blocs(s, o).size() == 2);

    o.cooperative_only = true;
    auto coop = Blocs(s, o);
    REQUIRE(coop.size() == 3);
    CHECK(Joined(coop[0].members) == "A-B-C");
    CHECK(Joined(coop[1].members) == "D-E-F");

    BlocOptions lp;
    lp.method = BlocOptions::Method::kCommunities;
    lp.min_size = 2;
    auto comm = Blocs(s, lp);
    REQUIRE(comm.size() == 3);
    CHECK(Joined(comm[0].members) == "A-B-C");
    CHECK(Joined(comm[1].members) == "D-E-F");
    CHECK(Joined(comm[2].members) == "X-Y");
    CHECK(ParseBlocMethod("communities") == BlocOptions::Method::kCommunities);
  }

  TEST_CASE("Balance: signed ties, triads and the enemy of my enemy") {
    // A,B friends; both enemies of C  -> balanced (+ - -).
    // A,D friends, D,B friends, A,B friends -> balanced (+ + +).
    // E enemy of C, E and A no tie       -> enemy of enemy with a missing tie.
    // F,G friends, G,H friends, F,H enemies -> unbalanced (+ + -).
    Snapshot s = MakeSnapshot({{"A", "B", "allies", 5.0},
                               {"A", "C", "sanctions", -4.0},
                               {"B", "C", "threatens", -7.0},
                               {"A", "D", "supports", 3.0},
                               {"D", "B", "supports", 3.0},
                               {"E", "C", "threatens", -7.0},
                               {"F", "G", "allies", 5.0},
                               {"G", "H", "allies", 5.0},
                               {"F", "H", "threatens", -7.0},
                               // cancelled pair: one cooperative, one conflictual
                               {"X", "Y", "allies", 5.0},
                               {"Y", "X", "sanctions", -4.0}});
    BalanceReport r = Balance(s);
    CHECK(r.positive_ties == 5);
    CHECK(r.negative_ties == 4);
    CHECK(r.ties.size() == 9);
    CHECK(r.triad_count == 3);
    CHECK(r.balanced_count == 2);
    CHECK(r.balance_ratio == doctest::Approx(2.0 / 3.0));
    REQUIRE(r.triads.size() == 3);
    CHECK(r.triads[0].nodes == std::array<std::string, 3>{"A", "B", "C"});
    CHECK(r.triads[0].signs == std::array<int, 3>{1, -1, -1});
    CHECK(r.triads[0].balanced);
    CHECK(r.triads[2].nodes == std::array<std::string, 3>{"F", "G", "H"});
    CHECK_FALSE(r.triads[2].balanced);

    // C's enemies: A, B, E -> (A,B) positive, (A,E) missing, (B,E) missing.
    CHECK(r.enemy_of_enemy_count == 3);
    REQUIRE(r.enemy_of_enemy.size() == 3);
    CHECK(r.enemy_of_enemy[0].a == "A");
    CHECK(r.enemy_of_enemy[0].c == "B");
    CHECK(r.enemy_of_enemy[0].b == "C");
    CHECK(r.enemy_of_enemy[0].a_c_sign == 1);
    CHECK(r.enemy_of_enemy[1].c == "E");
    CHECK(r.enemy_of_enemy[1].a_c_sign == 0);

    BalanceOptions capped;
    capped.max_listed = 1;
    BalanceReport c = Balance(s, capped);
    CHECK(c.triads.size() == 1);
    CHECK(c.triad_count == 3);

    SUBCASE("EdgeSign falls back to the PLOVER type when Goldstein is 0") {
      Edge e;
      e.plover = "SANCTION";
      CHECK(EdgeSign(e) == -1);
      e.plover = "AID";
      CHECK(EdgeSign(e) == 1);
      e.plover = "";
      CHECK(EdgeSign(e) == 0);
      e.goldstein = -1.0;
      e.plover = "AID";
      CHECK(EdgeSign(e) == -1);
    }
  }

  TEST_CASE("FilterGraph: as-of, ended, relation, evidence and kind filters") {
    GraphData g = MakeGraph({{"A", "B", "recognises"},
                             {"A", "C", "recognises"},
                             {"A", "D", "visits"},
                             {"B", "C", "meets", 1, true, 5}});
    g.edges[0].valid_from = g.edges[0].first_seen = "2014-03";
    g.edges[0].valid_to = "2022-02-24";
    g.edges[0].status = "ended";
    g.edges[1].valid_from = "2023-01-01";
    g.edges[1].first_seen = "2023-01-01";
    g.edges[1].last_seen = "2023-06-01";
    g.edges[2].status = "event";
    g.edges[2].first_seen = g.edges[2].last_seen = g.edges[2].valid_from = "2020-05-05";
    g.nodes[3].kind = EntityKind::kOrganisation;  // D

    struct Case {
      std::string name;
      GraphFilter filter;
      std::vector<int64_t> want;  // edge ids
    };
    GraphFilter as_of_2020;
    as_of_2020.as_of = "2020-06-01";
    GraphFilter as_of_2023;
    as_of_2023.as_of = "2023-02-01";
    GraphFilter no_ended;
    no_ended.include_ended = false;
    GraphFilter rel;
    rel.relations = {"recognises"};
    GraphFilter evidence;
    evidence.min_evidence = 2;
    GraphFilter states;
    states.kinds = {EntityKind::kState};
    GraphFilter since;
    since.since = "2022-06-01";
    GraphFilter until;
    until.until = "2021-01-01";
    const Case cases[] = {
        {"as of 2020: the ended recognition still holds, the 2023 one not yet", as_of_2020, {1, 3}},
        {"as of 2023: the ended recognition is gone", as_of_2023, {2, 3, 4}},
        {"without ended edges", no_ended, {2, 3, 4}},
        {"one relation", rel, {1, 2}},
        {"min evidence", evidence, {4}},
        {"kinds: both ends states", states, {1, 2, 4}},
        {"since", since, {2}},
        {"until", until, {1, 3}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      GraphData f = FilterGraph(g, c.filter);
      std::vector<int64_t> ids;
      for (const auto& e : f.edges) ids.push_back(e.id);
      CHECK(ids == c.want);
      auto snap = Snapshot::Build(f);
      CHECK(snap.ok());
    }
    GraphFilter only_visits;
    only_visits.relations = {"visits"};
    CHECK(FilterGraph(g, only_visits).nodes.size() == 2);
    CHECK(FilterGraph(g, only_visits, /*keep_isolated=*/true).nodes.size() == 4);
  }

  TEST_CASE("Subgraph turns a path into GraphData") {
    Snapshot s = MakeSnapshot({{"A", "B"}, {"B", "C"}, {"C", "D"}});
    auto p = ShortestPath(s, "A", "C");
    REQUIRE(p.ok());
    GraphData sub = Subgraph(s, p->edges);
    CHECK(sub.nodes.size() == 3);
    CHECK(sub.edges.size() == 2);
    CHECK(sub.edges[0].subject == "A");
  }

}  // TEST_SUITE
