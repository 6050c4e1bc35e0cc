// The export command: reads a selection of the graph from the store (whole
// graph, ego graph, path or saved query, filtered by time, relation and
// evidence) and writes it in one of the export module's formats.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "cli.h"
#include "geokg/export.h"
#include "geokg/graph.h"
#include "geokg/ontology.h"
#include "geokg/query.h"
#include "geokg/store.h"

namespace geokg::cli {

namespace {

const char kExportUsage[] = R"(usage: geokg export FORMAT [-o FILE] [SELECTION] [STYLE]

Writes the graph in the store, or a part of it, as a diagram or an
interchange file. Diagrams are laid out by Graphviz inside geokg.

formats:
  dot        Graphviz DOT with geokg's styling (no layout)
  svg        SVG diagram with tooltips (evidence counts, date ranges)
  pdf, png   the diagram as PDF or PNG (Graphviz cairo renderer)
  html       one self-contained page: the diagram, filters by relation class,
             a time slider, search by name, evidence sentences on click
  graphml    GraphML with typed attributes (yEd, Gephi, Cytoscape, networkx)
  gexf       GEXF 1.3, dynamic: validity intervals as spells (Gephi timeline)
  cytoscape  Cytoscape.js JSON (elements.nodes / elements.edges)
  csv        two RFC 4180 files: NAME.nodes.csv and NAME.edges.csv for
             -o NAME.csv, or DIR/nodes.csv and DIR/edges.csv for -o DIR/
  evidence   JSON Lines: one evidence sentence per line (the triple format
             `geokg load` reads) with the edge it supports

output:
  -o, --output FILE   where to write; '-' writes to standard output (not csv).
                      Default: output/geokg.EXT (output/ is created).

selection (combine freely; the filters apply before --focus/--path/--query):
  --focus NAME        the ego graph around an entity (name, alias, id; any language)
  --depth N           hops around --focus. Default: 1
  --path A B          a shortest path between two entities (fewest hops, any direction)
  --query FILE        the nodes, relationships and paths a saved Cypher query returns
  --param NAME=VALUE  a query parameter (repeatable; overrides the file's // params:)
  --as-of DATE        only relations valid at DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --since DATE        only relations seen on or after DATE
  --until DATE        only relations seen on or before DATE
  --relations A,B     only these relations (names from relations.json)
  --min-evidence N    only relations with at least N evidence sentences
  --active-only       leave out relations that were ended
  --top N             keep the N best-attested relations (most evidence)

style:
  --layout ENGINE     dot, neato, fdp, sfdp, circo or twopi. Default: dot for up
                      to 200 nodes and 400 edges, else sfdp
  --timeout SECONDS   time budget for one layout; past it geokg falls back to
                      sfdp and says so. Default: 60; 0 = no budget
  --title TEXT        a title for the diagram and the HTML page
  --lang en|de        language of the relation labels. Default: en
  --no-legend         leave out the legend
  --max-evidence N    html: evidence sentences embedded per relation. Default: 50

examples:
  geokg export svg
  geokg export html --focus Nordkorea --depth 2 -o output/nk.html
  geokg export png --path Ukraine "North Korea" --title "UKR to PRK"
  geokg export gexf --relations recognises,withdraws_recognition -o output/recog.gexf
  geokg export csv --since 2022-01 --min-evidence 2 -o output/2022.csv
  geokg export pdf --query queries/breakaway_recognition_map.cypher

exit status: 0 written, 1 runtime error (store, empty selection, unwritable
file, layout), 2 usage error (unknown format or option, bad value).
)";

std::vector<std::string> SplitComma(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Status CheckDate(const std::string& flag, const std::string& value) {
  auto p = CheckIsoDate(value);
  if (!p || *p == DatePrecision::kUnknown) {
    return Status::InvalidArgument(flag + " expects a date YYYY, YYYY-MM or YYYY-MM-DD, not \"" +
                                   value + "\"");
  }
  return Status::OK();
}

// Collects the nodes and edges a query result mentions.
void CollectValue(const QueryValue& v, std::set<std::string>* nodes, std::set<int64_t>* edges) {
  switch (v.type) {
    case QueryValue::Type::kNode:
      if (v.node) nodes->insert(v.node->id);
      break;
    case QueryValue::Type::kRelationship:
      if (v.edge) {
        edges->insert(v.edge->id);
        nodes->insert(v.edge->subject);
        nodes->insert(v.edge->object);
      }
      break;
    case QueryValue::Type::kList:
    case QueryValue::Type::kPath:
      for (const auto& item : v.items) CollectValue(item, nodes, edges);
      break;
    default:
      break;
  }
}

Result<GraphData> QuerySelection(const GraphData& graph, const std::string& file,
                                 const std::vector<std::string>& param_flags) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::NotFound("cannot read query file " + file);
  std::stringstream text;
  text << in.rdbuf();
  auto params = ParamsFromHeader(text.str());
  if (!params.ok()) return params.status().WithContext(file);
  for (const auto& p : param_flags) {
    if (Status s = ParseParamAssignment(p, &*params); !s.ok()) return s.WithContext("--param");
  }
  auto query = Query::Parse(text.str());
  if (!query.ok()) return query.status().WithContext(file);
  auto engine = QueryEngine::FromGraph(graph);
  if (!engine.ok()) return engine.status();
  auto result = (*engine)->Run(*query, *params);
  if (!result.ok()) return result.status().WithContext(file);
  std::set<std::string> node_ids;
  std::set<int64_t> edge_ids;
  for (const auto& row : result->rows) {
    for (const auto& v : row) CollectValue(v, &node_ids, &edge_ids);
  }
  GraphData out;
  for (const Edge& e : graph.edges) {
    if (edge_ids.count(e.id)) out.edges.push_back(e);
  }
  for (const Entity& n : graph.nodes) {
    if (node_ids.count(n.id)) out.nodes.push_back(n);
  }
  return out;
}

// Evidence rows behind the selected edges (one store lookup per triple key).
Result<std::vector<EvidenceRow>> CollectEvidence(Store& store, const GraphData& graph) {
  std::set<std::tuple<std::string, std::string, std::string>> keys;
  for (const Edge& e : graph.edges) {
    std::string a = e.subject, b = e.object;
    if (e.symmetric && b < a) std::swap(a, b);  // EvidenceFor covers both directions
    keys.insert({a, e.relation, b});
  }
  std::vector<EvidenceRow> rows;
  for (const auto& [s, r, o] : keys) {
    auto found = store.EvidenceFor(s, r, o);
    if (!found.ok()) return found.status();
    for (auto& row : *found) rows.push_back(std::move(row));
  }
  return rows;
}

int RunExport(const Args& args, const Global& global) {
  const std::string command = "export";
  if (args.positionals().empty()) return UsageError(command, "missing FORMAT");
  const std::string format = args.positionals()[0];
  auto exporter = NewExporter(format);
  if (!exporter.ok()) return UsageError(command, exporter.status().message());

  // --path A B: B is the second positional.
  std::vector<std::string> path_ends;
  if (auto a = args.Get("--path")) {
    if (args.positionals().size() != 2) {
      return UsageError(command, "--path needs two entities: --path A B");
    }
    path_ends = {*a, args.positionals()[1]};
  } else if (args.positionals().size() > 1) {
    return UsageError(command, "unexpected argument \"" + args.positionals()[1] + "\"");
  }
  const int selections = (args.Get("--focus") ? 1 : 0) + (path_ends.empty() ? 0 : 1) +
                         (args.Get("--query") ? 1 : 0);
  if (selections > 1) return UsageError(command, "choose one of --focus, --path and --query");
  if (args.Get("--depth") && !args.Get("--focus")) {
    return UsageError(command, "--depth goes with --focus");
  }
  if (args.Get("--as-of") && (args.Get("--since") || args.Get("--until"))) {
    return UsageError(command, "--as-of cannot be combined with --since/--until");
  }

  GraphFilter filter;
  for (const char* flag : {"--as-of", "--since", "--until"}) {
    if (auto v = args.Get(flag)) {
      if (Status s = CheckDate(flag, *v); !s.ok()) return UsageError(command, s.message());
    }
  }
  filter.as_of = args.GetOr("--as-of", "");
  filter.since = args.GetOr("--since", "");
  filter.until = args.GetOr("--until", "");
  if (auto r = args.Get("--relations")) filter.relations = SplitComma(*r);
  filter.include_ended = !args.Has("--active-only");

  ExportOptions options;
  long long depth = 1, top = 0;
  if (auto v = args.Get("--min-evidence")) {
    auto n = ParseInt("--min-evidence", *v);
    if (!n.ok() || *n < 0) return UsageError(command, "--min-evidence expects a number >= 0");
    filter.min_evidence = *n;
  }
  if (auto v = args.Get("--depth")) {
    auto n = ParseInt("--depth", *v);
    if (!n.ok() || *n < 0 || *n > 100) return UsageError(command, "--depth expects 0..100");
    depth = *n;
  }
  if (auto v = args.Get("--top")) {
    auto n = ParseInt("--top", *v);
    if (!n.ok() || *n < 1) return UsageError(command, "--top expects a number >= 1");
    top = *n;
  }
  if (auto v = args.Get("--timeout")) {
    auto t = ParseDouble("--timeout", *v);
    if (!t.ok() || *t < 0) return UsageError(command, "--timeout expects seconds >= 0");
    options.layout_timeout_seconds = *t;
  }
  if (auto v = args.Get("--max-evidence")) {
    auto n = ParseInt("--max-evidence", *v);
    if (!n.ok() || *n < 0) return UsageError(command, "--max-evidence expects a number >= 0");
    options.html_max_evidence_per_edge = static_cast<size_t>(*n);
  }
  if (auto v = args.Get("--layout")) {
    static const std::set<std::string> kEngines = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    if (!kEngines.count(*v)) {
      return UsageError(command, "unknown layout \"" + *v + "\"; known: dot, neato, fdp, sfdp, "
                                 "circo, twopi");
    }
    options.layout = *v;
  }
  options.label_language = args.GetOr("--lang", "en");
  if (options.label_language != "en" && options.label_language != "de") {
    return UsageError(command, "--lang expects en or de");
  }
  options.title = args.GetOr("--title", "");
  options.legend = !args.Has("--no-legend");
  options.on_warning = [](const std::string& m) { std::cerr << "geokg export: " << m << "\n"; };

  std::string out_path = args.GetOr("--output", args.GetOr("-o", ""));
  const bool to_stdout = out_path == "-";
  if (out_path.empty()) {
    std::error_code ec;
    std::filesystem::create_directories("output", ec);
    out_path = "output/geokg" + std::string((*exporter)->extension());
  }

  auto vocab = RelationVocabulary::LoadFile(global.data_dir + "/relations.json");
  if (!vocab.ok()) return Fail(vocab.status());
  if (!filter.relations.empty()) {
    for (const auto& r : filter.relations) {
      if (vocab->Find(r) == nullptr) {
        return UsageError(command, "unknown relation \"" + r + "\" in --relations");
      }
    }
  }

  if (!std::filesystem::exists(global.db_path)) {
    return Fail(Status::NotFound("no store at " + global.db_path +
                                 " (create one with 'geokg load', or pass --db)"));
  }
  StoreOptions store_options;
  store_options.create_if_missing = false;
  store_options.read_only = true;
  auto store = Store::Open(global.db_path, store_options);
  if (!store.ok()) return Fail(store.status().WithContext(global.db_path));

  auto read = (*store)->ReadGraph(filter);
  if (!read.ok()) return Fail(read.status());
  GraphData graph = std::move(*read);

  std::string what = "the whole graph";
  if (auto focus = args.Get("--focus")) {
    auto id = (*store)->ResolveEntity(*focus);
    if (!id.ok()) return Fail(id.status());
    auto snapshot = Snapshot::Build(std::move(graph));
    if (!snapshot.ok()) return Fail(snapshot.status());
    if (!snapshot->FindNode(*id)) {
      return Fail(Status::NotFound("nothing to export: " + *focus + " (" + *id +
                                   ") has no relation that passes the filters"));
    }
    auto ego = Neighborhood(*snapshot, *id, static_cast<int>(depth));
    if (!ego.ok()) return Fail(ego.status());
    graph = std::move(*ego);
    what = "the ego graph of " + *id;
  } else if (!path_ends.empty()) {
    std::string ids[2];
    for (int i = 0; i < 2; ++i) {
      auto id = (*store)->ResolveEntity(path_ends[i]);
      if (!id.ok()) return Fail(id.status());
      ids[i] = *id;
    }
    auto snapshot = Snapshot::Build(std::move(graph));
    if (!snapshot.ok()) return Fail(snapshot.status());
    auto path = ShortestPath(*snapshot, ids[0], ids[1]);
    if (!path.ok()) {
      return Fail(Status::NotFound("nothing to export: no path between " + ids[0] + " and " +
                                   ids[1] + " among the relations that pass the filters"));
    }
    graph = Subgraph(*snapshot, path->edges);
    if (graph.nodes.empty()) {  // a path from a node to itself
      if (const Entity* n = snapshot->FindNode(ids[0])) graph.nodes.push_back(*n);
    }
    what = "the path " + ids[0] + " .. " + ids[1];
  } else if (auto query = args.Get("--query")) {
    auto selected = QuerySelection(graph, *query, args.GetAll("--param"));
    if (!selected.ok()) return Fail(selected.status());
    graph = std::move(*selected);
    what = "the result of " + *query;
  }
  if (top > 0) graph = TopEdges(graph, static_cast<size_t>(top));
  if (graph.nodes.empty()) {
    return Fail(Status::NotFound("nothing to export: " + what +
                                 " has no relation that passes the filters"));
  }

  ExportInput input;
  input.vocabulary = &*vocab;
  if (format == "evidence" || format == "html") {
    auto rows = CollectEvidence(**store, graph);
    if (!rows.ok()) return Fail(rows.status());
    input.evidence = std::move(*rows);
  }
  const size_t node_count = graph.nodes.size(), edge_count = graph.edges.size();
  input.graph = std::move(graph);

  if (to_stdout) {
    auto data = (*exporter)->Render(input, options);
    if (!data.ok()) return Fail(data.status());
    std::cout.write(data->data(), static_cast<std::streamsize>(data->size()));
    std::cout.flush();
    return std::cout ? kExitOk : Fail(Status::IOError("cannot write to standard output"));
  }
  auto written = (*exporter)->Write(input, options, out_path);
  if (!written.ok()) return Fail(written.status());
  for (const auto& f : *written) {
    std::cout << "wrote " << f << " (" << node_count << " nodes, " << edge_count
              << " relations)\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterExportCommands(std::vector<Command>* commands) {
  Command c;
  c.name = "export";
  c.summary = "write the graph (or a part) as SVG, PDF, PNG, HTML, GraphML, GEXF, CSV, ...";
  c.usage = kExportUsage;
  c.spec.valued = {"-o",      "--output",       "--focus", "--depth",  "--path",
                   "--query", "--param",        "--as-of", "--since",  "--until",
                   "--relations", "--min-evidence", "--top", "--layout", "--timeout",
                   "--title", "--lang",         "--max-evidence"};
  c.spec.flags = {"--no-legend", "--active-only"};
  c.run = RunExport;
  commands->push_back(std::move(c));
}

}  // namespace geokg::cli
