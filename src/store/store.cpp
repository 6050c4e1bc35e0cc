// Store: opening, schema, vocabulary and catalog import, transactions.

#include "geokg/store.h"

#include <filesystem>
#include <set>

#include "row_feed.h"
#include "schema.h"
#include "store_impl.h"

namespace geokg {

using store::Db;
using store::RelInfo;

namespace {

// Stable text of a vocabulary / catalog, hashed to skip re-imports that
// would change nothing.
std::string Fingerprint(const RelationVocabulary& vocab) {
  std::string s = vocab.version();
  for (const auto& r : vocab.types()) {
    s += '\x1e';
    for (const std::string* f : {&r.name, &r.cameo, &r.plover, &r.quad_class, &r.opposite,
                                 &r.label_en, &r.label_de, &r.description}) {
      s += *f;
      s += '\x1f';
    }
    s += std::to_string(r.goldstein) + (r.symmetric ? "S" : "s") + (r.lasting ? "L" : "l");
  }
  return store::Hex64(store::Hash64(s));
}

void AppendLists(std::string* s, const std::map<std::string, std::vector<std::string>>& m) {
  for (const auto& [lang, list] : m) {
    *s += lang;
    for (const auto& n : list) {
      *s += '\x1f';
      *s += n;
    }
    *s += '\x1d';
  }
}

std::string Fingerprint(const EntityCatalog& catalog) {
  std::string s;
  for (const auto& e : catalog.entities()) {
    s += '\x1e' + e.id + '\x1f' + e.name + '\x1f' + std::string(ToString(e.kind));
    AppendLists(&s, e.names);
    AppendLists(&s, e.adjectives);
    AppendLists(&s, e.metonyms);
    for (const auto& c : e.codes) s += '\x1f' + c;
  }
  return store::Hex64(store::Hash64(s));
}

Result<std::string> GetMeta(Db* db, const std::string& key) {
  auto st = db->Prepare("SELECT value FROM meta WHERE key = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, key);
  std::string v;
  if (st->Step()) v = st->Text(0);
  if (!st->status().ok()) return st->status();
  return v;
}

Status SetMeta(Db* db, const std::string& key, const std::string& value) {
  auto st = db->Prepare(
      "INSERT INTO meta(key, value) VALUES (?, ?) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!st.ok()) return st.status();
  st->Bind(1, key).Bind(2, value);
  return st->Run();
}

// Opens `path` for writing once: its first read rolls back the hot journal
// an interrupted first load left; then WAL mode is set again (if another
// connection came meanwhile, the next writer's open sets it).
Status RollBackInterruptedLoad(const std::string& path, int busy_timeout_ms) {
  store::Db rw;
  Status s = rw.Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
  if (s.ok()) {
    sqlite3_busy_timeout(rw.handle(), busy_timeout_ms);
    s = store::SchemaVersion(&rw).status();
  }
  if (s.ok()) {
    (void)rw.Exec("PRAGMA journal_mode = WAL");
    return Status::OK();
  }
  return Status::IOError("store " + path +
                         " has an interrupted load to roll back, which needs write access: " +
                         s.message());
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const std::string& Store::path() const { return impl_->path; }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->path = path;
  const bool memory = path == ":memory:" || path.empty();
  if (!memory && (!options.create_if_missing || options.read_only)) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return Status::NotFound("store " + path + " does not exist");
    }
  }
  int flags = SQLITE_OPEN_NOMUTEX;
  if (options.read_only) {
    flags |= SQLITE_OPEN_READONLY;
  } else {
    flags |= SQLITE_OPEN_READWRITE;
    if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  }
  Db& db = impl->db;
  Status s = db.Open(memory ? ":memory:" : path, flags);
  if (!s.ok()) return s;
  db.busy_timeout_ms = options.busy_timeout_ms;
  sqlite3_busy_timeout(db.handle(), options.busy_timeout_ms);

  // Any read fails with SQLITE_NOTADB here if the file is not SQLite.
  auto version = store::SchemaVersion(&db);
  if (!version.ok() && options.read_only &&
      sqlite3_extended_errcode(db.handle()) == SQLITE_READONLY_ROLLBACK) {
    // A first load (rollback journal, docs/store.md) was interrupted: roll it
    // back as any writer's open would, then read.
    s = RollBackInterruptedLoad(path, options.busy_timeout_ms);
    if (!s.ok()) return s;
    version = store::SchemaVersion(&db);
  }
  if (!version.ok()) return version.status();
  if (!options.read_only) {
    if (*version == 0) {
      // A new file: larger pages than SQLite's 4 KiB hold more rows per page
      // (less space lost per page, fewer pages to cache and write). Only
      // possible before the first table and before WAL mode.
      auto tables = db.QueryInt("SELECT count(*) FROM sqlite_master");
      if (!tables.ok()) return tables.status();
      if (*tables == 0) {
        s = db.Exec("PRAGMA page_size = " + std::to_string(store::kPageSize));
        if (!s.ok()) return s;
      }
    }
    if (!memory) {
      // Busy: another process is loading into this empty store with a
      // rollback journal (docs/store.md); it switches back to WAL when done,
      // and our writes wait for it like any second writer's.
      s = db.Exec("PRAGMA journal_mode = WAL");
      if (!s.ok() && !s.IsBusy()) return s;
    }
    // Temp storage stays a file (SQLite's default here): with it, large
    // sorts (index builds) run on worker threads; small ones never leave
    // the cache.
    s = db.Exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -" +
                std::to_string(options.cache_kib));
    if (!s.ok()) return s;
    s = store::Migrate(&db, options.migrate_to);
    if (s.ok()) s = store::RegisterRowFeed(&db);
    if (!s.ok()) return s;
  } else {
    s = db.Exec("PRAGMA cache_size = -" + std::to_string(options.cache_kib));
    if (!s.ok()) return s;
    if (*version < 1) return Status::Corruption(path + " is not a geokg store");
    if (*version > store::kSchemaVersion) {
      return Status::Corruption("store " + path + " has schema version " +
                                std::to_string(*version) + ", newer than this geokg");
    }
  }
  s = impl->LoadRelations();
  if (!s.ok()) return s;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

// ---------------------------------------------------------------- Impl

Status Store::Impl::LoadRelations() {
  rels.clear();
  rel_by_name.clear();
  rel_by_ref.clear();
  auto st = db.Prepare(
      "SELECT id, name, cameo, plover, goldstein, symmetric, lasting, opposite "
      "FROM relation_types ORDER BY id");
  if (!st.ok()) return st.status();
  while (st->Step()) {
    RelInfo r;
    r.ref = st->Int(0);
    r.name = st->Text(1);
    r.cameo = st->Text(2);
    r.plover = st->Text(3);
    r.goldstein = st->Real(4);
    r.symmetric = st->Int(5) != 0;
    r.lasting = st->Int(6) != 0;
    r.opposite = st->Text(7);
    rel_by_name.emplace(r.name, rels.size());
    rel_by_ref.emplace(r.ref, rels.size());
    rels.push_back(std::move(r));
  }
  if (!st->status().ok()) return st->status();
  // Families: a relation with a lasting opposite (or a lasting relation
  // with an opposite) shares edges' history with it.
  for (RelInfo& r : rels) {
    r.family_ref = r.ref;
    r.members[0] = r.members[1] = r.ref;
    const RelInfo* o = r.opposite.empty() ? nullptr : FindRel(r.opposite);
    // Only mutual opposites form a family. A vocabulary file is checked for
    // that, but relation_types keeps rows a newer vocabulary dropped, with
    // their old opposite; pairing those one-sidedly would give one relation
    // two families.
    if (o != nullptr && o->opposite != r.name) o = nullptr;
    if (o != nullptr) r.opposite_ref = o->ref;
    if (o == nullptr || (!r.lasting && !o->lasting)) {
      r.family_symmetric = r.symmetric;
      continue;
    }
    r.closer = !r.lasting && o->lasting;
    const RelInfo* root = &r;
    if (!r.lasting) {
      root = o;
    } else if (o->lasting && o->name < r.name) {
      root = o;
    }
    r.family_ref = root->ref;
    r.family_symmetric = root->symmetric;
    r.members[0] = std::min(r.ref, o->ref);
    r.members[1] = std::max(r.ref, o->ref);
  }
  return Status::OK();
}

const RelInfo* Store::Impl::FindRel(std::string_view name) const {
  auto it = rel_by_name.find(std::string(name));
  return it == rel_by_name.end() ? nullptr : &rels[it->second];
}

const RelInfo* Store::Impl::FindRel(int64_t ref) const {
  auto it = rel_by_ref.find(ref);
  return it == rel_by_ref.end() ? nullptr : &rels[it->second];
}

Status Store::Impl::CheckWritable() const {
  if (options.read_only) return Status::InvalidArgument("store " + path + " is open read-only");
  return Status::OK();
}

Status Store::Impl::Begin() {
  Status s = CheckWritable();
  if (!s.ok()) return s;
  return db.Exec("BEGIN IMMEDIATE");
}

Status Store::Impl::Commit() {
  Status s = db.Exec("COMMIT");
  if (!s.ok()) Rollback();
  return s;
}

void Store::Impl::Rollback() {
  if (!sqlite3_get_autocommit(db.handle())) db.Exec("ROLLBACK");
}

bool Store::Impl::UseRollbackJournal() {
  if (path.empty() || path == ":memory:" || options.read_only) return false;
  // Leaving WAL mode needs the file to ourselves: try once, do not wait.
  sqlite3_busy_timeout(db.handle(), 0);
  auto st = db.Prepare("PRAGMA journal_mode = DELETE");
  const bool switched = st.ok() && st->Step() && st->Text(0) == "delete";
  if (st.ok()) st->Reset();
  sqlite3_busy_timeout(db.handle(), options.busy_timeout_ms);
  return switched;
}

void Store::Impl::UseWal() {
  // Failing here only costs speed: every writer's Open sets WAL again.
  (void)db.Exec("PRAGMA journal_mode = WAL");
}

Result<std::string> Store::Impl::EntityIdOf(int64_t ref) {
  auto st = db.Prepare("SELECT entity_id FROM entities WHERE id = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, ref);
  if (st->Step()) return st->Text(0);
  if (!st->status().ok()) return st->status();
  return Status::Corruption("store " + path + ": entity #" + std::to_string(ref) + " is missing");
}

Result<int64_t> Store::Impl::EntityRef(const std::string& entity_id) {
  auto st = db.Prepare("SELECT id FROM entities WHERE entity_id = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, entity_id);
  if (st->Step()) return st->Int(0);
  if (!st->status().ok()) return st->status();
  return Status::NotFound("no entity with id \"" + entity_id + "\" in store " + path);
}

// ---------------------------------------------------------------- imports

Status Store::ImportVocabulary(const RelationVocabulary& vocab) {
  Impl& m = *impl_;
  Status s = m.CheckWritable();
  if (!s.ok()) return s;
  auto old = GetMeta(&m.db, "vocabulary_hash");
  if (!old.ok()) return old.status();
  const std::string fp = Fingerprint(vocab);
  if (*old == fp) return Status::OK();
  s = m.Begin();
  if (!s.ok()) return s;
  auto st = m.db.Prepare(
      "INSERT INTO relation_types(name, cameo, plover, quad_class, goldstein, symmetric, lasting, "
      "opposite, label_en, label_de, description) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT(name) DO UPDATE SET cameo = excluded.cameo, plover = excluded.plover, "
      "quad_class = excluded.quad_class, goldstein = excluded.goldstein, "
      "symmetric = excluded.symmetric, lasting = excluded.lasting, opposite = excluded.opposite, "
      "label_en = excluded.label_en, label_de = excluded.label_de, "
      "description = excluded.description");
  if (!st.ok()) {
    m.Rollback();
    return st.status();
  }
  for (const auto& r : vocab.types()) {
    st->Bind(1, r.name).Bind(2, r.cameo).Bind(3, r.plover).Bind(4, r.quad_class);
    st->Bind(5, r.goldstein).Bind(6, r.symmetric ? 1 : 0).Bind(7, r.lasting ? 1 : 0);
    st->Bind(8, r.opposite).Bind(9, r.label_en).Bind(10, r.label_de).Bind(11, r.description);
    s = st->Run();
    if (!s.ok()) break;
  }
  if (s.ok()) s = SetMeta(&m.db, "vocabulary_hash", fp);
  if (s.ok()) s = SetMeta(&m.db, "vocabulary_version", vocab.version());
  if (s.ok()) s = m.LoadRelations();
  // Symmetry, lasting and opposites decide the edges: derive them again.
  if (s.ok() && !old->empty()) s = m.RebuildEdges().status();
  if (!s.ok()) {
    m.Rollback();
    m.LoadRelations();
    return s;
  }
  return m.Commit();
}

Status Store::ImportCatalog(const EntityCatalog& catalog) {
  Impl& m = *impl_;
  Status s = m.CheckWritable();
  if (!s.ok()) return s;
  auto old = GetMeta(&m.db, "catalog_hash");
  if (!old.ok()) return old.status();
  const std::string fp = Fingerprint(catalog);
  if (*old == fp) return Status::OK();
  s = m.Begin();
  if (!s.ok()) return s;
  auto run = [&]() -> Status {
    auto upsert = m.db.Prepare(
        "INSERT INTO entities(entity_id, name, kind, in_catalog) VALUES (?, ?, ?, 1) "
        "ON CONFLICT(entity_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
        "in_catalog = 1 RETURNING id");
    auto clear = m.db.Prepare("DELETE FROM aliases WHERE entity_ref = ? AND source = 'catalog'");
    auto alias = m.db.Prepare(
        "INSERT OR IGNORE INTO aliases(lookup_key, entity_ref, type, alias, lang, source) "
        "VALUES (?, ?, ?, ?, ?, 'catalog')");
    for (auto* st : {&upsert, &clear, &alias}) {
      if (!st->ok()) return st->status();
    }
    for (const auto& e : catalog.entities()) {
      upsert->Bind(1, e.id).Bind(2, e.name).Bind(3, ToString(e.kind));
      if (!upsert->Step()) {
        Status err = upsert->status();
        return err.ok() ? Status::Corruption("upsert of entity " + e.id + " returned no id") : err;
      }
      const int64_t ref = upsert->Int(0);
      upsert->Reset();
      clear->Bind(1, ref);
      Status cs = clear->Run();
      if (!cs.ok()) return cs;
      auto add = [&](const std::string& text, const char* type, const std::string& lang) {
        std::string key = NormalizeKey(text);
        if (key.empty()) return Status::OK();
        alias->Bind(1, key).Bind(2, ref).Bind(3, type).Bind(4, text).Bind(5, lang);
        return alias->Run();
      };
      Status as = add(e.id, "id", "");
      if (as.ok()) as = add(e.name, "name", "en");
      for (auto [lists, type] : {std::pair{&e.names, "name"}, std::pair{&e.metonyms, "metonym"},
                                 std::pair{&e.adjectives, "adjective"}}) {
        for (const auto& [lang, list] : *lists) {
          for (const auto& n : list) {
            if (as.ok()) as = add(n, type, lang);
          }
        }
      }
      for (const auto& c : e.codes) {
        if (as.ok()) as = add(c, "code", "");
      }
      if (!as.ok()) return as;
    }
    return SetMeta(&m.db, "catalog_hash", fp);
  };
  s = run();
  if (!s.ok()) {
    m.Rollback();
    return s;
  }
  return m.Commit();
}

// ---------------------------------------------------------------- misc

Status Store::CheckIntegrity() {
  auto st = impl_->db.Prepare("PRAGMA integrity_check");
  if (!st.ok()) return st.status();
  std::string problems;
  while (st->Step()) {
    std::string line = st->Text(0);
    if (line == "ok") continue;
    if (!problems.empty()) problems += "; ";
    problems += line;
  }
  if (!st->status().ok()) return st->status();
  if (!problems.empty()) return Status::Corruption("store " + impl_->path + ": " + problems);
  return Status::OK();
}

Result<std::vector<RelationType>> Store::RelationTypes() {
  auto st = impl_->db.Prepare(
      "SELECT name, cameo, plover, quad_class, goldstein, symmetric, lasting, opposite, "
      "label_en, label_de, description FROM relation_types ORDER BY id");
  if (!st.ok()) return st.status();
  std::vector<RelationType> out;
  while (st->Step()) {
    RelationType r;
    r.name = st->Text(0);
    r.cameo = st->Text(1);
    r.plover = st->Text(2);
    r.quad_class = st->Text(3);
    r.goldstein = st->Real(4);
    r.symmetric = st->Int(5) != 0;
    r.lasting = st->Int(6) != 0;
    r.opposite = st->Text(7);
    r.label_en = st->Text(8);
    r.label_de = st->Text(9);
    r.description = st->Text(10);
    out.push_back(std::move(r));
  }
  if (!st->status().ok()) return st->status();
  return out;
}

Result<StoreStats> Store::Stats() {
  Db& db = impl_->db;
  StoreStats stats;
  auto version = store::SchemaVersion(&db);
  if (!version.ok()) return version.status();
  // A read-only handle may look at an older file (v1/v2: a plain evidence table).
  const bool v3 = *version >= 3;
  struct Q {
    const char* sql;
    int64_t* out;
  };
  const Q queries[] = {
      {"SELECT count(*) FROM documents", &stats.documents},
      {"SELECT count(*) FROM entities", &stats.entities},
      {v3 ? "SELECT count(*) FROM evidence_rows" : "SELECT count(*) FROM evidence",
       &stats.evidence},
      {v3 ? "SELECT count(*) FROM evidence_rows WHERE polarity = 1"
          : "SELECT count(*) FROM evidence WHERE polarity = 'negative'",
       &stats.evidence_negative},
      {"SELECT count(*) FROM edges", &stats.edges},
      {"SELECT count(*) FROM edges WHERE status = 'active'", &stats.edges_active},
      {"SELECT count(*) FROM edges WHERE status = 'ended'", &stats.edges_ended},
  };
  for (const Q& q : queries) {
    auto v = db.QueryInt(q.sql);
    if (!v.ok()) return v.status();
    *q.out = *v;
  }
  stats.schema_version = *version;
  if (impl_->path != ":memory:" && !impl_->path.empty()) {
    auto pages = db.QueryInt("PRAGMA page_count");
    auto size = db.QueryInt("PRAGMA page_size");
    if (!pages.ok()) return pages.status();
    if (!size.ok()) return size.status();
    stats.file_bytes = *pages * *size;
  }
  auto st = db.Prepare(
      "SELECT r.name, count(*) AS n FROM edges e JOIN relation_types r ON r.id = e.relation_ref "
      "GROUP BY r.name ORDER BY n DESC, r.name");
  if (!st.ok()) return st.status();
  while (st->Step()) stats.edges_by_relation.emplace_back(st->Text(0), st->Int(1));
  if (!st->status().ok()) return st->status();
  return stats;
}

}  // namespace geokg
