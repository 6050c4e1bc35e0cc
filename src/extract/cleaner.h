#pragma once

// Cleaning: which parts of an article are text worth reading. Rules come
// from data/clean/*.json (docs/extractor.md): boilerplate lines are dropped
// (subscription prompts, cookie notices, bylines, liveblog "+++" teasers),
// a teaser-list header drops the rest of the article ("More Stories",
// "Mehr zum Thema"), prefixes and suffixes are cut (datelines such as
// "SEOUL (Reuters) -", trailing "Weiterlesen"). Nothing is copied: the
// result is a list of byte spans into the original text, so evidence
// offsets stay those of the original article. Thread-safe after loading.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/status.h"

namespace geokg::extract {

// A kept part of one line of the article.
struct TextPiece {
  size_t start = 0;      // byte offset in the article text
  size_t end = 0;        // one past the last byte
  bool hard_end = true;  // a sentence cannot continue into the next piece
};

struct CleanResult {
  std::vector<TextPiece> pieces;  // in text order
  int dropped_lines = 0;          // lines dropped by a rule (not blank lines)
  bool dropped_rest = false;      // a "drop_rest" rule cut the article short
};

class Cleaner {
 public:
  // Loads every *.json file of `dir`. Errors name the file and the rule.
  static Result<Cleaner> LoadDir(const std::string& dir);
  // Loads one file (for tests).
  static Result<Cleaner> LoadFile(const std::string& path);
  Cleaner();
  ~Cleaner();
  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;

  // Cleans `text` of language `lang` (rules with another "lang" are skipped).
  CleanResult Clean(std::string_view text, std::string_view lang) const;

  size_t rule_count() const;

  struct Rule;

 private:
  Status AddFile(const std::string& path);
  std::vector<std::unique_ptr<Rule>> rules_;
};

}  // namespace geokg::extract
