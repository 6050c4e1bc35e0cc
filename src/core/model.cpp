#include "geokg/model.h"

#include <array>
#include <cctype>
#include <utility>

namespace geokg {

namespace {

template <typename E, size_t N>
std::optional<E> Lookup(const std::array<std::pair<std::string_view, E>, N>& table,
                        std::string_view text) {
  for (const auto& [name, value] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view Name(const std::array<std::pair<std::string_view, E>, N>& table, E value) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<std::string_view, EntityKind>, 4> kKinds{{
    {"state", EntityKind::kState},
    {"breakaway", EntityKind::kBreakaway},
    {"organisation", EntityKind::kOrganisation},
    {"other", EntityKind::kOther},
}};
constexpr std::array<std::pair<std::string_view, Polarity>, 2> kPolarities{{
    {"positive", Polarity::kPositive},
    {"negative", Polarity::kNegative},
}};
constexpr std::array<std::pair<std::string_view, Modality>, 6> kModalities{{
    {"asserted", Modality::kAsserted},
    {"reported", Modality::kReported},
    {"future", Modality::kFuture},
    {"hypothetical", Modality::kHypothetical},
    {"intended", Modality::kIntended},
    {"demanded", Modality::kDemanded},
}};
constexpr std::array<std::pair<std::string_view, DatePrecision>, 4> kPrecisions{{
    {"day", DatePrecision::kDay},
    {"month", DatePrecision::kMonth},
    {"year", DatePrecision::kYear},
    {"unknown", DatePrecision::kUnknown},
}};

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::string_view ToString(EntityKind kind) { return Name(kKinds, kind); }
std::optional<EntityKind> ParseEntityKind(std::string_view text) {
  if (text == "organization") return EntityKind::kOrganisation;  // accept US spelling
  return Lookup(kKinds, text);
}
std::string_view ToString(Polarity p) { return Name(kPolarities, p); }
std::optional<Polarity> ParsePolarity(std::string_view text) { return Lookup(kPolarities, text); }
std::string_view ToString(Modality m) { return Name(kModalities, m); }
std::optional<Modality> ParseModality(std::string_view text) { return Lookup(kModalities, text); }
std::string_view ToString(DatePrecision p) { return Name(kPrecisions, p); }
std::optional<DatePrecision> ParseDatePrecision(std::string_view text) {
  return Lookup(kPrecisions, text);
}

std::optional<DatePrecision> CheckIsoDate(std::string_view text) {
  if (text.empty()) return DatePrecision::kUnknown;
  if (text.size() < 4 || !Digits(text.substr(0, 4))) return std::nullopt;
  if (text.size() == 4) return DatePrecision::kYear;
  if (text.size() < 7 || text[4] != '-' || !Digits(text.substr(5, 2))) return std::nullopt;
  int month = (text[5] - '0') * 10 + (text[6] - '0');
  if (month < 1 || month > 12) return std::nullopt;
  if (text.size() == 7) return DatePrecision::kMonth;
  if (text.size() != 10 || text[7] != '-' || !Digits(text.substr(8, 2))) return std::nullopt;
  int day = (text[8] - '0') * 10 + (text[9] - '0');
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day < 1 || day > kDays[month - 1]) return std::nullopt;
  return DatePrecision::kDay;
}

}  // namespace geokg
