#pragma once

// The graph module: an immutable in-memory snapshot of (a filtered part of)
// the store's graph, and the analyses run on it: shortest paths, ego graphs,
// rankings (degree, PageRank, betweenness), blocs (components, communities)
// and structural balance. docs/graph.md describes the algorithms, the edge
// weights and the signed view.
//
// Nodes and edges are addressed by dense indices (NodeIndex, EdgeIndex) into
// table().nodes and table().edges. The snapshot keeps its edges in columns
// (GraphTable: no string per edge); edge(e) builds an Edge on request.
// Adjacency is kept as flat lists of edge indices per node, so iterating the
// out- or in-edges of a node costs no allocation.
//
// Direction: an Edge points subject -> object. A *directed* traversal follows
// an edge from its subject to its object, and a symmetric edge
// (Edge::symmetric, e.g. "meets") in both directions. An *undirected*
// traversal follows every edge both ways. Parallel edges (several relations
// or intervals between the same two entities) are kept; paths are sequences
// of edges, so two paths over the same nodes by different relations differ.
//
// Polarity: the store keeps negated evidence out of its edges, so every edge
// of a snapshot is a positive statement. "Negative" in the balance analysis
// means conflictual (Goldstein < 0), not negated.
//
// Thread-safety: a Snapshot is immutable after Build; const methods and the
// free functions below may be called from several threads at once.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/model.h"
#include "geokg/status.h"
#include "geokg/store.h"

namespace geokg {

using NodeIndex = uint32_t;  // index into Snapshot::table().nodes
using EdgeIndex = uint32_t;  // index into Snapshot::table().edges

// Applies `filter` to graph data in memory with the same rules as
// Store::ReadGraph (as_of, since/until, relations, plover, kinds,
// min_evidence, min_confidence, include_ended). Keeps every node that is an
// end of a kept edge, plus (if `keep_isolated`) the nodes without any edge
// that pass `filter.kinds`.
GraphData FilterGraph(const GraphData& data, const GraphFilter& filter, bool keep_isolated = false);

// True if `edge` passes `filter` (the edge rules of FilterGraph, without kinds).
bool EdgeMatches(const Edge& edge, const GraphFilter& filter);

class Snapshot {
 public:
  // Indexes `data`. Fails with InvalidArgument if a node id is empty or
  // repeated, if an edge names an entity that is not in data.nodes, or if
  // there are 2^32 - 1 nodes or edges or more.
  static Result<Snapshot> Build(GraphData data);
  // The same from columns (nodes, edges and their order as given). Fails
  // with InvalidArgument as above, and if an edge's node, relation or string
  // index is out of range.
  static Result<Snapshot> Build(GraphTable table);
  // Reads store.ReadGraphTable(filter) and builds the snapshot from it.
  // Passes on the store's error.
  static Result<Snapshot> FromStore(Store& store, const GraphFilter& filter = {});

  Snapshot(Snapshot&&) noexcept;
  Snapshot& operator=(Snapshot&&) noexcept;
  ~Snapshot();

  size_t num_nodes() const;
  size_t num_edges() const;
  // The nodes and edges in columns. A snapshot built from GraphData interns
  // relations by (name, cameo, plover, goldstein, symmetric).
  const GraphTable& table() const;

  // The node with id `id`, or nullptr.
  const Entity* FindNode(std::string_view id) const;
  // The index of the node with id `id`, or nullopt.
  std::optional<NodeIndex> IndexOf(std::string_view id) const;

  // Requires n < num_nodes() / e < num_edges().
  const Entity& node(NodeIndex n) const;
  // Edge `e`, built from the columns (a copy: bind it to a value or a const
  // reference, do not keep its address).
  Edge edge(EdgeIndex e) const;
  // Cheap parts of edge(e), without building it.
  const std::string& relation(EdgeIndex e) const;
  bool symmetric(EdgeIndex e) const;
  NodeIndex source(EdgeIndex e) const;  // the subject's index
  NodeIndex target(EdgeIndex e) const;  // the object's index
  // The end of edge `e` that is not `from` (for a self-loop: `from`).
  NodeIndex Other(EdgeIndex e, NodeIndex from) const;

  // Edges whose subject is `n` / whose object is `n`, in data().edges order.
  // The spans stay valid as long as the snapshot.
  std::span<const EdgeIndex> OutEdges(NodeIndex n) const;
  std::span<const EdgeIndex> InEdges(NodeIndex n) const;

  // Whether a traversal may go from `from` over edge `e` (which must touch
  // `from`): always if undirected; if directed, when `from` is the subject or
  // the edge is symmetric.
  bool CanTraverse(EdgeIndex e, NodeIndex from, bool directed) const;

