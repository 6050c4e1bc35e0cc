#include "cleaner.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstdint>

#include <unicode/regex.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "data_json.h"
#include "text_util.h"

namespace geokg::extract {

using namespace util;  // NOLINT(google-build-using-namespace): private helpers

namespace {

enum class Action { kDropLine, kDropRest, kStripPrefix, kStripSuffix };
enum class Match { kPrefix, kSuffix, kEquals, kContains, kRegex };

bool EndsWithTerminal(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s.back());
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == ')' ||
      c == '\'') {
    return true;
  }
  // Multi-byte closers: ” “ » « … ’
  static const char* kClosers[] = {"\xE2\x80\x9D", "\xE2\x80\x9C", "\xC2\xBB",
                                   "\xC2\xAB",     "\xE2\x80\xA6", "\xE2\x80\x99"};
  for (const char* closer : kClosers) {
    std::string_view cs(closer);
    if (s.size() >= cs.size() && s.substr(s.size() - cs.size()) == cs) return true;
  }
  return false;
}

// Lines shorter than this that end without punctuation are headings: they
// never run on into the next line.
constexpr size_t kMinRunOnLine = 40;

// Default for Rule::max_bytes.
constexpr size_t kDefaultMaxBytes = 300;

// ---- literal prefilters read from the regex rules
//
// Most lines match no rule, and an ICU regex costs microseconds per line even
// when it fails at once. A conservative reading of each pattern finds literal
// strings that every match must start with (patterns anchored at the line
// start) or contain; a line without any of them is passed over. Whatever the
// reader does not understand (character classes, lookaround, flags, ...)
// yields no prefilter, so the regex runs as before: results are unchanged.

struct PatternItem {
  enum Kind { kLiteral, kGroup, kOther };
  Kind kind = kOther;
  std::string literal;                         // kLiteral: one character, UTF-8
  std::vector<std::vector<PatternItem>> alts;  // kGroup
  bool quantified = false;                     // followed by ?, *, +, {m,n}
};
using PatternSeq = std::vector<PatternItem>;

class PatternReader {
 public:
  explicit PatternReader(std::string_view p) : p_(p) {}

  // The pattern as one sequence and whether it starts with '^'; false if it
  // uses syntax this reader does not know.
  bool Read(bool* anchored, PatternSeq* seq) {
    *anchored = !p_.empty() && p_[0] == '^';
    pos_ = *anchored ? 1 : 0;
    std::vector<PatternSeq> alts;
    if (!ReadAlts(&alts) || pos_ != p_.size() || alts.size() != 1) return false;
    *seq = std::move(alts[0]);
    return true;
  }

 private:
  bool ReadAlts(std::vector<PatternSeq>* alts) {
    alts->emplace_back();
    while (pos_ < p_.size() && p_[pos_] != ')') {
      if (p_[pos_] == '|') {
        ++pos_;
        alts->emplace_back();
        continue;
      }
      PatternItem item;
      if (!ReadAtom(&item) || !ReadQuantifier(&item)) return false;
      alts->back().push_back(std::move(item));
    }
    return true;
  }

  bool ReadAtom(PatternItem* item) {
    const char c = p_[pos_];
    switch (c) {
      case '(':
        ++pos_;
        if (p_.substr(pos_, 2) == "?:") {
          pos_ += 2;
        } else if (pos_ < p_.size() && p_[pos_] == '?') {
          return false;  // lookaround, inline flags, named groups
        }
        item->kind = PatternItem::kGroup;
        if (!ReadAlts(&item->alts) || pos_ >= p_.size()) return false;
        ++pos_;  // ')'
        return true;
      case '[': {
        size_t start = pos_;
        item->kind = PatternItem::kOther;
        if (!SkipSet()) return false;
        ReadSimpleSet(p_.substr(start, pos_ - start), item);
        return true;
      }
      case '.':
      case '$':
        item->kind = PatternItem::kOther;
        ++pos_;
        return true;
      case '\\':
        return ReadEscape(item);
      case '^':
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
      case ')':
        return false;
      default: {
        size_t n = static_cast<size_t>(Utf8Length(static_cast<unsigned char>(c)));
        if (pos_ + n > p_.size()) return false;
        item->kind = PatternItem::kLiteral;
        item->literal = std::string(p_.substr(pos_, n));
        pos_ += n;
        return true;
      }
    }
  }

