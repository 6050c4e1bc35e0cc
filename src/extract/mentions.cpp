#include "mentions.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace geokg::extract {

namespace {

using rapidjson::Value;

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

UChar32 CodePointAt(std::string_view s, size_t i, size_t* next) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {  // ASCII: most of the text
    *next = i + 1;
    return b;
  }
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  *next = static_cast<size_t>(pos);
  return c;
}

// ICU's character classes for ASCII, looked up once: the tokenizer asks for
// every character.
struct AsciiClasses {
  bool alnum[128];
  bool space[128];
  AsciiClasses() {
    for (UChar32 c = 0; c < 128; ++c) {
      alnum[c] = u_isalnum(c);
      space[c] = u_isspace(c);
    }
  }
};
const AsciiClasses kAscii;

bool IsAlnum(UChar32 c) { return c < 128 ? kAscii.alnum[c] : u_isalnum(c); }
bool IsSpaceChar(UChar32 c) { return c < 128 ? kAscii.space[c] : u_isspace(c); }

// Lexicon key: case-folded, diacritics kept ("würde" and "wurde" differ).
std::string LowerKey(std::string_view word) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Catalog key: NormalizeKey folding ("Pjöngjang" -> "pjongjang"), no spaces.
std::string WordKey(std::string_view word) {
  std::string k = NormalizeKey(word);
  k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
  return k;
}

void FillCase(Token* t) {
  bool first = true;
  bool any_letter = false;
  t->all_upper = true;
  for (size_t i = 0; i < t->text.size();) {
    size_t next;
    UChar32 c = CodePointAt(t->text, i, &next);
    i = next;
    if (c < 0 || !u_isalpha(c)) continue;
    any_letter = true;
    if (first) t->upper = u_isupper(c);
    first = false;
    if (!u_isupper(c)) t->all_upper = false;
  }
  if (!any_letter) t->all_upper = false;
}

// Fills key, name_key and the case flags of a word token. ASCII words (most
// of them) are folded here: ICU's case folding of ASCII is A-Z -> a-z, and
// NormalizeKey keeps ASCII letters and digits and turns everything else
// into (removed) spaces. Other words go through ICU, memoised per thread
// because the same words recur from sentence to sentence.
void FillWordKeys(Token* t) {
  const std::string& w = t->text;
  bool ascii = true;
  for (char c : w) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    t->key.resize(w.size());
    t->name_key.clear();
    bool any_letter = false, first = true;
    t->all_upper = true;
    for (size_t i = 0; i < w.size(); ++i) {
      char c = w[i];
      bool upper = c >= 'A' && c <= 'Z';
      bool lower = c >= 'a' && c <= 'z';
      char folded = upper ? static_cast<char>(c - 'A' + 'a') : c;
      t->key[i] = folded;
      if (upper || lower || (c >= '0' && c <= '9')) t->name_key.push_back(folded);
      if (!upper && !lower) continue;
      any_letter = true;
      if (first) t->upper = upper;
      first = false;
      if (!upper) t->all_upper = false;
    }
    if (!any_letter) t->all_upper = false;
    return;
  }
  struct Keys {
    std::string key, name_key;
  };
  // Bounded so that memory stays flat however large the input.
  constexpr size_t kMaxCached = 8192;
  thread_local std::unordered_map<std::string, Keys> cache;
  auto it = cache.find(w);
  if (it == cache.end()) {
    if (cache.size() >= kMaxCached) cache.clear();
    it = cache.emplace(w, Keys{LowerKey(w), WordKey(w)}).first;
  }
  t->key = it->second.key;
  t->name_key = it->second.name_key;
  FillCase(t);
}

Result<std::string> ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status KeyError(const std::string& source, const std::string& key, const std::string& msg) {
  return Status::InvalidArgument(source + ": \"" + key + "\": " + msg);
}

// Reads a list of phrases into a set of single keys; multi-word entries are
// rejected so that typos ("refused to") do not silently never match.
Status ReadKeySet(const Value& d, const std::string& source, const char* key, bool required,
                  WordSet* out) {
  auto it = d.FindMember(key);
  if (it == d.MemberEnd()) {
    return required ? KeyError(source, key, "missing list") : Status::OK();
  }
  if (!it->value.IsArray()) return KeyError(source, key, "must be a list of strings");
  size_t i = 0;
  for (auto& v : it->value.GetArray()) {
    ++i;
    if (!v.IsString() || v.GetStringLength() == 0) {
      return KeyError(source, key, "entry #" + std::to_string(i) + " must be a non-empty string");
    }
    auto keys = PhraseKeys(v.GetString());
    if (keys.size() != 1) {
      return KeyError(
          source, key,
          "entry #" + std::to_string(i) + " \"" + v.GetString() + "\" must be one word");
    }
    out->insert(keys[0]);
  }
  return Status::OK();
}

Status ReadPhraseList(const Value& d, const std::string& source, const char* key,
                      std::vector<std::vector<std::string>>* out) {
  auto it = d.FindMember(key);
  if (it == d.MemberEnd()) return Status::OK();
  if (!it->value.IsArray()) return KeyError(source, key, "must be a list of strings");
  size_t i = 0;
  for (auto& v : it->value.GetArray()) {
    ++i;
    if (!v.IsString() || PhraseKeys(v.GetString()).empty()) {
      return KeyError(source, key, "entry #" + std::to_string(i) + " must be a non-empty phrase");
    }
    out->push_back(PhraseKeys(v.GetString()));
  }
  return Status::OK();
}

