#pragma once

// Helpers shared by the exporters: text cleaning and escaping, the styling
// vocabulary (colours by relation class, shapes by entity kind), dates, the
// evidence-to-edge matching and file output. Private to src/export.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/export.h"

namespace geokg::export_internal {

// `text` as valid UTF-8 without the characters XML 1.0 forbids: invalid
// byte sequences become U+FFFD, C0 controls other than tab, LF and CR and
// U+FFFE/U+FFFF are dropped. With `one_line`, tab, LF and CR become spaces.
std::string CleanText(std::string_view text, bool one_line = false);

// XML escaping of cleaned text: & < > in text; & < > " ' in attributes.
std::string XmlText(std::string_view text);
std::string XmlAttr(std::string_view text);

// Style of an entity kind.
struct NodeStyle {
  const char* shape;      // Graphviz shape
  const char* fill;       // fill colour "#rrggbb"
  const char* border;     // border colour
  const char* style;      // Graphviz style
};
NodeStyle StyleFor(EntityKind kind);

// The relation class of an edge: the vocabulary's quad_class, or "unknown".
std::string_view QuadClass(const Edge& edge, const RelationVocabulary* vocab);
// Colour of a relation class.
const char* ClassColor(std::string_view quad_class);
// The classes in legend order, with display names.
struct ClassInfo {
  const char* name;   // "verbal_cooperation"
  const char* title;  // "verbal cooperation"
};
const std::vector<ClassInfo>& Classes();

// The relation's diagram label in `lang` ("en", "de"), or its name.
std::string RelationLabel(std::string_view relation, const RelationVocabulary* vocab,
                          std::string_view lang);

// Start of an edge's interval: valid_from, else first_seen.
const std::string& EdgeStart(const Edge& edge);
// End of an edge's interval: valid_to if set, else last_seen for one-off
// events, else "" (still holds).
std::string EdgeEnd(const Edge& edge);
// An ISO date of any precision widened to a full day: the first day
// ("2022-07" -> "2022-07-01") or the last ("2022-07" -> "2022-07-31").
// "" stays "".
std::string DayStart(std::string_view date);
std::string DayEnd(std::string_view date);

// Pen width for an evidence count: 1 + log2(count), at most 8.
double PenWidth(int64_t evidence_count);

// For each edge, the indices of the evidence rows behind it (subject,
// relation, object equal, or swapped for a symmetric edge; among several
// intervals of the same triple the one whose first..last seen holds the
// row's date, else the first). Rows that match no edge are left out.
std::vector<std::vector<size_t>> MatchEvidence(const GraphData& graph,
                                               const std::vector<EvidenceRow>& evidence);

// Writes `data` to `path` (truncating). IOError names the path and errno text.
Status WriteFileBytes(const std::string& path, std::string_view data);

// A node's display name: its name, else its id.
const std::string& DisplayName(const Entity& node);

// The Graphviz renderings (graphviz.cpp). `format` is "dot" (no layout,
// cgraph's agwrite), or a gvc output format: "svg", "pdf", "png".
Result<std::string> RenderGraphviz(const ExportInput& input, const ExportOptions& options,
                                   std::string_view format);

// Per-format renderers (interchange.cpp, html.cpp).
Result<std::string> RenderGraphml(const ExportInput& input, const ExportOptions& options);
Result<std::string> RenderGexf(const ExportInput& input, const ExportOptions& options);
Result<std::string> RenderCytoscape(const ExportInput& input, const ExportOptions& options);
Result<std::string> RenderEvidence(const ExportInput& input, const ExportOptions& options);
std::string RenderNodesCsv(const ExportInput& input);
std::string RenderEdgesCsv(const ExportInput& input, const ExportOptions& options);
Result<std::string> RenderHtml(const ExportInput& input, const ExportOptions& options);

}  // namespace geokg::export_internal
