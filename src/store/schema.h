#pragma once

// The store's SQL schema as a list of migrations. Version N of the schema is
// what migrations 1..N produce; PRAGMA user_version records it.
// docs/store.md documents the tables and views.

#include <cstddef>

#include "sqlite_db.h"

namespace geokg::store {

// The schema version this build writes.
constexpr int kSchemaVersion = 3;

// Page size of new store files, in bytes (existing files keep theirs).
constexpr int kPageSize = 16384;

// Brings the store to `target` (0 = kSchemaVersion), one migration per
// transaction, each version N -> N+1. Fails with Corruption if the file
// is not a geokg store or is newer than this build.
Status Migrate(Db* db, int target);

// Indexes a bulk load into an empty store may drop and build again at the
// end (faster than updating them row by row). Same definitions as in the
// migrations.
struct IndexDef {
  const char* name;
  const char* create_sql;
};
extern const IndexDef kBulkIndexes[3];
// Their positions in kBulkIndexes.
inline constexpr size_t kEvidenceByTriple = 0;
inline constexpr size_t kEdgesByPair = 1;
inline constexpr size_t kEdgesByObject = 2;

// The current user_version.
Result<int> SchemaVersion(Db* db);

}  // namespace geokg::store