Status ReadStrings(const Value& d, const std::string& source, const char* key,
                   std::vector<std::string>* out) {
  auto it = d.FindMember(key);
  if (it == d.MemberEnd()) return Status::OK();
  if (!it->value.IsArray()) return KeyError(source, key, "must be a list of strings");
  for (auto& v : it->value.GetArray()) {
    if (!v.IsString()) return KeyError(source, key, "must hold strings");
    out->emplace_back(v.GetString(), v.GetStringLength());
  }
  return Status::OK();
}

bool StartsWith(const std::vector<Token>& tokens, size_t i, const std::vector<std::string>& keys) {
  if (i + keys.size() > tokens.size()) return false;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (tokens[i + k].key != keys[k]) return false;
  }
  return true;
}

}  // namespace

bool IsQuote(const Token& t) {
  static constexpr std::string_view kQuotes[] = {"\"",     "\u201E", "\u201C", "\u201D", "\u00AB",
                                                 "\u00BB", "\u201A", "\u2018", "\u2019", "'"};
  if (t.word || t.text.size() > 3) return false;
  for (std::string_view q : kQuotes) {
    if (t.text == q) return true;
  }
  return false;
}

// ---------------------------------------------------------------- tables

uint32_t KeyTable::Insert(uint32_t ctx, std::string_view key, uint32_t value) {
  const uint64_t hash = HashKey(key);
  if (uint32_t v = Find(ctx, key, hash); v != kNone) return v;
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old_slots = std::move(slots_);
    std::vector<std::string> old_keys = std::move(keys_);
    const size_t size = old_slots.empty() ? 16 : old_slots.size() * 2;
    slots_.assign(size, Slot{});
    keys_.assign(size, std::string());
    for (size_t k = 0; k < old_slots.size(); ++k) {
      if (old_slots[k].value == kNone) continue;
      size_t i = Slot0(old_slots[k].ctx, old_slots[k].hash) & (size - 1);
      while (slots_[i].value != kNone) i = (i + 1) & (size - 1);
      slots_[i] = old_slots[k];
      keys_[i] = std::move(old_keys[k]);
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t i = Slot0(ctx, hash) & mask;
  while (slots_[i].value != kNone) i = (i + 1) & mask;
  slots_[i] = Slot{hash, ctx, value};
  keys_[i] = std::string(key);
  ++used_;
  const size_t filter_bits = slots_.size() * 16;
  if (filter_mask_ + 1 != filter_bits) {
    filter_.assign(filter_bits / 64, 0);
    filter_mask_ = filter_bits - 1;
    for (const Slot& s : slots_) {
      if (s.value == kNone) continue;
      size_t bit = (Slot0(s.ctx, s.hash) >> 40) & filter_mask_;
      filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  } else {
    size_t bit = (Slot0(ctx, hash) >> 40) & filter_mask_;
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  return value;
}

bool WordSet::insert(std::string key) {
  index_.Insert(0, key, 0);
  return sorted_.insert(std::move(key)).second;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);  // about one token per five bytes of news text
  size_t i = 0;
  while (i < text.size()) {
    size_t next;
    UChar32 c = CodePointAt(text, i, &next);
    if (c < 0) {  // invalid byte: skip it
      i = next > i ? next : i + 1;
      continue;
    }
    if (IsSpaceChar(c) || c == 0xA0) {
      i = next;
      continue;
    }
    if (!IsAlnum(c)) {
      Token t;
      t.start = i;
      t.end = next;
      t.text = std::string(text.substr(i, next - i));
      t.key = t.text;
      t.name_key = t.text;
      out.push_back(std::move(t));
      i = next;
      continue;
    }
    size_t start = i;
    size_t end = next;
    bool split_s = false;
    while (end < text.size()) {
      auto b = static_cast<unsigned char>(text[end]);
      if (b < 0x80 && b != '\'') {  // ASCII other than an apostrophe: letters go on
        if (!kAscii.alnum[b]) break;
        ++end;
        continue;
      }
      size_t n2;
      UChar32 d = CodePointAt(text, end, &n2);
      if (d >= 0 && IsAlnum(d)) {
        end = n2;
        continue;
      }
      if (d >= 0 && IsApostrophe(d) && n2 < text.size()) {
        size_t n3;
        UChar32 e = CodePointAt(text, n2, &n3);
        if (e < 0 || !IsAlnum(e)) break;
        // "Russia's": split off the possessive; "d'Ivoire" stays one word.
        size_t n4 = n3;
        UChar32 f = n3 < text.size() ? CodePointAt(text, n3, &n4) : -1;
        if ((e == 's' || e == 'S') && (f < 0 || !IsAlnum(f))) {
          split_s = true;
          break;
        }
        end = n3;
        continue;
      }
      break;
    }
    // "U.S.", "U.N.": single letters joined by dots form one token.
    if (end - start == 1 && end < text.size() && text[end] == '.' && end + 2 < text.size() &&
        std::isalpha(static_cast<unsigned char>(text[end + 1])) && text[end + 2] == '.') {
      size_t e = end;
      while (e + 2 < text.size() && text[e] == '.' &&
             std::isalpha(static_cast<unsigned char>(text[e + 1])) && text[e + 2] == '.') {
        e += 2;
      }
      end = e + 1;
    }
    Token t;
    t.start = start;
    t.end = end;
    t.text = std::string(text.substr(start, end - start));
    t.word = true;
    FillWordKeys(&t);
    out.push_back(std::move(t));
    i = end;
    if (split_s) {
      size_t n2;
      CodePointAt(text, i, &n2);  // apostrophe
      size_t n3;
      CodePointAt(text, n2, &n3);  // s
      Token p;
      p.start = i;
      p.end = n3;
      p.text = std::string(text.substr(i, n3 - i));
      p.key = "'s";
      p.name_key = "'s";
      p.word = false;
      out.push_back(std::move(p));
      i = n3;
    }
  }
  for (Token& t : out) {
    t.key_hash = HashKey(t.key);
    t.name_key_hash = t.name_key == t.key ? t.key_hash : HashKey(t.name_key);
  }
  return out;
}

std::vector<std::string> PhraseKeys(std::string_view phrase) {
  std::vector<std::string> keys;
  for (const Token& t : Tokenize(phrase)) {
    if (t.word && !t.key.empty())
      keys.push_back(t.key);
    else if (t.key == "'s")
      keys.push_back(t.key);
  }
  return keys;
}

std::vector<std::string> NameKeys(std::string_view phrase) {
  std::vector<std::string> keys;
  for (const Token& t : Tokenize(phrase)) {
    if (t.word && !t.name_key.empty())
      keys.push_back(t.name_key);
    else if (t.key == "'s")
      keys.push_back(t.key);
  }
  return keys;
}

Result<Lexicon> Lexicon::LoadFile(const std::string& path) {
  auto text = ReadFileText(path);
  if (!text.ok()) return text.status();
  rapidjson::Document d;
  d.Parse(text->data(), text->size());
  if (d.HasParseError()) {
    size_t off = std::min(d.GetErrorOffset(), text->size());
    size_t line = 1 + std::count(text->begin(), text->begin() + off, '\n');
    return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " +
                                   rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) return Status::InvalidArgument(path + ": not a JSON object");
  Lexicon lex;
  auto lang = d.FindMember("lang");
  if (lang == d.MemberEnd() || !lang->value.IsString() || lang->value.GetStringLength() != 2) {
    return KeyError(path, "lang", "missing two-letter language code");
  }
  lex.lang = lang->value.GetString();
  auto order = d.FindMember("word_order");
  if (order == d.MemberEnd() || !order->value.IsString()) {
    return KeyError(path, "word_order", "missing (\"svo\" or \"v2\")");
  }
  std::string wo = order->value.GetString();
  if (wo != "svo" && wo != "v2") return KeyError(path, "word_order", "must be \"svo\" or \"v2\"");
  lex.verb_second = wo == "v2";
  Status s;
  for (auto [key, out] : {std::pair{"adjective_endings", &lex.adjective_endings},
                          std::pair{"genitive_suffixes", &lex.genitive_suffixes},
                          std::pair{"noun_endings", &lex.noun_endings}}) {
    s = ReadStrings(d, path, key, out);
    if (!s.ok()) return s;
  }
  if (lex.adjective_endings.empty()) lex.adjective_endings.push_back("");
  if (auto a = d.FindMember("acronym_max_length"); a != d.MemberEnd()) {
    if (!a->value.IsUint()) return KeyError(path, "acronym_max_length", "must be a number");
    lex.acronym_max_length = a->value.GetUint();
  }
  struct SetSpec {
    const char* key;
    WordSet* out;
    bool required;
  };
  for (const SetSpec& spec : {
           SetSpec{"determiners", &lex.determiners, true},
           SetSpec{"prepositions", &lex.prepositions, true},
           SetSpec{"agent_prepositions", &lex.agent_prepositions, true},
           SetSpec{"locative_prepositions", &lex.locative_prepositions, false},
           SetSpec{"between_prepositions", &lex.between_prepositions, false},
           SetSpec{"coordinators", &lex.coordinators, true},
           SetSpec{"subordinators", &lex.subordinators, true},
           SetSpec{"relative_pronouns", &lex.relative_pronouns, true},
           SetSpec{"clause_coordinators", &lex.clause_coordinators, false},
           SetSpec{"passive_auxiliaries", &lex.passive_auxiliaries, true},
           SetSpec{"negations", &lex.negations, true},
           SetSpec{"negation_verbs", &lex.negation_verbs, false},
           SetSpec{"possessives", &lex.possessives, false},
           SetSpec{"implicit_subject_pronouns", &lex.implicit_subject_pronouns, false},
           SetSpec{"reporting_verbs", &lex.reporting_verbs, true},
           SetSpec{"reporting_prepositions", &lex.reporting_preps, false},
           SetSpec{"demand_cues", &lex.demand_cues, false},
           SetSpec{"modifiers", &lex.modifiers, false},
           SetSpec{"oblique_determiners", &lex.oblique, false},
           SetSpec{"apposition_determiners", &lex.apposition_determiners, false},
           SetSpec{"topic_prepositions", &lex.topic_prepositions, false},
           SetSpec{"threat_cues", &lex.threat_cues, false},
           SetSpec{"claim_nouns", &lex.claim_nouns, false},
           SetSpec{"reported_future", &lex.reported_future, false},
           SetSpec{"accusation_cues", &lex.accusation_cues, false},
           SetSpec{"non_actor_prefixes", &lex.non_actor_prefixes, false},
           SetSpec{"seat_nouns", &lex.seat_nouns, false},
       }) {
    s = ReadKeySet(d, path, spec.key, spec.required, spec.out);
    if (!s.ok()) return s;
  }
  static const std::set<std::string, std::less<>> kModalities = {"future", "hypothetical",
                                                                 "intended", "demanded"};
  if (auto m = d.FindMember("modality_cues"); m != d.MemberEnd()) {
    if (!m->value.IsObject()) return KeyError(path, "modality_cues", "must map modality to words");
    for (auto& kv : m->value.GetObject()) {
      std::string mod = kv.name.GetString();
      if (!kModalities.count(mod)) {
        return KeyError(
            path, "modality_cues",
            "unknown modality \"" + mod + "\" (future, hypothetical, intended, demanded)");
      }
      WordSet words;
      s = ReadKeySet(m->value, path + ": modality_cues", mod.c_str(), true, &words);
      if (!s.ok()) return s;
      for (const auto& w : words) lex.modality_cues[w] = mod;
    }
  }
  s = ReadPhraseList(d, path, "agent_nouns", &lex.agent_nouns);
  if (!s.ok()) return s;
  if (lex.agent_nouns.empty()) return KeyError(path, "agent_nouns", "missing list");
  s = ReadPhraseList(d, path, "instrument_nouns", &lex.instrument_nouns);
  if (!s.ok()) return s;
  s = ReadPhraseList(d, path, "non_actor_expressions", &lex.non_actor_expressions);
  if (!s.ok()) return s;
  if (auto g = d.FindMember("group_expressions"); g != d.MemberEnd()) {
    if (!g->value.IsArray()) return KeyError(path, "group_expressions", "must be a list");
    size_t i = 0;
    for (auto& v : g->value.GetArray()) {
      ++i;
      std::string where = "group_expressions #" + std::to_string(i);
      if (!v.IsObject()) return KeyError(path, where, "must be an object");
      Group group;
      s = ReadPhraseList(v, path + ": " + where, "forms", &group.forms);
      if (!s.ok()) return s;
      if (group.forms.empty()) return KeyError(path, where, "needs \"forms\"");
      s = ReadStrings(v, path + ": " + where, "members", &group.members);
      if (!s.ok()) return s;
      if (auto r = v.FindMember("resolve"); r != v.MemberEnd() && r->value.IsString()) {
        group.resolve = r->value.GetString();
      }
      if (group.resolve != "" && group.resolve != "last_two_states") {
        return KeyError(path, where, "\"resolve\" must be \"last_two_states\"");
      }
      if (group.members.empty() == group.resolve.empty()) {
        return KeyError(path, where, "needs either \"members\" or \"resolve\"");
      }
      lex.groups.push_back(std::move(group));
    }
  }
  return lex;
}

// ---------------------------------------------------------------- finder

void MentionFinder::Add(const std::vector<std::string>& keys, Entry entry) {
  if (keys.empty()) return;
  size_t node = 0;
  for (const auto& k : keys) {
    auto fresh = static_cast<uint32_t>(nodes_.size());
    uint32_t child = edges_.Insert(static_cast<uint32_t>(node), k, fresh);
    if (child == fresh) nodes_.emplace_back();
    node = child;
  }
  for (const Entry& e : nodes_[node].entries) {
    if (e.entity == entry.entity && e.type == entry.type) return;
  }
  nodes_[node].entries.push_back(std::move(entry));
}

namespace {

bool IsAcronym(std::string_view name, size_t max_len) {
  size_t letters = 0;
  for (char c : name) {
    if (c == '.') continue;
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
    ++letters;
  }
  return letters > 0 && letters <= max_len;
}

}  // namespace

Result<MentionFinder> MentionFinder::Build(const EntityCatalog& catalog, const Lexicon& lexicon) {
  MentionFinder f;
  f.nodes_.emplace_back();
  f.catalog_ = &catalog;
  f.lexicon_ = std::make_shared<Lexicon>(lexicon);
  const std::string& lang = lexicon.lang;
  auto add_name = [&](const std::string& name, const std::string& id, MentionType type) {
    auto keys = NameKeys(name);
    if (keys.empty()) return;
    bool cs = IsAcronym(name, lexicon.acronym_max_length);
    f.Add(keys, {id, type, cs, false});
    if (cs) return;
    // "Europäische Union" / "Europäischen Union": inflect a leading adjective.
    if (keys.size() >= 2 && lexicon.adjective_endings.size() > 1) {
      for (const auto& from : lexicon.adjective_endings) {
        if (from.empty() || keys[0].size() <= from.size() + 3 || !keys[0].ends_with(from)) continue;
        std::string stem = keys[0].substr(0, keys[0].size() - from.size());
        for (const auto& to : lexicon.adjective_endings) {
          if (to.empty()) continue;
          auto form = keys;
          form[0] = stem + to;
          f.Add(form, {id, type, false, false});
        }
        break;
      }
    }
    const std::string& last = keys.back();
    char tail = last.empty() ? 0 : last.back();
    for (const auto& suffix : lexicon.genitive_suffixes) {
      if (suffix.empty() || tail == 's' || tail == 'x' || tail == 'z') continue;
      auto gen = keys;
      gen.back() += suffix;
      f.Add(gen, {id, type, false, true});
    }
  };
  for (const EntityRecord& e : catalog.entities()) {
    if (auto it = e.names.find(lang); it != e.names.end()) {
      for (const auto& n : it->second) add_name(n, e.id, MentionType::kName);
    }
    if (auto it = e.metonyms.find(lang); it != e.metonyms.end()) {
      for (const auto& n : it->second) add_name(n, e.id, MentionType::kMetonym);
    }
    // Plural people nouns ("Russen", "Israelis") act for their state like a name.
    if (auto it = e.demonyms.find(lang); it != e.demonyms.end()) {
      for (const auto& n : it->second) add_name(n, e.id, MentionType::kName);
    }
    if (auto it = e.adjectives.find(lang); it != e.adjectives.end()) {
      for (const auto& adj : it->second) {
        auto keys = NameKeys(adj);
        if (keys.empty()) continue;
        std::vector<std::string> stems = {keys.back()};
        for (const auto& ending : lexicon.adjective_endings) {
          const std::string& k = keys.back();
          if (!ending.empty() && k.size() > ending.size() + 3 &&
              k.compare(k.size() - ending.size(), ending.size(), ending) == 0) {
            stems.push_back(k.substr(0, k.size() - ending.size()));
          }
        }
        for (const auto& stem : stems) {
          for (const auto& ending : lexicon.adjective_endings) {
            auto form = keys;
            form.back() = stem + ending;
            f.Add(form, {e.id, MentionType::kAdjective, false, false});
          }
        }
      }
    }
  }
  for (size_t p = 0; p < catalog.people().size(); ++p) {
    const PersonRecord& person = catalog.people()[p];
    std::string id = "#" + std::to_string(p);
    f.Add(NameKeys(person.name), {id, MentionType::kPerson, false, false});
    for (const auto& [l, forms] : person.names) {
      for (const auto& n : forms) {
        f.Add(NameKeys(n), {id, MentionType::kPerson, false, false});
        if (l == lang) {
          auto keys = NameKeys(n);
          for (const auto& suffix : lexicon.genitive_suffixes) {
            if (suffix.empty() || keys.empty() || keys.back().back() == 's') continue;
            keys.back() += suffix;
            f.Add(keys, {id, MentionType::kPerson, false, true});
            keys.back().resize(keys.back().size() - suffix.size());
          }
        }
      }
    }
  }
  // Each noun as given and with each noun ending on its last word.
  auto add_forms = [&](const std::vector<std::vector<std::string>>& nouns,
                       std::vector<std::vector<std::string>>* forms) {
    for (const auto& noun : nouns) {
      forms->push_back(noun);
      for (const auto& ending : lexicon.noun_endings) {
        if (ending.empty()) continue;
        auto form = noun;
        form.back() += ending;
        forms->push_back(form);
      }
    }
  };
  add_forms(lexicon.agent_nouns, &f.agent_forms_);
  add_forms(lexicon.instrument_nouns, &f.instrument_forms_);
  // Longest first, so that "foreign ministry" wins over "foreign".
  for (auto* forms : {&f.agent_forms_, &f.instrument_forms_}) {
    std::sort(forms->begin(), forms->end(),
              [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }
  for (const auto& form : f.agent_forms_) {
    if (!form.empty()) f.agent_first_.insert(form.front());
  }
  for (const auto& form : f.instrument_forms_) {
    if (!form.empty()) f.instrument_first_.insert(form.front());
  }
  for (const auto& expr : lexicon.non_actor_expressions) {
    if (!expr.empty()) f.non_actor_first_.insert(expr.front());
  }
  for (const auto& g : lexicon.groups) {
    for (const auto& form : g.forms) {
      if (!form.empty()) f.group_first_.insert(form.front());
    }
  }
  return f;
}

size_t MentionFinder::MatchAt(const std::vector<Token>& tokens, size_t i,
                              const std::vector<Entry>** out) const {
  size_t node = 0;
  size_t best_end = i;
  *out = nullptr;
  size_t j = i;
  while (j < tokens.size()) {
    const Token& t = tokens[j];
    if (t.key == "-" && j > i && j + 1 < tokens.size()) {  // "Guinea-Bissau"
      ++j;
      continue;
    }
    if (!t.word && t.key != "'s") break;  // "Donetsk People's Republic"
    uint32_t child = edges_.Find(static_cast<uint32_t>(node), t.name_key, t.name_key_hash);
    if (child == KeyTable::kNone) break;
    node = child;
    ++j;
    if (!nodes_[node].entries.empty()) {
      best_end = j;
      *out = &nodes_[node].entries;
    }
  }
  return best_end;
}

std::string MentionFinder::PersonEntity(size_t person, std::string_view date) const {
  const PersonRecord& p = catalog_->people()[person];
  if (date.empty()) {
    // No article date: the current role, else the one entity all roles were held for
    // ("President Bush" in an undated wire story is the United States either way).
    for (auto it = p.roles.rbegin(); it != p.roles.rend(); ++it) {
      if (it->to.empty()) return it->entity;
    }
    for (const auto& r : p.roles) {
      if (r.entity != p.roles.front().entity) return "";
    }
    return p.roles.empty() ? "" : p.roles.front().entity;
  }
  for (const auto& r : p.roles) {
    bool after_start =
        r.from.empty() || r.from.compare(0, r.from.size(), date, 0, r.from.size()) <= 0;
    bool before_end = r.to.empty() || std::string_view(date).substr(0, r.to.size()) <= r.to;
    if (after_start && before_end) return r.entity;
  }
  return "";
}

std::vector<Mention> MentionFinder::Find(const std::vector<Token>& tokens, std::string_view date,
                                         const std::vector<std::string>& recent_states) const {
  const Lexicon& lex = *lexicon_;
  std::vector<bool> blocked(tokens.size(), false);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!non_actor_first_.contains(tokens[i].key, tokens[i].key_hash)) continue;
    for (const auto& expr : lex.non_actor_expressions) {
      if (StartsWith(tokens, i, expr)) {
        for (size_t k = i; k < i + expr.size(); ++k) blocked[k] = true;
      }
    }
  }
  auto agent_at = [&](size_t i) -> size_t {
    if (i >= tokens.size() || !agent_first_.contains(tokens[i].key, tokens[i].key_hash)) return i;
    for (const auto& form : agent_forms_) {
      if (StartsWith(tokens, i, form)) return i + form.size();
    }
    return i;
  };
  auto instrument_at = [&](size_t i) -> size_t {
    if (i >= tokens.size() || !instrument_first_.contains(tokens[i].key, tokens[i].key_hash)) {
      return i;
    }
    for (const auto& form : instrument_forms_) {
      if (StartsWith(tokens, i, form)) return i + form.size();
    }
    return i;
  };
  auto is_state = [&](const std::string& id) {
    const EntityRecord* e = catalog_->FindById(id);
    return e != nullptr && (e->kind == EntityKind::kState || e->kind == EntityKind::kBreakaway);
  };

  std::vector<Mention> base;
  std::vector<std::string> sentence_states;  // states named so far in this sentence
  for (size_t i = 0; i < tokens.size();) {
    if (blocked[i] || !tokens[i].word) {
      ++i;
      continue;
    }
    // Group expressions first: "die beiden Länder", "die Volksrepubliken".
    bool grouped = false;
    for (const auto& g : lex.groups) {
      if (!group_first_.contains(tokens[i].key, tokens[i].key_hash)) break;
      for (const auto& form : g.forms) {
        if (!StartsWith(tokens, i, form)) continue;
        Mention m;
        m.begin = i;
        m.end = i + form.size();
        m.type = MentionType::kGroup;
        if (!g.members.empty()) {
          for (const auto& id : g.members) {
            if (catalog_->FindById(id)) m.entities.push_back(catalog_->FindById(id)->id);
          }
        } else {
          std::vector<std::string> pool = recent_states;
          pool.insert(pool.end(), sentence_states.begin(), sentence_states.end());
          for (auto it = pool.rbegin(); it != pool.rend() && m.entities.size() < 2; ++it) {
            if (std::find(m.entities.begin(), m.entities.end(), *it) == m.entities.end()) {
              m.entities.push_back(*it);
            }
          }
          if (m.entities.size() < 2) m.entities.clear();
          m.discourse = true;
        }
        if (m.entities.empty()) continue;
        base.push_back(std::move(m));
        grouped = true;
        break;
      }
      if (grouped) break;
    }
    if (grouped) {
      i = base.back().end;
      continue;
    }
    const std::vector<Entry>* entries = nullptr;
    size_t end = MatchAt(tokens, i, &entries);
    if (entries == nullptr) {
      ++i;
      continue;
    }
    const Entry* chosen = nullptr;
    std::string entity;
    for (const Entry& e : *entries) {
      bool case_ok = true;
      if (e.case_sensitive) {
        for (size_t k = i; k < end; ++k) {
          if (tokens[k].word && !tokens[k].all_upper) case_ok = false;
        }
      } else if (e.type != MentionType::kAdjective) {
        case_ok = tokens[i].upper;
      }
      if (!case_ok) continue;
      if (e.type == MentionType::kPerson) {
        entity = PersonEntity(static_cast<size_t>(std::stoul(e.entity.substr(1))), date);
        if (entity.empty()) continue;
      } else {
        entity = e.entity;
      }
      chosen = &e;
      break;
    }
    if (chosen == nullptr) {
      ++i;
      continue;
    }
    Mention m;
    m.begin = i;
    m.end = end;
    m.entities = {entity};
    m.type = chosen->type;
    m.genitive = chosen->genitive;
    m.actor = chosen->type != MentionType::kAdjective && !chosen->genitive;
    if (end < tokens.size() && tokens[end].key == "'s") {
      m.genitive = true;
      m.actor = false;
      m.end = end + 1;
    }
    // English proper names inside longer names ("Jordan Henderson", "China Daily").
    if (!lex.verb_second && (m.type == MentionType::kName || m.type == MentionType::kMetonym) &&
        !m.genitive && m.end < tokens.size() && tokens[m.end].word && tokens[m.end].upper &&
        agent_at(m.end) == m.end) {
      const std::vector<Entry>* dummy = nullptr;
      if (MatchAt(tokens, m.end, &dummy) == m.end) {
        i = m.end;
        continue;
      }
    }
    // "anti-Syria journalist", "pro-Russian separatists": a stance, not the state.
    if (i >= 2 && tokens[i - 1].key == "-" && lex.non_actor_prefixes.count(tokens[i - 2].key)) {
      i = m.end;
      continue;
    }
    // States named as places ("nach Gesprächen in Peking") are not candidates
    // for "both countries".
    size_t before = i;
    while (before > 0 && lex.determiners.count(tokens[before - 1].key)) --before;
    bool locative = before > 0 && lex.locative_prepositions.count(tokens[before - 1].key);
    if (is_state(entity) && !locative) sentence_states.push_back(entity);
    base.push_back(std::move(m));
    i = base.back().end;
  }

  // Headed noun phrases: adjective/name + agent noun (+ person).
  // Only hyphens, possessives and known modifiers stand between an adjective
  // and its agent noun ("der russische stellvertretende Außenminister"); a
  // verb there ("Russland verlegte Truppen") ends the phrase.
  auto skippable = [&](const Token& t) {
    return t.key == "-" || t.key == "'s" || lex.modifiers.count(t.key) > 0;
  };
  std::vector<Mention> merged;
  for (size_t k = 0; k < base.size(); ++k) {
    Mention m = base[k];
    if (m.type == MentionType::kAdjective || m.type == MentionType::kName ||
        m.type == MentionType::kMetonym) {
      size_t j = m.end;
      size_t skipped = 0;
      size_t limit = k + 1 < base.size() ? base[k + 1].begin : tokens.size();
      while (j < limit && skipped < 3 && agent_at(j) == j && skippable(tokens[j])) {
        ++j;
        ++skipped;
      }
      size_t agent_end = j < limit ? agent_at(j) : j;
      if (agent_end > j && agent_end <= limit) {
        m.end = agent_end;
        m.type = MentionType::kAgent;
        m.actor = true;
        m.genitive = false;
        // Optional person: "Präsident Wladimir Putin", "president, Vladimir Putin".
        size_t p = agent_end;
        if (p < tokens.size() && tokens[p].key == ",") ++p;
        if (k + 1 < base.size() && base[k + 1].begin == p &&
            base[k + 1].type == MentionType::kPerson) {
          m.end = base[k + 1].end;
          ++k;
        } else if (!lex.verb_second) {
          // English: a name the catalog does not know ("Libyan leader Muammar
          // Gaddafi") belongs to the phrase, so that "... and Bulgarian President
          // Todor Zhivkov" coordinates with it. (German capitalises every noun.)
          size_t q = agent_end;
          while (q < limit && q < agent_end + 4 && tokens[q].word && tokens[q].upper &&
                 !tokens[q].all_upper && agent_at(q) == q) {
            ++q;
          }
          if (q > agent_end + 1 || (q == agent_end + 1 && q < tokens.size() &&
                                    (lex.coordinators.count(tokens[q].key) || tokens[q].key == ","))) {
            m.end = q;
          }
        }
      } else if (m.type == MentionType::kAdjective && agent_end == j) {
        // "Russian missiles hit Kyiv", "Israelische Luftangriffe töteten ...",
        // "by Russian missiles": the weapon acts for the state as subject or
        // passive agent. Before a preposition ("Russian strikes on Kyiv") or
        // elsewhere the adjective stays an attribute (noun cues need it there).
        size_t inst_end = j < limit ? instrument_at(j) : j;
        bool acts = false;
        if (inst_end > j && inst_end <= limit) {
          const Token* next = inst_end < tokens.size() ? &tokens[inst_end] : nullptr;
          acts = next != nullptr && next->word && !next->upper &&
                 !lex.prepositions.count(next->key) && !lex.determiners.count(next->key) &&
                 !lex.coordinators.count(next->key) && !lex.subordinators.count(next->key) &&
                 !lex.relative_pronouns.count(next->key);
          size_t b = m.begin;
          while (b > 0 && lex.determiners.count(tokens[b - 1].key)) --b;
          if (b > 0 && lex.agent_prepositions.count(tokens[b - 1].key)) acts = true;
        }
        if (acts) {
          m.end = inst_end;
          m.type = MentionType::kAgent;
          m.actor = true;
          m.genitive = false;
        }
      }
    } else if (m.type == MentionType::kPerson && m.begin > 0) {
      // "Präsident Putin": extend the span back over the agent noun.
      for (size_t len = 1; len <= 3 && len <= m.begin; ++len) {
        if (agent_at(m.begin - len) == m.begin &&
            (merged.empty() || merged.back().end <= m.begin - len)) {
          m.begin -= len;
          break;
        }
      }
    }
    merged.push_back(std::move(m));
  }

  // Coordination: "Russland und Syrien", "Russia, China and Iran".
  std::vector<Mention> coord;
  for (size_t k = 0; k < merged.size(); ++k) {
    Mention m = merged[k];
    while (k + 1 < merged.size()) {
      const Mention& n = merged[k + 1];
      size_t j = m.end;
      bool coordinated = false;
      bool comma = false;
      while (j < n.begin) {
        const Token& t = tokens[j];
        if (lex.coordinators.count(t.key))
          coordinated = true;
        else if (t.key == ",")
          comma = true;
        else if (!lex.determiners.count(t.key) && !IsQuote(t))
          break;
        ++j;
      }
      if (j != n.begin || (!coordinated && !comma)) break;
      if (!coordinated) {
        // A comma alone coordinates only if a coordinator closes the list.
        bool closes = false;
        for (size_t q = k + 1; q + 1 < merged.size(); ++q) {
          size_t between_end = merged[q + 1].begin;
          bool only_link = true;
          bool has_coord = false;
          for (size_t t = merged[q].end; t < between_end; ++t) {
            if (lex.coordinators.count(tokens[t].key))
              has_coord = true;
            else if (tokens[t].key != "," && !lex.determiners.count(tokens[t].key))
              only_link = false;
          }
          if (!only_link) break;
          if (has_coord) {
            closes = true;
            break;
          }
        }
        if (!closes) break;
      }
      if (m.actor != n.actor &&
          !(m.type == MentionType::kAdjective && n.type == MentionType::kAgent)) {
        break;
      }
      for (const auto& id : n.entities) {
        if (std::find(m.entities.begin(), m.entities.end(), id) == m.entities.end()) {
          m.entities.push_back(id);
        }
      }
      m.end = n.end;
      m.actor = n.actor;
      m.discourse = m.discourse || n.discourse;
      if (m.entities.size() > 1) m.type = MentionType::kGroup;
      ++k;
    }
    coord.push_back(std::move(m));
  }

  // "G20-Gipfel", "Ukraine-Konflikt", "U.S.-brokered": the name modifies a compound.
  for (Mention& m : coord) {
    if (m.type == MentionType::kAgent || m.end + 1 >= tokens.size()) continue;
    if (tokens[m.end].key == "-" && tokens[m.end + 1].word) m.actor = false;
  }
  // German genitive after an agent noun: "die Außenminister Indiens und Chinas",
  // "der Präsident der Ukraine".
  for (Mention& m : coord) {
    if (!lex.verb_second || m.begin == 0 || m.type == MentionType::kAgent) continue;
    size_t j = m.begin;
    while (j > 0 && lex.determiners.count(tokens[j - 1].key)) --j;
    if (!m.genitive && !(j < m.begin && (tokens[j].key == "der" || tokens[j].key == "des")))
      continue;
    for (size_t len = 1; len <= 3 && len <= j; ++len) {
      if (agent_at(j - len) == j) {
        m.genitive = false;
        m.actor = true;
        m.head_begin = j - len;
        break;
      }
    }
  }
  // Governing preposition and surface text.
  for (Mention& m : coord) {
    m.surface.clear();
    for (size_t t = m.begin; t < m.end; ++t) {
      if (!m.surface.empty() && tokens[t].word && tokens[t - 1].word) m.surface += ' ';
      m.surface += tokens[t].text;
    }
    size_t j = m.head_begin != SIZE_MAX ? m.head_begin : m.begin;
    size_t skipped = 0;
    while (j > 0 && skipped < 4) {
      const Token& t = tokens[j - 1];
      if (lex.prepositions.count(t.key)) {
        m.gov_prep = t.key;
        // "the foreign ministers of India and China": the head is an agent noun.
        if (t.key == "of" && j >= 2) {
          for (size_t len = 1; len <= 3 && len + 1 <= j; ++len) {
            if (agent_at(j - 1 - len) == j - 1) {
              m.gov_prep.clear();
              m.actor = true;
              // "negotiate with the president of Armenia": the phrase's own
              // preposition governs the state.
              size_t h = j - 1 - len;
              while (h > 0 && (lex.determiners.count(tokens[h - 1].key) ||
                               lex.modifiers.count(tokens[h - 1].key))) {
                --h;
              }
              if (h > 0 && lex.prepositions.count(tokens[h - 1].key)) m.gov_prep = tokens[h - 1].key;
              break;
            }
          }
        }
        // "die Regierung in Seoul", "the authorities in Kyiv": a bare seat noun
        // before the place makes the place's state the actor.
        if (lex.locative_prepositions.count(t.key) && j >= 2 && m.type != MentionType::kAgent &&
            lex.seat_nouns.count(tokens[j - 2].key)) {
          size_t h = j - 2;
          // Not after a capitalised word, and not itself inside a mention ("russische Regierung").
          bool bare = h == 0 || !tokens[h - 1].word || !tokens[h - 1].upper ||
                      lex.determiners.count(tokens[h - 1].key);
          for (const Mention& other : coord) {
            if (other.begin <= h && h < other.end) bare = false;
          }
          if (bare) {
            m.gov_prep.clear();
            m.actor = true;
            m.head_begin = h;
            while (h > 0 && lex.determiners.count(tokens[h - 1].key)) --h;
            if (h > 0 && lex.prepositions.count(tokens[h - 1].key)) m.gov_prep = tokens[h - 1].key;
          }
        }
        break;
      }
      bool modifier = lex.verb_second ? (t.word && !t.upper) : lex.modifiers.count(t.key) > 0;
      bool number = !t.text.empty() && std::isdigit(static_cast<unsigned char>(t.text[0]));
      if (lex.determiners.count(t.key) || IsQuote(t) || modifier || number || t.key == "-") {
        --j;
        ++skipped;
        continue;
      }
      break;
    }
  }
  return coord;
}

}  // namespace geokg::extract
