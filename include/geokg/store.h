#pragma once

// The graph store: an embedded SQLite file that merges relation triples over
// time. It keeps documents, entities with aliases, relation types, one
// evidence row per triple occurrence, and aggregated edges with validity
// intervals (README "Store schema" documents the tables and views).
//
// Thread-safety: a Store object is used by one thread at a time. Several
// processes may open the same file: readers work while one writer loads
// (WAL); a second writer waits `busy_timeout_ms`, then gets Status::Busy.

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "geokg/model.h"
#include "geokg/ontology.h"
#include "geokg/status.h"

namespace geokg {

struct StoreOptions {
  // Create the file (and schema) if it does not exist. Default: true.
  bool create_if_missing = true;
  // Open read-only; any write returns InvalidArgument. Default: false.
  bool read_only = false;
  // How long a writer waits for another writer's lock, in milliseconds. Default: 5000.
  int busy_timeout_ms = 5000;
  // SQLite page cache size in KiB. Default: 65536 (64 MiB).
  int cache_kib = 65536;
  // Highest schema version to migrate to; 0 = the current one. Default: 0.
  // Only tests and upgrade tooling set it (to stop at an older version).
  int migrate_to = 0;
};

struct LoadOptions {
  // Skip malformed lines (each reported through `on_skip`) instead of failing
  // the whole file. Default: false (a bad line aborts, nothing is written).
  bool skip_bad = false;
  // Called for each skipped line: (line number, message). May be empty.
  std::function<void(int64_t line, const std::string& message)> on_skip;
  // Called inside the write transaction after each document is written
  // (its evidence rows may still be queued for a multi-row insert), with the
  // number of triples written so far (progress display; tests use it to act
  // while the transaction is open). May be empty.
  std::function<void(int64_t triples_written)> on_progress;
  // Threads that parse the input (in blocks of about 1 MiB, added to the
  // load in input order) while the calling thread writes; 1 parses on the
  // calling thread. Default: 3 (on 2 cores, 3 blocks in flight kept the
  // writing thread busier than 2: 6% faster first loads).
  int parse_threads = 3;
  // Size of those blocks in bytes (a line longer than that is one block).
  // Tests use small blocks to cross block boundaries often.
  size_t chunk_bytes = size_t{1} << 20;
};

struct LoadStats {
  int64_t lines = 0;              // non-blank lines read
  int64_t triples = 0;            // triples accepted
  int64_t skipped = 0;            // bad lines skipped (skip_bad)
  int64_t documents_new = 0;      // documents not seen before
  int64_t documents_changed = 0;  // documents whose evidence was replaced
  int64_t documents_unchanged = 0;  // re-ingested documents with the same content: untouched
  int64_t evidence_added = 0;     // evidence rows inserted
  int64_t edges_touched = 0;      // edges created or recomputed
};

struct StoreStats {
  int64_t documents = 0;
  int64_t entities = 0;
  int64_t evidence = 0;
  int64_t evidence_negative = 0;  // negated evidence (kept, never an edge)
  int64_t edges = 0;
  int64_t edges_active = 0;
  int64_t edges_ended = 0;
  int64_t file_bytes = 0;  // 0 for :memory:
  int schema_version = 0;
  std::vector<std::pair<std::string, int64_t>> edges_by_relation;  // most first
};

// Filters for reading the graph out of the store (snapshots, exports).
// Empty / zero fields do not filter.
struct GraphFilter {
  std::string as_of;                   // only edges valid at this ISO date
  std::string since;                   // only edges seen on or after (last_seen >= since)
  std::string until;                   // only edges seen on or before (first_seen <= until)
  std::vector<std::string> relations;  // relation names
  std::vector<std::string> plover;     // PLOVER types
  std::vector<EntityKind> kinds;       // both ends must be of these kinds
  int64_t min_evidence = 0;            // evidence_count >= this
  double min_confidence = 0.0;         // confidence >= this
  bool include_ended = true;           // edges whose validity was closed by their opposite
};

// The nodes and edges of GraphData in columns (Store::ReadGraphTable,
// Snapshot::table()): every repeated string (entity ids, relation names and
// codes, dates, statuses) is stored once and edges refer to it by index, so
// a million edges cost no string allocation. Same order as GraphData.
struct GraphTable {
  struct Relation {
    std::string name;
    std::string cameo;
    std::string plover;
    double goldstein = 0.0;
    bool symmetric = false;
  };
  struct EdgeRow {
    int64_t id = 0;
    uint32_t subject = 0;   // index into `nodes`
    uint32_t object = 0;    // index into `nodes`
    uint32_t relation = 0;  // index into `relations`
    // Indices into `strings`.
    uint32_t first_seen = 0;
    uint32_t last_seen = 0;
    uint32_t valid_from = 0;
    uint32_t valid_to = 0;
    uint32_t status = 0;
    int64_t evidence_count = 0;
    int64_t source_count = 0;
    double confidence = 0.0;
  };
  std::vector<Entity> nodes;
  std::vector<Relation> relations;
  std::vector<std::string> strings;  // dates and statuses
  std::vector<EdgeRow> edges;

