// Reading: entities and name resolution, evidence, timelines and graph
// selections.

#include <algorithm>
#include <map>
#include <set>

#include "store_impl.h"

namespace geokg {

using store::Stmt;

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Order of alias types in Entity::aliases: names first.
constexpr const char* kAliasOrder =
    "CASE a.type WHEN 'name' THEN 0 WHEN 'code' THEN 1 WHEN 'metonym' THEN 2 "
    "WHEN 'adjective' THEN 3 ELSE 4 END";

// Loads entities (all, or those whose refs are in `only`) with their aliases,
// sorted by id.
Result<std::vector<Entity>> LoadEntities(store::Db* db, const std::set<int64_t>* only) {
  std::map<int64_t, Entity> by_ref;
  auto st = db->Prepare("SELECT id, entity_id, name, kind FROM entities");
  if (!st.ok()) return st.status();
  while (st->Step()) {
    int64_t ref = st->Int(0);
    if (only != nullptr && !only->count(ref)) continue;
    Entity e;
    e.id = st->Text(1);
    e.name = st->Text(2);
    e.kind = ParseEntityKind(st->Text(3)).value_or(EntityKind::kOther);
    by_ref.emplace(ref, std::move(e));
  }
  if (!st->status().ok()) return st->status();
  auto al = db->Prepare(std::string("SELECT a.entity_ref, a.alias FROM aliases a WHERE a.type != 'id' "
                                    "ORDER BY a.entity_ref, ") +
                        kAliasOrder + ", a.lang, a.alias");
  if (!al.ok()) return al.status();
  while (al->Step()) {
    auto it = by_ref.find(al->Int(0));
    if (it == by_ref.end()) continue;
    std::string alias = al->Text(1);
    Entity& e = it->second;
    if (alias == e.name || alias == e.id) continue;
    if (std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end()) continue;
    e.aliases.push_back(std::move(alias));
  }
  if (!al->status().ok()) return al->status();
  std::vector<Entity> out;
  out.reserve(by_ref.size());
  for (auto& [ref, e] : by_ref) out.push_back(std::move(e));
  std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) { return a.id < b.id; });
  return out;
}

Edge ReadEdge(const Stmt& st) {
  // Column order of kEdgeSelect.
  Edge e;
  e.id = st.Int(0);
  e.subject = st.Text(1);
  e.relation = st.Text(2);
  e.object = st.Text(3);
  e.first_seen = st.Text(4);
  e.last_seen = st.Text(5);
  e.valid_from = st.Text(6);
  e.valid_to = st.Text(7);
  e.evidence_count = st.Int(8);
  e.source_count = st.Int(9);
  e.confidence = st.Real(10);
  e.status = st.Text(11);
  e.cameo = st.Text(12);
  e.plover = st.Text(13);
  e.goldstein = st.Real(14);
  e.symmetric = st.Int(15) != 0;
  return e;
}

constexpr const char* kEdgeSelect =
    "SELECT e.id, s.entity_id, r.name, o.entity_id, e.first_seen, e.last_seen, e.valid_from, "
    "e.valid_to, e.evidence_count, e.source_count, e.confidence, e.status, r.cameo, r.plover, "
    "r.goldstein, r.symmetric, e.subject_ref, e.object_ref FROM edges e "
    "JOIN entities s ON s.id = e.subject_ref JOIN entities o ON o.id = e.object_ref "
    "JOIN relation_types r ON r.id = e.relation_ref ";

}  // namespace

Result<std::vector<Entity>> Store::AllEntities() { return LoadEntities(&impl_->db, nullptr); }

Result<std::vector<Entity>> Store::Entities(const std::string& match) {
  const std::string key = NormalizeKey(match);
  if (key.empty()) return AllEntities();
  auto st = impl_->db.Prepare("SELECT DISTINCT entity_ref FROM aliases WHERE instr(lookup_key, ?) > 0");
  if (!st.ok()) return st.status();
  st->Bind(1, key);
  std::set<int64_t> refs;
  while (st->Step()) refs.insert(st->Int(0));
  if (!st->status().ok()) return st->status();
  return LoadEntities(&impl_->db, &refs);
}

