// The Extractor front object: runs the stages on each article and turns the
// relation stage's RawRelations into Triples. docs/extractor.md has the design.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "geokg/extract.h"

#include "cleaner.h"
#include "dates.h"
#include "langid.h"
#include "segmenter.h"
#include "text_util.h"
#if GEOKG_HAVE_RELATIONS
#include "relations.h"
#endif

#ifndef GEOKG_EXTRACTOR_VERSION
#define GEOKG_EXTRACTOR_VERSION "0.0.0"
#endif

namespace geokg {

using extract::util::FindInvalidUtf8;
using extract::util::LooksBinary;

namespace {

// Lines at the top of a text searched for the article date, and their
// maximum length (a header line, not a paragraph).
constexpr int kHeaderLines = 5;
constexpr size_t kHeaderLineBytes = 100;

std::string NormalizeLang(std::string_view lang) {
  std::string out;
  for (char c : lang.substr(0, 2))
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace

struct Extractor::Impl {
  ExtractOptions options;
  std::string version;
  std::shared_ptr<const RelationVocabulary> vocab;
  std::shared_ptr<const EntityCatalog> catalog;
  extract::Cleaner cleaner;
  extract::Segmenter segmenter;
  extract::DateFinder dates;
  std::unique_ptr<extract::LanguageIdentifier> langid;
  std::string languages;  // "de, en" for messages
#if GEOKG_HAVE_RELATIONS
  std::optional<extract::RelationExtractor> relations;
#endif

  // Per-thread ICU state, reused across calls.
  mutable std::mutex pool_mu;
  mutable std::vector<std::unique_ptr<extract::Segmenter::Scratch>> pool;

  std::unique_ptr<extract::Segmenter::Scratch> Lease() const {
    {
      std::lock_guard<std::mutex> lock(pool_mu);
      if (!pool.empty()) {
        auto s = std::move(pool.back());
        pool.pop_back();
        return s;
      }
    }
    return segmenter.NewScratch();
  }
  void Return(std::unique_ptr<extract::Segmenter::Scratch> s) const {
    std::lock_guard<std::mutex> lock(pool_mu);
    pool.push_back(std::move(s));
  }

  // The stages up to segmentation. Fills `analyzed` (doc info always).
  Status Analyze(const ArticleInput& article, extract::Segmenter::Scratch* scratch,
                 AnalyzedArticle* analyzed, std::vector<extract::ByteSpan>* spans) const;
  Result<std::vector<Triple>> Extract(const ArticleInput& article, AnalyzedArticle* analyzed) const;
};

Status Extractor::Impl::Analyze(const ArticleInput& article, extract::Segmenter::Scratch* scratch,
                                AnalyzedArticle* analyzed,
                                std::vector<extract::ByteSpan>* spans) const {
  DocumentInfo& doc = analyzed->doc;
  doc.id = article.id;
  doc.url = article.url;
  doc.title = article.title;
  const std::string& text = article.text;
  doc.hash = ContentHash(text);
  if (!article.read_status.ok()) return article.read_status;
  if (static_cast<int64_t>(text.size()) > options.max_document_bytes) {
    return Status::InvalidArgument("document too large (" + std::to_string(text.size()) +
                                   " bytes; limit " + std::to_string(options.max_document_bytes) +
                                   ")");
  }
  if (LooksBinary(text)) return Status::InvalidArgument("binary data, not text");
  if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(bad));
  }
  size_t s = 0, e = text.size();
  extract::util::TrimSpan(text, &s, &e);
  if (s == e) return Status::InvalidArgument("empty document");

  // Language: forced, else metadata, else detected.
  std::string lang = NormalizeLang(!options.lang.empty() ? options.lang : article.lang);
  if (lang.empty()) {
    lang = langid->Detect(text);
    if (lang.empty()) {
      return Status::InvalidArgument("language not recognised as one of " + languages +
                                     " (use --lang to force one)");
    }
  }
  if (segmenter.rules(lang) == nullptr) {
    return Status::InvalidArgument("unsupported language \"" + lang +
                                   "\" (supported: " + languages + ")");
  }
  doc.lang = lang;

