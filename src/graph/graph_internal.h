#pragma once

// Private to src/graph: the snapshot's index layout and helpers shared by the
// algorithm files.

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "geokg/graph.h"

namespace geokg {

// Asks the kernel to back a large buffer that is about to be written with
// huge pages (first-touch faults of 4 KiB pages dominate building big
// arrays). A hint only.
inline void PreferHugePages(const void* data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  if (bytes < kHuge) return;
  const auto begin = reinterpret_cast<uintptr_t>(data);
  const uintptr_t lo = (begin + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t hi = (begin + bytes) & ~(kHuge - 1);
  if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

// An allocator that leaves trivial elements uninitialised on resize: the
// big per-edge arrays below are written in full right after, and zeroing
// them first cost a pass over tens of megabytes per snapshot.
template <typename T>
struct NoInitAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = NoInitAllocator<U>;
  };
  NoInitAllocator() = default;
  template <typename U>
  NoInitAllocator(const NoInitAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(p)) U;
    } else {
      ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
  }
};
template <typename T>
using BigVector = std::vector<T, NoInitAllocator<T>>;

// Sizes `v` to `n` elements, asking for huge pages before the first touch.
template <typename V>
void ResizeHuge(V& v, size_t n) {
  using T = typename V::value_type;
  v.reserve(n);
  PreferHugePages(v.data(), n * sizeof(T));
  v.resize(n);
}

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Compressed sparse row adjacency: the edges of node n are
// edges[offsets[n] .. offsets[n + 1]), sorted by edge index; other[i] is the
// far end of edges[i] (the object in `out`, the subject in `in`), so a
// traversal reads its lists sequentially and touches no per-edge row.
struct Csr {
  std::vector<uint32_t> offsets;
  BigVector<EdgeIndex> edges;
  BigVector<NodeIndex> other;
};

struct Snapshot::Impl {
  GraphTable table;
  // Node ids: when table.nodes is strictly sorted by id (as the store reads
  // it) a binary search, else this map, whose keys view into
  // table.nodes[i].id (the Impl is heap-held and never moved).
  bool sorted_ids = false;
  std::unordered_map<std::string_view, NodeIndex, StringViewHash> index;
  static constexpr NodeIndex kNoNode = std::numeric_limits<NodeIndex>::max();
  NodeIndex Find(std::string_view id) const;
  // Per relation: what traversals and path weights read.
  std::vector<char> rel_symmetric;
  std::vector<float> rel_goldstein;
  // Per edge, a compact copy of the columns the algorithms read (the 64-byte
  // rows of `table` stay for properties): ends, relation, and the evidence
  // count saturated at kEvidenceSaturated (then read from the row).
  static constexpr uint32_t kEvidenceSaturated = std::numeric_limits<uint32_t>::max();
  struct CompactEdge {
    NodeIndex src;
    NodeIndex dst;
    uint32_t rel;
    uint32_t evidence;
  };
  BigVector<CompactEdge> compact;
  Csr out;
  Csr in;

  size_t num_nodes() const { return table.nodes.size(); }
  size_t num_edges() const { return table.edges.size(); }
  const std::string& id(NodeIndex n) const { return table.nodes[n].id; }
  NodeIndex Src(EdgeIndex e) const { return compact[e].src; }
  NodeIndex Dst(EdgeIndex e) const { return compact[e].dst; }
  uint32_t Rel(EdgeIndex e) const { return compact[e].rel; }
  bool Sym(EdgeIndex e) const { return rel_symmetric[Rel(e)] != 0; }
  float Goldstein(EdgeIndex e) const { return rel_goldstein[Rel(e)]; }
  int64_t Evidence(EdgeIndex e) const {
    const uint32_t v = compact[e].evidence;
    return v != kEvidenceSaturated ? int64_t{v} : table.edges[e].evidence_count;
  }
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
    const EdgeIndex e = primary.edges[i];
    if (!mask.all && !mask.Allows(g.Rel(e))) continue;
    fn(e, primary.other[i]);
  }
  for (uint32_t i = secondary.offsets[v]; i < secondary.offsets[v + 1]; ++i) {
    const EdgeIndex e = secondary.edges[i];
    const NodeIndex w = secondary.other[i];
    if (w == v) continue;  // a self-loop was already listed once
    if (directed && !g.Sym(e)) continue;
    if (!mask.all && !mask.Allows(g.Rel(e))) continue;
    fn(e, w);
  }
}

}  // namespace geokg
