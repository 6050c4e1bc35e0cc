// Rankings (degree, PageRank, Brandes betweenness), blocs (connected
// components, Louvain communities) and structural balance on a snapshot.

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>

#include "geokg/graph.h"

#include "graph_internal.h"

namespace geokg {

namespace {

using Impl = Snapshot::Impl;

uint64_t PairKey(NodeIndex a, NodeIndex b) {
  if (a > b) std::swap(a, b);
  return (uint64_t{a} << 32) | b;
}

// Node pairs joined by at least one edge (no self-loops), each pair once.
// Directed: ordered pairs subject -> object, plus the reverse for symmetric
// edges. Undirected: unordered pairs with first < second.
std::vector<std::pair<NodeIndex, NodeIndex>> SimplePairs(const Impl& g, bool directed) {
  std::vector<std::pair<NodeIndex, NodeIndex>> pairs;
  pairs.reserve(g.num_edges());
  for (size_t e = 0; e < g.num_edges(); ++e) {
    NodeIndex a = g.Src(e), b = g.Dst(e);
    if (a == b) continue;
    if (directed) {
      pairs.emplace_back(a, b);
      if (g.Sym(e)) pairs.emplace_back(b, a);
    } else {
      pairs.emplace_back(std::min(a, b), std::max(a, b));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

std::vector<Score> ToScores(const Impl& g, const std::vector<double>& values, size_t top) {
  std::vector<Score> out;
  out.reserve(values.size());
  for (size_t v = 0; v < values.size(); ++v) {
    out.push_back({g.id(v), g.table.nodes[v].name, values[v]});
  }
  std::sort(out.begin(), out.end(), [](const Score& a, const Score& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  if (top > 0 && out.size() > top) out.resize(top);
  return out;
}

std::vector<double> Degrees(const Impl& g, RankOptions::Degree mode) {
  std::vector<double> deg(g.num_nodes(), 0.0);
  for (size_t e = 0; e < g.num_edges(); ++e) {
    const NodeIndex a = g.Src(e), b = g.Dst(e);
    switch (mode) {
      case RankOptions::Degree::kTotal:
        deg[a] += 1;
        deg[b] += 1;
        break;
      case RankOptions::Degree::kOut:
        deg[a] += 1;
        if (g.Sym(e)) deg[b] += 1;
        break;
      case RankOptions::Degree::kIn:
        deg[b] += 1;
        if (g.Sym(e)) deg[a] += 1;
        break;
    }
  }
  return deg;
}

// Power iteration as networkx.pagerank: parallel edges add weight, the rank
// of nodes without out-arcs is spread evenly over all nodes.
std::vector<double> PageRankValues(const Impl& g, const RankOptions& options) {
  const size_t n = g.num_nodes();
  if (n == 0) return {};
  // Arcs u -> v in CSR by target (pull form), in edge order: counted, then
  // placed, straight from the compact per-edge arrays.
  const size_t m = g.num_edges();
  auto reversible = [&](size_t e) {
    return (!options.directed || g.Sym(e)) && g.Src(e) != g.Dst(e);
  };
  std::vector<uint32_t> offsets(n + 1, 0);
  std::vector<double> out_weight(n, 0.0);
  size_t arcs = 0;
  for (size_t e = 0; e < m; ++e) {
    const NodeIndex u = g.Src(e), v = g.Dst(e);
    ++offsets[v + 1];
    out_weight[u] += 1.0;
    ++arcs;
    if (reversible(e)) {
      ++offsets[u + 1];
      out_weight[v] += 1.0;
      ++arcs;
    }
  }
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  BigVector<NodeIndex> sources;
  ResizeHuge(sources, arcs);
  {
    std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
    for (size_t e = 0; e < m; ++e) {
      const NodeIndex u = g.Src(e), v = g.Dst(e);
      sources[next[v]++] = u;
      if (reversible(e)) sources[next[u]++] = v;
    }
  }
  const double d = options.damping;
  const double inv_n = 1.0 / static_cast<double>(n);
  std::vector<double> rank(n, inv_n), next_rank(n), share(n);
  for (int it = 0; it < options.max_iterations; ++it) {
    double dangling = 0.0;
    for (size_t u = 0; u < n; ++u) {
      if (out_weight[u] > 0) {
        share[u] = rank[u] / out_weight[u];
      } else {
        share[u] = 0.0;
        dangling += rank[u];
      }
    }
    const double base = (1.0 - d) * inv_n + d * dangling * inv_n;
    double change = 0.0;
    for (size_t v = 0; v < n; ++v) {
      double sum = 0.0;
      for (uint32_t i = offsets[v]; i < offsets[v + 1]; ++i) sum += share[sources[i]];
      next_rank[v] = base + d * sum;
      change += std::fabs(next_rank[v] - rank[v]);
    }
    rank.swap(next_rank);
    if (change < options.tolerance) break;
  }
  return rank;
}

std::vector<double> BetweennessValues(const Impl& g, const RankOptions& options) {
  const size_t n = g.num_nodes();
  std::vector<double> centrality(n, 0.0);
  if (n == 0) return centrality;
  const auto pairs = SimplePairs(g, options.directed);
  auto run = [&](auto& graph) {
    for (auto [a, b] : pairs) boost::add_edge(a, b, graph);
    boost::brandes_betweenness_centrality(
        graph, boost::centrality_map(boost::make_iterator_property_map(
                   centrality.begin(), boost::get(boost::vertex_index, graph))));
  };
  if (options.directed) {
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> graph(n);
    run(graph);
  } else {
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> graph(n);
    run(graph);
  }
  // Boost counts ordered pairs on directed graphs and unordered pairs on
  // undirected ones (it halves); networkx's normalized=True divides the
  // ordered-pair count by (n-1)(n-2) in both cases.
  if (options.normalized && n > 2) {
    const double ordered = options.directed ? 1.0 : 2.0;
    const double scale = ordered / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    for (double& c : centrality) c *= scale;
  }
  return centrality;
}

// ------------------------------------------------------------------ blocs

// Union-find over the compact edge arrays (boost::connected_components on an
// adjacency_list built per call cost an allocation per edge). Groups are
// numbered by their smallest node, as Boost numbers them.
std::vector<std::vector<NodeIndex>> Components(const Impl& g, const std::vector<char>& use) {
  const size_t n = g.num_nodes();
  std::vector<NodeIndex> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](NodeIndex v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];  // path halving
      v = parent[v];
    }
    return v;
  };
  for (size_t e = 0; e < g.num_edges(); ++e) {
    if (!use[e]) continue;
    NodeIndex a = find(g.Src(e)), b = find(g.Dst(e));
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    parent[b] = a;  // the smaller index is the root
  }
  std::vector<uint32_t> group_of(n, 0);
  std::vector<std::vector<NodeIndex>> groups;
  for (size_t v = 0; v < n; ++v) {
    const NodeIndex root = find(static_cast<NodeIndex>(v));
    if (root == v) {
      group_of[v] = static_cast<uint32_t>(groups.size());
      groups.emplace_back();
    }
    groups[group_of[root]].push_back(static_cast<NodeIndex>(v));
  }
  return groups;
}

// Louvain modularity optimisation (Blondel et al. 2008), resolution 1: move
// single nodes to the neighbouring community with the best modularity gain
// until no move helps, merge each community into one node, repeat. Nodes are
// visited in index order and a node moves only for a strictly better gain,
// so the result is deterministic.
std::vector<std::vector<NodeIndex>> Communities(const Impl& g, const std::vector<char>& use,
                                                int max_iterations) {
  const size_t n = g.num_nodes();
  // The current level's graph: weighted simple adjacency plus self-loop weight.
  std::vector<std::vector<std::pair<uint32_t, double>>> adj(n);
  std::vector<double> self(n, 0.0);
  {
    std::unordered_map<uint64_t, double> weight;
    for (size_t e = 0; e < g.num_edges(); ++e) {
      if (use[e] && g.Src(e) != g.Dst(e)) weight[PairKey(g.Src(e), g.Dst(e))] += 1.0;
    }
    for (auto [key, w] : weight) {
      const auto a = static_cast<uint32_t>(key >> 32);
      const auto b = static_cast<uint32_t>(key & 0xffffffffu);
      adj[a].emplace_back(b, w);
      adj[b].emplace_back(a, w);
    }
    for (auto& list : adj) std::sort(list.begin(), list.end());
  }
  std::vector<uint32_t> node_comm(n);  // original node -> community at the current level
  std::iota(node_comm.begin(), node_comm.end(), 0);
  for (int level = 0; level < 32; ++level) {
    const size_t k = adj.size();
    std::vector<double> degree(k, 0.0);
    double two_m = 0.0;
    for (size_t i = 0; i < k; ++i) {
      degree[i] = 2.0 * self[i];
      for (auto [j, w] : adj[i]) degree[i] += w;
      two_m += degree[i];
    }
    if (two_m == 0.0) break;
    std::vector<uint32_t> comm(k);
    std::iota(comm.begin(), comm.end(), 0);
    std::vector<double> tot(degree);
    std::vector<double> w_to(k, 0.0);
    std::vector<uint32_t> touched;
    bool any_move = false;
    for (int pass = 0; pass < max_iterations; ++pass) {
      bool moved = false;
      for (size_t i = 0; i < k; ++i) {
        const uint32_t own = comm[i];
        touched.clear();
        for (auto [j, w] : adj[i]) {
          if (w_to[comm[j]] == 0.0) touched.push_back(comm[j]);
          w_to[comm[j]] += w;
        }
        tot[own] -= degree[i];
        uint32_t best = own;
        double best_gain = w_to[own] - tot[own] * degree[i] / two_m;
        std::sort(touched.begin(), touched.end());
        for (uint32_t c : touched) {
          const double gain = w_to[c] - tot[c] * degree[i] / two_m;
          if (gain > best_gain + 1e-12) {
            best_gain = gain;
            best = c;
          }
        }
        tot[best] += degree[i];
        comm[i] = best;
        if (best != own) moved = true;
        for (uint32_t c : touched) w_to[c] = 0.0;
        w_to[own] = 0.0;
      }
      if (!moved) break;
      any_move = true;
    }
    if (!any_move) break;
    // Renumber communities and merge each into one node.
    std::vector<uint32_t> renumber(k, UINT32_MAX);
    uint32_t count = 0;
    for (size_t i = 0; i < k; ++i) {
      if (renumber[comm[i]] == UINT32_MAX) renumber[comm[i]] = count++;
    }
    std::vector<double> next_self(count, 0.0);
    std::map<std::pair<uint32_t, uint32_t>, double> between;
    for (size_t i = 0; i < k; ++i) {
      const uint32_t a = renumber[comm[i]];
      next_self[a] += self[i];
      for (auto [j, w] : adj[i]) {
        const uint32_t b = renumber[comm[j]];
        if (a == b) {
          if (i < j) next_self[a] += w;
        } else if (a < b) {
          between[{a, b}] += w;
        }
      }
    }
    std::vector<std::vector<std::pair<uint32_t, double>>> next_adj(count);
    for (auto& [ab, w] : between) {
      next_adj[ab.first].emplace_back(ab.second, w);
      next_adj[ab.second].emplace_back(ab.first, w);
    }
    for (auto& list : next_adj) std::sort(list.begin(), list.end());
    for (auto& c : node_comm) c = renumber[comm[c]];
    adj = std::move(next_adj);
    self = std::move(next_self);
  }
  std::map<uint32_t, std::vector<NodeIndex>> by_comm;
  for (size_t v = 0; v < n; ++v) by_comm[node_comm[v]].push_back(static_cast<NodeIndex>(v));
  std::vector<std::vector<NodeIndex>> groups;
  for (auto& [c, members] : by_comm) groups.push_back(std::move(members));
  return groups;
}

// The sign of an edge from its relation's Goldstein value and PLOVER type.
int Sign(double goldstein, std::string_view plover) {
  if (goldstein > 0) return 1;
  if (goldstein < 0) return -1;
  static constexpr std::string_view kCooperative[] = {"AGREE",     "CONSULT", "SUPPORT", "CONCEDE",
                                                      "COOPERATE", "AID",     "RETREAT"};
  static constexpr std::string_view kConflictual[] = {
      "DEMAND",  "DISAPPROVE", "ACCUSE",   "REJECT", "THREATEN",
      "PROTEST", "SANCTION",   "MOBILIZE", "COERCE", "ASSAULT"};
  for (auto p : kCooperative) {
    if (plover == p) return 1;
  }
  for (auto p : kConflictual) {
    if (plover == p) return -1;
  }
  return 0;
}

// Sign per relation of the snapshot (EdgeSign depends on the relation only).
std::vector<int> RelationSigns(const Snapshot::Impl& g) {
  std::vector<int> signs;
  signs.reserve(g.table.relations.size());
  for (const auto& r : g.table.relations) signs.push_back(Sign(r.goldstein, r.plover));
  return signs;
}

}  // namespace

std::string_view ToString(RankOptions::Measure measure) {
  switch (measure) {
    case RankOptions::Measure::kDegree:
      return "degree";
    case RankOptions::Measure::kPageRank:
      return "pagerank";
    case RankOptions::Measure::kBetweenness:
      return "betweenness";
  }
  return "degree";
}

std::optional<RankOptions::Measure> ParseMeasure(std::string_view text) {
  for (auto m : {RankOptions::Measure::kDegree, RankOptions::Measure::kPageRank,
                 RankOptions::Measure::kBetweenness}) {
    if (ToString(m) == text) return m;
  }
  return std::nullopt;
}

std::vector<Score> Rank(const Snapshot& snapshot, const RankOptions& options) {
  const Impl& g = ImplOf(snapshot);
  switch (options.measure) {
    case RankOptions::Measure::kDegree:
      return ToScores(g, Degrees(g, options.degree), options.top);
    case RankOptions::Measure::kPageRank:
      return ToScores(g, PageRankValues(g, options), options.top);
    case RankOptions::Measure::kBetweenness:
      return ToScores(g, BetweennessValues(g, options), options.top);
  }
  return {};
}

std::string_view ToString(BlocOptions::Method method) {
  return method == BlocOptions::Method::kComponents ? "components" : "communities";
}

std::optional<BlocOptions::Method> ParseBlocMethod(std::string_view text) {
  if (text == "components") return BlocOptions::Method::kComponents;
  if (text == "communities") return BlocOptions::Method::kCommunities;
  return std::nullopt;
}

std::vector<Bloc> Blocs(const Snapshot& snapshot, const BlocOptions& options) {
  const Impl& g = ImplOf(snapshot);
  std::vector<char> use(g.num_edges(), 1);
  if (options.cooperative_only) {
    const std::vector<int> signs = RelationSigns(g);
    for (size_t e = 0; e < use.size(); ++e) use[e] = signs[g.Rel(e)] > 0 ? 1 : 0;
  }
  auto groups = options.method == BlocOptions::Method::kComponents
                    ? Components(g, use)
                    : Communities(g, use, options.max_iterations);
  std::vector<int> group_of(g.num_nodes(), -1);
  for (size_t i = 0; i < groups.size(); ++i) {
    for (NodeIndex v : groups[i]) group_of[v] = static_cast<int>(i);
  }
  std::vector<int64_t> internal(groups.size(), 0);
  for (size_t e = 0; e < g.num_edges(); ++e) {
    if (group_of[g.Src(e)] == group_of[g.Dst(e)]) ++internal[group_of[g.Src(e)]];
  }
  std::vector<Bloc> blocs;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].size() < std::max<size_t>(1, options.min_size)) continue;
    Bloc b;
    for (NodeIndex v : groups[i]) b.members.push_back(g.id(v));
    std::sort(b.members.begin(), b.members.end());
    b.internal_edges = internal[i];
    blocs.push_back(std::move(b));
  }
  std::sort(blocs.begin(), blocs.end(), [](const Bloc& a, const Bloc& b) {
    return a.members.size() != b.members.size() ? a.members.size() > b.members.size()
                                                : a.members.front() < b.members.front();
  });
  return blocs;
}

