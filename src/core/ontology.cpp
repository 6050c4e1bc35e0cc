#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "geokg/ontology.h"

namespace geokg {

namespace {

using rapidjson::Value;

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read " + path);
  return ss.str();
}

Status ParseJson(std::string_view json, std::string_view source, rapidjson::Document* d) {
  d->Parse(json.data(), json.size());
  if (d->HasParseError()) {
    // Report a line number: data files are edited by hand.
    size_t offset = d->GetErrorOffset();
    size_t line = 1 + std::count(json.begin(), json.begin() + std::min(offset, json.size()), '\n');
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line) + ": " +
                                   rapidjson::GetParseError_En(d->GetParseError()));
  }
  if (!d->IsObject()) return Status::InvalidArgument(std::string(source) + ": not a JSON object");
  return Status::OK();
}

// Error for entry `index` (named `name` if known) of a data file.
Status EntryError(std::string_view source, std::string_view what, size_t index,
                  std::string_view name, std::string_view msg) {
  std::string s(source);
  s += ": ";
  s += what;
  s += " #" + std::to_string(index + 1);
  if (!name.empty()) s += " \"" + std::string(name) + "\"";
  s += ": ";
  s += msg;
  return Status::InvalidArgument(std::move(s));
}

bool GetStr(const Value& obj, const char* key, std::string* out) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return false;
  out->assign(it->value.GetString(), it->value.GetStringLength());
  return true;
}

// Reads {"en": ["..."], "de": ["..."]}; returns an error message or "".
std::string GetLangLists(const Value& obj, const char* key,
                         std::map<std::string, std::vector<std::string>>* out) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return "";
  if (!it->value.IsObject()) return std::string("\"") + key + "\" must map languages to lists";
  for (auto& m : it->value.GetObject()) {
    std::string lang = m.name.GetString();
    if (lang.size() != 2) return std::string("\"") + key + "\": \"" + lang + "\" is not a language code";
    if (!m.value.IsArray()) return std::string("\"") + key + "." + lang + "\" must be a list";
    auto& list = (*out)[lang];
    for (auto& v : m.value.GetArray()) {
      if (!v.IsString() || v.GetStringLength() == 0) {
        return std::string("\"") + key + "." + lang + "\" must hold non-empty strings";
      }
      list.emplace_back(v.GetString(), v.GetStringLength());
    }
  }
  return "";
}

