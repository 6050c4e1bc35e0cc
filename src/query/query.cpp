// The public face of the query module: Query, QueryEngine, parameters.
// Inside the module errors travel as QueryError exceptions; they become a
// Status here and never cross the public header.

#include "geokg/query.h"

#include <cctype>
#include <charconv>

#include "evaluator.h"
#include "parser.h"

namespace geokg {

using query_internal::QueryAst;
using query_internal::QueryError;
using query_internal::Value;

QueryValue QueryValue::Bool(bool v) {
  QueryValue x;
  x.type = Type::kBool;
  x.bool_value = v;
  return x;
}
QueryValue QueryValue::Int(int64_t v) {
  QueryValue x;
  x.type = Type::kInt;
  x.int_value = v;
  return x;
}
QueryValue QueryValue::Float(double v) {
  QueryValue x;
  x.type = Type::kFloat;
  x.float_value = v;
  return x;
}
QueryValue QueryValue::String(std::string v) {
  QueryValue x;
  x.type = Type::kString;
  x.text = std::move(v);
  return x;
}
QueryValue QueryValue::Date(std::string iso) {
  QueryValue x;
  x.type = Type::kDate;
  x.text = std::move(iso);
  return x;
}
QueryValue QueryValue::List(std::vector<QueryValue> items) {
  QueryValue x;
  x.type = Type::kList;
  x.items = std::move(items);
  return x;
}

QueryValue ParseParamValue(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') &&
      text.back() == text.front()) {
    return QueryValue::String(std::string(text.substr(1, text.size() - 2)));
  }
  if (text == "true") return QueryValue::Bool(true);
  if (text == "false") return QueryValue::Bool(false);
  if (text.size() == 7 || text.size() == 10) {
    auto p = CheckIsoDate(text);
    if (p && (*p == DatePrecision::kDay || *p == DatePrecision::kMonth)) {
      return QueryValue::Date(std::string(text));
    }
  }
  if (!text.empty()) {
    int64_t i = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
    if (ec == std::errc() && ptr == text.data() + text.size()) return QueryValue::Int(i);
    std::string s(text);
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    bool numeric = std::isdigit(static_cast<unsigned char>(s.back())) &&
                   (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '.');
    if (numeric && end == s.c_str() + s.size()) return QueryValue::Float(d);
  }
  return QueryValue::String(std::string(text));
}

Status ParseParamAssignment(std::string_view text, QueryParams* params) {
  size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    return Status::InvalidArgument("parameter \"" + std::string(text) +
                                   "\" is not of the form name=value");
  }
  std::string name(text.substr(0, eq));
  if (!name.empty() && name[0] == '$') name.erase(0, 1);
  bool ok = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]));
  for (char c : name) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (!ok) return Status::InvalidArgument("parameter name \"" + name + "\" is not an identifier");
  (*params)[name] = ParseParamValue(text.substr(eq + 1));
  return Status::OK();
}

Result<QueryParams> ParamsFromHeader(std::string_view text) {
  QueryParams params;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? nl : nl - at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) continue;
    line = line.substr(b);
    if (line.rfind("//", 0) != 0 && line.rfind("/*", 0) != 0 && line.rfind("*", 0) != 0) break;
    size_t key = line.find("params:");
    if (key == std::string_view::npos) continue;
    std::string_view rest = line.substr(key + 7);
    if (size_t close = rest.find("*/"); close != std::string_view::npos)
      rest = rest.substr(0, close);
    // Whitespace-separated name=value words; quotes keep spaces.
    size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
      if (i >= rest.size()) break;
      size_t start = i;
      char quote = 0;
      while (i < rest.size() &&
             (quote != 0 || !std::isspace(static_cast<unsigned char>(rest[i])))) {
        if (quote == 0 && (rest[i] == '\'' || rest[i] == '"')) {
          quote = rest[i];
        } else if (quote != 0 && rest[i] == quote) {
          quote = 0;
        }
        ++i;
      }
      if (quote != 0)
        return Status::InvalidArgument("params: unterminated quote in \"" + std::string(rest) +
                                       "\"");
      Status s = ParseParamAssignment(rest.substr(start, i - start), &params);
      if (!s.ok()) return s.WithContext("params");
    }
  }
  return params;
}

// ------------------------------------------------------------------- Query

Result<Query> Query::Parse(std::string_view text) {
  auto ast = query_internal::ParseQuery(text);
  if (!ast.ok()) return ast.status();
  return Query(std::move(ast).value());
}

const std::string& Query::text() const { return ast_->text; }
std::vector<std::string> Query::Parameters() const { return ast_->params; }
std::string Query::DebugString() const { return query_internal::DebugString(*ast_); }

