#pragma once

// Hand-written lexer and recursive-descent parser for the openCypher subset
// (docs/query.md has the grammar). Errors carry a position and are formatted
// with the offending query line and a caret under the column.

#include <memory>
#include <string>
#include <string_view>

#include "geokg/status.h"

#include "ast.h"

namespace geokg::query_internal {

// What went wrong, where. Thrown inside the query module only; the public
// functions turn it into a Status.
struct QueryError {
  enum class Kind { kSyntax, kUnsupported, kWrite, kRuntime, kLimit };
  Kind kind = Kind::kSyntax;
  Pos pos;
  std::string message;
};

// The Status for `error` in `text`: syntax errors as
//   "syntax error at line 2, column 7: expected ')' but found 'WHERE'\n"
//   "  <the query line>\n  <spaces>^"
// unsupported constructs as "unsupported: UNWIND at line 1, column 1" (plus
// the caret lines), write clauses as "write clause CREATE at line 1, column 1
// is not allowed: geokg queries are read-only", runtime errors as
// "query error at line L, column C: ...".
Status ToStatus(const QueryError& error, std::string_view text);

// Parses `text`; throws nothing, returns the AST or the Status above.
Result<std::shared_ptr<const QueryAst>> ParseQuery(std::string_view text);

}  // namespace geokg::query_internal