Result<std::vector<std::string>> Store::Impl::NearestEntityNames(const std::string& name, size_t k) {
  const std::string key = NormalizeKey(name);
  auto st = db.Prepare(
      "SELECT a.lookup_key, e.entity_id, e.name FROM aliases a "
      "JOIN entities e ON e.id = a.entity_ref");
  if (!st.ok()) return st.status();
  std::map<std::string, size_t> best;  // "Name (ID)" -> distance
  while (st->Step()) {
    std::string cand = st->Text(0);
    size_t d = EditDistance(key, cand);
    // A typed prefix ("russ") is a near miss too.
    if (!key.empty() && cand.size() > key.size() && cand.compare(0, key.size(), key) == 0) {
      d = std::min<size_t>(d, 1);
    }
    if (d > std::max<size_t>(2, key.size() / 3)) continue;
    std::string label = st->Text(2) + " (" + st->Text(1) + ")";
    auto [it, inserted] = best.emplace(label, d);
    if (!inserted) it->second = std::min(it->second, d);
  }
  if (!st->status().ok()) return st->status();
  std::vector<std::pair<size_t, std::string>> scored;
  for (auto& [label, d] : best) scored.emplace_back(d, label);
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && i < k; ++i) out.push_back(scored[i].second);
  return out;
}

Result<std::string> Store::ResolveEntity(const std::string& name) {
  Impl& m = *impl_;
  {
    auto st = m.db.Prepare("SELECT entity_id FROM entities WHERE entity_id = ?");
    if (!st.ok()) return st.status();
    st->Bind(1, name);
    if (st->Step()) return st->Text(0);
    if (!st->status().ok()) return st->status();
  }
  const std::string key = NormalizeKey(name);
  if (!key.empty()) {
    // Ids before names before codes; catalog entities before ones only
    // triples named.
    auto st = m.db.Prepare(
        "SELECT e.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_ref "
        "WHERE a.lookup_key = ? ORDER BY CASE a.type WHEN 'id' THEN 0 WHEN 'name' THEN 1 "
        "WHEN 'code' THEN 2 WHEN 'metonym' THEN 3 ELSE 4 END, e.in_catalog DESC, e.entity_id "
        "LIMIT 1");
    if (!st.ok()) return st.status();
    st->Bind(1, key);
    if (st->Step()) return st->Text(0);
    if (!st->status().ok()) return st->status();
  }
  std::string msg = "no entity named \"" + name + "\" in store " + m.path;
  auto near = m.NearestEntityNames(name, 5);
  if (!near.ok()) return near.status();
  if (!near->empty()) {
    msg += "; did you mean: ";
    for (size_t i = 0; i < near->size(); ++i) msg += (i ? ", " : "") + (*near)[i];
  } else {
    msg += " (try 'geokg entities --match TEXT')";
  }
  return Status::NotFound(msg);
}

Result<std::vector<EvidenceRow>> Store::EvidenceFor(const std::string& subject_id,
                                                    const std::string& relation,
                                                    const std::string& object_id) {
  Impl& m = *impl_;
  const store::RelInfo* rel = m.FindRel(relation);
  if (rel == nullptr) return Status::NotFound("unknown relation \"" + relation + "\"");
  auto s = m.EntityRef(subject_id);
  if (!s.ok()) return s.status();
  auto o = m.EntityRef(object_id);
  if (!o.ok()) return o.status();
  auto st = m.db.Prepare(
      "SELECT d.doc_id, d.url, d.title, d.date, d.lang, d.content_hash, v.sentence, "
      "se.entity_id, oe.entity_id, v.polarity, v.modality, v.event_date, v.date_precision, "
      "v.confidence, v.text, v.span_start, v.span_end, v.speaker, v.extractor "
      "FROM evidence v JOIN documents d ON d.id = v.document_ref "
      "JOIN entities se ON se.id = v.subject_ref JOIN entities oe ON oe.id = v.object_ref "
      "WHERE v.relation_ref = ?1 AND ((v.subject_ref = ?2 AND v.object_ref = ?3) OR "
      "(?4 AND v.subject_ref = ?3 AND v.object_ref = ?2)) "
      "ORDER BY v.event_date DESC, d.date DESC, d.doc_id, v.sentence, v.id");
  if (!st.ok()) return st.status();
  st->Bind(1, rel->ref).Bind(2, *s).Bind(3, *o).Bind(4, rel->symmetric ? 1 : 0);
  std::vector<EvidenceRow> out;
  while (st->Step()) {
    EvidenceRow r;
    r.doc.id = st->Text(0);
    r.doc.url = st->Text(1);
    r.doc.title = st->Text(2);
    r.doc.date = st->Text(3);
    r.doc.lang = st->Text(4);
    r.doc.hash = st->Text(5);
    r.sentence = static_cast<int>(st->Int(6));
    r.subject = st->Text(7);
    r.relation = relation;
    r.object = st->Text(8);
    r.polarity = ParsePolarity(st->Text(9)).value_or(Polarity::kPositive);
    r.modality = ParseModality(st->Text(10)).value_or(Modality::kAsserted);
    r.date = st->Text(11);
    r.date_precision = ParseDatePrecision(st->Text(12)).value_or(DatePrecision::kUnknown);
    r.confidence = st->Real(13);
    r.evidence.text = st->Text(14);
    r.evidence.start = st->Int(15);
    r.evidence.end = st->Int(16);
    r.speaker = st->Text(17);
    r.extractor = st->Text(18);
    out.push_back(std::move(r));
  }
  if (!st->status().ok()) return st->status();
  return out;
}

