// Graph commands: path, neighbors, ego, rank, blocs, balance.
// A thin layer over geokg/graph.h: flags go into GraphFilter and the graph
// module's option structs; names are resolved through the store (any
// language, aliases); output is a readable table, JSON or CSV.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "geokg/graph.h"
#include "geokg/model.h"
#include "geokg/store.h"

#include "cli.h"

namespace geokg::cli {

namespace {

// ---------------------------------------------------------------- output

enum class Format { kTable, kJson, kCsv };

std::string Num(double v, int digits = 6) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

// A result table: rows of cells; `numeric` columns are bare numbers in JSON.
struct Table {
  std::vector<std::string> header;
  std::vector<bool> numeric;
  std::vector<std::vector<std::string>> rows;

  void Print(std::ostream& out, Format format) const {
    if (format == Format::kCsv) {
      for (size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << CsvField(header[i]);
      out << "\n";
      for (const auto& r : rows) {
        for (size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << CsvField(r[i]);
        out << "\n";
      }
      return;
    }
    if (format == Format::kJson) {
      out << "[";
      for (size_t k = 0; k < rows.size(); ++k) {
        out << (k ? ",\n " : "\n ") << "{";
        for (size_t i = 0; i < header.size() && i < rows[k].size(); ++i) {
          const bool bare = i < numeric.size() && numeric[i] && !rows[k][i].empty();
          out << (i ? ", " : "") << JsonQuote(header[i]) << ": "
              << (bare ? rows[k][i] : JsonQuote(rows[k][i]));
        }
        out << "}";
      }
      out << (rows.empty() ? "]\n" : "\n]\n");
      return;
    }
    std::vector<size_t> width(header.size());
    for (size_t i = 0; i < header.size(); ++i) width[i] = DisplayWidth(header[i]);
    for (const auto& r : rows) {
      for (size_t i = 0; i < r.size() && i < width.size(); ++i) {
        width[i] = std::max(width[i], DisplayWidth(r[i]));
      }
    }
    auto line = [&](const std::vector<std::string>& r) {
      std::string s;
      for (size_t i = 0; i < r.size(); ++i) {
        const bool right = i < numeric.size() && numeric[i];
        const std::string pad(width[i] - DisplayWidth(r[i]), ' ');
        s += right ? pad + r[i] : r[i] + (i + 1 < r.size() ? pad : "");
        if (i + 1 < r.size()) s += "  ";
      }
      out << s << "\n";
    };
    line(header);
    for (const auto& r : rows) line(r);
  }
};

// ---------------------------------------------------------------- flags

const char* const kFilterHelp =
    "snapshot filters (edges that enter the graph):\n"
    "  --as-of DATE         only relations valid on DATE (events: happened by DATE)\n"
    "  --since DATE         only edges last seen on or after DATE\n"
    "  --until DATE         only edges first seen on or before DATE\n"
    "  --relations A,B      only these relation types (e.g. recognises,sanctions)\n"
    "  --plover X,Y         only these PLOVER types (e.g. SUPPORT,SANCTION)\n"
    "  --kinds K,L          both ends of these kinds: state, breakaway, organisation, other\n"
    "  --min-evidence N     edges backed by at least N evidence rows\n"
    "  --min-confidence X   edges with aggregated confidence >= X (0..1)\n"
    "  --active-only        leave out relations that were ended by their opposite\n"
    "output:\n"
    "  --format F           table (default), json or csv\n"
    "common:\n"
    "  --db PATH            the store file (default: geokg.db)\n";

void AddFilterSpec(Args::Spec* spec) {
  spec->valued.insert({"--as-of", "--since", "--until", "--relations", "--plover", "--kinds",
                       "--min-evidence", "--min-confidence", "--format"});
  spec->flags.insert("--active-only");
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(text);
  while (std::getline(in, cur, ',')) {
    cur.erase(0, cur.find_first_not_of(' '));
    cur.erase(cur.find_last_not_of(' ') + 1);
    if (!cur.empty()) out.push_back(cur);
  }
  return out;
}

std::vector<std::string> ListFlag(const Args& args, const std::string& flag) {
  std::vector<std::string> out;
  for (const auto& v : args.GetAll(flag)) {
    for (auto& item : SplitList(v)) out.push_back(std::move(item));
  }
  return out;
}

Result<Format> ParseFormat(const Args& args) {
  const std::string f = args.GetOr("--format", "table");
  if (f == "table") return Format::kTable;
  if (f == "json") return Format::kJson;
  if (f == "csv") return Format::kCsv;
  return Status::InvalidArgument("--format expects table, json or csv, not \"" + f + "\"");
}

Result<int> IntFlag(const Args& args, const std::string& flag, int fallback, int min) {
  auto v = args.Get(flag);
  if (!v) return fallback;
  auto n = ParseInt(flag, *v);
  if (!n.ok()) return n.status();
  if (*n < min || *n > 1000000000) {
    return Status::InvalidArgument(flag + " must be at least " + std::to_string(min) + ", not " +
                                   *v);
  }
  return static_cast<int>(*n);
}

Result<GraphFilter> ParseFilter(const Args& args) {
  GraphFilter f;
  for (const char* flag : {"--as-of", "--since", "--until"}) {
    auto v = args.Get(flag);
    if (!v) continue;
    auto p = CheckIsoDate(*v);
    if (!p || v->empty()) {
      return Status::InvalidArgument(std::string(flag) + " expects an ISO date (2022, 2022-07 or " +
                                     "2022-07-15), not \"" + *v + "\"");
    }
    (std::string(flag) == "--as-of"   ? f.as_of
     : std::string(flag) == "--since" ? f.since
                                      : f.until) = *v;
  }
  f.relations = ListFlag(args, "--relations");
  f.plover = ListFlag(args, "--plover");
  for (auto& p : f.plover) std::transform(p.begin(), p.end(), p.begin(), ::toupper);
  for (const auto& k : ListFlag(args, "--kinds")) {
    auto kind = ParseEntityKind(k);
    if (!kind) {
      return Status::InvalidArgument("--kinds: unknown kind \"" + k +
                                     "\" (state, breakaway, organisation, other)");
    }
    f.kinds.push_back(*kind);
  }
  if (auto v = args.Get("--min-evidence")) {
    auto n = ParseInt("--min-evidence", *v);
    if (!n.ok()) return n.status();
    if (*n < 0) return Status::InvalidArgument("--min-evidence must be >= 0");
    f.min_evidence = *n;
  }
  if (auto v = args.Get("--min-confidence")) {
    auto x = ParseDouble("--min-confidence", *v);
    if (!x.ok()) return x.status();
    if (*x < 0.0 || *x > 1.0) return Status::InvalidArgument("--min-confidence must be in 0..1");
    f.min_confidence = *x;
  }
  f.include_ended = !args.Has("--active-only");
  return f;
}

// ---------------------------------------------------------------- store + snapshot

struct Session {
  std::unique_ptr<Store> store;
  std::unique_ptr<Snapshot> snapshot;
};

int RuntimeFail(const Status& s) {
  std::cerr << "geokg: " << s.message() << "\n";
  return kExitError;
}

// Opens the store read-only, checks --relations against its vocabulary and
// reads the snapshot. Returns the exit code on failure.
int OpenSession(const std::string& command, const Args& args, const Global& global,
                const GraphFilter& filter, Session* session) {
  StoreOptions o;
  o.read_only = true;
  o.create_if_missing = false;
  auto store = Store::Open(global.db_path, o);
  if (!store.ok()) return RuntimeFail(store.status().WithContext(global.db_path));
  session->store = std::move(store).value();
  if (!filter.relations.empty()) {
    auto types = session->store->RelationTypes();
    if (types.ok() && !types->empty()) {
      for (const auto& r : filter.relations) {
        bool known = std::any_of(types->begin(), types->end(),
                                 [&](const RelationType& t) { return t.name == r; });
        if (!known) {
          std::string names;
          for (const auto& t : *types) names += (names.empty() ? "" : ", ") + t.name;
          return UsageError(command,
                            "--relations: unknown relation \"" + r + "\" (known: " + names + ")");
        }
      }
    }
  }
  (void)args;
  auto snap = Snapshot::FromStore(*session->store, filter);
  if (!snap.ok()) return RuntimeFail(snap.status());
  session->snapshot = std::make_unique<Snapshot>(std::move(snap).value());
  return kExitOk;
}

// Resolves a user-given name to an entity id of the snapshot.
Result<std::string> Resolve(Session& s, const std::string& name) {
  auto id = s.store->ResolveEntity(name);
  if (!id.ok()) return id.status();
  if (s.snapshot->FindNode(*id) == nullptr) {
    return Status::NotFound("\"" + name + "\" (" + *id +
                            ") has no relations that pass the snapshot filters");
  }
  return id;
}

std::string Label(const Snapshot& snap, const std::string& id) {
  const Entity* e = snap.FindNode(id);
  if (e == nullptr || e->name.empty() || e->name == id) return id;
  return e->name + " (" + id + ")";
}

std::string Range(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return "";
  return from + ".." + to;
}

// ---------------------------------------------------------------- path

const char kPathUsage[] =
    "usage: geokg path [OPTIONS] A B\n\n"
    "Shortest path(s) between two entities of the snapshot (networkx shortest_path,\n"
    "all_shortest_paths, shortest_simple_paths). A and B are names in any language,\n"
    "aliases or ids (\"Nordkorea\", \"DPRK\", \"Pjöngjang\", \"PRK\"). Every hop shows the\n"
    "relation, its direction, when it was seen (first..last) and valid (from..to).\n\n"
    "options:\n"
    "  --all                every shortest path (at most --max-paths)\n"
    "  --k N                the N shortest simple paths (Yen's algorithm)\n"
    "  --max-hops N         paths of at most N hops (default: unlimited)\n"
    "  --directed           follow relations subject -> object only (symmetric ones\n"
    "                       both ways); default: any direction\n"
    "  --weight W           hops (default); evidence: better attested edges are\n"
    "                       shorter (1/evidence); goldstein: cooperation is shorter;\n"
    "                       conflict: conflict is shorter (docs/graph.md)\n"
    "  --max-paths N        with --all: at most N paths (default 1000)\n";

const char kPathExamples[] =
    "\nexamples:\n"
    "  geokg path Nordkorea Ukraine\n"
    "  geokg path DPRK Kyiv --all --relations recognises,supports\n"
    "  geokg path Russia Germany --k 3 --weight evidence --as-of 2021-12-31\n"
    "  geokg path PRK DPR --directed --max-hops 2 --format json\n";

const char* Arrow(const Snapshot& snap, EdgeIndex e, const std::string& from) {
  if (snap.symmetric(e)) return "<->";
  return snap.node(snap.source(e)).id == from ? "->" : "<-";
}

int RunPath(const Args& args, const Global& global) {
  const std::string cmd = "path";
  if (args.positionals().size() != 2) return UsageError(cmd, "expects two names: A B");
  auto filter = ParseFilter(args);
  if (!filter.ok()) return UsageError(cmd, filter.status().message());
  auto format = ParseFormat(args);
  if (!format.ok()) return UsageError(cmd, format.status().message());
  PathOptions opt;
  opt.directed = args.Has("--directed");
  if (auto w = args.Get("--weight")) {
    auto parsed = ParseWeight(*w);
    if (!parsed) {
      return UsageError(
          cmd, "--weight expects hops, evidence, goldstein or conflict, not \"" + *w + "\"");
    }
    opt.weight = *parsed;
  }
  auto hops = IntFlag(args, "--max-hops", 0, 0);
  if (!hops.ok()) return UsageError(cmd, hops.status().message());
  opt.max_hops = *hops;
  auto k = IntFlag(args, "--k", 0, 1);
  if (!k.ok()) return UsageError(cmd, k.status().message());
  auto max_paths = IntFlag(args, "--max-paths", 1000, 1);
  if (!max_paths.ok()) return UsageError(cmd, max_paths.status().message());
  opt.max_paths = static_cast<size_t>(*max_paths);
  if (args.Has("--all") && *k > 0) return UsageError(cmd, "--all and --k exclude each other");

  Session s;
  if (int rc = OpenSession(cmd, args, global, *filter, &s); rc != kExitOk) return rc;
  auto a = Resolve(s, args.positionals()[0]);
  if (!a.ok()) return RuntimeFail(a.status());
  auto b = Resolve(s, args.positionals()[1]);
  if (!b.ok()) return RuntimeFail(b.status());
  const Snapshot& snap = *s.snapshot;

  std::vector<Path> paths;
  if (args.Has("--all")) {
    auto r = AllShortestPaths(snap, *a, *b, opt);
    if (!r.ok()) return RuntimeFail(r.status());
    paths = std::move(r).value();
  } else if (*k > 0) {
    auto r = KShortestPaths(snap, *a, *b, *k, opt);
    if (!r.ok()) return RuntimeFail(r.status());
    paths = std::move(r).value();
  } else {
    auto r = ShortestPath(snap, *a, *b, opt);
    if (!r.ok()) return RuntimeFail(r.status());
    paths.push_back(std::move(r).value());
  }

  Table t;
  t.header = {"path",   "step",     "from",       "from_name", "direction",  "relation",
              "to",     "to_name",  "first_seen", "last_seen", "valid_from", "valid_to",
              "status", "evidence", "confidence", "goldstein", "cost"};
  t.numeric = {true,  true,  false, false, false, false, false, false, false,
               false, false, false, false, true,  true,  true,  true};
  for (size_t p = 0; p < paths.size(); ++p) {
    const Path& path = paths[p];
    for (size_t i = 0; i < path.edges.size(); ++i) {
      const Edge& e = snap.edge(path.edges[i]);
      const std::string& from = path.nodes[i];
      const std::string& to = path.nodes[i + 1];
      t.rows.push_back({std::to_string(p + 1), std::to_string(i + 1), from,
                        snap.FindNode(from)->name, Arrow(snap, path.edges[i], from), e.relation, to,
                        snap.FindNode(to)->name, e.first_seen, e.last_seen, e.valid_from,
                        e.valid_to, e.status, std::to_string(e.evidence_count),
                        Num(e.confidence, 3), Num(e.goldstein, 3), Num(EdgeCost(e, opt.weight))});
    }
  }
  if (*format == Format::kCsv) {
    t.Print(std::cout, *format);
    return kExitOk;
  }
  if (*format == Format::kJson) {
    std::cout << "{\"from\": " << JsonQuote(*a) << ", \"to\": " << JsonQuote(*b)
              << ", \"weight\": " << JsonQuote(ToString(opt.weight))
              << ", \"directed\": " << (opt.directed ? "true" : "false") << ", \"paths\": [";
    for (size_t p = 0; p < paths.size(); ++p) {
      const Path& path = paths[p];
      std::cout << (p ? ",\n  " : "\n  ") << "{\"cost\": " << Num(path.cost, 10)
                << ", \"hops\": " << path.edges.size() << ", \"nodes\": [";
      for (size_t i = 0; i < path.nodes.size(); ++i) {
        std::cout << (i ? ", " : "") << "{\"id\": " << JsonQuote(path.nodes[i])
                  << ", \"name\": " << JsonQuote(snap.FindNode(path.nodes[i])->name) << "}";
      }
      std::cout << "], \"steps\": [";
      for (size_t i = 0; i < path.edges.size(); ++i) {
        const Edge& e = snap.edge(path.edges[i]);
        std::cout << (i ? ", " : "") << "{\"from\": " << JsonQuote(path.nodes[i])
                  << ", \"to\": " << JsonQuote(path.nodes[i + 1])
                  << ", \"direction\": " << JsonQuote(Arrow(snap, path.edges[i], path.nodes[i]))
                  << ", \"edge_id\": " << e.id << ", \"subject\": " << JsonQuote(e.subject)
                  << ", \"relation\": " << JsonQuote(e.relation)
                  << ", \"object\": " << JsonQuote(e.object)
                  << ", \"first_seen\": " << JsonQuote(e.first_seen)
                  << ", \"last_seen\": " << JsonQuote(e.last_seen)
                  << ", \"valid_from\": " << JsonQuote(e.valid_from)
                  << ", \"valid_to\": " << JsonQuote(e.valid_to)
                  << ", \"status\": " << JsonQuote(e.status)
                  << ", \"evidence_count\": " << e.evidence_count
                  << ", \"confidence\": " << Num(e.confidence)
                  << ", \"goldstein\": " << Num(e.goldstein) << "}";
      }
      std::cout << "]}";
    }
    std::cout << "\n]}\n";
    return kExitOk;
  }
  // Readable form: one block per path, one line per hop.
  for (size_t p = 0; p < paths.size(); ++p) {
    const Path& path = paths[p];
    if (p > 0) std::cout << "\n";
    std::cout << "path " << p + 1 << " of " << paths.size() << ": " << path.edges.size()
              << (path.edges.size() == 1 ? " hop" : " hops");
    if (opt.weight != PathOptions::Weight::kHops) {
      std::cout << ", cost " << Num(path.cost) << " (" << ToString(opt.weight) << ")";
    }
    std::cout << "\n";
    if (path.edges.empty()) std::cout << "  " << Label(snap, path.nodes[0]) << "\n";
    for (size_t i = 0; i < path.edges.size(); ++i) {
      const Edge& e = snap.edge(path.edges[i]);
      const std::string arrow = Arrow(snap, path.edges[i], path.nodes[i]);
      std::string rel = arrow == "<-"    ? "<-[" + e.relation + "]-"
                        : arrow == "<->" ? "<-[" + e.relation + "]->"
                                         : "-[" + e.relation + "]->";
      std::cout << "  " << Label(snap, path.nodes[i]) << " " << rel << " "
                << Label(snap, path.nodes[i + 1]) << "\n"
                << "      seen " << Range(e.first_seen, e.last_seen);
      if (e.status != "event") {
        std::cout << ", valid " << e.valid_from << ".." << (e.valid_to.empty() ? "" : e.valid_to);
      }
      std::cout << ", " << e.status << ", evidence " << e.evidence_count << " (" << e.source_count
                << (e.source_count == 1 ? " source" : " sources") << ")\n";
    }
  }
  return kExitOk;
}

// ---------------------------------------------------------------- neighbors / ego

const char kNeighborsUsage[] =
    "usage: geokg neighbors [OPTIONS] A\n\n"
    "The entities within --depth hops of A (networkx single_source_shortest_path_length),\n"
    "nearest first, with the relations that link each to the ring before it.\n\n"
    "options:\n"
    "  --depth N            how far to go (default 1)\n"
    "  --directed           follow relations outwards from A only\n";

const char kNeighborsExamples[] =
    "\nexamples:\n"
    "  geokg neighbors Nordkorea\n"
    "  geokg neighbors Russia --depth 2 --relations sanctions --format csv\n";

const char kEgoUsage[] =
    "usage: geokg ego [OPTIONS] A\n\n"
    "The ego graph of A (networkx ego_graph): the entities within --radius hops and\n"
    "every relation among them, one line per edge.\n\n"
    "options:\n"
    "  --radius N           how far to go (default 1)\n"
    "  --directed           follow relations outwards from A only\n";

const char kEgoExamples[] =
    "\nexamples:\n"
    "  geokg ego Pjöngjang --radius 2\n"
    "  geokg ego UN --as-of 2023-01-01 --format json\n";

int RunNeighborhood(const Args& args, const Global& global, bool ego) {
  const std::string cmd = ego ? "ego" : "neighbors";
  if (args.positionals().size() != 1) return UsageError(cmd, "expects one name");
  auto filter = ParseFilter(args);
  if (!filter.ok()) return UsageError(cmd, filter.status().message());
  auto format = ParseFormat(args);
  if (!format.ok()) return UsageError(cmd, format.status().message());
  const std::string depth_flag = ego ? "--radius" : "--depth";
  auto depth = IntFlag(args, depth_flag, 1, 0);
  if (!depth.ok()) return UsageError(cmd, depth.status().message());
  const bool directed = args.Has("--directed");

  Session s;
  if (int rc = OpenSession(cmd, args, global, *filter, &s); rc != kExitOk) return rc;
  auto id = Resolve(s, args.positionals()[0]);
  if (!id.ok()) return RuntimeFail(id.status());
  const Snapshot& snap = *s.snapshot;
  auto graph = Neighborhood(snap, *id, *depth, directed);
  if (!graph.ok()) return RuntimeFail(graph.status());
  auto near = Neighbors(snap, *id, *depth, directed);
  if (!near.ok()) return RuntimeFail(near.status());
  std::map<std::string, int> hops;
  for (const auto& n : *near) hops[n.id] = n.hops;

  Table t;
  if (ego) {
    t.header = {"subject",   "subject_name", "relation", "object", "object_name", "first_seen",
                "last_seen", "valid_from",   "valid_to", "status", "evidence",    "confidence"};
    t.numeric = {false, false, false, false, false, false, false, false, false, false, true, true};
    for (const Edge& e : graph->edges) {
      t.rows.push_back({e.subject, snap.FindNode(e.subject)->name, e.relation, e.object,
                        snap.FindNode(e.object)->name, e.first_seen, e.last_seen, e.valid_from,
                        e.valid_to, e.status, std::to_string(e.evidence_count),
                        Num(e.confidence, 3)});
    }
    if (*format == Format::kJson) {
      std::cout << "{\"center\": " << JsonQuote(*id) << ", \"radius\": " << *depth
                << ", \"nodes\": [";
      for (size_t i = 0; i < graph->nodes.size(); ++i) {
        const Entity& n = graph->nodes[i];
        std::cout << (i ? ",\n  " : "\n  ") << "{\"id\": " << JsonQuote(n.id)
                  << ", \"name\": " << JsonQuote(n.name)
                  << ", \"kind\": " << JsonQuote(ToString(n.kind)) << ", \"hops\": " << hops[n.id]
                  << "}";
      }
      std::cout << "],\n\"edges\": ";
      t.Print(std::cout, *format);
      std::cout << "}\n";
      return kExitOk;
    }
    if (*format == Format::kTable) {
      std::cout << "ego graph of " << Label(snap, *id) << ", radius " << *depth << ": "
                << graph->nodes.size() << " entities, " << graph->edges.size() << " relations\n\n";
    }
    t.Print(std::cout, *format);
    return kExitOk;
  }

  // neighbors: the relations linking each node to the ring before it.
  std::map<std::string, std::set<std::string>> via;
  for (const Edge& e : graph->edges) {
    const int hs = hops[e.subject], ho = hops[e.object];
    if (ho == hs + 1)
      via[e.object].insert(e.relation + (e.symmetric ? " <-> " : " <- ") + e.subject);
    if (hs == ho + 1 && (!directed || e.symmetric)) {
      via[e.subject].insert(e.relation + (e.symmetric ? " <-> " : " -> ") + e.object);
    }
  }
  t.header = {"hops", "id", "name", "kind", "via"};
  t.numeric = {true, false, false, false, false};
  for (const auto& n : *near) {
    std::string links;
    for (const auto& v : via[n.id]) links += (links.empty() ? "" : "; ") + v;
    const Entity* e = snap.FindNode(n.id);
    t.rows.push_back(
        {std::to_string(n.hops), n.id, e->name, std::string(ToString(e->kind)), links});
  }
  t.Print(std::cout, *format);
  return kExitOk;
}

// ---------------------------------------------------------------- rank

const char kRankUsage[] =
    "usage: geokg rank [OPTIONS]\n\n"
    "Ranks the entities of the snapshot by a centrality measure.\n\n"
    "options:\n"
    "  --by M               degree (default): number of relations (networkx degree);\n"
    "                       pagerank: PageRank, damping 0.85 (networkx pagerank);\n"
    "                       betweenness: Brandes, normalised (networkx\n"
    "                       betweenness_centrality); cost O(nodes x edges)\n"
    "  --top N              the N best (default 20; 0 = all)\n"
    "  --direction D        degree only: total (default), in or out\n"
    "  --undirected         pagerank/betweenness: ignore the direction of relations\n"
    "  --damping X          pagerank damping factor (default 0.85)\n";

const char kRankExamples[] =
    "\nexamples:\n"
    "  geokg rank --by pagerank --top 10\n"
    "  geokg rank --by degree --direction in --relations recognises\n"
    "  geokg rank --by betweenness --kinds state --format csv\n";

int RunRank(const Args& args, const Global& global) {
  const std::string cmd = "rank";
  if (!args.positionals().empty()) return UsageError(cmd, "takes no names");
  auto filter = ParseFilter(args);
  if (!filter.ok()) return UsageError(cmd, filter.status().message());
  auto format = ParseFormat(args);
  if (!format.ok()) return UsageError(cmd, format.status().message());
  RankOptions opt;
  if (auto by = args.Get("--by")) {
    auto m = ParseMeasure(*by);
    if (!m)
      return UsageError(cmd, "--by expects degree, pagerank or betweenness, not \"" + *by + "\"");
    opt.measure = *m;
  }
  if (auto d = args.Get("--direction")) {
    if (*d == "in") {
      opt.degree = RankOptions::Degree::kIn;
    } else if (*d == "out") {
      opt.degree = RankOptions::Degree::kOut;
    } else if (*d == "total") {
      opt.degree = RankOptions::Degree::kTotal;
    } else {
      return UsageError(cmd, "--direction expects in, out or total, not \"" + *d + "\"");
    }
  }
  if (auto d = args.Get("--damping")) {
    auto x = ParseDouble("--damping", *d);
    if (!x.ok()) return UsageError(cmd, x.status().message());
    if (*x <= 0.0 || *x >= 1.0) return UsageError(cmd, "--damping must be between 0 and 1");
    opt.damping = *x;
  }
  opt.directed = !args.Has("--undirected");
  auto top = IntFlag(args, "--top", 20, 0);
  if (!top.ok()) return UsageError(cmd, top.status().message());
  opt.top = static_cast<size_t>(*top);

  Session s;
  if (int rc = OpenSession(cmd, args, global, *filter, &s); rc != kExitOk) return rc;
  auto scores = Rank(*s.snapshot, opt);
  Table t;
  t.header = {"rank", "id", "name", std::string(ToString(opt.measure))};
  t.numeric = {true, false, false, true};
  for (size_t i = 0; i < scores.size(); ++i) {
    t.rows.push_back({std::to_string(i + 1), scores[i].id, scores[i].name,
                      opt.measure == RankOptions::Measure::kDegree ? Num(scores[i].score, 12)
                                                                   : Num(scores[i].score, 6)});
  }
  t.Print(std::cout, *format);
  return kExitOk;
}

// ---------------------------------------------------------------- blocs

const char kBlocsUsage[] =
    "usage: geokg blocs [OPTIONS]\n\n"
    "Groups the entities of the snapshot into blocs, largest first.\n\n"
    "options:\n"
    "  --method M           components (default): connected components, direction\n"
    "                       ignored (networkx connected_components);\n"
    "                       communities: Louvain modularity communities\n"
    "                       (networkx louvain_communities; deterministic order)\n"
    "  --cooperative        only cooperative relations (Goldstein > 0) join a bloc\n"
    "  --min-size N         leave out blocs with fewer members (default 2)\n";

const char kBlocsExamples[] =
    "\nexamples:\n"
    "  geokg blocs --method communities --cooperative\n"
    "  geokg blocs --as-of 2022-12-31 --format json\n";

int RunBlocs(const Args& args, const Global& global) {
  const std::string cmd = "blocs";
  if (!args.positionals().empty()) return UsageError(cmd, "takes no names");
  auto filter = ParseFilter(args);
  if (!filter.ok()) return UsageError(cmd, filter.status().message());
  auto format = ParseFormat(args);
  if (!format.ok()) return UsageError(cmd, format.status().message());
  BlocOptions opt;
  if (auto m = args.Get("--method")) {
    auto parsed = ParseBlocMethod(*m);
    if (!parsed)
      return UsageError(cmd, "--method expects components or communities, not \"" + *m + "\"");
    opt.method = *parsed;
  }
  opt.cooperative_only = args.Has("--cooperative");
  auto min_size = IntFlag(args, "--min-size", 2, 1);
  if (!min_size.ok()) return UsageError(cmd, min_size.status().message());
  opt.min_size = static_cast<size_t>(*min_size);

  Session s;
  if (int rc = OpenSession(cmd, args, global, *filter, &s); rc != kExitOk) return rc;
  const Snapshot& snap = *s.snapshot;
  auto blocs = Blocs(snap, opt);
  if (*format == Format::kJson) {
    std::cout << "[";
    for (size_t i = 0; i < blocs.size(); ++i) {
      std::cout << (i ? ",\n " : "\n ") << "{\"bloc\": " << i + 1
                << ", \"size\": " << blocs[i].members.size()
                << ", \"internal_edges\": " << blocs[i].internal_edges << ", \"members\": [";
      for (size_t k = 0; k < blocs[i].members.size(); ++k) {
        const std::string& id = blocs[i].members[k];
        std::cout << (k ? ", " : "") << "{\"id\": " << JsonQuote(id)
                  << ", \"name\": " << JsonQuote(snap.FindNode(id)->name) << "}";
      }
      std::cout << "]}";
    }
    std::cout << (blocs.empty() ? "]\n" : "\n]\n");
    return kExitOk;
  }
  Table t;
  t.header = {"bloc", "size", "internal_edges", "members"};
  t.numeric = {true, true, true, false};
  for (size_t i = 0; i < blocs.size(); ++i) {
    std::string members;
    for (const auto& id : blocs[i].members) {
      members += (members.empty() ? "" : (*format == Format::kCsv ? "; " : ", ")) +
                 (*format == Format::kCsv ? id : Label(snap, id));
    }
    t.rows.push_back({std::to_string(i + 1), std::to_string(blocs[i].members.size()),
                      std::to_string(blocs[i].internal_edges), members});
  }
  t.Print(std::cout, *format);
  return kExitOk;
}

// ---------------------------------------------------------------- balance

const char kBalanceUsage[] =
    "usage: geokg balance [OPTIONS]\n\n"
    "Structural balance of the signed graph: each pair of entities is friendly (+)\n"
    "or hostile (-) by the net sign of its relations (Goldstein > 0 cooperative,\n"
    "< 0 conflictual). Lists closed triads with their balance (+++ and +-- are\n"
    "balanced, ++- and --- are not), \"enemy of my enemy\" triads (A and C both\n"
    "hostile to B, and A-C friendly or without a tie) and the share of balanced triads.\n\n"
    "options:\n"
    "  --top N              list at most N triads of each kind (default 50; 0 = all)\n";

const char kBalanceExamples[] =
    "\nexamples:\n"
    "  geokg balance\n"
    "  geokg balance --as-of 2022-06-01 --kinds state --format json\n";

std::string SignText(int s) { return s > 0 ? "+" : (s < 0 ? "-" : "none"); }

int RunBalance(const Args& args, const Global& global) {
  const std::string cmd = "balance";
  if (!args.positionals().empty()) return UsageError(cmd, "takes no names");
  auto filter = ParseFilter(args);
  if (!filter.ok()) return UsageError(cmd, filter.status().message());
  auto format = ParseFormat(args);
  if (!format.ok()) return UsageError(cmd, format.status().message());
  auto top = IntFlag(args, "--top", 50, 0);
  if (!top.ok()) return UsageError(cmd, top.status().message());
  BalanceOptions opt;
  opt.max_listed = *top == 0 ? SIZE_MAX : static_cast<size_t>(*top);

  Session s;
  if (int rc = OpenSession(cmd, args, global, *filter, &s); rc != kExitOk) return rc;
  const Snapshot& snap = *s.snapshot;
  BalanceReport r = Balance(snap, opt);

  Table triads;
  triads.header = {"kind", "a", "b", "c", "a_b", "b_c", "a_c", "balanced"};
  for (const auto& t : r.triads) {
    triads.rows.push_back({"triad", t.nodes[0], t.nodes[1], t.nodes[2], SignText(t.signs[0]),
                           SignText(t.signs[1]), SignText(t.signs[2]), t.balanced ? "yes" : "no"});
  }
  Table eoe;
  eoe.header = {"kind", "a", "b", "c", "a_b", "b_c", "a_c", "balanced"};
  for (const auto& t : r.enemy_of_enemy) {
    eoe.rows.push_back({"enemy_of_enemy", t.a, t.b, t.c, "-", "-", SignText(t.a_c_sign),
                        t.a_c_sign > 0 ? "yes" : "open"});
  }
  if (*format == Format::kCsv) {
    Table all = triads;
    all.rows.insert(all.rows.end(), eoe.rows.begin(), eoe.rows.end());
    all.Print(std::cout, *format);
    return kExitOk;
  }
  if (*format == Format::kJson) {
    std::cout << "{\"positive_ties\": " << r.positive_ties
              << ", \"negative_ties\": " << r.negative_ties << ", \"triads\": " << r.triad_count
              << ", \"balanced\": " << r.balanced_count
              << ", \"balance_ratio\": " << Num(r.balance_ratio)
              << ", \"enemy_of_enemy\": " << r.enemy_of_enemy_count << ",\n\"triad_list\": ";
    triads.Print(std::cout, *format);
    std::cout << ",\"enemy_of_enemy_list\": ";
    eoe.Print(std::cout, *format);
    std::cout << "}\n";
    return kExitOk;
  }
  std::cout << "signed ties: " << r.positive_ties << " friendly (+), " << r.negative_ties
            << " hostile (-)\n"
            << "closed triads: " << r.triad_count << ", balanced " << r.balanced_count
            << ", balance ratio " << Num(r.balance_ratio, 4) << "\n"
            << "enemy-of-my-enemy triads: " << r.enemy_of_enemy_count << "\n";
  if (!r.triads.empty()) {
    std::cout << "\ntriads"
              << (r.triads.size() < static_cast<size_t>(r.triad_count)
                      ? " (first " + std::to_string(r.triads.size()) + ")"
                      : "")
              << ":\n";
    Table view;
    view.header = {"a", "b", "c", "signs", "balanced"};
    for (const auto& t : r.triads) {
      view.rows.push_back({Label(snap, t.nodes[0]), Label(snap, t.nodes[1]),
                           Label(snap, t.nodes[2]),
                           SignText(t.signs[0]) + SignText(t.signs[1]) + SignText(t.signs[2]),
                           t.balanced ? "yes" : "no"});
    }
    view.Print(std::cout, Format::kTable);
  }
  if (!r.enemy_of_enemy.empty()) {
    std::cout << "\nenemy of my enemy (A and C both hostile to B):\n";
    Table view;
    view.header = {"a", "common enemy b", "c", "a-c"};
    for (const auto& t : r.enemy_of_enemy) {
      view.rows.push_back({Label(snap, t.a), Label(snap, t.b), Label(snap, t.c),
                           t.a_c_sign > 0 ? "friendly (balanced)" : "no tie (open)"});
    }
    view.Print(std::cout, Format::kTable);
  }
  return kExitOk;
}

Command Make(std::string name, std::string summary, std::string usage, Args::Spec spec,
             std::function<int(const Args&, const Global&)> run) {
  AddFilterSpec(&spec);
  return Command{std::move(name), std::move(summary), std::move(usage), std::move(spec),
                 std::move(run)};
}

}  // namespace

void RegisterGraphCommands(std::vector<Command>* commands) {
  commands->push_back(
      Make("path", "shortest path(s) between two entities",
           std::string(kPathUsage) + "\n" + kFilterHelp + kPathExamples,
           Args::Spec{{"--k", "--max-hops", "--weight", "--max-paths"}, {"--all", "--directed"}},
           RunPath));
  commands->push_back(
      Make("neighbors", "entities within N hops of an entity",
           std::string(kNeighborsUsage) + "\n" + kFilterHelp + kNeighborsExamples,
           Args::Spec{{"--depth"}, {"--directed"}},
           [](const Args& a, const Global& g) { return RunNeighborhood(a, g, false); }));
  commands->push_back(
      Make("ego", "the ego graph of an entity (relations among its neighbours)",
           std::string(kEgoUsage) + "\n" + kFilterHelp + kEgoExamples,
           Args::Spec{{"--radius"}, {"--directed"}},
           [](const Args& a, const Global& g) { return RunNeighborhood(a, g, true); }));
  commands->push_back(
      Make("rank", "rank entities by degree, PageRank or betweenness",
           std::string(kRankUsage) + "\n" + kFilterHelp + kRankExamples,
           Args::Spec{{"--by", "--top", "--direction", "--damping"}, {"--undirected"}}, RunRank));
  commands->push_back(Make("blocs", "connected components or communities",
                           std::string(kBlocsUsage) + "\n" + kFilterHelp + kBlocsExamples,
                           Args::Spec{{"--method", "--min-size"}, {"--cooperative"}}, RunBlocs));
  commands->push_back(Make("balance", "structural balance: signed triads, enemy of my enemy",
                           std::string(kBalanceUsage) + "\n" + kFilterHelp + kBalanceExamples,
                           Args::Spec{{"--top"}, {}}, RunBalance));
}

}  // namespace geokg::cli
