#pragma once

// A read-only subset of openCypher over a GraphData selection of the store.
// `Query::Parse` turns text into a reusable parsed query (hand-written lexer
// and recursive-descent parser); `QueryEngine` indexes one GraphData and runs
// parsed queries over it by backtracking pattern matching. docs/query.md lists
// the supported constructs, the date and symmetric-relation rules and the
// saved queries under queries/.
//
// Errors: Parse returns InvalidArgument for a syntax error (message: "syntax
// error at line L, column C: ..." followed by the query line and a caret
// under the column), Unsupported for a valid construct geokg does not run
// ("unsupported: UNWIND at line 1, column 1") and InvalidArgument for a write
// clause (CREATE, MERGE, SET, DELETE, REMOVE, DETACH). Run returns
// InvalidArgument for a bad parameter, type or function at a query position,
// and Unsupported("... limit exceeded ...") when a QueryOptions bound is hit.
//
// Nothing here writes: a query only reads the GraphData it was given.

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/graph.h"
#include "geokg/model.h"
#include "geokg/status.h"

namespace geokg {

struct QueryOptions {
  // Largest number of rows any clause may produce (result rows and the
  // intermediate rows between clauses). Exceeding it fails the query with
  // Unsupported("row limit exceeded ..."). Default: 1,000,000.
  int64_t max_rows = 1'000'000;
  // Upper bound for variable-length patterns written without one (`*`,
  // `*2..`). A `*` pattern that could go on
  // past it fails with Unsupported("path length limit exceeded ..."); give an
  // explicit `*..n` to search further. Shortest-path searches are not bound
  // by it (a breadth-first search cannot run away). Default: 10 hops.
  int max_hops = 10;
  // Work bound: relationships examined while matching, summed over the
  // query. Exceeding it fails with Unsupported("expansion limit exceeded
  // ..."). Default: 200,000,000.
  int64_t max_expansions = 200'000'000;
};

// One value of a result row or a parameter.
struct QueryValue {
  enum class Type {
    kNull,
    kBool,
    kInt,
    kFloat,
    kString,
    kDate,
    kList,
    kNode,
    kRelationship,
    kPath
  };
  Type type = Type::kNull;
  bool bool_value = false;
  int64_t int_value = 0;
  double float_value = 0.0;
  std::string text;                    // kString; kDate: ISO date "2022", "2022-07" or "2022-07-15"
  std::vector<QueryValue> items;       // kList; kPath: node, relationship, node, ... (path order)
  std::shared_ptr<const Entity> node;  // kNode
  std::shared_ptr<const Edge> edge;    // kRelationship (fields as stored: subject -> object)

  static QueryValue Null() { return {}; }
  static QueryValue Bool(bool v);
  static QueryValue Int(int64_t v);
  static QueryValue Float(double v);
  static QueryValue String(std::string v);
  static QueryValue Date(std::string iso);  // caller checks the text with CheckIsoDate
  static QueryValue List(std::vector<QueryValue> items);
};

// Parameter name (without '$') -> value.
using QueryParams = std::map<std::string, QueryValue>;

// Reads a parameter value as the CLI's --param does: an integer or decimal
// number; a date "YYYY-MM-DD" or "YYYY-MM" becomes a date; true/false a
// boolean; text in single or double quotes a string without the quotes (use
// it to force "2022" to be a string); anything else a string.
QueryValue ParseParamValue(std::string_view text);

// Parses "name=value" (value as ParseParamValue). InvalidArgument if there is
// no '=' or the name is not an identifier.
Status ParseParamAssignment(std::string_view text, QueryParams* params);

// The default parameters written in a saved query's header: every comment
// line of the form `// params: a=UKR b=RUS name='North Korea'` before the
// first clause contributes its assignments (whitespace separated, quotes
// keep spaces). Returns an empty map if there is no such line.
Result<QueryParams> ParamsFromHeader(std::string_view query_text);

struct QueryResult {
  std::vector<std::string> columns;           // RETURN item aliases or their source text
  std::vector<std::vector<QueryValue>> rows;  // each row has columns.size() values
};

namespace query_internal {
struct QueryAst;
}

// A parsed query. Cheap to copy (shares the immutable AST); safe to use from
// several threads.
class Query {
 public:
  // Parses `text`; see the header comment for the error forms.
  static Result<Query> Parse(std::string_view text);

  // The query text it was parsed from.
  const std::string& text() const;
  // Names of the parameters the query references ($name), sorted, unique.
  std::vector<std::string> Parameters() const;
  // A compact S-expression of the AST, for tests and `geokg query --explain`:
  // "(query (match (pattern (node a State) (rel out recognises 1 1) (node b)))
  //  (return (item a.name)))".
  std::string DebugString() const;

  const query_internal::QueryAst& ast() const { return *ast_; }

 private:
  explicit Query(std::shared_ptr<const query_internal::QueryAst> ast) : ast_(std::move(ast)) {}
  std::shared_ptr<const query_internal::QueryAst> ast_;
};

// Runs queries over one graph snapshot (graph.h): adjacency comes from the
// snapshot, shortestPath/allShortestPaths from the graph module's path
// functions. Building it adds a small index (relation type ids, node names).
// Run is const and may be called from several threads at once. Result values
// share ownership of the snapshot, so they stay valid after the engine goes.
class QueryEngine {
 public:
  explicit QueryEngine(std::shared_ptr<const Snapshot> snapshot, QueryOptions options = {});
  // Builds the snapshot from `graph`; passes on Snapshot::Build's error.
  static Result<std::unique_ptr<QueryEngine>> FromGraph(GraphData graph, QueryOptions options = {});
  ~QueryEngine();
  QueryEngine(const QueryEngine&) = delete;
  QueryEngine& operator=(const QueryEngine&) = delete;

  // Runs a parsed query. Every parameter the query references must be in
  // `params` (InvalidArgument "missing parameter $a" otherwise).
  Result<QueryResult> Run(const Query& query, const QueryParams& params = {}) const;
  // Parses and runs.
  Result<QueryResult> Run(std::string_view text, const QueryParams& params = {}) const;

  const Snapshot& snapshot() const;
  const QueryOptions& options() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Output formats by name: "table" (aligned text with a header rule and a row
// count), "json" (an array of objects, one per row; nodes, relationships and
// paths as nested objects), "csv" (RFC 4180, header row), "tsv" (header row,
// tab-separated, the form of the golden files under queries/expected/).
// Returns InvalidArgument for an unknown format name.
Status WriteQueryResult(const QueryResult& result, std::string_view format, std::ostream& out);

// A value as the table and TSV formats show it: nodes "Ukraine (UKR)",
// relationships "[:recognises]", paths "(UKR)-[:cuts_ties]-(RUS)", lists
// "[a, b]", null as "null".
std::string QueryValueToText(const QueryValue& value);

}  // namespace geokg
