#pragma once

// Private parts of the store shared by its .cpp files: the connection, the
// cached relation vocabulary and the edge rules. docs/store.md explains the
// schema and the merge rules.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/store.h"

#include "sqlite_db.h"

namespace geokg {
namespace store {

// A relation type as the store uses it, with its family: a lasting relation
// and its opposite (recognises / withdraws_recognition) form one family, and
// edges are a function of the evidence of one (pair, family).
struct RelInfo {
  int64_t ref = 0;  // relation_types.id
  std::string name;
  std::string cameo;
  std::string plover;
  double goldstein = 0.0;
  bool symmetric = false;
  bool lasting = false;
  std::string opposite;
  int64_t opposite_ref = 0;
  bool closer = false;            // not lasting, but ends its lasting opposite
  int64_t family_ref = 0;         // the family's root relation
  bool family_symmetric = false;  // pairs are normalised (A <= B) in this family
  int64_t members[2] = {0, 0};    // relation refs of the family (second may repeat the first)
};

// Which evidence makes edges: positive and factual (asserted or reported).
// Negated, future, hypothetical, intended and demanded evidence is kept but
// never becomes an edge.
inline bool MakesEdges(Polarity p, Modality m) {
  return p == Polarity::kPositive && (m == Modality::kAsserted || m == Modality::kReported);
}
// The same test in SQL over the evidence_rows table (unqualified columns).
constexpr const char* kEdgeEvidence = "polarity = 0 AND modality IN (0, 1)";

// Codes of evidence_rows.polarity, .modality and .date_precision: the order
// of the enums, which the schema (migration 2 -> 3 and the `evidence` view)
// spells out. Never renumber.
static_assert(static_cast<int>(Polarity::kPositive) == 0 &&
              static_cast<int>(Polarity::kNegative) == 1);
static_assert(static_cast<int>(Modality::kAsserted) == 0 &&
              static_cast<int>(Modality::kReported) == 1 &&
              static_cast<int>(Modality::kFuture) == 2 &&
              static_cast<int>(Modality::kHypothetical) == 3 &&
              static_cast<int>(Modality::kIntended) == 4 &&
              static_cast<int>(Modality::kDemanded) == 5);
static_assert(static_cast<int>(DatePrecision::kDay) == 0 &&
              static_cast<int>(DatePrecision::kMonth) == 1 &&
              static_cast<int>(DatePrecision::kYear) == 2 &&
              static_cast<int>(DatePrecision::kUnknown) == 3);
inline int Code(Polarity p) { return static_cast<int>(p); }
inline int Code(Modality m) { return static_cast<int>(m); }
inline int Code(DatePrecision p) { return static_cast<int>(p); }

// One edge-making evidence row as the edge rules see it.
struct EvPoint {
  const RelInfo* rel = nullptr;
  std::string_view date;
  int64_t doc = 0;
  double confidence = 0.0;
};

// One edge row produced by the rules.
struct EdgeRow {
  int64_t rel_ref = 0;
  std::string first_seen, last_seen, valid_from, valid_to, status;
  int64_t evidence_count = 0;
  int64_t source_count = 0;
  double confidence = 0.0;
};

// The merge rules: the edges of one (pair, family) from all of its positive
// evidence. A pure function of the set of points (their order does not
// matter), which is what makes the store independent of arrival order.
// Sorts `points` in place and replaces `rows` (both reused across calls to
// save allocations).
void ComputeEdges(std::vector<EvPoint>* points, std::vector<EdgeRow>* rows);

// A 64-bit hash (content hashes of documents): 8 bytes per step,
// multiply-xorshift mixing.
uint64_t Hash64(std::string_view data, uint64_t seed = 14695981039346656037ull);
std::string Hex64(uint64_t v);

}  // namespace store

struct Store::Impl {
  store::Db db;
  StoreOptions options;
  std::string path;

  std::vector<store::RelInfo> rels;
  std::unordered_map<std::string, size_t> rel_by_name;
  std::unordered_map<int64_t, size_t> rel_by_ref;

  // Re-reads relation_types into `rels`.
  Status LoadRelations();
  const store::RelInfo* FindRel(std::string_view name) const;
  const store::RelInfo* FindRel(int64_t ref) const;

  Status CheckWritable() const;
  // BEGIN IMMEDIATE (waits busy_timeout_ms for another writer).
  Status Begin();
  Status Commit();
  void Rollback();

  // A load into an empty store writes with a rollback journal instead of the
  // WAL: pages added to a file need no journal, so its rows are written once
  // instead of twice (to the WAL, then by the checkpoint). Switching needs
  // the file to ourselves; false (and WAL kept) when another connection has
  // it open. UseWal switches back after the load's transaction.
  bool UseRollbackJournal();
  void UseWal();

  Result<std::string> EntityIdOf(int64_t ref);
  Result<int64_t> EntityRef(const std::string& entity_id);
  // Deletes all edges and derives them again from the evidence.
  Result<int64_t> RebuildEdges();
  // Names shown in "did you mean" suggestions.
  Result<std::vector<std::string>> NearestEntityNames(const std::string& name, size_t k);
};

}  // namespace geokg