  struct Impl;

 private:
  friend const Impl& ImplOf(const Snapshot& snapshot);
  explicit Snapshot(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A subgraph of `snapshot` made of the given edges and their end nodes
// (nodes in first-seen order, edges deduplicated, in the given order).
GraphData Subgraph(const Snapshot& snapshot, const std::vector<EdgeIndex>& edges);

// ---------------------------------------------------------------- paths

struct PathOptions {
  // Follow edges subject -> object only (symmetric relations both ways).
  // Default: false (any direction).
  bool directed = false;
  enum class Weight {
    kHops,       // every edge costs 1 (default)
    kEvidence,   // 1 / evidence_count: better attested edges are shorter
    kGoldstein,  // 1 + (10 - goldstein) / 10, in [1, 3]: cooperation is shorter
    kConflict,   // 1 + (10 + goldstein) / 10, in [1, 3]: conflict is shorter
  };
  Weight weight = Weight::kHops;
  // At most this many edges per path; 0 = unlimited. Default: 0.
  int max_hops = 0;
  // Only edges of these relations; empty = all. Default: all.
  std::vector<std::string> relations;
  // AllShortestPaths returns at most this many paths. Default: 1000.
  size_t max_paths = 1000;
  // Only edges for which this returns true (on top of `relations`); empty =
  // every edge. Called on the calling thread, possibly more than once per
  // edge, only for edges a search reaches; it must not change its answer
  // during one call. Default: empty.
  std::function<bool(EdgeIndex)> edge_filter;
};

// "hops", "evidence", "goldstein", "conflict".
std::string_view ToString(PathOptions::Weight weight);
std::optional<PathOptions::Weight> ParseWeight(std::string_view text);

// The cost of traversing `edge` under `weight` (always > 0).
double EdgeCost(const Edge& edge, PathOptions::Weight weight);

struct Path {
  std::vector<std::string> nodes;  // entity ids, from the start to the end
  std::vector<EdgeIndex> edges;    // edges[i] joins nodes[i] and nodes[i + 1]
  double cost = 0.0;               // sum of EdgeCost over `edges` (hops: edges.size())
};

// A cheapest path from `from_id` to `to_id` (among equally cheap paths: one
// with the fewest hops; which one of those is deterministic but unspecified).
// A path from a node to itself has one node, no edges and cost 0. NotFound
// if an id is not a node of the snapshot or if no path satisfies `options`.
Result<Path> ShortestPath(const Snapshot& snapshot, std::string_view from_id,
                          std::string_view to_id, const PathOptions& options = {});

// Every cheapest path (costs equal within 1e-9 relative), at most
// options.max_paths of them, in lexicographic order of their edge indices.
// NotFound as for ShortestPath.
Result<std::vector<Path>> AllShortestPaths(const Snapshot& snapshot, std::string_view from_id,
                                           std::string_view to_id, const PathOptions& options = {});

// The `k` cheapest simple paths (no node twice), cheapest first, by Yen's
// algorithm. Fewer than k if there are not that many. InvalidArgument if
// k < 1; NotFound as for ShortestPath.
Result<std::vector<Path>> KShortestPaths(const Snapshot& snapshot, std::string_view from_id,
                                         std::string_view to_id, int k,
                                         const PathOptions& options = {});

// --------------------------------------------------------- neighbourhood

struct Neighbor {
  std::string id;
  int hops = 0;  // distance in edges from the centre (0 = the centre)
};

// The nodes within `depth` hops of `id` (the centre first, then by hops,
// then by id). `directed`: follow edges outwards only. `relations`: only
// these relations (empty = all). NotFound if `id` is not a node;
// InvalidArgument if depth < 0.
Result<std::vector<Neighbor>> Neighbors(const Snapshot& snapshot, std::string_view id, int depth,
                                        bool directed = false,
                                        const std::vector<std::string>& relations = {});

// The ego graph: the nodes within `depth` hops of `id` and every edge among
// them (networkx ego_graph), restricted to `relations` if not empty. Errors
// as for Neighbors.
Result<GraphData> Neighborhood(const Snapshot& snapshot, std::string_view id, int depth,
                               bool directed = false,
                               const std::vector<std::string>& relations = {});

// -------------------------------------------------------------- ranking

struct Score {
  std::string id;
  std::string name;
  double score = 0.0;
};

struct RankOptions {
  enum class Measure { kDegree, kPageRank, kBetweenness };
  Measure measure = Measure::kDegree;  // default: degree
  enum class Degree { kIn, kOut, kTotal };
  // Degree measure only: which edges count (a symmetric edge counts as in and
  // out at both ends). Default: total.
  Degree degree = Degree::kTotal;
  // PageRank and betweenness: follow direction (symmetric edges both ways).
  // false: treat every edge as undirected. Default: true.
  bool directed = true;
  // PageRank damping factor. Default: 0.85.
  double damping = 0.85;
  // PageRank: stop after this many iterations... Default: 100.
  int max_iterations = 100;
  // ...or when the L1 change of the rank vector falls below this. Default: 1e-10.
  double tolerance = 1e-10;
  // Betweenness: divide by the number of node pairs, as networkx's
  // normalized=True. Default: true.
  bool normalized = true;
  // Keep only the best `top` scores; 0 = all. Default: 0.
  size_t top = 0;
};

// "degree", "pagerank", "betweenness".
std::string_view ToString(RankOptions::Measure measure);
std::optional<RankOptions::Measure> ParseMeasure(std::string_view text);

// Scores every node by options.measure, highest first (ties by id).
//   degree:      number of edges at the node (parallel edges count; raw counts).
//   PageRank:    power iteration, dangling mass spread evenly; sums to 1.
//   betweenness: Brandes (boost::brandes_betweenness_centrality) on the
//                simple graph (parallel edges merged), as networkx computes it.
std::vector<Score> Rank(const Snapshot& snapshot, const RankOptions& options = {});

// ---------------------------------------------------------------- blocs

struct BlocOptions {
  enum class Method {
    kComponents,   // connected components, direction ignored (default)
    kCommunities,  // Louvain modularity (Blondel et al. 2008), deterministic order
  };
  Method method = Method::kComponents;
  // Only cooperative edges (sign +1, see EdgeSign) join nodes into a bloc.
  // Default: false (every edge).
  bool cooperative_only = false;
  // Leave out blocs with fewer members. Default: 1 (keep all).
  size_t min_size = 1;
  // Louvain: at most this many node-moving sweeps per level. Default: 100.
  int max_iterations = 100;
};

// "components", "communities".
std::string_view ToString(BlocOptions::Method method);
std::optional<BlocOptions::Method> ParseBlocMethod(std::string_view text);

struct Bloc {
  std::vector<std::string> members;  // entity ids, sorted
  int64_t internal_edges = 0;        // edges with both ends in the bloc
};

// Groups of nodes, largest first (ties by first member id).
std::vector<Bloc> Blocs(const Snapshot& snapshot, const BlocOptions& options = {});

// -------------------------------------------------------------- balance

// The sign of one edge in the signed view: +1 cooperative (Goldstein > 0, or
// Goldstein 0 and a cooperative PLOVER type such as SUPPORT, AID), -1
// conflictual (Goldstein < 0, or 0 and a conflictual PLOVER type such as
// SANCTION, ASSAULT), 0 neutral.
int EdgeSign(const Edge& edge);

// The sign of a pair of entities: the sign of the sum of EdgeSign over every
// edge between them in either direction (0: no tie, or they cancel out).
struct SignedTie {
  std::string a;  // a < b
  std::string b;
  int sign = 0;
  std::vector<EdgeIndex> edges;
};

struct Triad {
  std::array<std::string, 3> nodes;  // sorted ids
  std::array<int, 3> signs{};        // ties nodes[0]-nodes[1], nodes[1]-nodes[2], nodes[0]-nodes[2]
  bool balanced = false;             // product of the signs > 0 (+++ or +--)
};

// "The enemy of my enemy": a and c are both in conflict with b.
struct EnemyOfEnemy {
  std::string a;  // a < c
  std::string b;  // the common enemy
  std::string c;
  int a_c_sign = 0;  // +1: they cooperate (balanced), 0: no tie between them
};

struct BalanceOptions {
  // Stop listing triads / enemy-of-enemy triples after this many (the counts
  // and the ratio still cover all of them). Default: 10000.
  size_t max_listed = 10000;
};

struct BalanceReport {
  std::vector<SignedTie> ties;  // every pair with sign != 0
  std::vector<Triad> triads;    // closed triangles of signed ties
  std::vector<EnemyOfEnemy> enemy_of_enemy;
  int64_t positive_ties = 0;
  int64_t negative_ties = 0;
  int64_t triad_count = 0;  // all closed triads (also those not listed)
  int64_t balanced_count = 0;
  int64_t enemy_of_enemy_count = 0;
  // balanced_count / triad_count; 1 if there is no triad.
  double balance_ratio = 1.0;
};

BalanceReport Balance(const Snapshot& snapshot, const BalanceOptions& options = {});

}  // namespace geokg