  // A character class [...], nested sets and escapes included.
  bool SkipSet() {
    int depth = 0;
    size_t start = pos_;
    while (pos_ < p_.size()) {
      char c = p_[pos_];
      if (c == '\\') {
        pos_ += 2;
        continue;
      }
      if (c == '[') {
        ++depth;
        ++pos_;
        // "[]" or "[^]": a literal ']' first is read differently by engines.
        size_t q = pos_ < p_.size() && p_[pos_] == '^' ? pos_ + 1 : pos_;
        if (q < p_.size() && p_[q] == ']') return false;
        continue;
      }
      ++pos_;
      if (c == ']' && --depth == 0) return pos_ > start;
    }
    return false;
  }

  // A set of plain characters ("[\"\u201E\u00AB]") becomes a group of
  // one-character alternatives; any other set stays kOther.
  static void ReadSimpleSet(std::string_view set, PatternItem* item) {
    if (set.size() < 3 || set[1] == '^') return;
    PatternReader inner(set.substr(1, set.size() - 2));
    std::vector<PatternSeq> alts;
    while (inner.pos_ < inner.p_.size()) {
      const char c = inner.p_[inner.pos_];
      if (c == '[' || c == ']' || c == '-' || c == '&' || c == '$' || c == '{' || c == '}' ||
          c == ':' || c == ' ') {
        return;  // nested sets, ranges, set operations, ICU pattern whitespace
      }
      PatternItem one;
      if (c == '\\') {
        if (!inner.ReadEscape(&one) || one.kind != PatternItem::kLiteral) return;
      } else {
        size_t n = static_cast<size_t>(Utf8Length(static_cast<unsigned char>(c)));
        if (inner.pos_ + n > inner.p_.size()) return;
        one.kind = PatternItem::kLiteral;
        one.literal = std::string(inner.p_.substr(inner.pos_, n));
        inner.pos_ += n;
      }
      alts.push_back(PatternSeq{std::move(one)});
    }
    item->kind = PatternItem::kGroup;
    item->alts = std::move(alts);
  }

  bool ReadEscape(PatternItem* item) {
    if (pos_ + 1 >= p_.size()) return false;
    const char e = p_[pos_ + 1];
    if (e == 'u') {  // \uXXXX
      if (pos_ + 6 > p_.size()) return false;
      UChar32 cp = 0;
      for (size_t k = pos_ + 2; k < pos_ + 6; ++k) {
        const char h = p_[k];
        int digit = h >= '0' && h <= '9'   ? h - '0'
                    : h >= 'a' && h <= 'f' ? h - 'a' + 10
                    : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                           : -1;
        if (digit < 0) return false;
        cp = cp * 16 + digit;
      }
      char buf[4];
      int32_t len = 0;
      UBool error = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, cp, error);
      if (error) return false;
      item->kind = PatternItem::kLiteral;
      item->literal.assign(buf, static_cast<size_t>(len));
      pos_ += 6;
      return true;
    }
    if (e == 'p' || e == 'P') {  // \p{...}
      size_t close = p_.find('}', pos_);
      if (pos_ + 2 >= p_.size() || p_[pos_ + 2] != '{' || close == std::string_view::npos) {
        return false;
      }
      item->kind = PatternItem::kOther;
      pos_ = close + 1;
      return true;
    }
    if (std::string_view("sSdDwWbBhHvVRXAzZG").find(e) != std::string_view::npos) {
      item->kind = PatternItem::kOther;
      pos_ += 2;
      return true;
    }
    if (static_cast<unsigned char>(e) < 0x80 && !std::isalnum(static_cast<unsigned char>(e))) {
      item->kind = PatternItem::kLiteral;  // escaped punctuation: "\\(", "\\."
      item->literal = std::string(1, e);
      pos_ += 2;
      return true;
    }
    return false;  // back references, \Q...\E, \x.., \N{..}, control escapes
  }

  bool ReadQuantifier(PatternItem* item) {
    if (pos_ >= p_.size()) return true;
    const char c = p_[pos_];
    if (c == '?' || c == '*' || c == '+') {
      ++pos_;
    } else if (c == '{') {
      size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) return false;
      for (size_t k = pos_ + 1; k < close; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(p_[k])) && p_[k] != ',') return false;
      }
      pos_ = close + 1;
    } else {
      return true;
    }
    item->quantified = true;
    if (pos_ < p_.size() && (p_[pos_] == '?' || p_[pos_] == '+')) ++pos_;  // lazy, possessive
    return pos_ >= p_.size() ||
           (p_[pos_] != '?' && p_[pos_] != '*' && p_[pos_] != '+' && p_[pos_] != '{');
  }

  std::string_view p_;
  size_t pos_ = 0;
};

