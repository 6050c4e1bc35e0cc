// Interchange formats: GraphML, GEXF 1.3, Cytoscape.js JSON, CSV and JSON
// Lines of the evidence. XML is written by hand with one escaper (common.cpp)
// applied to every attribute value and text node; all text first goes
// through CleanText so that no output carries bytes illegal in XML 1.0 or
// invalid UTF-8.

#include <charconv>
#include <cstdio>
#include <map>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common.h"
#include "geokg/triple.h"

namespace geokg::export_internal {

namespace {

std::string Double(double v) {
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return "0";
  return std::string(buf, ptr);
}

std::string JoinAliases(const Entity& n) {
  std::string out;
  for (size_t i = 0; i < n.aliases.size(); ++i) {
    if (i) out += " | ";
    out += n.aliases[i];
  }
  return out;
}

std::string EdgeKey(size_t index) { return "e" + std::to_string(index); }

// One attribute column of the GraphML / GEXF files.
struct Column {
  const char* name;
  const char* graphml_type;  // string, int, long, double, boolean
  const char* gexf_type;     // string, integer, long, double, boolean
};

const Column kNodeColumns[] = {
    {"label", "string", "string"},
    {"name", "string", "string"},
    {"kind", "string", "string"},
    {"aliases", "string", "string"},
};

const Column kEdgeColumns[] = {
    {"edge_id", "long", "long"},          {"relation", "string", "string"},
    {"label", "string", "string"},        {"quad_class", "string", "string"},
    {"first_seen", "string", "string"},   {"last_seen", "string", "string"},
    {"valid_from", "string", "string"},   {"valid_to", "string", "string"},
    {"status", "string", "string"},       {"evidence_count", "long", "long"},
    {"source_count", "long", "long"},     {"confidence", "double", "double"},
    {"cameo", "string", "string"},        {"plover", "string", "string"},
    {"goldstein", "double", "double"},    {"symmetric", "boolean", "boolean"},
    {"weight", "double", "double"},
};

std::vector<std::string> NodeValues(const Entity& n) {
  return {DisplayName(n), n.name, std::string(ToString(n.kind)), JoinAliases(n)};
}

std::vector<std::string> EdgeValues(const Edge& e, const ExportInput& input,
                                    const ExportOptions& options) {
  return {std::to_string(e.id),
          e.relation,
          RelationLabel(e.relation, input.vocabulary, options.label_language),
          std::string(QuadClass(e, input.vocabulary)),
          e.first_seen,
          e.last_seen,
          e.valid_from,
          e.valid_to,
          e.status,
          std::to_string(e.evidence_count),
          std::to_string(e.source_count),
          Double(e.confidence),
          e.cameo,
          e.plover,
          Double(e.goldstein),
          e.symmetric ? "true" : "false",
          Double(static_cast<double>(e.evidence_count))};
}

void RgbOf(const char* hex, int* r, int* g, int* b) {
  unsigned rr = 0, gg = 0, bb = 0;
  std::sscanf(hex, "#%02x%02x%02x", &rr, &gg, &bb);
  *r = static_cast<int>(rr), *g = static_cast<int>(gg), *b = static_cast<int>(bb);
}

// Writes a cleaned string value through a RapidJSON writer.
template <typename W>
void Str(W& w, std::string_view text) {
  const std::string clean = CleanText(text);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

std::string CsvField(std::string_view text) {
  const std::string clean = CleanText(text);
  if (clean.find_first_of(",\"\r\n") == std::string::npos) return clean;
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += CsvField(fields[i]);
  }
  line += "\r\n";
  return line;
}

}  // namespace

Result<std::string> RenderGraphml(const ExportInput& input, const ExportOptions& options) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Column& c : kNodeColumns) {
    x += std::string("  <key id=\"n_") + c.name + "\" for=\"node\" attr.name=\"" + c.name +
         "\" attr.type=\"" + c.graphml_type + "\"/>\n";
  }
  for (const Column& c : kEdgeColumns) {
    x += std::string("  <key id=\"e_") + c.name + "\" for=\"edge\" attr.name=\"" + c.name +
         "\" attr.type=\"" + c.graphml_type + "\"/>\n";
  }
  x += "  <graph id=\"geokg\" edgedefault=\"directed\">\n";
  if (!options.title.empty()) {
    x += "    <desc>" + XmlText(CleanText(options.title)) + "</desc>\n";
  }
  for (const Entity& n : input.graph.nodes) {
    x += "    <node id=\"" + XmlAttr(CleanText(n.id)) + "\">\n";
    const auto values = NodeValues(n);
    for (size_t i = 0; i < values.size(); ++i) {
      x += std::string("      <data key=\"n_") + kNodeColumns[i].name + "\">" +
           XmlText(CleanText(values[i])) + "</data>\n";
    }
    x += "    </node>\n";
  }
  for (size_t k = 0; k < input.graph.edges.size(); ++k) {
    const Edge& e = input.graph.edges[k];
    x += "    <edge id=\"" + EdgeKey(k) + "\" source=\"" + XmlAttr(CleanText(e.subject)) +
         "\" target=\"" + XmlAttr(CleanText(e.object)) + "\">\n";
    const auto values = EdgeValues(e, input, options);
    for (size_t i = 0; i < values.size(); ++i) {
      if (values[i].empty()) continue;  // GraphML: a missing <data> is the "no value"
      x += std::string("      <data key=\"e_") + kEdgeColumns[i].name + "\">" +
           XmlText(CleanText(values[i])) + "</data>\n";
    }
    x += "    </edge>\n";
  }
  x += "  </graph>\n</graphml>\n";
  return x;
}

Result<std::string> RenderGexf(const ExportInput& input, const ExportOptions& options) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
      "version=\"1.3\">\n"
      "  <meta>\n    <creator>geokg</creator>\n";
  if (!options.title.empty()) {
    x += "    <description>" + XmlText(CleanText(options.title)) + "</description>\n";
  }
  x += "  </meta>\n"
       "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
       "    <attributes class=\"node\" mode=\"static\">\n";
  // The node label carries the name; kind and aliases are attributes.
  for (size_t i = 2; i < std::size(kNodeColumns); ++i) {
    x += std::string("      <attribute id=\"") + kNodeColumns[i].name + "\" title=\"" +
         kNodeColumns[i].name + "\" type=\"" + kNodeColumns[i].gexf_type + "\"/>\n";
  }
  x += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  for (const Column& c : kEdgeColumns) {
    if (std::string_view(c.name) == "weight" || std::string_view(c.name) == "label") continue;
    x += std::string("      <attribute id=\"") + c.name + "\" title=\"" + c.name +
         "\" type=\"" + c.gexf_type + "\"/>\n";
  }
  x += "    </attributes>\n    <nodes>\n";
  for (const Entity& n : input.graph.nodes) {
    x += "      <node id=\"" + XmlAttr(CleanText(n.id)) + "\" label=\"" +
         XmlAttr(CleanText(DisplayName(n))) + "\">\n        <attvalues>\n";
    const auto values = NodeValues(n);
    for (size_t i = 2; i < values.size(); ++i) {
      if (values[i].empty()) continue;
      x += std::string("          <attvalue for=\"") + kNodeColumns[i].name + "\" value=\"" +
           XmlAttr(CleanText(values[i])) + "\"/>\n";
    }
    int r = 0, g = 0, b = 0;
    RgbOf(StyleFor(n.kind).fill, &r, &g, &b);
    x += "        </attvalues>\n        <viz:color r=\"" + std::to_string(r) + "\" g=\"" +
         std::to_string(g) + "\" b=\"" + std::to_string(b) + "\"/>\n      </node>\n";
  }
  x += "    </nodes>\n    <edges>\n";
  for (size_t k = 0; k < input.graph.edges.size(); ++k) {
    const Edge& e = input.graph.edges[k];
    const auto values = EdgeValues(e, input, options);
    x += "      <edge id=\"" + EdgeKey(k) + "\" source=\"" + XmlAttr(CleanText(e.subject)) +
         "\" target=\"" + XmlAttr(CleanText(e.object)) + "\" label=\"" +
         XmlAttr(CleanText(values[2])) + "\" kind=\"" + XmlAttr(CleanText(e.relation)) +
         "\" weight=\"" + Double(static_cast<double>(std::max<int64_t>(e.evidence_count, 1))) +
         "\">\n        <attvalues>\n";
    for (size_t i = 0; i < values.size(); ++i) {
      const std::string_view name = kEdgeColumns[i].name;
      if (values[i].empty() || name == "weight" || name == "label") continue;
      x += std::string("          <attvalue for=\"") + kEdgeColumns[i].name + "\" value=\"" +
           XmlAttr(CleanText(values[i])) + "\"/>\n";
    }
    x += "        </attvalues>\n";
    // Validity interval as a spell: lasting relations from valid_from to
    // valid_to (open while they hold), events over their first..last seen.
    const std::string start = DayStart(EdgeStart(e));
    const std::string end = DayEnd(EdgeEnd(e));
    if (!start.empty() || !end.empty()) {
      x += "        <spells>\n          <spell";
      if (!start.empty()) x += " start=\"" + XmlAttr(CleanText(start)) + "\"";
      if (!end.empty()) x += " end=\"" + XmlAttr(CleanText(end)) + "\"";
      x += "/>\n        </spells>\n";
    }
    int r = 0, g = 0, b = 0;
    RgbOf(ClassColor(values[3]), &r, &g, &b);
    x += "        <viz:color r=\"" + std::to_string(r) + "\" g=\"" + std::to_string(g) +
         "\" b=\"" + std::to_string(b) + "\"/>\n        <viz:thickness value=\"" +
         Double(PenWidth(e.evidence_count)) + "\"/>\n      </edge>\n";
  }
  x += "    </edges>\n  </graph>\n</gexf>\n";
  return x;
}

Result<std::string> RenderCytoscape(const ExportInput& input, const ExportOptions& options) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 1);
  w.StartObject();
  w.Key("format_version");
  w.String("1.0");
  w.Key("generated_by");
  w.String("geokg");
  w.Key("target_cytoscapejs_version");
  w.String("~3");
  w.Key("data");
  w.StartObject();
  w.Key("name");
  Str(w, options.title.empty() ? std::string("geokg") : options.title);
  w.EndObject();
  w.Key("elements");
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (const Entity& n : input.graph.nodes) {
    const NodeStyle s = StyleFor(n.kind);
    w.StartObject();
    w.Key("data");
    w.StartObject();
    w.Key("id");
    Str(w, n.id);
    w.Key("name");
    Str(w, DisplayName(n));
    w.Key("kind");
    Str(w, ToString(n.kind));
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : n.aliases) Str(w, a);
    w.EndArray();
    w.Key("color");
    w.String(s.fill);
    w.Key("border_color");
    w.String(s.border);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (size_t k = 0; k < input.graph.edges.size(); ++k) {
    const Edge& e = input.graph.edges[k];
    const std::string_view cls = QuadClass(e, input.vocabulary);
    w.StartObject();
    w.Key("data");
    w.StartObject();
    w.Key("id");
    Str(w, EdgeKey(k));
    w.Key("edge_id");
    w.Int64(e.id);
    w.Key("source");
    Str(w, e.subject);
    w.Key("target");
    Str(w, e.object);
    w.Key("relation");
    Str(w, e.relation);
    w.Key("interaction");  // Cytoscape desktop's name for the edge type
    Str(w, e.relation);
    w.Key("label");
    Str(w, RelationLabel(e.relation, input.vocabulary, options.label_language));
    w.Key("quad_class");
    Str(w, cls);
    w.Key("color");
    w.String(ClassColor(cls));
    w.Key("first_seen");
    Str(w, e.first_seen);
    w.Key("last_seen");
    Str(w, e.last_seen);
    w.Key("valid_from");
    Str(w, e.valid_from);
    w.Key("valid_to");
    Str(w, e.valid_to);
    w.Key("status");
    Str(w, e.status);
    w.Key("evidence_count");
    w.Int64(e.evidence_count);
    w.Key("source_count");
    w.Int64(e.source_count);
    w.Key("confidence");
    w.Double(e.confidence);
    w.Key("cameo");
    Str(w, e.cameo);
    w.Key("plover");
    Str(w, e.plover);
    w.Key("goldstein");
    w.Double(e.goldstein);
    w.Key("symmetric");
    w.Bool(e.symmetric);
    w.Key("width");
    w.Double(PenWidth(e.evidence_count));
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  std::string out(buffer.GetString(), buffer.GetSize());
  out += '\n';
  return out;
}

Result<std::string> RenderEvidence(const ExportInput& input, const ExportOptions& options) {
  (void)options;
  std::map<std::string_view, const Entity*> nodes;
  for (const Entity& n : input.graph.nodes) nodes[n.id] = &n;
  auto ref = [&](const std::string& id) {
    EntityRef r;
    r.id = CleanText(id, true);
    if (auto it = nodes.find(id); it != nodes.end()) {
      r.name = CleanText(it->second->name);
      r.kind = it->second->kind;
    }
    return r;
  };
  const auto matched = MatchEvidence(input.graph, input.evidence);
  std::vector<long long> edge_of(input.evidence.size(), -1);
  std::vector<size_t> order;
  for (size_t e = 0; e < matched.size(); ++e) {
    for (size_t r : matched[e]) {
      edge_of[r] = static_cast<long long>(e);
      order.push_back(r);
    }
  }
  for (size_t r = 0; r < input.evidence.size(); ++r) {
    if (edge_of[r] < 0) order.push_back(r);
  }
  std::string out;
  for (size_t r : order) {
    const EvidenceRow& row = input.evidence[r];
    // The triple contract (triple.h), so `geokg load` reads these lines back.
    Triple t;
    t.doc = row.doc;
    for (std::string* s : {&t.doc.id, &t.doc.url, &t.doc.title, &t.doc.date, &t.doc.lang,
                           &t.doc.hash}) {
      *s = CleanText(*s);
    }
    t.sentence = row.sentence;
    t.subject = ref(row.subject);
    t.relation = CleanText(row.relation);
    t.object = ref(row.object);
    t.polarity = row.polarity;
    t.modality = row.modality;
    t.date = CleanText(row.date);
    t.date_precision = row.date_precision;
    t.confidence = row.confidence;
    t.evidence = row.evidence;
    t.evidence.text = CleanText(row.evidence.text);
    t.speaker = CleanText(row.speaker);
    t.extractor = CleanText(row.extractor);
    const Edge* edge = edge_of[r] >= 0 ? &input.graph.edges[static_cast<size_t>(edge_of[r])]
                                       : nullptr;
    if (edge != nullptr) {
      t.cameo = CleanText(edge->cameo);
      t.plover = CleanText(edge->plover);
    }
    rapidjson::Document doc;
    doc.Parse(TripleToJson(t));
    if (doc.HasParseError() || !doc.IsObject()) {
      return Status::Corruption("evidence row of document " + t.doc.id +
                                " does not serialise as JSON");
    }
    auto& alloc = doc.GetAllocator();
    if (edge != nullptr) {
      doc.AddMember("edge", rapidjson::Value(EdgeKey(static_cast<size_t>(edge_of[r])), alloc),
                    alloc);
      doc.AddMember("edge_id", rapidjson::Value(static_cast<int64_t>(edge->id)), alloc);
    } else {
      doc.AddMember("edge", rapidjson::Value(rapidjson::kNullType), alloc);
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    doc.Accept(writer);
    out.append(buffer.GetString(), buffer.GetSize());
    out += '\n';
  }
  return out;
}

std::string RenderNodesCsv(const ExportInput& input) {
  std::string out = CsvLine({"id", "name", "kind", "aliases"});
  for (const Entity& n : input.graph.nodes) {
    out += CsvLine({n.id, DisplayName(n), std::string(ToString(n.kind)), JoinAliases(n)});
  }
  return out;
}

std::string RenderEdgesCsv(const ExportInput& input, const ExportOptions& options) {
  std::vector<std::string> header = {"id", "source", "target"};
  for (const Column& c : kEdgeColumns) header.push_back(c.name);
  std::string out = CsvLine(header);
  for (size_t k = 0; k < input.graph.edges.size(); ++k) {
    const Edge& e = input.graph.edges[k];
    std::vector<std::string> fields = {EdgeKey(k), e.subject, e.object};
    for (auto& v : EdgeValues(e, input, options)) fields.push_back(std::move(v));
    out += CsvLine(fields);
  }
  return out;
}

}  // namespace geokg::export_internal
