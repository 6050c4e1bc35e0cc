// Store commands: load, merge, stats, entities, evidence, timeline.
// A thin layer over geokg/store.h: flags go into StoreOptions/LoadOptions,
// Status values become one line on stderr and an exit code.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "geokg/ontology.h"
#include "geokg/store.h"

namespace geokg::cli {

namespace {

// ---------------------------------------------------------------- output helpers

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(header.size());
  for (size_t i = 0; i < header.size(); ++i) width[i] = DisplayWidth(header[i]);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], DisplayWidth(r[i]));
  }
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (size_t i = 0; i < r.size(); ++i) {
      s += r[i];
      if (i + 1 < r.size()) s += std::string(width[i] - DisplayWidth(r[i]) + 2, ' ');
    }
    out << s << "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
}

Result<bool> JsonFormat(const Args& args, const std::string& command) {
  std::string f = args.GetOr("--format", "table");
  if (f == "json") return true;
  if (f == "table") return false;
  return Status::InvalidArgument(command + ": unknown --format \"" + f + "\" (table|json)");
}

// ---------------------------------------------------------------- opening

Result<std::unique_ptr<Store>> OpenForWrite(const Global& g) {
  auto store = Store::Open(g.db_path);
  if (!store.ok()) return store.status();
  const std::string vocab_path = g.data_dir + "/relations.json";
  auto vocab = RelationVocabulary::LoadFile(vocab_path);
  if (!vocab.ok()) return vocab.status();
  Status s = (*store)->ImportVocabulary(*vocab);
  if (!s.ok()) return s;
  const std::string entities_dir = g.data_dir + "/entities";
  std::error_code ec;
  if (std::filesystem::is_directory(entities_dir, ec)) {
    auto catalog = EntityCatalog::LoadDir(entities_dir);
    if (!catalog.ok()) {
      // The catalog only adds names; loading triples works without it.
      std::cerr << "geokg: warning: entity catalog not imported: " << catalog.status().message()
                << "\n";
    } else {
      s = (*store)->ImportCatalog(*catalog);
      if (!s.ok()) return s;
    }
  }
  return store;
}

Result<std::unique_ptr<Store>> OpenForRead(const Global& g) {
  StoreOptions o;
  o.read_only = true;
  o.create_if_missing = false;
  auto store = Store::Open(g.db_path, o);
  if (!store.ok() && store.status().IsNotFound()) {
    return Status::NotFound(store.status().message() + " (create it with 'geokg load FILE')");
  }
  return store;
}

// Data and lock errors are runtime errors (exit 1), not usage errors.
int RuntimeFail(const Status& s) {
  std::cerr << "geokg: " << s.message() << "\n";
  return kExitError;
}

// ---------------------------------------------------------------- load

int RunLoad(const Args& args, const Global& g) {
  if (args.positionals().empty()) return UsageError("load", "expected FILE... or - (stdin)");
  auto store = OpenForWrite(g);
  if (!store.ok()) return RuntimeFail(store.status());
  const bool progress = args.Has("--progress");
  int exit_code = kExitOk;
  for (const std::string& file : args.positionals()) {
    LoadOptions opts;
    opts.skip_bad = args.Has("--skip-bad");
    const std::string source = file == "-" ? "-" : file;
    opts.on_skip = [&source](int64_t line, const std::string& msg) {
      std::cerr << source << ":" << line << ": " << msg << " (skipped)\n";
    };
    if (progress) {
      opts.on_progress = [last = int64_t{0}](int64_t n) mutable {
        if (n - last >= 10000) {
          std::cerr << "geokg load: " << n << " triples written\n" << std::flush;
          last = n;
        }
      };
    }
    Result<LoadStats> r = Status::IOError("unreachable");
    if (file == "-") {
      r = (*store)->LoadTriples(std::cin, "-", opts);
    } else {
      std::ifstream in(file, std::ios::binary);
      if (!in) return RuntimeFail(Status::IOError("cannot open " + file));
      r = (*store)->LoadTriples(in, file, opts);
    }
    if (!r.ok()) return RuntimeFail(r.status());
    const LoadStats& st = *r;
    std::cout << source << ": " << st.triples << " triples; documents: " << st.documents_new
              << " new, " << st.documents_changed << " changed, " << st.documents_unchanged
              << " unchanged; " << st.evidence_added << " evidence rows added, "
              << st.edges_touched << " edges written\n";
    if (st.skipped > 0) {
      std::cerr << "geokg load: skipped " << st.skipped << " bad line" << (st.skipped == 1 ? "" : "s")
                << " of " << source << "\n";
    }
  }
  return exit_code;
}

