#include "dates.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <set>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "data_json.h"
#include "text_util.h"

namespace geokg::extract {

using namespace util;  // NOLINT(google-build-using-namespace): private helpers

namespace {

namespace chr = std::chrono;

enum class Unit { kDay, kWeek, kMonth, kYear };

struct Relative {
  std::vector<std::string> words;  // lower case
  Unit unit = Unit::kDay;
  int offset = 0;
  DatePrecision precision = DatePrecision::kDay;
};

struct DateLexicon {
  std::map<std::string, int, std::less<>> months;     // lower-case name -> 1..12
  std::set<std::string, std::less<>> ambiguous;       // lower case: "may", "march"
  std::set<std::string, std::less<>> month_context;   // lower case: "in", "im", "since"
  std::map<std::string, int, std::less<>> weekdays;   // lower case -> 1 (Monday) .. 7
  std::set<std::string, std::less<>> future_markers;  // "next", "kommenden"
  std::set<std::string, std::less<>> past_markers;    // "last", "vergangenen"
  std::vector<Relative> relatives;                    // longest first
  // Indices into `relatives` by first word, in the same order: most tokens
  // start none.
  std::unordered_map<std::string, std::vector<size_t>> relatives_by_first;
  std::vector<std::string> month_words;  // as written, for the segmenter
};

bool IsUpperInitial(std::string_view s) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9' || v > 100000) return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

std::string Iso(int y, int m = 0, int d = 0) {
  char buf[40];
  if (d > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  } else if (m > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", y);
  }
  return buf;
}

struct ArticleDate {
  int y = 0, m = 0, d = 0;  // 0 = unknown part
};

ArticleDate ParseArticleDate(std::string_view iso) {
  ArticleDate a;
  if (iso.size() >= 4) a.y = ToInt(iso.substr(0, 4));
  if (iso.size() >= 7 && iso[4] == '-') a.m = ToInt(iso.substr(5, 2));
  if (iso.size() >= 10 && iso[7] == '-') a.d = ToInt(iso.substr(8, 2));
  if (a.y <= 0) return {};
  if (a.m < 1 || a.m > 12) a.m = a.d = 0;
  if (a.d < 1 || a.d > 31) a.d = 0;
  return a;
}

bool ValidDay(int y, int m, int d) {
  return chr::year_month_day(chr::year(y), chr::month(static_cast<unsigned>(m)),
                             chr::day(static_cast<unsigned>(d)))
      .ok();
}

std::string FromSysDays(chr::sys_days days, DatePrecision precision) {
  chr::year_month_day ymd(days);
  int y = static_cast<int>(ymd.year());
  int m = static_cast<int>(static_cast<unsigned>(ymd.month()));
  int d = static_cast<int>(static_cast<unsigned>(ymd.day()));
  switch (precision) {
    case DatePrecision::kDay:
      return Iso(y, m, d);
    case DatePrecision::kMonth:
      return Iso(y, m);
    case DatePrecision::kYear:
      return Iso(y);
    case DatePrecision::kUnknown:
      break;
  }
  return "";
}

}  // namespace

struct DateFinder::Impl {
  std::map<std::string, DateLexicon, std::less<>> lexicons;
};

DateFinder::DateFinder() : impl_(std::make_unique<Impl>()) {}
DateFinder::~DateFinder() = default;
DateFinder::DateFinder(DateFinder&&) noexcept = default;
DateFinder& DateFinder::operator=(DateFinder&&) noexcept = default;

namespace {

// Reads [[names of item 1], [names of item 2], ...] into lower-case -> 1-based index.
std::string LoadNameLists(const rapidjson::Value& d, const char* key, size_t expected,
                          std::map<std::string, int, std::less<>>* out,
                          std::vector<std::string>* raw) {
  auto it = d.FindMember(key);
  if (it == d.MemberEnd() || !it->value.IsArray() || it->value.Size() != expected) {
    return std::string("\"") + key + "\" must be a list of " + std::to_string(expected) +
           " lists of names";
  }
  int index = 0;
  for (const auto& names : it->value.GetArray()) {
    ++index;
    if (!names.IsArray() || names.Empty()) {
      return std::string("\"") + key + "\" #" + std::to_string(index) +
             " must be a non-empty list of names";
    }
    for (const auto& n : names.GetArray()) {
      if (!n.IsString() || n.GetStringLength() == 0) {
        return std::string("\"") + key + "\" #" + std::to_string(index) +
               " must hold non-empty strings";
      }
      std::string name(n.GetString(), n.GetStringLength());
      if (raw) raw->push_back(name);
      std::string lower = ToLowerUtf8(name);
      if (!lower.empty() && lower.back() == '.') lower.pop_back();
      auto [pos, fresh] = out->emplace(lower, index);
      if (!fresh && pos->second != index) {
        return std::string("\"") + key + "\": \"" + name + "\" names two different items";
      }
    }
  }
  return "";
}

std::string LoadLowerSet(const rapidjson::Value& d, const char* key,
                         std::set<std::string, std::less<>>* out) {
  std::vector<std::string> list;
  std::string err = OptStringList(d, key, &list);
  for (auto& s : list) out->insert(ToLowerUtf8(s));
  return err;
}

}  // namespace

Result<DateFinder> DateFinder::LoadDir(const std::string& dir) {
  auto files = ListJsonFiles(dir);
  if (!files.ok()) return files.status();
  DateFinder finder;
  for (const auto& path : *files) {
    rapidjson::Document d;
    Status s = LoadJsonObject(path, &d);
    if (!s.ok()) return s;
    std::string lang;
    if (!OptString(d, "lang", &lang) || lang.size() != 2) {
      return Status::InvalidArgument(path + ": \"lang\" must be a two-letter language code");
    }
    if (finder.impl_->lexicons.count(lang)) {
      return Status::InvalidArgument(path + ": language \"" + lang + "\" defined twice");
    }
    DateLexicon lex;
    std::string err = LoadNameLists(d, "months", 12, &lex.months, &lex.month_words);
    if (err.empty()) err = LoadNameLists(d, "weekdays", 7, &lex.weekdays, nullptr);
    if (err.empty()) err = LoadLowerSet(d, "ambiguous_months", &lex.ambiguous);
    if (err.empty()) err = LoadLowerSet(d, "month_context", &lex.month_context);
    if (err.empty()) err = LoadLowerSet(d, "future_markers", &lex.future_markers);
    if (err.empty()) err = LoadLowerSet(d, "past_markers", &lex.past_markers);
    if (!err.empty()) return Status::InvalidArgument(path + ": " + err);
    for (const auto& a : lex.ambiguous) {
      if (!lex.months.count(a)) {
        return Status::InvalidArgument(path + ": ambiguous month \"" + a +
                                       "\" is not a month name");
      }
    }
    auto rel = d.FindMember("relative");
    if (rel != d.MemberEnd()) {
      if (!rel->value.IsArray())
        return Status::InvalidArgument(path + ": \"relative\" must be a list");
      size_t index = 0;
      for (const auto& v : rel->value.GetArray()) {
        Relative r;
        if (!v.IsObject()) return EntryError(path, "relative", index, "", "must be an object");
        std::vector<std::string> words;
        std::string e = OptStringList(v, "words", &words);
        if (!e.empty() || words.empty()) {
          return EntryError(path, "relative", index, "", "needs \"words\": a non-empty list");
        }
        std::string label;
        for (auto& w : words) {
          label += (label.empty() ? "" : " ") + w;
          r.words.push_back(ToLowerUtf8(w));
        }
        std::string unit, precision;
        if (!OptString(v, "unit", &unit) || !OptString(v, "precision", &precision)) {
          return EntryError(path, "relative", index, label,
                            "\"unit\"/\"precision\" must be strings");
        }
        if (unit == "day") {
          r.unit = Unit::kDay;
        } else if (unit == "week") {
          r.unit = Unit::kWeek;
        } else if (unit == "month") {
          r.unit = Unit::kMonth;
        } else if (unit == "year") {
          r.unit = Unit::kYear;
        } else {
          return EntryError(path, "relative", index, label,
                            "unknown unit \"" + unit + "\" (day|week|month|year)");
        }
        auto p = ParseDatePrecision(precision);
        if (!p || *p == DatePrecision::kUnknown) {
          return EntryError(path, "relative", index, label,
                            "unknown precision \"" + precision + "\" (day|month|year)");
        }
        r.precision = *p;
        auto off = v.FindMember("offset");
        if (off == v.MemberEnd() || !off->value.IsInt()) {
          return EntryError(path, "relative", index, label, "needs an integer \"offset\"");
        }
        r.offset = off->value.GetInt();
        lex.relatives.push_back(std::move(r));
        ++index;
      }
      std::stable_sort(
          lex.relatives.begin(), lex.relatives.end(),
          [](const Relative& a, const Relative& b) { return a.words.size() > b.words.size(); });
      for (size_t k = 0; k < lex.relatives.size(); ++k) {
        lex.relatives_by_first[lex.relatives[k].words[0]].push_back(k);
      }
    }
    finder.impl_->lexicons[lang] = std::move(lex);
  }
  return finder;
}

std::map<std::string, std::vector<std::string>> DateFinder::MonthWords() const {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [lang, lex] : impl_->lexicons) {
    for (const auto& w : lex.month_words) {
      std::string s = w;
      if (!s.empty() && s.back() == '.') s.pop_back();
      out[lang].push_back(s);
    }
  }
  return out;
}