// ------------------------------------------------------------------ Engine

struct QueryEngine::Impl {
  query_internal::EngineIndex index;
};

QueryEngine::QueryEngine(std::shared_ptr<const Snapshot> snapshot, QueryOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->index.snapshot = std::move(snapshot);
  impl_->index.options = options;
  impl_->index.Build();
}

Result<std::unique_ptr<QueryEngine>> QueryEngine::FromGraph(GraphData graph, QueryOptions options) {
  auto snap = Snapshot::Build(std::move(graph));
  if (!snap.ok()) return snap.status();
  auto shared = std::make_shared<const Snapshot>(std::move(snap).value());
  return std::make_unique<QueryEngine>(std::move(shared), options);
}

QueryEngine::~QueryEngine() = default;

const Snapshot& QueryEngine::snapshot() const { return *impl_->index.snapshot; }
const QueryOptions& QueryEngine::options() const { return impl_->index.options; }

namespace {

Result<Value> ToInternal(const std::string& name, const QueryValue& v) {
  switch (v.type) {
    case QueryValue::Type::kNull:
      return Value();
    case QueryValue::Type::kBool:
      return Value::Bool(v.bool_value);
    case QueryValue::Type::kInt:
      return Value::Int(v.int_value);
    case QueryValue::Type::kFloat:
      return Value::Float(v.float_value);
    case QueryValue::Type::kString:
      return Value::String(v.text);
    case QueryValue::Type::kDate:
      return Value::Date(v.text);
    case QueryValue::Type::kList: {
      query_internal::ValueList l;
      for (const auto& item : v.items) {
        auto x = ToInternal(name, item);
        if (!x.ok()) return x.status();
        l.push_back(std::move(x).value());
      }
      return Value::List(std::move(l));
    }
    default:
      return Status::InvalidArgument("parameter $" + name +
                                     ": nodes, relationships and paths cannot be parameters");
  }
}

QueryValue ToPublic(const Value& v, const std::shared_ptr<const Snapshot>& snap) {
  QueryValue q;
  switch (v.kind) {
    case Value::Kind::kNull:
      return q;
    case Value::Kind::kBool:
      return QueryValue::Bool(v.b);
    case Value::Kind::kInt:
      return QueryValue::Int(v.i);
    case Value::Kind::kFloat:
      return QueryValue::Float(v.f);
    case Value::Kind::kString:
      return QueryValue::String(v.s);
    case Value::Kind::kDate:
      return QueryValue::Date(v.s);
    case Value::Kind::kList: {
      std::vector<QueryValue> items;
      items.reserve(v.list->size());
      for (const auto& x : *v.list) items.push_back(ToPublic(x, snap));
      return QueryValue::List(std::move(items));
    }
    case Value::Kind::kNode:
      q.type = QueryValue::Type::kNode;
      q.node = std::shared_ptr<const Entity>(snap, &snap->node(static_cast<uint32_t>(v.i)));
      return q;
    case Value::Kind::kRel:
      q.type = QueryValue::Type::kRelationship;
      q.edge = std::make_shared<const Edge>(snap->edge(static_cast<uint32_t>(v.i)));
      return q;
    case Value::Kind::kPath: {
      q.type = QueryValue::Type::kPath;
      const auto& p = *v.path;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        q.items.push_back(ToPublic(Value::Node(p.nodes[i]), snap));
        if (i < p.edges.size()) q.items.push_back(ToPublic(Value::Rel(p.edges[i]), snap));
      }
      return q;
    }
  }
  return q;
}

}  // namespace

Result<QueryResult> QueryEngine::Run(const Query& query, const QueryParams& params) const {
  std::map<std::string, Value> values;
  for (const auto& [name, v] : params) {
    auto x = ToInternal(name, v);
    if (!x.ok()) return x.status();
    values.emplace(name, std::move(x).value());
  }
  try {
    query_internal::Table t = query_internal::Execute(impl_->index, query.ast(), values);
    QueryResult result;
    result.columns = std::move(t.columns);
    result.rows.reserve(t.rows.size());
    for (const auto& row : t.rows) {
      std::vector<QueryValue> out;
      out.reserve(row.size());
      for (const auto& v : row) out.push_back(ToPublic(v, impl_->index.snapshot));
      result.rows.push_back(std::move(out));
    }
    return result;
  } catch (const QueryError& e) {
    return query_internal::ToStatus(e, query.text());
  }
}

Result<QueryResult> QueryEngine::Run(std::string_view text, const QueryParams& params) const {
  auto q = Query::Parse(text);
  if (!q.ok()) return q.status();
  return Run(*q, params);
}

}  // namespace geokg