// ---------------------------------------------------------------- merge

int RunMerge(const Args& args, const Global& g) {
  if (args.positionals().empty()) return UsageError("merge", "expected SHARD.db...");
  auto store = OpenForWrite(g);
  if (!store.ok()) return RuntimeFail(store.status());
  for (const std::string& shard : args.positionals()) {
    std::error_code ec;
    if (std::filesystem::equivalent(shard, g.db_path, ec)) {
      return UsageError("merge", "cannot merge " + shard + " into itself");
    }
    auto r = (*store)->MergeFrom(shard);
    if (!r.ok()) return RuntimeFail(r.status());
    std::cout << shard << ": " << r->triples << " evidence rows read; documents: "
              << r->documents_new << " new, " << r->documents_changed << " changed, "
              << r->documents_unchanged << " unchanged; " << r->evidence_added
              << " evidence rows added, " << r->edges_touched << " edges written\n";
  }
  return kExitOk;
}

// ---------------------------------------------------------------- stats

int RunStats(const Args& args, const Global& g) {
  if (!args.positionals().empty()) return UsageError("stats", "takes no arguments");
  auto json = JsonFormat(args, "stats");
  if (!json.ok()) return UsageError("stats", json.status().message());
  auto store = OpenForRead(g);
  if (!store.ok()) return RuntimeFail(store.status());
  auto st = (*store)->Stats();
  if (!st.ok()) return RuntimeFail(st.status());
  if (*json) {
    std::cout << "{\"store\":" << JsonQuote(g.db_path) << ",\"schema_version\":" << st->schema_version
              << ",\"file_bytes\":" << st->file_bytes << ",\"documents\":" << st->documents
              << ",\"entities\":" << st->entities << ",\"evidence\":" << st->evidence
              << ",\"evidence_negative\":" << st->evidence_negative << ",\"edges\":" << st->edges
              << ",\"edges_active\":" << st->edges_active << ",\"edges_ended\":" << st->edges_ended
              << ",\"edges_by_relation\":{";
    for (size_t i = 0; i < st->edges_by_relation.size(); ++i) {
      std::cout << (i ? "," : "") << JsonQuote(st->edges_by_relation[i].first) << ":"
                << st->edges_by_relation[i].second;
    }
    std::cout << "}}\n";
    return kExitOk;
  }
  std::cout << "store      " << g.db_path << " (schema v" << st->schema_version << ", "
            << (st->file_bytes + 1023) / 1024 << " KiB)\n"
            << "documents  " << st->documents << "\n"
            << "entities   " << st->entities << "\n"
            << "evidence   " << st->evidence << " (" << st->evidence_negative << " negated)\n"
            << "edges      " << st->edges << " (" << st->edges_active << " active, "
            << st->edges_ended << " ended, "
            << st->edges - st->edges_active - st->edges_ended << " events)\n";
  if (!st->edges_by_relation.empty()) {
    std::cout << "\nedges by relation:\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& [rel, n] : st->edges_by_relation) rows.push_back({"  " + rel, std::to_string(n)});
    PrintTable(std::cout, {"  relation", "edges"}, rows);
  }
  return kExitOk;
}

// ---------------------------------------------------------------- entities