// Orders roles by when they ended; one still held ("to" empty) ends last.
bool RoleEndsBefore(const PersonRecord::Role& a, const PersonRecord::Role& b) {
  if (a.to.empty() != b.to.empty()) return b.to.empty();
  if (a.to != b.to) return a.to < b.to;
  return a.from < b.from;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

// ---------------------------------------------------------------- relations

Result<RelationVocabulary> RelationVocabulary::LoadFile(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

Result<RelationVocabulary> RelationVocabulary::Parse(std::string_view json,
                                                     std::string_view source) {
  rapidjson::Document d;
  Status s = ParseJson(json, source, &d);
  if (!s.ok()) return s;
  RelationVocabulary vocab;
  GetStr(d, "version", &vocab.version_);
  auto rel_it = d.FindMember("relations");
  if (rel_it == d.MemberEnd() || !rel_it->value.IsArray()) {
    return Status::InvalidArgument(std::string(source) + ": missing \"relations\" list");
  }
  static const std::set<std::string, std::less<>> kQuadClasses = {
      "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"};
  size_t index = 0;
  for (auto& v : rel_it->value.GetArray()) {
    RelationType r;
    if (!v.IsObject()) return EntryError(source, "relation", index, "", "must be an object");
    if (!GetStr(v, "name", &r.name) || r.name.empty()) {
      return EntryError(source, "relation", index, "", "missing \"name\"");
    }
    for (auto [key, out] : {std::pair{"cameo", &r.cameo}, std::pair{"plover", &r.plover},
                            std::pair{"quad_class", &r.quad_class}}) {
      if (!GetStr(v, key, out) || out->empty()) {
        return EntryError(source, "relation", index, r.name, std::string("missing \"") + key + "\"");
      }
    }
    if (!kQuadClasses.count(r.quad_class)) {
      return EntryError(source, "relation", index, r.name,
                        "unknown quad_class \"" + r.quad_class + "\"");
    }
    GetStr(v, "opposite", &r.opposite);
    GetStr(v, "label_en", &r.label_en);
    GetStr(v, "label_de", &r.label_de);
    GetStr(v, "description", &r.description);
    auto g = v.FindMember("goldstein");
    if (g == v.MemberEnd() || !g->value.IsNumber()) {
      return EntryError(source, "relation", index, r.name, "missing numeric \"goldstein\"");
    }
    r.goldstein = g->value.GetDouble();
    if (r.goldstein < -10.0 || r.goldstein > 10.0) {
      return EntryError(source, "relation", index, r.name, "goldstein must be in -10..10");
    }
    for (auto [key, out] : {std::pair{"symmetric", &r.symmetric}, std::pair{"lasting", &r.lasting}}) {
      auto b = v.FindMember(key);
      if (b == v.MemberEnd() || !b->value.IsBool()) {
        return EntryError(source, "relation", index, r.name,
                          std::string("missing boolean \"") + key + "\"");
      }
      *out = b->value.GetBool();
    }
    if (r.label_en.empty()) r.label_en = r.name;
    if (!vocab.by_name_.emplace(r.name, vocab.types_.size()).second) {
      return EntryError(source, "relation", index, r.name, "duplicate name");
    }
    vocab.types_.push_back(std::move(r));
    ++index;
  }
  for (size_t i = 0; i < vocab.types_.size(); ++i) {
    const RelationType& r = vocab.types_[i];
    if (r.opposite.empty()) continue;
    const RelationType* o = vocab.Find(r.opposite);
    if (o == nullptr) {
      return EntryError(source, "relation", i, r.name, "unknown opposite \"" + r.opposite + "\"");
    }
    if (o->opposite != r.name) {
      return EntryError(source, "relation", i, r.name,
                        "opposite \"" + r.opposite + "\" does not name it back as its opposite");
    }
  }
  return vocab;
}

const RelationType* RelationVocabulary::Find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &types_[it->second];
}

// ---------------------------------------------------------------- entities

std::string NormalizeKey(std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  in.foldCase();
  icu::UnicodeString decomposed = U_SUCCESS(err) ? nfd->normalize(in, err) : in;
  if (U_FAILURE(err)) decomposed = in;
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    int8_t type = static_cast<int8_t>(u_charType(c));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) continue;
    if (u_isalnum(c)) {
      if (pending_space && out.length() > 0) out.append(static_cast<UChar>(' '));
      pending_space = false;
      out.append(c);
    } else if (c == '\'' || c == 0x2019) {
      // "Côte d'Ivoire" and "Cote d Ivoire" should meet: drop apostrophes.
      continue;
    } else {
      pending_space = true;
    }
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

Result<EntityCatalog> EntityCatalog::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("entity directory " + dir + " does not exist");
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) return Status::IOError("cannot list " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());

  EntityCatalog cat;
  struct PendingRole { std::string file; size_t person; };
  std::vector<PendingRole> person_files;
  for (const auto& path : files) {
    const std::string source = path.string();
    auto text = ReadWholeFile(source);
    if (!text.ok()) return text.status();
    rapidjson::Document d;
    Status s = ParseJson(*text, source, &d);
    if (!s.ok()) return s;
    if (auto it = d.FindMember("entities"); it != d.MemberEnd()) {
      if (!it->value.IsArray()) return Status::InvalidArgument(source + ": \"entities\" must be a list");
      size_t index = 0;
      for (auto& v : it->value.GetArray()) {
        EntityRecord e;
        if (!v.IsObject()) return EntryError(source, "entity", index, "", "must be an object");
        if (!GetStr(v, "id", &e.id) || e.id.empty()) return EntryError(source, "entity", index, "", "missing \"id\"");
        if (!GetStr(v, "name", &e.name) || e.name.empty()) {
          return EntryError(source, "entity", index, e.id, "missing \"name\"");
        }
        std::string kind;
        if (!GetStr(v, "kind", &kind)) return EntryError(source, "entity", index, e.id, "missing \"kind\"");
        auto k = ParseEntityKind(kind);
        if (!k || *k == EntityKind::kOther) {
          return EntryError(source, "entity", index, e.id,
                            "kind must be state, breakaway or organisation, not \"" + kind + "\"");
        }
        e.kind = *k;
        for (auto [key, out] : {std::pair{"names", &e.names}, std::pair{"adjectives", &e.adjectives},
                                std::pair{"metonyms", &e.metonyms},
                                std::pair{"demonyms", &e.demonyms}}) {
          std::string err = GetLangLists(v, key, out);
          if (!err.empty()) return EntryError(source, "entity", index, e.id, err);
        }
        if (auto c = v.FindMember("codes"); c != v.MemberEnd()) {
          if (!c->value.IsArray()) return EntryError(source, "entity", index, e.id, "\"codes\" must be a list");
          for (auto& code : c->value.GetArray()) {
            if (!code.IsString()) return EntryError(source, "entity", index, e.id, "\"codes\" must hold strings");
            e.codes.emplace_back(code.GetString(), code.GetStringLength());
          }
        }
        if (e.kind == EntityKind::kState &&
            (e.id.size() != 3 || !std::all_of(e.id.begin(), e.id.end(),
                                              [](char c) { return c >= 'A' && c <= 'Z'; }))) {
          return EntryError(source, "entity", index, e.id,
                            "a state's id must be an ISO 3166-1 alpha-3 code");
        }
        if (cat.by_id_.count(e.id)) return EntryError(source, "entity", index, e.id, "duplicate id");
        cat.by_id_.emplace(e.id, cat.entities_.size());
        cat.entities_.push_back(std::move(e));
        ++index;
      }
    }
    if (auto it = d.FindMember("people"); it != d.MemberEnd()) {
      if (!it->value.IsArray()) return Status::InvalidArgument(source + ": \"people\" must be a list");
      size_t index = 0;
      for (auto& v : it->value.GetArray()) {
        PersonRecord p;
        if (!v.IsObject()) return EntryError(source, "person", index, "", "must be an object");
        if (!GetStr(v, "name", &p.name) || p.name.empty()) return EntryError(source, "person", index, "", "missing \"name\"");
        std::string err = GetLangLists(v, "names", &p.names);
        if (!err.empty()) return EntryError(source, "person", index, p.name, err);
        auto roles = v.FindMember("roles");
        if (roles == v.MemberEnd() || !roles->value.IsArray() || roles->value.Empty()) {
          return EntryError(source, "person", index, p.name, "needs a non-empty \"roles\" list");
        }
        for (auto& r : roles->value.GetArray()) {
          PersonRecord::Role role;
          if (!r.IsObject() || !GetStr(r, "entity", &role.entity) || !GetStr(r, "role", &role.role)) {
            return EntryError(source, "person", index, p.name, "each role needs \"entity\" and \"role\"");
          }
          GetStr(r, "from", &role.from);
          GetStr(r, "to", &role.to);
          for (const std::string* date : {&role.from, &role.to}) {
            if (!CheckIsoDate(*date)) {
              return EntryError(source, "person", index, p.name, "bad date \"" + *date + "\" in a role");
            }
          }
          if (!role.from.empty() && !role.to.empty() && role.to < role.from) {
            return EntryError(source, "person", index, p.name,
                              "role at \"" + role.entity + "\" ends (" + role.to +
                                  ") before it begins (" + role.from + ")");
          }
          p.roles.push_back(std::move(role));
        }
        person_files.push_back({source, cat.people_.size()});
        cat.people_.push_back(std::move(p));
        ++index;
      }
    }
  }
  // Roles may point at entities of any file, so check them once all are read.
  for (const auto& pf : person_files) {
    const PersonRecord& p = cat.people_[pf.person];
    for (const auto& role : p.roles) {
      if (!cat.by_id_.count(role.entity)) {
        return EntryError(pf.file, "person", pf.person, p.name,
                          "role points at unknown entity \"" + role.entity + "\"");
      }
    }
  }
  // Codes resolve like ids; names, metonyms and ids resolve through keys.
  // The first entity to claim a key keeps it (tests/ontology_test.cpp keeps
  // the bundled data free of such collisions).
  auto add_key = [&cat](const std::string& text, size_t idx) {
    std::string key = NormalizeKey(text);
    if (key.empty()) return;
    cat.by_key_.emplace(key, idx);
    cat.spelling_.emplace(key, text);
  };
  for (size_t i = 0; i < cat.entities_.size(); ++i) {
    const EntityRecord& e = cat.entities_[i];
    for (const auto& code : e.codes) cat.by_id_.emplace(code, i);
    add_key(e.name, i);
    add_key(e.id, i);
    for (const auto* lists : {&e.names, &e.metonyms, &e.adjectives, &e.demonyms}) {
      for (const auto& [lang, list] : *lists) {
        for (const auto& n : list) add_key(n, i);
      }
    }
  }
  for (size_t pi = 0; pi < cat.people_.size(); ++pi) {
    const PersonRecord& p = cat.people_[pi];
    // A person resolves to the entity of the office held now, or else held
    // last; entity names inserted above win over people's name forms.
    const PersonRecord::Role* role = RoleOn(p, "");
    if (role == nullptr) role = &*std::max_element(p.roles.begin(), p.roles.end(), RoleEndsBefore);
    size_t idx = cat.by_id_.at(role->entity);
    std::map<std::string, const std::string*> keys = {{NormalizeKey(p.name), &p.name}};
    for (const auto& [lang, list] : p.names) {
      for (const auto& n : list) keys.emplace(NormalizeKey(n), &n);
    }
    for (const auto& [key, text] : keys) {
      if (key.empty()) continue;
      cat.by_key_.emplace(key, idx);
      cat.spelling_.emplace(key, *text);
      cat.people_by_key_.emplace(key, pi);
    }
  }
  return cat;
}

