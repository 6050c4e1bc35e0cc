// The HTML report: one self-contained page with the Graphviz SVG inline,
// the graph and its evidence as embedded JSON, and a small script for the
// class filters, the time slider, name search and the evidence panel.

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common.h"
#include "html_template.h"

namespace geokg::export_internal {

namespace {

template <typename W>
void Str(W& w, std::string_view text) {
  const std::string clean = CleanText(text);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

template <typename W>
void Field(W& w, const char* key, std::string_view value) {
  w.Key(key);
  Str(w, value);
}

std::string DataJson(const ExportInput& input, const ExportOptions& options) {
  const GraphData& graph = input.graph;
  std::map<std::string_view, size_t> index;
  for (size_t i = 0; i < graph.nodes.size(); ++i) index[graph.nodes[i].id] = i;
  auto name_of = [&](const std::string& id) -> std::string {
    auto it = index.find(id);
    return it == index.end() ? id : DisplayName(graph.nodes[it->second]);
  };
  const auto matched = MatchEvidence(graph, input.evidence);
  std::set<std::string> dates;

  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  Field(w, "title", options.title);
  w.Key("classes");
  w.StartArray();
  for (const ClassInfo& c : Classes()) {
    w.StartObject();
    Field(w, "name", c.name);
    Field(w, "title", c.title);
    Field(w, "color", ClassColor(c.name));
    w.EndObject();
  }
  w.EndArray();
  w.Key("nodes");
  w.StartArray();
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const Entity& n = graph.nodes[i];
    w.StartObject();
    Field(w, "svg", "n" + std::to_string(i));
    Field(w, "id", n.id);
    Field(w, "name", DisplayName(n));
    Field(w, "kind", ToString(n.kind));
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : n.aliases) Str(w, a);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (size_t k = 0; k < graph.edges.size(); ++k) {
    const Edge& e = graph.edges[k];
    if (!index.count(e.subject) || !index.count(e.object)) continue;
    const std::string from = DayStart(EdgeStart(e));
    // Events stay visible after their date; lasting relations until they end.
    const std::string until = DayEnd(e.valid_to);
    if (!from.empty()) dates.insert(from);
    if (!until.empty()) dates.insert(until);
    w.StartObject();
    Field(w, "svg", "e" + std::to_string(k));
    w.Key("id");
    w.Int64(e.id);
    Field(w, "s", e.subject);
    Field(w, "t", e.object);
    Field(w, "sn", name_of(e.subject));
    Field(w, "tn", name_of(e.object));
    Field(w, "relation", e.relation);
    Field(w, "label", RelationLabel(e.relation, input.vocabulary, options.label_language));
    Field(w, "cls", QuadClass(e, input.vocabulary));
    Field(w, "cameo", e.cameo);
    Field(w, "status", e.status);
    Field(w, "start", EdgeStart(e));
    Field(w, "end", e.valid_to);
    Field(w, "first", e.first_seen);
    Field(w, "last", e.last_seen);
    Field(w, "from", from);
    Field(w, "until", until);
    w.Key("ev");
    w.Int64(e.evidence_count);
    w.Key("src");
    w.Int64(e.source_count);
    // Newest first, at most html_max_evidence_per_edge.
    std::vector<size_t> rows = matched[k];
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
      return input.evidence[a].date > input.evidence[b].date;
    });
    const size_t keep = std::min(rows.size(), options.html_max_evidence_per_edge);
    w.Key("evidence");
    w.StartArray();
    for (size_t i = 0; i < keep; ++i) {
      const EvidenceRow& r = input.evidence[rows[i]];
      w.StartObject();
      Field(w, "text", r.evidence.text);
      Field(w, "date", r.date);
      Field(w, "doc", r.doc.id);
      Field(w, "url", r.doc.url);
      Field(w, "title", r.doc.title);
      Field(w, "lang", r.doc.lang);
      Field(w, "modality", ToString(r.modality));
      Field(w, "speaker", r.speaker);
      w.EndObject();
    }
    w.EndArray();
    w.Key("more");
    w.Int64(static_cast<int64_t>(std::max<int64_t>(e.evidence_count, static_cast<int64_t>(rows.size())) -
                                 static_cast<int64_t>(keep)));
    w.EndObject();
  }
  w.EndArray();
  w.Key("dates");
  w.StartArray();
  for (const auto& d : dates) Str(w, d);
  w.EndArray();
  w.EndObject();

  // Inside <script>, "</script" or "<!--" in a string would end the block:
  // '<' only occurs inside JSON strings, where \u003c means the same.
  std::string json;
  json.reserve(buffer.GetSize() + 64);
  for (const char* p = buffer.GetString(); *p != '\0'; ++p) {
    if (*p == '<') {
      json += "\\u003c";
    } else {
      json += *p;
    }
  }
  return json;
}

}  // namespace

Result<std::string> RenderHtml(const ExportInput& input, const ExportOptions& options) {
  ExportOptions diagram = options;
  diagram.title.clear();  // the page has its own heading
  auto svg = RenderGraphviz(input, diagram, "svg");
  if (!svg.ok()) return svg.status();
  // Keep only the <svg> element: no XML declaration or DOCTYPE inside HTML.
  std::string_view svg_text = *svg;
  if (auto start = svg_text.find("<svg"); start != std::string_view::npos) {
    svg_text.remove_prefix(start);
  }
  const std::string title =
      XmlText(CleanText(options.title.empty() ? std::string("geokg") : options.title, true));
  const std::string json = DataJson(input, options);

  std::string_view tpl = kHtmlTemplate;
  std::string out;
  out.reserve(tpl.size() + svg_text.size() + json.size() + 256);
  // Fill the slots in template order; inserted text is never scanned again.
  while (!tpl.empty()) {
    const size_t at = tpl.find("@@");
    if (at == std::string_view::npos) {
      out += tpl;
      break;
    }
    out += tpl.substr(0, at);
    tpl.remove_prefix(at);
    if (tpl.rfind("@@TITLE@@", 0) == 0) {
      out += title;
      tpl.remove_prefix(9);
    } else if (tpl.rfind("@@DATA@@", 0) == 0) {
      out += json;
      tpl.remove_prefix(8);
    } else if (tpl.rfind("@@SVG@@", 0) == 0) {
      out += svg_text;
      tpl.remove_prefix(7);
    } else {
      out += "@@";
      tpl.remove_prefix(2);
    }
  }
  return out;
}

}  // namespace geokg::export_internal
