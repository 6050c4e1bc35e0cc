// Shortest paths: bidirectional BFS (hops), Dijkstra over (node, hops)
// labels (weights, hop limits, Yen's bans), enumeration of all cheapest paths
// and Yen's k shortest simple paths.

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>
#include <utility>

#include "geokg/graph.h"

#include "graph_internal.h"

namespace geokg {

namespace {

using Impl = Snapshot::Impl;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

struct Ctx {
  const Impl& g;
  bool directed;
  PathOptions::Weight weight;
  RelationMask mask;
  const std::function<bool(EdgeIndex)>* filter = nullptr;  // null: every edge

  double Cost(EdgeIndex e) const { return CompactEdgeCost(g, e, weight); }
  // ForEachStep over the edges that also pass the caller's edge filter.
  template <typename Fn>
  void Step(NodeIndex v, bool forward, Fn&& fn) const {
    if (filter == nullptr) {
      ForEachStep(g, v, directed, forward, mask, fn);
      return;
    }
    ForEachStep(g, v, directed, forward, mask, [&](EdgeIndex e, NodeIndex w) {
      if ((*filter)(e)) fn(e, w);
    });
  }
};

Ctx MakeCtx(const Impl& g, const PathOptions& options) {
  return Ctx{g, options.directed, options.weight, MakeRelationMask(g, options.relations),
             options.edge_filter ? &options.edge_filter : nullptr};
}

struct RawPath {
  std::vector<NodeIndex> nodes;
  std::vector<EdgeIndex> edges;
  double cost = 0.0;
};

bool CostsEqual(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

// Orders candidate paths: cost, then hops, then edge indices.
bool PathLess(const RawPath& a, const RawPath& b) {
  if (!CostsEqual(a.cost, b.cost)) return a.cost < b.cost;
  if (a.edges.size() != b.edges.size()) return a.edges.size() < b.edges.size();
  return a.edges < b.edges;
}

// The path s .. meet .. t of a bidirectional search from the edges each side
// reached a node by (parent[0] from s, parent[1] from t), into `path`.
void StitchPath(const Ctx& c, const std::vector<EdgeIndex> (&parent)[2], NodeIndex s,
                NodeIndex meet, NodeIndex t, RawPath* path) {
  auto far_end = [&c](EdgeIndex e, NodeIndex v) {
    return c.g.Src(e) == v ? c.g.Dst(e) : c.g.Src(e);
  };
  for (NodeIndex v = meet; v != s; v = far_end(parent[0][v], v)) {  // meet .. s
    path->edges.push_back(parent[0][v]);
    path->nodes.push_back(v);
  }
  path->nodes.push_back(s);
  std::reverse(path->nodes.begin(), path->nodes.end());
  std::reverse(path->edges.begin(), path->edges.end());
  for (NodeIndex v = meet; v != t;) {  // meet .. t
    const EdgeIndex e = parent[1][v];
    path->edges.push_back(e);
    v = far_end(e, v);
    path->nodes.push_back(v);
  }
}

// Meet-in-the-middle BFS by hops; `hop_limit` 0 = unlimited.
std::optional<RawPath> BidirectionalBfs(const Ctx& c, NodeIndex s, NodeIndex t, int hop_limit) {
  RawPath path;
  if (s == t) {
    path.nodes = {s};
    return path;
  }
  const size_t n = c.g.num_nodes();
  std::vector<int32_t> dist[2] = {std::vector<int32_t>(n, -1), std::vector<int32_t>(n, -1)};
  std::vector<EdgeIndex> parent[2] = {std::vector<EdgeIndex>(n, kNone),
                                      std::vector<EdgeIndex>(n, kNone)};
  std::vector<NodeIndex> frontier[2] = {{s}, {t}};
  int level[2] = {0, 0};
  dist[0][s] = 0;
  dist[1][t] = 0;
  int64_t best = std::numeric_limits<int64_t>::max();
  NodeIndex meet = kNone;
  std::vector<NodeIndex> next;
  while (!frontier[0].empty() && !frontier[1].empty()) {
    if (hop_limit > 0 && level[0] + level[1] >= hop_limit) break;
    const int side = frontier[0].size() <= frontier[1].size() ? 0 : 1;
    const int other = 1 - side;
    next.clear();
    for (NodeIndex v : frontier[side]) {
      c.Step(v, side == 0, [&](EdgeIndex e, NodeIndex w) {
        if (dist[side][w] != -1) return;
        dist[side][w] = level[side] + 1;
        parent[side][w] = e;
        next.push_back(w);
        if (dist[other][w] != -1) {
          int64_t total = int64_t{dist[side][w]} + dist[other][w];
          if (total < best) {
            best = total;
            meet = w;
          }
        }
      });
    }
    frontier[side].swap(next);
    ++level[side];
    if (meet != kNone) break;
  }
  if (meet == kNone || (hop_limit > 0 && best > hop_limit)) return std::nullopt;
  StitchPath(c, parent, s, meet, t, &path);
  path.cost = static_cast<double>(path.edges.size());
  return path;
}

// Dijkstra over labels (node, hops), ordered by (cost, hops). With a hop
// limit a dearer label with fewer hops may still lead to the target, so a
// node is settled again only with fewer hops than before. `banned_nodes`
// (may be null) and `banned_edges` (sorted) are avoided.
std::optional<RawPath> Dijkstra(const Ctx& c, NodeIndex s, NodeIndex t, int hop_limit,
                                const std::vector<char>* banned_nodes,
                                const std::vector<EdgeIndex>& banned_edges) {
  struct Label {
    NodeIndex node;
    uint32_t hops;
    double cost;
    uint32_t parent;
    EdgeIndex via;
  };
  const size_t n = c.g.num_nodes();
  std::vector<uint32_t> settled_hops(n, kNone);
  std::vector<double> best_cost(n, kInf);
  std::vector<uint32_t> best_hops(n, kNone);
  std::vector<Label> labels;
  using Item = std::tuple<double, uint32_t, uint32_t>;  // cost, hops, label
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  labels.push_back({s, 0, 0.0, kNone, kNone});
  best_cost[s] = 0.0;
  best_hops[s] = 0;
  heap.emplace(0.0, 0, 0);
  const bool limited = hop_limit > 0;
  while (!heap.empty()) {
    auto [cost, hops, li] = heap.top();
    heap.pop();
    const NodeIndex v = labels[li].node;
    if (settled_hops[v] != kNone && (!limited || settled_hops[v] <= hops)) continue;
    settled_hops[v] = hops;
    if (v == t) {
      RawPath path;
      path.cost = cost;
      for (uint32_t l = li; l != kNone; l = labels[l].parent) {
        path.nodes.push_back(labels[l].node);
        if (labels[l].via != kNone) path.edges.push_back(labels[l].via);
      }
      std::reverse(path.nodes.begin(), path.nodes.end());
      std::reverse(path.edges.begin(), path.edges.end());
      return path;
    }
    if (limited && hops >= static_cast<uint32_t>(hop_limit)) continue;
    const uint32_t nh = hops + 1;
    c.Step(v, true, [&](EdgeIndex e, NodeIndex w) {
      if (settled_hops[w] != kNone && (!limited || settled_hops[w] <= nh)) return;
      if (banned_nodes != nullptr && (*banned_nodes)[w]) return;
      if (!banned_edges.empty() &&
          std::binary_search(banned_edges.begin(), banned_edges.end(), e)) {
        return;
      }
      const double nc = cost + c.Cost(e);
      if (nc > best_cost[w] || (nc == best_cost[w] && nh >= best_hops[w])) {
        if (!limited || nh >= best_hops[w]) return;  // dominated
      } else {
        best_cost[w] = nc;
        best_hops[w] = nh;
      }
      labels.push_back({w, nh, nc, li, e});
      heap.emplace(nc, nh, static_cast<uint32_t>(labels.size() - 1));
    });
  }
  return std::nullopt;
}

// Bidirectional Dijkstra (unlimited hops, no bans): searches from `s`
// forwards and from `t` backwards, always extending the side whose next
// label is cheaper, by the key (cost, hops) compared lexicographically (the
// order the one-directional search uses, so among equally cheap paths one
// with fewest hops wins). `best` is the cheapest s-t path seen through a
// node labelled from both sides; the search stops when the two cheapest
// open labels together cannot beat it. The cost is summed again along the
// path from `s`, as the one-directional search adds it.
std::optional<RawPath> BidirectionalDijkstra(const Ctx& c, NodeIndex s, NodeIndex t) {
  RawPath path;
  if (s == t) {
    path.nodes = {s};
    return path;
  }
  using Key = std::pair<double, uint32_t>;  // cost, hops
  const Key kUnreached{kInf, kNone};
  const size_t n = c.g.num_nodes();
  std::vector<Key> key[2] = {std::vector<Key>(n, kUnreached), std::vector<Key>(n, kUnreached)};
  std::vector<EdgeIndex> parent[2] = {std::vector<EdgeIndex>(n, kNone),
                                      std::vector<EdgeIndex>(n, kNone)};
  using Item = std::pair<Key, NodeIndex>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap[2];
  key[0][s] = {0.0, 0};
  key[1][t] = {0.0, 0};
  heap[0].emplace(key[0][s], s);
  heap[1].emplace(key[1][t], t);
  Key best = kUnreached;
  NodeIndex meet = kNone;
  while (!heap[0].empty() && !heap[1].empty()) {
    const Key& a = heap[0].top().first;
    const Key& b = heap[1].top().first;
    if (Key{a.first + b.first, a.second + b.second} >= best) break;
    const int side = a <= b ? 0 : 1;
    const int other = 1 - side;
    const auto [k, v] = heap[side].top();
    heap[side].pop();
    if (k != key[side][v]) continue;  // stale
    c.Step(v, side == 0, [&](EdgeIndex e, NodeIndex w) {
      const Key nk{k.first + c.Cost(e), k.second + 1};
      if (nk < key[side][w]) {
        key[side][w] = nk;
        parent[side][w] = e;
        heap[side].emplace(nk, w);
        const Key& o = key[other][w];
        if (o.first != kInf) {
          const Key total{nk.first + o.first, nk.second + o.second};
          if (total < best) {
            best = total;
            meet = w;
          }
        }
      }
    });
  }
  if (meet == kNone) return std::nullopt;
  StitchPath(c, parent, s, meet, t, &path);
  for (EdgeIndex e : path.edges) path.cost += c.Cost(e);
  return path;
}

// The cheapest cost to `t` (searching backwards), unlimited hops, of every
// node that can be on a cheapest path from `s`: the search stops once it has
// settled every node within the tolerance of CostsEqual of s's cost (the
// others keep an upper bound above it, or infinity).
std::vector<double> CostsToTarget(const Ctx& c, NodeIndex s, NodeIndex t) {
  const size_t n = c.g.num_nodes();
  std::vector<double> dist(n, kInf);
  using Item = std::pair<double, NodeIndex>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  dist[t] = 0.0;
  heap.emplace(0.0, t);
  double stop = kInf;
  while (!heap.empty()) {
    auto [d, v] = heap.top();
    heap.pop();
    if (d > dist[v]) continue;
    if (d > stop) break;
    if (v == s) stop = d + 1e-9 * std::max(1.0, d);
    c.Step(v, false, [&](EdgeIndex e, NodeIndex w) {
      const double nd = d + c.Cost(e);
      if (nd < dist[w]) {
        dist[w] = nd;
        heap.emplace(nd, w);
      }
    });
  }
  return dist;
}

// layers[k][w]: the cheapest cost from w to `t` in at most k hops (k <= limit).
std::vector<std::vector<double>> LayeredCostsToTarget(const Ctx& c, NodeIndex t, int limit) {
  const size_t n = c.g.num_nodes();
  std::vector<std::vector<double>> layers(limit + 1, std::vector<double>(n, kInf));
  layers[0][t] = 0.0;
  for (int k = 1; k <= limit; ++k) {
    layers[k] = layers[k - 1];
    for (NodeIndex x = 0; x < n; ++x) {
      const double dx = layers[k - 1][x];
      if (dx == kInf) continue;
      c.Step(x, false, [&](EdgeIndex e, NodeIndex w) {
        layers[k][w] = std::min(layers[k][w], dx + c.Cost(e));
      });
    }
  }
  return layers;
}

Path ToPath(const Impl& g, const RawPath& raw) {
  Path p;
  p.nodes.reserve(raw.nodes.size());
  for (NodeIndex v : raw.nodes) p.nodes.push_back(g.id(v));
  p.edges = raw.edges;
  p.cost = raw.cost;
  return p;
}

Status Endpoints(const Snapshot& snapshot, std::string_view from_id, std::string_view to_id,
                 NodeIndex* s, NodeIndex* t) {
  auto a = snapshot.IndexOf(from_id);
  if (!a) return Status::NotFound("no node \"" + std::string(from_id) + "\" in the graph");
  auto b = snapshot.IndexOf(to_id);
  if (!b) return Status::NotFound("no node \"" + std::string(to_id) + "\" in the graph");
  *s = *a;
  *t = *b;
  return Status::OK();
}

Status NoPath(const Snapshot& snapshot, NodeIndex s, NodeIndex t, const PathOptions& options) {
  std::string msg = "no path from " + snapshot.node(s).id + " to " + snapshot.node(t).id;
  if (options.max_hops > 0) msg += " within " + std::to_string(options.max_hops) + " hop(s)";
  if (!options.relations.empty()) {
    msg += " over";
    for (const auto& r : options.relations) msg += (&r == &options.relations[0] ? " " : ", ") + r;
  }
  if (options.directed) msg += " (directed)";
  return Status::NotFound(msg);
}

Status CheckOptions(const PathOptions& options) {
  if (options.max_hops < 0) return Status::InvalidArgument("max_hops must be >= 0");
  return Status::OK();
}

}  // namespace

std::string_view ToString(PathOptions::Weight weight) {
  switch (weight) {
    case PathOptions::Weight::kHops:
      return "hops";
    case PathOptions::Weight::kEvidence:
      return "evidence";
    case PathOptions::Weight::kGoldstein:
      return "goldstein";
    case PathOptions::Weight::kConflict:
      return "conflict";
  }
  return "hops";
}

std::optional<PathOptions::Weight> ParseWeight(std::string_view text) {
  for (auto w : {PathOptions::Weight::kHops, PathOptions::Weight::kEvidence,
                 PathOptions::Weight::kGoldstein, PathOptions::Weight::kConflict}) {
    if (ToString(w) == text) return w;
  }
  return std::nullopt;
}

namespace {

double Cost(double goldstein, int64_t evidence, PathOptions::Weight weight) {
  const double g = std::clamp(goldstein, -10.0, 10.0);
  switch (weight) {
    case PathOptions::Weight::kHops:
      return 1.0;
    case PathOptions::Weight::kEvidence:
      return 1.0 / static_cast<double>(std::max<int64_t>(1, evidence));
    case PathOptions::Weight::kGoldstein:
      return 1.0 + (10.0 - g) / 10.0;
    case PathOptions::Weight::kConflict:
      return 1.0 + (10.0 + g) / 10.0;
  }
  return 1.0;
}

}  // namespace

double EdgeCost(const Edge& edge, PathOptions::Weight weight) {
  // Through float, as the snapshot stores it, so both give the same cost.
  return Cost(static_cast<float>(edge.goldstein), edge.evidence_count, weight);
}

double CompactEdgeCost(const Snapshot::Impl& g, EdgeIndex e, PathOptions::Weight weight) {
  return Cost(g.Goldstein(e), g.Evidence(e), weight);
}

Result<Path> ShortestPath(const Snapshot& snapshot, std::string_view from_id,
                          std::string_view to_id, const PathOptions& options) {
  if (Status st = CheckOptions(options); !st.ok()) return st;
  NodeIndex s = 0, t = 0;
  if (Status st = Endpoints(snapshot, from_id, to_id, &s, &t); !st.ok()) return st;
  const Impl& g = ImplOf(snapshot);
  const Ctx c = MakeCtx(g, options);
  std::optional<RawPath> raw =
      options.weight == PathOptions::Weight::kHops ? BidirectionalBfs(c, s, t, options.max_hops)
      : options.max_hops > 0 ? Dijkstra(c, s, t, options.max_hops, nullptr, {})
                             : BidirectionalDijkstra(c, s, t);
  if (!raw) return NoPath(snapshot, s, t, options);
  return ToPath(g, *raw);
}

Result<std::vector<Path>> AllShortestPaths(const Snapshot& snapshot, std::string_view from_id,
                                           std::string_view to_id, const PathOptions& options) {
  if (Status st = CheckOptions(options); !st.ok()) return st;
  NodeIndex s = 0, t = 0;
  if (Status st = Endpoints(snapshot, from_id, to_id, &s, &t); !st.ok()) return st;
  const Impl& g = ImplOf(snapshot);
  const Ctx c = MakeCtx(g, options);
  const int limit = options.max_hops;
  // remaining(w, hops_left): cheapest cost from w to t within hops_left hops.
  // Hop costs are whole numbers, so for kHops the unlimited distance also
  // decides the hop limit.
  const bool layered = limit > 0 && options.weight != PathOptions::Weight::kHops;
  std::vector<double> to_target;
  std::vector<std::vector<double>> layers;
  if (layered) {
    layers = LayeredCostsToTarget(c, t, limit);
  } else {
    to_target = CostsToTarget(c, s, t);
  }
  auto remaining = [&](NodeIndex w, int hops_left) {
    return layered ? layers[hops_left][w] : to_target[w];
  };
  const double best = remaining(s, limit);
  if (best == kInf || (limit > 0 && !layered && best > limit + 0.5)) {
    return NoPath(snapshot, s, t, options);
  }
  const double bound = best + 1e-9 * std::max(1.0, best);

  std::vector<Path> paths;
  RawPath current;
  current.nodes.push_back(s);
  std::vector<char> on_path(g.num_nodes(), 0);
  on_path[s] = 1;
  std::vector<std::pair<EdgeIndex, NodeIndex>> steps;
  std::function<void(NodeIndex, double)> dfs = [&](NodeIndex v, double cost) {
    if (paths.size() >= options.max_paths) return;
    if (v == t) {
      current.cost = cost;
      paths.push_back(ToPath(g, current));
      return;
    }
    const int used = static_cast<int>(current.edges.size());
    std::vector<std::pair<EdgeIndex, NodeIndex>> local;
    c.Step(v, true, [&](EdgeIndex e, NodeIndex w) {
      if (on_path[w]) return;
      const int left = limit > 0 ? limit - used - 1 : 0;
      if (limit > 0 && left < 0) return;
      if (cost + c.Cost(e) + remaining(w, left) <= bound) local.emplace_back(e, w);
    });
    std::sort(local.begin(), local.end());
    for (auto [e, w] : local) {
      current.nodes.push_back(w);
      current.edges.push_back(e);
      on_path[w] = 1;
      dfs(w, cost + c.Cost(e));
      on_path[w] = 0;
      current.nodes.pop_back();
      current.edges.pop_back();
    }
  };
  dfs(s, 0.0);
  if (paths.empty()) return NoPath(snapshot, s, t, options);
  return paths;
}

Result<std::vector<Path>> KShortestPaths(const Snapshot& snapshot, std::string_view from_id,
                                         std::string_view to_id, int k,
                                         const PathOptions& options) {
  if (k < 1) return Status::InvalidArgument("k must be at least 1, not " + std::to_string(k));
  if (Status st = CheckOptions(options); !st.ok()) return st;
  NodeIndex s = 0, t = 0;
  if (Status st = Endpoints(snapshot, from_id, to_id, &s, &t); !st.ok()) return st;
  const Impl& g = ImplOf(snapshot);
  const Ctx c = MakeCtx(g, options);
  const int limit = options.max_hops;

  std::vector<RawPath> found;
  auto first = Dijkstra(c, s, t, limit, nullptr, {});
  if (!first) return NoPath(snapshot, s, t, options);
  found.push_back(std::move(*first));
  std::vector<RawPath> candidates;
  std::vector<char> banned_nodes(g.num_nodes(), 0);
  auto known = [&](const RawPath& p) {
    auto same = [&](const RawPath& q) { return q.edges == p.edges && q.nodes == p.nodes; };
    return std::any_of(found.begin(), found.end(), same) ||
           std::any_of(candidates.begin(), candidates.end(), same);
  };
  while (static_cast<int>(found.size()) < k) {
    const RawPath last = found.back();
    double root_cost = 0.0;
    for (size_t i = 0; i + 1 < last.nodes.size(); ++i) {
      const NodeIndex spur = last.nodes[i];
      if (i > 0) root_cost += c.Cost(last.edges[i - 1]);
      const int spur_limit = limit > 0 ? limit - static_cast<int>(i) : 0;
      if (limit > 0 && spur_limit <= 0) break;
      // Ban the next edge of every found path that shares this root.
      std::vector<EdgeIndex> banned_edges;
      for (const RawPath& p : found) {
        if (p.edges.size() > i && p.nodes[0] == s &&
            std::equal(last.edges.begin(), last.edges.begin() + i, p.edges.begin())) {
          banned_edges.push_back(p.edges[i]);
        }
      }
      std::sort(banned_edges.begin(), banned_edges.end());
      for (size_t j = 0; j < i; ++j) banned_nodes[last.nodes[j]] = 1;
      auto spur_path = Dijkstra(c, spur, t, spur_limit, &banned_nodes, banned_edges);
      for (size_t j = 0; j < i; ++j) banned_nodes[last.nodes[j]] = 0;
      if (!spur_path) continue;
      RawPath total;
      total.nodes.assign(last.nodes.begin(), last.nodes.begin() + i);
      total.nodes.insert(total.nodes.end(), spur_path->nodes.begin(), spur_path->nodes.end());
      total.edges.assign(last.edges.begin(), last.edges.begin() + i);
      total.edges.insert(total.edges.end(), spur_path->edges.begin(), spur_path->edges.end());
      total.cost = root_cost + spur_path->cost;
      if (!known(total)) candidates.push_back(std::move(total));
    }
    if (candidates.empty()) break;
    auto best = std::min_element(candidates.begin(), candidates.end(), PathLess);
    found.push_back(std::move(*best));
    candidates.erase(best);
  }
  std::vector<Path> out;
  out.reserve(found.size());
  for (const RawPath& p : found) out.push_back(ToPath(g, p));
  return out;
}

// ------------------------------------------------------------ neighbourhood

namespace {

// The nodes within `depth` hops of `start` with their hops, in BFS order.
std::vector<std::pair<NodeIndex, int32_t>> NeighborIndices(const Impl& g, NodeIndex start,
                                                           int depth, bool directed,
                                                           const RelationMask& mask) {
  std::vector<int32_t> dist(g.num_nodes(), -1);
  std::vector<NodeIndex> order = {start};
  dist[start] = 0;
  for (size_t head = 0; head < order.size(); ++head) {
    const NodeIndex v = order[head];
    if (dist[v] >= depth) continue;
    ForEachStep(g, v, directed, true, mask, [&](EdgeIndex, NodeIndex w) {
      if (dist[w] != -1) return;
      dist[w] = dist[v] + 1;
      order.push_back(w);
    });
  }
  std::vector<std::pair<NodeIndex, int32_t>> out;
  out.reserve(order.size());
  for (NodeIndex v : order) out.emplace_back(v, dist[v]);
  return out;
}

}  // namespace

Result<std::vector<Neighbor>> Neighbors(const Snapshot& snapshot, std::string_view id, int depth,
                                        bool directed, const std::vector<std::string>& relations) {
  if (depth < 0) return Status::InvalidArgument("depth must be >= 0");
  auto start = snapshot.IndexOf(id);
  if (!start) return Status::NotFound("no node \"" + std::string(id) + "\" in the graph");
  const Impl& g = ImplOf(snapshot);
  const auto near = NeighborIndices(g, *start, depth, directed, MakeRelationMask(g, relations));
  std::vector<Neighbor> out;
  out.reserve(near.size());
  for (auto [v, hops] : near) out.push_back({g.id(v), hops});
  std::stable_sort(out.begin() + 1, out.end(), [](const Neighbor& a, const Neighbor& b) {
    return a.hops != b.hops ? a.hops < b.hops : a.id < b.id;
  });
  return out;
}

Result<GraphData> Neighborhood(const Snapshot& snapshot, std::string_view id, int depth,
                               bool directed, const std::vector<std::string>& relations) {
  if (depth < 0) return Status::InvalidArgument("depth must be >= 0");
  auto start = snapshot.IndexOf(id);
  if (!start) return Status::NotFound("no node \"" + std::string(id) + "\" in the graph");
  const Impl& g = ImplOf(snapshot);
  const RelationMask mask = MakeRelationMask(g, relations);
  // The members in Neighbors' order (centre, then hops, then id), by index:
  // no id lookup per member.
  auto near = NeighborIndices(g, *start, depth, directed, mask);
  std::stable_sort(near.begin() + 1, near.end(), [&](const auto& a, const auto& b) {
    return a.second != b.second ? a.second < b.second : g.id(a.first) < g.id(b.first);
  });
  std::unordered_map<NodeIndex, char> inside;
  inside.reserve(near.size() * 2);
  GraphData out;
  out.nodes.reserve(near.size());
  std::vector<NodeIndex> members;
  for (const auto& member : near) {
    const NodeIndex v = member.first;
    inside.emplace(v, 1);
    members.push_back(v);
    out.nodes.push_back(g.table.nodes[v]);
  }
  std::vector<EdgeIndex> edges;
  for (NodeIndex v : members) {
    for (uint32_t i = g.out.offsets[v]; i < g.out.offsets[v + 1]; ++i) {
      const EdgeIndex e = g.out.edges[i];
      if (mask.Allows(g.Rel(e)) && inside.count(g.out.other[i])) edges.push_back(e);
    }
  }
  std::sort(edges.begin(), edges.end());
  out.edges.reserve(edges.size());
  for (EdgeIndex e : edges) out.edges.push_back(g.table.MakeEdge(e));
  return out;
}

}  // namespace geokg
