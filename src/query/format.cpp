// Output formats for query results, chosen by name (udpipe style).

#include <charconv>
#include <functional>
#include <memory>
#include <string>

#include "geokg/query.h"

namespace geokg {

namespace {

std::string FloatText(double f) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, f);
  std::string s(buf, ec == std::errc() ? p : buf);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // 3 -> 3.0 (n: nan, inf)
  return s;
}

std::string Arrow(const QueryValue& rel, const std::string& from_id) {
  const Edge& e = *rel.edge;
  std::string label = "[:" + e.relation + "]";
  if (e.symmetric) return "-" + label + "-";
  if (e.subject == from_id) return "-" + label + "->";
  return "<-" + label + "-";
}

size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string Json(const QueryValue& v);

std::string NodeJson(const Entity& n) {
  std::string s = "{\"id\":" + JsonString(n.id) + ",\"name\":" + JsonString(n.name) +
                  ",\"kind\":" + JsonString(std::string(ToString(n.kind)));
  if (!n.aliases.empty()) {
    s += ",\"aliases\":[";
    for (size_t i = 0; i < n.aliases.size(); ++i) s += (i ? "," : "") + JsonString(n.aliases[i]);
    s += "]";
  }
  return s + "}";
}

std::string EdgeJson(const Edge& e) {
  std::string s = "{\"id\":" + std::to_string(e.id) + ",\"type\":" + JsonString(e.relation) +
                  ",\"subject\":" + JsonString(e.subject) + ",\"object\":" + JsonString(e.object);
  auto date = [&](const char* key, const std::string& v) {
    s += std::string(",\"") + key + "\":" + (v.empty() ? "null" : JsonString(v));
  };
  date("first_seen", e.first_seen);
  date("last_seen", e.last_seen);
  date("valid_from", e.valid_from);
  date("valid_to", e.valid_to);
  s += ",\"evidence_count\":" + std::to_string(e.evidence_count);
  s += ",\"source_count\":" + std::to_string(e.source_count);
  s += ",\"confidence\":" + FloatText(e.confidence);
  s += ",\"status\":" + JsonString(e.status);
  s += ",\"cameo\":" + JsonString(e.cameo);
  s += ",\"plover\":" + JsonString(e.plover);
  s += ",\"goldstein\":" + FloatText(e.goldstein);
  s += std::string(",\"symmetric\":") + (e.symmetric ? "true" : "false");
  return s + "}";
}

std::string Json(const QueryValue& v) {
  using T = QueryValue::Type;
  switch (v.type) {
    case T::kNull:
      return "null";
    case T::kBool:
      return v.bool_value ? "true" : "false";
    case T::kInt:
      return std::to_string(v.int_value);
    case T::kFloat:
      return FloatText(v.float_value);
    case T::kString:
    case T::kDate:
      return JsonString(v.text);
    case T::kList: {
      std::string s = "[";
      for (size_t i = 0; i < v.items.size(); ++i) s += (i ? "," : "") + Json(v.items[i]);
      return s + "]";
    }
    case T::kNode:
      return NodeJson(*v.node);
    case T::kRelationship:
      return EdgeJson(*v.edge);
    case T::kPath: {
      std::string nodes, rels;
      for (size_t i = 0; i < v.items.size(); ++i) {
        std::string& target = i % 2 == 0 ? nodes : rels;
        if (!target.empty()) target += ",";
        target += Json(v.items[i]);
      }
      return "{\"nodes\":[" + nodes + "],\"relationships\":[" + rels + "]}";
    }
  }
  return "null";
}

