#include "evaluator.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "geokg/ontology.h"

#include "parser.h"

namespace geokg::query_internal {

namespace {

[[noreturn]] void RuntimeError(Pos pos, std::string message) {
  throw QueryError{QueryError::Kind::kRuntime, pos, std::move(message)};
}
[[noreturn]] void LimitError(std::string message) {
  throw QueryError{QueryError::Kind::kLimit, Pos{}, std::move(message)};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<EntityKind> LabelKind(std::string_view label) {
  std::string l = Lower(label);
  if (l == "organization") return EntityKind::kOrganisation;
  return ParseEntityKind(l);
}

std::string LabelOf(EntityKind kind) {
  std::string s(ToString(kind));
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

bool IsAggregateName(std::string_view n) {
  return n == "count" || n == "sum" || n == "avg" || n == "min" || n == "max" || n == "collect";
}

bool IsAggregate(const Expr& e) {
  return e.kind == ExprKind::kCountStar ||
         (e.kind == ExprKind::kFunction && IsAggregateName(e.name));
}

bool ContainsAggregate(const Expr& e) {
  if (IsAggregate(e)) return true;
  for (const auto& a : e.args) {
    if (ContainsAggregate(*a)) return true;
  }
  return false;
}

void CollectAggregates(const Expr& e, std::vector<const Expr*>* out) {
  if (IsAggregate(e)) {
    for (const auto& a : e.args) {
      if (ContainsAggregate(*a)) RuntimeError(a->pos, "aggregate functions cannot be nested");
    }
    out->push_back(&e);
    return;
  }
  for (const auto& a : e.args) CollectAggregates(*a, out);
}

// Variables an expression reads (list-predicate variables excluded).
void CollectVars(const Expr& e, std::set<std::string>* out, std::vector<std::string>* locals) {
  if (e.kind == ExprKind::kVariable) {
    if (std::find(locals->begin(), locals->end(), e.name) == locals->end()) out->insert(e.name);
    return;
  }
  if (e.kind == ExprKind::kListPredicate) {
    CollectVars(*e.args[0], out, locals);
    locals->push_back(e.var);
    CollectVars(*e.args[1], out, locals);
    locals->pop_back();
    return;
  }
  for (const auto& a : e.args) CollectVars(*a, out, locals);
}

std::set<std::string> VarsOf(const Expr& e) {
  std::set<std::string> out;
  std::vector<std::string> locals;
  CollectVars(e, &out, &locals);
  return out;
}

void SplitAnd(const ExprPtr& e, std::vector<const Expr*>* out) {
  if (e->kind == ExprKind::kBinary && e->op == BinaryOp::kAnd) {
    SplitAnd(e->args[0], out);
    SplitAnd(e->args[1], out);
  } else {
    out->push_back(e.get());
  }
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string FormatFloat(double f) {
  if (std::isfinite(f) && f == std::floor(f) && std::fabs(f) < 1e15) {
    std::ostringstream ss;
    ss.precision(1);
    ss << std::fixed << f;
    return ss.str();
  }
  std::ostringstream ss;
  ss.precision(15);
  ss << f;
  return ss.str();
}

struct Scope {
  std::vector<std::string> names;
  int Find(std::string_view n) const {
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == n) return static_cast<int>(i);
    }
    return -1;
  }
  int Add(const std::string& n) {
    names.push_back(n);
    return static_cast<int>(names.size() - 1);
  }
};

using Row = ValueList;

struct EvalCtx {
  const Scope* scope = nullptr;
  const Row* row = nullptr;
  const std::vector<const Expr*>* aggs = nullptr;  // aggregate call sites
  const ValueList* agg_values = nullptr;           // their values for this group
};

// ---- plans for MATCH ----
struct NodeStep {
  const NodePattern* np = nullptr;
  int slot = -1;
  bool bound = false;  // the variable is bound before this step
  std::optional<EntityKind> kind;
  bool impossible = false;  // two different labels
};

struct RelStep {
  const RelPattern* rp = nullptr;
  Direction dir = Direction::kBoth;  // in match order
  int slot = -1;
  bool bound = false;
  std::vector<int32_t> types;  // empty: any
  bool no_type = false;        // types given but none is in the graph
};

struct PatternPlan {
  const PathPattern* p = nullptr;
  bool reversed = false;
  int path_slot = -1;
  std::vector<NodeStep> nodes;  // match order
  std::vector<RelStep> rels;
  std::vector<std::vector<const Expr*>> after_node;  // conjuncts once node k is bound
  std::vector<const Expr*> at_end;
  // shortest paths: all()/none() over the path's relationships, applied per edge.
  std::vector<const Expr*> edge_preds;
};

struct MatchPlan {
  std::vector<PatternPlan> patterns;
  std::vector<const Expr*> at_start;
  Scope scope;  // after the clause
  std::vector<int> new_slots;
};

class Executor {
 public:
  Executor(const EngineIndex& index, const std::map<std::string, Value>& params)
      : ix_(index), snap_(*index.snapshot), params_(params), opt_(index.options) {}

  Table Run(const QueryAst& ast) {
    Scope scope;
    std::vector<Row> rows(1);
    for (size_t ci = 0; ci < ast.clauses.size(); ++ci) {
      const Clause& c = ast.clauses[ci];
      if (c.kind == Clause::Kind::kMatch) {
        int64_t stop_after = -1;
        if (ci + 1 < ast.clauses.size()) stop_after = EarlyStop(ast.clauses[ci + 1]);
        rows = Match(c, &scope, rows, stop_after);
      } else {
        Table t = Project(c, scope, rows);
        scope.names = t.columns;
        rows = std::move(t.rows);
        if (c.kind == Clause::Kind::kWith && c.where) {
          CheckVars(*c.where, scope);
          std::vector<Row> kept;
          for (auto& r : rows) {
            if (Truth(*c.where, EvalCtx{&scope, &r})) kept.push_back(std::move(r));
          }
          rows = std::move(kept);
        }
        if (c.kind == Clause::Kind::kReturn) {
          Table out;
          out.columns = scope.names;
          out.rows = std::move(rows);
          return out;
        }
      }
    }
    return Table{};
  }

 private:
  // ---------------------------------------------------------------- helpers
  void Count(int64_t n = 1) {
    expansions_ += n;
    if (expansions_ > opt_.max_expansions) {
      LimitError("expansion limit exceeded: the query examined more than " +
                 std::to_string(opt_.max_expansions) +
                 " relationships; add labels, properties, an upper bound (*..n) or LIMIT");
    }
  }
  void CheckRows(size_t n) const {
    if (static_cast<int64_t>(n) > opt_.max_rows) {
      LimitError("row limit exceeded: more than " + std::to_string(opt_.max_rows) +
                 " rows; narrow the pattern, add LIMIT or raise --max-rows");
    }
  }

  void CheckVars(const Expr& e, const Scope& scope) const {
    for (const auto& v : VarsOf(e)) {
      if (scope.Find(v) < 0) RuntimeError(FindVarPos(e, v), "unknown variable '" + v + "'");
    }
  }
  static Pos FindVarPos(const Expr& e, const std::string& v) {
    if (e.kind == ExprKind::kVariable && e.name == v) return e.pos;
    for (const auto& a : e.args) {
      Pos p = FindVarPos(*a, v);
      if (p.line != 0) return p;
    }
    return e.kind == ExprKind::kVariable ? Pos{0, 0} : (e.args.empty() ? Pos{0, 0} : e.pos);
  }

  bool Truth(const Expr& e, const EvalCtx& c) {
    Value v = Eval(e, c);
    if (v.IsNull()) return false;
    if (v.kind != Value::Kind::kBool) {
      RuntimeError(e.pos, std::string("WHERE expects a boolean, got a ") + KindName(v.kind));
    }
    return v.b;
  }

  int64_t EvalCount(const ExprPtr& e, const char* what) {
    Scope empty;
    Row none;
    CheckVars(*e, empty);
    Value v = Eval(*e, EvalCtx{&empty, &none});
    if (v.kind != Value::Kind::kInt || v.i < 0) {
      RuntimeError(e->pos, std::string(what) + " expects a non-negative integer");
    }
    return v.i;
  }

  // Rows needed from a MATCH when the next clause only pages them.
  int64_t EarlyStop(const Clause& next) {
    if (next.kind == Clause::Kind::kMatch || !next.limit || next.distinct || next.where ||
        !next.order_by.empty()) {
      return -1;
    }
    for (const auto& item : next.items) {
      if (ContainsAggregate(*item.expr)) return -1;
    }
    int64_t n = EvalCount(next.limit, "LIMIT");
    if (next.skip) n += EvalCount(next.skip, "SKIP");
    return n;
  }

  // ------------------------------------------------------------- properties
  Value NodeProperty(uint32_t n, const std::string& key, Pos pos) const {
    const Entity& e = snap_.node(n);
    if (key == "id") return Value::String(e.id);
    if (key == "name") return Value::String(e.name);
    if (key == "kind") return Value::String(std::string(ToString(e.kind)));
    if (key == "aliases") {
      ValueList l;
      for (const auto& a : e.aliases) l.push_back(Value::String(a));
      return Value::List(std::move(l));
    }
    RuntimeError(pos, "unknown node property '" + key + "' (nodes have id, name, kind, aliases)");
  }

  static Value DateOrNull(const std::string& s) { return s.empty() ? Value() : Value::Date(s); }
  static Value StringOrNull(const std::string& s) { return s.empty() ? Value() : Value::String(s); }

  Value RelProperty(uint32_t ei, const std::string& key, Pos pos) const {
    // From the snapshot's columns: building the whole Edge for one field
    // would cost a dozen strings.
    const GraphTable& t = snap_.table();
    const GraphTable::EdgeRow& e = t.edges[ei];
    const GraphTable::Relation& rel = t.relations[e.relation];
    if (key == "id") return Value::Int(e.id);
    if (key == "type" || key == "relation") return Value::String(rel.name);
    if (key == "subject") return Value::String(t.nodes[e.subject].id);
    if (key == "object") return Value::String(t.nodes[e.object].id);
    if (key == "first_seen") return DateOrNull(t.strings[e.first_seen]);
    if (key == "last_seen") return DateOrNull(t.strings[e.last_seen]);
    if (key == "valid_from") return DateOrNull(t.strings[e.valid_from]);
    if (key == "valid_to") return DateOrNull(t.strings[e.valid_to]);
    if (key == "evidence_count") return Value::Int(e.evidence_count);
    if (key == "source_count") return Value::Int(e.source_count);
    if (key == "confidence") return Value::Float(e.confidence);
    if (key == "status") return StringOrNull(t.strings[e.status]);
    if (key == "cameo") return StringOrNull(rel.cameo);
    if (key == "plover") return StringOrNull(rel.plover);
    if (key == "goldstein") return Value::Float(rel.goldstein);
    if (key == "symmetric") return Value::Bool(rel.symmetric);
    RuntimeError(pos, "unknown relationship property '" + key +
                          "' (relationships have id, type, subject, object, first_seen, last_seen, "
                          "valid_from, valid_to, evidence_count, source_count, confidence, status, "
                          "cameo, plover, goldstein, symmetric)");
  }

  Value Property(const Value& v, const std::string& key, Pos pos) const {
    switch (v.kind) {
      case Value::Kind::kNull:
        return Value();
      case Value::Kind::kNode:
        return NodeProperty(static_cast<uint32_t>(v.i), key, pos);
      case Value::Kind::kRel:
        return RelProperty(static_cast<uint32_t>(v.i), key, pos);
      case Value::Kind::kDate: {
        auto part = [&](size_t at) -> Value {
          if (v.s.size() < at + 2) return Value();
          return Value::Int(std::stoll(v.s.substr(at, 2)));
        };
        if (key == "year") return Value::Int(std::stoll(v.s.substr(0, 4)));
        if (key == "month") return part(5);
        if (key == "day") return part(8);
        RuntimeError(pos, "unknown date property '" + key + "' (dates have year, month, day)");
      }
      default:
        RuntimeError(pos,
                     std::string("cannot read property '") + key + "' of a " + KindName(v.kind));
    }
  }

  // -------------------------------------------------------------- evaluation
  Value Eval(const Expr& e, const EvalCtx& c) {
    switch (e.kind) {
      case ExprKind::kLiteral:
        return e.literal;
      case ExprKind::kParam: {
        auto it = params_.find(e.name);
        if (it == params_.end()) {
          RuntimeError(e.pos, "missing parameter $" + e.name + " (give it with --param " + e.name +
                                  "=VALUE)");
        }
        return it->second;
      }
      case ExprKind::kVariable: {
        int s = c.scope->Find(e.name);
        if (s < 0) RuntimeError(e.pos, "unknown variable '" + e.name + "'");
        return (*c.row)[s];
      }
      case ExprKind::kProperty:
        return Property(Eval(*e.args[0], c), e.name, e.pos);
      case ExprKind::kIndex: {
        Value l = Eval(*e.args[0], c), i = Eval(*e.args[1], c);
        if (l.IsNull() || i.IsNull()) return Value();
        if (l.kind != Value::Kind::kList || i.kind != Value::Kind::kInt) {
          RuntimeError(e.pos, "indexing needs a list and an integer");
        }
        int64_t n = static_cast<int64_t>(l.list->size());
        int64_t k = i.i < 0 ? n + i.i : i.i;
        if (k < 0 || k >= n) return Value();
        return (*l.list)[k];
      }
      case ExprKind::kList: {
        ValueList l;
        l.reserve(e.args.size());
        for (const auto& a : e.args) l.push_back(Eval(*a, c));
        return Value::List(std::move(l));
      }
      case ExprKind::kNot: {
        Value v = Eval(*e.args[0], c);
        if (v.IsNull()) return v;
        if (v.kind != Value::Kind::kBool) RuntimeError(e.pos, "NOT expects a boolean");
        return Value::Bool(!v.b);
      }
      case ExprKind::kNegate: {
        Value v = Eval(*e.args[0], c);
        if (v.IsNull()) return v;
        if (v.kind == Value::Kind::kInt) return Value::Int(-v.i);
        if (v.kind == Value::Kind::kFloat) return Value::Float(-v.f);
        RuntimeError(e.pos, "unary minus expects a number");
      }
      case ExprKind::kIsNull: {
        bool null = Eval(*e.args[0], c).IsNull();
        return Value::Bool(e.negated ? !null : null);
      }
      case ExprKind::kBinary:
        return EvalBinary(e, c);
      case ExprKind::kCountStar:
      case ExprKind::kFunction:
        if (IsAggregate(e)) return AggregateValue(e, c);
        return CallFunction(e, c);
      case ExprKind::kListPredicate:
        return EvalListPredicate(e, c);
    }
    return Value();
  }

  Value AggregateValue(const Expr& e, const EvalCtx& c) {
    if (c.aggs != nullptr) {
      for (size_t i = 0; i < c.aggs->size(); ++i) {
        if ((*c.aggs)[i] == &e) return (*c.agg_values)[i];
      }
    }
    RuntimeError(e.pos, "aggregate " +
                            (e.kind == ExprKind::kCountStar ? std::string("count") : e.name) +
                            "() is only allowed in RETURN and WITH items");
  }

  static std::optional<bool> AsBool(const Value& v, const Expr& e) {
    if (v.IsNull()) return std::nullopt;
    if (v.kind != Value::Kind::kBool) {
      RuntimeError(e.pos, std::string("expected a boolean, got a ") + KindName(v.kind));
    }
    return v.b;
  }

  Value EvalBinary(const Expr& e, const EvalCtx& c) {
    const Expr& lhs = *e.args[0];
    const Expr& rhs = *e.args[1];
    switch (e.op) {
      case BinaryOp::kAnd: {
        auto a = AsBool(Eval(lhs, c), lhs);
        if (a && !*a) return Value::Bool(false);
        auto b = AsBool(Eval(rhs, c), rhs);
        if (b && !*b) return Value::Bool(false);
        if (!a || !b) return Value();
        return Value::Bool(true);
      }
      case BinaryOp::kOr: {
        auto a = AsBool(Eval(lhs, c), lhs);
        if (a && *a) return Value::Bool(true);
        auto b = AsBool(Eval(rhs, c), rhs);
        if (b && *b) return Value::Bool(true);
        if (!a || !b) return Value();
        return Value::Bool(false);
      }
      case BinaryOp::kXor: {
        auto a = AsBool(Eval(lhs, c), lhs);
        auto b = AsBool(Eval(rhs, c), rhs);
        if (!a || !b) return Value();
        return Value::Bool(*a != *b);
      }
      default:
        break;
    }
    Value a = Eval(lhs, c);
    Value b = Eval(rhs, c);
    auto tri = [](std::optional<bool> t) { return t ? Value::Bool(*t) : Value(); };
    switch (e.op) {
      case BinaryOp::kEq:
        return tri(Equals(a, b));
      case BinaryOp::kNe: {
        auto t = Equals(a, b);
        return t ? Value::Bool(!*t) : Value();
      }
      case BinaryOp::kLt:
      case BinaryOp::kLe:
      case BinaryOp::kGt:
      case BinaryOp::kGe: {
        auto cmp = Compare(a, b);
        if (!cmp) return Value();
        switch (e.op) {
          case BinaryOp::kLt:
            return Value::Bool(*cmp < 0);
          case BinaryOp::kLe:
            return Value::Bool(*cmp <= 0);
          case BinaryOp::kGt:
            return Value::Bool(*cmp > 0);
          default:
            return Value::Bool(*cmp >= 0);
        }
      }
      case BinaryOp::kIn: {
        if (b.IsNull()) return Value();
        if (b.kind != Value::Kind::kList) RuntimeError(rhs.pos, "IN expects a list on its right");
        bool unknown = false;
        for (const Value& x : *b.list) {
          auto t = Equals(a, x);
          if (!t) {
            unknown = true;
          } else if (*t) {
            return Value::Bool(true);
          }
        }
        if (unknown || a.IsNull()) return Value();
        return Value::Bool(false);
      }
      case BinaryOp::kStartsWith:
      case BinaryOp::kEndsWith:
      case BinaryOp::kContains: {
        auto is_text = [](const Value& v) {
          return v.kind == Value::Kind::kString || v.kind == Value::Kind::kDate;
        };
        if (!is_text(a) || !is_text(b)) return Value();
        if (e.op == BinaryOp::kStartsWith) return Value::Bool(a.s.rfind(b.s, 0) == 0);
        if (e.op == BinaryOp::kEndsWith) {
          return Value::Bool(a.s.size() >= b.s.size() &&
                             a.s.compare(a.s.size() - b.s.size(), b.s.size(), b.s) == 0);
        }
        return Value::Bool(a.s.find(b.s) != std::string::npos);
      }
      default:
        return Arithmetic(e, a, b);
    }
  }

  Value Arithmetic(const Expr& e, const Value& a, const Value& b) {
    if (a.IsNull() || b.IsNull()) return Value();
    if (e.op == BinaryOp::kAdd) {
      if (a.kind == Value::Kind::kList || b.kind == Value::Kind::kList) {
        ValueList l;
        auto add = [&](const Value& v) {
          if (v.kind == Value::Kind::kList) {
            l.insert(l.end(), v.list->begin(), v.list->end());
          } else {
            l.push_back(v);
          }
        };
        add(a);
        add(b);
        return Value::List(std::move(l));
      }
      bool sa = a.kind == Value::Kind::kString || a.kind == Value::Kind::kDate;
      bool sb = b.kind == Value::Kind::kString || b.kind == Value::Kind::kDate;
      if (sa || sb) return Value::String(ToText(a) + ToText(b));
    }
    if (!a.IsNumber() || !b.IsNumber()) {
      RuntimeError(
          e.pos, std::string("arithmetic on a ") + KindName(a.kind) + " and a " + KindName(b.kind));
    }
    if (a.kind == Value::Kind::kInt && b.kind == Value::Kind::kInt) {
      int64_t r = 0;
      bool overflow = false;
      switch (e.op) {
        case BinaryOp::kAdd:
          overflow = __builtin_add_overflow(a.i, b.i, &r);
          break;
        case BinaryOp::kSub:
          overflow = __builtin_sub_overflow(a.i, b.i, &r);
          break;
        case BinaryOp::kMul:
          overflow = __builtin_mul_overflow(a.i, b.i, &r);
          break;
        case BinaryOp::kDiv:
        case BinaryOp::kMod:
          if (b.i == 0) RuntimeError(e.pos, "division by zero");
          if (a.i == INT64_MIN && b.i == -1) {
            overflow = true;
          } else {
            r = e.op == BinaryOp::kDiv ? a.i / b.i : a.i % b.i;
          }
          break;
        default:
          break;
      }
      if (overflow) RuntimeError(e.pos, "integer overflow");
      return Value::Int(r);
    }
    double x = a.Number(), y = b.Number();
    switch (e.op) {
      case BinaryOp::kAdd:
        return Value::Float(x + y);
      case BinaryOp::kSub:
        return Value::Float(x - y);
      case BinaryOp::kMul:
        return Value::Float(x * y);
      case BinaryOp::kDiv:
        return Value::Float(x / y);
      case BinaryOp::kMod:
        return Value::Float(std::fmod(x, y));
      default:
        return Value();
    }
  }

  std::string ToText(const Value& v) const {
    switch (v.kind) {
      case Value::Kind::kNull:
        return "null";
      case Value::Kind::kBool:
        return v.b ? "true" : "false";
      case Value::Kind::kInt:
        return std::to_string(v.i);
      case Value::Kind::kFloat:
        return FormatFloat(v.f);
      case Value::Kind::kString:
      case Value::Kind::kDate:
        return v.s;
      case Value::Kind::kNode:
        return snap_.node(static_cast<uint32_t>(v.i)).id;
      case Value::Kind::kRel:
        return snap_.relation(static_cast<uint32_t>(v.i));
      case Value::Kind::kList: {
        std::string s = "[";
        for (size_t i = 0; i < v.list->size(); ++i) s += (i ? ", " : "") + ToText((*v.list)[i]);
        return s + "]";
      }
      case Value::Kind::kPath: {
        const PathData& p = *v.path;
        std::string s;
        for (size_t i = 0; i < p.nodes.size(); ++i) {
          s += "(" + snap_.node(p.nodes[i]).id + ")";
          if (i >= p.edges.size()) break;
          const std::string& rel = snap_.relation(p.edges[i]);
          if (snap_.symmetric(p.edges[i])) {
            s += "-[:" + rel + "]-";
          } else if (snap_.source(p.edges[i]) == p.nodes[i]) {
            s += "-[:" + rel + "]->";
          } else {
            s += "<-[:" + rel + "]-";
          }
        }
        return s;
      }
    }
    return "";
  }

  Value EvalListPredicate(const Expr& e, const EvalCtx& c) {
    Value list = Eval(*e.args[0], c);
    if (list.IsNull()) return Value();
    if (list.kind != Value::Kind::kList) {
      RuntimeError(e.args[0]->pos, e.name + "() expects a list after IN");
    }
    Scope scope = *c.scope;
    Row row = *c.row;
    int slot = scope.Find(e.var);
    if (slot < 0) {
      slot = scope.Add(e.var);
      row.emplace_back();
    }
    EvalCtx inner{&scope, &row, c.aggs, c.agg_values};
    size_t trues = 0;
    bool unknown = false;
    for (const Value& x : *list.list) {
      row[slot] = x;
      auto t = AsBool(Eval(*e.args[1], inner), *e.args[1]);
      if (!t) {
        unknown = true;
      } else if (*t) {
        ++trues;
        if (e.name == "any") return Value::Bool(true);
        if (e.name == "none") return Value::Bool(false);
        if (e.name == "single" && trues > 1) return Value::Bool(false);
      } else if (e.name == "all") {
        return Value::Bool(false);
      }
    }
    if (unknown) return Value();
    if (e.name == "all") return Value::Bool(true);
    if (e.name == "any") return Value::Bool(false);
    if (e.name == "none") return Value::Bool(true);
    return Value::Bool(trues == 1);
  }

  void Arity(const Expr& e, size_t min, size_t max) const {
    if (e.args.size() < min || e.args.size() > max) {
      std::string want =
          min == max ? std::to_string(min) : std::to_string(min) + ".." + std::to_string(max);
      RuntimeError(e.pos, e.name + "() takes " + want + " argument" + (max == 1 ? "" : "s"));
    }
  }

  Value CallFunction(const Expr& e, const EvalCtx& c) {
    const std::string& fn = e.name;
    if (fn == "coalesce") {
      for (const auto& a : e.args) {
        Value v = Eval(*a, c);
        if (!v.IsNull()) return v;
      }
      return Value();
    }
    if (fn == "round") {
      Arity(e, 1, 2);
      Value v = Eval(*e.args[0], c);
      int64_t digits = 0;
      if (e.args.size() == 2) {
        Value d = Eval(*e.args[1], c);
        if (d.kind != Value::Kind::kInt || d.i < 0 || d.i > 15) {
          RuntimeError(e.args[1]->pos, "round() expects 0..15 decimal places");
        }
        digits = d.i;
      }
      if (v.IsNull()) return v;
      if (!v.IsNumber()) RuntimeError(e.args[0]->pos, "round() expects a number");
      double scale = std::pow(10.0, static_cast<double>(digits));
      return Value::Float(std::round(v.Number() * scale) / scale);
    }
    Value x;
    if (fn == "nodes" || fn == "relationships" || fn == "rels" || fn == "length" || fn == "size" ||
        fn == "type" || fn == "id" || fn == "labels" || fn == "startnode" || fn == "endnode" ||
        fn == "tolower" || fn == "toupper" || fn == "tostring" || fn == "tointeger" ||
        fn == "tofloat" || fn == "head" || fn == "last" || fn == "date" || fn == "abs" ||
        fn == "trim" || fn == "resolve") {
      Arity(e, 1, 1);
      x = Eval(*e.args[0], c);
    } else {
      RuntimeError(e.pos, "unknown function " + fn + "()");
    }
    if (x.IsNull()) return Value();
    auto want = [&](Value::Kind k, const char* what) {
      if (x.kind != k) {
        RuntimeError(e.args[0]->pos, fn + "() expects " + what + ", got a " + KindName(x.kind));
      }
    };
    if (fn == "nodes" || fn == "relationships" || fn == "rels") {
      want(Value::Kind::kPath, "a path");
      ValueList l;
      if (fn == "nodes") {
        for (uint32_t n : x.path->nodes) l.push_back(Value::Node(n));
      } else {
        for (uint32_t r : x.path->edges) l.push_back(Value::Rel(r));
      }
      return Value::List(std::move(l));
    }
    if (fn == "length" || fn == "size") {
      if (x.kind == Value::Kind::kPath)
        return Value::Int(static_cast<int64_t>(x.path->edges.size()));
      if (x.kind == Value::Kind::kList) return Value::Int(static_cast<int64_t>(x.list->size()));
      if (x.kind == Value::Kind::kString) return Value::Int(static_cast<int64_t>(CodePoints(x.s)));
      RuntimeError(e.args[0]->pos, fn + "() expects a path, list or string");
    }
    if (fn == "type") {
      want(Value::Kind::kRel, "a relationship");
      return Value::String(snap_.relation(static_cast<uint32_t>(x.i)));
    }
    if (fn == "id") {
      if (x.kind == Value::Kind::kNode)
        return Value::String(snap_.node(static_cast<uint32_t>(x.i)).id);
      want(Value::Kind::kRel, "a node or relationship");
      return Value::Int(snap_.table().edges[static_cast<uint32_t>(x.i)].id);
    }
    if (fn == "labels") {
      want(Value::Kind::kNode, "a node");
      return Value::List({Value::String(LabelOf(snap_.node(static_cast<uint32_t>(x.i)).kind))});
    }
    if (fn == "startnode" || fn == "endnode") {
      want(Value::Kind::kRel, "a relationship");
      auto r = static_cast<uint32_t>(x.i);
      return Value::Node(fn == "startnode" ? snap_.source(r) : snap_.target(r));
    }
    if (fn == "tolower" || fn == "toupper" || fn == "trim") {
      if (x.kind != Value::Kind::kString && x.kind != Value::Kind::kDate)
        want(Value::Kind::kString, "a string");
      std::string s = x.s;
      if (fn == "trim") {
        size_t b = s.find_first_not_of(" \t\r\n"), en = s.find_last_not_of(" \t\r\n");
        return Value::String(b == std::string::npos ? "" : s.substr(b, en - b + 1));
      }
      for (char& ch : s) {
        auto u = static_cast<unsigned char>(ch);
        ch = static_cast<char>(fn == "tolower" ? std::tolower(u) : std::toupper(u));
      }
      return Value::String(std::move(s));
    }
    if (fn == "tostring") return Value::String(ToText(x));
    if (fn == "tointeger") {
      if (x.kind == Value::Kind::kInt) return x;
      if (x.kind == Value::Kind::kFloat) return Value::Int(static_cast<int64_t>(x.f));
      if (x.kind == Value::Kind::kString) {
        char* end = nullptr;
        long long v = std::strtoll(x.s.c_str(), &end, 10);
        if (x.s.empty() || *end != '\0') return Value();
        return Value::Int(v);
      }
      RuntimeError(e.args[0]->pos, "toInteger() expects a number or string");
    }
    if (fn == "tofloat") {
      if (x.IsNumber()) return Value::Float(x.Number());
      if (x.kind == Value::Kind::kString) {
        char* end = nullptr;
        double v = std::strtod(x.s.c_str(), &end);
        if (x.s.empty() || *end != '\0') return Value();
        return Value::Float(v);
      }
      RuntimeError(e.args[0]->pos, "toFloat() expects a number or string");
    }
    if (fn == "head" || fn == "last") {
      want(Value::Kind::kList, "a list");
      if (x.list->empty()) return Value();
      return fn == "head" ? x.list->front() : x.list->back();
    }
    if (fn == "date") {
      if (x.kind == Value::Kind::kDate) return x;
      if (x.kind == Value::Kind::kInt && x.i >= 0 && x.i <= 9999) {
        std::string s = std::to_string(x.i);
        return Value::Date(std::string(4 - s.size(), '0') + s);
      }
      if (x.kind == Value::Kind::kString) {
        auto p = CheckIsoDate(x.s);
        if (p && *p != DatePrecision::kUnknown) return Value::Date(x.s);
      }
      RuntimeError(
          e.args[0]->pos,
          "date() expects an ISO date 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', got " + ToText(x));
    }
    if (fn == "abs") {
      if (x.kind == Value::Kind::kInt) return Value::Int(x.i < 0 ? -x.i : x.i);
      want(Value::Kind::kFloat, "a number");
      return Value::Float(std::fabs(x.f));
    }
    if (fn == "resolve") {
      want(Value::Kind::kString, "a name");
      const auto& keys = ix_.Keys();
      auto it = keys.find(NormalizeKey(x.s));
      if (it == keys.end()) return Value();
      return Value::String(snap_.node(it->second).id);
    }
    RuntimeError(e.pos, "unknown function " + fn + "()");
  }

  // ------------------------------------------------------------------ MATCH
  MatchPlan PlanMatch(const Clause& c, const Scope& in) {
    MatchPlan plan;
    plan.scope = in;
    std::set<std::string> bound(in.names.begin(), in.names.end());
    std::vector<const Expr*> conjuncts;
    if (c.where) SplitAnd(c.where, &conjuncts);
    std::vector<std::set<std::string>> conj_vars;
    for (const Expr* e : conjuncts) conj_vars.push_back(VarsOf(*e));
    std::vector<bool> scheduled(conjuncts.size(), false);

    auto slot_for = [&](const std::string& var, bool* was_bound) -> int {
      if (var.empty()) {
        *was_bound = false;
        return -1;
      }
      *was_bound = bound.count(var) > 0;
      int s = plan.scope.Find(var);
      if (s < 0) {
        s = plan.scope.Add(var);
        plan.new_slots.push_back(s);
      }
      bound.insert(var);
      return s;
    };
    auto ready = [&]() {
      std::vector<const Expr*> out;
      for (size_t i = 0; i < conjuncts.size(); ++i) {
        if (scheduled[i]) continue;
        bool ok = std::all_of(conj_vars[i].begin(), conj_vars[i].end(),
                              [&](const std::string& v) { return bound.count(v) > 0; });
        if (ok) {
          scheduled[i] = true;
          out.push_back(conjuncts[i]);
        }
      }
      return out;
    };
    // Anchoring strength of a node pattern for choosing where to start.
    auto anchor = [&](const NodePattern& n) {
      if (!n.var.empty() && bound.count(n.var)) return 3;
      for (const auto& [k, v] : n.props) {
        if (k == "id" || k == "name") return 2;
      }
      return n.labels.empty() ? 0 : 1;
    };

    plan.at_start = ready();
    for (const PathPattern& p : c.patterns) {
      PatternPlan pp;
      pp.p = &p;
      size_t n = p.nodes.size();
      if (p.shortest == ShortestKind::kNone && n > 1 &&
          anchor(p.nodes[n - 1]) > anchor(p.nodes[0])) {
        pp.reversed = true;
      }
      for (size_t k = 0; k < n; ++k) {
        const NodePattern& np = pp.reversed ? p.nodes[n - 1 - k] : p.nodes[k];
        NodeStep ns;
        ns.np = &np;
        for (const auto& label : np.labels) {
          auto kind = LabelKind(label);
          if (!kind) {
            RuntimeError(np.pos, "unknown label :" + label +
                                     " (labels are State, Breakaway, Organisation, Other)");
          }
          if (ns.kind && *ns.kind != *kind) ns.impossible = true;
          ns.kind = kind;
        }
        if (k > 0) {
          const RelPattern& rp = pp.reversed ? p.rels[n - 1 - k] : p.rels[k - 1];
          RelStep rs;
          rs.rp = &rp;
          rs.dir = rp.dir;
          if (pp.reversed && rp.dir != Direction::kBoth) {
            rs.dir = rp.dir == Direction::kOut ? Direction::kIn : Direction::kOut;
          }
          for (const auto& t : rp.types) {
            auto it = ix_.type_ids.find(t);
            if (it != ix_.type_ids.end()) rs.types.push_back(it->second);
          }
          rs.no_type = !rp.types.empty() && rs.types.empty();
          rs.slot = slot_for(rp.var, &rs.bound);
          if (rs.bound && (rp.var_length || p.shortest != ShortestKind::kNone)) {
            RuntimeError(rp.pos, "variable-length relationship '" + rp.var + "' is already bound");
          }
          pp.rels.push_back(rs);
        }
        ns.slot = slot_for(np.var, &ns.bound);
        pp.nodes.push_back(ns);
        if (p.shortest == ShortestKind::kNone) pp.after_node.push_back(ready());
      }
      if (!p.path_var.empty()) {
        bool was = false;
        pp.path_slot = slot_for(p.path_var, &was);
        if (was) RuntimeError(p.pos, "path variable '" + p.path_var + "' is already bound");
      }
      if (p.shortest != ShortestKind::kNone) {
        pp.after_node.assign(n, {});
        PushDownEdgePredicates(&pp, conjuncts, conj_vars, &scheduled, bound);
      }
      pp.at_end = ready();
      plan.patterns.push_back(std::move(pp));
    }
    for (size_t i = 0; i < conjuncts.size(); ++i) {
      if (!scheduled[i]) CheckVars(*conjuncts[i], plan.scope);
    }
    return plan;
  }

  // all(x IN relationships(p) WHERE f(x)) / none(...) over a shortest path
  // (or its relationship list variable) become edge filters of the search.
  void PushDownEdgePredicates(PatternPlan* pp, const std::vector<const Expr*>& conjuncts,
                              const std::vector<std::set<std::string>>& conj_vars,
                              std::vector<bool>* scheduled, const std::set<std::string>& bound) {
    const PathPattern& p = *pp->p;
    const std::string& rel_var = p.rels[0].var;
    for (size_t i = 0; i < conjuncts.size(); ++i) {
      if ((*scheduled)[i]) continue;
      const Expr& e = *conjuncts[i];
      if (e.kind != ExprKind::kListPredicate || (e.name != "all" && e.name != "none")) continue;
      const Expr& list = *e.args[0];
      bool over_path = list.kind == ExprKind::kFunction &&
                       (list.name == "relationships" || list.name == "rels") &&
                       list.args.size() == 1 && list.args[0]->kind == ExprKind::kVariable &&
                       !p.path_var.empty() && list.args[0]->name == p.path_var;
      bool over_rel = list.kind == ExprKind::kVariable && !rel_var.empty() && list.name == rel_var;
      if (!over_path && !over_rel) continue;
      std::set<std::string> inner = VarsOf(*e.args[1]);
      inner.erase(e.var);
      bool outer_ok = true;
      for (const auto& v : inner) {
        if (v == p.path_var || v == rel_var || v == p.nodes[0].var || v == p.nodes[1].var) {
          outer_ok = false;
        }
      }
      // The variables the inner predicate reads must be bound before this pattern
      // (the ends' own variables count as bound only if bound earlier).
      for (const auto& v : inner) {
        if (!bound.count(v)) outer_ok = false;
      }
      (void)conj_vars;
      if (!outer_ok) continue;
      (*scheduled)[i] = true;
      pp->edge_preds.push_back(&e);
    }
  }

  std::vector<Row> Match(const Clause& c, Scope* scope, const std::vector<Row>& input,
                         int64_t stop_after) {
    plan_ = PlanMatch(c, *scope);
    std::vector<Row> out;
    out_ = &out;
    stop_after_ = stop_after;
    used_.clear();
    path_nodes_.assign(plan_.patterns.size(), {});
    path_edges_.assign(plan_.patterns.size(), {});
    const size_t width = plan_.scope.names.size();
    for (const Row& in : input) {
      row_ = in;
      row_.resize(width);
      size_t before = out.size();
      bool go = true;
      if (Check(plan_.at_start)) go = MatchFrom(0);
      if (c.optional && out.size() == before) {
        Row r = in;
        r.resize(width);
        out.push_back(std::move(r));
        CheckRows(out.size());
      }
      if (!go || (stop_after_ >= 0 && static_cast<int64_t>(out.size()) >= stop_after_)) break;
    }
    *scope = plan_.scope;
    out_ = nullptr;
    return out;
  }

  bool Check(const std::vector<const Expr*>& conjuncts) {
    EvalCtx ctx{&plan_.scope, &row_};
    for (const Expr* e : conjuncts) {
      if (!Truth(*e, ctx)) return false;
    }
    return true;
  }

  bool Emit() {
    out_->push_back(row_);
    CheckRows(out_->size());
    return !(stop_after_ >= 0 && static_cast<int64_t>(out_->size()) >= stop_after_);
  }

  bool PropsMatch(const std::vector<std::pair<std::string, ExprPtr>>& props, const Value& v) {
    if (props.empty()) return true;
    EvalCtx ctx{&plan_.scope, &row_};
    for (const auto& [key, expr] : props) {
      auto eq = Equals(Property(v, key, expr->pos), Eval(*expr, ctx));
      if (!eq || !*eq) return false;
    }
    return true;
  }

  // Whether node `n` satisfies step `ns` (a bound variable must hold `n`).
  bool NodeFits(const NodeStep& ns, uint32_t n) {
    if (ns.impossible) return false;
    if (ns.bound) {
      const Value& v = row_[ns.slot];
      if (v.kind != Value::Kind::kNode || static_cast<uint32_t>(v.i) != n) {
        if (v.kind != Value::Kind::kNode && !v.IsNull()) {
          RuntimeError(ns.np->pos,
                       "variable '" + ns.np->var + "' is a " + KindName(v.kind) + ", not a node");
        }
        return false;
      }
    }
    if (ns.kind && snap_.node(n).kind != *ns.kind) return false;
    return PropsMatch(ns.np->props, Value::Node(n));
  }

  bool RelFits(const RelStep& rs, uint32_t e) {
    if (rs.no_type) return false;
    if (!rs.types.empty() &&
        std::find(rs.types.begin(), rs.types.end(), ix_.edge_type[e]) == rs.types.end()) {
      return false;
    }
    if (std::find(used_.begin(), used_.end(), e) != used_.end()) return false;
    if (rs.bound) {
      const Value& v = row_[rs.slot];
      if (v.kind != Value::Kind::kRel || static_cast<uint32_t>(v.i) != e) return false;
    }
    return PropsMatch(rs.rp->props, Value::Rel(e));
  }

  // Calls f(edge, other end) for each edge `dir` allows from `n`; stops when f returns false.
  template <typename F>
  bool ForEachAdj(uint32_t n, Direction dir, F&& f) {
    auto out = snap_.OutEdges(n);
    auto in = snap_.InEdges(n);
    Count(static_cast<int64_t>(out.size() + in.size()));
    if (dir != Direction::kIn) {
      for (EdgeIndex e : out) {
        if (!f(e, snap_.target(e))) return false;
      }
    } else {
      for (EdgeIndex e : out) {
        if (snap_.symmetric(e) && snap_.target(e) != n && !f(e, snap_.target(e))) return false;
      }
    }
    if (dir != Direction::kOut) {
      for (EdgeIndex e : in) {
        if (dir == Direction::kBoth && snap_.source(e) == n) continue;  // self-loop seen above
        if (!f(e, snap_.source(e))) return false;
      }
    } else {
      for (EdgeIndex e : in) {
        if (snap_.symmetric(e) && snap_.source(e) != n && !f(e, snap_.source(e))) return false;
      }
    }
    return true;
  }

  std::vector<uint32_t> Candidates(const NodeStep& ns) {
    EvalCtx ctx{&plan_.scope, &row_};
    for (const auto& [key, expr] : ns.np->props) {
      if (key == "id") {
        Value v = Eval(*expr, ctx);
        if (v.kind != Value::Kind::kString) return {};
        auto i = snap_.IndexOf(v.s);
        if (!i) return {};
        return {*i};
      }
    }
    for (const auto& [key, expr] : ns.np->props) {
      if (key == "name") {
        Value v = Eval(*expr, ctx);
        if (v.kind != Value::Kind::kString) return {};
        auto it = ix_.by_name.find(v.s);
        if (it == ix_.by_name.end()) return {};
        return it->second;
      }
    }
    std::vector<uint32_t> all(snap_.num_nodes());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
  }

  bool MatchFrom(size_t pi) {
    if (pi == plan_.patterns.size()) return Emit();
    const PatternPlan& pp = plan_.patterns[pi];
    if (pp.p->shortest != ShortestKind::kNone) return MatchShortest(pi);
    const NodeStep& ns = pp.nodes[0];
    auto try_node = [&](uint32_t n) -> bool {
      if (!NodeFits(ns, n)) return true;
      if (ns.slot >= 0) row_[ns.slot] = Value::Node(n);
      path_nodes_[pi].assign(1, n);
      path_edges_[pi].clear();
      if (!Check(pp.after_node[0])) return true;
      return Extend(pi, 0, n);
    };
    if (ns.bound) {
      const Value& v = row_[ns.slot];
      if (v.IsNull()) return true;
      if (v.kind != Value::Kind::kNode) {
        RuntimeError(ns.np->pos,
                     "variable '" + ns.np->var + "' is a " + KindName(v.kind) + ", not a node");
      }
      return try_node(static_cast<uint32_t>(v.i));
    }
    for (uint32_t n : Candidates(ns)) {
      Count();
      if (!try_node(n)) return false;
    }
    return true;
  }

  Value PathValue(size_t pi) const {
    PathData d;
    d.nodes = path_nodes_[pi];
    d.edges = path_edges_[pi];
    if (plan_.patterns[pi].reversed) {
      std::reverse(d.nodes.begin(), d.nodes.end());
      std::reverse(d.edges.begin(), d.edges.end());
    }
    return Value::Path(std::move(d));
  }

  bool Extend(size_t pi, size_t k, uint32_t cur) {
    const PatternPlan& pp = plan_.patterns[pi];
    if (k == pp.rels.size()) {
      if (pp.path_slot >= 0) row_[pp.path_slot] = PathValue(pi);
      if (!Check(pp.at_end)) return true;
      return MatchFrom(pi + 1);
    }
    const RelStep& rs = pp.rels[k];
    const NodeStep& next = pp.nodes[k + 1];
    if (rs.rp->var_length) {
      std::vector<uint32_t> segment;
      return VarLength(pi, k, 0, cur, &segment);
    }
    return ForEachAdj(cur, rs.dir, [&](uint32_t e, uint32_t other) -> bool {
      if (!RelFits(rs, e) || !NodeFits(next, other)) return true;
      if (rs.slot >= 0) row_[rs.slot] = Value::Rel(e);
      if (next.slot >= 0) row_[next.slot] = Value::Node(other);
      used_.push_back(e);
      path_nodes_[pi].push_back(other);
      path_edges_[pi].push_back(e);
      bool go = Check(pp.after_node[k + 1]) ? Extend(pi, k + 1, other) : true;
      path_nodes_[pi].pop_back();
      path_edges_[pi].pop_back();
      used_.pop_back();
      return go;
    });
  }

  bool VarLength(size_t pi, size_t k, int depth, uint32_t cur, std::vector<uint32_t>* segment) {
    const PatternPlan& pp = plan_.patterns[pi];
    const RelStep& rs = pp.rels[k];
    const NodeStep& next = pp.nodes[k + 1];
    if (depth >= rs.rp->min_hops && NodeFits(next, cur)) {
      if (rs.slot >= 0) {
        ValueList l;
        for (uint32_t e : *segment) l.push_back(Value::Rel(e));
        if (pp.reversed) std::reverse(l.begin(), l.end());
        row_[rs.slot] = Value::List(std::move(l));
      }
      if (next.slot >= 0) row_[next.slot] = Value::Node(cur);
      if (Check(pp.after_node[k + 1]) && !Extend(pi, k + 1, cur)) return false;
    }
    bool unbounded = rs.rp->max_hops < 0;
    int max_hops = unbounded ? opt_.max_hops : rs.rp->max_hops;
    if (depth >= max_hops && !unbounded) return true;
    return ForEachAdj(cur, rs.dir, [&](uint32_t e, uint32_t other) -> bool {
      if (!RelFits(rs, e)) return true;
      if (depth >= max_hops) {
        LimitError("path length limit exceeded: the variable-length pattern at line " +
                   std::to_string(rs.rp->pos.line) + ", column " +
                   std::to_string(rs.rp->pos.column) + " goes on past " + std::to_string(max_hops) +
                   " hops; give an upper bound (*.." + std::to_string(max_hops) +
                   ") or raise --max-hops");
      }
      used_.push_back(e);
      segment->push_back(e);
      path_nodes_[pi].push_back(other);
      path_edges_[pi].push_back(e);
      bool go = VarLength(pi, k, depth + 1, other, segment);
      path_nodes_[pi].pop_back();
      path_edges_[pi].pop_back();
      segment->pop_back();
      used_.pop_back();
      return go;
    });
  }

  // ------------------------------------------------------------ shortest paths
  // The row the pushed-down predicates of pattern `pi` read: the current row
  // plus a slot for each predicate's variable.
  struct EdgeFilter {
    Scope scope;
    Row row;
    std::vector<int> slots;       // per edge_preds entry
    std::vector<int8_t> verdict;  // per edge: 0 unknown, 1 passes, -1 fails
  };

  EdgeFilter MakeEdgeFilter(const PatternPlan& pp) {
    EdgeFilter f;
    f.scope = plan_.scope;
    f.row = row_;
    for (const Expr* pred : pp.edge_preds) {
      f.slots.push_back(f.scope.Add(pred->var));
      f.row.emplace_back();
    }
    f.verdict.assign(snap_.num_edges(), 0);
    return f;
  }

  bool EdgePasses(const PatternPlan& pp, uint32_t e, EdgeFilter* f) {
    int8_t& v = f->verdict[e];
    if (v != 0) return v > 0;
    v = -1;
    const RelStep& rs = pp.rels[0];
    if (rs.no_type) return false;
    if (!rs.types.empty() &&
        std::find(rs.types.begin(), rs.types.end(), ix_.edge_type[e]) == rs.types.end()) {
      return false;
    }
    if (!PropsMatch(rs.rp->props, Value::Rel(e))) return false;
    for (size_t i = 0; i < pp.edge_preds.size(); ++i) {
      const Expr* pred = pp.edge_preds[i];
      f->row[f->slots[i]] = Value::Rel(e);
      Value r = Eval(*pred->args[1], EvalCtx{&f->scope, &f->row});
      if (!r.IsNull() && r.kind != Value::Kind::kBool) {
        RuntimeError(pred->args[1]->pos, "WHERE expects a boolean");
      }
      bool is_true = r.kind == Value::Kind::kBool && r.b;
      bool is_false = r.kind == Value::Kind::kBool && !r.b;
      if (pred->name == "all" ? !is_true : !is_false) return false;
    }
    v = 1;
    return true;
  }

  std::vector<uint32_t> EndCandidates(const NodeStep& ns) {
    if (ns.bound) {
      const Value& v = row_[ns.slot];
      if (v.IsNull()) return {};
      if (v.kind != Value::Kind::kNode) {
        RuntimeError(ns.np->pos,
                     "variable '" + ns.np->var + "' is a " + KindName(v.kind) + ", not a node");
      }
      return {static_cast<uint32_t>(v.i)};
    }
    std::vector<uint32_t> out;
    for (uint32_t n : Candidates(ns)) {
      if (NodeFits(ns, n)) out.push_back(n);
    }
    return out;
  }

  bool MatchShortest(size_t pi) {
    const PatternPlan& pp = plan_.patterns[pi];
    const NodeStep& a = pp.nodes[0];
    const NodeStep& b = pp.nodes[1];
    const RelStep& rs = pp.rels[0];
    if (rs.no_type) return true;
    std::vector<uint32_t> starts = EndCandidates(a);
    if (starts.empty()) return true;
    std::vector<uint32_t> ends = EndCandidates(b);
    const bool filtered = !pp.edge_preds.empty() || !rs.rp->props.empty();
    EdgeFilter filter;
    if (filtered) filter = MakeEdgeFilter(pp);
    PathOptions po;
    po.directed = rs.dir != Direction::kBoth;
    po.max_hops = rs.rp->max_hops < 0 ? 0 : rs.rp->max_hops;
    po.relations = rs.rp->types;
    po.max_paths = static_cast<size_t>(std::max<int64_t>(1, opt_.max_rows));
    // The pattern's filters (properties, pushed-down all()/none()) are tested
    // per edge when the search reaches it, each edge at most once (cached).
    if (filtered) po.edge_filter = [&](EdgeIndex e) { return EdgePasses(pp, e, &filter); };
    const bool all = pp.p->shortest == ShortestKind::kAllShortest;
    for (uint32_t s : starts) {
      // Bound ends are checked against the node pattern here.
      if (a.bound && !NodeFits(a, s)) continue;
      for (uint32_t t : ends) {
        if (b.bound && !NodeFits(b, t)) continue;
        if (s == t && rs.rp->min_hops > 0) continue;
        Count();
        std::vector<PathData> found;
        if (filtered && rs.rp->max_hops == 0) {
          // [*..0]: only the empty path (PathOptions' 0 means unlimited).
          if (s == t) found.push_back(PathData{{s}, {}});
        } else {
          // The graph module searches subject -> object; `<-` searches from the other end.
          uint32_t from = rs.dir == Direction::kIn ? t : s;
          uint32_t to = rs.dir == Direction::kIn ? s : t;
          std::vector<Path> paths;
          const std::string& from_id = snap_.node(from).id;
          const std::string& to_id = snap_.node(to).id;
          if (!all) {
            auto r = ShortestPath(snap_, from_id, to_id, po);
            if (!r.ok()) {
              if (r.status().IsNotFound()) continue;
              RuntimeError(pp.p->pos, r.status().message());
            }
            paths.push_back(std::move(r).value());
          } else {
            auto r = AllShortestPaths(snap_, from_id, to_id, po);
            if (!r.ok()) {
              if (r.status().IsNotFound()) continue;
              RuntimeError(pp.p->pos, r.status().message());
            }
            paths = std::move(r).value();
          }
          for (const Path& path : paths) {
            PathData d;
            for (const auto& id : path.nodes) d.nodes.push_back(*snap_.IndexOf(id));
            d.edges.assign(path.edges.begin(), path.edges.end());
            if (rs.dir == Direction::kIn) {
              std::reverse(d.nodes.begin(), d.nodes.end());
              std::reverse(d.edges.begin(), d.edges.end());
            }
            found.push_back(std::move(d));
          }
        }
        for (PathData& d : found) {
          if (static_cast<int>(d.edges.size()) < rs.rp->min_hops) continue;
          if (a.slot >= 0) row_[a.slot] = Value::Node(s);
          if (b.slot >= 0) row_[b.slot] = Value::Node(t);
          if (rs.slot >= 0) {
            ValueList l;
            for (uint32_t e : d.edges) l.push_back(Value::Rel(e));
            row_[rs.slot] = Value::List(std::move(l));
          }
          if (pp.path_slot >= 0) row_[pp.path_slot] = Value::Path(std::move(d));
          if (!Check(pp.at_end)) continue;
          if (!MatchFrom(pi + 1)) return false;
        }
      }
    }
    return true;
  }

  // -------------------------------------------------------------- projection
  struct AggState {
    int64_t count = 0;
    bool all_int = true;
    int64_t isum = 0;
    double fsum = 0.0;
    Value best;
    ValueList items;
    std::set<Value, bool (*)(const Value&, const Value&)> seen{
        [](const Value& x, const Value& y) { return OrderCompare(x, y) < 0; }};
  };

  void Accumulate(const Expr& agg, AggState* st, const EvalCtx& ctx) {
    if (agg.kind == ExprKind::kCountStar) {
      ++st->count;
      return;
    }
    if (agg.args.size() != 1) RuntimeError(agg.pos, agg.name + "() takes 1 argument");
    Value v = Eval(*agg.args[0], ctx);
    if (v.IsNull()) return;
    if (agg.distinct && !st->seen.insert(v).second) return;
    ++st->count;
    const std::string& fn = agg.name;
    if (fn == "sum" || fn == "avg") {
      if (!v.IsNumber())
        RuntimeError(agg.args[0]->pos, fn + "() expects numbers, got a " + KindName(v.kind));
      if (v.kind == Value::Kind::kInt && st->all_int) {
        if (__builtin_add_overflow(st->isum, v.i, &st->isum))
          RuntimeError(agg.pos, "integer overflow in sum()");
      } else if (st->all_int) {
        st->all_int = false;
        st->fsum = static_cast<double>(st->isum) + v.Number();
      } else {
        st->fsum += v.Number();
      }
    } else if (fn == "min" || fn == "max") {
      if (st->best.IsNull()) {
        st->best = v;
      } else {
        int cmp = OrderCompare(v, st->best);
        if ((fn == "min" && cmp < 0) || (fn == "max" && cmp > 0)) st->best = v;
      }
    } else if (fn == "collect") {
      st->items.push_back(v);
    }
  }

  static Value Finish(const Expr& agg, AggState& st) {
    if (agg.kind == ExprKind::kCountStar || agg.name == "count") return Value::Int(st.count);
    const std::string& fn = agg.name;
    if (fn == "sum") return st.all_int ? Value::Int(st.isum) : Value::Float(st.fsum);
    if (fn == "avg") {
      if (st.count == 0) return Value();
      double total = st.all_int ? static_cast<double>(st.isum) : st.fsum;
      return Value::Float(total / static_cast<double>(st.count));
    }
    if (fn == "min" || fn == "max") return st.best;
    return Value::List(std::move(st.items));
  }

  Table Project(const Clause& c, const Scope& scope, std::vector<Row>& rows) {
    std::vector<const ReturnItem*> items;
    std::vector<ReturnItem> star_items;
    if (c.star) {
      std::vector<std::string> names;
      for (const auto& n : scope.names) names.push_back(n);
      std::sort(names.begin(), names.end());
      if (names.empty()) RuntimeError(c.pos, "RETURN * has no variables to return");
      for (const auto& n : names) {
        ReturnItem item;
        auto e = std::make_shared<Expr>();
        e->kind = ExprKind::kVariable;
        e->name = n;
        e->text = n;
        e->pos = c.pos;
        item.expr = e;
        item.column = n;
        star_items.push_back(item);
      }
    }
    for (const auto& i : c.star ? star_items : c.items) items.push_back(&i);
    for (const ReturnItem* item : items) {
      CheckVars(*item->expr, scope);
      if (c.kind == Clause::Kind::kWith && item->alias.empty() &&
          item->expr->kind != ExprKind::kVariable) {
        RuntimeError(item->expr->pos, "an expression in WITH needs an alias (WITH expr AS name)");
      }
    }
    Table out;
    for (const ReturnItem* item : items) {
      if (std::find(out.columns.begin(), out.columns.end(), item->column) != out.columns.end()) {
        RuntimeError(item->expr->pos, "column '" + item->column + "' appears twice; use AS");
      }
      out.columns.push_back(item->column);
    }
    Scope out_scope;
    out_scope.names = out.columns;

    std::vector<const Expr*> aggs;
    for (const ReturnItem* item : items) CollectAggregates(*item->expr, &aggs);
    const bool aggregating = !aggs.empty();

    // Sort keys: a returned column (by alias or identical text) or an expression.
    struct Key {
      int column = -1;
      const Expr* expr = nullptr;
      bool desc = false;
    };
    std::vector<Key> keys;
    for (const SortItem& s : c.order_by) {
      Key k;
      k.desc = s.descending;
      for (size_t i = 0; i < items.size(); ++i) {
        if (s.expr->text == items[i]->expr->text ||
            (s.expr->kind == ExprKind::kVariable && s.expr->name == items[i]->column)) {
          k.column = static_cast<int>(i);
        }
      }
      if (k.column < 0) {
        if (ContainsAggregate(*s.expr)) {
          RuntimeError(s.expr->pos,
                       "ORDER BY an aggregate that is not returned; return it AS a name");
        }
        if (aggregating || c.distinct) {
          CheckVars(*s.expr, out_scope);
        } else {
          Scope both = scope;
          for (const auto& n : out.columns) both.Add(n);
          CheckVars(*s.expr, both);
        }
        k.expr = s.expr.get();
      }
      keys.push_back(k);
    }

    std::vector<ValueList> sort_values;
    auto sort_key = [&](const Row* in, const Row& projected) {
      ValueList sk;
      for (const Key& k : keys) {
        if (k.column >= 0) {
          sk.push_back(projected[k.column]);
        } else if (in == nullptr) {
          sk.push_back(Eval(*k.expr, EvalCtx{&out_scope, &projected}));
        } else {
          // Returned names shadow the input's variables.
          Scope both;
          Row vals;
          for (size_t i = 0; i < scope.names.size(); ++i) {
            if (out_scope.Find(scope.names[i]) >= 0) continue;
            both.Add(scope.names[i]);
            vals.push_back((*in)[i]);
          }
          for (size_t i = 0; i < out.columns.size(); ++i) {
            both.Add(out.columns[i]);
            vals.push_back(projected[i]);
          }
          sk.push_back(Eval(*k.expr, EvalCtx{&both, &vals}));
        }
      }
      return sk;
    };

    if (!aggregating) {
      std::set<ValueList, ValueListLess> seen;
      for (const Row& r : rows) {
        EvalCtx ctx{&scope, &r};
        Row projected;
        projected.reserve(items.size());
        for (const ReturnItem* item : items) projected.push_back(Eval(*item->expr, ctx));
        if (c.distinct && !seen.insert(projected).second) continue;
        if (!keys.empty()) sort_values.push_back(sort_key(c.distinct ? nullptr : &r, projected));
        out.rows.push_back(std::move(projected));
        CheckRows(out.rows.size());
      }
    } else {
      std::vector<int> key_items;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!ContainsAggregate(*items[i]->expr)) key_items.push_back(static_cast<int>(i));
      }
      std::map<ValueList, size_t, ValueListLess> groups;
      std::vector<const Row*> firsts;
      std::vector<std::vector<AggState>> states;
      for (const Row& r : rows) {
        EvalCtx ctx{&scope, &r};
        ValueList key;
        for (int i : key_items) key.push_back(Eval(*items[i]->expr, ctx));
        auto [it, fresh] = groups.emplace(std::move(key), firsts.size());
        if (fresh) {
          firsts.push_back(&r);
          states.emplace_back(aggs.size());
          CheckRows(firsts.size());
        }
        for (size_t a = 0; a < aggs.size(); ++a) Accumulate(*aggs[a], &states[it->second][a], ctx);
      }
      // No rows and no grouping keys: one row of empty aggregates (count(*) = 0).
      Row empty_row(scope.names.size());
      if (rows.empty() && key_items.empty()) {
        firsts.push_back(&empty_row);
        states.emplace_back(aggs.size());
      }
      std::set<ValueList, ValueListLess> seen;
      for (size_t g = 0; g < firsts.size(); ++g) {
        ValueList agg_values;
        for (size_t a = 0; a < aggs.size(); ++a)
          agg_values.push_back(Finish(*aggs[a], states[g][a]));
        EvalCtx ctx{&scope, firsts[g], &aggs, &agg_values};
        Row projected;
        for (const ReturnItem* item : items) projected.push_back(Eval(*item->expr, ctx));
        if (c.distinct && !seen.insert(projected).second) continue;
        if (!keys.empty()) sort_values.push_back(sort_key(nullptr, projected));
        out.rows.push_back(std::move(projected));
      }
    }
    rows.clear();

    if (!keys.empty()) {
      std::vector<size_t> order(out.rows.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        for (size_t k = 0; k < keys.size(); ++k) {
          int cmp = OrderCompare(sort_values[x][k], sort_values[y][k], &snap_);
          if (cmp != 0) return keys[k].desc ? cmp > 0 : cmp < 0;
        }
        return false;
      });
      std::vector<Row> sorted;
      sorted.reserve(order.size());
      for (size_t i : order) sorted.push_back(std::move(out.rows[i]));
      out.rows = std::move(sorted);
    }
    int64_t skip = c.skip ? EvalCount(c.skip, "SKIP") : 0;
    if (skip > 0) {
      size_t n = std::min<size_t>(static_cast<size_t>(skip), out.rows.size());
      out.rows.erase(out.rows.begin(), out.rows.begin() + static_cast<std::ptrdiff_t>(n));
    }
    if (c.limit) {
      int64_t limit = EvalCount(c.limit, "LIMIT");
      if (static_cast<size_t>(limit) < out.rows.size()) out.rows.resize(static_cast<size_t>(limit));
    }
    return out;
  }

