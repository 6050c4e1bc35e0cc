#pragma once

// Language identification by stopword counts: the share of the first words
// of a text that are stopwords of each language with a segmentation file
// (data/segment/<lang>.json, "stopwords"). Thread-safe after construction.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "segmenter.h"

namespace geokg::extract {

struct LangIdOptions {
  // Bytes of the text looked at. Default: 4096.
  size_t sample_bytes = 4096;
  // Minimum share of stopword hits among the words for a decision. Default: 0.06.
  double min_share = 0.06;
  // Minimum stopword hits for a decision (short headlines have one). Default: 1.
  int min_hits = 1;
};

class LanguageIdentifier {
 public:
  explicit LanguageIdentifier(const Segmenter& segmenter, LangIdOptions options = {});

  // "de", "en", ... or "" if no language is clearly indicated.
  std::string Detect(std::string_view text) const;

 private:
  std::vector<std::pair<std::string, const SegmentRules*>> langs_;
  LangIdOptions options_;
};

}  // namespace geokg::extract