int RunEntities(const Args& args, const Global& g) {
  if (!args.positionals().empty()) return UsageError("entities", "use --match TEXT to filter");
  auto json = JsonFormat(args, "entities");
  if (!json.ok()) return UsageError("entities", json.status().message());
  auto store = OpenForRead(g);
  if (!store.ok()) return RuntimeFail(store.status());
  auto list = (*store)->Entities(args.GetOr("--match", ""));
  if (!list.ok()) return RuntimeFail(list.status());
  if (*json) {
    std::cout << "[";
    for (size_t i = 0; i < list->size(); ++i) {
      const Entity& e = (*list)[i];
      std::cout << (i ? ",\n " : "") << "{\"id\":" << JsonQuote(e.id) << ",\"name\":" << JsonQuote(e.name)
                << ",\"kind\":" << JsonQuote(ToString(e.kind)) << ",\"aliases\":[";
      for (size_t j = 0; j < e.aliases.size(); ++j) std::cout << (j ? "," : "") << JsonQuote(e.aliases[j]);
      std::cout << "]}";
    }
    std::cout << "]\n";
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const Entity& e : *list) {
    std::string aliases;
    for (size_t j = 0; j < e.aliases.size() && j < 6; ++j) aliases += (j ? ", " : "") + e.aliases[j];
    if (e.aliases.size() > 6) aliases += ", ... (" + std::to_string(e.aliases.size()) + ")";
    rows.push_back({e.id, std::string(ToString(e.kind)), e.name, aliases});
  }
  PrintTable(std::cout, {"ID", "KIND", "NAME", "ALIASES"}, rows);
  std::cout << rows.size() << " entit" << (rows.size() == 1 ? "y" : "ies") << "\n";
  return kExitOk;
}

// ---------------------------------------------------------------- evidence / timeline

Result<std::string> ResolveRelation(Store* store, const std::string& name) {
  auto types = store->RelationTypes();
  if (!types.ok()) return types.status();
  for (const auto& t : *types) {
    if (t.name == name) return t.name;
  }
  // Accept spaces/hyphens and the English label ("cuts ties with").
  const std::string key = NormalizeKey(name);
  for (const auto& t : *types) {
    if (NormalizeKey(t.name) == key || NormalizeKey(t.label_en) == key) return t.name;
  }
  std::string msg = "unknown relation \"" + name + "\"";
  std::vector<std::string> near;
  for (const auto& t : *types) {
    const std::string k = NormalizeKey(t.name);
    if (k.find(key) != std::string::npos || (key.size() >= 4 && k.find(key.substr(0, 4)) != std::string::npos)) {
      near.push_back(t.name);
    }
  }
  if (!near.empty()) {
    msg += "; did you mean: ";
    for (size_t i = 0; i < near.size() && i < 5; ++i) msg += (i ? ", " : "") + near[i];
  }
  return Status::NotFound(msg);
}

int RunEvidence(const Args& args, const Global& g) {
  if (args.positionals().size() != 3) return UsageError("evidence", "expected A RELATION B");
  auto json = JsonFormat(args, "evidence");
  if (!json.ok()) return UsageError("evidence", json.status().message());
  auto store = OpenForRead(g);
  if (!store.ok()) return RuntimeFail(store.status());
  auto a = (*store)->ResolveEntity(args.positionals()[0]);
  if (!a.ok()) return RuntimeFail(a.status());
  auto rel = ResolveRelation(store->get(), args.positionals()[1]);
  if (!rel.ok()) return RuntimeFail(rel.status());
  auto b = (*store)->ResolveEntity(args.positionals()[2]);
  if (!b.ok()) return RuntimeFail(b.status());
  auto rows = (*store)->EvidenceFor(*a, *rel, *b);
  if (!rows.ok()) return RuntimeFail(rows.status());
  if (*json) {
    std::cout << "[";
    for (size_t i = 0; i < rows->size(); ++i) {
      const EvidenceRow& r = (*rows)[i];
      std::cout << (i ? ",\n " : "") << "{\"doc\":{\"id\":" << JsonQuote(r.doc.id) << ",\"url\":"
                << JsonQuote(r.doc.url) << ",\"title\":" << JsonQuote(r.doc.title) << ",\"date\":"
                << JsonQuote(r.doc.date) << ",\"lang\":" << JsonQuote(r.doc.lang) << "},\"sentence\":"
                << r.sentence << ",\"subject\":" << JsonQuote(r.subject) << ",\"relation\":"
                << JsonQuote(r.relation) << ",\"object\":" << JsonQuote(r.object) << ",\"polarity\":"
                << JsonQuote(ToString(r.polarity)) << ",\"modality\":" << JsonQuote(ToString(r.modality))
                << ",\"date\":" << JsonQuote(r.date) << ",\"confidence\":" << Num(r.confidence)
                << ",\"evidence\":{\"text\":" << JsonQuote(r.evidence.text) << ",\"start\":"
                << r.evidence.start << ",\"end\":" << r.evidence.end << "},\"speaker\":"
                << JsonQuote(r.speaker) << ",\"extractor\":" << JsonQuote(r.extractor) << "}";
    }
    std::cout << "]\n";
    return kExitOk;
  }
  if (rows->empty()) {
    std::cout << "no evidence for " << *a << " " << *rel << " " << *b << "\n";
    return kExitOk;
  }
  for (const EvidenceRow& r : *rows) {
    std::cout << (r.date.empty() ? "(undated)" : r.date) << "  " << r.subject << " " << r.relation
              << " " << r.object << "  [" << ToString(r.polarity) << ", " << ToString(r.modality)
              << ", confidence " << Num(r.confidence) << "]\n"
              << "  " << r.doc.id;
    if (!r.doc.title.empty()) std::cout << " \"" << r.doc.title << "\"";
    if (!r.doc.date.empty() || !r.doc.lang.empty()) {
      std::cout << " (" << r.doc.date << (r.doc.date.empty() || r.doc.lang.empty() ? "" : ", ")
                << r.doc.lang << ")";
    }
    std::cout << "\n";
    if (!r.doc.url.empty()) std::cout << "  " << r.doc.url << "\n";
    std::cout << "  sentence " << r.sentence << ": " << r.evidence.text << "\n";
    if (!r.speaker.empty()) std::cout << "  speaker: " << r.speaker << "\n";
    std::cout << "\n";
  }
  std::cout << rows->size() << " evidence row" << (rows->size() == 1 ? "" : "s") << "\n";
  return kExitOk;
}

