// Loading: triple JSONL and other stores are parsed into a Batch (documents
// with their evidence, entities interned), then written in one transaction
// that replaces changed documents' evidence and recomputes the edges of the
// affected (pair, relation family) keys. docs/store.md has the rules.

#include <string.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>
#include <future>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "geokg/triple.h"

#include "common/huge_pages.h"
#include "row_feed.h"
#include "schema.h"
#include "store_impl.h"

namespace geokg {

using store::EdgeRow;
using store::EvPoint;
using store::RelInfo;
using store::Stmt;

namespace {

struct EntityIn {
  std::string id;
  std::string name;
  EntityKind kind = EntityKind::kOther;
  int64_t ref = 0;  // entities.id once written
};

// Memory for Arenas: 2 MiB blocks on huge pages (faulted in 2 MiB at a
// time), handed out in pieces, so that the many small arenas of a load (one
// per parsed chunk) share blocks. Thread-safe.
class ArenaBlocks {
 public:
  ArenaBlocks() = default;
  ArenaBlocks(const ArenaBlocks&) = delete;
  ArenaBlocks& operator=(const ArenaBlocks&) = delete;
  ~ArenaBlocks() {
    for (auto [p, size] : blocks_) FreeHuge(p, size);
  }

  char* Take(size_t n) {
    std::lock_guard<std::mutex> lock(mu_);
    if (n > left_) {
      const size_t size = std::max(kHugePage, n);
      char* p = static_cast<char*>(AllocateHuge(size));
      blocks_.emplace_back(p, size);
      if (size > kHugePage) return p;  // an outsized piece gets a block of its own
      next_ = p;
      left_ = size;
    }
    char* out = next_;
    next_ += n;
    left_ -= n;
    return out;
  }

 private:
  std::mutex mu_;
  std::vector<std::pair<char*, size_t>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

// Copies of strings that must outlive the buffers they were parsed from,
// packed into pieces of ArenaBlocks (which own the memory). Copyable views
// stay valid as long as the ArenaBlocks.
class Arena {
 public:
  explicit Arena(ArenaBlocks* blocks) : blocks_(blocks) {}

  std::string_view Add(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
      const size_t size = std::max(kPiece, s.size());
      next_ = blocks_->Take(size);
      left_ = size;
    }
    std::memcpy(next_, s.data(), s.size());
    std::string_view out(next_, s.size());
    next_ += s.size();
    left_ -= s.size();
    return out;
  }

 private:
  static constexpr size_t kPiece = 64 << 10;
  ArenaBlocks* blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

// One triple occurrence, with entities and relation interned. The strings
// live in an Arena of the Batch, or (text and speaker) in the input block
// they were parsed in until their document is written (LoadTriples).
struct Rec {
  uint32_t subject = 0;  // index into Batch::entities
  uint32_t object = 0;
  const RelInfo* rel = nullptr;
  int sentence = 0;
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  DatePrecision precision = DatePrecision::kUnknown;
  double confidence = 0.0;
  int64_t start = 0;
  int64_t end = 0;
  std::string_view date;
  std::string_view text;
  std::string_view speaker;
  std::string_view extractor;
  uint64_t hash = 0;  // canonical hash of the input line (derived document hashes)
};

struct DocIn {
  DocumentInfo info;
  std::string given_hash;  // doc.hash of the input (or the other store's hash)
  // Its recs: runs of consecutive indices into Batch::recs, in input order
  // (one run unless the document's lines are split across the input).
  std::pair<uint32_t, uint32_t> run{0, 0};
  std::vector<std::pair<uint32_t, uint32_t>> more_runs;
  size_t count = 0;

  // What the load did with it (Writer).
  enum class Fate : uint8_t {
    kOpen,       // lines may follow: not written yet
    kWritten,    // its evidence is [first, first + written)
    kUnchanged,  // the store has the same content: untouched
    kDeferred,   // the store has it, or its lines were split: decided at the end
  };
  Fate fate = Fate::kOpen;
  int64_t first = 0;
  size_t written = 0;
  // The store's row from before this load, looked up when first written.
  bool looked_up = false;
  bool existed = false;      // the store had it before this load
  bool old_removed = false;  // its evidence from before this load is deleted
  int64_t ref = 0;           // documents.id (0 until it has a row)
  std::string old_hash;
  int64_t old_first = 0;
  int64_t old_end = 0;

  template <typename F>
  void ForEachRec(F f) const {
    for (uint32_t i = run.first; i < run.second; ++i) f(i);
    for (auto [b, e] : more_runs) {
      for (uint32_t i = b; i < e; ++i) f(i);
    }
  }

  std::string ContentHash(std::vector<uint64_t>* line_hashes) const {
    if (!given_hash.empty()) return given_hash;
    // Order of lines within the input does not matter; duplicates do.
    std::sort(line_hashes->begin(), line_hashes->end());
    uint64_t h = store::Hash64("");
    for (uint64_t v : *line_hashes) {
      h = store::Hash64(std::string_view(reinterpret_cast<const char*>(&v), sizeof v), h);
    }
    return "triples:" + store::Hex64(h) + ":" + std::to_string(line_hashes->size());
  }
};

// A growing list in blocks of huge pages that never move: a growing vector
// would copy all of its elements at every reallocation (about 7% of a first
// load's CPU) and fault in twice the memory.
template <typename T>
class BlockList {
 public:
  T& push_back(T v) {
    if (blocks_.empty() || blocks_.back().size() == kBlock) blocks_.emplace_back().reserve(kBlock);
    ++size_;
    return blocks_.back().emplace_back(std::move(v));
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& back() { return blocks_.back().back(); }
  T& operator[](size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  const T& operator[](size_t i) const { return blocks_[i / kBlock][i % kBlock]; }

 private:
  static constexpr size_t kBlock = std::max<size_t>(1, kHugePage / sizeof(T));
  std::vector<std::vector<T, HugePageAllocator<T>>> blocks_;
  size_t size_ = 0;
};

// A string with its hash, computed on the parse threads while the line is
// hot in their cache, so interning on the loading thread does not read the
// string twice.
struct Hashed {
  std::string_view s;
  size_t hash;
  Hashed() : hash(0) {}
  explicit Hashed(std::string_view v) : s(v), hash(std::hash<std::string_view>()(v)) {}
};

// Positions of strings (entity or document ids) by hash: open addressing
// over {hash, position} slots, so that a lookup reads a slot or two and, on
// a hash match, compares the string once. std::unordered_map chased a node
// per lookup: an eighth of the loading thread's time.
class HashIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The position whose string (`key_at(position)`) equals `key`, or kNone.
  template <typename KeyAt>
  uint32_t Find(const Hashed& key, const KeyAt& key_at) const {
    if (slots_.empty()) return kNone;
    for (size_t i = key.hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.position == kNone) return kNone;
      if (slot.hash == key.hash && key_at(slot.position) == key.s) return slot.position;
    }
  }

  // Adds a string not in the index (at most 2^32 - 2 of them).
  void Insert(size_t hash, uint32_t position) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    Place({hash, position});
    ++count_;
  }

 private:
  struct Slot {
    size_t hash = 0;
    uint32_t position = kNone;
  };

  void Place(Slot s) {
    size_t i = s.hash & mask_;
    while (slots_[i].position != kNone) i = (i + 1) & mask_;
    slots_[i] = s;
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.position != kNone) Place(s);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

// std::string keys looked up by string_view without a temporary string.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename V>
using ViewMap = std::unordered_map<std::string, V, ViewHash, std::equal_to<>>;

struct Batch {
  std::vector<EntityIn> entities;
  HashIndex entity_index;
  std::vector<uint32_t> filled_in;  // written entities that a later line named or typed
  BlockList<DocIn> docs;
  HashIndex doc_index;
  // All recs in input order (one list, not one per document: fewer
  // allocations); each DocIn names its runs.
  BlockList<Rec> recs;
  ArenaBlocks arena_blocks;  // backing store of the Recs' strings (Arenas)
  // Strings copied on the loading thread: evidence text of documents whose
  // input chunk is reused before they are written (LoadTriples).
  Arena copies{&arena_blocks};
  size_t last_doc = 0;

  void Add(size_t doc, const Rec& r) {
    const auto i = static_cast<uint32_t>(recs.size());
    recs.push_back(r);
    DocIn& d = docs[doc];
    auto& last = d.more_runs.empty() ? d.run : d.more_runs.back();
    if (d.count == 0) {
      d.run = {i, i + 1};
    } else if (last.second == i) {
      ++last.second;
    } else {
      d.more_runs.emplace_back(i, i + 1);
    }
    ++d.count;
  }

