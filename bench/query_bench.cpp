// geokg_query_bench: speed of the query module on a synthetic graph.
//
//   geokg_query_bench [--nodes N] [--edges M] [--queries Q] [--seed S] [--db PATH]
//
// Builds a random GraphData of N entities and M edges (a mix of the relations
// in data/relations.json, dates 2015..2024) in memory, or reads the graph of
// an existing store with --db (e.g. the one geokg_graph_bench --keep leaves),
// then times, over Q random start nodes / pairs (median, p90, max):
//   parse       Query::Parse of the 2-hop query
//   2-hop       MATCH (a {id: $a})-[r1]->(m)-[r2]->(c) RETURN count(*)
//   2-hop typed MATCH (a {id: $a})-[:sanctions]->(t)<-[:sanctions]-(b) RETURN count(*)
//   shortest    MATCH p = shortestPath((a {id: $a})-[*..6]-(b {id: $b})) RETURN length(p)
//   shortest+all the same with all(r IN relationships(p) WHERE r.goldstein > 0)
//               (the predicate is the search's edge filter, tested per edge reached)
// and once: a whole-graph aggregate (sanctions per target, top 5).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "geokg/graph.h"
#include "geokg/ontology.h"
#include "geokg/query.h"
#include "geokg/store.h"

#include "synthetic.h"

namespace {

constexpr char kProgram[] = "geokg_query_bench";

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void Die(const geokg::Status& s) { geokg::bench::Die(kProgram, s); }

std::string Date(std::mt19937_64& rng) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2015 + static_cast<int>(rng() % 10),
                1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
  return buf;
}

geokg::GraphData Synthetic(size_t nodes, size_t edges, uint64_t seed,
                           const geokg::RelationVocabulary& vocab) {
  std::mt19937_64 rng(seed);
  geokg::GraphData g;
  g.nodes = geokg::bench::SyntheticNodes(nodes, 10);
  const auto& types = vocab.types();
  g.edges.reserve(edges);
  for (size_t i = 0; i < edges; ++i) {
    // The draws in this order: relation, subject, object, date, evidence count.
    const geokg::RelationType& t = types[rng() % types.size()];
    size_t s = rng() % nodes, o = rng() % nodes;
    if (s == o) o = (o + 1) % nodes;
    const std::string date = Date(rng);
    const auto evidence_count = 1 + static_cast<int64_t>(rng() % 5);
    g.edges.push_back(geokg::bench::SyntheticEdge(static_cast<int64_t>(i + 1), s, o, t, date,
                                                  evidence_count, 0.8));
  }
  return g;
}

struct Timing {
  std::vector<double> ms;
  int64_t rows = 0;
  void Print(const char* what) {
    std::sort(ms.begin(), ms.end());
    if (ms.empty()) return;
    std::printf("%-14s n=%zu median %.3f ms  p90 %.3f ms  max %.3f ms  (rows %lld)\n", what,
                ms.size(), ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 9 / 10)],
                ms.back(), static_cast<long long>(rows));
  }
};

}  // namespace

