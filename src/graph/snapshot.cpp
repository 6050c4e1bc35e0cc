// Snapshot: indexes GraphData into flat CSR adjacency lists of edge indices.

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <unordered_set>
#include <utility>

#include "geokg/graph.h"

#include "graph_internal.h"

namespace geokg {

namespace {

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Builds a CSR over `n` nodes keyed by each edge's source (`by_source`) or
// target (counting sort, so each node's list is in edge index order).
Csr MakeCsr(size_t n, const BigVector<Snapshot::Impl::CompactEdge>& edges, bool by_source) {
  Csr csr;
  csr.offsets.assign(n + 1, 0);
  for (const auto& e : edges) ++csr.offsets[(by_source ? e.src : e.dst) + 1];
  for (size_t i = 0; i < n; ++i) csr.offsets[i + 1] += csr.offsets[i];
  ResizeHuge(csr.edges, edges.size());
  ResizeHuge(csr.other, edges.size());
  std::vector<uint32_t> next(csr.offsets.begin(), csr.offsets.end() - 1);
  for (size_t i = 0; i < edges.size(); ++i) {
    const auto& e = edges[i];
    const uint32_t at = next[by_source ? e.src : e.dst]++;
    csr.edges[at] = static_cast<EdgeIndex>(i);
    csr.other[at] = by_source ? e.dst : e.src;
  }
  return csr;
}

}  // namespace

void StringIndex::Rehash(size_t capacity) {
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (uint32_t number = 0; number < size(); ++number) {
    const uint64_t h = Hash(Get(number));
    uint64_t i = h & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = (h >> 32 << 32) | (uint64_t{number} + 1);
  }
}

void StringIndex::Reserve(size_t n, size_t chars) {
  pool_.reserve(chars);
  ends_.reserve(n + 1);
  // At most half full: linear probing stays short.
  const size_t capacity = std::bit_ceil(std::max<size_t>(16, 2 * n));
  if (capacity > slots_.size()) Rehash(capacity);
}

StringIndex::Inserted StringIndex::Insert(std::string_view s) {
  if (2 * (size() + 1) > slots_.size()) Rehash(std::max<size_t>(16, 2 * slots_.size()));
  const uint64_t h = Hash(s);
  const uint64_t tag = h >> 32;
  uint64_t i = h & mask_;
  for (; slots_[i] != 0; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    const auto number = static_cast<uint32_t>(slot) - 1;
    if ((slot >> 32) == tag && Get(number) == s) return {number, false};
  }
  const auto number = static_cast<uint32_t>(size());
  slots_[i] = (tag << 32) | (uint64_t{number} + 1);
  pool_.append(s);
  ends_.push_back(pool_.size());
  return {number, true};
}

bool EdgeMatches(const Edge& edge, const GraphFilter& filter) {
  if (!filter.as_of.empty()) {
    // As the store: events happened by then; lasting relations valid then.
    // ISO dates of any precision compare as strings.
    if (edge.status == "event") {
      if (edge.first_seen > filter.as_of) return false;
    } else {
      const std::string& start = edge.valid_from.empty() ? edge.first_seen : edge.valid_from;
      if (start > filter.as_of) return false;
      if (!edge.valid_to.empty() && edge.valid_to <= filter.as_of) return false;
    }
  }
  if (!filter.since.empty() && edge.last_seen < filter.since) return false;
  if (!filter.until.empty() && !edge.first_seen.empty() && edge.first_seen > filter.until) {
    return false;
  }
  if (!filter.relations.empty() && !Contains(filter.relations, edge.relation)) return false;
  if (!filter.plover.empty() && !Contains(filter.plover, edge.plover)) return false;
  if (edge.evidence_count < filter.min_evidence) return false;
  if (edge.confidence < filter.min_confidence) return false;
  if (!filter.include_ended && edge.status == "ended") return false;
  return true;
}

GraphData FilterGraph(const GraphData& data, const GraphFilter& filter, bool keep_isolated) {
  std::unordered_map<std::string_view, const Entity*, StringViewHash> by_id;
  by_id.reserve(data.nodes.size());
  for (const Entity& n : data.nodes) by_id.emplace(n.id, &n);
  auto kind_ok = [&](const std::string& id) {
    if (filter.kinds.empty()) return true;
    auto it = by_id.find(id);
    if (it == by_id.end()) return false;
    return std::find(filter.kinds.begin(), filter.kinds.end(), it->second->kind) !=
           filter.kinds.end();
  };
  GraphData out;
  std::unordered_set<std::string_view, StringViewHash> used;
  for (const Edge& e : data.edges) {
    if (!EdgeMatches(e, filter) || !kind_ok(e.subject) || !kind_ok(e.object)) continue;
    out.edges.push_back(e);
    used.insert(e.subject);
    used.insert(e.object);
  }
  for (const Entity& n : data.nodes) {
    if (used.count(n.id) || (keep_isolated && kind_ok(n.id))) out.nodes.push_back(n);
  }
  return out;
}

Snapshot::Snapshot(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;
Snapshot::~Snapshot() = default;

namespace {

constexpr size_t kLimit = std::numeric_limits<uint32_t>::max();

// Indexes the node ids of impl->table.nodes: nothing to build if they are
// strictly sorted and `allow_sorted` (lookups by binary search), else a StringIndex.
Status IndexNodes(Snapshot::Impl* impl, bool allow_sorted) {
  const auto& nodes = impl->table.nodes;
  if (allow_sorted) {
    bool sorted = true;
    for (size_t i = 0; i < nodes.size() && sorted; ++i) {
      sorted = i == 0 || nodes[i - 1].id < nodes[i].id;
    }
    if (sorted && (nodes.empty() || !nodes.front().id.empty())) {
      impl->sorted_ids = true;
      return Status::OK();
    }
  }
  size_t chars = 0;
  for (const Entity& node : nodes) chars += node.id.size();
  impl->index.Reserve(nodes.size(), chars);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const std::string& id = nodes[i].id;
    if (id.empty()) return Status::InvalidArgument("node " + std::to_string(i) + " has no id");
    if (!impl->index.Insert(id).fresh) {
      return Status::InvalidArgument("node id \"" + id + "\" appears twice");
    }
  }
  return Status::OK();
}

// Fills the per-relation arrays and the adjacency from impl->table (checked).
void IndexEdges(Snapshot::Impl* impl) {
  Snapshot::Impl& g = *impl;
  const GraphTable& t = g.table;
  for (const GraphTable::Relation& r : t.relations) {
    g.rel_symmetric.push_back(r.symmetric ? 1 : 0);
    g.rel_goldstein.push_back(static_cast<float>(r.goldstein));
  }
  const size_t m = t.edges.size();
  ResizeHuge(g.compact, m);
  for (size_t e = 0; e < m; ++e) {
    const GraphTable::EdgeRow& row = t.edges[e];
    const bool fits =
        row.evidence_count >= 0 && row.evidence_count < Snapshot::Impl::kEvidenceSaturated;
    g.compact[e] = {
        row.subject, row.object, row.relation,
        fits ? static_cast<uint32_t>(row.evidence_count) : Snapshot::Impl::kEvidenceSaturated};
  }
  g.out = MakeCsr(t.nodes.size(), g.compact, true);
  g.in = MakeCsr(t.nodes.size(), g.compact, false);
}

std::string EdgeText(const Edge& edge) {
  return "edge " + std::to_string(edge.id) + " (" + edge.subject + " " + edge.relation + " " +
         edge.object + ")";
}

bool SameRelation(const GraphTable::Relation& r, const Edge& edge) {
  return r.name == edge.relation && r.cameo == edge.cameo && r.plover == edge.plover &&
         r.symmetric == edge.symmetric &&
         std::bit_cast<uint64_t>(r.goldstein) == std::bit_cast<uint64_t>(edge.goldstein);
}

// Strings of GraphData edges (dates, statuses) as indices into t.strings,
// whose numbering the index mirrors.
struct Interner {
  StringIndex index;
  std::vector<std::string>* strings = nullptr;
  uint32_t Intern(const std::string& s) {
    const StringIndex::Inserted in = index.Insert(s);
    if (in.fresh) strings->push_back(s);
    return in.number;
  }
};

// Fills impl->table.edges (and its relations and strings) from `edges`,
// whose ends must be nodes of impl->table, indexed in impl->index. The rows
// come out as Store::ReadGraphTable would give them, so the rest of the
// build is the one of Build(GraphTable).
Status AddEdgeRows(const std::vector<Edge>& edges, Snapshot::Impl* impl) {
  GraphTable& t = impl->table;
  const StringIndex& nodes = impl->index;
  const size_t m = edges.size();
  // Each row is written once, in order: no zeroing pass over the array.
  t.edges.reserve(m);
  PreferHugePages(t.edges.data(), m * sizeof(GraphTable::EdgeRow));
  t.strings.emplace_back();
  Interner strings{{}, &t.strings};
  strings.index.Insert("");
  // Relations by name; a name with several (cameo, plover, goldstein,
  // symmetric) variants gets one relation per variant.
  StringIndex relation_names;
  std::vector<std::vector<uint32_t>> variants;  // by name number
  // GraphData from the store is ordered by subject: remember the last one.
  std::string_view last_subject;
  NodeIndex last_subject_index = 0;
  uint32_t last_rel = kLimit, last_status = 0;
  // Node lookups miss the cache (random ids in a table of megabytes): hash
  // the ends of an edge a few edges ahead and start loading their entries.
  constexpr size_t kAhead = 8;
  std::array<uint64_t, kAhead> subject_hash{}, object_hash{};
  auto hash_ahead = [&](size_t e) {
    subject_hash[e % kAhead] = StringIndex::Hash(edges[e].subject);
    object_hash[e % kAhead] = StringIndex::Hash(edges[e].object);
    nodes.Prefetch(subject_hash[e % kAhead]);
    nodes.Prefetch(object_hash[e % kAhead]);
  };
  for (size_t e = 0; e < std::min(m, kAhead); ++e) hash_ahead(e);
  for (size_t e = 0; e < m; ++e) {
    const Edge& edge = edges[e];
    const uint64_t s_hash = subject_hash[e % kAhead], o_hash = object_hash[e % kAhead];
    if (e + kAhead < m) hash_ahead(e + kAhead);
    if (e == 0 || edge.subject != last_subject) {
      const uint32_t s = nodes.Find(edge.subject, s_hash);
      if (s == StringIndex::kNone) {
        return Status::InvalidArgument(EdgeText(edge) + " names entity \"" + edge.subject +
                                       "\" that is not a node");
      }
      last_subject = edge.subject;
      last_subject_index = s;
    }
    const uint32_t o = nodes.Find(edge.object, o_hash);
    if (o == StringIndex::kNone) {
      return Status::InvalidArgument(EdgeText(edge) + " names entity \"" + edge.object +
                                     "\" that is not a node");
    }
    uint32_t rel = kLimit;
    if (last_rel != kLimit && SameRelation(t.relations[last_rel], edge)) rel = last_rel;
    if (rel == kLimit) {
      const StringIndex::Inserted name = relation_names.Insert(edge.relation);
      if (name.fresh) variants.emplace_back();
      for (uint32_t r : variants[name.number]) {
        if (SameRelation(t.relations[r], edge)) {
          rel = r;
          break;
        }
      }
      if (rel == kLimit) {
        rel = static_cast<uint32_t>(t.relations.size());
        t.relations.push_back(
            {edge.relation, edge.cameo, edge.plover, edge.goldstein, edge.symmetric});
        variants[name.number].push_back(rel);
      }
    }
    last_rel = rel;
    GraphTable::EdgeRow row;
    row.id = edge.id;
    row.subject = last_subject_index;
    row.object = o;
    row.relation = rel;
    // Most edges repeat a date (events: valid_from = first_seen) and take
    // one of three statuses: compare before hashing.
    row.first_seen = strings.Intern(edge.first_seen);
    row.last_seen =
        edge.last_seen == edge.first_seen ? row.first_seen : strings.Intern(edge.last_seen);
    row.valid_from =
        edge.valid_from == edge.first_seen ? row.first_seen : strings.Intern(edge.valid_from);
    row.valid_to = edge.valid_to.empty() ? 0 : strings.Intern(edge.valid_to);
    if (e == 0 || edge.status != edges[e - 1].status) last_status = strings.Intern(edge.status);
    row.status = last_status;
    row.evidence_count = edge.evidence_count;
    row.source_count = edge.source_count;
    row.confidence = edge.confidence;
    t.edges.push_back(row);
  }
  return Status::OK();
}

}  // namespace

Result<Snapshot> Snapshot::Build(GraphData data) {
  if (data.nodes.size() >= kLimit || data.edges.size() >= kLimit) {
    return Status::InvalidArgument("graph too large for a snapshot (2^32 - 1 nodes or edges)");
  }
  auto impl = std::make_unique<Impl>();
  impl->table.nodes = std::move(data.nodes);
  // Edges name their ends by id: a hash lookup per edge, so always the index.
  if (Status s = IndexNodes(impl.get(), false); !s.ok()) return s;
  if (Status s = AddEdgeRows(data.edges, impl.get()); !s.ok()) return s;
  IndexEdges(impl.get());
  return Snapshot(std::move(impl));
}

Result<Snapshot> Snapshot::Build(GraphTable table) {
  if (table.nodes.size() >= kLimit || table.edges.size() >= kLimit) {
    return Status::InvalidArgument("graph too large for a snapshot (2^32 - 1 nodes or edges)");
  }
  auto impl = std::make_unique<Impl>();
  impl->table = std::move(table);
  if (Status s = IndexNodes(impl.get(), true); !s.ok()) return s;
  const GraphTable& t = impl->table;
  const size_t n = t.nodes.size(), r = t.relations.size(), k = t.strings.size();
  for (size_t e = 0; e < t.edges.size(); ++e) {
    const GraphTable::EdgeRow& row = t.edges[e];
    if (row.subject >= n || row.object >= n || row.relation >= r || row.first_seen >= k ||
        row.last_seen >= k || row.valid_from >= k || row.valid_to >= k || row.status >= k) {
      return Status::InvalidArgument("edge " + std::to_string(row.id) + " (row " +
                                     std::to_string(e) + ") has an index out of range");
    }
  }
  IndexEdges(impl.get());
  return Snapshot(std::move(impl));
}

Result<Snapshot> Snapshot::FromStore(Store& store, const GraphFilter& filter) {
  auto table = store.ReadGraphTable(filter);
  if (!table.ok()) return table.status();
  return Build(std::move(table).value());
}

size_t Snapshot::num_nodes() const { return impl_->table.nodes.size(); }
size_t Snapshot::num_edges() const { return impl_->table.edges.size(); }
const GraphTable& Snapshot::table() const { return impl_->table; }

NodeIndex Snapshot::Impl::Find(std::string_view id) const {
  if (sorted_ids) {
    const auto& nodes = table.nodes;
    auto it = std::lower_bound(nodes.begin(), nodes.end(), id,
                               [](const Entity& n, std::string_view key) { return n.id < key; });
    return it != nodes.end() && it->id == id ? static_cast<NodeIndex>(it - nodes.begin()) : kNoNode;
  }
  static_assert(StringIndex::kNone == kNoNode);
  return index.Find(id);
}

const Entity* Snapshot::FindNode(std::string_view id) const {
  const NodeIndex n = impl_->Find(id);
  return n == Impl::kNoNode ? nullptr : &impl_->table.nodes[n];
}

std::optional<NodeIndex> Snapshot::IndexOf(std::string_view id) const {
  const NodeIndex n = impl_->Find(id);
  if (n == Impl::kNoNode) return std::nullopt;
  return n;
}

const Entity& Snapshot::node(NodeIndex n) const { return impl_->table.nodes[n]; }
Edge Snapshot::edge(EdgeIndex e) const { return impl_->table.MakeEdge(e); }
const std::string& Snapshot::relation(EdgeIndex e) const {
  return impl_->table.relations[impl_->Rel(e)].name;
}
bool Snapshot::symmetric(EdgeIndex e) const { return impl_->Sym(e) != 0; }
NodeIndex Snapshot::source(EdgeIndex e) const { return impl_->Src(e); }
NodeIndex Snapshot::target(EdgeIndex e) const { return impl_->Dst(e); }

NodeIndex Snapshot::Other(EdgeIndex e, NodeIndex from) const {
  return impl_->Src(e) == from ? impl_->Dst(e) : impl_->Src(e);
}

std::span<const EdgeIndex> Snapshot::OutEdges(NodeIndex n) const {
  const Csr& c = impl_->out;
  return {c.edges.data() + c.offsets[n], c.offsets[n + 1] - c.offsets[n]};
}

std::span<const EdgeIndex> Snapshot::InEdges(NodeIndex n) const {
  const Csr& c = impl_->in;
  return {c.edges.data() + c.offsets[n], c.offsets[n + 1] - c.offsets[n]};
}

bool Snapshot::CanTraverse(EdgeIndex e, NodeIndex from, bool directed) const {
  return !directed || impl_->Src(e) == from || impl_->Sym(e);
}

const Snapshot::Impl& ImplOf(const Snapshot& snapshot) { return *snapshot.impl_; }

RelationMask MakeRelationMask(const Snapshot::Impl& g, const std::vector<std::string>& relations) {
  RelationMask mask;
  if (relations.empty()) return mask;
  mask.all = false;
  mask.allowed.assign(g.table.relations.size(), 0);
  for (size_t r = 0; r < g.table.relations.size(); ++r) {
    if (Contains(relations, g.table.relations[r].name)) mask.allowed[r] = 1;
  }
  return mask;
}

GraphData Subgraph(const Snapshot& snapshot, const std::vector<EdgeIndex>& edges) {
  GraphData out;
  std::unordered_set<EdgeIndex> seen_edges;
  std::unordered_set<NodeIndex> seen_nodes;
  auto add_node = [&](NodeIndex n) {
    if (seen_nodes.insert(n).second) out.nodes.push_back(snapshot.node(n));
  };
  for (EdgeIndex e : edges) {
    if (e >= snapshot.num_edges() || !seen_edges.insert(e).second) continue;
    add_node(snapshot.source(e));
    add_node(snapshot.target(e));
    out.edges.push_back(snapshot.edge(e));
  }
  return out;
}

}  // namespace geokg
