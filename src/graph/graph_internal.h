#pragma once

// Private to src/graph: the snapshot's index layout and helpers shared by the
// algorithm files.

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/huge_pages.h"
#include "geokg/graph.h"

namespace geokg {

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

// Distinct strings numbered 0, 1, ... in insertion order, found by content.
// The strings are copied into one contiguous pool and looked up through an
// open-addressing table of (hash tag, number): a lookup touches two compact
// arrays, where an unordered_map of string_views touches a heap node per
// entry and the caller's scattered strings (hashing each one it passes in
// a bucket chain). Building a snapshot from GraphData does millions of them.
class StringIndex {
 public:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  // Room for `n` strings of `chars` characters in all, without rehashing.
  void Reserve(size_t n, size_t chars);
  // The number of `s`; a new string gets number size(). `fresh` is true if
  // `s` was new.
  struct Inserted {
    uint32_t number;
    bool fresh;
  };
  Inserted Insert(std::string_view s);
  // The number of `s`, or kNone.
  uint32_t Find(std::string_view s) const { return Find(s, Hash(s)); }
  // The same with h = Hash(s).
  uint32_t Find(std::string_view s, uint64_t h) const {
    if (slots_.empty()) return kNone;
    const uint64_t tag = h >> 32;
    for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return kNone;
      const auto number = static_cast<uint32_t>(slot) - 1;
      if ((slot >> 32) == tag && Get(number) == s) return number;
    }
  }
  // Starts loading the table entry where the search for a string of hash
  // `h` begins (bulk lookups prefetch a few strings ahead).
  void Prefetch(uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
  }
  // A 64-bit hash: eight bytes at a time (the last chunk overlapping the
  // one before), each mixed in by a multiplication, then a splitmix64
  // avalanche. Ids and dates are short: a few multiplications per string.
  static uint64_t Hash(std::string_view s) {
    constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
    const char* p = s.data();
    const size_t n = s.size();
    uint64_t h = n * kMul;
    auto mix = [&h](uint64_t w) { h = std::rotl((h ^ w) * kMul, 29); };
    auto load = [](const char* q, auto word) {
      std::memcpy(&word, q, sizeof word);
      return uint64_t{word};
    };
    if (n >= 8) {
      const char* last = p + n - 8;
      for (; p < last; p += 8) mix(load(p, uint64_t{}));
      mix(load(last, uint64_t{}));
    } else if (n >= 4) {
      mix(load(p, uint32_t{}) << 32 | load(p + n - 4, uint32_t{}));
    } else if (n > 0) {
      mix(uint64_t{static_cast<unsigned char>(p[0])} << 16 |
          uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
          static_cast<unsigned char>(p[n - 1]));
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
  }
  size_t size() const { return ends_.size() - 1; }
  std::string_view Get(uint32_t number) const {
    return {pool_.data() + ends_[number], ends_[number + 1] - ends_[number]};
  }

 private:
  void Rehash(size_t capacity);

  std::string pool_;
  std::vector<size_t> ends_{0};  // string i is pool_[ends_[i], ends_[i + 1])
  std::vector<uint64_t> slots_;  // (tag << 32) | (number + 1); 0 = empty
  uint64_t mask_ = 0;
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
  // it) a binary search, else this index (numbers = node indices).
  bool sorted_ids = false;
  StringIndex index;
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
