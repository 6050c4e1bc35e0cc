// Reading: entities and name resolution, evidence, timelines and graph
// selections.

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include <sqlite3.h>

#include "common/huge_pages.h"
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
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0)});
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
  auto al =
      db->Prepare(std::string("SELECT a.entity_ref, a.alias FROM aliases a WHERE a.type != 'id' "
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
  auto st =
      impl_->db.Prepare("SELECT DISTINCT entity_ref FROM aliases WHERE instr(lookup_key, ?) > 0");
  if (!st.ok()) return st.status();
  st->Bind(1, key);
  std::set<int64_t> refs;
  while (st->Step()) refs.insert(st->Int(0));
  if (!st->status().ok()) return st->status();
  return LoadEntities(&impl_->db, &refs);
}

Result<std::vector<std::string>> Store::Impl::NearestEntityNames(const std::string& name,
                                                                 size_t k) {
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

// ------------------------------------------------------------ graph reads
//
// ReadGraphTable reads the three tables one after the other without joins
// (a join over a million edges costs random page reads per row) and keeps
// every string of an edge as an index: entity ids and relation names by
// their table's index, dates and statuses interned. The filters that only
// look at edge columns stay in SQL, those on relations and entities are
// computed once per relation / entity row by SQL and applied here.

namespace {

// A prepared statement on the raw handle: the scans below read columns
// without copying them into std::string.
class RawStmt {
 public:
  RawStmt(store::Db* db, std::string sql) : db_(db), sql_(std::move(sql)) {
    rc_ = sqlite3_prepare_v2(db->handle(), sql_.c_str(), static_cast<int>(sql_.size()), &stmt_,
                             nullptr);
  }
  ~RawStmt() { sqlite3_finalize(stmt_); }
  RawStmt(const RawStmt&) = delete;
  RawStmt& operator=(const RawStmt&) = delete;

  Status status() const {
    return rc_ == SQLITE_OK || rc_ == SQLITE_DONE ? Status::OK() : db_->Error(rc_, sql_);
  }
  void Bind(int i, std::string_view v) {
    if (stmt_ == nullptr) return;
    sqlite3_bind_text(stmt_, i, v.empty() ? "" : v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
  }
  void Bind(int i, double v) {
    if (stmt_ != nullptr) sqlite3_bind_double(stmt_, i, v);
  }
  bool Step() {
    if (rc_ != SQLITE_OK && rc_ != SQLITE_ROW) return false;
    rc_ = sqlite3_step(stmt_);
    return rc_ == SQLITE_ROW;
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string_view View(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (p == nullptr) return {};
    return {reinterpret_cast<const char*>(p),
            static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
  }

 private:
  store::Db* db_;
  std::string sql_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Interns dates and statuses into GraphTable::strings.
class StringPool {
 public:
  explicit StringPool(std::vector<std::string>* strings) : strings_(strings) {
    for (size_t i = 0; i < strings_->size(); ++i) {
      ids_.emplace((*strings_)[i], static_cast<uint32_t>(i));
    }
  }
  // An ISO date of 1900..2155 ("2022", "2022-07", "2022-07-15") by a table
  // lookup, anything else by hash.
  uint32_t InternDate(std::string_view s) {
    const int code = DateCode(s);
    if (code < 0) return Intern(s);
    if (by_date_.empty()) by_date_.assign(kDateCodes, kNoId);
    uint32_t& id = by_date_[static_cast<size_t>(code)];
    if (id == kNoId) id = Intern(s);
    return id;
  }
  uint32_t Intern(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<uint32_t>(strings_->size());
    strings_->emplace_back(s);
    ids_.emplace(std::string(s), id);
    return id;
  }

 private:
  static constexpr uint32_t kNoId = std::numeric_limits<uint32_t>::max();
  static constexpr int kDateCodes = 256 * 13 * 32;

  static int Digits(std::string_view s, size_t at, size_t count) {
    int v = 0;
    for (size_t i = at; i < at + count; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  }
  // A distinct code per date string of the forms above, or -1.
  static int DateCode(std::string_view s) {
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return -1;
    const int year = Digits(s, 0, 4) - 1900;
    if (year < 0 || year > 255) return -1;
    int month = 0, day = 0;
    if (s.size() >= 7) {
      month = s[4] == '-' ? Digits(s, 5, 2) : -1;
      if (month < 1 || month > 12) return -1;
    }
    if (s.size() == 10) {
      day = s[7] == '-' ? Digits(s, 8, 2) : -1;
      if (day < 1 || day > 31) return -1;
    }
    return (year * 13 + month) * 32 + day;
  }

  std::vector<std::string>* strings_;
  std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>> ids_;
  std::vector<uint32_t> by_date_;
};

// Maps a table's INTEGER PRIMARY KEY to the row's position in our arrays
// (rows read in key order): arithmetic while the keys are contiguous (they
// nearly always are), else a flat vector while they are dense, else a hash
// map.
class RefMap {
 public:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  void Build(const std::vector<int64_t>& refs) {
    size_ = refs.size();
    first_ = refs.empty() ? 0 : refs.front();
    mode_ = kContiguous;
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i] != first_ + static_cast<int64_t>(i)) {
        mode_ = kFlat;
        break;
      }
    }
    if (mode_ == kContiguous) return;
    const int64_t lo = *std::min_element(refs.begin(), refs.end());
    const int64_t hi = *std::max_element(refs.begin(), refs.end());
    if (lo < 0 || hi >= static_cast<int64_t>(4 * refs.size() + 1024)) mode_ = kHash;
    if (mode_ == kFlat) {
      flat_.assign(static_cast<size_t>(hi + 1), kNone);
      for (size_t i = 0; i < refs.size(); ++i) {
        flat_[static_cast<size_t>(refs[i])] = static_cast<uint32_t>(i);
      }
    } else {
      sparse_.reserve(refs.size());
      for (size_t i = 0; i < refs.size(); ++i) sparse_.emplace(refs[i], static_cast<uint32_t>(i));
    }
  }
  uint32_t Find(int64_t ref) const {
    if (mode_ == kContiguous) [[likely]] {
      const uint64_t i = static_cast<uint64_t>(ref) - static_cast<uint64_t>(first_);
      return i < size_ ? static_cast<uint32_t>(i) : kNone;
    }
    if (mode_ == kFlat) {
      return ref >= 0 && static_cast<uint64_t>(ref) < flat_.size() ? flat_[static_cast<size_t>(ref)]
                                                                   : kNone;
    }
    auto it = sparse_.find(ref);
    return it == sparse_.end() ? kNone : it->second;
  }

 private:
  enum Mode { kContiguous, kFlat, kHash };
  Mode mode_ = kContiguous;
  int64_t first_ = 0;
  size_t size_ = 0;
  std::vector<uint32_t> flat_;
  std::unordered_map<int64_t, uint32_t> sparse_;
};

// For the length of a graph read: a small page cache (a scan reads every
// page once; a big cache only costs fresh memory, which is most of a cold
// read's time) and the file memory-mapped (no copy of each page). Restores
// the connection's settings afterwards.
class ScanSettings {
 public:
  explicit ScanSettings(store::Db* db) : db_(db) {
    auto cache = db->QueryInt("PRAGMA cache_size");
    auto mmap = db->QueryInt("PRAGMA mmap_size");
    if (!cache.ok() || !mmap.ok()) return;
    cache_ = *cache;
    mmap_ = *mmap;
    active_ = db->Exec("PRAGMA cache_size = -2048; PRAGMA mmap_size = 1073741824").ok();
  }
  ~ScanSettings() {
    if (active_) {
      db_->Exec("PRAGMA cache_size = " + std::to_string(cache_) +
                "; PRAGMA mmap_size = " + std::to_string(mmap_));
    }
  }
  ScanSettings(const ScanSettings&) = delete;
  ScanSettings& operator=(const ScanSettings&) = delete;

 private:
  store::Db* db_;
  int64_t cache_ = 0;
  int64_t mmap_ = 0;
  bool active_ = false;
};

// "(?1,?2,...)" for `count` parameters starting at `first`.
std::string Placeholders(size_t first, size_t count) {
  std::string s = "(";
  for (size_t i = 0; i < count; ++i) {
    if (i) s += ",";
    s += "?" + std::to_string(first + i);
  }
  return s + ")";
}

}  // namespace

Edge GraphTable::MakeEdge(size_t i) const {
  const EdgeRow& r = edges[i];
  const Relation& rel = relations[r.relation];
  Edge e;
  e.id = r.id;
  e.subject = nodes[r.subject].id;
  e.relation = rel.name;
  e.object = nodes[r.object].id;
  e.first_seen = strings[r.first_seen];
  e.last_seen = strings[r.last_seen];
  e.valid_from = strings[r.valid_from];
  e.valid_to = strings[r.valid_to];
  e.evidence_count = r.evidence_count;
  e.source_count = r.source_count;
  e.confidence = r.confidence;
  e.status = strings[r.status];
  e.cameo = rel.cameo;
  e.plover = rel.plover;
  e.goldstein = rel.goldstein;
  e.symmetric = rel.symmetric;
  return e;
}

GraphData GraphTable::ToGraphData() const {
  GraphData g;
  g.nodes = nodes;
  g.edges.reserve(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) g.edges.push_back(MakeEdge(i));
  return g;
}

Result<GraphData> Store::ReadGraph(const GraphFilter& filter) {
  auto table = ReadGraphTable(filter);
  if (!table.ok()) return table.status();
  GraphData g;
  g.edges.reserve(table->edges.size());
  for (size_t i = 0; i < table->edges.size(); ++i) g.edges.push_back(table->MakeEdge(i));
  g.nodes = std::move(table->nodes);
  return g;
}

Result<GraphTable> Store::ReadGraphTable(const GraphFilter& filter) {
  Impl& m = *impl_;
  ScanSettings scan(&m.db);
  GraphTable g;

  // Relations, sorted by name (unique), with the relation filters evaluated
  // by SQL once per relation.
  std::vector<int64_t> rel_refs;
  std::vector<char> rel_ok;
  {
    std::string sql = "SELECT id, name, cameo, plover, goldstein, symmetric";
    size_t params = 0;
    auto in_list = [&](const char* column, const std::vector<std::string>& values) {
      if (values.empty()) {
        sql += ", 1";
        return;
      }
      sql += std::string(", ") + column + " IN " + Placeholders(params + 1, values.size());
      params += values.size();
    };
    in_list("name", filter.relations);
    in_list("plover", filter.plover);
    sql += " FROM relation_types ORDER BY name";
    RawStmt st(&m.db, sql);
    int p = 1;
    for (const auto& v : filter.relations) st.Bind(p++, v);
    for (const auto& v : filter.plover) st.Bind(p++, v);
    while (st.Step()) {
      rel_refs.push_back(st.Int(0));
      GraphTable::Relation r;
      r.name = st.View(1);
      r.cameo = st.View(2);
      r.plover = st.View(3);
      r.goldstein = st.Real(4);
      r.symmetric = st.Int(5) != 0;
      g.relations.push_back(std::move(r));
      rel_ok.push_back(st.Int(6) != 0 && st.Int(7) != 0 ? 1 : 0);
    }
    if (Status s = st.status(); !s.ok()) return s;
  }
  RefMap rel_of;
  rel_of.Build(rel_refs);

  // Entities (ids, names, kinds; aliases later, for the ones kept).
  std::vector<int64_t> ent_refs;
  std::vector<Entity> entities;
  std::vector<char> kind_ok;
  {
    auto max_id = m.db.QueryInt("SELECT max(id) FROM entities");
    if (!max_id.ok()) return max_id.status();
    const auto expected = static_cast<size_t>(std::clamp<int64_t>(*max_id, 0, int64_t{1} << 22));
    ent_refs.reserve(expected);
    entities.reserve(expected);
    PreferHugePages(entities.data(), entities.capacity() * sizeof(Entity));
    kind_ok.reserve(expected);
    std::string sql = "SELECT id, entity_id, name, kind";
    if (filter.kinds.empty()) {
      sql += ", 1";
    } else {
      sql += ", kind IN " + Placeholders(1, filter.kinds.size());
    }
    sql += " FROM entities";
    RawStmt st(&m.db, sql);
    for (size_t i = 0; i < filter.kinds.size(); ++i) {
      st.Bind(static_cast<int>(i + 1), ToString(filter.kinds[i]));
    }
    while (st.Step()) {
      ent_refs.push_back(st.Int(0));
      Entity e;
      e.id = st.View(1);
      e.name = st.View(2);
      e.kind = ParseEntityKind(st.View(3)).value_or(EntityKind::kOther);
      entities.push_back(std::move(e));
      kind_ok.push_back(st.Int(4) != 0 ? 1 : 0);
    }
    if (Status s = st.status(); !s.ok()) return s;
  }
  RefMap entity_of;
  entity_of.Build(ent_refs);

  // Edges, in rowid order, the edge-column filters in SQL.
  std::vector<std::string> texts;  // bound in order
  auto text_param = [&](const std::string& v) {
    texts.push_back(v);
    return "?" + std::to_string(texts.size());
  };
  std::string where = " WHERE 1";
  if (!filter.as_of.empty()) {
    // Lasting relations: valid on that day; events: happened by then.
    std::string p = text_param(filter.as_of);
    where +=
        " AND ((relation_ref IN (SELECT id FROM relation_types WHERE lasting = 1) AND "
        "status != 'event' AND valid_from <= " +
        p + " AND (valid_to = '' OR valid_to > " + p + ")) OR (status = 'event' AND " +
        "first_seen <= " + p + "))";
  }
  if (!filter.since.empty()) where += " AND last_seen >= " + text_param(filter.since);
  if (!filter.until.empty()) where += " AND first_seen <= " + text_param(filter.until);
  if (filter.min_evidence > 0) {
    where += " AND evidence_count >= " + std::to_string(filter.min_evidence);
  }
  if (filter.min_confidence > 0.0) {
    where += " AND confidence >= ?" + std::to_string(texts.size() + 1);
  }
  if (!filter.include_ended) where += " AND status != 'ended'";
  RawStmt st(&m.db,
             "SELECT id, subject_ref, relation_ref, object_ref, first_seen, last_seen, valid_from, "
             "valid_to, evidence_count, source_count, confidence, status FROM edges" +
                 where);
  for (size_t i = 0; i < texts.size(); ++i) st.Bind(static_cast<int>(i + 1), texts[i]);
  if (filter.min_confidence > 0.0) {
    st.Bind(static_cast<int>(texts.size() + 1), filter.min_confidence);
  }

  g.strings.emplace_back();  // "" is 0
  StringPool pool(&g.strings);
  std::vector<GraphTable::EdgeRow> rows;
  {
    // Room for every edge (address space only until written).
    auto max_id = m.db.QueryInt("SELECT max(id) FROM edges");
    if (!max_id.ok()) return max_id.status();
    rows.reserve(static_cast<size_t>(std::clamp<int64_t>(*max_id, 0, int64_t{1} << 24)));
    PreferHugePages(rows.data(), rows.capacity() * sizeof(GraphTable::EdgeRow));
  }
  std::vector<char> used(entities.size(), 0);
  // Statuses take a handful of values: found by comparing with those seen,
  // without hashing or copying.
  std::vector<uint32_t> status_ids;
  constexpr uint32_t kNoStatus = RefMap::kNone;
  while (st.Step()) {
    const uint32_t s = entity_of.Find(st.Int(1));
    const uint32_t r = rel_of.Find(st.Int(2));
    const uint32_t o = entity_of.Find(st.Int(3));
    // As the inner joins did: rows whose references dangle are not edges.
    if (s == RefMap::kNone || r == RefMap::kNone || o == RefMap::kNone) continue;
    if (!rel_ok[r] || !kind_ok[s] || !kind_ok[o]) continue;
    GraphTable::EdgeRow e;
    e.id = st.Int(0);
    e.subject = s;
    e.relation = r;
    e.object = o;
    const std::string_view first = st.View(4), last = st.View(5), from = st.View(6),
                           to = st.View(7), status = st.View(11);
    // Most edges repeat one date (events: valid_from = first_seen; a single
    // piece of evidence: last_seen = first_seen).
    e.first_seen = pool.InternDate(first);
    e.last_seen = last == first ? e.first_seen : pool.InternDate(last);
    e.valid_from = from == first ? e.first_seen : pool.InternDate(from);
    e.valid_to = to.empty() ? 0 : pool.InternDate(to);
    e.status = kNoStatus;
    for (uint32_t id : status_ids) {
      if (g.strings[id] == status) {
        e.status = id;
        break;
      }
    }
    if (e.status == kNoStatus) {
      e.status = pool.Intern(status);
      if (status_ids.size() < 8) status_ids.push_back(e.status);
    }
    e.evidence_count = st.Int(8);
    e.source_count = st.Int(9);
    e.confidence = st.Real(10);
    rows.push_back(e);
    used[s] = used[o] = 1;
  }
  if (Status s = st.status(); !s.ok()) return s;

  // Nodes: the ends of the kept edges, sorted by id.
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < entities.size(); ++i) {
    if (used[i]) order.push_back(i);
  }
  auto by_id = [&](uint32_t a, uint32_t b) { return entities[a].id < entities[b].id; };
  // Entities usually come in id order already (ids are inserted sorted).
  if (!std::is_sorted(order.begin(), order.end(), by_id)) {
    std::sort(order.begin(), order.end(), by_id);
  }
  std::vector<uint32_t> node_of(entities.size(), RefMap::kNone);
  for (uint32_t i = 0; i < order.size(); ++i) node_of[order[i]] = i;
  {
    // In place: the kept entities to their node index, the rest behind.
    std::vector<uint32_t> dest(entities.size());
    auto rest = static_cast<uint32_t>(order.size());
    for (size_t i = 0; i < entities.size(); ++i) {
      dest[i] = node_of[i] != RefMap::kNone ? node_of[i] : rest++;
    }
    for (size_t i = 0; i < entities.size(); ++i) {
      while (dest[i] != i) {
        const uint32_t j = dest[i];
        std::swap(entities[i], entities[j]);
        std::swap(dest[i], dest[j]);
      }
    }
    entities.resize(order.size());
  }
  g.nodes = std::move(entities);

  // Edges sorted by subject id, relation name, object id, valid_from, id: a
  // counting sort by subject, then each subject's few edges by the rest.
  const size_t n = g.nodes.size();
  std::vector<uint32_t> start(n + 1, 0);
  for (auto& e : rows) {
    e.subject = node_of[e.subject];
    e.object = node_of[e.object];
    ++start[e.subject + 1];
  }
  for (size_t i = 0; i < n; ++i) start[i + 1] += start[i];
  {
    // Permuted in place (following cycles): a second array of rows would
    // cost as much in fresh pages as the permutation itself.
    std::vector<uint32_t> dest(rows.size());
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (size_t i = 0; i < rows.size(); ++i) dest[i] = next[rows[i].subject]++;
    // Each step of a cycle waits for a row that is not in cache: the rows
    // a few steps further on (dest[] of the positions not moved yet) are
    // prefetched, so the misses overlap.
    constexpr int kAhead = 8;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (dest[i] == i) continue;
      uint32_t ahead = dest[i];
      for (int k = 0; k < kAhead && ahead != i; ++k) {
        __builtin_prefetch(&rows[ahead]);
        ahead = dest[ahead];
      }
      while (dest[i] != i) {
        const uint32_t j = dest[i];
        if (ahead != i) {
          __builtin_prefetch(&rows[ahead]);
          ahead = dest[ahead];
        }
        std::swap(rows[i], rows[j]);
        std::swap(dest[i], dest[j]);
      }
    }
  }
  if (rows.capacity() > 2 * rows.size() + 1024) rows.shrink_to_fit();
  g.edges = std::move(rows);
  auto less = [&](const GraphTable::EdgeRow& a, const GraphTable::EdgeRow& b) {
    if (a.relation != b.relation) return a.relation < b.relation;
    if (a.object != b.object) return a.object < b.object;
    if (a.valid_from != b.valid_from) {
      if (int c = g.strings[a.valid_from].compare(g.strings[b.valid_from]); c != 0) return c < 0;
    }
    return a.id < b.id;
  };
  for (size_t i = 0; i < n; ++i) {
    std::sort(g.edges.begin() + start[i], g.edges.begin() + start[i + 1], less);
  }

  // Aliases of the kept nodes, in the order LoadEntities gives them.
  struct AliasRow {
    uint32_t node;
    int rank;
    std::string lang, alias;
  };
  std::vector<AliasRow> aliases;
  {
    RawStmt al(&m.db, std::string("SELECT a.entity_ref, ") + kAliasOrder +
                          ", a.lang, a.alias FROM aliases a WHERE a.type != 'id'");
    while (al.Step()) {
      const uint32_t pos = entity_of.Find(al.Int(0));
      if (pos == RefMap::kNone || node_of[pos] == RefMap::kNone) continue;
      const uint32_t node = node_of[pos];
      const std::string_view alias = al.View(3);
      const Entity& e = g.nodes[node];
      if (alias == e.name || alias == e.id) continue;
      aliases.push_back(
          {node, static_cast<int>(al.Int(1)), std::string(al.View(2)), std::string(alias)});
    }
    if (Status s = al.status(); !s.ok()) return s;
  }
  std::sort(aliases.begin(), aliases.end(), [](const AliasRow& a, const AliasRow& b) {
    return std::tie(a.node, a.rank, a.lang, a.alias) < std::tie(b.node, b.rank, b.lang, b.alias);
  });
  for (auto& a : aliases) {
    Entity& e = g.nodes[a.node];
    if (std::find(e.aliases.begin(), e.aliases.end(), a.alias) != e.aliases.end()) continue;
    e.aliases.push_back(std::move(a.alias));
  }
  return g;
}

}  // namespace geokg
