#include <cstdio>
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

// Reads an optional string member; absent or null leaves `out` unchanged.
Status GetString(const Value& obj, const char* key, std::string_view path, std::string* out,
                 bool required = false) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || it->value.IsNull()) {
    if (required) return FieldError(std::string(path) + key, "is required");
    return Status::OK();
  }
  if (!it->value.IsString()) return FieldError(std::string(path) + key, "must be a string");
  out->assign(it->value.GetString(), it->value.GetStringLength());
  if (required && out->empty()) return FieldError(std::string(path) + key, "must not be empty");
  return Status::OK();
}

Status GetEntity(const Value& root, const char* key, EntityRef* out) {
  auto it = root.FindMember(key);
  if (it == root.MemberEnd()) return FieldError(key, "is required");
  const Value& v = it->value;
  if (v.IsString()) {  // shorthand: "subject": "RUS"
    out->id.assign(v.GetString(), v.GetStringLength());
    if (out->id.empty()) return FieldError(key, "must not be empty");
    return Status::OK();
  }
  if (!v.IsObject()) return FieldError(key, "must be an object {\"id\",\"name\",\"kind\"}");
  std::string path = std::string(key) + ".";
  Status s = GetString(v, "id", path, &out->id, /*required=*/true);
  if (!s.ok()) return s;
  s = GetString(v, "name", path, &out->name);
  if (!s.ok()) return s;
  std::string kind;
  s = GetString(v, "kind", path, &kind);
  if (!s.ok()) return s;
  if (!kind.empty()) {
    auto k = ParseEntityKind(kind);
    if (!k) {
      return FieldError(path + "kind",
                        "has unknown value \"" + kind + "\" (state|breakaway|organisation|other)");
    }
    out->kind = *k;
  }
  return Status::OK();
}

Status ParseInto(const Value& root, Triple* t) {
  if (!root.IsObject()) return Status::InvalidArgument("line is not a JSON object");

  auto doc_it = root.FindMember("doc");
  if (doc_it == root.MemberEnd()) return FieldError("doc", "is required");
  const Value& doc = doc_it->value;
  if (!doc.IsObject()) return FieldError("doc", "must be an object");
  Status s = GetString(doc, "id", "doc.", &t->doc.id, /*required=*/true);
  if (!s.ok()) return s;
  for (auto [key, out] : {std::pair{"url", &t->doc.url}, std::pair{"title", &t->doc.title},
                          std::pair{"date", &t->doc.date}, std::pair{"lang", &t->doc.lang},
                          std::pair{"hash", &t->doc.hash}}) {
    s = GetString(doc, key, "doc.", out);
    if (!s.ok()) return s;
  }
  if (!CheckIsoDate(t->doc.date)) {
    return FieldError("doc.date", "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): \"" +
                                      t->doc.date + "\"");
  }

  if (auto it = root.FindMember("sentence"); it != root.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsInt() || it->value.GetInt() < 0) {
      return FieldError("sentence", "must be a non-negative integer");
    }
    t->sentence = it->value.GetInt();
  }

  s = GetEntity(root, "subject", &t->subject);
  if (!s.ok()) return s;
  s = GetEntity(root, "object", &t->object);
  if (!s.ok()) return s;
  s = GetString(root, "relation", "", &t->relation, /*required=*/true);
  if (!s.ok()) return s;

  std::string text;
  s = GetString(root, "polarity", "", &text);
  if (!s.ok()) return s;
  if (!text.empty()) {
    auto p = ParsePolarity(text);
    if (!p) return FieldError("polarity", "has unknown value \"" + text + "\" (positive|negative)");
    t->polarity = *p;
  }
  text.clear();
  s = GetString(root, "modality", "", &text);
  if (!s.ok()) return s;
  if (!text.empty()) {
    auto m = ParseModality(text);
    if (!m) {
      return FieldError("modality", "has unknown value \"" + text +
                                        "\" (asserted|reported|future|hypothetical|intended|"
                                        "demanded)");
    }
    t->modality = *m;
  }

  t->date.clear();
  s = GetString(root, "date", "", &t->date);
  if (!s.ok()) return s;
  if (t->date.empty()) t->date = t->doc.date;
  auto date_precision = CheckIsoDate(t->date);
  if (!date_precision) {
    return FieldError("date", "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): \"" + t->date +
                                  "\"");
  }
  t->date_precision = *date_precision;
  text.clear();
  s = GetString(root, "date_precision", "", &text);
  if (!s.ok()) return s;
  if (!text.empty()) {
    auto p = ParseDatePrecision(text);
    if (!p) return FieldError("date_precision", "has unknown value \"" + text + "\"");
    if (*p != *date_precision && !(t->date.empty() && *p == DatePrecision::kUnknown)) {
      return FieldError("date_precision", "\"" + text + "\" does not match date \"" + t->date +
                                              "\"");
    }
  }

  t->confidence = 1.0;
  if (auto it = root.FindMember("confidence"); it != root.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsNumber()) return FieldError("confidence", "must be a number");
    double c = it->value.GetDouble();
    if (!(c >= 0.0 && c <= 1.0)) return FieldError("confidence", "must be between 0 and 1");
    t->confidence = c;
  }

  if (auto it = root.FindMember("evidence"); it != root.MemberEnd() && !it->value.IsNull()) {
    const Value& ev = it->value;
    if (!ev.IsObject()) return FieldError("evidence", "must be an object {\"text\",\"start\",\"end\"}");
    s = GetString(ev, "text", "evidence.", &t->evidence.text);
    if (!s.ok()) return s;
    for (auto [key, out] : {std::pair{"start", &t->evidence.start},
                            std::pair{"end", &t->evidence.end}}) {
      auto m = ev.FindMember(key);
      if (m == ev.MemberEnd() || m->value.IsNull()) continue;
      if (!m->value.IsInt64() || m->value.GetInt64() < 0) {
        return FieldError(std::string("evidence.") + key, "must be a non-negative integer");
      }
      *out = m->value.GetInt64();
    }
    if (t->evidence.end < t->evidence.start) {
      return FieldError("evidence.end", "is before evidence.start");
    }
  }

  for (auto [key, out] : {std::pair{"cameo", &t->cameo}, std::pair{"plover", &t->plover},
                          std::pair{"speaker", &t->speaker},
                          std::pair{"extractor", &t->extractor}}) {
    s = GetString(root, key, "", out);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

Result<Triple> ParseTripleJson(std::string_view line) {
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  if (d.HasParseError()) {
    return Status::InvalidArgument(std::string("invalid JSON at column ") +
                                   std::to_string(d.GetErrorOffset() + 1) + ": " +
                                   rapidjson::GetParseError_En(d.GetParseError()));
  }
  Triple t;
  Status s = ParseInto(d, &t);
  if (!s.ok()) return s;
  return t;
}

std::string TripleToJson(const Triple& t) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&w](const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
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