  uint32_t Intern(const Hashed& id, std::string_view name, EntityKind kind) {
    const uint32_t found =
        entity_index.Find(id, [this](uint32_t i) -> const std::string& { return entities[i].id; });
    if (found == HashIndex::kNone) {
      const auto index = static_cast<uint32_t>(entities.size());
      entities.push_back({std::string(id.s), std::string(name), kind, 0});
      entity_index.Insert(id.hash, index);
      return index;
    }
    EntityIn& have = entities[found];
    const bool fills = (have.name.empty() && !name.empty()) ||
                       (have.kind == EntityKind::kOther && kind != EntityKind::kOther);
    if (!fills) return found;
    if (have.name.empty()) have.name = name;
    if (have.kind == EntityKind::kOther) have.kind = kind;
    if (have.ref != 0) filled_in.push_back(found);
    return found;
  }

  size_t Doc(const TripleView::Doc& info) { return Doc(info, Hashed(info.id)); }
  size_t Doc(const TripleView::Doc& info, const Hashed& id) {
    // Lines of one document usually follow each other.
    if (!docs.empty() && docs[last_doc].info.id == info.id) {
      DocIn& d = docs[last_doc];
      if (d.given_hash.empty()) d.given_hash = info.hash;
      return last_doc;
    }
    uint32_t found =
        doc_index.Find(id, [this](uint32_t i) -> const std::string& { return docs[i].info.id; });
    if (found == HashIndex::kNone) {
      found = static_cast<uint32_t>(docs.size());
      doc_index.Insert(id.hash, found);
      docs.push_back(DocIn{});
      DocumentInfo& d = docs.back().info;
      d.id = info.id;
      d.url = info.url;
      d.title = info.title;
      d.date = info.date;
      d.lang = info.lang;
    }
    last_doc = found;
    DocIn& d = docs[found];
    if (d.given_hash.empty()) d.given_hash = info.hash;
    return last_doc;
  }
};

void AppendField(std::string* out, std::string_view s) {
  out->append(s);
  out->push_back('\x1f');
}

// The canonical form of a parsed triple: every field, in a fixed order, so
// the derived document hash ignores JSON spacing and key order. Stored
// content hashes depend on it: it must not change.
uint64_t CanonicalHash(const TripleView& t, std::string* buf) {
  buf->clear();
  for (std::string_view f : {t.doc.id,
                             t.doc.url,
                             t.doc.title,
                             t.doc.date,
                             t.doc.lang,
                             t.subject.id,
                             t.subject.name,
                             ToString(t.subject.kind),
                             t.relation,
                             t.object.id,
                             t.object.name,
                             ToString(t.object.kind),
                             ToString(t.polarity),
                             ToString(t.modality),
                             t.date,
                             ToString(t.date_precision),
                             t.evidence_text,
                             t.cameo,
                             t.plover,
                             t.speaker,
                             t.extractor}) {
    AppendField(buf, f);
  }
  // "%d|%.6f|%lld|%lld"; to_chars with a precision prints exactly as printf
  // does, several times faster. (%.6f of a double has at most 317 chars.)
  char num[400];
  auto append = [&](std::to_chars_result r) {
    if (r.ec == std::errc()) buf->append(num, r.ptr);
  };
  append(std::to_chars(num, num + sizeof num, t.sentence));
  buf->push_back('|');
  append(std::to_chars(num, num + sizeof num, t.confidence, std::chars_format::fixed, 6));
  buf->push_back('|');
  append(std::to_chars(num, num + sizeof num, static_cast<long long>(t.evidence_start)));
  buf->push_back('|');
  append(std::to_chars(num, num + sizeof num, static_cast<long long>(t.evidence_end)));
  return store::Hash64(*buf);
}

// Key of the edges of one (pair, family): refs normalised for symmetric families.
struct Key {
  int64_t subject = 0;
  int64_t object = 0;
  int64_t family = 0;
  bool operator==(const Key& o) const {
    return subject == o.subject && object == o.object && family == o.family;
  }
  bool operator<(const Key& o) const {
    if (subject != o.subject) return subject < o.subject;
    if (object != o.object) return object < o.object;
    return family < o.family;
  }
};
struct KeyHash {
  size_t operator()(const Key& k) const {
    uint64_t h = static_cast<uint64_t>(k.subject) * 0x9E3779B97F4A7C15ull;
    h ^= static_cast<uint64_t>(k.object) + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h ^= static_cast<uint64_t>(k.family) + 0x85EBCA77C2B2AE63ull + (h << 6) + (h >> 2);
    return static_cast<size_t>(h);
  }
};

// Evidence rows waiting to be inserted by one statement (row_feed.h).
class PendingEvidence : public store::RowSource {
 public:
  struct Row {
    const Rec* rec;
    int64_t id;
    int64_t document_ref;
    int64_t subject_ref;
    int64_t object_ref;
    int64_t extractor_ref;
  };
  std::vector<Row> rows;

  size_t Rows() const override { return rows.size(); }
  void Column(size_t i, int col, sqlite3_context* ctx) const override {
    const Row& row = rows[i];
    const Rec& r = *row.rec;
    auto text = [ctx](std::string_view v) { store::ResultText(ctx, v); };
    switch (col) {
      case 0: sqlite3_result_int64(ctx, row.id); break;
      case 1: sqlite3_result_int64(ctx, row.document_ref); break;
      case 2: sqlite3_result_int64(ctx, r.sentence); break;
      case 3: sqlite3_result_int64(ctx, row.subject_ref); break;
      case 4: sqlite3_result_int64(ctx, r.rel->ref); break;
      case 5: sqlite3_result_int64(ctx, row.object_ref); break;
      case 6: sqlite3_result_int64(ctx, store::Code(r.polarity)); break;
      case 7: sqlite3_result_int64(ctx, store::Code(r.modality)); break;
      case 8: text(r.date); break;
      case 9: sqlite3_result_int64(ctx, store::Code(r.precision)); break;
      case 10: sqlite3_result_double(ctx, r.confidence); break;
      case 11: sqlite3_result_int64(ctx, r.start); break;
      case 12: sqlite3_result_int64(ctx, r.end); break;
      case 13: text(r.text); break;
      case 14: text(r.speaker); break;
      case 15: sqlite3_result_int64(ctx, row.extractor_ref); break;
      default: break;
    }
  }
};

// Computed edges of keys, inserted by one statement (row_feed.h): every
// edge insert goes through one (Writer::InsertEdges).
class EdgeBlock : public store::RowSource {
 public:
  static constexpr size_t kRows = 1 << 16;  // rows queued before an insert

  std::vector<std::pair<Key, EdgeRow>, HugePageAllocator<std::pair<Key, EdgeRow>>> rows;

