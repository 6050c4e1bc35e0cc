#pragma once

// The export module: writes a selection of the graph (GraphData, with its
// evidence rows and the relation vocabulary) as a diagram (DOT, SVG, PDF,
// PNG, a self-contained HTML report) or as an interchange file (GraphML,
// GEXF 1.3, Cytoscape.js JSON, CSV, JSON Lines of the evidence).
// Formats are chosen by name through one factory, NewExporter("svg").
// docs/export.md describes every format, the styling and the layout rules.
//
// Diagrams are laid out and rendered by Graphviz inside this process (cgraph
// builds the graph, gvc lays it out and renders it); no `dot` binary is run.
// A layout runs in a forked child with a time budget
// (ExportOptions::layout_timeout_seconds); a layout that exceeds it is killed
// and replaced by the cheaper sfdp layout, with a notice through
// ExportOptions::on_warning.
//
// Thread-safety: exporters hold no state and may be shared, but Graphviz is
// not thread-safe: calls that lay out or render (dot, svg, pdf, png, html)
// are serialised by a process-wide lock. The process keeps one Graphviz
// context for its whole life (created on first use, freed at exit).

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/model.h"
#include "geokg/ontology.h"
#include "geokg/status.h"
#include "geokg/store.h"

namespace geokg {

struct ExportOptions {
  // Diagram title (graph label, HTML page title, GEXF description).
  // Default: "" (no title in diagrams; "geokg" as the HTML page title).
  std::string title;
  // Graphviz layout engine: "dot", "neato", "fdp", "sfdp", "circo", "twopi".
  // Default: "" (automatic, see ChooseLayout: dot for paths and small sparse
  // graphs, neato for mid-sized or dense ones, sfdp for large maps).
  std::string layout;
  // Automatic choice: dot for graphs with at most this many nodes... Default: 40.
  size_t dot_max_nodes = 40;
  // ...and at most this many edges (dot places edge labels without overlap,
  // but tangles bigger multigraphs). Default: 80.
  size_t dot_max_edges = 80;
  // Automatic choice: neato (stress majorisation) up to this many nodes...
  // Default: 150.
  size_t neato_max_nodes = 150;
  // ...and this many edges; larger graphs get sfdp. Default: 600.
  size_t neato_max_edges = 600;
  // Wall-clock budget for one layout + render, in seconds. A dot (or other)
  // layout that exceeds it is killed and redone with sfdp (whose budget is
  // this, at least 30 s); an sfdp layout over its budget is an error.
  // 0 = no budget: lay out in this process without forking. Default: 60.
  double layout_timeout_seconds = 60.0;
  // dot: network-simplex iteration bound factor (Graphviz nslimit/nslimit1).
  // Default: 2.
  double dot_nslimit = 2.0;
  // dot: crossing-minimisation iteration factor (Graphviz mclimit). Default: 0.5.
  double dot_mclimit = 0.5;
  // sfdp / neato / fdp: at most this many iterations (Graphviz maxiter). Default: 600.
  int force_maxiter = 600;
  // Draw the legend (node kinds, edge classes, line styles). Default: true.
  bool legend = true;
  // Language of relation labels: "en" or "de". Default: "en".
  std::string label_language = "en";
  // Draw edge labels (relation and first date) when the selection has at
  // most this many edges; larger maps only get tooltips. 0 = never. Default: 80.
  size_t edge_labels_max_edges = 80;
  // HTML report: at most this many evidence rows per edge are embedded
  // (newest first). Default: 50.
  size_t html_max_evidence_per_edge = 50;
  // Receives notices meant for the user (layout fallbacks, missing
  // renderers). Default: empty (notices are dropped).
  std::function<void(const std::string& message)> on_warning;
};

// What an exporter writes. The exporter reads it only during the call.
struct ExportInput {
  GraphData graph;  // the selection: nodes and edges (every edge end is in nodes)
  // Evidence rows behind graph.edges, for the "evidence" and "html" formats
  // (matched to edges by subject, relation, object and date). May be empty.
  std::vector<EvidenceRow> evidence;
  // Relation labels and classes (quad_class). Not owned; may be nullptr:
  // then labels are the relation names and the class is "unknown".
  const RelationVocabulary* vocabulary = nullptr;
};

class Exporter {
 public:
  virtual ~Exporter() = default;

  // The format name given to NewExporter ("svg").
  virtual std::string_view format() const = 0;
  // The usual file name extension with its dot (".svg"; ".csv" for csv).
  virtual std::string_view extension() const = 0;

  // Writes the export to `path` and returns the files written. Single-file
  // formats write exactly `path`. "csv" writes two files: for a directory
  // (an existing one, or a path ending in '/') DIR/nodes.csv and
  // DIR/edges.csv, else STEM.nodes.csv and STEM.edges.csv where STEM is
  // `path` without a ".csv" extension. Parent directories are not created.
  // Fails with IOError naming the file if it cannot be written, with
  // Unsupported naming the Debian package if a Graphviz renderer is
  // missing, with IOError if no layout finished within the time budget.
  virtual Result<std::vector<std::string>> Write(const ExportInput& input,
                                                 const ExportOptions& options,
                                                 const std::string& path) const = 0;

  // Renders a single-file format into memory (the bytes Write would write).
  // Unsupported for "csv" (two files). Other errors as for Write.
  virtual Result<std::string> Render(const ExportInput& input,
                                     const ExportOptions& options) const = 0;
};

// The exporter for `format` (case-sensitive): "dot", "svg", "pdf", "png",
// "graphml", "gexf", "cytoscape", "csv", "evidence", "html". An unknown
// format fails with InvalidArgument listing the known ones.
Result<std::unique_ptr<Exporter>> NewExporter(std::string_view format);

// The format names NewExporter knows, in the order above.
const std::vector<std::string>& ExportFormats();

// The layout engine an export of a graph of this size uses: options.layout
// if set; else "dot" within options.dot_max_nodes and dot_max_edges
// (paths, small ego graphs); else "neato" within
// neato_max_nodes and neato_max_edges; else "sfdp" (large maps).
std::string ChooseLayout(size_t nodes, size_t edges, const ExportOptions& options);

// The `n` strongest edges of `graph` (most evidence first; ties: more
// sources, then lower id) with their end nodes, nodes in their original
// order. n == 0 keeps everything.
GraphData TopEdges(const GraphData& graph, size_t n);

}  // namespace geokg
