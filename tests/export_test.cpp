// Tests of the export module: every format is written from a GraphData
// literal with hostile names and parsed back by an independent reader
// (networkx, xmllint, Graphviz's gc, RapidJSON, a CSV parser).

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/sample_graph.h"
#include "geokg/export.h"
#include "geokg/ontology.h"
#include "geokg/triple.h"
#include "test_util.h"

using namespace geokg;
using geokg::test::ReadFile;
using geokg::test::SourcePath;
using geokg::test::TempDir;
using geokg::test::WriteFile;

namespace {

const RelationVocabulary& Vocab() {
  static const RelationVocabulary vocab = [] {
    auto v = RelationVocabulary::LoadFile(SourcePath("data/relations.json"));
    REQUIRE(v.ok());
    return *v;
  }();
  return vocab;
}

ExportInput SampleInput() {
  ExportInput in;
  in.graph = test::SampleGraph();
  in.evidence = test::SampleEvidence();
  in.vocabulary = &Vocab();
  return in;
}

struct Shell {
  int exit_code = -1;
  std::string out;
};

// Runs a shell command; stdout and stderr together.
Shell Run(const std::string& command) {
  TempDir dir;
  const std::string out = dir.File("out");
  const int status = std::system((command + " >'" + out + "' 2>&1").c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out)};
}

std::string WriteFormat(const std::string& format, const ExportInput& in, const TempDir& dir,
                        const ExportOptions& options = {}) {
  auto exporter = NewExporter(format);
  REQUIRE(exporter.ok());
  const std::string path = dir.File("graph" + std::string((*exporter)->extension()));
  auto written = (*exporter)->Write(in, options, path);
  REQUIRE_MESSAGE(written.ok(), written.status().ToString());
  REQUIRE(written->size() == 1);
  CHECK((*written)[0] == path);
  return path;
}

// Resolves the five predefined entities (xmllint prints text escaped).
std::string XmlUnescape(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    bool done = false;
    for (const auto& [entity, c] : {std::pair{"&lt;", '<'}, std::pair{"&gt;", '>'},
                                    std::pair{"&quot;", '"'}, std::pair{"&apos;", '\''},
                                    std::pair{"&amp;", '&'}}) {
      if (text.compare(i, std::string_view(entity).size(), entity) == 0) {
        out += c;
        i += std::string_view(entity).size() - 1;
        done = true;
        break;
      }
    }
    if (!done) out += text[i];
  }
  return out;
}

bool XmlWellFormed(const std::string& path) {
  Shell r = Run("xmllint --noout '" + path + "'");
  if (r.exit_code != 0) MESSAGE(r.out);
  return r.exit_code == 0;
}

// networkx's reading of a GraphML or GEXF file, as JSON.
rapidjson::Document NetworkxSummary(const std::string& reader, const std::string& path) {
  TempDir dir;
  const std::string script = dir.File("read.py");
  WriteFile(script,
            "import json, sys\n"
            "import networkx as nx\n"
            "g = nx." + reader + "(sys.argv[1])\n"
            "edges = list(g.edges(data=True))\n"
            "out = {'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),\n"
            "       'multi': g.is_multigraph(), 'directed': g.is_directed(),\n"
            "       'node_attrs': {str(n): {k: str(v) for k, v in d.items()}\n"
            "                      for n, d in g.nodes(data=True)},\n"
            "       'edge_attrs': [{k: str(v) for k, v in d.items()} for _, _, d in edges]}\n"
            "print(json.dumps(out))\n");
  Shell r = Run("python3 '" + script + "' '" + path + "'");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE(!doc.HasParseError());
  return doc;
}

// RFC 4180: fields separated by commas, quoted fields may hold commas,
// quotes (doubled) and line breaks; records end in CRLF.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      quoted = false;
      ++i;
    } else {
      field += c;
    }
  }
  const bool csv_ok = row.empty() && field.empty();
  REQUIRE_MESSAGE(csv_ok, "CSV does not end in CRLF");
  return rows;
}

