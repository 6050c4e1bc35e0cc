// The query command: `geokg query 'MATCH ...'` and `geokg query -f FILE`.
// A thin layer over geokg/query.h: it opens the store read-only, reads the
// graph snapshot, fills the parameters and prints the result by format name.

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include "geokg/graph.h"
#include "geokg/model.h"
#include "geokg/query.h"
#include "geokg/store.h"

#include "cli.h"

namespace geokg::cli {

namespace {

const char kQueryUsage[] =
    "usage: geokg query [OPTIONS] 'QUERY'\n"
    "       geokg query [OPTIONS] -f FILE\n\n"
    "Runs a read-only openCypher query over the store's graph (docs/query.md has the\n"
    "supported subset). Nodes are entities with labels State, Breakaway, Organisation\n"
    "and the properties id, name, kind, aliases; relationships are the store's edges,\n"
    "typed by relation name ([:recognises]) with the properties first_seen, last_seen,\n"
    "valid_from, valid_to, evidence_count, source_count, confidence, status, cameo,\n"
    "plover, goldstein, symmetric. Symmetric relations (meets, cuts_ties, ...) match a\n"
    "directed pattern in both directions. The store is opened read-only; CREATE, MERGE,\n"
    "SET, DELETE, REMOVE and DETACH are refused.\n\n"
    "options:\n"
    "  -f, --file FILE      read the query from FILE ('-': stdin); a saved query's\n"
    "                       '// params: a=UKR b=RUS' header line sets default\n"
    "                       parameters, which --param and --entity override\n"
    "  --param NAME=VALUE   set $NAME (repeatable). VALUE is read as an integer or\n"
    "                       decimal number, a date (YYYY-MM-DD or YYYY-MM), true/false,\n"
    "                       or else a string; quotes force a string ('2022')\n"
    "  --entity NAME=TEXT   set $NAME to the id of the entity TEXT names: an id, a name\n"
    "                       or an alias in any language (\"Nordkorea\" -> 'PRK'), resolved\n"
    "                       by the store like the other commands' entity arguments\n"
    "  --format F           table (default), json, csv or tsv\n"
    "  --max-rows N         fail when a clause yields more than N rows (default 1000000)\n"
    "  --max-hops N         upper bound for '*' patterns without one (default 10)\n"
    "  --max-expansions N   fail after examining N relationships (default 200000000)\n"
    "  --as-of DATE         query only relations valid on DATE\n"
    "  --since DATE         query only edges last seen on or after DATE\n"
    "  --until DATE         query only edges first seen on or before DATE\n"
    "  --explain            print the parsed query (its AST) instead of running it\n\n"
    "examples:\n"
    "  geokg query \"MATCH (a)-[:recognises]->(b {id: 'DPR'}) RETURN a.name ORDER BY a.name\"\n"
    "  geokg query 'MATCH (a {id: $a})-[r]-(b {id: $b}) RETURN type(r), r.valid_from'\n"
    "              --param a=UKR --param b=RUS\n"
    "  geokg query -f queries/recognised_by.cypher --entity entity=Abchasien\n"
    "  geokg query -f queries/most_sanctioned.cypher --param year=2022 --format csv\n"
    "  geokg query 'MATCH p = shortestPath((a {id:\"PRK\"})-[*..6]-(b {id:\"UKR\"})) RETURN p'\n"
    "\n"
    "exit status: 0 ok, 1 runtime error (store, limits), 2 usage or query error\n";

Result<std::string> ReadQueryFile(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open the query file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<long long> PositiveFlag(const Args& args, const std::string& flag, long long fallback) {
  auto v = args.Get(flag);
  if (!v) return fallback;
  auto n = ParseInt(flag, *v);
  if (!n.ok()) return n.status();
  if (*n < 1) return Status::InvalidArgument(flag + " must be at least 1");
  return *n;
}

int RunQuery(const Args& args, const Global& global) {
  const std::string cmd = "query";
  auto file = args.Get("--file");
  if (auto f = args.Get("-f")) file = f;
  std::string text;
  std::string source = "query";
  if (file) {
    if (!args.positionals().empty())
      return UsageError(cmd, "give the query as text or with -f, not both");
    auto t = ReadQueryFile(*file);
    if (!t.ok()) {
      std::cerr << "geokg: " << t.status().message() << "\n";
      return kExitError;
    }
    text = std::move(t).value();
    source = *file;
  } else {
    if (args.positionals().size() != 1)
      return UsageError(cmd, "expects one query (quote it) or -f FILE");
    text = args.positionals()[0];
  }

  QueryOptions options;
  auto max_rows = PositiveFlag(args, "--max-rows", options.max_rows);
  if (!max_rows.ok()) return UsageError(cmd, max_rows.status().message());
  auto max_hops = PositiveFlag(args, "--max-hops", options.max_hops);
  if (!max_hops.ok()) return UsageError(cmd, max_hops.status().message());
  auto max_exp = PositiveFlag(args, "--max-expansions", options.max_expansions);
  if (!max_exp.ok()) return UsageError(cmd, max_exp.status().message());
  options.max_rows = *max_rows;
  options.max_hops = static_cast<int>(*max_hops);
  options.max_expansions = *max_exp;
  const std::string format = args.GetOr("--format", "table");
  if (format != "table" && format != "json" && format != "csv" && format != "tsv") {
    return UsageError(cmd, "--format must be table, json, csv or tsv, not \"" + format + "\"");
  }

  auto query = Query::Parse(text);
  if (!query.ok()) {
    std::cerr << "geokg: " << (file ? source + ": " : "") << query.status().message() << "\n";
    return kExitUsage;
  }
  if (args.Has("--explain")) {
    std::cout << query->DebugString() << "\n";
    return kExitOk;
  }

  QueryParams params;
  if (file) {
    auto header = ParamsFromHeader(text);
    if (!header.ok()) return UsageError(cmd, source + ": " + header.status().message());
    params = std::move(header).value();
  }
  for (const auto& p : args.GetAll("--param")) {
    Status s = ParseParamAssignment(p, &params);
    if (!s.ok()) return UsageError(cmd, "--param: " + s.message());
  }

  GraphFilter filter;
  for (const char* flag : {"--as-of", "--since", "--until"}) {
    auto v = args.Get(flag);
    if (!v) continue;
    auto p = CheckIsoDate(*v);
    if (!p || *p == DatePrecision::kUnknown) {
      return UsageError(cmd, std::string(flag) + " expects an ISO date, not \"" + *v + "\"");
    }
    std::string f = flag;
    (f == "--as-of" ? filter.as_of : f == "--since" ? filter.since : filter.until) = *v;
  }

  StoreOptions store_options;
  store_options.read_only = true;
  store_options.create_if_missing = false;
  auto store = Store::Open(global.db_path, store_options);
  if (!store.ok()) {
    std::cerr << "geokg: " << store.status().WithContext(global.db_path).message() << "\n";
    return kExitError;
  }
  for (const auto& e : args.GetAll("--entity")) {
    size_t eq = e.find('=');
    if (eq == std::string::npos || eq == 0) {
      return UsageError(cmd, "--entity expects NAME=TEXT, not \"" + e + "\"");
    }
    auto id = (*store)->ResolveEntity(e.substr(eq + 1));
    if (!id.ok()) {
      std::cerr << "geokg: --entity " << e << ": " << id.status().message() << "\n";
      return kExitError;
    }
    Status s = ParseParamAssignment(e.substr(0, eq) + "='" + *id + "'", &params);
    if (!s.ok()) return UsageError(cmd, "--entity: " + s.message());
  }
  for (const auto& name : query->Parameters()) {
    if (!params.count(name)) {
      return UsageError(cmd, "the query uses $" + name + "; give it with --param " + name +
                                 "=VALUE or --entity " + name + "=NAME");
    }
  }

  auto snap = Snapshot::FromStore(**store, filter);
  if (!snap.ok()) {
    std::cerr << "geokg: " << snap.status().message() << "\n";
    return kExitError;
  }
  QueryEngine engine(std::make_shared<const Snapshot>(std::move(snap).value()), options);
  auto result = engine.Run(*query, params);
  if (!result.ok()) {
    std::cerr << "geokg: " << (file ? source + ": " : "") << result.status().message() << "\n";
    return result.status().IsInvalidArgument() ? kExitUsage : kExitError;
  }
  Status s = WriteQueryResult(*result, format, std::cout);
  if (!s.ok()) return UsageError(cmd, s.message());
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "geokg: cannot write the result\n";
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

void RegisterQueryCommands(std::vector<Command>* commands) {
  Command c;
  c.name = "query";
  c.summary = "run a read-only openCypher query (MATCH ... RETURN) over the graph";
  c.usage = kQueryUsage;
  c.spec.valued = {"-f",       "--file",     "--param",    "--entity",
                   "--format", "--max-rows", "--max-hops", "--max-expansions",
                   "--as-of",  "--since",    "--until"};
  c.spec.flags = {"--explain"};
  c.run = RunQuery;
  commands->push_back(std::move(c));
}

}  // namespace geokg::cli
