// Writes the HTML report of the sample graph (sample_graph.h) to argv[1],
// for tests/export/html_browser_test.sh.

#include <cstdio>
#include <string>

#include "export/sample_graph.h"
#include "geokg/export.h"
#include "geokg/ontology.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: geokg_export_fixture OUT.html\n");
    return 2;
  }
  auto vocab = geokg::RelationVocabulary::LoadFile(GEOKG_SOURCE_DIR "/data/relations.json");
  if (!vocab.ok()) {
    std::fprintf(stderr, "%s\n", vocab.status().ToString().c_str());
    return 1;
  }
  geokg::ExportInput input;
  input.graph = geokg::test::SampleGraph();
  input.evidence = geokg::test::SampleEvidence();
  input.vocabulary = &*vocab;
  geokg::ExportOptions options;
  options.title = "geokg browser test";
  auto exporter = geokg::NewExporter("html");
  if (!exporter.ok()) return 1;
  auto written = (*exporter)->Write(input, options, argv[1]);
  if (!written.ok()) {
    std::fprintf(stderr, "%s\n", written.status().ToString().c_str());
    return 1;
  }
  return 0;
}