  // Edge `i` as GraphData holds it. Requires i < edges.size() and valid indices.
  Edge MakeEdge(size_t i) const;
  // All nodes and edges as GraphData.
  GraphData ToGraphData() const;
};

// One evidence row, as `geokg evidence` and exports show it.
struct EvidenceRow {
  DocumentInfo doc;
  int sentence = 0;
  std::string subject;  // entity id
  std::string relation;
  std::string object;  // entity id
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  std::string date;
  DatePrecision date_precision = DatePrecision::kUnknown;
  double confidence = 0.0;
  Evidence evidence;
  std::string speaker;
  std::string extractor;
};

class Store {
 public:
  // Opens (or creates) the store at `path` (":memory:" for a private
  // in-memory store) and migrates its schema to the current version.
  // Fails with IOError if the file cannot be opened, Corruption if it is not
  // a geokg store, Busy if a migration cannot take the lock.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Loads the relation vocabulary (upsert of relation types). Triples whose
  // relation is not in the store's vocabulary are rejected by LoadTriples.
  Status ImportVocabulary(const RelationVocabulary& vocab);
  // Upserts entities with their names and aliases from the catalog.
  Status ImportCatalog(const EntityCatalog& catalog);

  // Merges triple JSONL from `in` in one transaction. `source_name` (a file
  // name or "-") prefixes every error: "<source>:<line>: <message>". On
  // error nothing of this input is written.
  Result<LoadStats> LoadTriples(std::istream& in, const std::string& source_name,
                                const LoadOptions& options = {});
  // Same for triples already parsed (the extractor's `ingest`), one
  // transaction per call. Documents are grouped by doc.id.
  Result<LoadStats> LoadTriples(const std::vector<Triple>& triples);

  // Merges the documents and evidence of another geokg store file.
  Result<LoadStats> MergeFrom(const std::string& other_path);

  Result<StoreStats> Stats();

  // Entities whose name or alias contains `match` (lookup key match; all if empty).
  Result<std::vector<Entity>> Entities(const std::string& match = "");
  // Resolves a name (id, name or alias, any language) to an entity id.
  // NotFound says "no entity named X; did you mean: A, B, C".
  Result<std::string> ResolveEntity(const std::string& name);

  // All evidence behind subject-relation-object (symmetric relations in
  // either direction), newest first.
  Result<std::vector<EvidenceRow>> EvidenceFor(const std::string& subject_id,
                                               const std::string& relation,
                                               const std::string& object_id);
  // All edges between two entities (either direction), by valid_from/first_seen.
  Result<std::vector<Edge>> Timeline(const std::string& a_id, const std::string& b_id);

  // The nodes and edges that pass `filter` (nodes: the ends of those edges,
  // with their aliases, sorted by id; edges sorted by subject id, relation,
  // object id, valid_from, edge id).
  Result<GraphData> ReadGraph(const GraphFilter& filter = {});
  // The same selection in columns (what Snapshot::FromStore reads).
  Result<GraphTable> ReadGraphTable(const GraphFilter& filter = {});
  // All entities, edges or not.
  Result<std::vector<Entity>> AllEntities();

  // Runs PRAGMA integrity_check; OK if the file is consistent.
  Status CheckIntegrity();

  // The relation types the store knows (its copy of the vocabulary).
  Result<std::vector<RelationType>> RelationTypes();
  // The path the store was opened with.
  const std::string& path() const;

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg
