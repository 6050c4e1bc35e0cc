#include "langid.h"

#include "text_util.h"

namespace geokg::extract {

using namespace util;  // NOLINT(google-build-using-namespace): private helpers

LanguageIdentifier::LanguageIdentifier(const Segmenter& segmenter, LangIdOptions options)
    : options_(options) {
  for (const auto& lang : segmenter.languages()) langs_.emplace_back(lang, segmenter.rules(lang));
}

std::string LanguageIdentifier::Detect(std::string_view text) const {
  size_t limit = std::min(text.size(), options_.sample_bytes);
  // Do not cut a word (or a UTF-8 sequence) in two.
  while (limit < text.size() && !IsSpace(text[limit])) ++limit;
  std::vector<int> hits(langs_.size(), 0);
  int words = 0;
  std::string word;
  size_t i = 0;
  auto flush = [&]() {
    if (word.empty()) return;
    ++words;
    // A word that is a stopword of several languages ("an", "in") tells nothing.
    size_t only = langs_.size();
    int in_langs = 0;
    for (size_t k = 0; k < langs_.size(); ++k) {
      if (langs_[k].second->stopwords.count(word)) {
        only = k;
        ++in_langs;
      }
    }
    if (in_langs == 1) ++hits[only];
    word.clear();
  };
  while (i < limit) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || c >= 0x80 || c == '\'') {
      word.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      flush();
    }
    ++i;
  }
  flush();
  int best = -1, second = 0;
  for (size_t k = 0; k < hits.size(); ++k) {
    if (best < 0 || hits[k] > hits[static_cast<size_t>(best)]) {
      if (best >= 0) second = hits[static_cast<size_t>(best)];
      best = static_cast<int>(k);
    } else if (hits[k] > second) {
      second = hits[k];
    }
  }
  if (best < 0 || words == 0) return "";
  int h = hits[static_cast<size_t>(best)];
  if (h < options_.min_hits || h <= second) return "";
  if (static_cast<double>(h) < options_.min_share * words) return "";
  return langs_[static_cast<size_t>(best)].first;
}

}  // namespace geokg::extract