  // Date: metadata, else a full date on a header line, else the default.
  doc.date = article.date;
  if (doc.date.empty()) {
    size_t pos = 0;
    for (int line = 0; line < kHeaderLines && pos < text.size() && doc.date.empty();) {
      size_t nl = text.find('\n', pos);
      size_t end = nl == std::string::npos ? text.size() : nl;
      std::string_view l(text.data() + pos, end - pos);
      pos = end + 1;
      if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      ++line;
      if (l.size() > kHeaderLineBytes) continue;
      auto tokens = segmenter.Words(l, scratch);
      for (const auto& d : dates.Find(l, tokens, lang, "")) {
        if (d.precision == DatePrecision::kDay) {
          doc.date = d.date;
          break;
        }
      }
    }
  }
  if (doc.date.empty()) doc.date = options.default_date;

  extract::CleanResult cleaned = cleaner.Clean(text, lang);
  *spans = segmenter.Sentences(text, cleaned.pieces, lang, scratch);
  return Status::OK();
}

Result<std::vector<Triple>> Extractor::Impl::Extract(const ArticleInput& article,
                                                     AnalyzedArticle* analyzed) const {
  auto scratch = Lease();
  std::vector<extract::ByteSpan> spans;
  Status s = Analyze(article, scratch.get(), analyzed, &spans);
  std::vector<Triple> triples;
  if (s.ok()) {
    for (size_t i = 0; i < spans.size(); ++i) {
      SentenceSpan sent;
      sent.index = static_cast<int>(i);
      sent.start = static_cast<int64_t>(spans[i].start);
      sent.end = static_cast<int64_t>(spans[i].end);
      analyzed->sentences.push_back(std::move(sent));
    }
#if GEOKG_HAVE_RELATIONS
    if (relations) {
      const DocumentInfo& doc = analyzed->doc;
      const std::string& text = article.text;
      auto state = relations->NewDiscourseState();
      const auto article_precision = CheckIsoDate(doc.date).value_or(DatePrecision::kUnknown);
      for (const auto& sent : analyzed->sentences) {
        std::string_view sentence(text.data() + sent.start,
                                  static_cast<size_t>(sent.end - sent.start));
        extract::SentenceInput in;
        in.text = sentence;
        in.lang = doc.lang;
        in.doc_date = doc.date;
        in.offset = sent.start;
        in.index = sent.index;
        std::vector<extract::RawRelation> raw = relations->Extract(in, state.get());
        if (raw.empty()) continue;
        // Dates only for sentences with relations: most have none.
        auto tokens = segmenter.Words(sentence, scratch.get());
        std::vector<ResolvedDate> found = dates.Find(sentence, tokens, doc.lang, doc.date);
        for (auto& r : raw) {
          if (r.confidence < options.min_confidence) continue;
          Triple t;
          t.doc = doc;
          t.sentence = sent.index;
          t.subject = std::move(r.subject);
          t.relation = std::move(r.relation);
          t.object = std::move(r.object);
          t.polarity = r.polarity;
          t.modality = r.modality;
          t.confidence = r.confidence;
          t.speaker = std::move(r.speaker);
          t.evidence.text = std::string(sentence);
          t.evidence.start = sent.start;
          t.evidence.end = sent.end;
          if (const RelationType* type = vocab->Find(t.relation)) {
            t.cameo = type->cameo;
            t.plover = type->plover;
          }
          // The date expression nearest the relation cue, else the article date.
          const ResolvedDate* best = nullptr;
          int64_t best_dist = 0;
          for (const auto& d : found) {
            int64_t cs = static_cast<int64_t>(r.start), ce = static_cast<int64_t>(r.end);
            int64_t dist = d.end <= cs ? cs - d.end : (d.start >= ce ? d.start - ce : 0);
            if (best == nullptr || dist < best_dist) {
              best = &d;
              best_dist = dist;
            }
          }
          if (best != nullptr) {
            t.date = best->date;
            t.date_precision = best->precision;
          } else {
            t.date = doc.date;
            t.date_precision = article_precision;
          }
          t.extractor = version;
          triples.push_back(std::move(t));
        }
      }
    }
#endif
  }
  Return(std::move(scratch));
  if (!s.ok()) return s;
  return triples;
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Load(const std::string& data_dir,
                                                   const ExtractOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->version = std::string("geokg-") + GEOKG_EXTRACTOR_VERSION;
  if (!options.lang.empty() && NormalizeLang(options.lang).size() != 2) {
    return Status::InvalidArgument("language \"" + options.lang + "\" is not a language code");
  }
  if (!options.default_date.empty() && !CheckIsoDate(options.default_date)) {
    return Status::InvalidArgument("date \"" + options.default_date +
                                   "\" is not an ISO date (YYYY-MM-DD)");
  }
  auto vocab = RelationVocabulary::LoadFile(data_dir + "/relations.json");
  if (!vocab.ok()) return vocab.status();
  impl->vocab = std::make_shared<const RelationVocabulary>(std::move(*vocab));
  std::error_code ec;
  if (std::filesystem::is_directory(data_dir + "/entities", ec)) {
    auto catalog = EntityCatalog::LoadDir(data_dir + "/entities");
    if (!catalog.ok()) return catalog.status();
    impl->catalog = std::make_shared<const EntityCatalog>(std::move(*catalog));
  }
  auto dates = extract::DateFinder::LoadDir(data_dir + "/dates");
  if (!dates.ok()) return dates.status();
  impl->dates = std::move(*dates);
  auto seg = extract::Segmenter::LoadDir(data_dir + "/segment", impl->dates.MonthWords());
  if (!seg.ok()) return seg.status();
  impl->segmenter = std::move(*seg);
  auto cleaner = extract::Cleaner::LoadDir(data_dir + "/clean");
  if (!cleaner.ok()) return cleaner.status();
  impl->cleaner = std::move(*cleaner);
  impl->langid = std::make_unique<extract::LanguageIdentifier>(impl->segmenter);
  for (const auto& l : impl->segmenter.languages()) {
    impl->languages += (impl->languages.empty() ? "" : ", ") + l;
  }
  if (!options.lang.empty() && impl->segmenter.rules(NormalizeLang(options.lang)) == nullptr) {
    return Status::InvalidArgument("unsupported language \"" + options.lang +
                                   "\" (supported: " + impl->languages + ")");
  }
#if GEOKG_HAVE_RELATIONS
  if (impl->catalog == nullptr) {
    return Status::NotFound(data_dir + "/entities: no entity catalog");
  }
  auto rel = extract::RelationExtractor::Load(data_dir, impl->catalog, impl->vocab);
  if (!rel.ok()) return rel.status();
  impl->relations.emplace(std::move(*rel));
#endif
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

Result<std::vector<Triple>> Extractor::Extract(const ArticleInput& article) const {
  AnalyzedArticle analyzed;
  return impl_->Extract(article, &analyzed);
}

Result<AnalyzedArticle> Extractor::Analyze(const ArticleInput& article) const {
  auto scratch = impl_->Lease();
  AnalyzedArticle analyzed;
  std::vector<extract::ByteSpan> spans;
  Status s = impl_->Analyze(article, scratch.get(), &analyzed, &spans);
  impl_->Return(std::move(scratch));
  if (!s.ok()) return s;
  for (size_t i = 0; i < spans.size(); ++i) {
    SentenceSpan sent;
    sent.index = static_cast<int>(i);
    sent.start = static_cast<int64_t>(spans[i].start);
    sent.end = static_cast<int64_t>(spans[i].end);
    sent.text = article.text.substr(spans[i].start, spans[i].end - spans[i].start);
    analyzed.sentences.push_back(std::move(sent));
  }
  return analyzed;
}

std::vector<ResolvedDate> Extractor::FindDates(std::string_view text, std::string_view lang,
                                               std::string_view article_date) const {
  auto scratch = impl_->Lease();
  auto tokens = impl_->segmenter.Words(text, scratch.get());
  impl_->Return(std::move(scratch));
  return impl_->dates.Find(text, tokens, lang, article_date);
}

std::string Extractor::DetectLanguage(std::string_view text) const {
  return impl_->langid->Detect(text);
}

const RelationVocabulary& Extractor::vocabulary() const { return *impl_->vocab; }
const EntityCatalog* Extractor::catalog() const { return impl_->catalog.get(); }
const std::string& Extractor::version() const { return impl_->version; }
const ExtractOptions& Extractor::options() const { return impl_->options; }
bool Extractor::has_relation_stage() const {
#if GEOKG_HAVE_RELATIONS
  return impl_->relations.has_value();
#else
  return false;
#endif
}

namespace {

ExtractedArticle Process(const Extractor::Impl& impl, ArticleInput&& in) {
  ExtractedArticle out;
  out.origin = std::move(in.origin);
  out.bytes = static_cast<int64_t>(in.text.size());
  AnalyzedArticle analyzed;
  auto triples = impl.Extract(in, &analyzed);
  out.doc = std::move(analyzed.doc);
  if (out.doc.id.empty()) out.doc.id = in.id;
  out.sentences = static_cast<int>(analyzed.sentences.size());
  if (triples.ok()) {
    out.triples = std::move(*triples);
  } else {
    out.status = triples.status();
  }
  return out;
}

}  // namespace

Status Extractor::ExtractStream(DocumentReader* reader,
                                const std::function<Status(ExtractedArticle&&)>& sink) const {
  int threads = impl_->options.threads > 0 ? impl_->options.threads
                                           : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);
  if (threads == 1) {
    ArticleInput in;
    while (reader->Next(&in)) {
      Status s = sink(Process(*impl_, std::move(in)));
      if (!s.ok()) return s;
    }
    return Status::OK();
  }
  const size_t cap = impl_->options.max_in_flight > 0
                         ? static_cast<size_t>(impl_->options.max_in_flight)
                         : static_cast<size_t>(4 * threads);

  std::mutex mu;
  std::condition_variable cv_work, cv_done, cv_space;
  std::deque<std::pair<uint64_t, ArticleInput>> work;
  std::map<uint64_t, ExtractedArticle> done;
  size_t in_flight = 0;  // read and not yet emitted
  bool reading_done = false, stop = false;
  uint64_t read_seq = 0;

  std::thread producer([&] {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu);
        cv_space.wait(lock, [&] { return stop || in_flight < cap; });
        if (stop) break;
        ++in_flight;  // reserve the slot before reading
      }
      ArticleInput in;
      bool more = reader->Next(&in);
      std::lock_guard<std::mutex> lock(mu);
      if (!more) {
        --in_flight;
        break;
      }
      work.emplace_back(read_seq++, std::move(in));
      cv_work.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu);
    reading_done = true;
    cv_work.notify_all();
    cv_done.notify_all();
  });

  std::vector<std::thread> workers;
  for (int w = 0; w < threads; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        std::pair<uint64_t, ArticleInput> job;
        {
          std::unique_lock<std::mutex> lock(mu);
          cv_work.wait(lock, [&] { return stop || !work.empty() || reading_done; });
          if (stop || (work.empty() && reading_done)) return;
          job = std::move(work.front());
          work.pop_front();
        }
        ExtractedArticle result = Process(*impl_, std::move(job.second));
        std::lock_guard<std::mutex> lock(mu);
        done.emplace(job.first, std::move(result));
        cv_done.notify_one();
      }
    });
  }

  Status status;
  uint64_t emit_seq = 0;
  for (;;) {
    ExtractedArticle next;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv_done.wait(lock,
                   [&] { return done.count(emit_seq) > 0 || (reading_done && in_flight == 0); });
      auto it = done.find(emit_seq);
      if (it == done.end()) break;  // everything read has been emitted
      next = std::move(it->second);
      done.erase(it);
    }
    status = sink(std::move(next));
    std::lock_guard<std::mutex> lock(mu);
    --in_flight;
    ++emit_seq;
    cv_space.notify_one();
    if (!status.ok()) {
      stop = true;
      cv_work.notify_all();
      cv_space.notify_all();
      break;
    }
  }
  producer.join();
  for (auto& t : workers) t.join();
  return status;
}

}  // namespace geokg
