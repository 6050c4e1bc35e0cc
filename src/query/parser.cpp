#include "parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <sstream>

namespace geokg::query_internal {

namespace {

enum class Tok {
  kEnd,
  kIdent,
  kInt,
  kFloat,
  kString,
  kParam,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kDot,
  kDotDot,
  kColon,
  kPipe,
  kSemicolon,
  kMinus,
  kPlus,
  kStar,
  kSlash,
  kPercent,
  kCaret,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
};

struct Token {
  Tok type = Tok::kEnd;
  std::string text;  // identifier / string contents / parameter name / raw symbol
  Pos pos;
  size_t begin = 0;  // byte offsets in the query text
  size_t end = 0;
  bool quoted = false;  // `backtick` identifier: never a keyword
  int64_t int_value = 0;
  double float_value = 0.0;
};

[[noreturn]] void Throw(QueryError::Kind kind, Pos pos, std::string message) {
  throw QueryError{kind, pos, std::move(message)};
}

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> Run() {
    std::vector<Token> tokens;
    for (;;) {
      SkipSpaceAndComments();
      Token t;
      t.pos = Here();
      t.begin = i_;
      if (i_ >= text_.size()) {
        t.type = Tok::kEnd;
        t.end = i_;
        tokens.push_back(t);
        return tokens;
      }
      unsigned char c = static_cast<unsigned char>(text_[i_]);
      if (IsIdentStart(c)) {
        size_t j = i_;
        while (j < text_.size() && IsIdentChar(static_cast<unsigned char>(text_[j]))) ++j;
        t.type = Tok::kIdent;
        t.text = std::string(text_.substr(i_, j - i_));
        Advance(j - i_);
      } else if (c == '`') {
        size_t j = text_.find('`', i_ + 1);
        if (j == std::string_view::npos)
          Throw(QueryError::Kind::kSyntax, t.pos, "unterminated `identifier`");
        t.type = Tok::kIdent;
        t.quoted = true;
        t.text = std::string(text_.substr(i_ + 1, j - i_ - 1));
        Advance(j + 1 - i_);
      } else if (std::isdigit(c)) {
        LexNumber(&t);
      } else if (c == '\'' || c == '"') {
        LexString(&t);
      } else if (c == '$') {
        size_t j = i_ + 1;
        while (j < text_.size() && IsIdentChar(static_cast<unsigned char>(text_[j]))) ++j;
        if (j == i_ + 1)
          Throw(QueryError::Kind::kSyntax, t.pos, "expected a parameter name after '$'");
        t.type = Tok::kParam;
        t.text = std::string(text_.substr(i_ + 1, j - i_ - 1));
        Advance(j - i_);
      } else {
        LexSymbol(&t);
      }
      t.end = i_;
      tokens.push_back(std::move(t));
    }
  }

 private:
  Pos Here() const { return pos_; }

  void Advance(size_t n) {
    for (size_t k = 0; k < n && i_ < text_.size(); ++k, ++i_) {
      unsigned char c = static_cast<unsigned char>(text_[i_]);
      if (c == '\n') {
        ++pos_.line;
        pos_.column = 1;
      } else if ((c & 0xC0) != 0x80) {  // count code points, not bytes
        ++pos_.column;
      }
    }
  }

