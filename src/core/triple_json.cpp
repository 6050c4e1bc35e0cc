#include <cstdio>
#include <cstring>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "geokg/triple.h"

namespace geokg {

namespace {

using rapidjson::Value;

Status FieldError(std::string_view field, std::string_view what) {
  return Status::InvalidArgument("field \"" + std::string(field) + "\" " + std::string(what));
}

std::string Quoted(std::string_view s) {
  std::string out;  // not "\"" + std::string(s): GCC 12 -O3 warns falsely (-Wrestrict)
  out.reserve(s.size() + 2);
  out.push_back('"');
  out.append(s);
  out.push_back('"');
  return out;
}

// Members are looked up by name; a line has about twenty, so a linear scan
// with a length check first is as fast as anything else.
const Value* Find(const Value& obj, std::string_view key) {
  for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
    if (it->name.GetStringLength() == key.size() &&
        std::memcmp(it->name.GetString(), key.data(), key.size()) == 0) {
      return &it->value;
    }
  }
  return nullptr;
}

// Reads an optional string member; absent or null leaves `out` unchanged.
Status GetString(const Value& obj, std::string_view key, std::string_view path,
                 std::string_view* out, bool required = false) {
  const Value* v = Find(obj, key);
  if (v == nullptr || v->IsNull()) {
    if (required) return FieldError(std::string(path) + std::string(key), "is required");
    return Status::OK();
  }
  if (!v->IsString()) return FieldError(std::string(path) + std::string(key), "must be a string");
  *out = std::string_view(v->GetString(), v->GetStringLength());
  if (required && out->empty()) {
    return FieldError(std::string(path) + std::string(key), "must not be empty");
  }
  return Status::OK();
}

Status GetEntity(const Value& root, const char* key, TripleView::Entity* out) {
  const Value* found = Find(root, key);
  if (found == nullptr) return FieldError(key, "is required");
  const Value& v = *found;
  if (v.IsString()) {  // shorthand: "subject": "RUS"
    out->id = std::string_view(v.GetString(), v.GetStringLength());
    if (out->id.empty()) return FieldError(key, "must not be empty");
    return Status::OK();
  }
  if (!v.IsObject()) return FieldError(key, "must be an object {\"id\",\"name\",\"kind\"}");
  const std::string path = std::string(key) + ".";
  Status s = GetString(v, "id", path, &out->id, /*required=*/true);
  if (!s.ok()) return s;
  s = GetString(v, "name", path, &out->name);
  if (!s.ok()) return s;
  std::string_view kind;
  s = GetString(v, "kind", path, &kind);
  if (!s.ok()) return s;
  if (!kind.empty()) {
    auto k = ParseEntityKind(kind);
    if (!k) {
      return FieldError(path + "kind", "has unknown value " + Quoted(kind) +
                                           " (state|breakaway|organisation|other)");
    }
    out->kind = *k;
  }
  return Status::OK();
}

Status ParseInto(const Value& root, TripleView* t) {
  if (!root.IsObject()) return Status::InvalidArgument("line is not a JSON object");

  const Value* doc = Find(root, "doc");
  if (doc == nullptr) return FieldError("doc", "is required");
  if (!doc->IsObject()) return FieldError("doc", "must be an object");
  Status s = GetString(*doc, "id", "doc.", &t->doc.id, /*required=*/true);
  if (!s.ok()) return s;
  for (auto [key, out] : {std::pair{"url", &t->doc.url}, std::pair{"title", &t->doc.title},
                          std::pair{"date", &t->doc.date}, std::pair{"lang", &t->doc.lang},
                          std::pair{"hash", &t->doc.hash}}) {
    s = GetString(*doc, key, "doc.", out);
    if (!s.ok()) return s;
  }
  if (!CheckIsoDate(t->doc.date)) {
    return FieldError("doc.date",
                      "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): " + Quoted(t->doc.date));
  }

  if (const Value* v = Find(root, "sentence"); v != nullptr && !v->IsNull()) {
    if (!v->IsInt() || v->GetInt() < 0) {
      return FieldError("sentence", "must be a non-negative integer");
    }
    t->sentence = v->GetInt();
  }

  s = GetEntity(root, "subject", &t->subject);
  if (!s.ok()) return s;
  s = GetEntity(root, "object", &t->object);
  if (!s.ok()) return s;
  s = GetString(root, "relation", "", &t->relation, /*required=*/true);
  if (!s.ok()) return s;

  std::string_view text;
  s = GetString(root, "polarity", "", &text);
  if (!s.ok()) return s;
  if (!text.empty()) {
    auto p = ParsePolarity(text);
    if (!p) {
      return FieldError("polarity", "has unknown value " + Quoted(text) + " (positive|negative)");
    }
    t->polarity = *p;
  }
  text = {};
  s = GetString(root, "modality", "", &text);
  if (!s.ok()) return s;
  if (!text.empty()) {
    auto m = ParseModality(text);
    if (!m) {
      return FieldError("modality", "has unknown value " + Quoted(text) +
                                        " (asserted|reported|future|hypothetical|intended|"
                                        "demanded)");
    }
    t->modality = *m;
  }

  t->date = {};
  s = GetString(root, "date", "", &t->date);
  if (!s.ok()) return s;
  if (t->date.empty()) t->date = t->doc.date;
  auto date_precision = CheckIsoDate(t->date);
  if (!date_precision) {
    return FieldError("date",
                      "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): " + Quoted(t->date));
  }
  t->date_precision = *date_precision;
  text = {};
  s = GetString(root, "date_precision", "", &text);
  if (!s.ok()) return s;
  if (!text.empty()) {
    auto p = ParseDatePrecision(text);
    if (!p) return FieldError("date_precision", "has unknown value " + Quoted(text));
    if (*p != *date_precision && !(t->date.empty() && *p == DatePrecision::kUnknown)) {
      return FieldError("date_precision", Quoted(text) + " does not match date " + Quoted(t->date));
    }
  }

  t->confidence = 1.0;
  if (const Value* v = Find(root, "confidence"); v != nullptr && !v->IsNull()) {
    if (!v->IsNumber()) return FieldError("confidence", "must be a number");
    double c = v->GetDouble();
    if (!(c >= 0.0 && c <= 1.0)) return FieldError("confidence", "must be between 0 and 1");
    t->confidence = c;
  }

  if (const Value* ev = Find(root, "evidence"); ev != nullptr && !ev->IsNull()) {
    if (!ev->IsObject()) {
      return FieldError("evidence", "must be an object {\"text\",\"start\",\"end\"}");
    }
    s = GetString(*ev, "text", "evidence.", &t->evidence_text);
    if (!s.ok()) return s;
    for (auto [key, out] :
         {std::pair{"start", &t->evidence_start}, std::pair{"end", &t->evidence_end}}) {
      const Value* m = Find(*ev, key);
      if (m == nullptr || m->IsNull()) continue;
      if (!m->IsInt64() || m->GetInt64() < 0) {
        return FieldError(std::string("evidence.") + key, "must be a non-negative integer");
      }
      *out = m->GetInt64();
    }
    if (t->evidence_end < t->evidence_start) {
      return FieldError("evidence.end", "is before evidence.start");
    }
  }

  for (auto [key, out] :
       {std::pair{"cameo", &t->cameo}, std::pair{"plover", &t->plover},
        std::pair{"speaker", &t->speaker}, std::pair{"extractor", &t->extractor}}) {
    s = GetString(root, key, "", out);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

// The DOM of one line lives in fixed per-thread buffers: parsing allocates
// nothing unless a line is unusually large (then the pools grow on the heap
// for that line only).
using InsituDocument =
    rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>,
                               rapidjson::MemoryPoolAllocator<>>;
constexpr size_t kPoolBytes = 16 * 1024;

}  // namespace

Status ParseTripleJsonInSitu(char* line, size_t size, TripleView* out) {
  alignas(16) thread_local char value_pool[kPoolBytes];
  alignas(16) thread_local char stack_pool[kPoolBytes];
  rapidjson::MemoryPoolAllocator<> value_alloc(value_pool, sizeof value_pool);
  rapidjson::MemoryPoolAllocator<> stack_alloc(stack_pool, sizeof stack_pool);
  InsituDocument d(&value_alloc, 1024, &stack_alloc);
  line[size] = '\0';
  d.ParseInsitu(line);
  if (d.HasParseError()) {
    return Status::InvalidArgument(std::string("invalid JSON at column ") +
                                   std::to_string(d.GetErrorOffset() + 1) + ": " +
                                   rapidjson::GetParseError_En(d.GetParseError()));
  }
  *out = TripleView{};
  return ParseInto(d, out);
}

Result<Triple> ParseTripleJson(std::string_view line) {
  thread_local std::string buf;
  buf.assign(line.data(), line.size());
  buf.push_back('\0');
  TripleView v;
  Status s = ParseTripleJsonInSitu(buf.data(), line.size(), &v);
  if (!s.ok()) return s;
  return ToTriple(v);
}

Triple ToTriple(const TripleView& v) {
  Triple t;
  t.doc.id = v.doc.id;
  t.doc.url = v.doc.url;
  t.doc.title = v.doc.title;
  t.doc.date = v.doc.date;
  t.doc.lang = v.doc.lang;
  t.doc.hash = v.doc.hash;
  t.sentence = v.sentence;
  t.subject = {std::string(v.subject.id), std::string(v.subject.name), v.subject.kind};
  t.relation = v.relation;
  t.object = {std::string(v.object.id), std::string(v.object.name), v.object.kind};
  t.polarity = v.polarity;
  t.modality = v.modality;
  t.date = v.date;
  t.date_precision = v.date_precision;
  t.confidence = v.confidence;
  t.evidence.text = v.evidence_text;
  t.evidence.start = v.evidence_start;
  t.evidence.end = v.evidence_end;
  t.cameo = v.cameo;
  t.plover = v.plover;
  t.speaker = v.speaker;
  t.extractor = v.extractor;
  return t;
}

TripleView ToView(const Triple& t) {
  TripleView v;
  v.doc = {t.doc.id, t.doc.url, t.doc.title, t.doc.date, t.doc.lang, t.doc.hash};
  v.sentence = t.sentence;
  v.subject = {t.subject.id, t.subject.name, t.subject.kind};
  v.relation = t.relation;
  v.object = {t.object.id, t.object.name, t.object.kind};
  v.polarity = t.polarity;
  v.modality = t.modality;
  v.date = t.date;
  v.date_precision = t.date_precision;
  v.confidence = t.confidence;
  v.evidence_text = t.evidence.text;
  v.evidence_start = t.evidence.start;
  v.evidence_end = t.evidence.end;
  v.cameo = t.cameo;
  v.plover = t.plover;
  v.speaker = t.speaker;
  v.extractor = t.extractor;
  return v;
}

std::string TripleToJson(const Triple& t) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&w](const std::string& s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  auto key = [&w](const char* k) { w.Key(k); };
  auto opt = [&](const char* k, const std::string& v) {
    if (!v.empty()) {
      key(k);
      str(v);
    }
  };
  auto entity = [&](const char* k, const EntityRef& e) {
    key(k);
    w.StartObject();
    key("id");
    str(e.id);
    key("name");
    str(e.name);
    key("kind");
    str(std::string(ToString(e.kind)));
    w.EndObject();
  };

  w.StartObject();
  key("doc");
  w.StartObject();
  key("id");
  str(t.doc.id);
  opt("url", t.doc.url);
  opt("title", t.doc.title);
  opt("date", t.doc.date);
  opt("lang", t.doc.lang);
  opt("hash", t.doc.hash);
  w.EndObject();
  key("sentence");
  w.Int(t.sentence);
  entity("subject", t.subject);
  key("relation");
  str(t.relation);
  entity("object", t.object);
  key("polarity");
  str(std::string(ToString(t.polarity)));
  key("modality");
  str(std::string(ToString(t.modality)));
  key("date");
  str(t.date);
  key("date_precision");
  str(std::string(ToString(t.date_precision)));
  key("confidence");
  // Two decimals are all the precision confidence carries; keeps lines stable.
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", t.confidence);
  w.RawValue(conf, std::char_traits<char>::length(conf), rapidjson::kNumberType);
  key("evidence");
  w.StartObject();
  key("text");
  str(t.evidence.text);
  key("start");
  w.Int64(t.evidence.start);
  key("end");
  w.Int64(t.evidence.end);
  w.EndObject();
  opt("cameo", t.cameo);
  opt("plover", t.plover);
  opt("speaker", t.speaker);
  opt("extractor", t.extractor);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace geokg