// A dense random graph on which dot's layout takes far longer than a second.
GraphData DenseGraph(int nodes, int edges) {
  GraphData g;
  for (int i = 0; i < nodes; ++i) {
    g.nodes.push_back(test::MakeEntity("N" + std::to_string(i), "Node " + std::to_string(i),
                                       EntityKind::kState));
  }
  uint32_t x = 12345;
  for (int i = 0; i < edges; ++i) {
    x = x * 1103515245u + 12345u;
    const int a = static_cast<int>((x >> 8) % nodes);
    x = x * 1103515245u + 12345u;
    const int b = static_cast<int>((x >> 8) % nodes);
    g.edges.push_back(test::MakeEdge(i + 1, "N" + std::to_string(a), "meets",
                                     "N" + std::to_string(b), "2022-01-01", "", "event", 1 + i % 9));
  }
  return g;
}

}  // namespace

TEST_SUITE("export") {

TEST_CASE("NewExporter knows every format and lists them for an unknown one") {
  for (const std::string& format : ExportFormats()) {
    CAPTURE(format);
    auto e = NewExporter(format);
    REQUIRE(e.ok());
    CHECK((*e)->format() == format);
    CHECK((*e)->extension().front() == '.');
  }
  CHECK(ExportFormats().size() == 10);
  auto bad = NewExporter("jpeg2000");
  REQUIRE(!bad.ok());
  CHECK(bad.status().IsInvalidArgument());
  CHECK(bad.status().message().find("jpeg2000") != std::string::npos);
  for (const char* f : {"dot", "svg", "pdf", "png", "graphml", "gexf", "cytoscape", "csv",
                        "evidence", "html"}) {
    CHECK(bad.status().message().find(f) != std::string::npos);
  }
}

TEST_CASE("ChooseLayout: dot for small graphs, neato for mid-sized ones, sfdp for large maps") {
  ExportOptions o;
  struct Case {
    size_t nodes, edges;
    std::string layout, want;
  };
  const Case cases[] = {
      {5, 4, "", "dot"},           {40, 80, "", "dot"},        {7, 37, "", "dot"},
      {41, 41, "", "neato"},       {150, 600, "", "neato"},    {151, 10, "", "sfdp"},
      {50, 601, "", "sfdp"},       {1000, 3000, "", "sfdp"},   {1000, 3000, "dot", "dot"},
      {3, 2, "neato", "neato"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.nodes);
    CAPTURE(c.edges);
    o.layout = c.layout;
    CHECK(ChooseLayout(c.nodes, c.edges, o) == c.want);
  }
}

TEST_CASE("TopEdges keeps the best-attested edges and their ends") {
  const GraphData g = test::SampleGraph();
  const GraphData top = TopEdges(g, 2);
  REQUIRE(top.edges.size() == 2);
  CHECK(top.edges[0].id == 103);  // 12 evidence rows, before 105 in the original order
  CHECK(top.edges[1].id == 105);  // 40 evidence rows
  std::set<std::string> ids;
  for (const auto& n : top.nodes) ids.insert(n.id);
  CHECK(ids == std::set<std::string>{"RUS", "DPR", "UKR"});
  CHECK(TopEdges(g, 0).edges.size() == g.edges.size());
}

TEST_CASE("GraphML is well-formed, typed, and networkx reads names and counts back") {
  TempDir dir;
  const ExportInput in = SampleInput();
  const std::string path = WriteFormat("graphml", in, dir);
  CHECK(XmlWellFormed(path));
  const std::string text = ReadFile(path);
  CHECK(text.find("attr.name=\"evidence_count\" attr.type=\"long\"") != std::string::npos);
  CHECK(text.find("attr.name=\"goldstein\" attr.type=\"double\"") != std::string::npos);
  CHECK(text.find("attr.name=\"symmetric\" attr.type=\"boolean\"") != std::string::npos);

  auto doc = NetworkxSummary("read_graphml", path);
  CHECK(doc["nodes"].GetInt() == 10);
  CHECK(doc["edges"].GetInt() == 9);
  CHECK(doc["directed"].GetBool());
  const auto& attrs = doc["node_attrs"];
  CHECK(std::string(attrs["QX1"]["name"].GetString()) == test::kTrickyName);
  CHECK(std::string(attrs["ISR"]["name"].GetString()) == test::kHebrewName);
  CHECK(std::string(attrs["SAU"]["name"].GetString()) == test::kArabicName);
  CHECK(std::string(attrs["CHN"]["name"].GetString()) == test::kChineseName);
  CHECK(std::string(attrs["RUS"]["aliases"].GetString()).find(test::kCyrillicAlias) !=
        std::string::npos);
  CHECK(std::string(attrs["DPR"]["kind"].GetString()) == "breakaway");
  // The control character is dropped, the invalid byte replaced.
  CHECK(std::string(attrs["BSL"]["name"].GetString()) == "back\\N slash  bad\xEF\xBF\xBD byte");
  std::multiset<std::string> classes;
  for (const auto& e : doc["edge_attrs"].GetArray()) classes.insert(e["quad_class"].GetString());
  CHECK(classes.count("material_conflict") == 1);
  CHECK(classes.count("verbal_cooperation") == 4);
}

TEST_CASE("GEXF 1.3 is dynamic with spells from the validity intervals") {
  TempDir dir;
  const ExportInput in = SampleInput();
  const std::string path = WriteFormat("gexf", in, dir);
  CHECK(XmlWellFormed(path));
  const std::string text = ReadFile(path);
  CHECK(text.find("xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(text.find("mode=\"dynamic\" timeformat=\"date\"") != std::string::npos);
  // Ended relation: a closed spell; active one: open; month precision widened.
  CHECK(text.find("<spell start=\"2017-06-05\" end=\"2021-01-05\"/>") != std::string::npos);
  CHECK(text.find("<spell start=\"2022-02-21\"/>") != std::string::npos);
  CHECK(text.find("<spell start=\"2022-02-24\" end=\"2022-03-31\"/>") != std::string::npos);
  CHECK(text.find("<spell start=\"2014-05-01\"/>") != std::string::npos);

  auto doc = NetworkxSummary("read_gexf", path);
  CHECK(doc["nodes"].GetInt() == 10);
  CHECK(doc["edges"].GetInt() == 9);
  const auto& attrs = doc["node_attrs"];
  CHECK(std::string(attrs["QX1"]["label"].GetString()) == test::kTrickyName);
  CHECK(std::string(attrs["CHN"]["label"].GetString()) == test::kChineseName);
  bool saw_spell = false;
  for (const auto& e : doc["edge_attrs"].GetArray()) {
    if (e.HasMember("spells") &&
        std::string(e["spells"].GetString()).find("2021-01-05") != std::string::npos) {
      saw_spell = true;
    }
  }
  CHECK(saw_spell);
}

TEST_CASE("Cytoscape JSON parses back with elements, data and exact names") {
  TempDir dir;
  const ExportInput in = SampleInput();
  const std::string path = WriteFormat("cytoscape", in, dir);
  rapidjson::Document doc;
  doc.Parse(ReadFile(path).c_str());
  REQUIRE(!doc.HasParseError());
  const auto& nodes = doc["elements"]["nodes"];
  const auto& edges = doc["elements"]["edges"];
  REQUIRE(nodes.Size() == 10);
  REQUIRE(edges.Size() == 9);
  CHECK(std::string(nodes[5]["data"]["name"].GetString()) == test::kTrickyName);
  CHECK(std::string(nodes[6]["data"]["name"].GetString()) == test::kHebrewName);
  CHECK(std::string(edges[3]["data"]["status"].GetString()) == "ended");
  CHECK(std::string(edges[3]["data"]["source"].GetString()) == "SAU");
  CHECK(edges[2]["data"]["evidence_count"].GetInt64() == 12);
  CHECK(std::string(edges[4]["data"]["quad_class"].GetString()) == "material_conflict");
  CHECK(std::string(edges[0]["data"]["label"].GetString()) == "recognises");
}

TEST_CASE("CSV writes nodes and edges files that parse back (RFC 4180)") {
  TempDir dir;
  const ExportInput in = SampleInput();
  auto exporter = NewExporter("csv");
  REQUIRE(exporter.ok());
  SUBCASE("file stem") {
    auto written = (*exporter)->Write(in, {}, dir.File("map.csv"));
    REQUIRE(written.ok());
    CHECK(*written == std::vector<std::string>{dir.File("map.nodes.csv"), dir.File("map.edges.csv")});
  }
  SUBCASE("directory") {
    auto written = (*exporter)->Write(in, {}, dir.path().string());
    REQUIRE(written.ok());
    CHECK((*written)[0] == (dir.path() / "nodes.csv").string());
  }
  const bool stem = std::filesystem::exists(dir.File("map.nodes.csv"));
  const auto nodes = ParseCsv(ReadFile(stem ? dir.File("map.nodes.csv") : dir.File("nodes.csv")));
  const auto edges = ParseCsv(ReadFile(stem ? dir.File("map.edges.csv") : dir.File("edges.csv")));
  REQUIRE(nodes.size() == 11);
  REQUIRE(edges.size() == 10);
  CHECK(nodes[0] == std::vector<std::string>{"id", "name", "kind", "aliases"});
  CHECK(nodes[6][1] == test::kTrickyName);  // quotes, comma, newline survive
  CHECK(nodes[1][3] == "Russland | " + test::kCyrillicAlias);
  CHECK(edges[0][1] == "source");
  CHECK(edges[4][1] == "SAU");
  for (const auto& row : edges) CHECK(row.size() == edges[0].size());
  CHECK(!(*exporter)->Render(in, {}).ok());
}

TEST_CASE("Evidence JSON Lines are triple-contract lines tied to their edges") {
  TempDir dir;
  const ExportInput in = SampleInput();
  const std::string path = WriteFormat("evidence", in, dir);
  std::istringstream lines(ReadFile(path));
  std::string line;
  std::vector<std::string> edges;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    auto t = ParseTripleJson(line);
    REQUIRE_MESSAGE(t.ok(), t.status().ToString());
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    REQUIRE(doc.IsObject());
    edges.push_back(doc["edge"].IsNull() ? "null" : doc["edge"].GetString());
    if (t->doc.id == "d1") {
      CHECK(t->evidence.text == test::kEvidenceSentence);
      CHECK(t->subject.name == "North Korea");
      CHECK(doc["edge_id"].GetInt64() == 101);
    }
    if (t->doc.id == "d3") CHECK(t->evidence.text.find("</script>") != std::string::npos);
  }
  CHECK(count == 6);
  // Grouped by edge in graph order; the reversed symmetric row joins e1; the
  // unmatched row comes last.
  CHECK(edges == std::vector<std::string>{"e0", "e0", "e1", "e1", "e4", "null"});
}