std::vector<const PersonRecord*> EntityCatalog::FindPeople(std::string_view name) const {
  std::vector<const PersonRecord*> out;
  auto [lo, hi] = people_by_key_.equal_range(NormalizeKey(name));
  for (auto it = lo; it != hi; ++it) out.push_back(&people_[it->second]);
  return out;
}

const PersonRecord::Role* EntityCatalog::RoleOn(const PersonRecord& person, std::string_view date) {
  const PersonRecord::Role* best = nullptr;
  // A date of month or year precision covers a span: [first, last] day.
  std::string first(date), last(date);
  if (date.size() == 4) {
    first += "-01-01";
    last += "-12-31";
  } else if (date.size() == 7) {
    first += "-01";
    last += "-31";
  }
  for (const auto& role : person.roles) {
    bool held;
    if (date.empty()) {
      held = role.to.empty();
    } else {
      // Role "to" dates of lower precision compare as prefixes: "2019" >= "2019-05-01"
      // is false, so widen them to the end of their span first.
      std::string to = role.to;
      if (to.size() == 4) to += "-12-31";
      if (to.size() == 7) to += "-31";
      held = (role.from.empty() || role.from <= last) && (to.empty() || to >= first);
    }
    if (held && (best == nullptr || best->from < role.from)) best = &role;
  }
  return best;
}

