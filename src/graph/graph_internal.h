#pragma once

// Private to src/graph: the snapshot's index layout and helpers shared by the
// algorithm files.

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/graph.h"

namespace geokg {

// Asks the kernel to back a large buffer that is about to be written with
// huge pages (first-touch faults of 4 KiB pages dominate building big
// arrays). A hint only.
inline void PreferHugePages(const void* data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  if (bytes < 2 * kHuge) return;
  const auto begin = reinterpret_cast<uintptr_t>(data);
  const uintptr_t lo = (begin + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t hi = (begin + bytes) & ~(kHuge - 1);
  if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

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
  GraphTable table;
  // Keys view into table.nodes[i].id; the Impl is heap-held and never moved.
  std::unordered_map<std::string_view, NodeIndex, StringViewHash> index;
  // Per relation: what traversals and path weights read.
  std::vector<char> rel_symmetric;
  std::vector<float> rel_goldstein;
  Csr out;
  Csr in;

  size_t num_nodes() const { return table.nodes.size(); }
  size_t num_edges() const { return table.edges.size(); }
  const std::string& id(NodeIndex n) const { return table.nodes[n].id; }
  // Per edge (one row holds them all: one cache line per edge visited).
  NodeIndex Src(EdgeIndex e) const { return table.edges[e].subject; }
  NodeIndex Dst(EdgeIndex e) const { return table.edges[e].object; }
  uint32_t Rel(EdgeIndex e) const { return table.edges[e].relation; }
  bool Sym(EdgeIndex e) const { return rel_symmetric[Rel(e)] != 0; }
  float Goldstein(EdgeIndex e) const { return rel_goldstein[Rel(e)]; }
  int64_t Evidence(EdgeIndex e) const { return table.edges[e].evidence_count; }
};

const Snapshot::Impl& ImplOf(const Snapshot& snapshot);

// EdgeCost of edge `e` from the compact arrays.
double CompactEdgeCost(const Snapshot::Impl& g, EdgeIndex e, PathOptions::Weight weight);

// Relation ids allowed by a list of names: empty list -> all allowed.
// Unknown names are simply absent (so a filter on them matches nothing).
struct RelationMask {
  bool all = true;
  std::vector<char> allowed;  // by relation id
  bool Allows(uint32_t rel) const { return all || (rel < allowed.size() && allowed[rel]); }
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
    if (!mask.Allows(g.Rel(e))) continue;
    fn(e, forward ? g.Dst(e) : g.Src(e));
  }
  for (uint32_t i = secondary.offsets[v]; i < secondary.offsets[v + 1]; ++i) {
    EdgeIndex e = secondary.edges[i];
    if (directed && !g.Sym(e)) continue;
    if (g.Src(e) == g.Dst(e)) continue;  // a self-loop was already listed once
    if (!mask.Allows(g.Rel(e))) continue;
    fn(e, forward ? g.Src(e) : g.Dst(e));
  }
}

}  // namespace geokg