std::string CsvField(const std::string& s, char sep) {
  if (s.find_first_of(std::string("\"\r\n") + sep) == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// TSV fields cannot hold tabs or newlines; they become spaces.
std::string TsvField(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

void WriteTable(const QueryResult& r, std::ostream& out) {
  std::vector<size_t> width(r.columns.size());
  std::vector<std::vector<std::string>> cells;
  for (size_t c = 0; c < r.columns.size(); ++c) width[c] = Width(r.columns[c]);
  for (const auto& row : r.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < row.size(); ++c) {
      line.push_back(TsvField(QueryValueToText(row[c])));
      width[c] = std::max(width[c], Width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto print = [&](const std::vector<std::string>& line) {
    std::string s;
    for (size_t c = 0; c < line.size(); ++c) {
      if (c) s += " | ";
      s += line[c];
      if (c + 1 < line.size()) s += std::string(width[c] - Width(line[c]), ' ');
    }
    out << s << "\n";
  };
  print(r.columns);
  std::string rule;
  for (size_t c = 0; c < width.size(); ++c) {
    if (c) rule += "-+-";
    rule += std::string(width[c], '-');
  }
  out << rule << "\n";
  for (const auto& line : cells) print(line);
  out << "(" << r.rows.size() << (r.rows.size() == 1 ? " row)" : " rows)") << "\n";
}

void WriteJson(const QueryResult& r, std::ostream& out) {
  out << "[";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    out << (i ? ",\n " : "\n ") << "{";
    for (size_t c = 0; c < r.columns.size(); ++c) {
      out << (c ? "," : "") << JsonString(r.columns[c]) << ":" << Json(r.rows[i][c]);
    }
    out << "}";
  }
  out << (r.rows.empty() ? "]\n" : "\n]\n");
}

void WriteSeparated(const QueryResult& r, std::ostream& out, char sep) {
  auto field = [&](const std::string& s) { return sep == '\t' ? TsvField(s) : CsvField(s, sep); };
  for (size_t c = 0; c < r.columns.size(); ++c)
    out << (c ? std::string(1, sep) : "") << field(r.columns[c]);
  out << "\n";
  for (const auto& row : r.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      std::string text;
      // CSV keeps nodes and relationships short: the entity id / the relation.
      if (sep == ',' && row[c].type == QueryValue::Type::kNode) {
        text = row[c].node->id;
      } else if (sep == ',' && row[c].type == QueryValue::Type::kRelationship) {
        text = row[c].edge->relation;
      } else if (sep == ',' && row[c].type == QueryValue::Type::kNull) {
        text = "";
      } else {
        text = QueryValueToText(row[c]);
      }
      out << (c ? std::string(1, sep) : "") << field(text);
    }
    out << "\n";
  }
}

}  // namespace

std::string QueryValueToText(const QueryValue& v) {
  using T = QueryValue::Type;
  switch (v.type) {
    case T::kNull:
      return "null";
    case T::kBool:
      return v.bool_value ? "true" : "false";
    case T::kInt:
      return std::to_string(v.int_value);
    case T::kFloat:
      return FloatText(v.float_value);
    case T::kString:
    case T::kDate:
      return v.text;
    case T::kList: {
      std::string s = "[";
      for (size_t i = 0; i < v.items.size(); ++i)
        s += (i ? ", " : "") + QueryValueToText(v.items[i]);
      return s + "]";
    }
    case T::kNode:
      return v.node->name + " (" + v.node->id + ")";
    case T::kRelationship:
      return "[:" + v.edge->relation + "]";
    case T::kPath: {
      std::string s;
      std::string prev;
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i % 2 == 0) {
          prev = v.items[i].node->id;
          s += "(" + prev + ")";
        } else {
          s += Arrow(v.items[i], prev);
        }
      }
      return s;
    }
  }
  return "";
}

Status WriteQueryResult(const QueryResult& result, std::string_view format, std::ostream& out) {
  using Writer = std::function<void(const QueryResult&, std::ostream&)>;
  static const std::pair<std::string_view, Writer> kFormats[] = {
      {"table", WriteTable},
      {"json", WriteJson},
      {"csv", [](const QueryResult& r, std::ostream& o) { WriteSeparated(r, o, ','); }},
      {"tsv", [](const QueryResult& r, std::ostream& o) { WriteSeparated(r, o, '\t'); }},
  };
  for (const auto& [name, writer] : kFormats) {
    if (name == format) {
      writer(result, out);
      return Status::OK();
    }
  }
  return Status::InvalidArgument("unknown output format \"" + std::string(format) +
                                 "\" (table, json, csv, tsv)");
}

}  // namespace geokg
