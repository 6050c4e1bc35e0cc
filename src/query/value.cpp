#include "value.h"

#include <algorithm>
#include <charconv>

#include "geokg/graph.h"
#include "geokg/model.h"

namespace geokg::query_internal {

namespace {

// A date value's comparable form, or nullopt if `v` is no date-like value.
std::optional<std::string> AsDate(const Value& v) {
  if (v.kind == Value::Kind::kDate) return v.s;
  if (v.kind == Value::Kind::kString) {
    auto p = CheckIsoDate(v.s);
    if (p && *p != DatePrecision::kUnknown) return v.s;
    return std::nullopt;
  }
  if (v.kind == Value::Kind::kInt && v.i >= 0 && v.i <= 9999) {
    std::string s = std::to_string(v.i);
    return std::string(4 - s.size(), '0') + s;
  }
  return std::nullopt;
}

int Sign(int x) { return x < 0 ? -1 : (x > 0 ? 1 : 0); }

// Dates compare on the prefix both precisions share.
int CompareDates(const std::string& a, const std::string& b) {
  size_t n = std::min(a.size(), b.size());
  return Sign(a.compare(0, n, b, 0, n));
}

int TypeRank(Value::Kind k) {
  switch (k) {
    case Value::Kind::kList:
      return 1;
    case Value::Kind::kPath:
      return 2;
    case Value::Kind::kNode:
      return 3;
    case Value::Kind::kRel:
      return 4;
    case Value::Kind::kString:
      return 5;
    case Value::Kind::kDate:
      return 6;
    case Value::Kind::kBool:
      return 7;
    case Value::Kind::kInt:
    case Value::Kind::kFloat:
      return 8;
    case Value::Kind::kNull:
      return 9;
  }
  return 9;
}

int CompareNumbers(const Value& a, const Value& b) {
  if (a.kind == Value::Kind::kInt && b.kind == Value::Kind::kInt) {
    return a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
  }
  double x = a.Number(), y = b.Number();
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace

const char* KindName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return "boolean";
    case Value::Kind::kInt:
      return "integer";
    case Value::Kind::kFloat:
      return "float";
    case Value::Kind::kString:
      return "string";
    case Value::Kind::kDate:
      return "date";
    case Value::Kind::kList:
      return "list";
    case Value::Kind::kNode:
      return "node";
    case Value::Kind::kRel:
      return "relationship";
    case Value::Kind::kPath:
      return "path";
  }
  return "value";
}

std::optional<bool> Equals(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (a.IsNull() || b.IsNull()) return std::nullopt;
  if (a.IsNumber() && b.IsNumber()) return CompareNumbers(a, b) == 0;
  if (a.kind == K::kDate || b.kind == K::kDate) {
    auto x = AsDate(a), y = AsDate(b);
    if (!x || !y) return false;
    return CompareDates(*x, *y) == 0;
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case K::kBool:
      return a.b == b.b;
    case K::kString:
      return a.s == b.s;
    case K::kNode:
    case K::kRel:
      return a.i == b.i;
    case K::kPath:
      return a.path->nodes == b.path->nodes && a.path->edges == b.path->edges;
    case K::kList: {
      if (a.list->size() != b.list->size()) return false;
      bool unknown = false;
      for (size_t i = 0; i < a.list->size(); ++i) {
        auto e = Equals((*a.list)[i], (*b.list)[i]);
        if (!e) {
          unknown = true;
        } else if (!*e) {
          return false;
        }
      }
      if (unknown) return std::nullopt;
      return true;
    }
    default:
      return false;
  }
}

std::optional<int> Compare(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (a.IsNull() || b.IsNull()) return std::nullopt;
  if (a.IsNumber() && b.IsNumber()) return CompareNumbers(a, b);
  if (a.kind == K::kDate || b.kind == K::kDate) {
    auto x = AsDate(a), y = AsDate(b);
    if (!x || !y) return std::nullopt;
    return CompareDates(*x, *y);
  }
  if (a.kind != b.kind) return std::nullopt;
  switch (a.kind) {
    case K::kString:
      return Sign(a.s.compare(b.s));
    case K::kBool:
      return a.b == b.b ? 0 : (a.b ? 1 : -1);
    case K::kList: {
      size_t n = std::min(a.list->size(), b.list->size());
      for (size_t i = 0; i < n; ++i) {
        auto c = Compare((*a.list)[i], (*b.list)[i]);
        if (!c) return std::nullopt;
        if (*c != 0) return c;
      }
      return a.list->size() < b.list->size() ? -1 : (a.list->size() > b.list->size() ? 1 : 0);
    }
    default:
      return std::nullopt;
  }
}

namespace {

int CompareElements(uint32_t x, uint32_t y, bool node, const Snapshot* graph) {
  if (graph == nullptr) return x < y ? -1 : (x > y ? 1 : 0);
  if (node) return Sign(graph->node(x).id.compare(graph->node(y).id));
  int64_t ex = graph->edge(x).id, ey = graph->edge(y).id;
  return ex < ey ? -1 : (ex > ey ? 1 : 0);
}

}  // namespace

int OrderCompare(const Value& a, const Value& b, const Snapshot* graph) {
  using K = Value::Kind;
  int ra = TypeRank(a.kind), rb = TypeRank(b.kind);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind) {
    case K::kNull:
      return 0;
    case K::kBool:
      return a.b == b.b ? 0 : (a.b ? 1 : -1);
    case K::kInt:
    case K::kFloat:
      return CompareNumbers(a, b);
    case K::kString:
    case K::kDate:
      return Sign(a.s.compare(b.s));
    case K::kNode:
    case K::kRel:
      return CompareElements(static_cast<uint32_t>(a.i), static_cast<uint32_t>(b.i),
                             a.kind == K::kNode, graph);
    case K::kList: {
      size_t n = std::min(a.list->size(), b.list->size());
      for (size_t i = 0; i < n; ++i) {
        int c = OrderCompare((*a.list)[i], (*b.list)[i], graph);
        if (c != 0) return c;
      }
      return a.list->size() < b.list->size() ? -1 : (a.list->size() > b.list->size() ? 1 : 0);
    }
    case K::kPath: {
      // Element by element: node, relationship, node, ...; a prefix sorts first.
      const PathData& x = *a.path;
      const PathData& y = *b.path;
      size_t n = std::min(x.nodes.size(), y.nodes.size());
      for (size_t i = 0; i < n; ++i) {
        int c = CompareElements(x.nodes[i], y.nodes[i], true, graph);
        if (c != 0) return c;
        if (i < x.edges.size() && i < y.edges.size()) {
          c = CompareElements(x.edges[i], y.edges[i], false, graph);
          if (c != 0) return c;
        }
      }
      return x.nodes.size() < y.nodes.size() ? -1 : (x.nodes.size() > y.nodes.size() ? 1 : 0);
    }
  }
  return 0;
}

bool ValueListLess::operator()(const ValueList& a, const ValueList& b) const {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    int c = OrderCompare(a[i], b[i]);
    if (c != 0) return c < 0;
  }
  return a.size() < b.size();
}

}  // namespace geokg::query_internal
