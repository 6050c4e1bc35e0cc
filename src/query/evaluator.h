#pragma once

// The evaluator: runs a QueryAst over a graph snapshot by backtracking
// pattern matching, then projects, aggregates, orders and pages the rows.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "geokg/graph.h"
#include "geokg/query.h"

#include "ast.h"
#include "value.h"

namespace geokg::query_internal {

// What the engine adds to the snapshot for matching.
struct EngineIndex {
  std::shared_ptr<const Snapshot> snapshot;
  QueryOptions options;
  std::unordered_map<std::string, int32_t> type_ids;               // relation name -> id
  std::vector<int32_t> edge_type;                                  // per edge
  std::unordered_map<std::string, std::vector<uint32_t>> by_name;  // canonical name -> nodes
  // NormalizeKey(id | name | alias) -> node, built on first use by resolve().
  mutable std::once_flag keys_once;
  mutable std::unordered_map<std::string, uint32_t> by_key;

  void Build();
  const std::unordered_map<std::string, uint32_t>& Keys() const;
};

struct Table {
  std::vector<std::string> columns;
  std::vector<ValueList> rows;
};

// Runs `ast`. Throws QueryError (parser.h) on a runtime error or a limit.
Table Execute(const EngineIndex& index, const QueryAst& ast,
              const std::map<std::string, Value>& params);

}  // namespace geokg::query_internal
