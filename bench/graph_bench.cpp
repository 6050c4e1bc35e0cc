// geokg_graph_bench: speed of the graph module on a synthetic graph.
//
//   geokg_graph_bench [--nodes N] [--edges M] [--db PATH] [--keep] [--reuse]
//                     [--tsv PATH] [--cli PATH] [--queries Q] [--seed S]
//
// 1. generates N entities and M relation triples (random pairs, a mix of the
//    relations in data/relations.json, dates 2015..2024) in memory and times
//    Snapshot::Build on that GraphData;
// 2. loads the triples into a temporary SQLite store through the Store API
//    (or reuses --db PATH with --reuse) and times Snapshot::FromStore;
// 3. times ShortestPath over Q random pairs (median, p90) for hops (undirected,
//    directed) and evidence weights, and the 2-hop Neighborhood of Q random nodes;
// 4. with --tsv, writes the edges as "subject<TAB>object" for
//    bench/networkx_compare.py; with --cli, times `geokg path` end to end.
//
// Figures are CPU time of the benchmark thread (the machine may be shared);
// big steps print the wall time too. Targets (docs/graph.md): snapshot from SQLite <= 1 s, shortest
// path <= 5 ms, 2-hop neighbourhood <= 2 ms, one-shot `geokg path` <= 1.5 s.

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "geokg/graph.h"
#include "geokg/ontology.h"
#include "geokg/store.h"

#include "synthetic.h"
#include <sys/resource.h>

namespace {

constexpr char kProgram[] = "geokg_graph_bench";

using Clock = std::chrono::steady_clock;

// The benchmark machine may be shared: every figure is the CPU time of this
// thread (what the code costs), big steps also print the wall time.
struct Tick {
  Clock::time_point wall;
  double cpu_ms = 0;
};

Tick Now() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return {Clock::now(),
          static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6};
}

double Ms(const Tick& a, const Tick& b) { return b.cpu_ms - a.cpu_ms; }
double WallMs(const Tick& a, const Tick& b) {
  return std::chrono::duration<double, std::milli>(b.wall - a.wall).count();
}

// CPU time (user + system) of finished child processes, in ms.
double ChildrenCpuMs() {
  rusage ru{};
  getrusage(RUSAGE_CHILDREN, &ru);
  auto ms = [](const timeval& tv) {
    return static_cast<double>(tv.tv_sec) * 1e3 + static_cast<double>(tv.tv_usec) / 1e3;
  };
  return ms(ru.ru_utime) + ms(ru.ru_stime);
}

struct Stats {
  double median = 0, p90 = 0, max = 0;
};

Stats Summarise(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.median = v[v.size() / 2];
  s.p90 = v[std::min(v.size() - 1, v.size() * 9 / 10)];
  s.max = v.back();
  return s;
}

void Die(const geokg::Status& s) { geokg::bench::Die(kProgram, s); }

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  geokg::bench::SyntheticFlags flags{
      .nodes = 100000, .edges = 1000000, .queries = 1000, .seed = 42, .db = ""};
  std::string tsv, cli;
  bool keep = false, reuse = false;
  for (int i = 1; i < argc; ++i) {
    if (geokg::bench::ParseSyntheticFlag(argc, argv, &i, &flags)) continue;
    const std::string a = argv[i];
    if (a == "--tsv") {
      tsv = geokg::bench::FlagValue(argc, argv, &i);
    } else if (a == "--cli") {
      cli = geokg::bench::FlagValue(argc, argv, &i);
    } else if (a == "--keep") {
      keep = true;
    } else if (a == "--reuse") {
      reuse = true;
    } else {
      std::cerr << "usage: geokg_graph_bench [--nodes N] [--edges M] [--db PATH] [--keep] "
                   "[--reuse] [--tsv PATH] [--cli PATH] [--queries Q] [--seed S]\n";
      return 2;
    }
  }
  const size_t nodes = flags.nodes, edges = flags.edges, queries = flags.queries;
  const uint64_t seed = flags.seed;
  const std::string& db = flags.db;
  const geokg::RelationVocabulary vocab = geokg::bench::LoadVocabulary(kProgram);
  const auto& types = vocab.types();

  // ---- synthetic triples, and the same as GraphData (nodes and edges)
  geokg::GraphData data;
  data.nodes = geokg::bench::SyntheticNodes(nodes, 0);
  data.edges.reserve(edges);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<size_t> pick_node(0, nodes - 1);
  std::uniform_int_distribution<size_t> pick_rel(0, types.size() - 1);
  std::uniform_int_distribution<int> pick_day(0, 3650);
  std::vector<geokg::Triple> triples;
  triples.reserve(edges);
  for (size_t k = 0; k < edges; ++k) {
    geokg::Triple t;
    size_t s = pick_node(rng), o = pick_node(rng);
    if (s == o) o = (o + 1) % nodes;
    t.doc.id = "doc" + std::to_string(k / 100);
    t.doc.lang = "en";
    t.sentence = static_cast<int>(k % 100);
    t.subject = {geokg::bench::EntityId(s), geokg::bench::EntityName(s), geokg::EntityKind::kState};
    t.object = {geokg::bench::EntityId(o), geokg::bench::EntityName(o), geokg::EntityKind::kState};
    const auto& rel = types[pick_rel(rng)];
    t.relation = rel.name;
    const int day = pick_day(rng);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2015 + day / 365, 1 + (day % 365) / 31,
                  1 + day % 28);
    t.date = date;
    t.doc.date = date;
    t.date_precision = geokg::DatePrecision::kDay;
    t.confidence = 0.9;
    t.cameo = rel.cameo;
    t.plover = rel.plover;
    t.evidence.text = "synthetic";
    t.evidence.end = 9;
    triples.push_back(std::move(t));
    data.edges.push_back(geokg::bench::SyntheticEdge(static_cast<int64_t>(k + 1), s, o, rel, date,
                                                     1 + static_cast<int64_t>(k % 7), 0.9));
  }

  // ---- in-memory GraphData: TSV for networkx, and Build
  if (!tsv.empty()) {
    std::ofstream out(tsv);
    for (const auto& e : data.edges) out << e.subject << '\t' << e.object << '\n';
    std::printf("wrote %zu edges to %s\n", data.edges.size(), tsv.c_str());
  }
  geokg::GraphData copy = data;  // Build takes its input by value: time the indexing only
  auto t0 = Now();
  auto mem = geokg::Snapshot::Build(std::move(copy));
  auto t1 = Now();
  if (!mem.ok()) Die(mem.status());
  std::printf("graph: %zu nodes, %zu edges\n", mem->num_nodes(), mem->num_edges());
  std::printf("Snapshot::Build (in memory)          %9.1f ms cpu (wall %.1f ms)\n", Ms(t0, t1),
              WallMs(t0, t1));

  // ---- SQLite store
  std::filesystem::path db_path = db.empty()
                                      ? std::filesystem::temp_directory_path() /
                                            ("geokg_graph_bench_" + std::to_string(seed) + ".db")
                                      : std::filesystem::path(db);
  std::unique_ptr<geokg::Snapshot> from_store;
  {
    if (!reuse) std::filesystem::remove(db_path);
    auto store = geokg::Store::Open(db_path.string());
    if (!store.ok()) Die(store.status());
    if (!reuse) {
      if (auto s = (*store)->ImportVocabulary(vocab); !s.ok()) Die(s);
      auto l0 = Now();
      const size_t chunk = 100000;
      for (size_t k = 0; k < triples.size(); k += chunk) {
        std::vector<geokg::Triple> part(triples.begin() + k,
                                        triples.begin() + std::min(triples.size(), k + chunk));
        auto st = (*store)->LoadTriples(part);
        if (!st.ok()) Die(st.status());
      }
      auto l1 = Now();
      std::printf("store load (%zu triples, not a target)  %9.1f ms wall -> %s\n", triples.size(),
                  WallMs(l0, l1), db_path.string().c_str());
    }
    store = geokg::Store::Open(db_path.string());
    if (!store.ok()) Die(store.status());
    std::vector<double> times, walls;
    for (int rep = 0; rep < 3; ++rep) {
      auto a = Now();
      auto snap = geokg::Snapshot::FromStore(**store, {});
      auto b = Now();
      if (!snap.ok()) Die(snap.status());
      times.push_back(Ms(a, b));
      walls.push_back(WallMs(a, b));
      from_store = std::make_unique<geokg::Snapshot>(std::move(snap).value());
    }
    {
      // Where the time goes: the store's read, then the indexing; and the
      // same selection as GraphData (what exports read).
      auto a = Now();
      auto read = (*store)->ReadGraphTable({});
      auto b = Now();
      if (!read.ok()) Die(read.status());
      auto built = geokg::Snapshot::Build(std::move(read).value());
      auto c = Now();
      if (!built.ok()) Die(built.status());
      std::printf("  of which Store::ReadGraphTable %.1f ms cpu, Snapshot::Build %.1f ms cpu\n",
                  Ms(a, b), Ms(b, c));
      auto d = Now();
      auto as_data = (*store)->ReadGraph({});
      auto e = Now();
      if (!as_data.ok()) Die(as_data.status());
      std::printf("Store::ReadGraph (GraphData, exports) %8.1f ms cpu (not a target)\n", Ms(d, e));
    }
    Stats s = Summarise(times);
    std::printf(
        "Snapshot::FromStore (SQLite)         %9.1f ms cpu median of 3 (max %.1f; wall "
        "median %.1f)   target <= 1000 ms\n",
        s.median, s.max, Summarise(walls).median);
    std::printf("  store snapshot: %zu nodes, %zu edges\n", from_store->num_nodes(),
                from_store->num_edges());
  }
  const geokg::Snapshot& snap = *from_store;

  // ---- queries
  std::uniform_int_distribution<size_t> pick(0, snap.num_nodes() - 1);
  // Weighted searches (Dijkstra) explore far more of a random graph than the
  // bidirectional BFS; a tenth of the queries is enough for their median.
  auto time_paths = [&](const char* label, const geokg::PathOptions& opt) {
    std::vector<double> times;
    size_t found = 0, hops = 0;
    std::mt19937_64 r(seed + 1);
    const size_t count = opt.weight == geokg::PathOptions::Weight::kHops
                             ? queries
                             : std::max<size_t>(1, queries / 10);
    for (size_t q = 0; q < count; ++q) {
      const std::string& a = snap.node(static_cast<geokg::NodeIndex>(pick(r))).id;
      const std::string& b = snap.node(static_cast<geokg::NodeIndex>(pick(r))).id;
      auto s = Now();
      auto p = geokg::ShortestPath(snap, a, b, opt);
      auto e = Now();
      times.push_back(Ms(s, e));
      if (p.ok()) {
        ++found;
        hops += p->edges.size();
      }
    }
    Stats st = Summarise(times);
    std::printf("%-36s %9.3f ms median, p90 %.3f, max %.3f (%zu/%zu found, mean %.2f hops)\n",
                label, st.median, st.p90, st.max, found, count,
                found ? static_cast<double>(hops) / static_cast<double>(found) : 0.0);
    return st;
  };
  geokg::PathOptions hops_opt;
  time_paths("ShortestPath hops, undirected", hops_opt);
  std::printf("  (target for a shortest path: <= 5 ms median)\n");
  geokg::PathOptions directed = hops_opt;
  directed.directed = true;
  time_paths("ShortestPath hops, directed", directed);
  geokg::PathOptions evidence;
  evidence.weight = geokg::PathOptions::Weight::kEvidence;
  time_paths("ShortestPath evidence (Dijkstra)", evidence);
  geokg::PathOptions relations;
  relations.relations = {types[0].name, types[1].name, types[2].name, types[3].name};
  time_paths("ShortestPath hops, 4 relations", relations);
  {
    std::vector<double> times;
    size_t total_nodes = 0, total_edges = 0;
    std::mt19937_64 r(seed + 2);
    for (size_t q = 0; q < queries; ++q) {
      const std::string& a = snap.node(static_cast<geokg::NodeIndex>(pick(r))).id;
      auto s = Now();
      auto g = geokg::Neighborhood(snap, a, 2);
      auto e = Now();
      times.push_back(Ms(s, e));
      if (g.ok()) {
        total_nodes += g->nodes.size();
        total_edges += g->edges.size();
      }
    }
    Stats st = Summarise(times);
    std::printf(
        "%-36s %9.3f ms median, p90 %.3f, max %.3f (mean %zu nodes, %zu edges)"
        "   target <= 2 ms\n",
        "Neighborhood depth 2", st.median, st.p90, st.max, total_nodes / queries,
        total_edges / queries);
  }
  {
    std::mt19937_64 r(seed + 3);
    std::vector<double> times;
    for (int q = 0; q < 5; ++q) {
      const std::string& a = snap.node(static_cast<geokg::NodeIndex>(pick(r))).id;
      const std::string& b = snap.node(static_cast<geokg::NodeIndex>(pick(r))).id;
      auto s = Now();
      auto p = geokg::KShortestPaths(snap, a, b, 3, hops_opt);
      auto e = Now();
      times.push_back(Ms(s, e));
    }
    Stats st = Summarise(times);
    std::printf("%-36s %9.3f ms median of 5\n", "KShortestPaths k=3 (Yen)", st.median);
  }
  {
    geokg::RankOptions ro;
    ro.measure = geokg::RankOptions::Measure::kPageRank;
    ro.top = 10;
    auto s = Now();
    auto pr = geokg::Rank(snap, ro);
    auto e = Now();
    std::printf("%-36s %9.1f ms cpu\n", "PageRank (whole graph)", Ms(s, e));
    geokg::BlocOptions bo;
    s = Now();
    auto comps = geokg::Blocs(snap, bo);
    e = Now();
    std::printf("%-36s %9.1f ms cpu (%zu blocs)\n", "connected components", Ms(s, e), comps.size());
  }
  if (!cli.empty()) {
    std::mt19937_64 r(seed + 4);
    std::vector<double> times, walls;
    for (int q = 0; q < 5; ++q) {
      const std::string a = snap.node(static_cast<geokg::NodeIndex>(pick(r))).id;
      const std::string b = snap.node(static_cast<geokg::NodeIndex>(pick(r))).id;
      const std::string cmd =
          cli + " path --db '" + db_path.string() + "' " + a + " " + b + " > /dev/null";
      const double c0 = ChildrenCpuMs();
      auto s = Now();
      int rc = std::system(cmd.c_str());
      auto e = Now();
      if (rc != 0) std::printf("  (exit %d: %s)\n", rc, cmd.c_str());
      times.push_back(ChildrenCpuMs() - c0);
      walls.push_back(WallMs(s, e));
    }
    Stats st = Summarise(times);
    std::printf("%-36s %9.1f ms cpu median of 5 (max %.1f; wall median %.1f)   target <= 1500 ms\n",
                "geokg path, end to end", st.median, st.max, Summarise(walls).median);
  }
  if (db.empty() && !keep) {
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path.string() + "-wal");
    std::filesystem::remove(db_path.string() + "-shm");
  } else {
    std::printf("store kept at %s\n", db_path.string().c_str());
  }
  return 0;
}
