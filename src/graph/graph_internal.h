#pragma once

// Private to src/graph: the snapshot's index layout and helpers shared by the
// algorithm files.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/graph.h"

namespace geokg {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Compressed sparse row adjacency: the edges of node n are
// edges[offsets[n] .. offsets[n + 1]), sorted by edge index.
struct Csr {
  std::vector<uint32_t> offsets;
  std::vector<EdgeIndex> edges;
};

struct Snapshot::Impl {
  GraphData data;
  // Keys view into data.nodes[i].id; the Impl is heap-held and never moved.
  std::unordered_map<std::string_view, NodeIndex, StringViewHash> index;
  std::vector<NodeIndex> src;   // per edge: subject index
  std::vector<NodeIndex> dst;   // per edge: object index
  std::vector<uint16_t> rel;    // per edge: relation id
  std::vector<char> symmetric;  // per edge: Edge::symmetric
  // Per edge, compact copies of what path weights read (an Edge is a few
  // hundred bytes; searches touch millions of them).
  std::vector<float> goldstein;
  std::vector<uint32_t> evidence;
  std::vector<std::string> relation_names;  // relation id -> name
  Csr out;
  Csr in;
};

const Snapshot::Impl& ImplOf(const Snapshot& snapshot);

// EdgeCost of edge `e` from the compact arrays.
double CompactEdgeCost(const Snapshot::Impl& g, EdgeIndex e, PathOptions::Weight weight);

// Relation ids allowed by a list of names: empty list -> all allowed.
// Unknown names are simply absent (so a filter on them matches nothing).
struct RelationMask {
  bool all = true;
  std::vector<char> allowed;  // by relation id
  bool Allows(uint16_t rel) const { return all || (rel < allowed.size() && allowed[rel]); }
};
RelationMask MakeRelationMask(const Snapshot::Impl& g, const std::vector<std::string>& relations);

// Calls fn(edge, neighbour) for every edge a traversal may take from `v`:
// outwards (forward = true) or, for searches from the target, inwards.
template <typename Fn>
inline void ForEachStep(const Snapshot::Impl& g, NodeIndex v, bool directed, bool forward,
                        const RelationMask& mask, Fn&& fn) {
  const Csr& primary = forward ? g.out : g.in;
  const Csr& secondary = forward ? g.in : g.out;
  for (uint32_t i = primary.offsets[v]; i < primary.offsets[v + 1]; ++i) {
    EdgeIndex e = primary.edges[i];
    if (!mask.Allows(g.rel[e])) continue;
    fn(e, forward ? g.dst[e] : g.src[e]);
  }
  for (uint32_t i = secondary.offsets[v]; i < secondary.offsets[v + 1]; ++i) {
    EdgeIndex e = secondary.edges[i];
    if (directed && !g.symmetric[e]) continue;
    if (g.src[e] == g.dst[e]) continue;  // a self-loop was already listed once
    if (!mask.Allows(g.rel[e])) continue;
    fn(e, forward ? g.src[e] : g.dst[e]);
  }
}

}  // namespace geokg