std::vector<ResolvedDate> DateFinder::Find(std::string_view text,
                                           const std::vector<WordToken>& tokens,
                                           std::string_view lang,
                                           std::string_view article_date) const {
  std::vector<ResolvedDate> out;
  auto lex_it = impl_->lexicons.find(lang);
  if (lex_it == impl_->lexicons.end()) return out;
  const DateLexicon& lex = lex_it->second;
  const ArticleDate art = ParseArticleDate(article_date);
  const size_t n = tokens.size();
  std::vector<std::string> lower(n);
  auto tok = [&](size_t i) {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  };
  auto low = [&](size_t i) -> const std::string& {
    if (lower[i].empty()) lower[i] = ToLowerUtf8(tok(i));
    return lower[i];
  };
  auto is = [&](size_t i, std::string_view s) { return i < n && tok(i) == s; };
  auto month_at = [&](size_t i) -> int {
    if (i >= n || !tokens[i].word || !IsUpperInitial(tok(i))) return 0;
    auto it = lex.months.find(low(i));
    return it == lex.months.end() ? 0 : it->second;
  };
  auto year_at = [&](size_t i) -> int {
    if (i >= n || !tokens[i].number || tokens[i].end - tokens[i].start != 4) return 0;
    int y = ToInt(tok(i));
    return (y >= 1800 && y <= 2199) ? y : 0;
  };
  auto day_at = [&](size_t i) -> int {
    if (i >= n || !tokens[i].number) return 0;
    std::string_view t = tok(i);
    if (t.size() > 2) return 0;
    int d = ToInt(t);
    return (d >= 1 && d <= 31) ? d : 0;
  };
  // The year of a day/month without one: the article's, or the one before
  // if that would put it after the article date.
  auto infer_year = [&](int m, int d) -> int {
    if (art.y == 0) return 0;
    if (art.m == 0) return art.y;
    if (m > art.m || (m == art.m && d > 0 && art.d > 0 && d > art.d)) return art.y - 1;
    return art.y;
  };
  auto emit = [&](size_t first, size_t last, std::string date, DatePrecision p) {
    if (date.empty()) return;
    out.push_back({static_cast<int64_t>(tokens[first].start),
                   static_cast<int64_t>(tokens[last].end), std::move(date), p});
  };

  for (size_t i = 0; i < n;) {
    // ISO 2022-02-24 (ICU splits it into number - number - number).
    if (year_at(i) && is(i + 1, "-") && i + 4 < n && is(i + 3, "-") && tokens[i + 2].number &&
        tokens[i + 4].number) {
      int y = year_at(i), m = ToInt(tok(i + 2)), d = ToInt(tok(i + 4));
      if (m >= 1 && m <= 12 && d >= 1 && ValidDay(y, m, d)) {
        emit(i, i + 4, Iso(y, m, d), DatePrecision::kDay);
        i += 5;
        continue;
      }
    }
    // 24.02.2022 (one ICU number token).
    if (tokens[i].number) {
      std::string_view t = tok(i);
      if (t.size() >= 8 && t.size() <= 10) {
        int d = 0, m = 0, y = 0;
        size_t p1 = t.find('.'), p2 = t.rfind('.');
        if (p1 != std::string_view::npos && p2 != p1) {
          d = ToInt(t.substr(0, p1));
          m = ToInt(t.substr(p1 + 1, p2 - p1 - 1));
          y = ToInt(t.substr(p2 + 1));
          if (y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && ValidDay(y, m, d)) {
            emit(i, i, Iso(y, m, d), DatePrecision::kDay);
            ++i;
            continue;
          }
        }
      }
    }
    // 24. Februar [2022] / 24 February [2022]
    if (int d = day_at(i)) {
      size_t j = i + 1;
      if (is(j, ".")) ++j;
      if (int m = month_at(j)) {
        size_t last = j;
        if (is(j + 1, ".")) ++j;
        int y = year_at(j + 1);
        if (y) {
          last = j + 1;
        } else {
          y = infer_year(m, d);
        }
        if (y && ValidDay(y, m, d)) emit(i, last, Iso(y, m, d), DatePrecision::kDay);
        i = last + 1;
        continue;
      }
    }
    if (int m = month_at(i)) {
      size_t j = i;
      if (is(j + 1, ".")) ++j;
      // February 24[,] [2022]
      if (int d = day_at(j + 1)) {
        size_t last = j + 1;
        size_t k = last + 1;
        if (is(k, ",")) ++k;
        int y = year_at(k);
        if (y) {
          last = k;
        } else {
          y = infer_year(m, d);
        }
        if (y && ValidDay(y, m, d)) emit(i, last, Iso(y, m, d), DatePrecision::kDay);
        i = last + 1;
        continue;
      }
      // July 2022 / Juli 2022
      if (int y = year_at(j + 1)) {
        emit(i, j + 1, Iso(y, m), DatePrecision::kMonth);
        i = j + 2;
        continue;
      }
      // im Juli / in July; "May"/"March" need a preposition before them.
      bool ok = !lex.ambiguous.count(low(i)) || (i > 0 && lex.month_context.count(low(i - 1)));
      if (ok) {
        int y = infer_year(m, 0);
        if (y) emit(i, j, Iso(y, m), DatePrecision::kMonth);
        i = j + 1;
        continue;
      }
    }
    if (int y = year_at(i)) {
      bool joined = (i > 0 && tokens[i - 1].end == tokens[i].start && !tokens[i - 1].word &&
                     !tokens[i - 1].number) ||
                    (i + 1 < n && tokens[i + 1].start == tokens[i].end && is(i + 1, "-"));
      if (!joined) emit(i, i, Iso(y), DatePrecision::kYear);
      ++i;
      continue;
    }
    // Weekdays: the latest such day on or before the article date, unless
    // marked as coming ("next Monday") or past ("last Monday").
    if (tokens[i].word && IsUpperInitial(tok(i))) {
      auto w = lex.weekdays.find(low(i));
      if (w != lex.weekdays.end()) {
        if (art.d > 0) {
          chr::sys_days a =
              chr::year_month_day(chr::year(art.y), chr::month(static_cast<unsigned>(art.m)),
                                  chr::day(static_cast<unsigned>(art.d)));
          int today = static_cast<int>(chr::weekday(a).iso_encoding());
          int back = (today - w->second + 7) % 7;
          bool future = i > 0 && lex.future_markers.count(low(i - 1));
          bool past = i > 0 && lex.past_markers.count(low(i - 1));
          size_t first = (future || past) ? i - 1 : i;
          chr::sys_days when = a - chr::days(back);
          if (future) when = a + chr::days(back == 0 ? 7 : 7 - back);
          if (past && back == 0) when = a - chr::days(7);
          emit(first, i, FromSysDays(when, DatePrecision::kDay), DatePrecision::kDay);
        }
        ++i;
        continue;
      }
    }
    // Relative expressions from the data file, longest first.
    bool matched = false;
    auto candidates = lex.relatives_by_first.find(low(i));
    static const std::vector<size_t> kNoRelatives;
    for (size_t ri :
         candidates == lex.relatives_by_first.end() ? kNoRelatives : candidates->second) {
      const Relative& r = lex.relatives[ri];
      if (i + r.words.size() > n) continue;
      bool all = true;
      for (size_t k = 0; k < r.words.size() && all; ++k) all = low(i + k) == r.words[k];
      if (!all) continue;
      matched = true;
      size_t last = i + r.words.size() - 1;
      if (art.y > 0 && art.m > 0 && art.d > 0) {
        chr::year_month_day a(chr::year(art.y), chr::month(static_cast<unsigned>(art.m)),
                              chr::day(static_cast<unsigned>(art.d)));
        chr::sys_days when = a;
        switch (r.unit) {
          case Unit::kDay:
            when = chr::sys_days(a) + chr::days(r.offset);
            break;
          case Unit::kWeek:
            when = chr::sys_days(a) + chr::days(7 * r.offset);
            break;
          case Unit::kMonth: {
            auto ym = chr::year_month(a.year(), a.month()) + chr::months(r.offset);
            when = chr::sys_days(ym / chr::day(1));
            break;
          }
          case Unit::kYear:
            when = chr::sys_days(
                chr::year_month_day(a.year() + chr::years(r.offset), chr::January, chr::day(1)));
            break;
        }
        emit(i, last, FromSysDays(when, r.precision), r.precision);
      }
      i = last + 1;
      break;
    }
    if (!matched) ++i;
  }
  return out;
}

}  // namespace geokg::extract
