#pragma once

// Many rows in one INSERT ... SELECT: the eponymous virtual table
// `geokg_rows(c0, ..., c15)` yields the rows of a RowSource that the
// statement binds as a pointer:
//
//   INSERT INTO t(a, b) SELECT c0, c1 FROM geokg_rows(?)
//
// One step inserts them all, with the table's cursors kept open, instead of
// 16 binds, a step and a reset per row (about 20% of an evidence row's
// insert). Private to the store module.

#include <cstddef>
#include <string_view>

#include <sqlite3.h>

#include "geokg/status.h"

namespace geokg::store {

class Db;
class Stmt;

class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual size_t Rows() const = 0;
  // Sets column `col` (0-based) of row `row` with sqlite3_result_*(ctx, ...).
  // Text must stay alive until the statement's step returns (SQLITE_STATIC).
  virtual void Column(size_t row, int col, sqlite3_context* ctx) const = 0;
};

inline constexpr int kRowFeedColumns = 16;

// Sets a text column without a copy (`v` must outlive the step; an empty
// view is "", never NULL).
inline void ResultText(sqlite3_context* ctx, std::string_view v) {
  sqlite3_result_text(ctx, v.empty() ? "" : v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}

// Registers geokg_rows on the connection (once per connection).
Status RegisterRowFeed(Db* db);

// Binds `source` as parameter `i` of a statement reading geokg_rows(?i).
void BindRowSource(Stmt* st, int i, const RowSource* source);

}  // namespace geokg::store
