#pragma once

// The extractor: news text in, relation triples out. One front object
// (Extractor, udpipe-style) runs the stages on each article:
//
//   read -> validate (UTF-8, not binary, not empty) -> language id ->
//   cleaning (boilerplate, datelines; byte offsets kept) -> sentence
//   segmentation -> mentions and relations (src/extract/relations.h) ->
//   dates -> Triple
//
// Every linguistic resource is a data file under the data directory
// (data/clean, data/segment, data/dates, plus the relation engineer's
// data/lang and data/patterns); docs/extractor.md describes them and how to
// add a language. Evidence offsets are UTF-8 byte offsets into the ORIGINAL
// article text (for HTML input: into the text extracted from the page body).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/model.h"
#include "geokg/ontology.h"
#include "geokg/status.h"

namespace geokg {

struct ExtractOptions {
  // Worker threads for ExtractStream. 0 = std::thread::hardware_concurrency().
  // Default: 0.
  int threads = 0;
  // Article date used when the document's metadata has none and no date is
  // found in its first lines ("YYYY-MM-DD", or "" for none). Default: "".
  std::string default_date;
  // Triples whose confidence is below this are dropped (0..1). Default: 0.0.
  double min_confidence = 0.0;
  // Forces the language of every document ("de", "en"); "" = use the
  // document's metadata, else detect it. Default: "".
  std::string lang;
  // Documents in flight at once in ExtractStream (read, queued, being
  // extracted or waiting to be emitted in order); bounds memory.
  // 0 = 4 * threads. Default: 0.
  int max_in_flight = 0;
  // Documents larger than this are rejected with a message, in bytes.
  // Default: 64 MiB.
  int64_t max_document_bytes = int64_t{64} << 20;
};

// One article to extract from. `text` is the article text that evidence
// offsets point into.
struct ArticleInput {
  std::string id;      // document id (required; readers derive one)
  std::string text;    // UTF-8 article text
  std::string date;    // ISO article date, may be "" (then ExtractOptions::default_date)
  std::string lang;    // "de", "en" or "" (detect)
  std::string url;     // may be ""
  std::string title;   // may be ""
  std::string origin;  // where it came from, for messages: "a.jsonl:12", "dir/x.txt", "-"
  Status read_status;  // a reader's complaint about this document (then `text` is unused)
};

// A sentence as the extractor sees it (for `geokg extract --sentences` and
// tests): the text given to the relation stage and its place in the article.
struct SentenceSpan {
  int index = 0;      // 0-based sentence index within the article
  int64_t start = 0;  // byte offset in the article text
  int64_t end = 0;    // one past the last byte
  std::string text;   // article text [start, end)
};

// What the stages before relation extraction made of an article.
struct AnalyzedArticle {
  DocumentInfo doc;                     // id, date (resolved), lang (detected), hash, ...
  std::vector<SentenceSpan> sentences;  // after cleaning and segmentation
};

// One processed article of a stream, in input order.
struct ExtractedArticle {
  DocumentInfo doc;    // doc.id is always set
  std::string origin;  // ArticleInput::origin
  Status status;       // not ok: the article was skipped; message names the problem
  std::vector<Triple> triples;
  int sentences = 0;  // sentences seen (after cleaning)
  int64_t bytes = 0;  // size of the article text
};

// A date expression found in a text and resolved against an article date.
struct ResolvedDate {
  int64_t start = 0;  // byte span of the expression in the text it was found in
  int64_t end = 0;
  std::string date;  // ISO date as precise as `precision`; "" if it cannot be resolved
  DatePrecision precision = DatePrecision::kUnknown;
};

// Reads documents from paths: plain text files, directories (recursive,
// sorted), JSONL article collections ({"id","text","date","lang","url",
// "title"} per line), HTML files (body text via an HTML parser, without
// script/style/nav/footer) and "-" for standard input. Streams: one document
// in memory at a time (a JSONL collection is read line by line).
// Not thread-safe; use from one thread.
class DocumentReader {
 public:
  // `paths` as given on the command line. Fails (NotFound) only if `paths`
  // is empty; a missing path becomes a document with a read_status.
  static Result<std::unique_ptr<DocumentReader>> Open(const std::vector<std::string>& paths);
  virtual ~DocumentReader() = default;