constexpr size_t kMaxPrefixes = 64;

// Under case folding, can the character `literal` match nothing but
// non-ASCII text? ("©" yes; "ſ" no: it matches "s", and "ß" matches "ss".)
bool FoldsOnlyToNonAscii(const std::string& literal) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(literal);
  if (u.countChar32() != 1) return false;
  icu::UnicodeSet closure(u.char32At(0), u.char32At(0));
  closure.closeOver(USET_CASE_INSENSITIVE);
  return !closure.hasStrings() && !closure.containsSome(0, 0x7F);
}

// Adds to *out the literal strings one of which every match of seq[i..]
// starts with (each after `prefix`). Under case folding only ASCII literals
// are taken. False if there would be more than kMaxPrefixes.
bool LiteralPrefixes(const PatternSeq& seq, size_t i, std::string prefix, bool fold,
                     std::vector<std::string>* out) {
  for (; i < seq.size(); ++i) {
    const PatternItem& item = seq[i];
    if (item.quantified) break;
    if (item.kind == PatternItem::kLiteral) {
      if (fold && static_cast<unsigned char>(item.literal[0]) >= 0x80 &&
          !FoldsOnlyToNonAscii(item.literal)) {
        break;
      }
      prefix += item.literal;
      continue;
    }
    if (item.kind == PatternItem::kGroup) {
      for (const PatternSeq& alt : item.alts) {
        PatternSeq rest = alt;
        rest.insert(rest.end(), seq.begin() + static_cast<std::ptrdiff_t>(i) + 1, seq.end());
        if (!LiteralPrefixes(rest, 0, prefix, fold, out)) return false;
      }
      return true;
    }
    break;
  }
  if (out->size() >= kMaxPrefixes) return false;
  out->push_back(std::move(prefix));
  return true;
}

bool AnyEmpty(const std::vector<std::string>& v) {
  for (const auto& s : v) {
    if (s.empty()) return true;
  }
  return v.empty();
}

size_t Shortest(const std::vector<std::string>& v) {
  size_t n = SIZE_MAX;
  for (const auto& s : v) n = std::min(n, s.size());
  return n;
}

// Could `line` start with `prefix`? Under case folding, ASCII letters
// compare case-insensitively, and a non-ASCII byte in the compared range
// answers yes (ICU folds more than ASCII: "K" (Kelvin) matches "k").
bool MayStartWith(std::string_view line, std::string_view prefix, bool fold) {
  if (line.size() < prefix.size() && !fold) return false;
  auto lower = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (k >= line.size()) return false;
    auto a = static_cast<unsigned char>(line[k]);
    auto b = static_cast<unsigned char>(prefix[k]);
    if (a == b) continue;
    if (!fold) return false;
    if (a >= 0x80) return true;
    if (lower(a) != lower(b)) return false;
  }
  return true;
}

}  // namespace

struct Cleaner::Rule {
  std::string name;
  std::string file;
  std::string lang;  // "" = every language
  Action action = Action::kDropLine;
  Match match = Match::kContains;
  std::string pattern;
  std::unique_ptr<icu::RegexPattern> regex;
  // drop_line/drop_rest: longer lines are article text, not boilerplate.
  // strip_suffix: only the line's last max_bytes are searched.
  size_t max_bytes = kDefaultMaxBytes;
  // Regex rules: run only on lines that contain one of these literals (a
  // cheap prefilter for unanchored patterns). Empty: always run.
  std::vector<std::string> requires_any;
  // Regex rules: prefilters read from the pattern (see PatternReader).
  // Non-empty: a line (the searched part) must start with one of
  // `starts_any` / contain one of `contains_any` to be matched at all.
  std::vector<std::string> starts_any, contains_any;
  bool fold = false;  // case-insensitive pattern
  // First bytes of `starts_any` (both cases when folding).
  std::bitset<256> starts_first;
  // `contains_any` grouped by first byte: one scan of the line per group.
  std::vector<std::pair<char, std::vector<std::string>>> contains_by_first;

  void DerivePrefilters();
};

