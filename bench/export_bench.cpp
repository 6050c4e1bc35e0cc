// Export speed: a 1,000-node, 3,000-edge map to SVG (target <= 5 s), a
// 200-node ego graph laid out with dot (target <= 2 s), and the
// interchange formats on the map. Prints figures; not run by ctest.
//   geokg_export_bench [DATA_DIR]   (DATA_DIR holds relations.json)

#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "geokg/export.h"
#include "geokg/ontology.h"

namespace {

using geokg::Edge;
using geokg::Entity;
using geokg::GraphData;

const char* kRelations[] = {"recognises", "cuts_ties", "meets", "sanctions", "aids",
                            "condemns",   "invades",   "supports", "visits", "threatens"};

Edge MakeEdge(int64_t id, int a, int b, std::mt19937& rng) {
  Edge e;
  e.id = id;
  e.subject = "N" + std::to_string(a);
  e.object = "N" + std::to_string(b);
  e.relation = kRelations[rng() % std::size(kRelations)];
  const int year = 2000 + static_cast<int>(rng() % 24);
  e.first_seen = e.valid_from = std::to_string(year) + "-0" + std::to_string(1 + rng() % 9) + "-15";
  e.last_seen = e.first_seen;
  e.status = rng() % 7 == 0 ? "ended" : "active";
  if (e.status == "ended") e.valid_to = std::to_string(year + 1) + "-01-01";
  e.evidence_count = 1 + static_cast<int64_t>(rng() % 30);
  e.source_count = 1 + e.evidence_count / 2;
  return e;
}

GraphData Nodes(int n) {
  GraphData g;
  for (int i = 0; i < n; ++i) {
    Entity e;
    e.id = "N" + std::to_string(i);
    e.name = "Entity number " + std::to_string(i);
    e.kind = i % 10 == 0 ? geokg::EntityKind::kOrganisation
                         : (i % 17 == 0 ? geokg::EntityKind::kBreakaway : geokg::EntityKind::kState);
    g.nodes.push_back(e);
  }
  return g;
}

// A map with hubs: each edge's subject by preferential attachment.
GraphData Map(int nodes, int edges) {
  std::mt19937 rng(42);
  GraphData g = Nodes(nodes);
  std::vector<int> ends;
  for (int i = 0; i < edges; ++i) {
    const int a = ends.empty() || rng() % 2 ? static_cast<int>(rng() % nodes)
                                            : ends[rng() % ends.size()];
    int b = static_cast<int>(rng() % nodes);
    if (b == a) b = (b + 1) % nodes;
    ends.push_back(a);
    ends.push_back(b);
    g.edges.push_back(MakeEdge(i + 1, a, b, rng));
  }
  return g;
}

// An ego graph: the centre tied to every other node, plus ties among them.
GraphData Ego(int nodes, int extra) {
  std::mt19937 rng(7);
  GraphData g = Nodes(nodes);
  int64_t id = 1;
  for (int i = 1; i < nodes; ++i) g.edges.push_back(MakeEdge(id++, 0, i, rng));
  for (int i = 0; i < extra; ++i) {
    const int a = 1 + static_cast<int>(rng() % (nodes - 1));
    const int b = 1 + static_cast<int>(rng() % (nodes - 1));
    if (a != b) g.edges.push_back(MakeEdge(id++, a, b, rng));
  }
  return g;
}

double Time(const char* what, const std::string& format, const geokg::ExportInput& in,
            const geokg::ExportOptions& options, double target) {
  auto exporter = geokg::NewExporter(format);
  if (!exporter.ok()) return -1;
  const auto t0 = std::chrono::steady_clock::now();
  auto data = (*exporter)->Render(in, options);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-44s %-9s %6zu nodes %6zu edges  %7.3f s  %9zu bytes%s\n", what, format.c_str(),
              in.graph.nodes.size(), in.graph.edges.size(), s, data.ok() ? data->size() : 0,
              !data.ok()               ? ("  ERROR " + data.status().ToString()).c_str()
              : target > 0 && s > target ? "  OVER TARGET"
                                         : "");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string data_dir = argc > 1 ? argv[1] : GEOKG_SOURCE_DIR "/data";
  auto vocab = geokg::RelationVocabulary::LoadFile(data_dir + "/relations.json");
  if (!vocab.ok()) {
    std::fprintf(stderr, "%s\n", vocab.status().ToString().c_str());
    return 1;
  }
  geokg::ExportOptions options;
  options.on_warning = [](const std::string& m) { std::printf("  warning: %s\n", m.c_str()); };

  geokg::ExportInput map;
  map.graph = Map(1000, 3000);
  map.vocabulary = &*vocab;
  std::printf("engine for the map: %s\n",
              geokg::ChooseLayout(map.graph.nodes.size(), map.graph.edges.size(), options).c_str());
  Time("map, automatic layout (target 5 s)", "svg", map, options, 5.0);
  Time("map, automatic layout", "png", map, options, 0);
  Time("map", "graphml", map, options, 0);
  Time("map", "gexf", map, options, 0);
  Time("map", "cytoscape", map, options, 0);
  Time("map", "dot", map, options, 0);

  geokg::ExportInput ego;
  ego.graph = Ego(200, 200);
  ego.vocabulary = &*vocab;
  geokg::ExportOptions dot = options;
  dot.layout = "dot";
  Time("ego graph, dot (target 2 s)", "svg", ego, dot, 2.0);
  Time("ego graph, automatic layout", "svg", ego, options, 0);
  geokg::ExportOptions in_process = dot;
  in_process.layout_timeout_seconds = 0;
  Time("ego graph, dot, in process (no fork)", "svg", ego, in_process, 2.0);

  geokg::ExportInput mid;
  mid.graph = Map(300, 900);
  mid.vocabulary = &*vocab;
  Time("300/900 map, automatic layout", "svg", mid, options, 0);
  geokg::ExportOptions bounded = dot;
  bounded.layout_timeout_seconds = 5;
  Time("300/900 map, dot forced, 5 s budget", "svg", mid, bounded, 0);
  return 0;
}
