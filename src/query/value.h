#pragma once

// The evaluator's value: small, cheap to copy for nodes and relationships
// (an index into the GraphData), shared for lists and paths.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geokg {
class Snapshot;
}

namespace geokg::query_internal {

struct Value;
using ValueList = std::vector<Value>;

// A path: nodes[0] -rels[0]- nodes[1] ... (indices into GraphData).
struct PathData {
  std::vector<uint32_t> nodes;
  std::vector<uint32_t> edges;
};

struct Value {
  enum class Kind : uint8_t {
    kNull,
    kBool,
    kInt,
    kFloat,
    kString,
    kDate,
    kList,
    kNode,
    kRel,
    kPath
  };
  Kind kind = Kind::kNull;
  bool b = false;
  int64_t i = 0;  // kInt; kNode: node index; kRel: edge index
  double f = 0.0;
  std::string s;  // kString, kDate (ISO text)
  std::shared_ptr<const ValueList> list;
  std::shared_ptr<const PathData> path;

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsNumber() const { return kind == Kind::kInt || kind == Kind::kFloat; }
  double Number() const { return kind == Kind::kInt ? static_cast<double>(i) : f; }

  static Value Bool(bool v) {
    Value x;
    x.kind = Kind::kBool;
    x.b = v;
    return x;
  }
  static Value Int(int64_t v) {
    Value x;
    x.kind = Kind::kInt;
    x.i = v;
    return x;
  }
  static Value Float(double v) {
    Value x;
    x.kind = Kind::kFloat;
    x.f = v;
    return x;
  }
  static Value String(std::string v) {
    Value x;
    x.kind = Kind::kString;
    x.s = std::move(v);
    return x;
  }
  static Value Date(std::string v) {
    Value x;
    x.kind = Kind::kDate;
    x.s = std::move(v);
    return x;
  }
  static Value List(ValueList v) {
    Value x;
    x.kind = Kind::kList;
    x.list = std::make_shared<const ValueList>(std::move(v));
    return x;
  }
  static Value Node(uint32_t index) {
    Value x;
    x.kind = Kind::kNode;
    x.i = index;
    return x;
  }
  static Value Rel(uint32_t index) {
    Value x;
    x.kind = Kind::kRel;
    x.i = index;
    return x;
  }
  static Value Path(PathData p) {
    Value x;
    x.kind = Kind::kPath;
    x.path = std::make_shared<const PathData>(std::move(p));
    return x;
  }
};

const char* KindName(Value::Kind kind);

// Three-valued comparison for `=`/`<>`: nullopt when either side is null
// (or a list holds nulls that decide the outcome).
std::optional<bool> Equals(const Value& a, const Value& b);

// Ordering for `<`, `<=`, `>`, `>=`: nullopt when the values are not
// comparable (null, different types). Dates compare at the coarser of the
// two precisions ("2022-03" vs "2022-03-15" are equal); a date compares with
// a string that is an ISO date and with an integer year.
std::optional<int> Compare(const Value& a, const Value& b);

// A total order for ORDER BY, DISTINCT and grouping: nulls sort last; values
// of different types order by type; dates by their exact text. Without
// `graph`, nodes and relationships order by their index; with it (ORDER BY),
// by entity id and edge id, and paths element by element, so the order does
// not depend on how the snapshot was built.
int OrderCompare(const Value& a, const Value& b, const Snapshot* graph = nullptr);

struct ValueListLess {
  bool operator()(const ValueList& a, const ValueList& b) const;
};

}  // namespace geokg::query_internal
