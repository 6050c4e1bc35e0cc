// Snapshot: indexes GraphData into flat CSR adjacency lists of edge indices.

#include <algorithm>
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

// Builds a CSR over `n` nodes from the per-edge node `keys` (counting sort, so
// each node's list is in edge index order).
Csr MakeCsr(size_t n, const std::vector<NodeIndex>& keys) {
  Csr csr;
  csr.offsets.assign(n + 1, 0);
  for (NodeIndex k : keys) ++csr.offsets[k + 1];
  for (size_t i = 0; i < n; ++i) csr.offsets[i + 1] += csr.offsets[i];
  csr.edges.resize(keys.size());
  std::vector<uint32_t> next(csr.offsets.begin(), csr.offsets.end() - 1);
  for (size_t e = 0; e < keys.size(); ++e) csr.edges[next[keys[e]]++] = static_cast<EdgeIndex>(e);
  return csr;
}

}  // namespace

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

Result<Snapshot> Snapshot::Build(GraphData data) {
  constexpr size_t kLimit = std::numeric_limits<uint32_t>::max();
  if (data.nodes.size() >= kLimit || data.edges.size() >= kLimit) {
    return Status::InvalidArgument("graph too large for a snapshot (2^32 - 1 nodes or edges)");
  }
  auto impl = std::make_unique<Impl>();
  impl->data = std::move(data);
  Impl& g = *impl;
  const size_t n = g.data.nodes.size();
  const size_t m = g.data.edges.size();
  g.index.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& id = g.data.nodes[i].id;
    if (id.empty()) return Status::InvalidArgument("node " + std::to_string(i) + " has no id");
    if (!g.index.emplace(id, static_cast<NodeIndex>(i)).second) {
      return Status::InvalidArgument("node id \"" + id + "\" appears twice");
    }
  }
  g.src.resize(m);
  g.dst.resize(m);
  g.rel.resize(m);
  g.symmetric.resize(m);
  g.goldstein.resize(m);
  g.evidence.resize(m);
  std::unordered_map<std::string_view, uint16_t, StringViewHash> rel_ids;
  // The store returns edges ordered by subject: remember the last one.
  std::string_view last_subject;
  NodeIndex last_subject_index = 0;
  for (size_t e = 0; e < m; ++e) {
    const Edge& edge = g.data.edges[e];
    if (e == 0 || edge.subject != last_subject) {
      auto s = g.index.find(edge.subject);
      if (s == g.index.end()) {
        return Status::InvalidArgument(
            "edge " + std::to_string(edge.id) + " (" + edge.subject + " " + edge.relation + " " +
            edge.object + ") names entity \"" + edge.subject + "\" that is not a node");
      }
      last_subject = edge.subject;
      last_subject_index = s->second;
    }
    auto o = g.index.find(edge.object);
    if (o == g.index.end()) {
      return Status::InvalidArgument("edge " + std::to_string(edge.id) + " (" + edge.subject + " " +
                                     edge.relation + " " + edge.object + ") names entity \"" +
                                     edge.object + "\" that is not a node");
    }
    g.src[e] = last_subject_index;
    g.dst[e] = o->second;
    g.symmetric[e] = edge.symmetric ? 1 : 0;
    g.goldstein[e] = static_cast<float>(edge.goldstein);
    g.evidence[e] = static_cast<uint32_t>(
        std::clamp<int64_t>(edge.evidence_count, 0, std::numeric_limits<uint32_t>::max()));
    auto r = rel_ids.find(edge.relation);
    if (r == rel_ids.end()) {
      if (g.relation_names.size() >= std::numeric_limits<uint16_t>::max()) {
        return Status::InvalidArgument("more than 65535 relation names");
      }
      r = rel_ids.emplace(edge.relation, static_cast<uint16_t>(g.relation_names.size())).first;
      g.relation_names.push_back(edge.relation);
    }
    g.rel[e] = r->second;
  }
  g.out = MakeCsr(n, g.src);
  g.in = MakeCsr(n, g.dst);
  return Snapshot(std::move(impl));
}

Result<Snapshot> Snapshot::FromStore(Store& store, const GraphFilter& filter) {
  auto data = store.ReadGraph(filter);
  if (!data.ok()) return data.status();
  return Build(std::move(data).value());
}

size_t Snapshot::num_nodes() const { return impl_->data.nodes.size(); }
size_t Snapshot::num_edges() const { return impl_->data.edges.size(); }
const GraphData& Snapshot::data() const { return impl_->data; }

const Entity* Snapshot::FindNode(std::string_view id) const {
  auto it = impl_->index.find(id);
  return it == impl_->index.end() ? nullptr : &impl_->data.nodes[it->second];
}

std::optional<NodeIndex> Snapshot::IndexOf(std::string_view id) const {
  auto it = impl_->index.find(id);
  if (it == impl_->index.end()) return std::nullopt;
  return it->second;
}

const Entity& Snapshot::node(NodeIndex n) const { return impl_->data.nodes[n]; }
const Edge& Snapshot::edge(EdgeIndex e) const { return impl_->data.edges[e]; }
NodeIndex Snapshot::source(EdgeIndex e) const { return impl_->src[e]; }
NodeIndex Snapshot::target(EdgeIndex e) const { return impl_->dst[e]; }

NodeIndex Snapshot::Other(EdgeIndex e, NodeIndex from) const {
  return impl_->src[e] == from ? impl_->dst[e] : impl_->src[e];
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
  return !directed || impl_->src[e] == from || impl_->symmetric[e];
}

const Snapshot::Impl& ImplOf(const Snapshot& snapshot) { return *snapshot.impl_; }

RelationMask MakeRelationMask(const Snapshot::Impl& g, const std::vector<std::string>& relations) {
  RelationMask mask;
  if (relations.empty()) return mask;
  mask.all = false;
  mask.allowed.assign(g.relation_names.size(), 0);
  for (size_t r = 0; r < g.relation_names.size(); ++r) {
    if (Contains(relations, g.relation_names[r])) mask.allowed[r] = 1;
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