TEST_CASE("DOT is built with cgraph: Graphviz reads it back, styled and escaped") {
  TempDir dir;
  const ExportInput in = SampleInput();
  const std::string path = WriteFormat("dot", in, dir);
  // Graphviz's own parser (gc counts nodes and edges: "  10   9 geokg (file)").
  Shell gc = Run("gc -n -e '" + path + "'");
  REQUIRE(gc.exit_code == 0);
  std::istringstream counts(gc.out);
  int nodes = 0, edges = 0;
  counts >> nodes >> edges;
  CHECK(nodes == 10);
  CHECK(edges == 9);
  const std::string text = ReadFile(path);
  CHECK(text.find("digraph") == 0);
  CHECK(text.find("style=dashed") != std::string::npos);  // the ended relation
  CHECK(text.find("dir=none") != std::string::npos);      // symmetric relations
  CHECK(text.find("hexagon") != std::string::npos);       // the breakaway entity
  CHECK(text.find("#c62828") != std::string::npos);       // material conflict colour
  CHECK(text.find("Tom \\\"Q\\\" <b>&amp;amp; Co, Ltd") != std::string::npos);
}

TEST_CASE("SVG is well-formed XML with names, tooltips, legend and styles") {
  TempDir dir;
  const ExportInput in = SampleInput();
  ExportOptions options;
  options.title = "Recognition <2022> & more";
  const std::string path = WriteFormat("svg", in, dir, options);
  CHECK(XmlWellFormed(path));
  // The text the SVG shows, entities resolved.
  Shell text = Run("xmllint --xpath '//*[local-name()=\"text\"]/text()' '" + path + "'");
  REQUIRE(text.exit_code == 0);
  text.out = XmlUnescape(text.out);
  for (const std::string& name : {std::string("North Korea"), test::kHebrewName, test::kArabicName,
                                  test::kChineseName, std::string("Tom \"Q\" <b>&amp; Co, Ltd"),
                                  std::string("Recognition <2022> & more"),
                                  std::string("material conflict"), std::string("recognises")}) {
    CAPTURE(name);
    CHECK(text.out.find(name) != std::string::npos);
  }
  const std::string svg = ReadFile(path);
  CHECK(svg.find("stroke-dasharray") != std::string::npos);
  CHECK(svg.find("evidence: 12 sentences from 6 sources") != std::string::npos);
  CHECK(svg.find("id=\"e4\"") != std::string::npos);
}