  const EngineIndex& ix_;
  const Snapshot& snap_;
  const std::map<std::string, Value>& params_;
  const QueryOptions& opt_;
  int64_t expansions_ = 0;

  // State of the MATCH being run.
  MatchPlan plan_;
  Row row_;
  std::vector<Row>* out_ = nullptr;
  int64_t stop_after_ = -1;
  std::vector<uint32_t> used_;  // relationships bound in this MATCH (no repeats)
  std::vector<std::vector<uint32_t>> path_nodes_;
  std::vector<std::vector<uint32_t>> path_edges_;
};

Pos FindParamPos(const QueryAst& ast, const std::string& name) {
  const std::string& t = ast.text;
  std::string needle = "$" + name;
  size_t at = 0;
  for (;;) {
    at = t.find(needle, at);
    if (at == std::string::npos) return Pos{};
    size_t end = at + needle.size();
    if (end >= t.size() || !(std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '_'))
      break;
    at = end;
  }
  Pos pos;
  for (size_t i = 0; i < at; ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

}  // namespace

void EngineIndex::Build() {
  const Snapshot& s = *snapshot;
  edge_type.resize(s.num_edges());
  for (uint32_t e = 0; e < s.num_edges(); ++e) {
    auto [it, fresh] = type_ids.emplace(s.relation(e), static_cast<int32_t>(type_ids.size()));
    edge_type[e] = it->second;
  }
  for (uint32_t n = 0; n < s.num_nodes(); ++n) by_name[s.node(n).name].push_back(n);
}

const std::unordered_map<std::string, uint32_t>& EngineIndex::Keys() const {
  std::call_once(keys_once, [this] {
    const Snapshot& s = *snapshot;
    // Canonical names win over aliases, ids over both.
    for (uint32_t n = 0; n < s.num_nodes(); ++n) {
      for (const auto& a : s.node(n).aliases) by_key.emplace(NormalizeKey(a), n);
    }
    for (uint32_t n = 0; n < s.num_nodes(); ++n) by_key[NormalizeKey(s.node(n).name)] = n;
    for (uint32_t n = 0; n < s.num_nodes(); ++n) by_key[NormalizeKey(s.node(n).id)] = n;
  });
  return by_key;
}

Table Execute(const EngineIndex& index, const QueryAst& ast,
              const std::map<std::string, Value>& params) {
  for (const auto& p : ast.params) {
    if (!params.count(p)) {
      throw QueryError{QueryError::Kind::kRuntime, FindParamPos(ast, p),
                       "missing parameter $" + p + " (give it with --param " + p + "=VALUE)"};
    }
  }
  Executor ex(index, params);
  return ex.Run(ast);
}

}  // namespace geokg::query_internal
