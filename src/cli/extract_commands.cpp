// Extractor commands: extract, ingest, eval. A thin layer over
// geokg/extract.h and geokg/store.h.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "geokg/extract.h"
#include "geokg/store.h"
#include "geokg/triple.h"

#include "cli.h"

namespace geokg::cli {

namespace {

// A minimal reader for the flat JSON objects of gold files: string, number,
// null and bool values, nested arrays of flat objects. Enough for the gold
// formats; reports the column of the first error.
class MiniJson {
 public:
  struct Value {
    enum class Type { kNull, kBool, kNumber, kString, kArray, kObject } type = Type::kNull;
    std::string str;  // string, or the number's text
    bool boolean = false;
    std::vector<Value> items;                           // array
    std::vector<std::pair<std::string, Value>> fields;  // object
    const Value* Get(std::string_view key) const {
      for (const auto& [k, v] : fields) {
        if (k == key) return &v;
      }
      return nullptr;
    }
    std::string Str(std::string_view key) const {
      const Value* v = Get(key);
      return v && v->type == Type::kString ? v->str : std::string();
    }
  };

  static Result<Value> Parse(std::string_view text) {
    MiniJson p(text);
    Value v;
    p.SkipWs();
    if (!p.ParseValue(&v, 0)) return p.Error();
    p.SkipWs();
    if (p.pos_ != text.size())
      return Status::InvalidArgument("trailing characters at column " + std::to_string(p.pos_ + 1));
    return v;
  }