TEST_CASE("PDF and PNG are rendered in process by the cairo plugin") {
  TempDir dir;
  const ExportInput in = SampleInput();
  const std::string pdf = ReadFile(WriteFormat("pdf", in, dir));
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.size() > 5000);
  const std::string png = ReadFile(WriteFormat("png", in, dir));
  CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(png.size() > 20000);
}

TEST_CASE("HTML report is one self-contained page with the diagram and the evidence") {
  TempDir dir;
  const ExportInput in = SampleInput();
  const std::string html = ReadFile(WriteFormat("html", in, dir));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("<?xml") == std::string::npos);
  // No external resource: no src=, no <link>, no http(s) inside tags other than data.
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  // Embedded data: every '<' escaped so evidence cannot close the script.
  const size_t start = html.find("id=\"geokg-data\">") + 16;
  const size_t end = html.find("</script>", start);
  const std::string json = html.substr(start, end - start);
  CHECK(json.find('<') == std::string::npos);
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE(!doc.HasParseError());
  REQUIRE(doc["edges"].Size() == 9);
  CHECK(doc["edges"][0]["evidence"].Size() == 2);
  CHECK(std::string(doc["edges"][0]["evidence"][0]["text"].GetString()) ==
        "Nordkorea hat die Unabh\xC3\xA4ngigkeit der Volksrepublik Donezk anerkannt.");
  CHECK(doc["edges"][1]["evidence"].Size() == 2);
  CHECK(std::string(doc["dates"][0].GetString()) == "2014-05-01");
}