int RunTimeline(const Args& args, const Global& g) {
  if (args.positionals().size() != 2) return UsageError("timeline", "expected A B");
  auto json = JsonFormat(args, "timeline");
  if (!json.ok()) return UsageError("timeline", json.status().message());
  auto store = OpenForRead(g);
  if (!store.ok()) return RuntimeFail(store.status());
  auto a = (*store)->ResolveEntity(args.positionals()[0]);
  if (!a.ok()) return RuntimeFail(a.status());
  auto b = (*store)->ResolveEntity(args.positionals()[1]);
  if (!b.ok()) return RuntimeFail(b.status());
  auto edges = (*store)->Timeline(*a, *b);
  if (!edges.ok()) return RuntimeFail(edges.status());
  if (*json) {
    std::cout << "[";
    for (size_t i = 0; i < edges->size(); ++i) {
      const Edge& e = (*edges)[i];
      std::cout << (i ? ",\n " : "") << "{\"subject\":" << JsonQuote(e.subject) << ",\"relation\":"
                << JsonQuote(e.relation) << ",\"object\":" << JsonQuote(e.object) << ",\"status\":"
                << JsonQuote(e.status) << ",\"valid_from\":" << JsonQuote(e.valid_from)
                << ",\"valid_to\":" << JsonQuote(e.valid_to) << ",\"first_seen\":"
                << JsonQuote(e.first_seen) << ",\"last_seen\":" << JsonQuote(e.last_seen)
                << ",\"evidence_count\":" << e.evidence_count << ",\"source_count\":"
                << e.source_count << ",\"confidence\":" << Num(e.confidence) << "}";
    }
    std::cout << "]\n";
    return kExitOk;
  }
  if (edges->empty()) {
    std::cout << "no relations between " << *a << " and " << *b << "\n";
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const Edge& e : *edges) {
    rows.push_back({e.valid_from.empty() ? "?" : e.valid_from, e.valid_to.empty() ? "" : e.valid_to,
                    e.status, e.subject + " " + e.relation + " " + e.object,
                    std::to_string(e.evidence_count), std::to_string(e.source_count)});
  }
  PrintTable(std::cout, {"FROM", "TO", "STATUS", "RELATION", "EVIDENCE", "SOURCES"}, rows);
  return kExitOk;
}

constexpr const char* kCommonOptions =
    "  --db PATH        the store file (default: geokg.db)\n"
    "  --data DIR       data folder with relations.json and entities/ (default: built-in)\n"
    "  --help           this text\n";

}  // namespace

void RegisterStoreCommands(std::vector<Command>* commands) {
  commands->push_back(Command{
      "load", "merge triple JSONL files into the store",
      std::string("usage: geokg load [--db PATH] [--skip-bad] [--progress] FILE|-...\n\n"
                  "Merges relation triples (one JSON object per line, see README) into the\n"
                  "store, creating it if needed. Each file is loaded in one transaction: a\n"
                  "malformed line is reported as FILE:LINE: message and nothing of that file\n"
                  "is written. Documents already in the store with the same content are left\n"
                  "untouched; a changed document replaces its old evidence. Blank lines are\n"
                  "ignored. '-' reads standard input.\n\n"
                  "options:\n"
                  "  --skip-bad       load the good lines; report each bad one on stderr\n"
                  "  --progress       report progress on stderr while writing\n") +
          kCommonOptions +
          "\nexamples:\n"
          "  geokg load data/sample/triples.jsonl\n"
          "  geokg extract news/*.html | geokg load --db news.db -\n"
          "  geokg load --skip-bad crawl-2024-*.jsonl\n\n"
          "exit status: 0 ok, 1 bad input or store error, 2 usage error\n",
      Args::Spec{{}, {"--skip-bad", "--progress"}}, RunLoad});
  commands->push_back(Command{
      "merge", "merge other geokg stores (shards) into this one",
      std::string("usage: geokg merge [--db PATH] SHARD.db...\n\n"
                  "Copies the documents and evidence of each shard into the store (one\n"
                  "transaction per shard) and recomputes the affected edges. Documents the\n"
                  "store already has with the same content hash are left untouched.\n\n"
                  "options:\n") +
          kCommonOptions +
          "\nexamples:\n"
          "  geokg merge --db all.db shard-1.db shard-2.db\n",
      Args::Spec{}, RunMerge});
  commands->push_back(Command{
      "stats", "counts of documents, entities, evidence and edges",
      std::string("usage: geokg stats [--db PATH] [--format table|json]\n\n"
                  "Prints the store's size: documents, entities, evidence rows (and how many\n"
                  "are negated), edges by status and by relation.\n\n"
                  "options:\n"
                  "  --format F       table (default) or json\n") +
          kCommonOptions + "\nexamples:\n  geokg stats --db news.db\n  geokg stats --format json\n",
      Args::Spec{{"--format"}, {}}, RunStats});
  commands->push_back(Command{
      "entities", "list entities and their names",
      std::string("usage: geokg entities [--db PATH] [--match TEXT] [--format table|json]\n\n"
                  "Lists the store's entities with kind, name and aliases. --match keeps\n"
                  "those with a name or alias (any language) containing TEXT; case and\n"
                  "diacritics are ignored.\n\n"
                  "options:\n"
                  "  --match TEXT     filter by name or alias\n"
                  "  --format F       table (default) or json\n") +
          kCommonOptions + "\nexamples:\n  geokg entities --match korea\n  geokg entities --match Moskau\n",
      Args::Spec{{"--match", "--format"}, {}}, RunEntities});
  commands->push_back(Command{
      "evidence", "every article and sentence behind a relation",
      std::string("usage: geokg evidence [--db PATH] [--format table|json] A RELATION B\n\n"
                  "Shows each evidence row for A RELATION B (both directions for symmetric\n"
                  "relations), newest first: event date, polarity, modality, document, URL\n"
                  "and sentence. A and B are ids, names or aliases in any language.\n\n"
                  "options:\n"
                  "  --format F       table (default) or json\n") +
          kCommonOptions +
          "\nexamples:\n"
          "  geokg evidence Russia recognises DPR\n"
          "  geokg evidence Nordkorea recognises \"Donezker Volksrepublik\"\n",
      Args::Spec{{"--format"}, {}}, RunEvidence});
  commands->push_back(Command{
      "timeline", "all relations between two actors in date order",
      std::string("usage: geokg timeline [--db PATH] [--format table|json] A B\n\n"
                  "Lists every edge between A and B (either direction) by date, with its\n"
                  "validity interval, status (active, ended, event) and evidence counts.\n\n"
                  "options:\n"
                  "  --format F       table (default) or json\n") +
          kCommonOptions + "\nexamples:\n  geokg timeline \"Saudi Arabia\" Iran\n  geokg timeline UKR PRK\n",
      Args::Spec{{"--format"}, {}}, RunTimeline});
}

}  // namespace geokg::cli