void Cleaner::Rule::DerivePrefilters() {
  bool anchored = false;
  PatternSeq seq;
  if (!PatternReader(pattern).Read(&anchored, &seq)) return;
  // lookingAt() (strip_prefix) anchors the match at the line start too.
  if (anchored || action == Action::kStripPrefix) {
    std::vector<std::string> starts;
    if (LiteralPrefixes(seq, 0, "", fold, &starts) && !AnyEmpty(starts)) {
      starts_any = std::move(starts);
      for (const auto& lit : starts_any) {
        auto b = static_cast<unsigned char>(lit[0]);
        starts_first.set(b);
        if (fold) starts_first.set(static_cast<unsigned char>(std::tolower(b)));
        if (fold) starts_first.set(static_cast<unsigned char>(std::toupper(b)));
      }
      return;
    }
  }
  if (fold) return;
  // Any item that every match goes through: its literal beginnings must
  // occur in the line. Take the most selective (longest shortest string).
  for (size_t i = 0; i < seq.size(); ++i) {
    if (seq[i].quantified || seq[i].kind == PatternItem::kOther) continue;
    std::vector<std::string> lits;
    if (!LiteralPrefixes(seq, i, "", false, &lits) || AnyEmpty(lits)) continue;
    if (contains_any.empty() || Shortest(lits) > Shortest(contains_any)) {
      contains_any = std::move(lits);
    }
  }
  for (const auto& lit : contains_any) {
    auto group = std::find_if(contains_by_first.begin(), contains_by_first.end(),
                              [&](const auto& g) { return g.first == lit[0]; });
    if (group == contains_by_first.end()) {
      contains_by_first.emplace_back(lit[0], std::vector<std::string>{});
      group = contains_by_first.end() - 1;
    }
    group->second.push_back(lit);
  }
}

Cleaner::Cleaner() = default;
Cleaner::~Cleaner() = default;
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;

size_t Cleaner::rule_count() const { return rules_.size(); }

Result<Cleaner> Cleaner::LoadDir(const std::string& dir) {
  auto files = ListJsonFiles(dir);
  if (!files.ok()) return files.status();
  Cleaner cleaner;
  for (const auto& f : *files) {
    Status s = cleaner.AddFile(f);
    if (!s.ok()) return s;
  }
  return cleaner;
}

Result<Cleaner> Cleaner::LoadFile(const std::string& path) {
  Cleaner cleaner;
  Status s = cleaner.AddFile(path);
  if (!s.ok()) return s;
  return cleaner;
}