TEST_CASE("every format survives hostile names and an empty graph") {
  TempDir dir;
  ExportInput empty;
  empty.vocabulary = &Vocab();
  for (const std::string& format : ExportFormats()) {
    CAPTURE(format);
    auto e = NewExporter(format);
    REQUIRE(e.ok());
    for (const ExportInput* in : {&empty}) {
      auto written = (*e)->Write(*in, {}, dir.File("empty" + std::string((*e)->extension())));
      CHECK_MESSAGE(written.ok(), written.status().ToString());
    }
  }
  for (const char* xml : {"empty.graphml", "empty.gexf", "empty.svg"}) {
    CHECK(XmlWellFormed(dir.File(xml)));
  }
}

TEST_CASE("an unwritable path fails with IOError naming the path") {
  const ExportInput in = SampleInput();
  for (const char* format : {"svg", "graphml", "csv", "dot"}) {
    CAPTURE(format);
    auto e = NewExporter(format);
    REQUIRE(e.ok());
    auto written = (*e)->Write(in, {}, "/nonexistent-dir/geokg/out.x");
    REQUIRE(!written.ok());
    CHECK(written.status().IsIOError());
    CHECK(written.status().message().find("/nonexistent-dir/geokg/out") != std::string::npos);
  }
}

TEST_CASE("a layout over its time budget falls back to sfdp and says so") {
  ExportInput in;
  in.graph = DenseGraph(300, 900);
  in.vocabulary = &Vocab();
  ExportOptions options;
  options.layout = "dot";
  options.dot_nslimit = 1000;  // unbounded dot: minutes on this graph
  options.dot_mclimit = 100;
  options.layout_timeout_seconds = 1.0;
  std::vector<std::string> warnings;
  options.on_warning = [&](const std::string& m) { warnings.push_back(m); };
  auto e = NewExporter("svg");
  REQUIRE(e.ok());
  const auto t0 = std::chrono::steady_clock::now();
  auto svg = (*e)->Render(in, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE_MESSAGE(svg.ok(), svg.status().ToString());
  CHECK(svg->find("</svg>") != std::string::npos);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("falling back to sfdp") != std::string::npos);
  CHECK(warnings[0].find("300 nodes and 900 edges") != std::string::npos);
  CHECK(seconds < 40.0);  // 1 s of dot, then sfdp (0.7 s on an idle machine)
}

