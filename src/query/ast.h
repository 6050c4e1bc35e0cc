#pragma once

// The query AST: what the parser produces and the evaluator reads. Every node
// keeps its source position (1-based line and column) for error messages.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "value.h"

namespace geokg::query_internal {

struct Pos {
  int line = 1;
  int column = 1;
};

enum class ExprKind {
  kLiteral,        // literal
  kParam,          // name
  kVariable,       // name
  kProperty,       // args[0].name
  kIndex,          // args[0][args[1]]
  kList,           // [args...]
  kNot,            // NOT args[0]
  kNegate,         // -args[0]
  kBinary,         // args[0] op args[1]
  kIsNull,         // args[0] IS NULL (negated: IS NOT NULL)
  kFunction,       // name(args...), distinct for aggregates
  kCountStar,      // count(*)
  kListPredicate,  // name = all|any|none|single, var IN args[0] WHERE args[1]
};

enum class BinaryOp {
  kOr,
  kXor,
  kAnd,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kStartsWith,
  kEndsWith,
  kContains,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
};

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  Pos pos;
  std::string text;  // the expression's source text (column names, ORDER BY matching)
  Value literal;
  std::string name;  // parameter, variable, property, function (lower case), predicate
  std::string var;   // list predicate variable
  BinaryOp op = BinaryOp::kEq;
  bool distinct = false;  // aggregate(DISTINCT x)
  bool negated = false;   // IS NOT NULL
  std::vector<ExprPtr> args;
  int aggregate_index = -1;  // set by the planner for aggregate calls
};

enum class Direction { kOut, kIn, kBoth };  // -> , <- , -

struct NodePattern {
  Pos pos;
  std::string var;  // "" when anonymous
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, ExprPtr>> props;
};

struct RelPattern {
  Pos pos;
  std::string var;
  std::vector<std::string> types;  // alternatives; empty = any
  std::vector<std::pair<std::string, ExprPtr>> props;
  Direction dir = Direction::kBoth;
  bool var_length = false;
  int min_hops = 1;
  int max_hops = 1;  // -1: unbounded
};

enum class ShortestKind { kNone, kShortest, kAllShortest };

struct PathPattern {
  Pos pos;
  std::string path_var;
  ShortestKind shortest = ShortestKind::kNone;
  std::vector<NodePattern> nodes;  // rels.size() + 1
  std::vector<RelPattern> rels;
};

struct ReturnItem {
  ExprPtr expr;
  std::string alias;   // "" when none given
  std::string column;  // alias or the expression's text
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Clause {
  enum class Kind { kMatch, kWith, kReturn };
  Kind kind = Kind::kMatch;
  Pos pos;
  // kMatch
  bool optional = false;
  std::vector<PathPattern> patterns;
  // kMatch and kWith
  ExprPtr where;
  // kWith and kReturn
  bool distinct = false;
  bool star = false;  // RETURN * / WITH *
  std::vector<ReturnItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
};

struct QueryAst {
  std::string text;
  std::vector<Clause> clauses;
  std::vector<std::string> params;  // sorted, unique
};

std::string DebugString(const QueryAst& ast);

}  // namespace geokg::query_internal
