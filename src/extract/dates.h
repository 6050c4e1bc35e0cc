#pragma once

// Date expressions: explicit ("am 24. Februar", "24 February 2022",
// "February 24, 2022", "im Juli", "2019", "2022-02-24", "24.02.2022") and
// relative ones ("am Montag", "on Monday", "gestern", "yesterday", "last
// week", "vergangene Woche"), resolved against the article date with a
// precision (day, month, year). The words live in data/dates/<lang>.json.
// A day or month without a year that would lie after the article date is
// taken from the year before. Thread-safe after loading.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/extract.h"
#include "geokg/status.h"

#include "segmenter.h"

namespace geokg::extract {

class DateFinder {
 public:
  // Loads data/dates/*.json; errors name the file and entry.
  static Result<DateFinder> LoadDir(const std::string& dir);
  DateFinder();
  ~DateFinder();
  DateFinder(DateFinder&&) noexcept;
  DateFinder& operator=(DateFinder&&) noexcept;

  // lang -> month names and abbreviations (for the segmenter's rule).
  std::map<std::string, std::vector<std::string>> MonthWords() const;

  // Date expressions among `tokens` (Segmenter::Words of `text`), resolved
  // against `article_date` (ISO; "" or imprecise: relative expressions stay
  // unresolved and are left out). Spans are byte offsets into `text`.
  std::vector<ResolvedDate> Find(std::string_view text, const std::vector<WordToken>& tokens,
                                 std::string_view lang, std::string_view article_date) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg::extract
