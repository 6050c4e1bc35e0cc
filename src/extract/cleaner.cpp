#include "cleaner.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

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
};

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