  void SkipSpaceAndComments() {
    for (;;) {
      while (i_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[i_]))) Advance(1);
      if (text_.substr(i_, 2) == "//") {
        while (i_ < text_.size() && text_[i_] != '\n') Advance(1);
      } else if (text_.substr(i_, 2) == "/*") {
        Pos start = Here();
        size_t j = text_.find("*/", i_ + 2);
        if (j == std::string_view::npos)
          Throw(QueryError::Kind::kSyntax, start, "unterminated /* comment");
        Advance(j + 2 - i_);
      } else {
        return;
      }
    }
  }

  void LexNumber(Token* t) {
    size_t j = i_;
    while (j < text_.size() && std::isdigit(static_cast<unsigned char>(text_[j]))) ++j;
    bool is_float = false;
    if (j + 1 < text_.size() && text_[j] == '.' &&
        std::isdigit(static_cast<unsigned char>(text_[j + 1]))) {
      is_float = true;
      ++j;
      while (j < text_.size() && std::isdigit(static_cast<unsigned char>(text_[j]))) ++j;
    }
    if (j < text_.size() && (text_[j] == 'e' || text_[j] == 'E')) {
      size_t k = j + 1;
      if (k < text_.size() && (text_[k] == '+' || text_[k] == '-')) ++k;
      if (k < text_.size() && std::isdigit(static_cast<unsigned char>(text_[k]))) {
        is_float = true;
        j = k;
        while (j < text_.size() && std::isdigit(static_cast<unsigned char>(text_[j]))) ++j;
      }
    }
    if (j < text_.size() && IsIdentStart(static_cast<unsigned char>(text_[j]))) {
      Throw(QueryError::Kind::kSyntax, t->pos, "malformed number");
    }
    std::string s(text_.substr(i_, j - i_));
    if (is_float) {
      t->type = Tok::kFloat;
      t->float_value = std::strtod(s.c_str(), nullptr);
    } else {
      t->type = Tok::kInt;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), t->int_value);
      if (ec != std::errc()) Throw(QueryError::Kind::kSyntax, t->pos, "integer out of range");
    }
    t->text = s;
    Advance(j - i_);
  }

  void LexString(Token* t) {
    char quote = text_[i_];
    std::string out;
    size_t j = i_ + 1;
    for (;;) {
      if (j >= text_.size()) Throw(QueryError::Kind::kSyntax, t->pos, "unterminated string");
      char c = text_[j];
      if (c == quote) break;
      if (c == '\\' && j + 1 < text_.size()) {
        char e = text_[j + 1];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case '\\':
            out += '\\';
            break;
          case '\'':
            out += '\'';
            break;
          case '"':
            out += '"';
            break;
          default:
            out += '\\';
            out += e;
            break;
        }
        j += 2;
        continue;
      }
      out += c;
      ++j;
    }
    t->type = Tok::kString;
    t->text = std::move(out);
    Advance(j + 1 - i_);
  }

  void LexSymbol(Token* t) {
    std::string_view two = text_.substr(i_, 2);
    struct Sym {
      std::string_view text;
      Tok type;
    };
    static constexpr Sym kSymbols[] = {
        {"..", Tok::kDotDot},  {"<>", Tok::kNe},    {"!=", Tok::kNe},    {"<=", Tok::kLe},
        {">=", Tok::kGe},      {"(", Tok::kLParen}, {")", Tok::kRParen}, {"[", Tok::kLBracket},
        {"]", Tok::kRBracket}, {"{", Tok::kLBrace}, {"}", Tok::kRBrace}, {",", Tok::kComma},
        {".", Tok::kDot},      {":", Tok::kColon},  {"|", Tok::kPipe},   {";", Tok::kSemicolon},
        {"-", Tok::kMinus},    {"+", Tok::kPlus},   {"*", Tok::kStar},   {"/", Tok::kSlash},
        {"%", Tok::kPercent},  {"^", Tok::kCaret},  {"=", Tok::kEq},     {"<", Tok::kLt},
        {">", Tok::kGt},
    };
    for (const Sym& s : kSymbols) {
      if ((s.text.size() == 2 && two == s.text) || (s.text.size() == 1 && text_[i_] == s.text[0])) {
        t->type = s.type;
        t->text = std::string(s.text);
        Advance(s.text.size());
        return;
      }
    }
    size_t len = 1;
    while (i_ + len < text_.size() && (static_cast<unsigned char>(text_[i_ + len]) & 0xC0) == 0x80)
      ++len;
    Throw(QueryError::Kind::kSyntax, t->pos,
          "unexpected character '" + std::string(text_.substr(i_, len)) + "'");
  }

  std::string_view text_;
  size_t i_ = 0;
  Pos pos_;
};

const std::set<std::string>& WriteKeywords() {
  static const std::set<std::string> k{"CREATE", "MERGE", "SET", "DELETE", "REMOVE", "DETACH"};
  return k;
}
const std::set<std::string>& UnsupportedClauses() {
  static const std::set<std::string> k{"UNWIND",  "CALL",    "UNION",  "FOREACH", "LOAD", "USE",
                                       "EXPLAIN", "PROFILE", "FINISH", "FILTER",  "LET",  "YIELD"};
  return k;
}
// Words that cannot name a variable.
const std::set<std::string>& Reserved() {
  static const std::set<std::string> k{
      "MATCH", "OPTIONAL",  "WHERE",      "RETURN", "WITH",   "ORDER",    "BY",
      "SKIP",  "LIMIT",     "AND",        "OR",     "XOR",    "NOT",      "IN",
      "IS",    "NULL",      "TRUE",       "FALSE",  "AS",     "DISTINCT", "ASC",
      "DESC",  "ASCENDING", "DESCENDING", "STARTS", "ENDS",   "CONTAINS", "CREATE",
      "MERGE", "SET",       "DELETE",     "REMOVE", "DETACH", "UNWIND",   "CALL",
      "UNION", "CASE",      "WHEN",       "THEN",   "ELSE",   "END",      "FOREACH"};
  return k;
}