  // Fills `out` with the next document and returns true, or returns false at
  // the end. A document that could not be read (missing file, broken JSONL
  // line, binary file) comes back with !out->read_status.ok() and the reading
  // goes on with the next one.
  virtual bool Next(ArticleInput* out) = 0;
};

class Extractor {
 public:
  // Loads the data files under `data_dir` (relations.json, entities/, clean/,
  // segment/, dates/, and the relation stage's lang/ and patterns/).
  // Errors (InvalidArgument) name the file and the entry at fault.
  static Result<std::unique_ptr<Extractor>> Load(const std::string& data_dir,
                                                 const ExtractOptions& options = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts the triples of one article, in sentence order. Fails with
  // InvalidArgument (message without the document name) when the text is
  // empty, binary, not valid UTF-8, too large, or in a language other than
  // those with data files (German, English). Thread-safe.
  Result<std::vector<Triple>> Extract(const ArticleInput& article) const;

  // The stages before relation extraction only (cleaning, language,
  // segmentation). Same failures as Extract. Thread-safe.
  Result<AnalyzedArticle> Analyze(const ArticleInput& article) const;

  // Runs Extract over every document of `reader` on options.threads threads
  // and calls `sink` on the calling thread once per document, in input
  // order; at most options.max_in_flight documents are held at once. A
  // `sink` that returns a non-ok Status stops the run and that Status is
  // returned; otherwise OK.
  Status ExtractStream(DocumentReader* reader,
                       const std::function<Status(ExtractedArticle&&)>& sink) const;

  // Date expressions in `text` (a sentence of language `lang`), resolved
  // against `article_date` ("" = unknown: relative dates stay unresolved).
  // Thread-safe.
  std::vector<ResolvedDate> FindDates(std::string_view text, std::string_view lang,
                                      std::string_view article_date) const;

  // Language of a text: "de", "en", or "" if it is none of the languages
  // with data files. Thread-safe.
  std::string DetectLanguage(std::string_view text) const;

  // The loaded vocabulary and catalog (shared, immutable).
  const RelationVocabulary& vocabulary() const;
  // nullptr if the data directory has no entity catalog.
  const EntityCatalog* catalog() const;
  // "geokg-<version>": the value of Triple::extractor.
  const std::string& version() const;
  // True if the relation stage is built in (otherwise Extract finds no triples).
  bool has_relation_stage() const;
  const ExtractOptions& options() const;

  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A content hash of an article text: 16 lowercase hex digits (64-bit
// FNV-1a); the value of DocumentInfo::hash.
std::string ContentHash(std::string_view text);

// ------------------------------------------------------------ evaluation

// Gold annotation formats for Evaluation.
enum class GoldFormat {
  kGeokg,   // {"id","text","lang","date","triples":[{"subject","relation","object","polarity"}]}
  kPlover,  // the PLOVER dev set: {"id","text","lang"?,"gold":[{"source","target","plover"}]}
};

struct EvalOptions {
  GoldFormat format = GoldFormat::kGeokg;
  // kPlover: the alias file mapping 2016 type names to the vocabulary's PLOVER
  // types and naming the organisation code ({"aliases":{...},"organisation_code":"IGO"}).
  std::string plover_aliases;
};

// Precision counts predictions, recall counts gold tuples; the two true
// positive counts differ when one symmetric prediction ("A and B agreed")
// matches a PLOVER event coded in each direction.
struct EvalCounts {
  int64_t tp = 0, fn = 0;       // gold tuples found / missed
  int64_t pred_tp = 0, fp = 0;  // predictions matching some gold tuple / none
  double precision() const;
  double recall() const;
  double f1() const;
};

// A missed gold tuple or a false alarm, for the report.
struct EvalFinding {
  std::string doc, lang;
  std::string tuple;  // "UKR cuts_ties PRK", "RUS AGREE *", "... (negative)"
  std::string text;   // the document text (miss) or the evidence sentence (false alarm)
};

struct EvalReport {
  size_t documents = 0;      // gold documents read
  size_t skipped_lines = 0;  // gold lines that could not be used
  EvalCounts overall;
  std::map<std::string, EvalCounts> by_type;  // relation (geokg) or PLOVER type
  std::map<std::string, EvalCounts> by_lang;  // "?" when the language is unknown
  std::vector<EvalFinding> misses, false_alarms;
};

// Scores extracted triples against a gold file. Tuples are (subject,
// relation, object, polarity) with entity ids (geokg; names resolve through
// the catalog; symmetric relations match in either direction), or (source
// country, PLOVER type, target country) (plover: CAMEO actor codes; an empty
// end matches anything; negated, hypothetical and demanded predictions are
// not events; future and intended ones count as AGREE). Matching is one to
// one per document, exact tuples first. Not thread-safe.
class Evaluation {
 public:
  // Reads the gold file. A line that cannot be used (bad JSON, an unknown
  // entity or relation) is reported through `warn` ("<file>:<line>: ...")
  // and skipped. Errors: IOError, InvalidArgument (no usable document, a
  // broken alias file).
  static Result<std::unique_ptr<Evaluation>> Open(
      const std::string& gold_path, const EvalOptions& options, const Extractor& extractor,
      const std::function<void(const std::string&)>& warn);
  ~Evaluation();
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;

  // The gold documents' texts, as extractor input.
  std::unique_ptr<DocumentReader> GoldTexts() const;
  // Records one extracted document (matched to the gold by doc.id); skipped
  // articles (!article.status.ok()) count their gold tuples as missed.
  void Add(const ExtractedArticle& article);
  EvalReport Score() const;

  struct Impl;

 private:
  explicit Evaluation(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg
