// Extractor commands: extract, ingest, eval. A thin layer over
// geokg/extract.h and geokg/store.h.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <set>

#include "geokg/extract.h"
#include "geokg/store.h"
#include "geokg/triple.h"

#include "cli.h"

namespace geokg::cli {

namespace {

// --- shared option handling -----------------------------------------------

Status ReadExtractOptions(const Args& args, ExtractOptions* options) {
  if (auto t = args.Get("--threads")) {
    auto v = ParseInt("--threads", *t);
    if (!v.ok()) return v.status();
    if (*v < 0 || *v > 1024) return Status::InvalidArgument("--threads must be 0..1024");
    options->threads = static_cast<int>(*v);
  }
  if (auto d = args.Get("--date")) {
    if (CheckIsoDate(*d) != DatePrecision::kDay) {
      return Status::InvalidArgument("--date expects YYYY-MM-DD, not \"" + *d + "\"");
    }
    options->default_date = *d;
  }
  if (auto l = args.Get("--lang")) options->lang = *l;
  if (auto c = args.Get("--min-confidence")) {
    auto v = ParseDouble("--min-confidence", *c);
    if (!v.ok()) return v.status();
    if (*v < 0 || *v > 1) return Status::InvalidArgument("--min-confidence must be in 0..1");
    options->min_confidence = *v;
  }
  return Status::OK();
}

const std::set<std::string> kExtractValued = {"--threads", "--date", "--lang", "--min-confidence"};

void ReportSkipped(const ExtractedArticle& a) {
  std::cerr << "geokg: " << (a.origin.empty() ? a.doc.id : a.origin) << ": " << a.status.message()
            << " (skipped)\n";
}

// Exit status of a run: 0 if some document was read (or there were none to
// read), 1 if every document failed.
int RunExit(int64_t ok_docs, int64_t failed_docs) {
  return (ok_docs == 0 && failed_docs > 0) ? kExitError : kExitOk;
}

// ---------------------------------------------------------------- extract

// Loads the extractor with the flags of `geokg extract` and opens its inputs
// ("-" if none). Returns kExitOk, or the exit code after reporting why not.
int OpenExtractRun(const Args& args, const Global& global, std::unique_ptr<Extractor>* extractor,
                   std::unique_ptr<DocumentReader>* reader) {
  ExtractOptions options;
  Status s = ReadExtractOptions(args, &options);
  if (!s.ok()) return UsageError("extract", s.message());
  std::vector<std::string> paths = args.positionals();
  if (paths.empty()) paths.push_back("-");
  auto loaded = Extractor::Load(global.data_dir, options);
  if (!loaded.ok()) return Fail(loaded.status());
  auto opened = DocumentReader::Open(paths);
  if (!opened.ok()) return Fail(opened.status());
  *extractor = std::move(loaded.value());
  *reader = std::move(opened.value());
  return kExitOk;
}

int RunExtract(const Args& args, const Global& global) {
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<DocumentReader> reader;
  if (int code = OpenExtractRun(args, global, &extractor, &reader); code != kExitOk) return code;
  int64_t ok_docs = 0, failed = 0;
  std::string line;
  Status run = extractor->ExtractStream(reader.get(), [&](ExtractedArticle&& a) -> Status {
    if (!a.status.ok()) {
      ++failed;
      ReportSkipped(a);
      return Status::OK();
    }
    ++ok_docs;
    for (const auto& t : a.triples) {
      line = TripleToJson(t);
      line += '\n';
      std::cout.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    if (!std::cout) return Status::IOError("cannot write to standard output");
    return Status::OK();
  });
  std::cout.flush();
  if (!run.ok()) return Fail(run);
  return RunExit(ok_docs, failed);
}

// --sentences: the analysed sentences instead of triples (debugging).
int RunSentences(const Args& args, const Global& global) {
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<DocumentReader> reader;
  if (int code = OpenExtractRun(args, global, &extractor, &reader); code != kExitOk) return code;
  int64_t ok_docs = 0, failed = 0;
  ArticleInput in;
  while (reader->Next(&in)) {
    auto a = extractor->Analyze(in);
    if (!a.ok()) {
      ++failed;
      std::cerr << "geokg: " << in.origin << ": " << a.status().message() << " (skipped)\n";
      continue;
    }
    ++ok_docs;
    for (const auto& sent : a->sentences) {
      std::string out = "{\"doc\":";
      out += JsonQuote(a->doc.id);
      out += ",\"lang\":";
      out += JsonQuote(a->doc.lang);
      out += ",\"date\":";
      out += JsonQuote(a->doc.date);
      out += ",\"sentence\":" + std::to_string(sent.index) +
             ",\"start\":" + std::to_string(sent.start) + ",\"end\":" + std::to_string(sent.end) +
             ",\"text\":";
      out += JsonQuote(sent.text);
      out += "}\n";
      std::cout << out;
    }
  }
  return RunExit(ok_docs, failed);
}

int RunExtractOrSentences(const Args& args, const Global& global) {
  return args.Has("--sentences") ? RunSentences(args, global) : RunExtract(args, global);
}

// ---------------------------------------------------------------- ingest

int RunIngest(const Args& args, const Global& global) {
  ExtractOptions options;
  Status s = ReadExtractOptions(args, &options);
  if (!s.ok()) return UsageError("ingest", s.message());
  long long batch_docs = 256;
  if (auto b = args.Get("--batch")) {
    auto v = ParseInt("--batch", *b);
    if (!v.ok()) return UsageError("ingest", v.status().message());
    if (*v < 1) return UsageError("ingest", "--batch must be at least 1");
    batch_docs = *v;
  }
  if (args.positionals().empty()) return UsageError("ingest", "no input paths (use - for stdin)");
  auto extractor = Extractor::Load(global.data_dir, options);
  if (!extractor.ok()) return Fail(extractor.status());
  if ((*extractor)->catalog() == nullptr) {
    return Fail(Status::NotFound(global.data_dir + "/entities: no entity catalog"));
  }
  auto store = Store::Open(global.db_path);
  if (!store.ok()) return Fail(store.status().WithContext(global.db_path));
  s = (*store)->ImportVocabulary((*extractor)->vocabulary());
  if (s.ok()) s = (*store)->ImportCatalog(*(*extractor)->catalog());
  if (!s.ok()) return Fail(s.WithContext(global.db_path));
  auto reader = DocumentReader::Open(args.positionals());
  if (!reader.ok()) return Fail(reader.status());

  const bool progress = isatty(STDERR_FILENO) != 0 && !args.Has("--no-progress");
  const auto t0 = std::chrono::steady_clock::now();
  auto last_draw = t0;
  int64_t docs = 0, failed = 0, triples = 0, bytes = 0, batch_count = 0;
  LoadStats total;
  std::vector<Triple> batch;
  auto flush = [&]() -> Status {
    if (batch.empty()) {
      batch_count = 0;
      return Status::OK();
    }
    auto st = (*store)->LoadTriples(batch);
    if (!st.ok()) return st.status().WithContext(global.db_path);
    total.triples += st->triples;
    total.documents_new += st->documents_new;
    total.documents_changed += st->documents_changed;
    total.documents_unchanged += st->documents_unchanged;
    total.evidence_added += st->evidence_added;
    total.edges_touched += st->edges_touched;
    batch.clear();
    batch_count = 0;
    return Status::OK();
  };
  auto draw = [&](bool final) {
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_draw < std::chrono::milliseconds(200)) return;
    last_draw = now;
    double secs = std::chrono::duration<double>(now - t0).count();
    char buf[160];
    std::snprintf(buf, sizeof buf, "\r[ingest] %lld docs  %.0f docs/s  %lld triples  %.1f MB",
                  static_cast<long long>(docs), secs > 0 ? docs / secs : 0.0,
                  static_cast<long long>(triples), bytes / 1e6);
    std::cerr << buf << (final ? "\n" : "") << std::flush;
  };
  Status run = (*extractor)->ExtractStream(reader->get(), [&](ExtractedArticle&& a) -> Status {
    if (!a.status.ok()) {
      ++failed;
      if (progress) std::cerr << "\r\033[K";
      ReportSkipped(a);
      return Status::OK();
    }
    ++docs;
    bytes += a.bytes;
    triples += static_cast<int64_t>(a.triples.size());
    for (auto& t : a.triples) batch.push_back(std::move(t));
    if (++batch_count >= batch_docs) {
      Status fs = flush();
      if (!fs.ok()) return fs;
    }
    if (progress) draw(false);
    return Status::OK();
  });
  if (run.ok()) run = flush();
  if (progress) draw(true);
  if (!run.ok()) return Fail(run);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "ingest: " << docs << " documents (" << failed << " skipped), " << triples
            << " triples, " << total.evidence_added << " evidence rows added, "
            << total.documents_new << " new / " << total.documents_changed << " changed / "
            << total.documents_unchanged << " unchanged documents, " << total.edges_touched
            << " edges touched, " << std::fixed << std::setprecision(1) << secs << " s\n";
  return RunExit(docs, failed);
}

// ---------------------------------------------------------------- eval

void PrintCounts(const std::string& label, const EvalCounts& c, std::ostream& out) {
  char buf[240];
  std::snprintf(buf, sizeof buf, "  %-22s P %.3f  R %.3f  F1 %.3f   (tp %lld, fp %lld, fn %lld",
                label.c_str(), c.precision(), c.recall(), c.f1(), static_cast<long long>(c.tp),
                static_cast<long long>(c.fp), static_cast<long long>(c.fn));
  out << buf;
  if (c.pred_tp != c.tp) out << "; " << c.pred_tp << " predictions correct";
  out << ")\n";
}

int RunEval(const Args& args, const Global& global) {
  auto gold_path = args.Get("--gold");
  if (!gold_path) return UsageError("eval", "--gold FILE is required");
  std::string format = args.GetOr("--gold-format", "geokg");
  if (format != "geokg" && format != "plover") {
    return UsageError("eval", "--gold-format must be geokg or plover, not \"" + format + "\"");
  }
  ExtractOptions options;
  Status s = ReadExtractOptions(args, &options);
  if (!s.ok()) return UsageError("eval", s.message());
  auto extractor = Extractor::Load(global.data_dir, options);
  if (!extractor.ok()) return Fail(extractor.status());
  EvalOptions eval_options;
  if (format == "plover") {
    eval_options.format = GoldFormat::kPlover;
    eval_options.plover_aliases =
        args.GetOr("--aliases", global.data_dir + "/eval/plover_aliases.json");
  }
  auto eval = Evaluation::Open(*gold_path, eval_options, **extractor,
                               [](const std::string& m) { std::cerr << "geokg: " << m << "\n"; });
  if (!eval.ok()) return Fail(eval.status());

  // Texts: from the gold file, or from PATHs (documents matched by id).
  auto collect = [&](ExtractedArticle&& a) -> Status {
    if (!a.status.ok()) ReportSkipped(a);
    (*eval)->Add(a);
    return Status::OK();
  };
  std::unique_ptr<DocumentReader> reader;
  if (!args.positionals().empty()) {
    auto r = DocumentReader::Open(args.positionals());
    if (!r.ok()) return Fail(r.status());
    reader = std::move(*r);
  } else {
    reader = (*eval)->GoldTexts();
  }
  Status run = (*extractor)->ExtractStream(reader.get(), collect);
  if (!run.ok()) return Fail(run);

  EvalReport report = (*eval)->Score();
  std::ostream& out = std::cout;
  out << "eval: " << report.documents << " gold documents from " << *gold_path << " (format "
      << format
      << (report.skipped_lines ? ", " + std::to_string(report.skipped_lines) + " lines skipped"
                               : std::string())
      << ")\n";
  if (!(*extractor)->has_relation_stage()) out << "note: the relation stage is not built in\n";
  out << "overall:\n";
  PrintCounts("all", report.overall, out);
  out << "by " << (format == "plover" ? "PLOVER type" : "relation") << ":\n";
  for (const auto& [type, c] : report.by_type) PrintCounts(type, c, out);
  out << "by language:\n";
  for (const auto& [lang, c] : report.by_lang) PrintCounts(lang, c, out);
  for (auto [title, list] :
       {std::pair{"misses", &report.misses}, std::pair{"false alarms", &report.false_alarms}}) {
    out << title << " (" << list->size() << "):\n";
    for (const auto& f : *list) {
      out << "  " << f.doc << " [" << f.lang << "] " << f.tuple << "\n    " << f.text << "\n";
    }
  }
  return kExitOk;
}

const char kExtractUsage[] = R"(usage: geokg extract [OPTIONS] [PATH...|-]

Reads news articles and prints the relation triples found in them as JSONL
(one JSON object per line, the contract of include/geokg/triple.h) on
standard output, in input order.

Inputs (default: standard input):
  FILE.txt         a plain-text article (the article date is taken from a
                   header line such as "15. August 2022" if there is one)
  FILE.html        an HTML page: the body text, without script, style, nav
                   and footer; date and language from its meta data
  FILE.jsonl       an article collection, one {"id","text","date","lang",
                   "url","title"} object per line
  DIR              every file below DIR, recursively, in sorted order
  -                standard input (a JSONL collection if it starts with '{')

Document ids: the JSONL "id", else the file path relative to the directory
argument (or the path as given); doc.hash is a hash of the text.

Options:
  --threads N           worker threads (default: 0 = all cores)
  --date YYYY-MM-DD     article date for documents whose metadata has none
  --lang de|en          force the language (default: metadata, else detected)
  --min-confidence X    drop triples below this confidence (default: 0)
  --sentences           print the cleaned, segmented sentences as JSONL
                        instead of triples (to inspect the pipeline)
  --data DIR            the data directory (lexicons, patterns, relations.json)

Bad documents (missing files, binary data, invalid UTF-8, empty text, a broken
JSONL line, a language other than German or English) are reported on stderr
with their file (and line) and skipped; the run goes on. Exit status: 0 if at
least one document was read (or there was none), 1 if every document failed,
2 for a usage error.

Examples:
  geokg extract --date 2022-08-15 article.txt > triples.jsonl
  geokg extract --threads 4 corpus/ > triples.jsonl
  cat articles.jsonl | geokg extract - | geokg load -
)";

const char kIngestUsage[] = R"(usage: geokg ingest [OPTIONS] PATH...

Extracts triples from the articles at PATH (the inputs of 'geokg extract')
and merges them into the store (--db), a batch of documents per
transaction. Imports the relation vocabulary and entity catalog first.
Shows a progress line on stderr when stderr is a terminal, and a summary
line at the end.

Options:
  --db PATH             the store file (default: geokg.db)
  --batch N             documents per transaction (default: 256)
  --threads N           worker threads (default: 0 = all cores)
  --date YYYY-MM-DD     article date for documents whose metadata has none
  --lang de|en          force the language
  --min-confidence X    drop triples below this confidence (default: 0)
  --no-progress         no progress line even on a terminal

Exit status: 0 if at least one document was read, 1 if every document
failed or the store refused the data, 2 for a usage error.

Examples:
  geokg ingest --db news.db data/sample/articles.jsonl
  geokg ingest --db news.db --date 2022-08-15 articles/
)";

const char kEvalUsage[] = R"(usage: geokg eval --gold FILE [OPTIONS] [PATH...]

Scores the extractor against a gold standard and prints precision, recall
and F1 overall, per relation (or PLOVER type) and per language, then every
miss and every false alarm with its sentence.

Gold formats (--gold-format):
  geokg   (default) one {"id","text","lang","date","triples":[{"subject",
          "relation","object","polarity"}]} per line; subject and object are
          entity ids or names in any language (resolved through the catalog).
          Symmetric relations match in either direction.
  plover  the shared PLOVER dev set: {"id","text","lang"?,"gold":[{"source",
          "target","plover"}]} with CAMEO actor codes ("USAGOV": the first
          three letters name the country; "IGO": any international
          organisation). Scored tuples: (source country, PLOVER type, target
          country); 2016 type names are mapped by data/eval/plover_aliases.json
          (DEMAND=REQUEST, DISAPPROVE=ACCUSE, FIGHT=ASSAULT). A gold event
          with an empty target (or source) matches a predicted event with the
          same source (target) and type, whatever its other end. Negated,
          hypothetical and demanded predictions are not events; future and
          intended ones count as AGREE (CAMEO 03x, "express intent to").
          A symmetric prediction ("A and B agreed") matches gold events
          coded in either direction, or both; precision counts it once.