Status Cleaner::AddFile(const std::string& path) {
  rapidjson::Document d;
  Status s = LoadJsonObject(path, &d);
  if (!s.ok()) return s;
  std::string file_lang;
  if (!OptString(d, "lang", &file_lang)) {
    return Status::InvalidArgument(path + ": \"lang\" must be a string");
  }
  auto it = d.FindMember("rules");
  if (it == d.MemberEnd() || !it->value.IsArray()) {
    return Status::InvalidArgument(path + ": missing \"rules\" list");
  }
  size_t index = 0;
  for (const auto& v : it->value.GetArray()) {
    auto rule = std::make_unique<Rule>();
    rule->file = path;
    rule->lang = file_lang;
    if (!v.IsObject()) return EntryError(path, "rule", index, "", "must be an object");
    if (!OptString(v, "name", &rule->name) || rule->name.empty()) {
      return EntryError(path, "rule", index, "", "missing \"name\"");
    }
    std::string action, match, flags;
    if (!OptString(v, "action", &action) || !OptString(v, "match", &match) ||
        !OptString(v, "pattern", &rule->pattern) || !OptString(v, "lang", &rule->lang) ||
        !OptString(v, "flags", &flags)) {
      return EntryError(path, "rule", index, rule->name, "fields must be strings");
    }
    if (action == "drop_line") {
      rule->action = Action::kDropLine;
    } else if (action == "drop_rest") {
      rule->action = Action::kDropRest;
    } else if (action == "strip_prefix") {
      rule->action = Action::kStripPrefix;
    } else if (action == "strip_suffix") {
      rule->action = Action::kStripSuffix;
    } else {
      return EntryError(
          path, "rule", index, rule->name,
          "unknown action \"" + action + "\" (drop_line|drop_rest|strip_prefix|strip_suffix)");
    }
    if (match == "prefix") {
      rule->match = Match::kPrefix;
    } else if (match == "suffix") {
      rule->match = Match::kSuffix;
    } else if (match == "equals") {
      rule->match = Match::kEquals;
    } else if (match == "contains") {
      rule->match = Match::kContains;
    } else if (match == "regex") {
      rule->match = Match::kRegex;
    } else {
      return EntryError(path, "rule", index, rule->name,
                        "unknown match \"" + match + "\" (prefix|suffix|equals|contains|regex)");
    }
    if (rule->pattern.empty())
      return EntryError(path, "rule", index, rule->name, "empty \"pattern\"");
    if (FindInvalidUtf8(rule->pattern) != std::string_view::npos) {
      return EntryError(path, "rule", index, rule->name, "pattern is not valid UTF-8");
    }
    if ((rule->action == Action::kStripPrefix &&
         !(rule->match == Match::kPrefix || rule->match == Match::kRegex)) ||
        (rule->action == Action::kStripSuffix &&
         !(rule->match == Match::kSuffix || rule->match == Match::kRegex))) {
      return EntryError(path, "rule", index, rule->name,
                        "strip_prefix needs match prefix|regex, strip_suffix needs suffix|regex");
    }
    auto mb = v.FindMember("max_bytes");
    if (mb != v.MemberEnd()) {
      if (!mb->value.IsUint() || mb->value.GetUint() == 0) {
        return EntryError(path, "rule", index, rule->name,
                          "\"max_bytes\" must be a positive integer");
      }
      rule->max_bytes = mb->value.GetUint();
    }
    std::string req_err = OptStringList(v, "requires", &rule->requires_any);
    if (!req_err.empty()) return EntryError(path, "rule", index, rule->name, req_err);
    if (!rule->requires_any.empty() && rule->match != Match::kRegex) {
      return EntryError(path, "rule", index, rule->name,
                        "\"requires\" only applies to regex rules");
    }
    if (rule->match == Match::kRegex) {
      uint32_t icu_flags = 0;
      for (char f : flags) {
        if (f == 'i') {
          icu_flags |= UREGEX_CASE_INSENSITIVE;
          rule->fold = true;
        } else {
          return EntryError(path, "rule", index, rule->name,
                            std::string("unknown regex flag '") + f + "' (i)");
        }
      }
      UErrorCode status = U_ZERO_ERROR;
      UParseError perr;
      rule->regex.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(rule->pattern),
                                                   icu_flags, perr, status));
      if (U_FAILURE(status)) {
        return EntryError(path, "rule", index, rule->name,
                          std::string("bad regex (") + u_errorName(status) + ") at offset " +
                              std::to_string(perr.offset));
      }
      rule->DerivePrefilters();
    } else if (!flags.empty()) {
      return EntryError(path, "rule", index, rule->name, "\"flags\" only apply to regex rules");
    }
    rules_.push_back(std::move(rule));
    ++index;
  }
  return Status::OK();
}