const EntityRecord* EntityCatalog::FindById(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

Result<const EntityRecord*> EntityCatalog::Resolve(std::string_view name) const {
  if (const EntityRecord* e = FindById(name)) return e;
  auto it = by_key_.find(NormalizeKey(name));
  if (it != by_key_.end()) return &entities_[it->second];
  std::string msg = "no entity named \"" + std::string(name) + "\"";
  auto near = NearestNames(name, 5);
  if (!near.empty()) {
    msg += "; did you mean: ";
    for (size_t i = 0; i < near.size(); ++i) msg += (i ? ", " : "") + near[i];
  }
  return Status::NotFound(msg);
}

std::vector<std::string> EntityCatalog::NearestNames(std::string_view name, size_t k) const {
  std::string key = NormalizeKey(name);
  // (distance, key) pairs within reach; the key order breaks ties deterministically.
  std::vector<std::pair<size_t, const std::string*>> scored;
  const size_t reach = std::max<size_t>(2, key.size() / 3);
  for (const auto& [candidate, idx] : by_key_) {
    size_t len_gap = candidate.size() > key.size() ? candidate.size() - key.size()
                                                   : key.size() - candidate.size();
    if (len_gap > reach) continue;  // cheaper than the edit distance, same verdict
    size_t d = EditDistance(key, candidate);
    if (d <= reach) scored.emplace_back(d, &candidate);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : *a.second < *b.second;
  });
  std::vector<std::string> out;
  std::set<size_t> seen_entities;
  for (const auto& [d, candidate] : scored) {
    if (out.size() >= k) break;
    size_t idx = by_key_.find(*candidate)->second;
    if (!seen_entities.insert(idx).second) continue;
    out.push_back(spelling_.find(*candidate)->second + " (" + entities_[idx].id + ")");
  }
  return out;
}

}  // namespace geokg