std::string Describe(const Token& t) {
  switch (t.type) {
    case Tok::kEnd:
      return "end of query";
    case Tok::kString:
      return "string '" + t.text + "'";
    case Tok::kParam:
      return "'$" + t.text + "'";
    default:
      return "'" + t.text + "'";
  }
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)) {}

  std::shared_ptr<QueryAst> Run() {
    auto ast = std::make_shared<QueryAst>();
    ast->text = std::string(text_);
    bool returned = false;
    while (!At(Tok::kEnd) && !At(Tok::kSemicolon)) {
      if (returned) {
        CheckClauseKeyword();
        Fail("expected the end of the query after RETURN, found " + Describe(Peek()));
      }
      ast->clauses.push_back(ParseClause());
      if (ast->clauses.back().kind == Clause::Kind::kReturn) returned = true;
    }
    if (At(Tok::kSemicolon)) Next();
    if (!At(Tok::kEnd)) Fail("expected the end of the query, found " + Describe(Peek()));
    if (!returned) Fail("expected RETURN: a query ends with a RETURN clause");
    ast->params.assign(params_.begin(), params_.end());
    return ast;
  }

 private:
  // ---- token helpers ----
  const Token& Peek(size_t k = 0) const { return tokens_[std::min(pos_ + k, tokens_.size() - 1)]; }
  bool At(Tok t, size_t k = 0) const { return Peek(k).type == t; }
  bool AtKeyword(std::string_view kw, size_t k = 0) const {
    const Token& t = Peek(k);
    return t.type == Tok::kIdent && !t.quoted && Upper(t.text) == kw;
  }
  const Token& Next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    last_end_ = t.end;
    return t;
  }
  [[noreturn]] void Fail(const std::string& message) const {
    Throw(QueryError::Kind::kSyntax, Peek().pos, message);
  }
  [[noreturn]] void Unsupported(const std::string& what, Pos pos) const {
    Throw(QueryError::Kind::kUnsupported, pos, what);
  }
  const Token& Expect(Tok t, const char* what) {
    if (!At(t)) Fail(std::string("expected ") + what + " but found " + Describe(Peek()));
    return Next();
  }
  bool Accept(Tok t) {
    if (!At(t)) return false;
    Next();
    return true;
  }
  bool AcceptKeyword(std::string_view kw) {
    if (!AtKeyword(kw)) return false;
    Next();
    return true;
  }
  void ExpectKeyword(std::string_view kw) {
    if (!AcceptKeyword(kw)) Fail("expected " + std::string(kw) + " but found " + Describe(Peek()));
  }
  std::string ExpectName(const char* what) {
    const Token& t = Peek();
    if (t.type != Tok::kIdent) Fail(std::string("expected ") + what + " but found " + Describe(t));
    if (!t.quoted && Reserved().count(Upper(t.text))) {
      Fail(std::string("expected ") + what + " but found keyword " + Upper(t.text));
    }
    return Next().text;
  }
  // Symbolic names after ':' and '.' may be keywords (`:END`, `r.end`).
  std::string ExpectSymbolicName(const char* what) {
    const Token& t = Peek();
    if (t.type != Tok::kIdent) Fail(std::string("expected ") + what + " but found " + Describe(t));
    return Next().text;
  }
  bool AtVariable() const {
    const Token& t = Peek();
    return t.type == Tok::kIdent && (t.quoted || !Reserved().count(Upper(t.text)));
  }

  void CheckClauseKeyword() const {
    const Token& t = Peek();
    if (t.type != Tok::kIdent || t.quoted) return;
    std::string kw = Upper(t.text);
    if (WriteKeywords().count(kw)) {
      Throw(QueryError::Kind::kWrite, t.pos, kw);
    }
    if (UnsupportedClauses().count(kw)) Unsupported(kw, t.pos);
  }

  // ---- clauses ----
  Clause ParseClause() {
    CheckClauseKeyword();
    Clause c;
    c.pos = Peek().pos;
    if (AcceptKeyword("OPTIONAL")) {
      ExpectKeyword("MATCH");
      c.optional = true;
      ParseMatchBody(&c);
    } else if (AcceptKeyword("MATCH")) {
      ParseMatchBody(&c);
    } else if (AcceptKeyword("WITH")) {
      c.kind = Clause::Kind::kWith;
      ParseProjection(&c);
      if (AcceptKeyword("WHERE")) c.where = ParseExpr();
    } else if (AcceptKeyword("RETURN")) {
      c.kind = Clause::Kind::kReturn;
      ParseProjection(&c);
    } else {
      Fail("expected MATCH, OPTIONAL MATCH, WITH or RETURN but found " + Describe(Peek()));
    }
    return c;
  }

  void ParseMatchBody(Clause* c) {
    c->kind = Clause::Kind::kMatch;
    do {
      c->patterns.push_back(ParsePatternPart());
    } while (Accept(Tok::kComma));
    if (AcceptKeyword("WHERE")) c->where = ParseExpr();
  }

  void ParseProjection(Clause* c) {
    if (AcceptKeyword("DISTINCT")) c->distinct = true;
    if (Accept(Tok::kStar)) {
      c->star = true;
    } else {
      do {
        ReturnItem item;
        item.expr = ParseExpr();
        if (AcceptKeyword("AS")) item.alias = ExpectName("an alias after AS");
        item.column = item.alias.empty() ? item.expr->text : item.alias;
        c->items.push_back(std::move(item));
      } while (Accept(Tok::kComma));
    }
    if (AtKeyword("ORDER")) {
      Next();
      ExpectKeyword("BY");
      do {
        SortItem s;
        s.expr = ParseExpr();
        if (AcceptKeyword("DESC") || AcceptKeyword("DESCENDING")) {
          s.descending = true;
        } else if (!AcceptKeyword("ASC")) {
          AcceptKeyword("ASCENDING");
        }
        c->order_by.push_back(std::move(s));
      } while (Accept(Tok::kComma));
    }
    if (AcceptKeyword("SKIP")) c->skip = ParseExpr();
    if (AcceptKeyword("LIMIT")) c->limit = ParseExpr();
  }

  // ---- patterns ----
  PathPattern ParsePatternPart() {
    PathPattern p;
    p.pos = Peek().pos;
    if (AtVariable() && At(Tok::kEq, 1)) {
      p.path_var = Next().text;
      Next();  // '='
    }
    if (At(Tok::kIdent) && !Peek().quoted) {
      std::string kw = Upper(Peek().text);
      Pos kw_pos = Peek().pos;
      if ((kw == "SHORTESTPATH" || kw == "ALLSHORTESTPATHS") && At(Tok::kLParen, 1)) {
        Next();
        Next();
        p.shortest = kw == "SHORTESTPATH" ? ShortestKind::kShortest : ShortestKind::kAllShortest;
        ParsePathElements(&p);
        Expect(Tok::kRParen, "')' after the shortest-path pattern");
        CheckShortest(p, kw_pos);
        return p;
      }
      if ((kw == "ANY" || kw == "ALL") && AtKeyword("SHORTEST", 1)) {
        Next();
        Next();
        p.shortest = kw == "ANY" ? ShortestKind::kShortest : ShortestKind::kAllShortest;
        if (At(Tok::kInt)) Unsupported("SHORTEST k (only ANY SHORTEST and ALL SHORTEST)", kw_pos);
        ParsePathElements(&p);
        CheckShortest(p, kw_pos);
        return p;
      }
      if (kw == "SHORTEST" || ((kw == "ANY" || kw == "ALL") && !At(Tok::kLParen, 1))) {
        Unsupported(kw + " path selector (use ANY SHORTEST or ALL SHORTEST)", kw_pos);
      }
    }
    ParsePathElements(&p);
    return p;
  }

  void CheckShortest(const PathPattern& p, Pos pos) const {
    if (p.rels.size() != 1) {
      Throw(QueryError::Kind::kSyntax, pos,
            "a shortest-path pattern needs exactly one relationship, e.g. (a)-[*..6]-(b)");
    }
    if (p.rels[0].min_hops > 1) {
      Throw(QueryError::Kind::kSyntax, p.rels[0].pos,
            "a shortest-path relationship starts at 0 or 1 hops");
    }
  }

  void ParsePathElements(PathPattern* p) {
    p->nodes.push_back(ParseNode());
    while (At(Tok::kMinus) || (At(Tok::kLt) && At(Tok::kMinus, 1))) {
      p->rels.push_back(ParseRel());
      p->nodes.push_back(ParseNode());
    }
  }

  NodePattern ParseNode() {
    NodePattern n;
    n.pos = Peek().pos;
    Expect(Tok::kLParen, "'(' to start a node pattern");
    if (AtVariable()) n.var = Next().text;
    while (Accept(Tok::kColon)) {
      n.labels.push_back(ExpectSymbolicName("a label after ':'"));
      if (At(Tok::kPipe)) Unsupported("label alternatives (:A|B) on nodes", Peek().pos);
    }
    if (At(Tok::kLBrace)) n.props = ParseMap();
    if (AtKeyword("WHERE")) Unsupported("WHERE inside a node pattern", Peek().pos);
    Expect(Tok::kRParen, "')' to close the node pattern");
    return n;
  }

  RelPattern ParseRel() {
    RelPattern r;
    r.pos = Peek().pos;
    bool left = false;
    if (Accept(Tok::kLt)) left = true;
    Expect(Tok::kMinus, "'-'");
    if (Accept(Tok::kLBracket)) {
      if (AtVariable()) r.var = Next().text;
      if (Accept(Tok::kColon)) {
        r.types.push_back(ExpectSymbolicName("a relationship type after ':'"));
        while (Accept(Tok::kPipe)) {
          Accept(Tok::kColon);
          r.types.push_back(ExpectSymbolicName("a relationship type after '|'"));
        }
      }
      if (Accept(Tok::kStar)) {
        r.var_length = true;
        r.min_hops = 1;
        r.max_hops = -1;
        if (At(Tok::kInt)) {
          r.min_hops = static_cast<int>(Next().int_value);
          r.max_hops = r.min_hops;
        }
        if (Accept(Tok::kDotDot)) {
          r.max_hops = -1;
          if (At(Tok::kInt)) r.max_hops = static_cast<int>(Next().int_value);
        }
        if (r.max_hops >= 0 && r.max_hops < r.min_hops) {
          Throw(QueryError::Kind::kSyntax, r.pos, "variable-length range has max < min");
        }
      }
      if (At(Tok::kLBrace)) r.props = ParseMap();
      if (AtKeyword("WHERE")) Unsupported("WHERE inside a relationship pattern", Peek().pos);
      Expect(Tok::kRBracket, "']' to close the relationship pattern");
    }
    Expect(Tok::kMinus, "'-'");
    bool right = Accept(Tok::kGt);
    if (left && right)
      Throw(QueryError::Kind::kSyntax, r.pos, "a relationship cannot point both ways (<-->)");
    r.dir = left ? Direction::kIn : (right ? Direction::kOut : Direction::kBoth);
    return r;
  }

  std::vector<std::pair<std::string, ExprPtr>> ParseMap() {
    std::vector<std::pair<std::string, ExprPtr>> props;
    Expect(Tok::kLBrace, "'{'");
    if (!At(Tok::kRBrace)) {
      do {
        std::string key = ExpectSymbolicName("a property name");
        Expect(Tok::kColon, "':' after the property name");
        props.emplace_back(key, ParseExpr());
      } while (Accept(Tok::kComma));
    }
    Expect(Tok::kRBrace, "'}' to close the property map");
    return props;
  }

  // ---- expressions ----
  ExprPtr Make(ExprKind kind, const Token& start) {
    auto e = std::make_shared<Expr>();
    e->kind = kind;
    e->pos = start.pos;
    return e;
  }
  void Finish(const ExprPtr& e, size_t begin) {
    e->text = std::string(text_.substr(begin, last_end_ - begin));
  }
  ExprPtr Binary(BinaryOp op, ExprPtr a, ExprPtr b, size_t begin) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::kBinary;
    e->op = op;
    e->pos = a->pos;
    e->args = {std::move(a), std::move(b)};
    Finish(e, begin);
    return e;
  }

  ExprPtr ParseExpr() { return ParseOr(); }

  ExprPtr ParseOr() {
    size_t begin = Peek().begin;
    ExprPtr e = ParseXor();
    while (AcceptKeyword("OR")) e = Binary(BinaryOp::kOr, e, ParseXor(), begin);
    return e;
  }
  ExprPtr ParseXor() {
    size_t begin = Peek().begin;
    ExprPtr e = ParseAnd();
    while (AcceptKeyword("XOR")) e = Binary(BinaryOp::kXor, e, ParseAnd(), begin);
    return e;
  }
  ExprPtr ParseAnd() {
    size_t begin = Peek().begin;
    ExprPtr e = ParseNot();
    while (AcceptKeyword("AND")) e = Binary(BinaryOp::kAnd, e, ParseNot(), begin);
    return e;
  }
  ExprPtr ParseNot() {
    if (AtKeyword("NOT")) {
      const Token& t = Next();
      size_t begin = t.begin;
      ExprPtr e = Make(ExprKind::kNot, t);
      e->args.push_back(ParseNot());
      Finish(e, begin);
      return e;
    }
    return ParseComparison();
  }
  ExprPtr ParseComparison() {
    size_t begin = Peek().begin;
    ExprPtr e = ParseStringPredicate();
    for (;;) {
      BinaryOp op;
      switch (Peek().type) {
        case Tok::kEq:
          op = BinaryOp::kEq;
          break;
        case Tok::kNe:
          op = BinaryOp::kNe;
          break;
        case Tok::kLt:
          op = BinaryOp::kLt;
          break;
        case Tok::kLe:
          op = BinaryOp::kLe;
          break;
        case Tok::kGt:
          op = BinaryOp::kGt;
          break;
        case Tok::kGe:
          op = BinaryOp::kGe;
          break;
        default:
          return e;
      }
      Next();
      e = Binary(op, e, ParseStringPredicate(), begin);
    }
  }
  ExprPtr ParseStringPredicate() {
    size_t begin = Peek().begin;
    ExprPtr e = ParseAdditive();
    for (;;) {
      if (AtKeyword("STARTS")) {
        Next();
        ExpectKeyword("WITH");
        e = Binary(BinaryOp::kStartsWith, e, ParseAdditive(), begin);
      } else if (AtKeyword("ENDS")) {
        Next();
        ExpectKeyword("WITH");
        e = Binary(BinaryOp::kEndsWith, e, ParseAdditive(), begin);
      } else if (AcceptKeyword("CONTAINS")) {
        e = Binary(BinaryOp::kContains, e, ParseAdditive(), begin);
      } else if (AcceptKeyword("IN")) {
        e = Binary(BinaryOp::kIn, e, ParseAdditive(), begin);
      } else if (AtKeyword("IS")) {
        Next();
        bool negated = AcceptKeyword("NOT");
        ExpectKeyword("NULL");
        auto n = std::make_shared<Expr>();
        n->kind = ExprKind::kIsNull;
        n->pos = e->pos;
        n->negated = negated;
        n->args.push_back(e);
        Finish(n, begin);
        e = n;
      } else {
        return e;
      }
    }
  }
  ExprPtr ParseAdditive() {
    size_t begin = Peek().begin;
    ExprPtr e = ParseMultiplicative();
    for (;;) {
      if (Accept(Tok::kPlus)) {
        e = Binary(BinaryOp::kAdd, e, ParseMultiplicative(), begin);
      } else if (Accept(Tok::kMinus)) {
        e = Binary(BinaryOp::kSub, e, ParseMultiplicative(), begin);
      } else {
        return e;
      }
    }
  }
  ExprPtr ParseMultiplicative() {
    size_t begin = Peek().begin;
    ExprPtr e = ParseUnary();
    for (;;) {
      if (Accept(Tok::kStar)) {
        e = Binary(BinaryOp::kMul, e, ParseUnary(), begin);
      } else if (Accept(Tok::kSlash)) {
        e = Binary(BinaryOp::kDiv, e, ParseUnary(), begin);
      } else if (Accept(Tok::kPercent)) {
        e = Binary(BinaryOp::kMod, e, ParseUnary(), begin);
      } else if (At(Tok::kCaret)) {
        Unsupported("the ^ operator", Peek().pos);
      } else {
        return e;
      }
    }
  }
  ExprPtr ParseUnary() {
    if (At(Tok::kMinus)) {
      const Token& t = Next();
      size_t begin = t.begin;
      ExprPtr e = Make(ExprKind::kNegate, t);
      e->args.push_back(ParseUnary());
      Finish(e, begin);
      return e;
    }
    if (Accept(Tok::kPlus)) return ParseUnary();
    return ParsePostfix();
  }
  ExprPtr ParsePostfix() {
    size_t begin = Peek().begin;
    ExprPtr e = ParseAtom();
    for (;;) {
      if (At(Tok::kDot)) {
        const Token& dot = Next();
        ExprPtr p = Make(ExprKind::kProperty, dot);
        p->pos = e->pos;
        p->name = ExpectSymbolicName("a property name after '.'");
        p->args.push_back(e);
        Finish(p, begin);
        e = p;
      } else if (At(Tok::kLBracket)) {
        const Token& br = Next();
        ExprPtr ix = Make(ExprKind::kIndex, br);
        ix->args.push_back(e);
        if (At(Tok::kDotDot)) Unsupported("list slices", Peek().pos);
        ix->args.push_back(ParseExpr());
        if (At(Tok::kDotDot)) Unsupported("list slices", Peek().pos);
        Expect(Tok::kRBracket, "']'");
        Finish(ix, begin);
        e = ix;
      } else {
        return e;
      }
    }
  }

  ExprPtr ParseAtom() {
    const Token& t = Peek();
    size_t begin = t.begin;
    switch (t.type) {
      case Tok::kInt: {
        ExprPtr e = Make(ExprKind::kLiteral, t);
        e->literal = Value::Int(t.int_value);
        Next();
        Finish(e, begin);
        return e;
      }
      case Tok::kFloat: {
        ExprPtr e = Make(ExprKind::kLiteral, t);
        e->literal = Value::Float(t.float_value);
        Next();
        Finish(e, begin);
        return e;
      }
      case Tok::kString: {
        ExprPtr e = Make(ExprKind::kLiteral, t);
        e->literal = Value::String(t.text);
        Next();
        Finish(e, begin);
        return e;
      }
      case Tok::kParam: {
        ExprPtr e = Make(ExprKind::kParam, t);
        e->name = t.text;
        params_.insert(t.text);
        Next();
        Finish(e, begin);
        return e;
      }
      case Tok::kLBracket: {
        ExprPtr e = Make(ExprKind::kList, t);
        Next();
        if (!At(Tok::kRBracket)) {
          if (AtVariable() && AtKeyword("IN", 1)) Unsupported("list comprehensions", t.pos);
          do {
            e->args.push_back(ParseExpr());
          } while (Accept(Tok::kComma));
        }
        Expect(Tok::kRBracket, "']' to close the list");
        Finish(e, begin);
        return e;
      }
      case Tok::kLBrace:
        Unsupported("map literals", t.pos);
      case Tok::kLParen: {
        // A pattern used as an expression: (a)-->(b).
        size_t depth = 0, k = 0;
        for (;; ++k) {
          Tok ty = Peek(k).type;
          if (ty == Tok::kEnd) break;
          if (ty == Tok::kLParen) ++depth;
          if (ty == Tok::kRParen && --depth == 0) break;
        }
        if ((At(Tok::kMinus, k + 1) &&
             (At(Tok::kLBracket, k + 2) || At(Tok::kMinus, k + 2) || At(Tok::kGt, k + 2))) ||
            (At(Tok::kLt, k + 1) && At(Tok::kMinus, k + 2))) {
          Unsupported("pattern expressions in WHERE (use another MATCH)", t.pos);
        }
        Next();
        ExprPtr e = ParseExpr();
        Expect(Tok::kRParen, "')'");
        // Keep the parentheses in the text so columns read as written.
        auto wrapped = std::make_shared<Expr>(*e);
        Finish(wrapped, begin);
        return wrapped;
      }
      case Tok::kIdent:
        return ParseIdentAtom();
      default:
        Fail("expected an expression but found " + Describe(t));
    }
  }

  ExprPtr ParseIdentAtom() {
    const Token& t = Peek();
    size_t begin = t.begin;
    std::string kw = t.quoted ? "" : Upper(t.text);
    if (kw == "TRUE" || kw == "FALSE") {
      ExprPtr e = Make(ExprKind::kLiteral, t);
      e->literal = Value::Bool(kw == "TRUE");
      Next();
      Finish(e, begin);
      return e;
    }
    if (kw == "NULL") {
      ExprPtr e = Make(ExprKind::kLiteral, t);
      Next();
      Finish(e, begin);
      return e;
    }
    if (kw == "CASE") Unsupported("CASE expressions", t.pos);
    if (kw == "EXISTS") Unsupported("EXISTS", t.pos);
    if (!t.quoted && At(Tok::kLParen, 1)) {
      std::string fn = t.text;
      std::transform(fn.begin(), fn.end(), fn.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (fn == "all" || fn == "any" || fn == "none" || fn == "single")
        return ParseListPredicate(fn);
      if (fn == "reduce" || fn == "shortestpath" || fn == "allshortestpaths") {
        Unsupported(t.text + "() in an expression", t.pos);
      }
      ExprPtr e = Make(ExprKind::kFunction, t);
      e->name = fn;
      Next();
      Next();  // '('
      if (fn == "count" && At(Tok::kStar)) {
        Next();
        Expect(Tok::kRParen, "')' after count(*");
        e->kind = ExprKind::kCountStar;
        Finish(e, begin);
        return e;
      }
      if (AcceptKeyword("DISTINCT")) e->distinct = true;
      if (!At(Tok::kRParen)) {
        do {
          e->args.push_back(ParseExpr());
        } while (Accept(Tok::kComma));
      }
      Expect(Tok::kRParen, "')' to close the function call");
      Finish(e, begin);
      return e;
    }
    if (!t.quoted && Reserved().count(kw)) {
      if (WriteKeywords().count(kw)) Throw(QueryError::Kind::kWrite, t.pos, kw);
      Fail("expected an expression but found keyword " + kw);
    }
    ExprPtr e = Make(ExprKind::kVariable, t);
    e->name = t.text;
    Next();
    Finish(e, begin);
    return e;
  }

  ExprPtr ParseListPredicate(const std::string& fn) {
    const Token& t = Peek();
    size_t begin = t.begin;
    ExprPtr e = Make(ExprKind::kListPredicate, t);
    e->name = fn;
    Next();
    Next();  // '('
    e->var = ExpectName("a variable, as in all(r IN relationships(p) WHERE ...)");
    ExpectKeyword("IN");
    e->args.push_back(ParseExpr());
    ExpectKeyword("WHERE");
    e->args.push_back(ParseExpr());
    Expect(Tok::kRParen, "')' to close the list predicate");
    Finish(e, begin);
    return e;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  size_t last_end_ = 0;
  std::set<std::string> params_;
};

std::string CaretLines(std::string_view text, Pos pos) {
  // The line at fault and a caret under the column (columns count code points).
  size_t start = 0;
  for (int line = 1; line < pos.line; ++line) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string line(
      text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::string caret;
  // Keep tabs so the caret lines up under tabbed text.
  int col = 1;
  for (size_t i = 0; i < line.size() && col < pos.column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    caret += c == '\t' ? '\t' : ' ';
    ++col;
  }
  while (col < pos.column) {
    caret += ' ';
    ++col;
  }
  return "  " + line + "\n  " + caret + "^";
}

std::string Where(Pos pos) {
  return "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

// ---- AST printing ----
std::string ValueRepr(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return v.b ? "true" : "false";
    case Value::Kind::kInt:
      return std::to_string(v.i);
    case Value::Kind::kFloat: {
      std::ostringstream ss;
      ss << v.f;
      return ss.str();
    }
    case Value::Kind::kString:
      return "'" + v.s + "'";
    default:
      return KindName(v.kind);
  }
}

const char* OpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return "or";
    case BinaryOp::kXor:
      return "xor";
    case BinaryOp::kAnd:
      return "and";
    case BinaryOp::kEq:
      return "=";
    case BinaryOp::kNe:
      return "<>";
    case BinaryOp::kLt:
      return "<";
    case BinaryOp::kLe:
      return "<=";
    case BinaryOp::kGt:
      return ">";
    case BinaryOp::kGe:
      return ">=";
    case BinaryOp::kIn:
      return "in";
    case BinaryOp::kStartsWith:
      return "starts-with";
    case BinaryOp::kEndsWith:
      return "ends-with";
    case BinaryOp::kContains:
      return "contains";
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kMod:
      return "%";
  }
  return "?";
}

std::string ExprRepr(const Expr& e) {
  auto args = [&](size_t from) {
    std::string s;
    for (size_t i = from; i < e.args.size(); ++i) s += " " + ExprRepr(*e.args[i]);
    return s;
  };
  switch (e.kind) {
    case ExprKind::kLiteral:
      return ValueRepr(e.literal);
    case ExprKind::kParam:
      return "$" + e.name;
    case ExprKind::kVariable:
      return e.name;
    case ExprKind::kProperty:
      if (e.args[0]->kind == ExprKind::kVariable) return e.args[0]->name + "." + e.name;
      return "(. " + ExprRepr(*e.args[0]) + " " + e.name + ")";
    case ExprKind::kIndex:
      return "(index" + args(0) + ")";
    case ExprKind::kList:
      return "(list" + args(0) + ")";
    case ExprKind::kNot:
      return "(not" + args(0) + ")";
    case ExprKind::kNegate:
      return "(neg" + args(0) + ")";
    case ExprKind::kBinary:
      return std::string("(") + OpName(e.op) + args(0) + ")";
    case ExprKind::kIsNull:
      return std::string(e.negated ? "(is-not-null" : "(is-null") + args(0) + ")";
    case ExprKind::kFunction:
      return "(" + e.name + (e.distinct ? " distinct" : "") + args(0) + ")";
    case ExprKind::kCountStar:
      return "(count *)";
    case ExprKind::kListPredicate:
      return "(" + e.name + " " + e.var + args(0) + ")";
  }
  return "?";
}