CleanResult Cleaner::Clean(std::string_view text, std::string_view lang) const {
  CleanResult result;
  // One matcher per regex rule for this call (matchers are not thread-safe).
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers(rules_.size());
  UText ut = UTEXT_INITIALIZER;

  // Finds the match of `rule` in line [s, e): returns false or sets the span.
  auto match = [&](size_t r, size_t s, size_t e, size_t* ms, size_t* me) -> bool {
    const Rule& rule = *rules_[r];
    if ((rule.action == Action::kDropLine || rule.action == Action::kDropRest) &&
        e - s > rule.max_bytes) {
      return false;
    }
    if (rule.action == Action::kStripSuffix && e - s > rule.max_bytes) {
      // Search only the tail, starting on a character boundary.
      s = e - rule.max_bytes;
      while (s < e && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) ++s;
    }
    std::string_view line = text.substr(s, e - s);
    const std::string& p = rule.pattern;
    switch (rule.match) {
      case Match::kPrefix:
        if (line.size() >= p.size() && line.compare(0, p.size(), p) == 0) {
          *ms = s;
          *me = s + p.size();
          return true;
        }
        return false;
      case Match::kSuffix:
        if (line.size() >= p.size() && line.compare(line.size() - p.size(), p.size(), p) == 0) {
          *ms = e - p.size();
          *me = e;
          return true;
        }
        return false;
      case Match::kEquals:
        if (line == p) {
          *ms = s;
          *me = e;
          return true;
        }
        return false;
      case Match::kContains: {
        size_t at = line.find(p);
        if (at == std::string_view::npos) return false;
        *ms = s + at;
        *me = s + at + p.size();
        return true;
      }
      case Match::kRegex: {
        if (!rule.requires_any.empty()) {
          bool any = false;
          for (const auto& lit : rule.requires_any) {
            if (line.find(lit) != std::string_view::npos) {
              any = true;
              break;
            }
          }
          if (!any) return false;
        }
        if (!rule.starts_any.empty()) {
          if (line.empty()) return false;  // every literal in starts_any is non-empty
          auto b = static_cast<unsigned char>(line[0]);
          if (!rule.starts_first[b] && !(rule.fold && b >= 0x80)) return false;
          bool any = false;
          for (const auto& lit : rule.starts_any) {
            if (MayStartWith(line, lit, rule.fold)) {
              any = true;
              break;
            }
          }
          if (!any) return false;
        }
        if (!rule.contains_by_first.empty()) {
          bool any = false;
          for (const auto& [first, lits] : rule.contains_by_first) {
            for (size_t at = line.find(first); at != std::string_view::npos && !any;
                 at = line.find(first, at + 1)) {
              for (const auto& lit : lits) {
                if (line.compare(at, lit.size(), lit) == 0) {
                  any = true;
                  break;
                }
              }
            }
            if (any) break;
          }
          if (!any) return false;
        }
        UErrorCode status = U_ZERO_ERROR;
        utext_openUTF8(&ut, line.data(), static_cast<int64_t>(line.size()), &status);
        if (!matchers[r]) {
          matchers[r].reset(rule.regex->matcher(status));
          if (U_FAILURE(status)) return false;
        }
        matchers[r]->reset(&ut);
        bool found = rule.action == Action::kStripPrefix ? matchers[r]->lookingAt(status)
                                                         : matchers[r]->find(status);
        if (U_FAILURE(status) || !found) return false;
        int64_t a = matchers[r]->start64(status), b = matchers[r]->end64(status);
        if (U_FAILURE(status)) return false;
        if (rule.action == Action::kStripSuffix && static_cast<size_t>(b) != line.size()) {
          return false;
        }
        *ms = s + static_cast<size_t>(a);
        *me = s + static_cast<size_t>(b);
        return true;
      }
    }
    return false;
  };

  size_t pos = 0;
  while (pos <= text.size() && !result.dropped_rest) {
    size_t nl = text.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    size_t s = pos, e = line_end;
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    TrimSpan(text, &s, &e);
    if (s == e) {  // blank line: a paragraph boundary
      if (!result.pieces.empty()) result.pieces.back().hard_end = true;
      continue;
    }
    bool dropped = false, cut_front = false, cut_back = false;
    for (size_t r = 0; r < rules_.size() && !dropped && s < e; ++r) {
      const Rule& rule = *rules_[r];
      if (!rule.lang.empty() && rule.lang != lang) continue;
      size_t ms = 0, me = 0;
      if (!match(r, s, e, &ms, &me)) continue;
      switch (rule.action) {
        case Action::kDropRest:
          result.dropped_rest = true;
          dropped = true;
          break;
        case Action::kDropLine:
          dropped = true;
          break;
        case Action::kStripPrefix:
          s = me;
          cut_front = true;
          TrimSpan(text, &s, &e);
          break;
        case Action::kStripSuffix:
          e = ms;
          cut_back = true;
          TrimSpan(text, &s, &e);
          break;
      }
    }
    if (dropped || s == e) {
      if (dropped) ++result.dropped_lines;
      if (!result.pieces.empty()) result.pieces.back().hard_end = true;
      continue;
    }
    if (cut_front && !result.pieces.empty()) result.pieces.back().hard_end = true;
    TextPiece piece;
    piece.start = s;
    piece.end = e;
    std::string_view kept = text.substr(s, e - s);
    piece.hard_end = cut_back || EndsWithTerminal(kept) || kept.size() < kMinRunOnLine;
    result.pieces.push_back(piece);
  }
  if (!result.pieces.empty()) result.pieces.back().hard_end = true;
  // Sentences run on across line ends only in hard-wrapped text: most long
  // lines end without punctuation. Agency copy with one paragraph per line
  // (and a headline above it) keeps every line end.
  size_t long_lines = 0, open_lines = 0;
  for (const auto& p : result.pieces) {
    if (p.end - p.start < kMinRunOnLine) continue;
    ++long_lines;
    if (!EndsWithTerminal(text.substr(p.start, p.end - p.start))) ++open_lines;
  }
  if (long_lines < 3 || open_lines * 2 < long_lines) {
    for (auto& p : result.pieces) p.hard_end = true;
  }
  utext_close(&ut);
  return result;
}

}  // namespace geokg::extract