Result<std::vector<Edge>> Store::Timeline(const std::string& a_id, const std::string& b_id) {
  Impl& m = *impl_;
  auto a = m.EntityRef(a_id);
  if (!a.ok()) return a.status();
  auto b = m.EntityRef(b_id);
  if (!b.ok()) return b.status();
  auto st = m.db.Prepare(std::string(kEdgeSelect) +
                         "WHERE (e.subject_ref = ?1 AND e.object_ref = ?2) OR "
                         "(e.subject_ref = ?2 AND e.object_ref = ?1) "
                         "ORDER BY e.valid_from, e.first_seen, r.name, s.entity_id, e.id");
  if (!st.ok()) return st.status();
  st->Bind(1, *a).Bind(2, *b);
  std::vector<Edge> out;
  while (st->Step()) out.push_back(ReadEdge(*st));
  if (!st->status().ok()) return st->status();
  return out;
}

Result<GraphData> Store::ReadGraph(const GraphFilter& filter) {
  Impl& m = *impl_;
  std::string where = " WHERE 1";
  std::vector<std::string> texts;  // bound in order
  std::vector<double> numbers;
  std::string sql = kEdgeSelect;
  auto text_param = [&](const std::string& v) {
    texts.push_back(v);
    std::string p = "?";
    p += std::to_string(texts.size());
    return p;
  };
  if (!filter.as_of.empty()) {
    // Lasting relations: valid on that day; events: happened by then.
    std::string p = text_param(filter.as_of);
    where += " AND ((r.lasting = 1 AND e.status != 'event' AND e.valid_from <= " + p +
             " AND (e.valid_to = '' OR e.valid_to > " + p + ")) OR (e.status = 'event' AND " +
             "e.first_seen <= " + p + "))";
  }
  if (!filter.since.empty()) where += " AND e.last_seen >= " + text_param(filter.since);
  if (!filter.until.empty()) where += " AND e.first_seen <= " + text_param(filter.until);
  auto in_list = [&](const char* column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    where += std::string(" AND ") + column + " IN (";
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) where += ",";
      where += text_param(values[i]);
    }
    where += ")";
  };
  in_list("r.name", filter.relations);
  in_list("r.plover", filter.plover);
  if (!filter.kinds.empty()) {
    std::vector<std::string> kinds;
    for (EntityKind k : filter.kinds) kinds.emplace_back(ToString(k));
    in_list("s.kind", kinds);
    in_list("o.kind", kinds);
  }
  if (filter.min_evidence > 0) where += " AND e.evidence_count >= " + std::to_string(filter.min_evidence);
  if (filter.min_confidence > 0.0) {
    where += " AND e.confidence >= ?" + std::to_string(texts.size() + 1);
  }
  if (!filter.include_ended) where += " AND e.status != 'ended'";
  // Sorted here rather than by SQLite: a temp B-tree over a million text
  // keys was most of a snapshot's time.
  sql += where;
  auto st = m.db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < texts.size(); ++i) st->Bind(static_cast<int>(i + 1), texts[i]);
  if (filter.min_confidence > 0.0) st->Bind(static_cast<int>(texts.size() + 1), filter.min_confidence);
  GraphData g;
  std::vector<int64_t> ref_list;
  while (st->Step()) {
    g.edges.push_back(ReadEdge(*st));
    ref_list.push_back(st->Int(16));
    ref_list.push_back(st->Int(17));
  }
  if (!st->status().ok()) return st->status();
  std::sort(g.edges.begin(), g.edges.end(), [](const Edge& a, const Edge& b) {
    if (int c = a.subject.compare(b.subject); c != 0) return c < 0;
    if (int c = a.relation.compare(b.relation); c != 0) return c < 0;
    if (int c = a.object.compare(b.object); c != 0) return c < 0;
    if (int c = a.valid_from.compare(b.valid_from); c != 0) return c < 0;
    return a.id < b.id;
  });
  std::sort(ref_list.begin(), ref_list.end());
  ref_list.erase(std::unique(ref_list.begin(), ref_list.end()), ref_list.end());
  std::set<int64_t> refs(ref_list.begin(), ref_list.end());
  auto nodes = LoadEntities(&m.db, &refs);
  if (!nodes.ok()) return nodes.status();
  g.nodes = std::move(nodes.value());
  return g;
}

}  // namespace geokg
