#pragma once

// Sentence and word segmentation with ICU break iterators, corrected by
// data-driven rules from data/segment/<lang>.json: abbreviations that never
// end a sentence ("Dr.", "z.", "u.", "Nr."), abbreviations that end one
// only before a typical sentence starter ("U.S.", "Jan."), initials, and
// "number + . + month name" ("am 13. Juli"). The same files carry the
// stopwords of the language identifier. Offsets are UTF-8 byte offsets
// into the article text. Thread-safe after loading; each thread passes its
// own Scratch.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/status.h"

#include "cleaner.h"

namespace geokg::extract {

struct ByteSpan {
  size_t start = 0;
  size_t end = 0;
};

struct WordToken {
  size_t start = 0;  // byte offsets into the text given to Words()
  size_t end = 0;
  bool word = false;    // letters (a word)
  bool number = false;  // digits
};

// The segmentation data of one language.
struct SegmentRules {
  std::string lang;
  std::set<std::string, std::less<>> no_break;                 // "Dr.", "z.", "bzw."
  std::set<std::string, std::less<>> no_break_unless_starter;  // "U.S.", "Jan."
  std::set<std::string, std::less<>> sentence_starters;        // "The", "Der"
  std::set<std::string, std::less<>> month_words;              // lower case, from data/dates
  std::set<std::string, std::less<>> stopwords;                // lower case
  bool single_letter_initials = true;                          // "J. Smith", "z. B."
};

class Segmenter {
 public:
  // Loads data/segment/*.json; `month_words` (lang -> lower-case month
  // names and abbreviations) feed the "13. Juli" rule. Errors name the file
  // and entry.
  static Result<Segmenter> LoadDir(
      const std::string& dir, const std::map<std::string, std::vector<std::string>>& month_words);
  Segmenter();
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  // Per-thread ICU state (break iterator clones and a buffer).
  class Scratch {
   public:
    Scratch();
    ~Scratch();
    struct State;
    std::unique_ptr<State> state;
  };
  std::unique_ptr<Scratch> NewScratch() const;

  // Languages with a segmentation file.
  std::vector<std::string> languages() const;
  const SegmentRules* rules(std::string_view lang) const;

  // Sentences of the cleaned pieces of `text` (trimmed, never empty, never
  // crossing a piece with hard_end). Requires a loaded `lang`.
  std::vector<ByteSpan> Sentences(std::string_view text, const std::vector<TextPiece>& pieces,
                                  std::string_view lang, Scratch* scratch) const;

  // Non-space tokens of `text` by ICU word boundaries.
  std::vector<WordToken> Words(std::string_view text, Scratch* scratch) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg::extract