int main(int argc, char** argv) {
  geokg::bench::SyntheticFlags flags{
      .nodes = 100000, .edges = 1000000, .queries = 200, .seed = 7, .db = ""};
  for (int i = 1; i < argc; ++i) {
    if (!geokg::bench::ParseSyntheticFlag(argc, argv, &i, &flags)) {
      std::cerr << "usage: geokg_query_bench [--nodes N] [--edges M] [--queries Q] [--seed S] "
                   "[--db PATH]\n";
      return 2;
    }
  }
  const size_t nodes = flags.nodes, edges = flags.edges;
  size_t queries = flags.queries;  // the last query type runs fewer
  const uint64_t seed = flags.seed;
  const std::string& db = flags.db;

  auto t0 = Clock::now();
  std::shared_ptr<const geokg::Snapshot> snap;
  if (!db.empty()) {
    geokg::StoreOptions o;
    o.read_only = true;
    o.create_if_missing = false;
    auto store = geokg::Store::Open(db, o);
    if (!store.ok()) Die(store.status());
    auto s = geokg::Snapshot::FromStore(**store);
    if (!s.ok()) Die(s.status());
    snap = std::make_shared<const geokg::Snapshot>(std::move(s).value());
    std::printf("graph: %zu nodes, %zu edges from %s in %.0f ms\n", snap->num_nodes(),
                snap->num_edges(), db.c_str(), Ms(t0, Clock::now()));
  } else {
    const geokg::RelationVocabulary vocab = geokg::bench::LoadVocabulary(kProgram);
    auto data = Synthetic(nodes, edges, seed, vocab);
    auto s = geokg::Snapshot::Build(std::move(data));
    if (!s.ok()) Die(s.status());
    snap = std::make_shared<const geokg::Snapshot>(std::move(s).value());
    std::printf("graph: %zu nodes, %zu edges, synthetic (seed %llu), built in %.0f ms\n",
                snap->num_nodes(), snap->num_edges(), static_cast<unsigned long long>(seed),
                Ms(t0, Clock::now()));
  }
  t0 = Clock::now();
  geokg::QueryEngine engine(snap);
  std::printf("engine index: %.0f ms\n", Ms(t0, Clock::now()));

  std::mt19937_64 rng(seed + 1);
  auto random_id = [&] {
    return snap->node(static_cast<geokg::NodeIndex>(rng() % snap->num_nodes())).id;
  };

  const std::string two_hop = "MATCH (a {id: $a})-[r1]->(m)-[r2]->(c) RETURN count(*)";
  Timing parse;
  for (size_t i = 0; i < queries; ++i) {
    auto a = Clock::now();
    auto q = geokg::Query::Parse(two_hop);
    parse.ms.push_back(Ms(a, Clock::now()));
    if (!q.ok()) Die(q.status());
  }
  parse.Print("parse");

  auto run = [&](const char* what, const std::string& text, bool pair) {
    auto q = geokg::Query::Parse(text);
    if (!q.ok()) Die(q.status());
    Timing t;
    for (size_t i = 0; i < queries; ++i) {
      geokg::QueryParams p;
      p["a"] = geokg::QueryValue::String(random_id());
      if (pair) p["b"] = geokg::QueryValue::String(random_id());
      auto a = Clock::now();
      auto r = engine.Run(*q, p);
      t.ms.push_back(Ms(a, Clock::now()));
      if (!r.ok()) Die(r.status());
      t.rows += static_cast<int64_t>(r->rows.size());
      if (!r->rows.empty() && r->rows[0][0].type == geokg::QueryValue::Type::kInt && !pair) {
        t.rows += r->rows[0][0].int_value - 1;  // count(*): matched paths
      }
    }
    t.Print(what);
  };
  run("2-hop", two_hop, false);
  run("2-hop typed", "MATCH (a {id: $a})-[:sanctions]->(t)<-[:sanctions]-(b) RETURN count(*)",
      false);
  run("shortest", "MATCH p = shortestPath((a {id: $a})-[*..6]-(b {id: $b})) RETURN length(p)",
      true);
  size_t saved = queries;
  queries = std::min<size_t>(queries, 20);
  run("shortest+all",
      "MATCH p = shortestPath((a {id: $a})-[*..6]-(b {id: $b})) "
      "WHERE all(r IN relationships(p) WHERE r.goldstein > 0) RETURN length(p)",
      true);
  queries = saved;

  auto a = Clock::now();
  auto r = engine.Run(
      "MATCH (s)-[:sanctions]->(t) RETURN t.id AS target, count(*) AS n ORDER BY n DESC, target "
      "LIMIT 5");
  if (!r.ok()) Die(r.status());
  std::printf("%-14s %.0f ms (whole graph: sanctions per target, top 5)\n", "aggregate",
              Ms(a, Clock::now()));
  return 0;
}
