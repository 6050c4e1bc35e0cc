// The format factory (udpipe's output_format::new_output_format style): one
// Exporter subclass per kind of output, chosen by name.

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "common.h"
#include "geokg/export.h"

namespace geokg {

namespace {

using export_internal::WriteFileBytes;

using RenderFn = std::function<Result<std::string>(const ExportInput&, const ExportOptions&)>;

// Formats that are one file.
class SingleFileExporter final : public Exporter {
 public:
  SingleFileExporter(std::string format, std::string extension, RenderFn render)
      : format_(std::move(format)), extension_(std::move(extension)), render_(std::move(render)) {}

  std::string_view format() const override { return format_; }
  std::string_view extension() const override { return extension_; }

  Result<std::string> Render(const ExportInput& input,
                             const ExportOptions& options) const override {
    return render_(input, options);
  }

  Result<std::vector<std::string>> Write(const ExportInput& input, const ExportOptions& options,
                                         const std::string& path) const override {
    auto data = render_(input, options);
    if (!data.ok()) return data.status();
    if (Status s = WriteFileBytes(path, *data); !s.ok()) return s;
    return std::vector<std::string>{path};
  }

 private:
  std::string format_;
  std::string extension_;
  RenderFn render_;
};

// Nodes and edges as two RFC 4180 files.
class CsvExporter final : public Exporter {
 public:
  std::string_view format() const override { return "csv"; }
  std::string_view extension() const override { return ".csv"; }

  Result<std::string> Render(const ExportInput&, const ExportOptions&) const override {
    return Status::Unsupported(
        "csv writes two files (nodes and edges); give an output path instead of '-'");
  }

  Result<std::vector<std::string>> Write(const ExportInput& input, const ExportOptions& options,
                                         const std::string& path) const override {
    namespace fs = std::filesystem;
    std::string nodes_path, edges_path;
    std::error_code ec;
    if (!path.empty() && (path.back() == '/' || fs::is_directory(path, ec))) {
      const fs::path dir(path);
      nodes_path = (dir / "nodes.csv").string();
      edges_path = (dir / "edges.csv").string();
    } else {
      std::string stem = path;
      if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".csv") == 0) {
        stem.resize(stem.size() - 4);
      }
      nodes_path = stem + ".nodes.csv";
      edges_path = stem + ".edges.csv";
    }
    if (Status s = WriteFileBytes(nodes_path, export_internal::RenderNodesCsv(input)); !s.ok()) {
      return s;
    }
    if (Status s = WriteFileBytes(edges_path, export_internal::RenderEdgesCsv(input, options));
        !s.ok()) {
      return s;
    }
    return std::vector<std::string>{nodes_path, edges_path};
  }
};

RenderFn Graphviz(std::string format) {
  return [format](const ExportInput& input, const ExportOptions& options) {
    return export_internal::RenderGraphviz(input, options, format);
  };
}

}  // namespace

const std::vector<std::string>& ExportFormats() {
  static const std::vector<std::string> kFormats = {
      "dot", "svg", "pdf", "png", "graphml", "gexf", "cytoscape", "csv", "evidence", "html"};
  return kFormats;
}

Result<std::unique_ptr<Exporter>> NewExporter(std::string_view format) {
  using namespace export_internal;
  std::unique_ptr<Exporter> e;
  if (format == "dot" || format == "svg" || format == "pdf" || format == "png") {
    e = std::make_unique<SingleFileExporter>(std::string(format), "." + std::string(format),
                                             Graphviz(std::string(format)));
  } else if (format == "graphml") {
    e = std::make_unique<SingleFileExporter>("graphml", ".graphml", RenderGraphml);
  } else if (format == "gexf") {
    e = std::make_unique<SingleFileExporter>("gexf", ".gexf", RenderGexf);
  } else if (format == "cytoscape") {
    e = std::make_unique<SingleFileExporter>("cytoscape", ".cyjs", RenderCytoscape);
  } else if (format == "evidence") {
    e = std::make_unique<SingleFileExporter>("evidence", ".jsonl", RenderEvidence);
  } else if (format == "html") {
    e = std::make_unique<SingleFileExporter>("html", ".html", RenderHtml);
  } else if (format == "csv") {
    e = std::make_unique<CsvExporter>();
  } else {
    std::string known;
    for (const auto& f : ExportFormats()) known += (known.empty() ? "" : ", ") + f;
    return Status::InvalidArgument("unknown export format \"" + std::string(format) +
                                   "\"; known formats: " + known);
  }
  return e;
}

std::string ChooseLayout(size_t nodes, size_t edges, const ExportOptions& options) {
  if (!options.layout.empty()) return options.layout;
  if (nodes <= options.dot_max_nodes && edges <= options.dot_max_edges) return "dot";
  if (nodes <= options.neato_max_nodes && edges <= options.neato_max_edges) return "neato";
  return "sfdp";
}

GraphData TopEdges(const GraphData& graph, size_t n) {
  if (n == 0 || n >= graph.edges.size()) return graph;
  std::vector<size_t> order(graph.edges.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Edge& x = graph.edges[a];
    const Edge& y = graph.edges[b];
    if (x.evidence_count != y.evidence_count) return x.evidence_count > y.evidence_count;
    if (x.source_count != y.source_count) return x.source_count > y.source_count;
    return x.id < y.id;
  });
  order.resize(n);
  std::sort(order.begin(), order.end());  // keep the original edge order
  GraphData out;
  std::set<std::string_view> ends;
  for (size_t i : order) {
    out.edges.push_back(graph.edges[i]);
    ends.insert(graph.edges[i].subject);
    ends.insert(graph.edges[i].object);
  }
  for (const Entity& node : graph.nodes) {
    if (ends.count(node.id)) out.nodes.push_back(node);
  }
  return out;
}

}  // namespace geokg