 private:
  explicit MiniJson(std::string_view t) : t_(t) {}
  Status Error() const {
    return Status::InvalidArgument("not valid JSON (" + err_ + " at column " +
                                   std::to_string(pos_ + 1) + ")");
  }
  void SkipWs() {
    while (pos_ < t_.size() &&
           (t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '\n' || t_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Fail(const char* msg) {
    err_ = msg;
    return false;
  }
  bool ParseString(std::string* out) {
    if (pos_ >= t_.size() || t_[pos_] != '"') return Fail("expected a string");
    ++pos_;
    while (pos_ < t_.size() && t_[pos_] != '"') {
      char c = t_[pos_++];
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (pos_ >= t_.size()) return Fail("bad escape");
      char e = t_[pos_++];
      switch (e) {
        case 'n':
          out->push_back('\n');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'u': {
          if (pos_ + 4 > t_.size()) return Fail("bad \\u escape");
          unsigned cp = std::stoul(std::string(t_.substr(pos_, 4)), nullptr, 16);
          pos_ += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 6 <= t_.size() && t_[pos_] == '\\' &&
              t_[pos_ + 1] == 'u') {
            unsigned lo = std::stoul(std::string(t_.substr(pos_ + 2, 4)), nullptr, 16);
            pos_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          out->push_back(e);
      }
    }
    if (pos_ >= t_.size()) return Fail("unterminated string");
    ++pos_;
    return true;
  }
  static void AppendUtf8(unsigned cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  bool ParseValue(Value* v, int depth) {
    if (depth > 16) return Fail("nested too deeply");
    SkipWs();
    if (pos_ >= t_.size()) return Fail("unexpected end");
    char c = t_[pos_];
    if (c == '"') {
      v->type = Value::Type::kString;
      return ParseString(&v->str);
    }
    if (c == '{') {
      v->type = Value::Type::kObject;
      ++pos_;
      SkipWs();
      if (pos_ < t_.size() && t_[pos_] == '}') {
        ++pos_;
        return true;
      }
      for (;;) {
        SkipWs();
        std::string key;
        if (!ParseString(&key)) return false;
        SkipWs();
        if (pos_ >= t_.size() || t_[pos_] != ':') return Fail("expected ':'");
        ++pos_;
        Value child;
        if (!ParseValue(&child, depth + 1)) return false;
        v->fields.emplace_back(std::move(key), std::move(child));
        SkipWs();
        if (pos_ < t_.size() && t_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < t_.size() && t_[pos_] == '}') {
          ++pos_;
          return true;
        }
        return Fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v->type = Value::Type::kArray;
      ++pos_;
      SkipWs();
      if (pos_ < t_.size() && t_[pos_] == ']') {
        ++pos_;
        return true;
      }
      for (;;) {
        Value child;
        if (!ParseValue(&child, depth + 1)) return false;
        v->items.push_back(std::move(child));
        SkipWs();
        if (pos_ < t_.size() && t_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < t_.size() && t_[pos_] == ']') {
          ++pos_;
          return true;
        }
        return Fail("expected ',' or ']'");
      }
    }
    for (auto [word, type, b] : {std::tuple{"null", Value::Type::kNull, false},
                                 std::tuple{"true", Value::Type::kBool, true},
                                 std::tuple{"false", Value::Type::kBool, false}}) {
      std::string_view w(word);
      if (t_.substr(pos_, w.size()) == w) {
        v->type = type;
        v->boolean = b;
        pos_ += w.size();
        return true;
      }
    }
    size_t start = pos_;
    while (pos_ < t_.size() &&
           (std::isdigit(static_cast<unsigned char>(t_[pos_])) || t_[pos_] == '-' ||
            t_[pos_] == '+' || t_[pos_] == '.' || t_[pos_] == 'e' || t_[pos_] == 'E')) {
      ++pos_;
    }
    if (pos_ == start) return Fail("unexpected character");
    v->type = Value::Type::kNumber;
    v->str = std::string(t_.substr(start, pos_ - start));
    return true;
  }

  std::string_view t_;
  size_t pos_ = 0;
  std::string err_;
};

// --- shared option handling -----------------------------------------------

Status ReadExtractOptions(const Args& args, ExtractOptions* options) {
  if (auto t = args.Get("--threads")) {
    auto v = ParseInt("--threads", *t);
    if (!v.ok()) return v.status();
    if (*v < 0 || *v > 1024) return Status::InvalidArgument("--threads must be 0..1024");
    options->threads = static_cast<int>(*v);
  }
  if (auto d = args.Get("--date")) {
    if (CheckIsoDate(*d) != DatePrecision::kDay) {
      return Status::InvalidArgument("--date expects YYYY-MM-DD, not \"" + *d + "\"");
    }
    options->default_date = *d;
  }
  if (auto l = args.Get("--lang")) options->lang = *l;
  if (auto c = args.Get("--min-confidence")) {
    auto v = ParseDouble("--min-confidence", *c);
    if (!v.ok()) return v.status();
    if (*v < 0 || *v > 1) return Status::InvalidArgument("--min-confidence must be in 0..1");
    options->min_confidence = *v;
  }
  return Status::OK();
}

const std::set<std::string> kExtractValued = {"--threads", "--date", "--lang", "--min-confidence"};

void ReportSkipped(const ExtractedArticle& a) {
  std::cerr << "geokg: " << (a.origin.empty() ? a.doc.id : a.origin) << ": " << a.status.message()
            << " (skipped)\n";
}

// Exit status of a run: 0 if some document was read (or there were none to
// read), 1 if every document failed.
int RunExit(int64_t ok_docs, int64_t failed_docs) {
  return (ok_docs == 0 && failed_docs > 0) ? kExitError : kExitOk;
}

// ---------------------------------------------------------------- extract

// Loads the extractor with the flags of `geokg extract` and opens its inputs
// ("-" if none). Returns kExitOk, or the exit code after reporting why not.
int OpenExtractRun(const Args& args, const Global& global, std::unique_ptr<Extractor>* extractor,
                   std::unique_ptr<DocumentReader>* reader) {
  ExtractOptions options;
  Status s = ReadExtractOptions(args, &options);
  if (!s.ok()) return UsageError("extract", s.message());
  std::vector<std::string> paths = args.positionals();
  if (paths.empty()) paths.push_back("-");
  auto loaded = Extractor::Load(global.data_dir, options);
  if (!loaded.ok()) return Fail(loaded.status());
  auto opened = DocumentReader::Open(paths);
  if (!opened.ok()) return Fail(opened.status());
  *extractor = std::move(loaded.value());
  *reader = std::move(opened.value());
  return kExitOk;
}

int RunExtract(const Args& args, const Global& global) {
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<DocumentReader> reader;
  if (int code = OpenExtractRun(args, global, &extractor, &reader); code != kExitOk) return code;
  int64_t ok_docs = 0, failed = 0;
  std::string line;
  Status run = extractor->ExtractStream(reader.get(), [&](ExtractedArticle&& a) -> Status {
    if (!a.status.ok()) {
      ++failed;
      ReportSkipped(a);
      return Status::OK();
    }
    ++ok_docs;
    for (const auto& t : a.triples) {
      line = TripleToJson(t);
      line += '\n';
      std::cout.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    if (!std::cout) return Status::IOError("cannot write to standard output");
    return Status::OK();
  });
  std::cout.flush();
  if (!run.ok()) return Fail(run);
  return RunExit(ok_docs, failed);
}

// --sentences: the analysed sentences instead of triples (debugging).
int RunSentences(const Args& args, const Global& global) {
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<DocumentReader> reader;
  if (int code = OpenExtractRun(args, global, &extractor, &reader); code != kExitOk) return code;
  int64_t ok_docs = 0, failed = 0;
  ArticleInput in;
  while (reader->Next(&in)) {
    auto a = extractor->Analyze(in);
    if (!a.ok()) {
      ++failed;
      std::cerr << "geokg: " << in.origin << ": " << a.status().message() << " (skipped)\n";
      continue;
    }
    ++ok_docs;
    for (const auto& sent : a->sentences) {
      std::string out = "{\"doc\":";
      out += JsonQuote(a->doc.id);
      out += ",\"lang\":";
      out += JsonQuote(a->doc.lang);
      out += ",\"date\":";
      out += JsonQuote(a->doc.date);
      out += ",\"sentence\":" + std::to_string(sent.index) +
             ",\"start\":" + std::to_string(sent.start) + ",\"end\":" + std::to_string(sent.end) +
             ",\"text\":";
      out += JsonQuote(sent.text);
      out += "}\n";
      std::cout << out;
    }
  }
  return RunExit(ok_docs, failed);
}

int RunExtractOrSentences(const Args& args, const Global& global) {
  return args.Has("--sentences") ? RunSentences(args, global) : RunExtract(args, global);
}

// ---------------------------------------------------------------- ingest

int RunIngest(const Args& args, const Global& global) {
  ExtractOptions options;
  Status s = ReadExtractOptions(args, &options);
  if (!s.ok()) return UsageError("ingest", s.message());
  long long batch_docs = 256;
  if (auto b = args.Get("--batch")) {
    auto v = ParseInt("--batch", *b);
    if (!v.ok()) return UsageError("ingest", v.status().message());
    if (*v < 1) return UsageError("ingest", "--batch must be at least 1");
    batch_docs = *v;
  }
  if (args.positionals().empty()) return UsageError("ingest", "no input paths (use - for stdin)");
  auto extractor = Extractor::Load(global.data_dir, options);
  if (!extractor.ok()) return Fail(extractor.status());
  if ((*extractor)->catalog() == nullptr) {
    return Fail(Status::NotFound(global.data_dir + "/entities: no entity catalog"));
  }
  auto store = Store::Open(global.db_path);
  if (!store.ok()) return Fail(store.status().WithContext(global.db_path));
  s = (*store)->ImportVocabulary((*extractor)->vocabulary());
  if (s.ok()) s = (*store)->ImportCatalog(*(*extractor)->catalog());
  if (!s.ok()) return Fail(s.WithContext(global.db_path));
  auto reader = DocumentReader::Open(args.positionals());
  if (!reader.ok()) return Fail(reader.status());

  const bool progress = isatty(STDERR_FILENO) != 0 && !args.Has("--no-progress");
  const auto t0 = std::chrono::steady_clock::now();
  auto last_draw = t0;
  int64_t docs = 0, failed = 0, triples = 0, bytes = 0, batch_count = 0;
  LoadStats total;
  std::vector<Triple> batch;
  auto flush = [&]() -> Status {
    if (batch.empty()) {
      batch_count = 0;
      return Status::OK();
    }
    auto st = (*store)->LoadTriples(batch);
    if (!st.ok()) return st.status().WithContext(global.db_path);
    total.triples += st->triples;
    total.documents_new += st->documents_new;
    total.documents_changed += st->documents_changed;
    total.documents_unchanged += st->documents_unchanged;
    total.evidence_added += st->evidence_added;
    total.edges_touched += st->edges_touched;
    batch.clear();
    batch_count = 0;
    return Status::OK();
  };
  auto draw = [&](bool final) {
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_draw < std::chrono::milliseconds(200)) return;
    last_draw = now;
    double secs = std::chrono::duration<double>(now - t0).count();
    char buf[160];
    std::snprintf(buf, sizeof buf, "\r[ingest] %lld docs  %.0f docs/s  %lld triples  %.1f MB",
                  static_cast<long long>(docs), secs > 0 ? docs / secs : 0.0,
                  static_cast<long long>(triples), bytes / 1e6);
    std::cerr << buf << (final ? "\n" : "") << std::flush;
  };
  Status run = (*extractor)->ExtractStream(reader->get(), [&](ExtractedArticle&& a) -> Status {
    if (!a.status.ok()) {
      ++failed;
      if (progress) std::cerr << "\r\033[K";
      ReportSkipped(a);
      return Status::OK();
    }
    ++docs;
    bytes += a.bytes;
    triples += static_cast<int64_t>(a.triples.size());
    for (auto& t : a.triples) batch.push_back(std::move(t));
    if (++batch_count >= batch_docs) {
      Status fs = flush();
      if (!fs.ok()) return fs;
    }
    if (progress) draw(false);
    return Status::OK();
  });
  if (run.ok()) run = flush();
  if (progress) draw(true);
  if (!run.ok()) return Fail(run);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "ingest: " << docs << " documents (" << failed << " skipped), " << triples
            << " triples, " << total.evidence_added << " evidence rows added, "
            << total.documents_new << " new / " << total.documents_changed << " changed / "
            << total.documents_unchanged << " unchanged documents, " << total.edges_touched
            << " edges touched, " << std::fixed << std::setprecision(1) << secs << " s\n";
  return RunExit(docs, failed);
}

// ---------------------------------------------------------------- eval

struct Tuple {
  std::string subject, relation, object, polarity;
  bool operator<(const Tuple& o) const {
    return std::tie(subject, relation, object, polarity) <
           std::tie(o.subject, o.relation, o.object, o.polarity);
  }
  bool operator==(const Tuple& o) const {
    return subject == o.subject && relation == o.relation && object == o.object &&
           polarity == o.polarity;
  }
  // Gold entries may leave subject or object empty: they match anything.
  bool Matches(const Tuple& pred) const {
    return relation == pred.relation && polarity == pred.polarity &&
           (subject.empty() || subject == pred.subject) &&
           (object.empty() || object == pred.object);
  }
  std::string ToString() const {
    std::string s =
        (subject.empty() ? "*" : subject) + " " + relation + " " + (object.empty() ? "*" : object);
    if (polarity == "negative") s += " (negative)";
    return s;
  }
};

struct GoldDoc {
  ArticleInput article;
  std::set<Tuple> gold;
  int line = 0;
};

// Precision counts predictions, recall counts gold tuples. The two true
// positive counts differ when one symmetric prediction ("A and B agreed")
// matches a gold event in each direction.
struct Counts {
  int64_t tp = 0, fn = 0;        // gold tuples found / missed
  int64_t pred_tp = 0, fp = 0;   // predictions that match some gold tuple / none
  void Print(const std::string& label, std::ostream& out) const {
    double p = pred_tp + fp ? static_cast<double>(pred_tp) / static_cast<double>(pred_tp + fp) : 0.0;
    double r = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    char buf[240];
    std::snprintf(buf, sizeof buf,
                  "  %-22s P %.3f  R %.3f  F1 %.3f   (tp %lld, fp %lld, fn %lld", label.c_str(),
                  p, r, f, static_cast<long long>(tp), static_cast<long long>(fp),
                  static_cast<long long>(fn));
    out << buf;
    if (pred_tp != tp) out << "; " << pred_tp << " predictions correct";
    out << ")\n";
  }
};

struct PloverAliases {
  std::map<std::string, std::string> aliases;
  std::string organisation_code = "IGO";
};

Result<PloverAliases> LoadPloverAliases(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  auto v = MiniJson::Parse(ss.str());
  if (!v.ok()) return v.status().WithContext(path);
  PloverAliases a;
  const auto* al = v->Get("aliases");
  if (al == nullptr || al->type != MiniJson::Value::Type::kObject) {
    return Status::InvalidArgument(path + ": missing \"aliases\" object");
  }
  for (const auto& [k, val] : al->fields) {
    if (val.type != MiniJson::Value::Type::kString) {
      return Status::InvalidArgument(path + ": alias \"" + k + "\" must map to a string");
    }
    a.aliases[k] = val.str;
  }
  if (auto code = v->Str("organisation_code"); !code.empty()) a.organisation_code = code;
  return a;
}

// The CAMEO actor code of the shared dev gold ("USAGOV", "IGO", "JAP") as an
// entity id: first three letters, through the catalog's codes.
std::string ActorFromCameo(const std::string& code, const EntityCatalog* catalog,
                           const PloverAliases& aliases) {
  if (code.empty()) return "";
  std::string c3 = code.substr(0, 3);
  if (c3 == aliases.organisation_code) return c3;
  if (catalog != nullptr) {
    if (const EntityRecord* e = catalog->FindById(c3)) {
      return e->kind == EntityKind::kOrganisation ? aliases.organisation_code : e->id;
    }
  }
  return c3;
}

Tuple PredictedTuple(const Triple& t, bool plover, const RelationVocabulary& vocab,
                     const PloverAliases& aliases) {
  Tuple p;
  if (plover) {
    auto actor = [&](const EntityRef& r) {
      return r.kind == EntityKind::kOrganisation ? aliases.organisation_code : r.id;
    };
    p.subject = actor(t.subject);
    p.object = actor(t.object);
    p.relation = t.plover;
    // CAMEO codes an announced or intended act as "express intent to ..." (03x),
    // which PLOVER types AGREE: "will visit", "agreed to cooperate".
    if (t.modality == Modality::kFuture || t.modality == Modality::kIntended) p.relation = "AGREE";
    p.polarity = "positive";
    return p;
  }
  p.subject = t.subject.id;
  p.object = t.object.id;
  p.relation = t.relation;
  p.polarity = std::string(ToString(t.polarity));
  const RelationType* type = vocab.Find(t.relation);
  if (type != nullptr && type->symmetric && p.object < p.subject) std::swap(p.subject, p.object);
  return p;
}

int RunEval(const Args& args, const Global& global) {
  auto gold_path = args.Get("--gold");
  if (!gold_path) return UsageError("eval", "--gold FILE is required");
  std::string format = args.GetOr("--gold-format", "geokg");
  if (format != "geokg" && format != "plover") {
    return UsageError("eval", "--gold-format must be geokg or plover, not \"" + format + "\"");
  }
  const bool plover = format == "plover";
  ExtractOptions options;
  Status s = ReadExtractOptions(args, &options);
  if (!s.ok()) return UsageError("eval", s.message());
  auto extractor = Extractor::Load(global.data_dir, options);
  if (!extractor.ok()) return Fail(extractor.status());
  const EntityCatalog* catalog = (*extractor)->catalog();
  const RelationVocabulary& vocab = (*extractor)->vocabulary();
  PloverAliases aliases;
  if (plover) {
    std::string path = args.GetOr("--aliases", global.data_dir + "/eval/plover_aliases.json");
    auto a = LoadPloverAliases(path);
    if (!a.ok()) return Fail(a.status());
    aliases = std::move(*a);
  }

  // Read the gold file.
  std::ifstream in(*gold_path, std::ios::binary);
  if (!in) return Fail(Status::IOError(*gold_path + ": cannot open"));
  std::vector<GoldDoc> docs;
  std::map<std::string, size_t> by_id;
  std::string line;
  int line_no = 0, bad_lines = 0;
  auto resolve = [&](const std::string& name, int ln, const char* field) -> Result<std::string> {
    if (name.empty()) return std::string();
    if (catalog == nullptr) return name;
    if (const EntityRecord* e = catalog->FindById(name)) return e->id;
    auto r = catalog->Resolve(name);
    if (!r.ok()) {
      return Status::InvalidArgument(*gold_path + ":" + std::to_string(ln) + ": " + field + ": " +
                                     r.status().message());
    }
    return (*r)->id;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto v = MiniJson::Parse(line);
    if (!v.ok() || v->type != MiniJson::Value::Type::kObject) {
      std::cerr << "geokg: " << *gold_path << ":" << line_no << ": "
                << (v.ok() ? "not a JSON object" : v.status().message()) << " (skipped)\n";
      ++bad_lines;
      continue;
    }
    GoldDoc d;
    d.line = line_no;
    d.article.id = v->Str("id");
    if (d.article.id.empty()) d.article.id = *gold_path + ":" + std::to_string(line_no);
    d.article.text = v->Str("text");
    d.article.lang = v->Str("lang");
    d.article.date = v->Str("date");
    d.article.origin = *gold_path + ":" + std::to_string(line_no);
    const auto* list = v->Get(plover ? "gold" : "triples");
    bool line_ok = true;
    if (list != nullptr && list->type == MiniJson::Value::Type::kArray) {
      for (const auto& g : list->items) {
        Tuple t;
        if (plover) {
          t.subject = ActorFromCameo(g.Str("source"), catalog, aliases);
          t.object = ActorFromCameo(g.Str("target"), catalog, aliases);
          t.relation = g.Str("plover");
          if (auto a = aliases.aliases.find(t.relation); a != aliases.aliases.end()) {
            t.relation = a->second;
          }
          t.polarity = "positive";
        } else {
          auto subj = resolve(g.Str("subject"), line_no, "subject");
          auto obj = resolve(g.Str("object"), line_no, "object");
          if (!subj.ok() || !obj.ok()) {
            std::cerr << "geokg: " << (subj.ok() ? obj : subj).status().message()
                      << " (line skipped)\n";
            line_ok = false;
            break;
          }
          t.subject = *subj;
          t.object = *obj;
          t.relation = g.Str("relation");
          t.polarity = g.Str("polarity").empty() ? "positive" : g.Str("polarity");
          if (vocab.Find(t.relation) == nullptr) {
            std::cerr << "geokg: " << *gold_path << ":" << line_no << ": unknown relation \""
                      << t.relation << "\" (line skipped)\n";
            line_ok = false;
            break;
          }
          const RelationType* type = vocab.Find(t.relation);
          if (type->symmetric && !t.object.empty() && t.object < t.subject) {
            std::swap(t.subject, t.object);
          }
        }
        if (t.relation.empty()) continue;
        d.gold.insert(t);
      }
    }
    if (!line_ok) {
      ++bad_lines;
      continue;
    }
    by_id[d.article.id] = docs.size();
    docs.push_back(std::move(d));
  }
  if (docs.empty()) return Fail(Status::InvalidArgument(*gold_path + ": no gold documents"));

  // Texts: from the gold file, or from PATHs (documents matched by id).
  std::map<std::string, std::vector<Triple>> predicted;
  std::map<std::string, std::string> doc_lang;
  auto collect = [&](ExtractedArticle&& a) -> Status {
    if (!a.status.ok()) {
      ReportSkipped(a);
      return Status::OK();
    }
    doc_lang[a.doc.id] = a.doc.lang;
    auto& list = predicted[a.doc.id];
    for (auto& t : a.triples) list.push_back(std::move(t));
    return Status::OK();
  };
  if (!args.positionals().empty()) {
    auto reader = DocumentReader::Open(args.positionals());
    if (!reader.ok()) return Fail(reader.status());
    Status run = (*extractor)->ExtractStream(reader->get(), collect);
    if (!run.ok()) return Fail(run);
  } else {
    class GoldReader : public DocumentReader {
     public:
      explicit GoldReader(const std::vector<GoldDoc>& d) : docs_(d) {}
      bool Next(ArticleInput* out) override {
        if (i_ >= docs_.size()) return false;
        *out = docs_[i_++].article;
        return true;
      }

     private:
      const std::vector<GoldDoc>& docs_;
      size_t i_ = 0;
    } reader(docs);
    Status run = (*extractor)->ExtractStream(&reader, collect);
    if (!run.ok()) return Fail(run);
  }

  // Score: one-to-one matching per document; exact tuples first, then gold
  // tuples with an empty end (wildcards).
  Counts overall;
  std::map<std::string, Counts> by_relation, by_lang;
  std::ostringstream misses, false_alarms;
  auto sentence_of = [](const std::string& text) {
    std::string s = text.substr(0, 400);
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s + (text.size() > 400 ? " ..." : "");
  };
  for (const auto& d : docs) {
    std::string lang = doc_lang.count(d.article.id) ? doc_lang[d.article.id] : d.article.lang;
    if (lang.empty()) lang = "?";
    // Each prediction is one tuple, or in PLOVER mode two for a symmetric
    // relation (PLOVER codes "A and B agreed" as A->B and B->A); `owner` ties a
    // tuple to its prediction, which is correct if any of its tuples matches.
    struct Pred {
      Tuple tuple;
      const Triple* triple;
      size_t owner;
    };
    std::vector<Pred> preds;
    std::set<Tuple> seen;
    size_t n_owners = 0;
    for (const auto& t : predicted[d.article.id]) {
      if (plover && t.polarity == Polarity::kNegative) continue;  // a negated event is no event
      // Neither is a possibility or a demand on someone else.
      if (plover && (t.modality == Modality::kHypothetical || t.modality == Modality::kDemanded)) {
        continue;
      }
      Tuple p = PredictedTuple(t, plover, vocab, aliases);
      if (!seen.insert(p).second) continue;
      size_t owner = n_owners++;
      preds.push_back({p, &t, owner});
      const RelationType* type = vocab.Find(t.relation);
      if (plover && type != nullptr && type->symmetric && p.subject != p.object) {
        Tuple mirror = p;
        std::swap(mirror.subject, mirror.object);
        if (seen.insert(mirror).second) preds.push_back({mirror, &t, owner});
      }
    }
    std::vector<bool> used(preds.size(), false);
    std::vector<const Tuple*> gold_sorted;
    for (const auto& g : d.gold) gold_sorted.push_back(&g);
    std::stable_sort(gold_sorted.begin(), gold_sorted.end(), [](const Tuple* a, const Tuple* b) {
      return (!a->subject.empty() && !a->object.empty()) >
             (!b->subject.empty() && !b->object.empty());
    });
    for (const Tuple* g : gold_sorted) {
      bool hit = false;
      for (size_t k = 0; k < preds.size() && !hit; ++k) {
        if (!used[k] && g->Matches(preds[k].tuple)) {
          used[k] = true;
          hit = true;
        }
      }
      Counts& rel = by_relation[g->relation];
      Counts& lg = by_lang[lang];
      if (hit) {
        ++overall.tp, ++rel.tp, ++lg.tp;
      } else {
        ++overall.fn, ++rel.fn, ++lg.fn;
        misses << "  " << d.article.id << " [" << lang << "] " << g->ToString() << "\n    "
               << sentence_of(d.article.text) << "\n";
      }
    }
    std::vector<bool> owner_hit(n_owners, false);
    for (size_t k = 0; k < preds.size(); ++k) {
      if (used[k]) owner_hit[preds[k].owner] = true;
    }
    for (size_t k = 0; k < preds.size(); ++k) {
      const Pred& p = preds[k];
      if (k > 0 && preds[k - 1].owner == p.owner) continue;  // the mirror of the one before
      if (owner_hit[p.owner]) {
        ++overall.pred_tp, ++by_relation[p.tuple.relation].pred_tp, ++by_lang[lang].pred_tp;
        continue;
      }
      ++overall.fp, ++by_relation[p.tuple.relation].fp, ++by_lang[lang].fp;
      false_alarms << "  " << d.article.id << " [" << lang << "] " << p.tuple.ToString() << "\n    "
                   << sentence_of(p.triple->evidence.text) << "\n";
    }
  }
  std::ostream& out = std::cout;
  out << "eval: " << docs.size() << " gold documents from " << *gold_path << " (format " << format
      << (bad_lines ? ", " + std::to_string(bad_lines) + " lines skipped" : std::string()) << ")\n";
  if (!(*extractor)->has_relation_stage()) out << "note: the relation stage is not built in\n";
  out << "overall:\n";
  overall.Print("all", out);
  out << "by " << (plover ? "PLOVER type" : "relation") << ":\n";
  for (const auto& [rel, c] : by_relation) c.Print(rel, out);
  out << "by language:\n";
  for (const auto& [lang, c] : by_lang) c.Print(lang, out);
  out << "misses (" << overall.fn << "):\n" << misses.str();
  out << "false alarms (" << overall.fp << "):\n" << false_alarms.str();
  return kExitOk;
}

const char kExtractUsage[] = R"(usage: geokg extract [OPTIONS] [PATH...|-]

Reads news articles and prints the relation triples found in them as JSONL
(one JSON object per line, the contract of include/geokg/triple.h) on
standard output, in input order.

Inputs (default: standard input):
  FILE.txt         a plain-text article (the article date is taken from a
                   header line such as "15. August 2022" if there is one)
  FILE.html        an HTML page: the body text, without script, style, nav
                   and footer; date and language from its meta data
  FILE.jsonl       an article collection, one {"id","text","date","lang",
                   "url","title"} object per line
  DIR              every file below DIR, recursively, in sorted order
  -                standard input (a JSONL collection if it starts with '{')

Document ids: the JSONL "id", else the file path relative to the directory
argument (or the path as given); doc.hash is a hash of the text.

Options:
  --threads N           worker threads (default: 0 = all cores)
  --date YYYY-MM-DD     article date for documents whose metadata has none
  --lang de|en          force the language (default: metadata, else detected)
  --min-confidence X    drop triples below this confidence (default: 0)
  --sentences           print the cleaned, segmented sentences as JSONL
                        instead of triples (to inspect the pipeline)
  --data DIR            the data directory (lexicons, patterns, relations.json)

Bad documents (missing files, binary data, invalid UTF-8, empty text, a broken
JSONL line, a language other than German or English) are reported on stderr
with their file (and line) and skipped; the run goes on. Exit status: 0 if at
least one document was read (or there was none), 1 if every document failed,
2 for a usage error.

Examples:
  geokg extract --date 2022-08-15 article.txt > triples.jsonl
  geokg extract --threads 4 corpus/ > triples.jsonl
  cat articles.jsonl | geokg extract - | geokg load -
)";

const char kIngestUsage[] = R"(usage: geokg ingest [OPTIONS] PATH...

Extracts triples from the articles at PATH (the inputs of 'geokg extract')
and merges them into the store (--db), a batch of documents per
transaction. Imports the relation vocabulary and entity catalog first.
Shows a progress line on stderr when stderr is a terminal, and a summary
line at the end.

Options:
  --db PATH             the store file (default: geokg.db)
  --batch N             documents per transaction (default: 256)
  --threads N           worker threads (default: 0 = all cores)
  --date YYYY-MM-DD     article date for documents whose metadata has none
  --lang de|en          force the language
  --min-confidence X    drop triples below this confidence (default: 0)
  --no-progress         no progress line even on a terminal

Exit status: 0 if at least one document was read, 1 if every document
failed or the store refused the data, 2 for a usage error.

Examples:
  geokg ingest --db news.db data/sample/articles.jsonl
  geokg ingest --db news.db --date 2022-08-15 articles/
)";

const char kEvalUsage[] = R"(usage: geokg eval --gold FILE [OPTIONS] [PATH...]

Scores the extractor against a gold standard and prints precision, recall
and F1 overall, per relation (or PLOVER type) and per language, then every
miss and every false alarm with its sentence.

Gold formats (--gold-format):
  geokg   (default) one {"id","text","lang","date","triples":[{"subject",
          "relation","object","polarity"}]} per line; subject and object are
          entity ids or names in any language (resolved through the catalog).
          Symmetric relations match in either direction.
  plover  the shared PLOVER dev set: {"id","text","lang"?,"gold":[{"source",
          "target","plover"}]} with CAMEO actor codes ("USAGOV": the first
          three letters name the country; "IGO": any international
          organisation). Scored tuples: (source country, PLOVER type, target
          country); 2016 type names are mapped by data/eval/plover_aliases.json
          (DEMAND=REQUEST, DISAPPROVE=ACCUSE, FIGHT=ASSAULT). A gold event
          with an empty target (or source) matches a predicted event with the
          same source (target) and type, whatever its other end. Negated,
          hypothetical and demanded predictions are not events; future and
          intended ones count as AGREE (CAMEO 03x, "express intent to").
          A symmetric prediction ("A and B agreed") matches gold events
          coded in either direction, or both; precision counts it once.

Texts come from the gold file; with PATHs, from those documents instead
(gold lines are matched by document id). Each gold and each distinct
predicted tuple counts once per document.

Options:
  --gold FILE           the gold JSONL file (required)
  --gold-format F       geokg | plover (default: geokg)
  --aliases FILE        PLOVER type aliases (default: DATA/eval/plover_aliases.json)
  --threads N, --date, --lang, --min-confidence   as for 'geokg extract'

Examples:
  geokg eval --gold tests/data/extract_gold.jsonl
  geokg eval --gold-format plover --gold /work/shared/eval/dev/plover_gsr_dev_de.jsonl
)";

}  // namespace

void RegisterExtractCommands(std::vector<Command>* commands) {
  Command extract;
  extract.name = "extract";
  extract.summary = "read articles, print relation triples as JSONL";
  extract.usage = kExtractUsage;
  extract.spec.valued = kExtractValued;
  extract.spec.flags = {"--sentences"};
  extract.run = RunExtractOrSentences;
  commands->push_back(std::move(extract));

  Command ingest;
  ingest.name = "ingest";
  ingest.summary = "extract triples from articles and merge them into the store";
  ingest.usage = kIngestUsage;
  ingest.spec.valued = kExtractValued;
  ingest.spec.valued.insert("--batch");
  ingest.spec.flags = {"--no-progress"};
  ingest.run = RunIngest;
  commands->push_back(std::move(ingest));

  Command eval;
  eval.name = "eval";
  eval.summary = "score the extractor against gold triples (geokg or PLOVER format)";
  eval.usage = kEvalUsage;
  eval.spec.valued = kExtractValued;
  eval.spec.valued.insert({"--gold", "--gold-format", "--aliases"});
  eval.run = RunEval;
  commands->push_back(std::move(eval));
}

}  // namespace geokg::cli