  size_t Rows() const override { return rows.size(); }
  void Column(size_t i, int col, sqlite3_context* ctx) const override {
    const auto& [key, row] = rows[i];
    auto text = [ctx](std::string_view v) { store::ResultText(ctx, v); };
    switch (col) {
      case 0: sqlite3_result_int64(ctx, key.subject); break;
      case 1: sqlite3_result_int64(ctx, row.rel_ref); break;
      case 2: sqlite3_result_int64(ctx, key.object); break;
      case 3: text(row.first_seen); break;
      case 4: text(row.last_seen); break;
      case 5: text(row.valid_from); break;
      case 6: text(row.valid_to); break;
      case 7: sqlite3_result_int64(ctx, row.evidence_count); break;
      case 8: sqlite3_result_int64(ctx, row.source_count); break;
      case 9: sqlite3_result_double(ctx, row.confidence); break;
      case 10: text(row.status); break;
      default: break;
    }
  }
};

// Writes a Batch in one transaction. New documents are written while the
// batch is still being read (Close), which overlaps parsing and writing; a
// document whose lines turn out to be split across the input is taken back
// (Reopen), and it and the documents the store already has are written by
// Finish. Owns the prepared statements; the destructor rolls back a
// transaction that did not finish.
class Writer {
 public:
  Writer(Store::Impl* m, Batch* batch) : m_(m), batch_(batch) {}
  ~Writer() {
    if (open_) m_->Rollback();
    if (rollback_journal_) m_->UseWal();
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Starts the transaction. A load into an empty store builds the secondary
  // indexes once at the end instead of row by row.
  Status Begin(const LoadOptions& options) {
    options_ = &options;
    // The journal can only be switched outside a transaction; inside it the
    // contents are asked again, where no other writer can change them.
    auto before = Contents();
    if (!before.ok()) return before.status();
    if (!before->documents && !before->edges) rollback_journal_ = m_->UseRollbackJournal();
    Status s = m_->Begin();
    if (!s.ok()) return s;
    open_ = true;
    s = Prepare(&find_doc_,
                "SELECT id, content_hash, evidence_first, triples FROM documents WHERE doc_id = ?");
    if (s.ok()) {
      s = Prepare(&insert_doc_,
                  "INSERT INTO documents(doc_id, url, title, date, lang, content_hash, triples, "
                  "evidence_first) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }
    if (s.ok()) {
      s = Prepare(&update_doc_,
                  "UPDATE documents SET url = ?, title = ?, date = ?, lang = ?, content_hash = ?, "
                  "triples = ?, evidence_first = ? WHERE id = ?");
    }
    if (s.ok()) s = Prepare(&delete_ev_, "DELETE FROM evidence_rows WHERE id >= ? AND id < ?");
    if (s.ok()) {
      s = Prepare(&insert_ev_,
                  "INSERT INTO evidence_rows(id, document_ref, sentence, subject_ref, "
                  "relation_ref, object_ref, polarity, modality, event_date, date_precision, "
                  "confidence, span_start, span_end, text, speaker, extractor_ref) "
                  "SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15 "
                  "FROM geokg_rows(?)");
    }
    if (!s.ok()) return s;
    auto now = Contents();
    if (!now.ok()) return now.status();
    edges_empty_ = !now->edges;
    had_documents_ = now->documents;
    // Each document's evidence is one id range after all existing rows.
    auto max_id = m_->db.QueryInt("SELECT coalesce(max(id), 0) FROM evidence_rows");
    if (!max_id.ok()) return max_id.status();
    next_id_ = *max_id + 1;
    if (!had_documents_ && edges_empty_) {
      for (const auto& index : store::kBulkIndexes) {
        s = m_->db.Exec(std::string("DROP INDEX IF EXISTS ") + index.name);
        if (!s.ok()) return s;
      }
      bulk_ = true;
    }
    return Status::OK();
  }

  // The lines of `doc` have ended (for now): write it if it is new. One the
  // store has waits for Finish: only all of its lines can tell whether it
  // changed.
  Status Close(size_t doc) {
    DocIn& d = batch_->docs[doc];
    if (d.fate != DocIn::Fate::kOpen) return Status::OK();  // deferred ones wait for Finish
    Status s = LookUp(&d);
    if (!s.ok()) return s;
    if (d.existed) {
      d.fate = DocIn::Fate::kDeferred;
      return Status::OK();
    }
    return WriteDoc(&d);
  }

  // Inserts the queued evidence rows (their recs' strings outlive the step).
  Status FlushEvidence() {
    if (pending_.rows.empty()) return Status::OK();
    store::BindRowSource(&insert_ev_, 1, &pending_);
    Status s = insert_ev_.Run();
    pending_.rows.clear();
    return s;
  }

  // Whether the store had documents when the load began.
  bool had_documents() const { return had_documents_; }

  // More lines of the closed document `doc` follow: take back what Close
  // wrote; Finish writes the whole document.
  Status Reopen(size_t doc) {
    DocIn& d = batch_->docs[doc];
    if (d.fate == DocIn::Fate::kWritten) {
      const int64_t end = d.first + static_cast<int64_t>(d.written);
      Status s = FlushEvidence();
      if (s.ok()) s = RestoreText(d, end);
      if (s.ok()) s = delete_ev_.Bind(1, d.first).Bind(2, end).Run();
      if (!s.ok()) return s;
    }
    if (d.fate != DocIn::Fate::kOpen) d.fate = DocIn::Fate::kDeferred;
    return Status::OK();
  }

  // Writes the documents not written yet, then the edges of every (pair,
  // family) whose evidence changed, runs `extra` and commits.
  Result<LoadStats> Finish(LoadStats stats, const std::function<Status()>& extra) {
    Status s;
    auto& docs = batch_->docs;
    for (size_t i = 0; i < docs.size(); ++i) {
      DocIn& d = docs[i];
      if (d.fate == DocIn::Fate::kOpen || d.fate == DocIn::Fate::kDeferred) {
        s = WriteDoc(&d);
        if (!s.ok()) return s;
      }
    }
    s = WriteEntities();
    if (s.ok()) s = FlushEvidence();
    if (!s.ok()) return s;
    size_t written = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      const DocIn& d = docs[i];
      if (d.fate == DocIn::Fate::kUnchanged) {
        ++stats.documents_unchanged;
        continue;
      }
      ++(d.existed ? stats.documents_changed : stats.documents_new);
      stats.evidence_added += static_cast<int64_t>(d.written);
      written += d.written;
    }
    if (bulk_) {
      // The evidence index is built while another thread collects and sorts
      // the edge points (waited for by ~future, also on failure).
      auto points = std::async(std::launch::async, [this, written] { CollectPoints(written); });
      s = BuildIndexes({store::kEvidenceByTriple});
      points.get();
    } else {
      CollectPoints(written);
    }
    if (s.ok()) s = Recompute(&stats);
    // edges_by_pair was kept during the edge inserts: a bulk load (no edges,
    // no changed documents) always takes InsertComputedEdges.
    if (s.ok() && bulk_) s = BuildIndexes({store::kEdgesByObject});
    if (s.ok() && extra) s = extra();
    if (!s.ok()) return s;
    open_ = false;
    s = m_->Commit();
    if (rollback_journal_) {
      m_->UseWal();
      rollback_journal_ = false;
    }
    if (!s.ok()) return s;
    return stats;
  }

 private:
  Status Prepare(Stmt* st, std::string_view sql) {
    auto r = m_->db.Prepare(sql);
    if (!r.ok()) return r.status();
    *st = std::move(r.value());
    return Status::OK();
  }

  // Whether the store has documents and edges.
  struct StoreContents {
    bool documents = false;
    bool edges = false;
  };
  Result<StoreContents> Contents() {
    auto docs = m_->db.QueryInt("SELECT EXISTS(SELECT 1 FROM documents)");
    if (!docs.ok()) return docs.status();
    auto edges = m_->db.QueryInt("SELECT EXISTS(SELECT 1 FROM edges)");
    if (!edges.ok()) return edges.status();
    return StoreContents{*docs != 0, *edges != 0};
  }

  // Builds the indexes a bulk load dropped. SQLite sorts an index's keys in
  // parts of at most cache_size each, on `PRAGMA threads` threads (when temp
  // storage is a file, as the store's connection keeps it): small parts on
  // two threads were 1.5x faster than one in-memory sort (docs/store.md).
  Status BuildIndexes(std::initializer_list<size_t> which) {
    Status s = m_->db.Exec("PRAGMA threads = 2; PRAGMA cache_size = -4096");
    for (size_t i : which) {
      if (s.ok()) s = m_->db.Exec(store::kBulkIndexes[i].create_sql);
    }
    Status r = m_->db.Exec("PRAGMA threads = 0; PRAGMA cache_size = -" +
                           std::to_string(m_->options.cache_kib));
    return s.ok() ? r : s;
  }

  // Entity id strings by ref, for normalising pairs read back from the store.
  Result<std::string> IdOf(int64_t ref) {
    auto it = ids_.find(ref);
    if (it != ids_.end()) return it->second;
    auto id = m_->EntityIdOf(ref);
    if (!id.ok()) return id.status();
    ids_.emplace(ref, *id);
    return id;
  }

  Result<Key> MakeKey(int64_t subject, int64_t object, const RelInfo& rel) {
    Key k{subject, object, rel.family_ref};
    if (rel.family_symmetric && subject != object) {
      auto a = IdOf(subject);
      if (!a.ok()) return a.status();
      auto b = IdOf(object);
      if (!b.ok()) return b.status();
      if (*b < *a) std::swap(k.subject, k.object);
    }
    return k;
  }

  // Writes the entities interned since the last call, and updates written
  // ones that a later line named or typed.
  Status WriteEntities() {
    if (!find_entity_.valid()) {
      Status s = Prepare(&find_entity_,
                         "SELECT id, name, kind, in_catalog FROM entities WHERE entity_id = ?");
      if (s.ok()) {
        s = Prepare(&insert_entity_,
                    "INSERT INTO entities(entity_id, name, kind) VALUES (?, ?, ?)");
      }
      if (s.ok()) {
        s = Prepare(
            &insert_alias_,
            "INSERT OR IGNORE INTO aliases(lookup_key, entity_ref, type, alias, lang, source) "
            "VALUES (?, ?, ?, ?, '', 'triple')");
      }
      if (s.ok()) {
        s = Prepare(&update_entity_, "UPDATE entities SET name = ?, kind = ? WHERE id = ?");
      }
      if (!s.ok()) return s;
    }
    for (; entities_written_ < batch_->entities.size(); ++entities_written_) {
      Status s = WriteEntity(&batch_->entities[entities_written_]);
      if (!s.ok()) return s;
    }
    for (uint32_t i : batch_->filled_in) {
      Status s = WriteEntity(&batch_->entities[i]);
      if (!s.ok()) return s;
    }
    batch_->filled_in.clear();
    return Status::OK();
  }

  Status AddAlias(int64_t ref, const std::string& text, const char* type) {
    std::string key = NormalizeKey(text);
    if (key.empty()) return Status::OK();
    insert_alias_.Bind(1, key).Bind(2, ref).Bind(3, type).Bind(4, text);
    return insert_alias_.Run();
  }

  Status WriteEntity(EntityIn* e) {
    Stmt& find = find_entity_;
    find.Bind(1, e->id);
    if (find.Step()) {
      e->ref = find.Int(0);
      std::string name = find.Text(1), kind = find.Text(2);
      bool in_catalog = find.Int(3) != 0;
      find.Reset();
      // Triples fill in what a bare id lacked; the catalog is never overridden.
      if (!in_catalog && ((name == e->id && !e->name.empty() && e->name != name) ||
                          (kind == "other" && e->kind != EntityKind::kOther))) {
        update_entity_.Bind(1, name == e->id && !e->name.empty() ? e->name : name);
        update_entity_.Bind(2, kind == "other" ? ToString(e->kind) : std::string_view(kind));
        update_entity_.Bind(3, e->ref);
        Status s = update_entity_.Run();
        if (s.ok() && !e->name.empty()) s = AddAlias(e->ref, e->name, "name");
        if (!s.ok()) return s;
      }
    } else {
      Status s = find.status();
      find.Reset();
      if (!s.ok()) return s;
      insert_entity_.Bind(1, e->id)
          .Bind(2, e->name.empty() ? e->id : e->name)
          .Bind(3, ToString(e->kind));
      s = insert_entity_.Run();
      if (!s.ok()) return s;
      e->ref = sqlite3_last_insert_rowid(m_->db.handle());
      s = AddAlias(e->ref, e->id, "id");
      if (s.ok() && !e->name.empty()) s = AddAlias(e->ref, e->name, "name");
      if (!s.ok()) return s;
    }
    ids_.emplace(e->ref, e->id);
    return Status::OK();
  }

  // What the store has of `d` from before this load (once per document).
  Status LookUp(DocIn* d) {
    if (d->looked_up) return Status::OK();
    d->looked_up = true;
    if (!had_documents_) return Status::OK();
    find_doc_.Bind(1, d->info.id);
    if (find_doc_.Step()) {
      d->existed = true;
      d->ref = find_doc_.Int(0);
      d->old_hash = find_doc_.Text(1);
      d->old_first = find_doc_.Int(2);
      d->old_end = d->old_first + find_doc_.Int(3);
    }
    Status s = find_doc_.status();
    find_doc_.Reset();
    return s;
  }

  // Writes one document as the batch has it now: nothing if the store has
  // the same content, else its evidence replaces what the store had.
  Status WriteDoc(DocIn* d) {
    Status s = WriteEntities();
    if (!s.ok()) return s;
    line_hashes_.clear();
    d->ForEachRec([&](uint32_t i) { line_hashes_.push_back(batch_->recs[i].hash); });
    const std::string hash = d->ContentHash(&line_hashes_);
    s = LookUp(d);
    if (!s.ok()) return s;
    if (d->existed && !d->old_removed) {
      if (d->old_hash == hash) {
        d->fate = DocIn::Fate::kUnchanged;
        return Status::OK();
      }
      s = CollectOldKeys(d->old_first, d->old_end);
      if (s.ok()) s = delete_ev_.Bind(1, d->old_first).Bind(2, d->old_end).Run();
      if (!s.ok()) return s;
      d->old_removed = true;
    }
    const DocumentInfo& info = d->info;
    const auto count = static_cast<int64_t>(d->count);
    if (d->ref != 0) {
      update_doc_.Bind(1, info.url).Bind(2, info.title).Bind(3, info.date);
      update_doc_.Bind(4, info.lang).Bind(5, hash);
      update_doc_.Bind(6, count).Bind(7, next_id_).Bind(8, d->ref);
      s = update_doc_.Run();
    } else {
      insert_doc_.Bind(1, info.id).Bind(2, info.url).Bind(3, info.title);
      insert_doc_.Bind(4, info.date).Bind(5, info.lang).Bind(6, hash);
      insert_doc_.Bind(7, count).Bind(8, next_id_);
      s = insert_doc_.Run();
      d->ref = sqlite3_last_insert_rowid(m_->db.handle());
    }
    if (!s.ok()) return s;
    d->first = next_id_;
    d->ForEachRec([&](uint32_t i) {
      if (!s.ok()) return;
      const Rec& r = batch_->recs[i];
      auto extractor = ExtractorRef(r.extractor);
      if (!extractor.ok()) {
        s = extractor.status();
        return;
      }
      pending_.rows.push_back({&r, next_id_++, d->ref, batch_->entities[r.subject].ref,
                               batch_->entities[r.object].ref, *extractor});
    });
    if (s.ok() && pending_.rows.size() >= kPendingRows) s = FlushEvidence();
    if (!s.ok()) return s;
    d->written = d->count;
    d->fate = DocIn::Fate::kWritten;
    written_ += count;
    if (options_->on_progress) options_->on_progress(written_);
    return Status::OK();
  }

  // Copies the text and speaker of a written document's recs back from its
  // rows [d.first, end): the input chunks they pointed into may be reused.
  Status RestoreText(const DocIn& d, int64_t end) {
    if (!read_text_.valid()) {
      Status s = Prepare(&read_text_,
                         "SELECT text, speaker FROM evidence_rows WHERE id >= ? AND id < ? "
                         "ORDER BY id");
      if (!s.ok()) return s;
    }
    read_text_.Bind(1, d.first).Bind(2, end);
    bool more = true;
    d.ForEachRec([&](uint32_t i) {  // the order the rows were written in
      more = more && read_text_.Step();
      if (!more) return;
      Rec& r = batch_->recs[i];
      r.text = batch_->copies.Add(read_text_.Text(0));
      r.speaker = batch_->copies.Add(read_text_.Text(1));
    });
    Status s = read_text_.status();
    read_text_.Reset();
    if (!s.ok()) return s;
    if (!more) return Status::Corruption("evidence of a document being loaded is missing");
    return Status::OK();
  }

  // The edge-making evidence of the documents written (`written` rows), with
  // their keys, into points_ (one allocation of the right size), sorted by
  // key. Reads only the batch: may run beside SQLite work on another thread.
  void CollectPoints(size_t written) {
    points_.clear();
    points_.reserve(written);
    auto& docs = batch_->docs;
    for (size_t i = 0; i < docs.size(); ++i) {
      const DocIn& d = docs[i];
      if (d.fate != DocIn::Fate::kWritten) continue;
      d.ForEachRec([&](uint32_t rec) {
        const Rec& r = batch_->recs[rec];
        if (!store::MakesEdges(r.polarity, r.modality)) return;
        const EntityIn& subject = batch_->entities[r.subject];
        const EntityIn& object = batch_->entities[r.object];
        Key key{subject.ref, object.ref, r.rel->family_ref};
        if (r.rel->family_symmetric && object.id < subject.id) std::swap(key.subject, key.object);
        points_.push_back({key, {r.rel, r.date, d.ref, r.confidence}});
      });
    }
    std::sort(points_.begin(), points_.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
  }

  // Keys of the positive evidence a changed document is about to lose: its
  // rows [first, end).
  Status CollectOldKeys(int64_t first, int64_t end) {
    Stmt& st = old_keys_;
    if (!st.valid()) {
      Status s = Prepare(
          &st, std::string("SELECT subject_ref, object_ref, relation_ref FROM evidence_rows "
                           "WHERE id >= ? AND id < ? AND ") +
                   store::kEdgeEvidence);
      if (!s.ok()) return s;
    }
    st.Bind(1, first).Bind(2, end);
    std::vector<std::tuple<int64_t, int64_t, int64_t>> rows;
    while (st.Step()) rows.emplace_back(st.Int(0), st.Int(1), st.Int(2));
    Status s = st.status();
    st.Reset();
    if (!s.ok()) return s;
    for (auto [subj, obj, rel_ref] : rows) {
      const RelInfo* rel = m_->FindRel(rel_ref);
      if (rel == nullptr)
        return Status::Corruption("evidence names unknown relation #" + std::to_string(rel_ref));
      auto key = MakeKey(subj, obj, *rel);
      if (!key.ok()) return key.status();
      db_keys_.insert(*key);
    }
    return Status::OK();
  }

  // The id of an extractor name in `extractors`, added if new.
  Result<int64_t> ExtractorRef(std::string_view name) {
    if (extractor_ref_ != 0 && name == extractor_name_) return extractor_ref_;
    auto it = extractors_.find(name);
    if (it == extractors_.end()) {
      if (!find_extractor_.valid()) {
        Status s = Prepare(&find_extractor_, "SELECT id FROM extractors WHERE name = ?");
        if (s.ok()) s = Prepare(&insert_extractor_, "INSERT INTO extractors(name) VALUES (?)");
        if (!s.ok()) return s;
      }
      find_extractor_.Bind(1, name);
      int64_t ref = 0;
      if (find_extractor_.Step()) ref = find_extractor_.Int(0);
      Status s = find_extractor_.status();
      find_extractor_.Reset();
      if (!s.ok()) return s;
      if (ref == 0) {
        s = insert_extractor_.Bind(1, name).Run();
        if (!s.ok()) return s;
        ref = sqlite3_last_insert_rowid(m_->db.handle());
      }
      it = extractors_.emplace(std::string(name), ref).first;
    }
    extractor_name_ = it->first;
    extractor_ref_ = it->second;
    return extractor_ref_;
  }

  Status Recompute(LoadStats* stats) {
    Stmt exists, read, remove, insert;
    Status s = Prepare(&exists,
                       "SELECT 1 FROM edges WHERE subject_ref = ? AND object_ref = ? "
                       "AND relation_ref IN (?, ?) LIMIT 1");
    if (s.ok()) {
      s = Prepare(&read,
                  std::string("SELECT relation_ref, event_date, document_ref, confidence "
                              "FROM evidence_rows "
                              "WHERE subject_ref = ? AND object_ref = ? AND relation_ref IN (?, ?) "
                              "AND ") +
                      store::kEdgeEvidence);
    }
    if (s.ok()) {
      s = Prepare(&remove,
                  "DELETE FROM edges WHERE subject_ref = ? AND object_ref = ? "
                  "AND relation_ref IN (?, ?)");
    }
    if (s.ok()) s = PrepareEdgeInsert(&m_->db, &insert);
    if (!s.ok()) return s;

    if (edges_empty_ && db_keys_.empty()) return InsertComputedEdges(&insert, stats);
    EdgeBlock queued;                // edges computed, not inserted yet
    std::vector<std::string> dates;  // backing store of points read from the store
    std::vector<EvPoint> points;
    std::vector<EdgeRow> rows;
    // One (pair, family) at a time: this batch's points, or all of its
    // evidence read back when the store had some before.
    auto compute = [&](const Key& key, size_t begin, size_t end, bool from_db) -> Status {
      const RelInfo* fam = m_->FindRel(key.family);
      if (fam == nullptr)
        return Status::Corruption("unknown relation family #" + std::to_string(key.family));
      if (!from_db && !edges_empty_) {
        exists.Bind(1, key.subject)
            .Bind(2, key.object)
            .Bind(3, fam->members[0])
            .Bind(4, fam->members[1]);
        from_db = exists.Step();
        Status es = exists.status();
        exists.Reset();
        if (!es.ok()) return es;
      }
      points.clear();
      if (from_db) {
        dates.clear();
        std::vector<std::tuple<int64_t, size_t, int64_t, double>> rows;
        for (int dir = 0; dir < 2; ++dir) {
          if (dir == 1 && (!fam->family_symmetric || key.subject == key.object)) break;
          read.Bind(1, dir == 0 ? key.subject : key.object);
          read.Bind(2, dir == 0 ? key.object : key.subject);
          read.Bind(3, fam->members[0]).Bind(4, fam->members[1]);
          while (read.Step()) {
            dates.push_back(read.Text(1));
            rows.emplace_back(read.Int(0), dates.size() - 1, read.Int(2), read.Real(3));
          }
          Status rs = read.status();
          read.Reset();
          if (!rs.ok()) return rs;
        }
        for (auto& [rel_ref, date_index, doc, conf] : rows) {
          const RelInfo* rel = m_->FindRel(rel_ref);
          if (rel == nullptr)
            return Status::Corruption("evidence names unknown relation #" +
                                      std::to_string(rel_ref));
          points.push_back({rel, dates[date_index], doc, conf});
        }
        remove.Bind(1, key.subject)
            .Bind(2, key.object)
            .Bind(3, fam->members[0])
            .Bind(4, fam->members[1]);
        Status ds = remove.Run();
        if (!ds.ok()) return ds;
      } else {
        for (size_t i = begin; i < end; ++i) points.push_back(points_[i].second);
      }
      store::ComputeEdges(&points, &rows);
      for (EdgeRow& row : rows) queued.rows.emplace_back(key, std::move(row));
      stats->edges_touched += static_cast<int64_t>(rows.size());
      // Keys are distinct: queued rows of other keys do not affect this one's
      // exists/remove above.
      return queued.rows.size() >= EdgeBlock::kRows ? InsertEdges(&insert, &queued)
                                                    : Status::OK();
    };
    for (size_t i = 0; i < points_.size();) {
      size_t j = i + 1;
      while (j < points_.size() && points_[j].first == points_[i].first) ++j;
      const Key key = points_[i].first;
      const bool from_db = db_keys_.erase(key) > 0;
      s = compute(key, i, j, from_db);
      if (!s.ok()) return s;
      i = j;
    }
    // Keys only changed documents had: their remaining evidence, if any.
    std::vector<Key> rest(db_keys_.begin(), db_keys_.end());
    std::sort(rest.begin(), rest.end());
    for (const Key& key : rest) {
      s = compute(key, 0, 0, true);
      if (!s.ok()) return s;
    }
    return InsertEdges(&insert, &queued);
  }

  // The store had no edges: each key's edges are a pure function of this
  // batch's points. A second thread computes them block by block while this
  // one inserts the block before.
  Status InsertComputedEdges(Stmt* insert, LoadStats* stats) {
    constexpr size_t kBlockPoints = EdgeBlock::kRows;
    Status s;
    auto cut = [this](size_t begin) {  // a block ends with a key
      size_t end = std::min(begin + kBlockPoints, points_.size());
      while (end < points_.size() && points_[end].first == points_[end - 1].first) ++end;
      return end;
    };
    // Fills `block` (a recycled one: its memory is reused, not faulted in again).
    auto compute = [this](size_t begin, size_t end, EdgeBlock block) {
      block.rows.clear();
      std::vector<EvPoint> points;
      std::vector<EdgeRow> rows;
      for (size_t i = begin; i < end;) {
        size_t j = i + 1;
        while (j < end && points_[j].first == points_[i].first) ++j;
        points.clear();
        for (size_t k = i; k < j; ++k) points.push_back(points_[k].second);
        store::ComputeEdges(&points, &rows);
        std::stable_sort(rows.begin(), rows.end(), [](const EdgeRow& a, const EdgeRow& b) {
          return a.rel_ref < b.rel_ref;
        });
        for (EdgeRow& row : rows) block.rows.emplace_back(points_[i].first, std::move(row));
        i = j;
      }
      return block;
    };
    if (bulk_) {
      // The rows come in edges_by_pair's key order (blocks by key, rows of a
      // key by relation), and one statement inserts a block: the index's
      // cursor stays on its last page, so keeping the index is cheaper than
      // building it after (0.05-0.1 s less on 1M edges, docs/store.md).
      s = m_->db.Exec(store::kBulkIndexes[store::kEdgesByPair].create_sql);
      if (!s.ok()) return s;
    }
    size_t end = cut(0);
    std::future<EdgeBlock> next =
        std::async(std::launch::async, compute, size_t{0}, end, EdgeBlock());
    EdgeBlock spare;
    while (next.valid()) {
      EdgeBlock block = next.get();
      if (end < points_.size()) {
        const size_t begin = end;
        end = cut(begin);
        next = std::async(std::launch::async, compute, begin, end, std::move(spare));
      }
      stats->edges_touched += static_cast<int64_t>(block.rows.size());
      s = InsertEdges(insert, &block);
      if (!s.ok()) return s;  // ~future waits for the block being computed
      spare = std::move(block);
    }
    return Status::OK();
  }

 public:
  // The statement that inserts an EdgeBlock's rows.
  static Status PrepareEdgeInsert(store::Db* db, Stmt* st) {
    auto r = db->Prepare(
        "INSERT INTO edges(subject_ref, relation_ref, object_ref, first_seen, last_seen, "
        "valid_from, valid_to, evidence_count, source_count, confidence, status) "
        "SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 FROM geokg_rows(?)");
    if (!r.ok()) return r.status();
    *st = std::move(r.value());
    return Status::OK();
  }

  // Inserts the rows of `block` and empties it (its memory is kept).
  static Status InsertEdges(Stmt* st, EdgeBlock* block) {
    if (block->rows.empty()) return Status::OK();
    store::BindRowSource(st, 1, block);
    Status s = st->Run();
    block->rows.clear();
    return s;
  }

 private:
  Store::Impl* m_;
  Batch* batch_;
  const LoadOptions* options_ = nullptr;
  bool open_ = false;         // the transaction is ours to commit or roll back
  bool rollback_journal_ = false;  // switched from WAL for this load (empty store)
  bool edges_empty_ = false;  // the store had no edges when the load began
  bool had_documents_ = true;  // ... and had documents (else none needs looking up)
  bool bulk_ = false;         // indexes are built at the end
  int64_t next_id_ = 0;       // the next evidence id
  int64_t written_ = 0;       // triples written so far (progress)
  size_t entities_written_ = 0;
  std::vector<uint64_t> line_hashes_;
  Stmt find_doc_, insert_doc_, update_doc_, delete_ev_, insert_ev_;
  // Evidence rows not inserted yet: documents' ids are assigned when they are
  // written, the rows inserted kPendingRows at a time (and before any delete).
  static constexpr size_t kPendingRows = 4096;
  PendingEvidence pending_;
  Stmt find_entity_, insert_entity_, insert_alias_, update_entity_;
  std::unordered_map<int64_t, std::string> ids_;
  // Edge-making evidence of this batch.
  std::vector<std::pair<Key, EvPoint>, HugePageAllocator<std::pair<Key, EvPoint>>> points_;
  std::unordered_set<Key, KeyHash> db_keys_;     // keys whose stored evidence changed
  ViewMap<int64_t> extractors_;                  // extractors.id by name
  std::string_view extractor_name_;              // the last one looked up
  int64_t extractor_ref_ = 0;
  Stmt find_extractor_, insert_extractor_, old_keys_, read_text_;
};

std::string LineError(const std::string& source, int64_t line, const std::string& msg) {
  return source + ":" + std::to_string(line) + ": " + msg;
}

Status UnknownRelation(const Store::Impl& m, std::string_view relation) {
  if (m.rels.empty()) {
    return Status::InvalidArgument("unknown relation \"" + std::string(relation) +
                                   "\": the store has no relation vocabulary yet "
                                   "(import data/relations.json)");
  }
  return Status::InvalidArgument("unknown relation \"" + std::string(relation) +
                                 "\" (not in the relation vocabulary)");
}

// A parsed, checked line: what the batch needs of it. `t`'s document and
// entity strings point into the input chunk; the Rec's into the chunk's arena.
struct ParsedLine {
  int64_t line = 0;
  std::string error;  // a bad line: the message (without position); the rest is unset
  TripleView t;
  uint64_t hash = 0;
  Hashed doc_id, subject_id, object_id;  // t's ids with their hashes
  Rec rec;

  void HashIds() {
    doc_id = Hashed(t.doc.id);
    subject_id = Hashed(t.subject.id);
    object_id = Hashed(t.object.id);
  }
};

// Per-chunk parse state: the last date and extractor copied to the arena
// (lines repeat them: one copy serves all).
struct ParseState {
  Arena* arena;
  bool copy_text;  // else text and speaker stay in the chunk (see LoadTriples)
  std::string scratch;
  std::string_view date, extractor;

  std::string_view Copy(std::string_view s, std::string_view* last) {
    if (s != *last) *last = arena->Add(s);
    return *last;
  }
};

// Parses and checks one line (thread-safe: reads only the vocabulary). The
// Rec's date and extractor are copied to the arena, its text and speaker
// too or they stay in `text` (parsed in place).
void ParseLine(const Store::Impl& m, char* text, size_t size, ParseState* state,
               ParsedLine* out) {
  Status s = ParseTripleJsonInSitu(text, size, &out->t);
  const TripleView& t = out->t;
  const RelInfo* rel = s.ok() ? m.FindRel(t.relation) : nullptr;
  if (s.ok() && rel == nullptr) s = UnknownRelation(m, t.relation);
  if (!s.ok()) {
    out->error = s.message();
    return;
  }
  out->hash = CanonicalHash(t, &state->scratch);
  out->HashIds();
  Rec& r = out->rec;
  r.rel = rel;
  r.sentence = t.sentence;
  r.polarity = t.polarity;
  r.modality = t.modality;
  r.precision = t.date_precision;
  r.confidence = t.confidence;
  r.start = t.evidence_start;
  r.end = t.evidence_end;
  r.date = state->Copy(t.date, &state->date);
  r.extractor = state->Copy(t.extractor, &state->extractor);
  r.text = state->copy_text ? state->arena->Add(t.evidence_text) : t.evidence_text;
  r.speaker = state->copy_text ? state->arena->Add(t.speaker) : t.speaker;
}

constexpr size_t kNoDoc = static_cast<size_t>(-1);

// Adds a parsed line to the batch (the Rec's strings already live in one of
// the batch's arena blocks). When the line starts another document, the writer
// writes the one before it; `open_doc` is the document of the last line.
Status AddParsed(Batch* batch, Writer* writer, size_t* open_doc, const ParsedLine& p) {
  const size_t doc = batch->Doc(p.t.doc, p.doc_id);
  if (doc != *open_doc) {
    if (*open_doc != kNoDoc) {
      Status s = writer->Close(*open_doc);
      if (!s.ok()) return s;
    }
    if (batch->docs[doc].count > 0) {
      Status s = writer->Reopen(doc);
      if (!s.ok()) return s;
    }
    *open_doc = doc;
  }
  Rec r = p.rec;
  r.hash = p.hash;
  r.subject = batch->Intern(p.subject_id, p.t.subject.name, p.t.subject.kind);
  r.object = batch->Intern(p.object_id, p.t.object.name, p.t.object.kind);
  batch->Add(doc, r);
  return Status::OK();
}

// A block of whole input lines, parsed on a worker thread.
struct Chunk {
  std::unique_ptr<char[]> text;
  size_t size = 0;
  size_t capacity = 0;  // of `text`
  explicit Chunk(ArenaBlocks* blocks) : arena(blocks) {}
  Arena arena;
  std::vector<ParsedLine> lines;  // non-blank lines
  int64_t line_count = 0;         // lines in the chunk, blank ones too
  // Once added: its recs are Batch::recs[first_rec, end_rec), of `docs`.
  uint32_t first_rec = 0;
  uint32_t end_rec = 0;
  std::vector<size_t> docs;
};

void ParseChunk(const Store::Impl& m, bool copy_text, Chunk* c) {
  ParseState state{&c->arena, copy_text, {}, {}, {}};
  char* p = c->text.get();
  char* const end = p + c->size;
  int64_t line_no = 0;  // within the chunk: the loading thread knows where it starts
  while (p < end) {
    char* nl = static_cast<char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    char* line_end = nl != nullptr ? nl : end;  // `end` is a spare writable byte
    size_t size = static_cast<size_t>(line_end - p);
    if (size > 0 && p[size - 1] == '\r') --size;
    bool blank = true;
    for (size_t i = 0; i < size && blank; ++i) blank = p[i] == ' ' || p[i] == '\t';
    if (!blank) {
      ParsedLine& out = c->lines.emplace_back();
      out.line = line_no;  // 0-based within the chunk until added
      ParseLine(m, p, size, &state, &out);
    }
    ++line_no;
    p = line_end + 1;
  }
  c->line_count = line_no;
}

// Reads the next chunk of whole lines (about `chunk_bytes`) from `in`;
// `carry` holds a partial line between calls. False at the end of input.
bool ReadChunk(std::istream& in, size_t chunk_bytes, std::string* carry, Chunk* c) {
  const size_t kChunkBytes = std::max<size_t>(1, chunk_bytes);
  for (;;) {
    // Chunks are recycled: their buffers are reused, not allocated (and
    // faulted in) again for every megabyte.
    const size_t cap = carry->size() + kChunkBytes + 1;  // +1: the parser's terminator
    if (c->capacity < cap) {
      c->text = std::make_unique_for_overwrite<char[]>(cap + (64 << 10));
      c->capacity = cap + (64 << 10);
    }
    char* const buf_ptr = c->text.get();
    std::memcpy(buf_ptr, carry->data(), carry->size());
    size_t have = carry->size();
    in.read(buf_ptr + have, static_cast<std::streamsize>(kChunkBytes));
    have += static_cast<size_t>(in.gcount());
    carry->clear();
    if (have == 0) return false;
    size_t cut = have;
    if (in) {  // more may follow: keep the partial last line for the next chunk
      const char* nl = static_cast<const char*>(memrchr(buf_ptr, '\n', have));
      cut = nl == nullptr ? 0 : static_cast<size_t>(nl - buf_ptr) + 1;
      carry->assign(buf_ptr + cut, have - cut);
      if (cut == 0) continue;  // a line longer than a chunk: read on
    }
    c->size = cut;
    return true;
  }
}

}  // namespace

Result<LoadStats> Store::LoadTriples(std::istream& in, const std::string& source_name,
                                     const LoadOptions& options) {
  Impl& m = *impl_;
  Status s = m.CheckWritable();
  if (!s.ok()) return s;
  Batch batch;
  LoadStats stats;
  // Documents are written while later chunks are parsed.
  Writer writer(&m, &batch);
  s = writer.Begin(options);
  if (!s.ok()) return s;
  // Into an empty store, the evidence text stays in the parsed input block
  // until its document is written, nearly always at once (`retire` below).
  // Into a store with documents, those it has wait for the end of the input
  // (they may be unchanged): there the parse threads copy the text, which
  // the loading thread would otherwise have to.
  const bool copy_text = writer.had_documents();
  size_t open_doc = kNoDoc;
  // Chunks are parsed on worker threads, at most `threads` at a time, and
  // added to the batch in input order on this thread, so errors, skips and
  // the batch are the same as for a line-by-line parse.
  const int threads = std::max(1, options.parse_threads);
  std::deque<std::pair<std::unique_ptr<Chunk>, std::future<void>>> pending;
  std::string carry;
  int64_t next_line = 1;
  bool eof = false;
  auto add_chunk = [&](Chunk* c) -> Status {
    c->first_rec = static_cast<uint32_t>(batch.recs.size());
    c->docs.clear();
    for (ParsedLine& p : c->lines) {
      ++stats.lines;
      if (!p.error.empty()) {
        const int64_t line = next_line + p.line;
        if (!options.skip_bad) {
          return Status::InvalidArgument(LineError(source_name, line, p.error));
        }
        ++stats.skipped;
        if (options.on_skip) options.on_skip(line, p.error);
        continue;
      }
      Status as = AddParsed(&batch, &writer, &open_doc, p);
      if (!as.ok()) return as;
      if (c->docs.empty() || c->docs.back() != open_doc) c->docs.push_back(open_doc);
      ++stats.triples;
    }
    c->end_rec = static_cast<uint32_t>(batch.recs.size());
    next_line += c->line_count;
    return Status::OK();
  };
  // Before a chunk's buffer is reused, which the evidence text of its recs
  // points into: the rows still to be inserted are, and the recs of its
  // documents not written yet get copies (a document written already that
  // turns out to continue gets its text back from the store: Reopen).
  auto retire = [&](Chunk* c) -> Status {
    Status rs = writer.FlushEvidence();
    if (!rs.ok() || copy_text) return rs;
    std::sort(c->docs.begin(), c->docs.end());
    c->docs.erase(std::unique(c->docs.begin(), c->docs.end()), c->docs.end());
    for (size_t doc : c->docs) {
      const DocIn& d = batch.docs[doc];
      if (d.fate == DocIn::Fate::kWritten || d.fate == DocIn::Fate::kUnchanged) continue;
      d.ForEachRec([&](uint32_t i) {
        if (i < c->first_rec || i >= c->end_rec) return;
        Rec& r = batch.recs[i];
        r.text = batch.copies.Add(r.text);
        r.speaker = batch.copies.Add(r.speaker);
      });
    }
    c->docs.clear();
    return Status::OK();
  };
  std::vector<std::unique_ptr<Chunk>> spare;
  while (!eof || !pending.empty()) {
    while (!eof && pending.size() < static_cast<size_t>(threads)) {
      std::unique_ptr<Chunk> c;
      if (spare.empty()) {
        c = std::make_unique<Chunk>(&batch.arena_blocks);
      } else {
        c = std::move(spare.back());
        spare.pop_back();
        s = retire(c.get());
        if (!s.ok()) return s;
        c->lines.clear();
      }
      if (!ReadChunk(in, options.chunk_bytes, &carry, c.get())) {
        eof = true;
        break;
      }
      Chunk* raw = c.get();
      if (threads == 1) {
        ParseChunk(m, copy_text, raw);
        pending.emplace_back(std::move(c), std::future<void>());
      } else {
        pending.emplace_back(std::move(c),
                             std::async(std::launch::async,
                                        [&m, copy_text, raw] { ParseChunk(m, copy_text, raw); }));
      }
    }
    if (pending.empty()) break;
    if (pending.front().second.valid()) pending.front().second.get();
    s = add_chunk(pending.front().first.get());
    spare.push_back(std::move(pending.front().first));
    pending.pop_front();
    if (!s.ok()) return s;  // ~future waits for the chunks still being parsed
  }
  if (in.bad()) return Status::IOError("cannot read " + source_name);
  return writer.Finish(stats, nullptr);
}

Result<LoadStats> Store::LoadTriples(const std::vector<Triple>& triples) {
  Impl& m = *impl_;
  Status s = m.CheckWritable();
  if (!s.ok()) return s;
  Batch batch;
  Arena arena(&batch.arena_blocks);
  LoadStats stats;
  const LoadOptions options;
  Writer writer(&m, &batch);
  s = writer.Begin(options);
  if (!s.ok()) return s;
  size_t open_doc = kNoDoc;
  std::string scratch;
  ParsedLine p;
  for (size_t i = 0; i < triples.size(); ++i) {
    ++stats.lines;
    p.t = ToView(triples[i]);
    const RelInfo* rel = m.FindRel(p.t.relation);
    if (rel == nullptr) {
      return Status::InvalidArgument("triple #" + std::to_string(i + 1) + ": " +
                                     UnknownRelation(m, p.t.relation).message());
    }
    p.hash = CanonicalHash(p.t, &scratch);
    p.HashIds();
    Rec& r = p.rec;
    r.rel = rel;
    r.sentence = p.t.sentence;
    r.polarity = p.t.polarity;
    r.modality = p.t.modality;
    r.precision = p.t.date_precision;
    r.confidence = p.t.confidence;
    r.start = p.t.evidence_start;
    r.end = p.t.evidence_end;
    r.date = arena.Add(p.t.date);
    r.text = arena.Add(p.t.evidence_text);
    r.speaker = arena.Add(p.t.speaker);
    r.extractor = arena.Add(p.t.extractor);
    s = AddParsed(&batch, &writer, &open_doc, p);
    if (!s.ok()) return s;
    ++stats.triples;
  }
  return writer.Finish(stats, nullptr);
}

Result<int64_t> Store::Impl::RebuildEdges() {
  // Caller holds the write transaction.
  Status s = db.Exec("DELETE FROM edges");
  if (!s.ok()) return s;
  auto read = db.Prepare(
      std::string("SELECT v.subject_ref, v.object_ref, v.relation_ref, v.event_date, "
                  "v.document_ref, v.confidence, s.entity_id, o.entity_id FROM evidence_rows v "
                  "JOIN entities s ON s.id = v.subject_ref JOIN entities o ON o.id = v.object_ref "
                  "WHERE ") +
      store::kEdgeEvidence);
  if (!read.ok()) return read.status();
  // Every edge-making evidence row with its key, sorted by key: the same
  // (pair, family) groups a load computes.
  ArenaBlocks date_blocks;
  Arena dates(&date_blocks);
  std::vector<std::pair<Key, EvPoint>> all;
  while (read->Step()) {
    const RelInfo* rel = FindRel(read->Int(2));
    if (rel == nullptr) continue;  // a relation type removed from the vocabulary
    Key k{read->Int(0), read->Int(1), rel->family_ref};
    if (rel->family_symmetric && read->Text(7) < read->Text(6)) std::swap(k.subject, k.object);
    all.push_back({k, {rel, dates.Add(read->Text(3)), read->Int(4), read->Real(5)}});
  }
  if (!read->status().ok()) return read->status();
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  Stmt insert;
  s = Writer::PrepareEdgeInsert(&db, &insert);
  if (!s.ok()) return s;
  int64_t n = 0;
  std::vector<EvPoint> points;
  std::vector<EdgeRow> rows;
  EdgeBlock queued;
  for (size_t i = 0; i < all.size();) {
    const Key key = all[i].first;
    points.clear();
    for (; i < all.size() && all[i].first == key; ++i) points.push_back(all[i].second);
    store::ComputeEdges(&points, &rows);
    for (EdgeRow& row : rows) queued.rows.emplace_back(key, std::move(row));
    n += static_cast<int64_t>(rows.size());
    if (queued.rows.size() >= EdgeBlock::kRows) {
      s = Writer::InsertEdges(&insert, &queued);
      if (!s.ok()) return s;
    }
  }
  s = Writer::InsertEdges(&insert, &queued);
  if (!s.ok()) return s;
  return n;
}

Result<LoadStats> Store::MergeFrom(const std::string& other_path) {
  Impl& m = *impl_;
  Status s = m.CheckWritable();
  if (!s.ok()) return s;
  StoreOptions ro;
  ro.read_only = true;
  ro.busy_timeout_ms = m.options.busy_timeout_ms;
  auto other = Store::Open(other_path, ro);
  if (!other.ok()) return other.status();
  store::Db& odb = (*other)->impl_->db;

  // Relation types the shard knows and we do not: copy them first.
  bool new_relations = false;
  {
    auto types = (*other)->RelationTypes();
    if (!types.ok()) return types.status();
    for (const RelationType& r : *types) {
      if (m.FindRel(r.name) != nullptr) continue;
      auto st = m.db.Prepare(
          "INSERT INTO relation_types(name, cameo, plover, quad_class, goldstein, symmetric, "
          "lasting, opposite, label_en, label_de, description) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
      if (!st.ok()) return st.status();
      st->Bind(1, r.name).Bind(2, r.cameo).Bind(3, r.plover).Bind(4, r.quad_class);
      st->Bind(5, r.goldstein).Bind(6, r.symmetric ? 1 : 0).Bind(7, r.lasting ? 1 : 0);
      st->Bind(8, r.opposite).Bind(9, r.label_en).Bind(10, r.label_de).Bind(11, r.description);
      s = st->Run();
      if (!s.ok()) return s;
      new_relations = true;
    }
    if (new_relations) {
      s = m.LoadRelations();
      if (!s.ok()) return s;
    }
  }

  Batch batch;
  LoadStats stats;
  std::unordered_map<int64_t, uint32_t> entity_of;  // other's entities.id -> batch index
  std::unordered_map<int64_t, const RelInfo*> rel_of;
  std::unordered_map<int64_t, size_t> doc_of;
  {
    auto st = odb.Prepare("SELECT id, entity_id, name, kind FROM entities");
    if (!st.ok()) return st.status();
    while (st->Step()) {
      EntityRef e;
      e.id = st->Text(1);
      e.name = st->Text(2);
      e.kind = ParseEntityKind(st->Text(3)).value_or(EntityKind::kOther);
      entity_of[st->Int(0)] = batch.Intern(Hashed(e.id), e.name, e.kind);
    }
    if (!st->status().ok()) return st->status();
    auto rt = odb.Prepare("SELECT id, name FROM relation_types");
    if (!rt.ok()) return rt.status();
    while (rt->Step()) rel_of[rt->Int(0)] = m.FindRel(rt->Text(1));
    if (!rt->status().ok()) return rt->status();
    auto docs = odb.Prepare(
        "SELECT id, doc_id, url, title, date, lang, content_hash FROM documents ORDER BY id");
    if (!docs.ok()) return docs.status();
    while (docs->Step()) {
      DocumentInfo info;
      info.id = docs->Text(1);
      info.url = docs->Text(2);
      info.title = docs->Text(3);
      info.date = docs->Text(4);
      info.lang = docs->Text(5);
      info.hash = docs->Text(6);
      doc_of[docs->Int(0)] = batch.Doc({info.id, info.url, info.title, info.date, info.lang,
                                        info.hash});
    }
    if (!docs->status().ok()) return docs->status();
  }
  Arena arena(&batch.arena_blocks);
  auto ev = odb.Prepare(
      "SELECT document_ref, sentence, subject_ref, relation_ref, object_ref, polarity, modality, "
      "event_date, date_precision, confidence, span_start, span_end, text, speaker, extractor "
      "FROM evidence ORDER BY id");
  if (!ev.ok()) return ev.status();
  while (ev->Step()) {
    auto d = doc_of.find(ev->Int(0));
    auto subj = entity_of.find(ev->Int(2));
    auto rel = rel_of.find(ev->Int(3));
    auto obj = entity_of.find(ev->Int(4));
    if (d == doc_of.end() || subj == entity_of.end() || obj == entity_of.end() ||
        rel == rel_of.end() || rel->second == nullptr) {
      return Status::Corruption("store " + other_path + ": evidence row references a missing row");
    }
    Rec r;
    r.subject = subj->second;
    r.object = obj->second;
    r.rel = rel->second;
    r.sentence = static_cast<int>(ev->Int(1));
    r.polarity = ParsePolarity(ev->Text(5)).value_or(Polarity::kPositive);
    r.modality = ParseModality(ev->Text(6)).value_or(Modality::kAsserted);
    r.date = arena.Add(ev->Text(7));
    r.precision = ParseDatePrecision(ev->Text(8)).value_or(DatePrecision::kUnknown);
    r.confidence = ev->Real(9);
    r.start = ev->Int(10);
    r.end = ev->Int(11);
    r.text = arena.Add(ev->Text(12));
    r.speaker = arena.Add(ev->Text(13));
    r.extractor = arena.Add(ev->Text(14));
    batch.Add(d->second, r);
    ++stats.triples;
  }
  if (!ev->status().ok()) return ev->status();
  stats.lines = stats.triples;

  // The shard's aliases (catalog names) travel with its entities.
  std::vector<
      std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>>
      aliases;
  {
    auto al = odb.Prepare(
        "SELECT a.lookup_key, e.entity_id, a.type, a.alias, a.lang, a.source "
        "FROM aliases a JOIN entities e ON e.id = a.entity_ref");
    if (!al.ok()) return al.status();
    while (al->Step()) {
      aliases.emplace_back(al->Text(0), al->Text(1), al->Text(2), al->Text(3), al->Text(4),
                           al->Text(5));
    }
    if (!al->status().ok()) return al->status();
  }
  auto copy_aliases = [&]() -> Status {
    auto ins = m.db.Prepare(
        "INSERT OR IGNORE INTO aliases(lookup_key, entity_ref, type, alias, lang, source) "
        "SELECT ?, id, ?, ?, ?, ? FROM entities WHERE entity_id = ?");
    if (!ins.ok()) return ins.status();
    for (const auto& [key, entity, type, alias, lang, source] : aliases) {
      ins->Bind(1, key).Bind(2, type).Bind(3, alias).Bind(4, lang).Bind(5, source).Bind(6, entity);
      Status as = ins->Run();
      if (!as.ok()) return as;
    }
    return Status::OK();
  };
  const LoadOptions options;
  Writer writer(&m, &batch);
  s = writer.Begin(options);
  if (!s.ok()) return s;
  return writer.Finish(stats, copy_aliases);
}

}  // namespace geokg
