#include "common.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <map>
#include <tuple>

namespace geokg::export_internal {

namespace {

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Decodes one UTF-8 sequence at text[*i]; returns U+FFFD (and skips one
// byte) for anything malformed: overlongs, surrogates, values > U+10FFFF.
char32_t DecodeOne(std::string_view text, size_t* i) {
  const auto b0 = static_cast<unsigned char>(text[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  int len = 0;
  char32_t c = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    ++*i;
    return 0xFFFD;
  }
  if (*i + len > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++*i;
    return 0xFFFD;
  }
  *i += len;
  return c;
}

}  // namespace

std::string CleanText(std::string_view text, bool one_line) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    // Fast path for printable ASCII.
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    const char32_t c = DecodeOne(text, &i);
    if (c == '\t' || c == '\n' || c == '\r') {
      out.push_back(one_line ? ' ' : static_cast<char>(c));
    } else if (c < 0x20 || c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
      continue;  // illegal in XML 1.0 (DEL is legal but invisible: dropped too)
    } else {
      AppendUtf8(&out, c);
    }
  }
  return out;
}

std::string XmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string XmlAttr(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      // Attribute-value normalisation would turn these into spaces.
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

NodeStyle StyleFor(EntityKind kind) {
  switch (kind) {
    case EntityKind::kState: return {"box", "#dbe9f6", "#2c5d8f", "rounded,filled"};
    case EntityKind::kBreakaway: return {"hexagon", "#fde3c0", "#b35f12", "filled"};
    case EntityKind::kOrganisation: return {"ellipse", "#e0f0d8", "#3f7a2e", "filled"};
    case EntityKind::kOther: break;
  }
  return {"ellipse", "#eeeeee", "#777777", "filled"};
}

const std::vector<ClassInfo>& Classes() {
  static const std::vector<ClassInfo> kClasses = {
      {"verbal_cooperation", "verbal cooperation"},
      {"material_cooperation", "material cooperation"},
      {"verbal_conflict", "verbal conflict"},
      {"material_conflict", "material conflict"},
      {"unknown", "other"},
  };
  return kClasses;
}

std::string_view QuadClass(const Edge& edge, const RelationVocabulary* vocab) {
  if (vocab != nullptr) {
    if (const RelationType* t = vocab->Find(edge.relation); t != nullptr && !t->quad_class.empty()) {
      return t->quad_class;
    }
  }
  return "unknown";
}

const char* ClassColor(std::string_view quad_class) {
  // Cooperation blue/green, conflict orange/red: readable for the common
  // colour-vision deficiencies because verbal/material also differ in lightness.
  if (quad_class == "verbal_cooperation") return "#3a7dc9";
  if (quad_class == "material_cooperation") return "#17914a";
  if (quad_class == "verbal_conflict") return "#e08214";
  if (quad_class == "material_conflict") return "#c62828";
  return "#808080";
}

std::string RelationLabel(std::string_view relation, const RelationVocabulary* vocab,
                          std::string_view lang) {
  if (vocab != nullptr) {
    if (const RelationType* t = vocab->Find(relation); t != nullptr) {
      if (lang == "de" && !t->label_de.empty()) return t->label_de;
      if (!t->label_en.empty()) return t->label_en;
    }
  }
  std::string label(relation);
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

const std::string& EdgeStart(const Edge& edge) {
  return edge.valid_from.empty() ? edge.first_seen : edge.valid_from;
}

std::string EdgeEnd(const Edge& edge) {
  if (!edge.valid_to.empty()) return edge.valid_to;
  if (edge.status == "event") return edge.last_seen;
  return "";
}

std::string DayStart(std::string_view date) {
  if (date.size() == 4) return std::string(date) + "-01-01";
  if (date.size() == 7) return std::string(date) + "-01";
  return std::string(date);
}

std::string DayEnd(std::string_view date) {
  if (date.size() == 4) return std::string(date) + "-12-31";
  if (date.size() == 7) {
    const int year = std::atoi(std::string(date.substr(0, 4)).c_str());
    const int month = std::atoi(std::string(date.substr(5, 2)).c_str());
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int days = (month >= 1 && month <= 12) ? kDays[month - 1] : 31;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && leap) days = 29;
    char buf[8];
    std::snprintf(buf, sizeof buf, "-%02d", days);
    return std::string(date) + buf;
  }
  return std::string(date);
}

double PenWidth(int64_t evidence_count) {
  if (evidence_count <= 1) return 1.0;
  return std::min(8.0, 1.0 + std::log2(static_cast<double>(evidence_count)));
}

std::vector<std::vector<size_t>> MatchEvidence(const GraphData& graph,
                                               const std::vector<EvidenceRow>& evidence) {
  using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
  std::map<Key, std::vector<size_t>> by_key;
  for (size_t e = 0; e < graph.edges.size(); ++e) {
    const Edge& edge = graph.edges[e];
    by_key[Key{edge.subject, edge.relation, edge.object}].push_back(e);
    if (edge.symmetric && edge.subject != edge.object) {
      by_key[Key{edge.object, edge.relation, edge.subject}].push_back(e);
    }
  }
  std::vector<std::vector<size_t>> out(graph.edges.size());
  for (size_t r = 0; r < evidence.size(); ++r) {
    const EvidenceRow& row = evidence[r];
    auto it = by_key.find(Key{row.subject, row.relation, row.object});
    if (it == by_key.end()) continue;
    size_t chosen = it->second.front();
    for (size_t e : it->second) {
      const Edge& edge = graph.edges[e];
      if (!row.date.empty() && edge.first_seen <= row.date &&
          (edge.last_seen.empty() || row.date.substr(0, edge.last_seen.size()) <= edge.last_seen)) {
        chosen = e;
        break;
      }
    }
    out[chosen].push_back(r);
  }
  return out;
}

Status WriteFileBytes(const std::string& path, std::string_view data) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    return Status::IOError("cannot write " + path + ": " + std::strerror(errno));
  }
  const size_t written = data.empty() ? 0 : std::fwrite(data.data(), 1, data.size(), f);
  const int write_errno = errno;
  const bool closed = std::fclose(f) == 0;
  if (written != data.size() || !closed) {
    return Status::IOError("cannot write " + path + ": " +
                           std::strerror(written != data.size() ? write_errno : errno));
  }
  return Status::OK();
}

const std::string& DisplayName(const Entity& node) {
  return node.name.empty() ? node.id : node.name;
}

}  // namespace geokg::export_internal