Texts come from the gold file; with PATHs, from those documents instead
(gold lines are matched by document id). Each gold and each distinct
predicted tuple counts once per document.

Options:
  --gold FILE           the gold JSONL file (required)
  --gold-format F       geokg | plover (default: geokg)
  --aliases FILE        PLOVER type aliases (default: DATA/eval/plover_aliases.json)
  --threads N, --date, --lang, --min-confidence   as for 'geokg extract'

Examples:
  geokg eval --gold tests/data/extract_gold.jsonl
  geokg eval --gold-format plover --gold /work/shared/eval/dev/plover_gsr_dev_de.jsonl
)";

}  // namespace

void RegisterExtractCommands(std::vector<Command>* commands) {
  Command extract;
  extract.name = "extract";
  extract.summary = "read articles, print relation triples as JSONL";
  extract.usage = kExtractUsage;
  extract.spec.valued = kExtractValued;
  extract.spec.flags = {"--sentences"};
  extract.run = RunExtractOrSentences;
  commands->push_back(std::move(extract));

  Command ingest;
  ingest.name = "ingest";
  ingest.summary = "extract triples from articles and merge them into the store";
  ingest.usage = kIngestUsage;
  ingest.spec.valued = kExtractValued;
  ingest.spec.valued.insert("--batch");
  ingest.spec.flags = {"--no-progress"};
  ingest.run = RunIngest;
  commands->push_back(std::move(ingest));

  Command eval;
  eval.name = "eval";
  eval.summary = "score the extractor against gold triples (geokg or PLOVER format)";
  eval.usage = kEvalUsage;
  eval.spec.valued = kExtractValued;
  eval.spec.valued.insert({"--gold", "--gold-format", "--aliases"});
  eval.run = RunEval;
  commands->push_back(std::move(eval));
}

}  // namespace geokg::cli