std::string PropsRepr(const std::vector<std::pair<std::string, ExprPtr>>& props) {
  if (props.empty()) return "";
  std::string s = " {";
  for (size_t i = 0; i < props.size(); ++i) {
    if (i) s += ", ";
    s += props[i].first + ": " + ExprRepr(*props[i].second);
  }
  return s + "}";
}

std::string PatternRepr(const PathPattern& p) {
  std::string s = "(pattern";
  if (!p.path_var.empty()) s += " " + p.path_var + "=";
  if (p.shortest == ShortestKind::kShortest) s += " shortest";
  if (p.shortest == ShortestKind::kAllShortest) s += " all-shortest";
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const NodePattern& n = p.nodes[i];
    s += " (node" + (n.var.empty() ? std::string() : " " + n.var);
    for (const auto& l : n.labels) s += ":" + l;
    s += PropsRepr(n.props) + ")";
    if (i < p.rels.size()) {
      const RelPattern& r = p.rels[i];
      s += " (rel" + (r.var.empty() ? std::string() : " " + r.var);
      s += r.dir == Direction::kOut ? " out" : (r.dir == Direction::kIn ? " in" : " both");
      for (size_t t = 0; t < r.types.size(); ++t) s += (t ? "|" : " :") + r.types[t];
      s += " " + std::to_string(r.min_hops) + ".." +
           (r.max_hops < 0 ? std::string("inf") : std::to_string(r.max_hops));
      s += PropsRepr(r.props) + ")";
    }
  }
  return s + ")";
}

}  // namespace