TEST_CASE("in-process layout (no budget) gives the same kind of output") {
  const ExportInput in = SampleInput();
  ExportOptions options;
  options.layout_timeout_seconds = 0;
  auto e = NewExporter("svg");
  REQUIRE(e.ok());
  auto svg = (*e)->Render(in, options);
  REQUIRE(svg.ok());
  CHECK(svg->find("North Korea") != std::string::npos);
  options.layout = "no-such-engine";
  auto bad = (*e)->Render(in, options);
  REQUIRE(!bad.ok());
  CHECK(bad.status().IsUnsupported());
  CHECK(bad.status().message().find("no-such-engine") != std::string::npos);
}

TEST_CASE("edge labels follow the label language") {
  ExportInput in = SampleInput();
  ExportOptions options;
  options.label_language = "de";
  auto e = NewExporter("dot");
  REQUIRE(e.ok());
  auto dot = (*e)->Render(in, options);
  REQUIRE(dot.ok());
  CHECK(dot->find("erkennt an") != std::string::npos);
  options.label_language = "en";
  dot = (*e)->Render(in, options);
  REQUIRE(dot.ok());
  CHECK(dot->find("erkennt an") == std::string::npos);
  CHECK(dot->find("cuts ties with") != std::string::npos);
}

TEST_CASE("geokg export on the sample store: formats, selections and errors") {
  using test::RunCli;
  TempDir dir;
  const std::string db = dir.File("sample.db");
  auto load = RunCli("load --db '" + db + "' '" + SourcePath("data/sample/triples.jsonl") + "'");
  REQUIRE_MESSAGE(load.exit_code == 0, load.err);
  const std::string base = "export --db '" + db + "' ";

  SUBCASE("whole graph as SVG, with the default name under output/ when -o is absent") {
    auto r = RunCli(base + "svg -o '" + dir.File("all.svg") + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("wrote " + dir.File("all.svg")) != std::string::npos);
    CHECK(XmlWellFormed(dir.File("all.svg")));
    CHECK(ReadFile(dir.File("all.svg")).find("North Korea") != std::string::npos);
  }
  SUBCASE("ego graph by a German alias, as GraphML to stdout") {
    auto r = RunCli(base + "graphml --focus Nordkorea --depth 1 -o -");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    WriteFile(dir.File("ego.graphml"), r.out);
    auto doc = NetworkxSummary("read_graphml", dir.File("ego.graphml"));
    CHECK(doc["node_attrs"].HasMember("PRK"));
    CHECK(doc["nodes"].GetInt() >= 2);
    CHECK(doc["nodes"].GetInt() < 37);
  }
  SUBCASE("path between two entities as PDF") {
    auto r = RunCli(base + "pdf --path Ukraine 'North Korea' -o '" + dir.File("p.pdf") + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(ReadFile(dir.File("p.pdf")).rfind("%PDF-", 0) == 0);
  }
  SUBCASE("HTML with evidence from the store") {
    auto r = RunCli(base + "html --relations recognises --title Recognition -o '" +
                    dir.File("r.html") + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string html = ReadFile(dir.File("r.html"));
    CHECK(html.find("<title>Recognition</title>") != std::string::npos);
    CHECK(html.find("\"evidence\":[{\"text\":") != std::string::npos);
  }
  SUBCASE("CSV, evidence lines, top edges") {
    auto r = RunCli(base + "csv --top 5 -o '" + dir.File("t.csv") + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(ParseCsv(ReadFile(dir.File("t.edges.csv"))).size() == 6);
    r = RunCli(base + "evidence --relations recognises -o -");
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
      CHECK(ParseTripleJson(line).ok());
      ++n;
    }
    CHECK(n > 0);
  }
  SUBCASE("errors: unknown format (2), bad flag (2), empty selection (1), unwritable (1)") {
    auto r = RunCli(base + "jpeg");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("known formats: dot, svg") != std::string::npos);
    r = RunCli(base + "svg --as-of 2022-13-01");
    CHECK(r.exit_code == 2);
    r = RunCli(base + "svg --relations invades --since 2099");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("nothing to export") != std::string::npos);
    r = RunCli(base + "svg -o /nonexistent-dir/x.svg");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot write /nonexistent-dir/x.svg") != std::string::npos);
    r = RunCli(base + "svg --focus Atlantis");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("Atlantis") != std::string::npos);
  }
}

}  // TEST_SUITE("export")