// ---------------------------------------------------------------- balance

int EdgeSign(const Edge& edge) { return Sign(edge.goldstein, edge.plover); }

BalanceReport Balance(const Snapshot& snapshot, const BalanceOptions& options) {
  const Impl& g = ImplOf(snapshot);
  const size_t n = g.num_nodes();
  BalanceReport report;
  const std::vector<int> signs = RelationSigns(g);
  // Net sign per unordered pair.
  std::unordered_map<uint64_t, size_t> tie_of;
  std::vector<std::pair<uint64_t, int>> sums;  // key, sum of signs
  std::vector<std::vector<EdgeIndex>> tie_edges;
  for (size_t e = 0; e < g.num_edges(); ++e) {
    if (g.Src(e) == g.Dst(e)) continue;
    const int sign = signs[g.Rel(e)];
    if (sign == 0) continue;
    const uint64_t key = PairKey(g.Src(e), g.Dst(e));
    auto [it, fresh] = tie_of.emplace(key, sums.size());
    if (fresh) {
      sums.emplace_back(key, 0);
      tie_edges.emplace_back();
    }
    sums[it->second].second += sign;
    tie_edges[it->second].push_back(static_cast<EdgeIndex>(e));
  }
  std::unordered_map<uint64_t, int> sign_of;
  std::vector<std::vector<std::pair<NodeIndex, int>>> adj(n);
  for (size_t i = 0; i < sums.size(); ++i) {
    const int sign = sums[i].second > 0 ? 1 : (sums[i].second < 0 ? -1 : 0);
    if (sign == 0) continue;
    const auto a = static_cast<NodeIndex>(sums[i].first >> 32);
    const auto b = static_cast<NodeIndex>(sums[i].first & 0xffffffffu);
    sign_of.emplace(sums[i].first, sign);
    adj[a].emplace_back(b, sign);
    adj[b].emplace_back(a, sign);
    SignedTie tie;
    tie.a = g.id(a);
    tie.b = g.id(b);
    if (tie.b < tie.a) std::swap(tie.a, tie.b);
    tie.sign = sign;
    tie.edges = tie_edges[i];
    (sign > 0 ? report.positive_ties : report.negative_ties) += 1;
    report.ties.push_back(std::move(tie));
  }
  std::sort(report.ties.begin(), report.ties.end(), [](const SignedTie& x, const SignedTie& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  for (auto& list : adj) std::sort(list.begin(), list.end());
  auto lookup = [&](NodeIndex a, NodeIndex b) {
    auto it = sign_of.find(PairKey(a, b));
    return it == sign_of.end() ? 0 : it->second;
  };
  auto id = [&](NodeIndex v) -> const std::string& { return g.id(v); };

  // Closed triads u < v < w.
  for (NodeIndex u = 0; u < n; ++u) {
    const auto& nu = adj[u];
    for (size_t i = 0; i < nu.size(); ++i) {
      const auto [v, suv] = nu[i];
      if (v <= u) continue;
      for (size_t j = i + 1; j < nu.size(); ++j) {
        const auto [w, suw] = nu[j];
        const int svw = lookup(v, w);
        if (svw == 0) continue;
        ++report.triad_count;
        const bool balanced = suv * suw * svw > 0;
        if (balanced) ++report.balanced_count;
        if (report.triads.size() >= options.max_listed) continue;
        // Order the three ids and their tie signs.
        std::array<std::pair<std::string, NodeIndex>, 3> ids = {
            std::make_pair(id(u), u), std::make_pair(id(v), v), std::make_pair(id(w), w)};
        std::sort(ids.begin(), ids.end());
        Triad t;
        for (int k = 0; k < 3; ++k) t.nodes[k] = ids[k].first;
        t.signs = {lookup(ids[0].second, ids[1].second), lookup(ids[1].second, ids[2].second),
                   lookup(ids[0].second, ids[2].second)};
        t.balanced = balanced;
        report.triads.push_back(std::move(t));
      }
    }
  }
  report.balance_ratio = report.triad_count == 0 ? 1.0
                                                 : static_cast<double>(report.balanced_count) /
                                                       static_cast<double>(report.triad_count);
  // Enemy of my enemy: a -(-)- b -(-)- c with a-c positive or absent.
  for (NodeIndex b = 0; b < n; ++b) {
    std::vector<NodeIndex> enemies;
    for (auto [x, s] : adj[b]) {
      if (s < 0) enemies.push_back(x);
    }
    for (size_t i = 0; i < enemies.size(); ++i) {
      for (size_t j = i + 1; j < enemies.size(); ++j) {
        const int sac = lookup(enemies[i], enemies[j]);
        if (sac < 0) continue;
        ++report.enemy_of_enemy_count;
        if (report.enemy_of_enemy.size() >= options.max_listed) continue;
        EnemyOfEnemy t;
        t.a = id(enemies[i]);
        t.c = id(enemies[j]);
        if (t.c < t.a) std::swap(t.a, t.c);
        t.b = id(b);
        t.a_c_sign = sac;
        report.enemy_of_enemy.push_back(std::move(t));
      }
    }
  }
  std::sort(report.triads.begin(), report.triads.end(),
            [](const Triad& x, const Triad& y) { return x.nodes < y.nodes; });
  std::sort(report.enemy_of_enemy.begin(), report.enemy_of_enemy.end(),
            [](const EnemyOfEnemy& x, const EnemyOfEnemy& y) {
              return std::tie(x.a, x.c, x.b) < std::tie(y.a, y.c, y.b);
            });
  return report;
}

}  // namespace geokg