Status ToStatus(const QueryError& error, std::string_view text) {
  std::string caret = CaretLines(text, error.pos);
  switch (error.kind) {
    case QueryError::Kind::kSyntax:
      return Status::InvalidArgument("syntax error at " + Where(error.pos) + ": " + error.message +
                                     "\n" + caret);
    case QueryError::Kind::kUnsupported:
      return Status::Unsupported("unsupported: " + error.message + " at " + Where(error.pos) +
                                 "\n" + caret);
    case QueryError::Kind::kWrite:
      return Status::InvalidArgument("write clause " + error.message + " at " + Where(error.pos) +
                                     " is not allowed: geokg queries are read-only\n" + caret);
    case QueryError::Kind::kRuntime:
      return Status::InvalidArgument("query error at " + Where(error.pos) + ": " + error.message +
                                     "\n" + caret);
    case QueryError::Kind::kLimit:
      return Status::Unsupported(error.message);
  }
  return Status::InvalidArgument(error.message);
}

Result<std::shared_ptr<const QueryAst>> ParseQuery(std::string_view text) {
  try {
    Lexer lexer(text);
    Parser parser(text, lexer.Run());
    return std::shared_ptr<const QueryAst>(parser.Run());
  } catch (const QueryError& e) {
    return ToStatus(e, text);
  }
}

std::string DebugString(const QueryAst& ast) {
  std::string s = "(query";
  for (const Clause& c : ast.clauses) {
    s += " ";
    if (c.kind == Clause::Kind::kMatch) {
      s += c.optional ? "(optional-match" : "(match";
      for (const auto& p : c.patterns) s += " " + PatternRepr(p);
      if (c.where) s += " (where " + ExprRepr(*c.where) + ")";
      s += ")";
      continue;
    }
    s += c.kind == Clause::Kind::kWith ? "(with" : "(return";
    if (c.distinct) s += " distinct";
    if (c.star) s += " *";
    for (const auto& item : c.items) {
      s += " (item " + ExprRepr(*item.expr) + (item.alias.empty() ? "" : " as " + item.alias) + ")";
    }
    for (const auto& o : c.order_by) {
      s += " (order " + ExprRepr(*o.expr) + (o.descending ? " desc" : " asc") + ")";
    }
    if (c.skip) s += " (skip " + ExprRepr(*c.skip) + ")";
    if (c.limit) s += " (limit " + ExprRepr(*c.limit) + ")";
    if (c.where) s += " (where " + ExprRepr(*c.where) + ")";
    s += ")";
  }
  return s + ")";
}

}  // namespace geokg::query_internal
