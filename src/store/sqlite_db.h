#pragma once

// A thin RAII layer over the SQLite C API: one connection, prepared
// statements, and the mapping of SQLite result codes to geokg::Status.
// Private to the store module.

#include <cstdint>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "geokg/status.h"

namespace geokg::store {

class Db;

// A prepared statement. Bind*() take 1-based indexes; Step() returns true
// while there is a row. Reset() rewinds for reuse and clears bindings.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt();
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool valid() const { return stmt_ != nullptr; }

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);  // bound as TEXT (transient copy)
  // Bound as TEXT without a copy: `v` must stay alive until Reset()/Run().
  Stmt& BindStatic(int i, std::string_view v);
  Stmt& BindNull(int i);
  // Bound with sqlite3_bind_pointer (NULL to SQL): for virtual tables.
  Stmt& BindPointer(int i, void* p, const char* type);

  // Runs one step. Returns true if a row is ready. Errors go to status().
  bool Step();
  // Runs to completion (for writes); returns the first error.
  Status Run();
  Status status() const { return status_; }
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const;
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  friend class Db;
  Stmt(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Db* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens `path` with sqlite3_open_v2 flags.
  Status Open(const std::string& path, int flags);
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements without results.
  Status Exec(const std::string& sql);
  Result<Stmt> Prepare(std::string_view sql);
  // Runs a query that yields one integer (0 if no row).
  Result<int64_t> QueryInt(const std::string& sql);

  // Maps an SQLite result code (and the connection's message) to a Status.
  Status Error(int rc, std::string_view what) const;

  int busy_timeout_ms = 0;  // for the Busy message

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace geokg::store
