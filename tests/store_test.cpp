// Tests of the graph store: schema and migrations, every merge rule (on
// ":memory:" and on temporary files), loading errors, name resolution,
// concurrency (a reader during a write, a second writer gets Busy), merging
// shards, reading the graph, and crash safety of the CLI under kill -9.

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "geokg/ontology.h"
#include "geokg/store.h"
#include "geokg/triple.h"
#include "test_util.h"

using namespace geokg;

namespace {

const RelationVocabulary& Vocab() {
  static const RelationVocabulary vocab = [] {
    auto v = RelationVocabulary::LoadFile(test::SourcePath("data/relations.json"));
    REQUIRE(v.ok());
    return std::move(v.value());
  }();
  return vocab;
}

std::unique_ptr<Store> OpenStore(const std::string& path, StoreOptions options = {}) {
  auto s = Store::Open(path, options);
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  if (!options.read_only) {
    Status st = (*s)->ImportVocabulary(Vocab());
    REQUIRE_MESSAGE(st.ok(), st.ToString());
  }
  return std::move(s.value());
}

// One triple line: doc id, event date (also the article date), subject,
// relation, object, and extra JSON members (",\"polarity\":\"negative\"").
std::string Line(const std::string& doc, const std::string& date, const std::string& subject,
                 const std::string& relation, const std::string& object,
                 const std::string& extra = "") {
  return R"({"doc":{"id":")" + doc + R"(","date":")" + date + R"("},"subject":")" + subject +
         R"(","relation":")" + relation + R"(","object":")" + object + "\"" + extra + "}";
}

Result<LoadStats> Load(Store* store, const std::string& text, const std::string& source = "t.jsonl",
                       const LoadOptions& options = {}) {
  std::istringstream in(text);
  return store->LoadTriples(in, source, options);
}

LoadStats MustLoad(Store* store, const std::string& text) {
  auto r = Load(store, text);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}

// Edges without ids, as comparable text, sorted.
std::vector<std::string> EdgeTexts(const std::vector<Edge>& edges) {
  std::vector<std::string> out;
  for (const Edge& e : edges) {
    char conf[32];
    std::snprintf(conf, sizeof conf, "%.6f", e.confidence);
    out.push_back(e.subject + " " + e.relation + " " + e.object + " [" + e.valid_from + ".." +
                  e.valid_to + "] " + e.status + " seen " + e.first_seen + ".." + e.last_seen +
                  " ev=" + std::to_string(e.evidence_count) +
                  " src=" + std::to_string(e.source_count) + " conf=" + conf);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> GraphTexts(Store* store, const GraphFilter& filter = {}) {
  auto g = store->ReadGraph(filter);
  REQUIRE_MESSAGE(g.ok(), g.status().ToString());
  return EdgeTexts(g->edges);
}

std::vector<Edge> EdgesOf(Store* store, const std::string& relation) {
  GraphFilter f;
  f.relations = {relation};
  auto g = store->ReadGraph(f);
  REQUIRE(g.ok());
  return g->edges;
}

StoreStats StatsOf(Store* store) {
  auto s = store->Stats();
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  return *s;
}

// Runs a test body on ":memory:" and on a temporary file.
struct Backend {
  const char* name;
  bool file;
};
constexpr Backend kBackends[] = {{":memory:", false}, {"temp file", true}};

std::string BackendPath(const Backend& b, const test::TempDir& dir) {
  return b.file ? dir.File("store.db") : ":memory:";
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// data/relations.json with field `field` of relation `name` changed from
// `from` to `to` (the file's own formatting: `"field": value`).
std::string EditVocab(std::string json, const std::string& name, const std::string& field,
                      const std::string& from, const std::string& to) {
  const size_t entry = json.find("\"name\": \"" + name + "\"");
  REQUIRE(entry != std::string::npos);
  const std::string old_text = "\"" + field + "\": " + from;
  const size_t at = json.find(old_text, entry);
  REQUIRE(at != std::string::npos);
  REQUIRE(at < json.find('}', entry));  // within the same entry
  json.replace(at, old_text.size(), "\"" + field + "\": " + to);
  return json;
}

// Documents whose evidence is not one contiguous id range (expected: "0").
const char* const kScatteredDocumentsSql =
    "SELECT count(*) FROM documents d WHERE triples <> (SELECT count(*) FROM "
    "evidence_rows v WHERE v.document_ref = d.id AND v.id >= d.evidence_first "
    "AND v.id < d.evidence_first + d.triples);";
// The indexes a first load drops and builds again (expected: "3").
const char* const kBulkIndexCountSql =
    "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
    "AND name IN ('evidence_by_triple', 'edges_by_pair', 'edges_by_object');";

// Runs `script` through the sqlite3 shell on the file `path`: its output.
std::string Sqlite(const std::string& path, const std::string& script, const test::TempDir& dir) {
  const std::string file = dir.File("script.sql");
  test::WriteFile(file, script);
  FILE* p = popen(("sqlite3 -bail '" + path + "' < '" + file + "' 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[256] = {0};
  std::string out;
  while (fgets(buf, sizeof buf, p) != nullptr) out += buf;
  const int rc = pclose(p);
  REQUIRE_MESSAGE((WIFEXITED(rc) && WEXITSTATUS(rc) == 0), out);
  return out;
}

// While another writer's transaction is open on `path`: a second writer
// opens the store, waits its busy timeout (100 ms) for the lock and gets Busy.
void CheckSecondWriterGetsBusy(const std::string& path) {
  StoreOptions wo;
  wo.busy_timeout_ms = 100;
  auto second = Store::Open(path, wo);
  REQUIRE_MESSAGE(second.ok(), second.status().ToString());
  const auto start = std::chrono::steady_clock::now();
  auto r = Load(second->get(), Line("x", "2021-01-01", "CCC", "meets", "DDD") + "\n");
  const auto waited = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().IsBusy());
  CHECK(Contains(r.status().message(),
                 "store " + path + " is locked by another writer; gave up after 100 ms"));
  CHECK(waited >= std::chrono::milliseconds(90));
}

}  // namespace

TEST_SUITE("store") {

TEST_CASE("schema: a new file is created at the current version through each migration") {
  test::TempDir dir;
  const std::string path = dir.File("g.db");
  {
    StoreOptions o;
    o.migrate_to = 1;
    auto s = Store::Open(path, o);
    REQUIRE(s.ok());
    CHECK(StatsOf(s->get()).schema_version == 1);
  }
  {
    auto s = OpenStore(path);  // migrates 1 -> 2 (the views) -> 3 (compact evidence)
    CHECK(StatsOf(s.get()).schema_version == 3);
    MustLoad(s.get(), Line("d1", "2022-01-01", "AAA", "meets", "BBB"));
  }
  // The views exist: the sqlite3 shell reads them too.
  FILE* p = popen(("sqlite3 '" + path + "' 'SELECT subject, relation, object, status FROM edges_named'"
                   " 2>/dev/null").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[256] = {0};
  std::string out;
  while (fgets(buf, sizeof buf, p) != nullptr) out += buf;
  int rc = pclose(p);
  if (WIFEXITED(rc) && WEXITSTATUS(rc) != 127) CHECK(out == "AAA|meets|BBB|event\n");

  auto mem = OpenStore(":memory:");
  CHECK(StatsOf(mem.get()).schema_version == 3);
  CHECK(StatsOf(mem.get()).file_bytes == 0);
}

TEST_CASE("schema: v1 and v2 files with data are upgraded in place to v3, and merge as shards") {
  // Files as geokg v1/v2 wrote them: a v3 store turned back into the older
  // layout with the sqlite3 shell (evidence as a text-valued table whose ids
  // interleave the documents, its document index; v1 without the views).
  const std::string v1_evidence = R"sql(
CREATE TABLE evidence(
  id             INTEGER PRIMARY KEY,
  document_ref   INTEGER NOT NULL REFERENCES documents(id),
  sentence       INTEGER NOT NULL,
  subject_ref    INTEGER NOT NULL REFERENCES entities(id),
  relation_ref   INTEGER NOT NULL REFERENCES relation_types(id),
  object_ref     INTEGER NOT NULL REFERENCES entities(id),
  polarity       TEXT NOT NULL,
  modality       TEXT NOT NULL,
  event_date     TEXT NOT NULL,
  date_precision TEXT NOT NULL,
  confidence     REAL NOT NULL,
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  text           TEXT NOT NULL,
  speaker        TEXT NOT NULL DEFAULT '',
  extractor      TEXT NOT NULL DEFAULT ''
);
INSERT INTO evidence(document_ref, sentence, subject_ref, relation_ref, object_ref, polarity,
  modality, event_date, date_precision, confidence, span_start, span_end, text, speaker,
  extractor)
SELECT document_ref, sentence, subject_ref, relation_ref, object_ref, polarity, modality,
  event_date, date_precision, confidence, span_start, span_end, text, speaker, extractor
FROM old_evidence ORDER BY text DESC, id;
CREATE INDEX evidence_by_document ON evidence(document_ref);
CREATE INDEX evidence_by_triple ON evidence(subject_ref, object_ref, relation_ref);
ALTER TABLE documents DROP COLUMN evidence_first;
)sql";
  const std::string v2_views = R"sql(
CREATE VIEW evidence_named AS
SELECT v.id, d.doc_id, d.date AS doc_date, d.lang, d.title, d.url, v.sentence,
       s.entity_id AS subject, s.name AS subject_name, r.name AS relation,
       o.entity_id AS object, o.name AS object_name, v.polarity, v.modality,
       v.event_date, v.date_precision, v.confidence, v.span_start, v.span_end, v.text,
       v.speaker, v.extractor
FROM evidence v
JOIN documents d ON d.id = v.document_ref
JOIN entities s ON s.id = v.subject_ref
JOIN entities o ON o.id = v.object_ref
JOIN relation_types r ON r.id = v.relation_ref;
)sql";
  const std::string ev = R"(,"evidence":{"text":"Words )";
  const std::string first =
      Line("d1", "2022-01-01", "AAA", "meets", "BBB", ev + R"(one"},"extractor":"x-1")") + "\n" +
      Line("d2", "2022-02-01", "BBB", "recognises", "CCC", ev + R"(two"})") + "\n" +
      Line("d1", "2022-01-01", "AAA", "sanctions", "CCC",
           ev + R"(three"},"modality":"reported","extractor":"x-2")") +
      "\n" +
      Line("d3", "2022-03", "CCC", "meets", "AAA",
           ev + R"(four"},"polarity":"negative","date_precision":"month")") +
      "\n" +
      Line("d2", "2022-02-01", "BBB", "meets", "AAA",
           ev + R"(five"},"modality":"future","extractor":"x-1")") +
      "\n";
  const std::string later =  // d2 changes: its evidence is replaced
      Line("d2", "2022-04-01", "BBB", "withdraws_recognition", "CCC", ev + R"(six"})") + "\n";
  const std::string d1_changed =
      Line("d1", "2022-01-02", "AAA", "meets", "CCC", ev + R"(seven"},"extractor":"x-3")") + "\n";
  auto evidence_texts = [](Store* store) {
    std::vector<std::string> out;
    for (auto [s, r, o] : {std::tuple{"AAA", "meets", "BBB"},
                           {"BBB", "meets", "AAA"},
                           {"AAA", "sanctions", "CCC"},
                           {"CCC", "meets", "AAA"},
                           {"BBB", "recognises", "CCC"},
                           {"BBB", "withdraws_recognition", "CCC"},
                           {"AAA", "meets", "CCC"}}) {
      auto rows = store->EvidenceFor(s, r, o);
      REQUIRE_MESSAGE(rows.ok(), rows.status().ToString());
      for (const EvidenceRow& e : *rows) {
        out.push_back(e.doc.id + " " + e.subject + " " + e.relation + " " + e.object + " " +
                      std::string(ToString(e.polarity)) + " " + std::string(ToString(e.modality)) +
                      " " + e.date + " " + std::string(ToString(e.date_precision)) + " " +
                      e.evidence.text + " " + e.extractor + " " + e.doc.hash);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  for (int version : {1, 2}) {
    CAPTURE(version);
    test::TempDir dir;
    const std::string path = dir.File("old.db");
    {
      auto s = OpenStore(path);
      MustLoad(s.get(), first);
      MustLoad(s.get(), later);
    }
    auto reference = OpenStore(":memory:");
    MustLoad(reference.get(), first);
    MustLoad(reference.get(), later);
    const auto want_graph = GraphTexts(reference.get());
    const auto want_evidence = evidence_texts(reference.get());
    REQUIRE(want_evidence.size() == 6);  // symmetric "meets" rows show under both directions
    std::string downgrade =
        "BEGIN;\nCREATE TABLE old_evidence AS SELECT * FROM evidence;\n"
        "DROP VIEW evidence_named;\nDROP VIEW evidence;\nDROP TABLE evidence_rows;\n"
        "DROP TABLE extractors;\n" +
        v1_evidence + "DROP TABLE old_evidence;\n";
    if (version == 1) {
      downgrade += "DROP VIEW edges_named;\nDROP VIEW entity_names;\n";
    } else {
      downgrade += v2_views;
    }
    downgrade += "PRAGMA user_version = " + std::to_string(version) + ";\nCOMMIT;\n";
    Sqlite(path, downgrade, dir);
    REQUIRE(Sqlite(path, "PRAGMA user_version;", dir) == std::to_string(version) + "\n");
    {
      // An older shard merges as it is (read-only: not migrated).
      auto merged = OpenStore(":memory:");
      auto r = merged->MergeFrom(path);
      REQUIRE_MESSAGE(r.ok(), r.status().ToString());
      CHECK(GraphTexts(merged.get()) == want_graph);
      CHECK(evidence_texts(merged.get()) == want_evidence);
      StoreOptions ro;
      ro.read_only = true;
      auto old = OpenStore(path, ro);
      CHECK(StatsOf(old.get()).schema_version == version);
      CHECK(StatsOf(old.get()).evidence == 4);
      CHECK(evidence_texts(old.get()) == want_evidence);
    }
    auto s = OpenStore(path);  // migrates to v3 in place
    CHECK(StatsOf(s.get()).schema_version == 3);
    CHECK(s->CheckIntegrity().ok());
    CHECK(GraphTexts(s.get()) == want_graph);
    CHECK(evidence_texts(s.get()) == want_evidence);
    CHECK(StatsOf(s.get()).evidence == 4);
    CHECK(StatsOf(s.get()).evidence_negative == 1);
    // Documents' evidence is contiguous again; unchanged documents stay no-ops
    // and a changed one replaces exactly its own rows.
    CHECK(Sqlite(path, kScatteredDocumentsSql, dir) == "0\n");
    LoadStats again = MustLoad(s.get(), first);
    CHECK(again.documents_unchanged == 2);  // d1, d3 (d2 differs from `later`)
    MustLoad(reference.get(), first);
    MustLoad(s.get(), d1_changed);
    MustLoad(reference.get(), d1_changed);
    CHECK(GraphTexts(s.get()) == GraphTexts(reference.get()));
    CHECK(evidence_texts(s.get()) == evidence_texts(reference.get()));
    CHECK(StatsOf(s.get()).evidence == StatsOf(reference.get()).evidence);
    CHECK(s->CheckIntegrity().ok());
    // The shell's views read the migrated file.
    CHECK(Sqlite(path,
                 "SELECT doc_id, relation, polarity, modality, date_precision, extractor "
                 "FROM evidence_named WHERE polarity = 'negative';",
                 dir) == "d3|meets|negative|asserted|month|\n");
  }
}

TEST_CASE("schema: files that are not geokg stores are refused untouched") {
  test::TempDir dir;
  struct Case {
    const char* name;
    std::string content;
  };
  const Case cases[] = {{"text.db", "this is not a database, just text padding it out.........."
                                    "................................................................"}};
  for (const auto& c : cases) {
    const std::string path = dir.File(c.name);
    test::WriteFile(path, c.content);
    auto s = Store::Open(path);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().IsCorruption());
    CHECK(Contains(s.status().message(), "not a geokg store"));
    CHECK(test::ReadFile(path) == c.content);
  }
  StoreOptions ro;
  ro.read_only = true;
  auto missing = Store::Open(dir.File("missing.db"), ro);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().IsNotFound());
}

TEST_CASE("merge rule: the same triple from many articles is one edge with counts") {
  struct Case {
    int articles;
    int mentions_per_article;
  };
  const Case cases[] = {{1, 1}, {3, 1}, {2, 3}, {5, 2}};
  for (const Backend& b : kBackends) {
    for (const Case& c : cases) {
      CAPTURE(b.name);
      CAPTURE(c.articles);
      CAPTURE(c.mentions_per_article);
      test::TempDir dir;
      auto store = OpenStore(BackendPath(b, dir));
      std::string text;
      for (int a = 0; a < c.articles; ++a) {
        for (int m = 0; m < c.mentions_per_article; ++m) {
          text += Line("doc" + std::to_string(a), "2022-02-2" + std::to_string(a % 9 + 1), "RUS",
                       "recognises", "DPR", ",\"sentence\":" + std::to_string(m)) + "\n";
        }
      }
      MustLoad(store.get(), text);
      auto edges = EdgesOf(store.get(), "recognises");
      REQUIRE(edges.size() == 1);
      CHECK(edges[0].evidence_count == c.articles * c.mentions_per_article);
      CHECK(edges[0].source_count == c.articles);
      CHECK(edges[0].first_seen == "2022-02-21");
      CHECK(edges[0].status == "active");
    }
  }
}

TEST_CASE("merge rule: re-ingesting an unchanged document changes nothing") {
  const std::string doc_lines = Line("d1", "2016-01-03", "SAU", "cuts_ties", "IRN") + "\n" +
                                Line("d1", "2016-01-03", "BHR", "cuts_ties", "IRN") + "\n";
  const std::string reordered = Line("d1", "2016-01-03", "BHR", "cuts_ties", "IRN") + "\n\n" +
                                Line("d1", "2016-01-03", "SAU", "cuts_ties", "IRN") + "\n";
  const std::string hashed_a =
      R"({"doc":{"id":"d2","date":"2020","hash":"sha1:abc"},"subject":"A","relation":"meets","object":"B"})";
  for (const Backend& b : kBackends) {
    CAPTURE(b.name);
    test::TempDir dir;
    auto store = OpenStore(BackendPath(b, dir));
    MustLoad(store.get(), doc_lines + hashed_a + "\n");
    const auto before = GraphTexts(store.get());
    const auto stats_before = StatsOf(store.get());
    struct Case {
      const char* what;
      std::string text;
    };
    const Case cases[] = {
        {"same lines", doc_lines},
        {"same lines in another order, with a blank line", reordered},
        {"same doc.hash", hashed_a},
    };
    for (const Case& c : cases) {
      CAPTURE(c.what);
      LoadStats st = MustLoad(store.get(), c.text);
      CHECK(st.documents_unchanged == 1);
      CHECK(st.documents_new == 0);
      CHECK(st.documents_changed == 0);
      CHECK(st.evidence_added == 0);
      CHECK(st.edges_touched == 0);
      CHECK(GraphTexts(store.get()) == before);
      CHECK(StatsOf(store.get()).evidence == stats_before.evidence);
    }
  }
}

TEST_CASE("merge rule: a changed document replaces its old evidence and edges are recomputed") {
  for (const Backend& b : kBackends) {
    CAPTURE(b.name);
    test::TempDir dir;
    auto store = OpenStore(BackendPath(b, dir));
    MustLoad(store.get(), Line("d1", "2022-01-01", "AAA", "meets", "BBB") + "\n" +
                              Line("d2", "2022-01-05", "AAA", "meets", "BBB") + "\n");
    REQUIRE(EdgesOf(store.get(), "meets").size() == 1);
    CHECK(EdgesOf(store.get(), "meets")[0].evidence_count == 2);

    // d1 now says something else: its "meets" evidence goes, the edge shrinks.
    LoadStats st = MustLoad(store.get(), Line("d1", "2022-01-01", "AAA", "visits", "BBB") + "\n");
    CHECK(st.documents_changed == 1);
    auto meets = EdgesOf(store.get(), "meets");
    REQUIRE(meets.size() == 1);
    CHECK(meets[0].evidence_count == 1);
    CHECK(meets[0].first_seen == "2022-01-05");
    CHECK(EdgesOf(store.get(), "visits").size() == 1);
    CHECK(StatsOf(store.get()).evidence == 2);

    // d2 changes too: no evidence for "meets" is left, nor the edge.
    MustLoad(store.get(), Line("d2", "2022-01-05", "AAA", "visits", "BBB") + "\n");
    CHECK(EdgesOf(store.get(), "meets").empty());
    auto visits = EdgesOf(store.get(), "visits");
    REQUIRE(visits.size() == 1);
    CHECK(visits[0].source_count == 2);
  }
}

TEST_CASE("merge rule: a lasting relation is closed by its opposite, and a repeat opens a new interval") {
  struct Case {
    const char* lasting;
    const char* opposite;
    const char* opposite_status;  // the closing relation's own edge
  };
  const Case cases[] = {
      {"cuts_ties", "restores_ties", "active"},
      {"sanctions", "lifts_sanctions", "event"},
      {"joins", "leaves", "event"},
      {"recognises", "withdraws_recognition", "event"},
      {"occupies", "withdraws_from", "event"},
  };
  for (const Backend& b : kBackends) {
    for (const Case& c : cases) {
      CAPTURE(b.name);
      CAPTURE(c.lasting);
      test::TempDir dir;
      auto store = OpenStore(BackendPath(b, dir));
      MustLoad(store.get(), Line("a", "2016-01-03", "SAU", c.lasting, "IRN") + "\n" +
                                Line("b", "2017-05-01", "SAU", c.lasting, "IRN") + "\n" +
                                Line("c", "2023-03-10", "SAU", c.opposite, "IRN") + "\n");
      auto first = EdgesOf(store.get(), c.lasting);
      REQUIRE(first.size() == 1);
      CHECK(first[0].valid_from == "2016-01-03");
      CHECK(first[0].valid_to == "2023-03-10");
      CHECK(first[0].status == "ended");
      CHECK(first[0].evidence_count == 2);
      auto closing = EdgesOf(store.get(), c.opposite);
      REQUIRE(closing.size() == 1);
      CHECK(closing[0].status == c.opposite_status);
      CHECK(closing[0].valid_from == "2023-03-10");

      // A later repeat of the first relation: a new interval, history kept.
      MustLoad(store.get(), Line("d", "2024-06-01", "SAU", c.lasting, "IRN") + "\n");
      auto both = EdgesOf(store.get(), c.lasting);
      REQUIRE(both.size() == 2);
      CHECK(both[0].status == "ended");
      CHECK(both[0].valid_to == "2023-03-10");
      CHECK(both[1].status == "active");
      CHECK(both[1].valid_from == "2024-06-01");
      CHECK(both[1].valid_to == "");
      if (std::string(c.opposite_status) == "active") {
        auto reopened = EdgesOf(store.get(), c.opposite);
        REQUIRE(reopened.size() == 1);
        CHECK(reopened[0].status == "ended");  // restores_ties ended by the new cut
        CHECK(reopened[0].valid_to == "2024-06-01");
      }
    }
  }
}

TEST_CASE("merge rule: the final state does not depend on the order in which articles arrive") {
  const std::vector<std::string> docs = {
      Line("a", "2012-01", "USA", "sanctions", "IRN") + "\n" +
          Line("a", "2012-01", "SAU", "meets", "IRN") + "\n",
      Line("b", "2016-01-16", "USA", "lifts_sanctions", "IRN") + "\n" +
          Line("b", "2016-01-03", "IRN", "cuts_ties", "SAU") + "\n",
      Line("c", "2018-08-07", "USA", "sanctions", "IRN") + "\n" +
          Line("c", "2018-08-07", "IRN", "meets", "SAU", R"(,"confidence":0.5)") + "\n",
      Line("d", "2023-03-10", "SAU", "restores_ties", "IRN") + "\n" +
          Line("d", "2023-03-10", "USA", "sanctions", "IRN", R"(,"polarity":"negative")") + "\n",
  };
  std::vector<size_t> order = {0, 1, 2, 3};
  std::vector<std::string> reference;
  int permutations = 0;
  do {
    CAPTURE(order[0] * 1000 + order[1] * 100 + order[2] * 10 + order[3]);
    auto store = OpenStore(":memory:");
    for (size_t i : order) MustLoad(store.get(), docs[i]);
    auto got = GraphTexts(store.get());
    if (reference.empty()) {
      reference = got;
      REQUIRE(reference.size() == 6);
    }
    CHECK(got == reference);
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()));
  CHECK(permutations == 24);

  // The same on a file, one document per load, in reverse.
  test::TempDir dir;
  auto file_store = OpenStore(dir.File("g.db"));
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) MustLoad(file_store.get(), *it);
  CHECK(GraphTexts(file_store.get()) == reference);
}

TEST_CASE("merge rule: negated and non-factual triples are kept as evidence, never as edges") {
  struct Case {
    const char* extra;
    bool makes_edge;
  };
  const Case cases[] = {
      {R"(,"polarity":"negative")", false},
      {R"(,"modality":"hypothetical")", false},
      {R"(,"modality":"future")", false},
      {R"(,"modality":"intended")", false},
      {R"(,"modality":"demanded")", false},
      {R"(,"modality":"reported")", true},
      {"", true},
  };
  for (const Backend& b : kBackends) {
    for (const Case& c : cases) {
      CAPTURE(b.name);
      CAPTURE(c.extra);
      test::TempDir dir;
      auto store = OpenStore(BackendPath(b, dir));
      MustLoad(store.get(), Line("d", "2022-02-22", "DEU", "recognises", "DPR", c.extra) + "\n");
      CHECK(StatsOf(store.get()).evidence == 1);
      CHECK(EdgesOf(store.get(), "recognises").size() == (c.makes_edge ? 1u : 0u));
      auto ev = store->EvidenceFor("DEU", "recognises", "DPR");
      REQUIRE(ev.ok());
      CHECK(ev->size() == 1);
    }
  }
  // A negation does not end a lasting relation either.
  auto store = OpenStore(":memory:");
  MustLoad(store.get(), Line("a", "2022-02-21", "RUS", "recognises", "DPR") + "\n" +
                            Line("b", "2023-01-01", "RUS", "recognises", "DPR",
                                 R"(,"polarity":"negative")") + "\n");
  auto edges = EdgesOf(store.get(), "recognises");
  REQUIRE(edges.size() == 1);
  CHECK(edges[0].status == "active");
  CHECK(edges[0].evidence_count == 1);
  CHECK(StatsOf(store.get()).evidence_negative == 1);
}

TEST_CASE("merge rule: symmetric relations are one edge for A-B and B-A") {
  struct Case {
    const char* relation;
    size_t edges;
  };
  const Case cases[] = {{"meets", 1}, {"cuts_ties", 1}, {"signs_agreement", 1}, {"visits", 2},
                        {"condemns", 2}};
  for (const Backend& b : kBackends) {
    for (const Case& c : cases) {
      CAPTURE(b.name);
      CAPTURE(c.relation);
      test::TempDir dir;
      auto store = OpenStore(BackendPath(b, dir));
      MustLoad(store.get(), Line("d1", "2023-04-06", "SAU", c.relation, "IRN") + "\n" +
                                Line("d2", "2023-04-07", "IRN", c.relation, "SAU") + "\n");
      auto edges = EdgesOf(store.get(), c.relation);
      REQUIRE(edges.size() == c.edges);
      if (c.edges == 1) {
        CHECK(edges[0].evidence_count == 2);
        CHECK(edges[0].subject == "IRN");  // normalised: smaller id first
        CHECK(edges[0].symmetric);
        auto ev = store->EvidenceFor("SAU", c.relation, "IRN");
        REQUIRE(ev.ok());
        CHECK(ev->size() == 2);
      }
    }
  }
}

TEST_CASE("merge rule: event relations have status event and valid_from = first_seen") {
  auto store = OpenStore(":memory:");
  MustLoad(store.get(), Line("d1", "2023-09-13", "PRK", "visits", "RUS") + "\n" +
                            Line("d2", "2024-06-19", "PRK", "visits", "RUS") + "\n" +
                            Line("d3", "2019-04-25", "PRK", "visits", "RUS") + "\n");
  auto edges = EdgesOf(store.get(), "visits");
  REQUIRE(edges.size() == 1);
  CHECK(edges[0].status == "event");
  CHECK(edges[0].first_seen == "2019-04-25");
  CHECK(edges[0].last_seen == "2024-06-19");
  CHECK(edges[0].valid_from == "2019-04-25");
  CHECK(edges[0].valid_to == "");
  CHECK(edges[0].source_count == 3);
  CHECK(edges[0].cameo == "042");
  CHECK(edges[0].goldstein == doctest::Approx(1.9));
}

TEST_CASE("load: errors name the source and line, and nothing of the input is written") {
  struct Case {
    const char* what;
    std::string bad_line;
    const char* fragment;
  };
  const Case cases[] = {
      {"unknown relation", Line("d2", "2022", "A", "befriends", "B"), "unknown relation \"befriends\""},
      {"broken JSON", R"({"doc":{"id":"d2"},"subject":)", "invalid JSON"},
      {"missing field", R"({"doc":{"id":"d2"},"subject":"A","relation":"meets"})", "\"object\""},
      {"bad date", Line("d2", "22.02.2022", "A", "meets", "B"), "date"},
  };
  for (const Backend& b : kBackends) {
    for (const Case& c : cases) {
      CAPTURE(b.name);
      CAPTURE(c.what);
      test::TempDir dir;
      auto store = OpenStore(BackendPath(b, dir));
      const std::string text = Line("d1", "2022-01-01", "A", "meets", "B") + "\n\n" + c.bad_line +
                               "\n" + Line("d3", "2022-01-01", "A", "meets", "C") + "\n";
      auto r = Load(store.get(), text, "news.jsonl");
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().IsInvalidArgument());
      CHECK(Contains(r.status().message(), "news.jsonl:3: "));
      CHECK(Contains(r.status().message(), c.fragment));
      auto st = StatsOf(store.get());
      CHECK(st.documents == 0);
      CHECK(st.evidence == 0);
      CHECK(st.edges == 0);

      // --skip-bad: the rest is loaded and each bad line reported.
      std::vector<int64_t> skipped;
      LoadOptions o;
      o.skip_bad = true;
      o.on_skip = [&](int64_t line, const std::string&) { skipped.push_back(line); };
      auto ok = Load(store.get(), text, "news.jsonl", o);
      REQUIRE(ok.ok());
      CHECK(ok->skipped == 1);
      CHECK(ok->triples == 2);
      CHECK(ok->lines == 3);  // blank lines do not count
      CHECK(skipped == std::vector<int64_t>{3});
      CHECK(StatsOf(store.get()).evidence == 2);
    }
  }
}

TEST_CASE("load: unknown entity ids are accepted with name and kind from the triple") {
  auto store = OpenStore(":memory:");
  MustLoad(store.get(),
           R"({"doc":{"id":"d"},"subject":{"id":"XYZ","name":"Republic of Xyz","kind":"breakaway"},)"
           R"("relation":"meets","object":"QQQ"})" "\n");
  auto all = store->AllEntities();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].id == "QQQ");
  CHECK((*all)[0].name == "QQQ");
  CHECK((*all)[0].kind == EntityKind::kOther);
  CHECK((*all)[1].id == "XYZ");
  CHECK((*all)[1].name == "Republic of Xyz");
  CHECK((*all)[1].kind == EntityKind::kBreakaway);
  auto id = store->ResolveEntity("republic of xyz");
  REQUIRE(id.ok());
  CHECK(*id == "XYZ");
}

TEST_CASE("names: entities resolve through catalog aliases in any language") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "entities");
  test::WriteFile(dir.File("entities/test.json"), R"({"entities":[
    {"id":"RUS","name":"Russia","kind":"state","names":{"en":["Russian Federation"],"de":["Russland","Russische Föderation"]},
     "adjectives":{"de":["russisch"]},"metonyms":{"de":["Moskau","Kreml"],"en":["Moscow","Kremlin"]},"codes":["RU"]},
    {"id":"PRK","name":"North Korea","kind":"state","names":{"de":["Nordkorea"],"en":["DPRK"]},"metonyms":{"de":["Pjöngjang"]}},
    {"id":"DPR","name":"Donetsk People's Republic","kind":"breakaway","names":{"de":["Volksrepublik Donezk","Donezker Volksrepublik"]}}
  ]})");
  auto catalog = EntityCatalog::LoadDir(dir.File("entities"));
  REQUIRE_MESSAGE(catalog.ok(), catalog.status().ToString());
  for (const Backend& b : kBackends) {
    CAPTURE(b.name);
    test::TempDir sdir;
    auto store = OpenStore(BackendPath(b, sdir));
    MustLoad(store.get(), Line("d", "2022-07-13", "PRK", "recognises", "DPR") + "\n");
    REQUIRE(store->ImportCatalog(*catalog).ok());
    REQUIRE(store->ImportCatalog(*catalog).ok());  // idempotent
    struct Case {
      const char* name;
      const char* id;
    };
    const Case cases[] = {
        {"RUS", "RUS"},           {"rus", "RUS"},          {"Russland", "RUS"},
        {"RUSSIAN FEDERATION", "RUS"}, {"russische foderation", "RUS"},
        {"Russische Föderation", "RUS"}, {"Kreml", "RUS"}, {"RU", "RUS"},
        {"Pjongjang", "PRK"},     {"nordkorea", "PRK"},    {"Donezker Volksrepublik", "DPR"},
        {"donetsk people's republic", "DPR"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      auto id = store->ResolveEntity(c.name);
      REQUIRE_MESSAGE(id.ok(), id.status().ToString());
      CHECK(*id == c.id);
    }
    auto miss = store->ResolveEntity("Rusland");
    REQUIRE_FALSE(miss.ok());
    CHECK(miss.status().IsNotFound());
    CHECK(Contains(miss.status().message(), "no entity named \"Rusland\""));
    CHECK(Contains(miss.status().message(), "did you mean: Russia (RUS)"));

    auto korea = store->Entities("korea");
    REQUIRE(korea.ok());
    REQUIRE(korea->size() == 1);
    CHECK((*korea)[0].id == "PRK");
    CHECK(std::find((*korea)[0].aliases.begin(), (*korea)[0].aliases.end(), "Nordkorea") !=
          (*korea)[0].aliases.end());
    auto moskau = store->Entities("MOSKAU");
    REQUIRE(moskau.ok());
    REQUIRE(moskau->size() == 1);
    CHECK((*moskau)[0].name == "Russia");
  }
}

TEST_CASE("concurrency: a reader reads during a write; a second writer gets Busy") {
  test::TempDir dir;
  const std::string path = dir.File("shared.db");
  auto writer = OpenStore(path);
  MustLoad(writer.get(), Line("old", "2020-01-01", "AAA", "meets", "BBB") + "\n");

  bool checked = false;
  LoadOptions o;
  o.on_progress = [&](int64_t) {
    if (checked) return;
    checked = true;
    // The write transaction is open and has written rows.
    StoreOptions ro;
    ro.read_only = true;
    auto reader = Store::Open(path, ro);
    REQUIRE_MESSAGE(reader.ok(), reader.status().ToString());
    auto st = (*reader)->Stats();
    REQUIRE_MESSAGE(st.ok(), st.status().ToString());
    CHECK(st->documents == 1);  // the committed state, not the one being written
    auto g = (*reader)->ReadGraph();
    REQUIRE(g.ok());
    CHECK(g->edges.size() == 1);

    CheckSecondWriterGetsBusy(path);
  };
  std::string text;
  for (int i = 0; i < 3; ++i) {
    text += Line("new" + std::to_string(i), "2021-01-01", "AAA", "visits", "BBB") + "\n";
  }
  auto r = Load(writer.get(), text, "t.jsonl", o);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(checked);
  CHECK(StatsOf(writer.get()).documents == 4);
}

TEST_CASE("concurrency: during a first load into an empty store, a second writer waits, then gets Busy") {
  // The first load writes with a rollback journal (docs/store.md): another
  // writer can still open the store, and its load waits for the lock.
  test::TempDir dir;
  const std::string path = dir.File("empty.db");
  auto writer = OpenStore(path);
  bool checked = false;
  LoadOptions o;
  o.on_progress = [&](int64_t) {
    if (checked) return;
    checked = true;
    CheckSecondWriterGetsBusy(path);
  };
  std::string text;
  for (int i = 0; i < 3; ++i) {
    text += Line("d" + std::to_string(i), "2021-01-01", "AAA", "visits", "BBB") + "\n";
  }
  auto r = Load(writer.get(), text, "t.jsonl", o);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(checked);
  CHECK(StatsOf(writer.get()).documents == 3);
  CHECK(Sqlite(path, "PRAGMA journal_mode;", dir) == "wal\n");
}

TEST_CASE("merge: shards merge into the same state as one load; unchanged documents are no-ops") {
  const std::string a = Line("d1", "2016-01-03", "SAU", "cuts_ties", "IRN") + "\n" +
                        Line("d2", "2022-02-21", "RUS", "recognises", "DPR") + "\n";
  const std::string b = Line("d2", "2022-02-21", "RUS", "recognises", "DPR") + "\n" +
                        Line("d3", "2023-03-10", "IRN", "restores_ties", "SAU") + "\n" +
                        Line("d3", "2023-03-10", "IRN", "meets", "SAU", R"(,"polarity":"negative")") + "\n";
  test::TempDir dir;
  auto one = OpenStore(":memory:");
  MustLoad(one.get(), a);
  MustLoad(one.get(), b);
  {
    auto shard_a = OpenStore(dir.File("a.db"));
    MustLoad(shard_a.get(), a);
    auto shard_b = OpenStore(dir.File("b.db"));
    MustLoad(shard_b.get(), b);
  }
  for (const Backend& bk : kBackends) {
    CAPTURE(bk.name);
    test::TempDir sdir;
    auto merged = OpenStore(BackendPath(bk, sdir));
    auto ra = merged->MergeFrom(dir.File("a.db"));
    REQUIRE_MESSAGE(ra.ok(), ra.status().ToString());
    CHECK(ra->documents_new == 2);
    auto rb = merged->MergeFrom(dir.File("b.db"));
    REQUIRE_MESSAGE(rb.ok(), rb.status().ToString());
    CHECK(rb->documents_new == 1);
    CHECK(rb->documents_unchanged == 1);
    CHECK(GraphTexts(merged.get()) == GraphTexts(one.get()));
    CHECK(StatsOf(merged.get()).evidence == StatsOf(one.get()).evidence);
    auto again = merged->MergeFrom(dir.File("b.db"));
    REQUIRE(again.ok());
    CHECK(again->documents_unchanged == 2);
    CHECK(again->evidence_added == 0);
  }
  auto bad = one->MergeFrom(dir.File("missing.db"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().IsNotFound());
}

TEST_CASE("read: evidence newest first, timelines in date order, graph filters") {
  auto store = OpenStore(":memory:");
  MustLoad(store.get(),
           Line("a", "2016-01-03", "SAU", "cuts_ties", "IRN") + "\n" +
               Line("b", "2016-01-02", "IRN", "protests", "SAU") + "\n" +
               Line("c", "2023-03-10", "IRN", "restores_ties", "SAU") + "\n" +
               Line("d", "2023-04-06", "SAU", "meets", "IRN") + "\n" +
               Line("e", "2023-03-10", "SAU", "restores_ties", "IRN",
                    R"(,"evidence":{"text":"Saudi-Arabien und Iran nehmen Beziehungen wieder auf."})") +
               "\n" + Line("f", "2022-02-21", "RUS", "recognises", "DPR") + "\n");
  auto ev = store->EvidenceFor("SAU", "restores_ties", "IRN");
  REQUIRE(ev.ok());
  REQUIRE(ev->size() == 2);
  CHECK(((*ev)[0].doc.id == "c" || (*ev)[0].doc.id == "e"));
  CHECK((*ev)[1].date == "2023-03-10");

  auto tl = store->Timeline("SAU", "IRN");
  REQUIRE(tl.ok());
  std::vector<std::string> got;
  for (const Edge& e : *tl) got.push_back(e.valid_from + " " + e.relation + " " + e.status);
  CHECK(got == std::vector<std::string>{"2016-01-02 protests event", "2016-01-03 cuts_ties ended",
                                         "2023-03-10 restores_ties active",
                                         "2023-04-06 meets event"});

  struct Case {
    const char* what;
    GraphFilter filter;
    size_t edges;
  };
  GraphFilter as_of_2020;
  as_of_2020.as_of = "2020-01-01";
  GraphFilter as_of_2024;
  as_of_2024.as_of = "2024-01-01";
  GraphFilter no_ended;
  no_ended.include_ended = false;
  GraphFilter since;
  since.since = "2023-01-01";
  GraphFilter breakaway;
  breakaway.kinds = {EntityKind::kOther};
  GraphFilter two;
  two.min_evidence = 2;
  GraphFilter plover;
  plover.plover = {"SUPPORT"};
  const Case cases[] = {
      {"all", GraphFilter{}, 5},
      {"as of 2020: cut ties and the protest", as_of_2020, 2},
      {"as of 2024: restored, not cut", as_of_2024, 4},
      {"without ended", no_ended, 4},
      {"since 2023", since, 2},
      {"kinds", breakaway, 5},
      {"min evidence", two, 1},
      {"plover", plover, 2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    auto g = store->ReadGraph(c.filter);
    REQUIRE(g.ok());
    CHECK(g->edges.size() == c.edges);
    for (const Edge& e : g->edges) {
      CHECK(std::any_of(g->nodes.begin(), g->nodes.end(), [&](const Entity& n) { return n.id == e.subject; }));
      CHECK(std::any_of(g->nodes.begin(), g->nodes.end(), [&](const Entity& n) { return n.id == e.object; }));
    }
  }
}

TEST_CASE("read: the graph comes in a fixed order with aliases, and in columns alike") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "entities");
  test::WriteFile(dir.File("entities/test.json"), R"({"entities":[
    {"id":"RUS","name":"Russia","kind":"state","names":{"en":["Russian Federation"],"de":["Russland"]},
     "adjectives":{"de":["russisch"]},"metonyms":{"de":["Kreml"],"en":["Kremlin"]},"codes":["RU"]},
    {"id":"DPR","name":"Donetsk People's Republic","kind":"breakaway","names":{"de":["Volksrepublik Donezk"]}}
  ]})");
  auto catalog = EntityCatalog::LoadDir(dir.File("entities"));
  REQUIRE_MESSAGE(catalog.ok(), catalog.status().ToString());
  for (const Backend& b : kBackends) {
    CAPTURE(b.name);
    test::TempDir sdir;
    auto store = OpenStore(BackendPath(b, sdir));
    // Loaded out of order: the read sorts edges by subject id, relation,
    // object id, valid_from, edge id, and nodes by id.
    MustLoad(store.get(),
             Line("d1", "2022-07-13", "UKR", "meets", "RUS") + "\n" +
                 Line("d2", "2022-02-21", "RUS", "recognises", "DPR") + "\n" +
                 Line("d3", "2021-05-01", "RUS", "cuts_ties", "UKR") + "\n" +
                 Line("d4", "2022-03", "RUS", "sanctions", "UKR") + "\n" +
                 Line("d5", "2022-04-02", "RUS", "lifts_sanctions", "UKR") + "\n" +
                 Line("d6", "2023-01-01", "RUS", "sanctions", "UKR") + "\n" +
                 Line("d7", "2022-01-01", "AAA", "meets", "ZZZ", ",\"confidence\":0.5") + "\n");
    REQUIRE(store->ImportCatalog(*catalog).ok());
    auto g = store->ReadGraph();
    REQUIRE_MESSAGE(g.ok(), g.status().ToString());
    std::vector<std::string> ids;
    for (const Entity& n : g->nodes) ids.push_back(n.id);
    CHECK(ids == std::vector<std::string>{"AAA", "DPR", "RUS", "UKR", "ZZZ"});
    const Entity& rus = g->nodes[2];
    CHECK(rus.name == "Russia");
    CHECK(rus.kind == EntityKind::kState);
    // Names, then codes, metonyms and adjectives; each by language, then text.
    CHECK(rus.aliases == std::vector<std::string>{"Russland", "Russian Federation", "RU", "Kreml",
                                                  "Kremlin", "russisch"});
    CHECK(g->nodes[1].kind == EntityKind::kBreakaway);
    std::vector<std::string> edges;
    for (const Edge& e : g->edges) {
      edges.push_back(e.subject + " " + e.relation + " " + e.object + " " + e.valid_from + ".." +
                      e.valid_to + " " + e.status);
    }
    CHECK(edges == std::vector<std::string>{
                       "AAA meets ZZZ 2022-01-01.. event",
                       "RUS cuts_ties UKR 2021-05-01.. active",
                       "RUS lifts_sanctions UKR 2022-04-02.. event",
                       "RUS meets UKR 2022-07-13.. event",
                       "RUS recognises DPR 2022-02-21.. active",
                       "RUS sanctions UKR 2022-03..2022-04-02 ended",
                       "RUS sanctions UKR 2023-01-01.. active",
                   });
    const Edge& meets = g->edges[3];  // symmetric: stored with the smaller id first
    CHECK(meets.symmetric);
    CHECK(meets.cameo == Vocab().Find("meets")->cameo);
    CHECK(meets.plover == Vocab().Find("meets")->plover);
    CHECK(meets.goldstein == Vocab().Find("meets")->goldstein);
    CHECK(g->edges[0].confidence == doctest::Approx(0.5));

    // The columns hold the same graph: every edge, field by field.
    auto t = store->ReadGraphTable();
    REQUIRE_MESSAGE(t.ok(), t.status().ToString());
    REQUIRE(t->edges.size() == g->edges.size());
    REQUIRE(t->nodes.size() == g->nodes.size());
    for (size_t i = 0; i < g->nodes.size(); ++i) {
      CHECK(t->nodes[i].id == g->nodes[i].id);
      CHECK(t->nodes[i].aliases == g->nodes[i].aliases);
    }
    for (size_t i = 0; i < g->edges.size(); ++i) {
      const Edge& want = g->edges[i];
      const Edge got = t->MakeEdge(i);
      CAPTURE(i);
      CHECK(got.id == want.id);
      CHECK(t->nodes[t->edges[i].subject].id == want.subject);
      CHECK(t->relations[t->edges[i].relation].name == want.relation);
      CHECK(t->strings[t->edges[i].valid_from] == want.valid_from);
      CHECK(EdgeTexts({got}) == EdgeTexts({want}));
      CHECK(got.cameo == want.cameo);
      CHECK(got.goldstein == want.goldstein);
      CHECK(got.symmetric == want.symmetric);
    }
    // Repeated strings are stored once.
    std::set<std::string> distinct(t->strings.begin(), t->strings.end());
    CHECK(distinct.size() == t->strings.size());
    GraphData round = t->ToGraphData();
    CHECK(EdgeTexts(round.edges) == EdgeTexts(g->edges));

    // Filters on relations and kinds apply to the columns too.
    GraphFilter f;
    f.relations = {"sanctions", "unknown"};
    auto ft = store->ReadGraphTable(f);
    REQUIRE(ft.ok());
    CHECK(ft->edges.size() == 2);
    CHECK(ft->nodes.size() == 2);  // RUS, UKR
    GraphFilter kinds;
    kinds.kinds = {EntityKind::kState, EntityKind::kOther};
    auto kt = store->ReadGraphTable(kinds);
    REQUIRE(kt.ok());
    // All but the edge to DPR (a breakaway entity); UKR, AAA, ZZZ are not
    // in the catalog (kind other).
    CHECK(kt->edges.size() == 6);
    for (size_t i = 0; i < kt->edges.size(); ++i) {
      CHECK(kt->nodes[kt->edges[i].object].id != "DPR");
    }
    CHECK(kt->nodes.size() == 4);
  }
}

TEST_CASE("sample: data/sample/triples.jsonl loads with the histories it describes") {
  auto store = OpenStore(":memory:");
  std::ifstream in(test::SourcePath("data/sample/triples.jsonl"));
  REQUIRE(in);
  auto r = store->LoadTriples(in, "triples.jsonl");
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(r->triples >= 150);
  CHECK(r->documents_new >= 10);
  struct Case {
    const char* a;
    const char* relation;
    const char* b;
    const char* valid_from;
    const char* valid_to;
    const char* status;
  };
  const Case cases[] = {
      {"RUS", "recognises", "DPR", "2022-02-21", "", "active"},
      {"SYR", "recognises", "LPR", "2022-06-29", "", "active"},
      {"PRK", "recognises", "DPR", "2022-07-13", "", "active"},
      {"PRK", "cuts_ties", "UKR", "2022-07-13", "", "active"},
      {"SYR", "cuts_ties", "UKR", "2022-06-30", "", "active"},
      {"RUS", "invades", "UKR", "2022-02-24", "", "event"},
      {"IRN", "cuts_ties", "SAU", "2016-01-03", "2023-03-10", "ended"},
      {"IRN", "restores_ties", "SAU", "2023-03-10", "", "active"},
      {"GBR", "joins", "EU", "1973-01-01", "2020-01-31", "ended"},
      {"SUR", "recognises", "XKX", "2016-07-08", "2017-10-27", "ended"},
      {"USA", "occupies", "AFG", "2001-10", "2021-08-30", "ended"},
      {"RUS", "sanctions", "TUR", "2015-11-28", "2016-06-30", "ended"},
  };
  auto g = store->ReadGraph();
  REQUIRE(g.ok());
  for (const Case& c : cases) {
    CAPTURE(c.a);
    CAPTURE(c.relation);
    CAPTURE(c.b);
    auto it = std::find_if(g->edges.begin(), g->edges.end(), [&](const Edge& e) {
      return e.subject == c.a && e.relation == c.relation && e.object == c.b &&
             e.valid_from == c.valid_from;
    });
    REQUIRE(it != g->edges.end());
    CHECK(it->valid_to == c.valid_to);
    CHECK(it->status == c.status);
  }
  // Sanctions on Iran: imposed, lifted in 2016, imposed again in 2018.
  auto tl = store->Timeline("USA", "IRN");
  REQUIRE(tl.ok());
  std::vector<std::string> sanctions;
  for (const Edge& e : *tl) {
    if (e.relation == "sanctions") sanctions.push_back(e.valid_from + ".." + e.valid_to);
  }
  CHECK(sanctions == std::vector<std::string>{"2012..2016-01-16", "2018-08-07.."});
  // English and German articles behind one edge.
  auto ev = store->EvidenceFor("RUS", "recognises", "DPR");
  REQUIRE(ev.ok());
  std::set<std::string> langs;
  for (const auto& row : *ev) langs.insert(row.doc.lang);
  CHECK(langs == std::set<std::string>{"de", "en"});
  // Germany's refusal is evidence, not an edge.
  CHECK(std::none_of(g->edges.begin(), g->edges.end(), [](const Edge& e) {
    return e.subject == "DEU" && e.relation == "recognises";
  }));
  CHECK(StatsOf(store.get()).evidence_negative >= 5);
}

TEST_CASE("vocabulary: a changed vocabulary rebuilds all edges as a fresh load with it gives") {
  const std::string base = test::ReadFile(test::SourcePath("data/relations.json"));
  std::string first, later;
  for (int i = 0; i < 40; ++i) {
    const std::string date = "20" + std::to_string(10 + i / 4) + "-0" + std::to_string(1 + i % 9) +
                             "-1" + std::to_string(i % 10);
    const std::string a = "E" + std::to_string(i % 5), b = "E" + std::to_string((i * 3 + 1) % 7);
    const char* rels[] = {"sanctions", "lifts_sanctions", "visits", "meets", "cuts_ties",
                          "restores_ties", "recognises", "withdraws_recognition"};
    std::string text = Line("d" + std::to_string(i), date, a, rels[i % 8], b) + "\n";
    text += Line("d" + std::to_string(i), date, b, rels[(i + 3) % 8], a) + "\n";
    (i % 4 == 3 ? later : first) += text;
  }
  // Histories on one pair that each change below affects.
  for (const auto& [doc, date, relation] :
       {std::tuple{"x1", "2015-01-01", "sanctions"},
        std::tuple{"x2", "2016-01-01", "lifts_sanctions"},
        std::tuple{"x3", "2017-06-01", "visits"}, std::tuple{"x4", "2018-01-01", "sanctions"},
        std::tuple{"x5", "2018-03-01", "visits"}}) {
    first += Line(doc, date, "E1", relation, "E2") + "\n";
  }
  later += Line("x6", "2019-05-05", "E1", "lifts_sanctions", "E2") + "\n";
  struct Case {
    const char* what;
    std::string json;
  };
  const std::string no_opposite =
      EditVocab(EditVocab(base, "sanctions", "opposite", "\"lifts_sanctions\"", "\"\""),
                "lifts_sanctions", "opposite", "\"sanctions\"", "\"\"");
  const Case cases[] = {
      {"a lasting relation becomes an event",
       EditVocab(base, "sanctions", "lasting", "true", "false")},
      {"an event relation becomes lasting", EditVocab(base, "visits", "lasting", "false", "true")},
      {"a symmetric relation becomes directed",
       EditVocab(base, "meets", "symmetric", "true", "false")},
      {"a directed relation becomes symmetric",
       EditVocab(base, "recognises", "symmetric", "false", "true")},
      {"opposites are removed", no_opposite},
      {"the opposite changes",
       EditVocab(EditVocab(no_opposite, "sanctions", "opposite", "\"\"", "\"visits\""), "visits",
                 "opposite", "\"\"", "\"sanctions\"")},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    auto v2 = RelationVocabulary::Parse(c.json, "relations.json");
    REQUIRE_MESSAGE(v2.ok(), v2.status().ToString());
    test::TempDir dir;
    const std::string path = dir.File("vocab.db");
    std::vector<std::string> before;
    {
      auto old = OpenStore(path);  // the bundled vocabulary
      MustLoad(old.get(), first);
      before = GraphTexts(old.get());
    }
    // Reopened with the new vocabulary, as the CLI does on its next write.
    auto changed = Store::Open(path);
    REQUIRE(changed.ok());
    Status st = (*changed)->ImportVocabulary(*v2);
    REQUIRE_MESSAGE(st.ok(), st.ToString());
    CHECK((*changed)->CheckIntegrity().ok());

    auto fresh = Store::Open(":memory:");
    REQUIRE(fresh.ok());
    REQUIRE((*fresh)->ImportVocabulary(*v2).ok());
    MustLoad(fresh->get(), first);
    const auto want = GraphTexts(fresh->get());
    CHECK(GraphTexts(changed->get()) == want);
    CHECK(want != before);  // the change matters for these triples
    // Later loads merge with the rebuilt edges under the new families.
    MustLoad(changed->get(), later);
    MustLoad(fresh->get(), later);
    CHECK(GraphTexts(changed->get()) == GraphTexts(fresh->get()));
  }
}

TEST_CASE("bulk load: a first load builds its indexes at the end, with the same result") {
  std::string first, second;
  for (int i = 0; i < 24000; ++i) {
    const std::string line =
        Line("doc" + std::to_string(i / 8), "2021-0" + std::to_string(1 + i % 9) + "-15",
             "E" + std::to_string(i % 41), i % 5 ? "meets" : (i % 2 ? "sanctions" : "lifts_sanctions"),
             "E" + std::to_string((i * 13 + 3) % 37), R"(,"sentence":)" + std::to_string(i % 8)) + "\n";
    (i < 12000 ? first : second) += line;
  }
  test::TempDir dir;
  const std::string path = dir.File("bulk.db");
  auto bulk = OpenStore(path);
  MustLoad(bulk.get(), first + second);
  auto halves = OpenStore(":memory:");
  MustLoad(halves.get(), second);
  MustLoad(halves.get(), first);
  CHECK(GraphTexts(bulk.get()) == GraphTexts(halves.get()));
  CHECK(bulk->CheckIntegrity().ok());
  LoadStats again = MustLoad(bulk.get(), first + second);
  CHECK(again.documents_unchanged == 3000);
  CHECK(again.evidence_added == 0);
  auto ev = bulk->EvidenceFor("E0", "meets", "E3");
  REQUIRE(ev.ok());
  CHECK(Sqlite(path, kBulkIndexCountSql, dir) == "3\n");
  // The first load wrote with a rollback journal (the store was empty); the
  // file is back in WAL mode for readers during later loads.
  CHECK(Sqlite(path, "PRAGMA journal_mode;", dir) == "wal\n");
}

TEST_CASE("bulk load: a first load while a reader has the file open, and a failed first load") {
  test::TempDir dir;
  const std::string path = dir.File("first.db");
  auto writer = OpenStore(path);
  const std::string good = Line("a", "2020-01-01", "AAA", "meets", "BBB") + "\n" +
                           Line("b", "2020-01-02", "BBB", "visits", "CCC") + "\n";
  // A bad last line: nothing of the file is written, and the store is empty
  // and in WAL mode again.
  auto bad = Load(writer.get(), good + "{\"doc\": oops\n", "bad.jsonl");
  REQUIRE_FALSE(bad.ok());
  CHECK(Contains(bad.status().message(), "bad.jsonl:3:"));
  CHECK(StatsOf(writer.get()).documents == 0);
  CHECK(StatsOf(writer.get()).evidence == 0);
  CHECK(writer->CheckIntegrity().ok());
  CHECK(Sqlite(path, "PRAGMA journal_mode;", dir) == "wal\n");
  CHECK(Sqlite(path, kBulkIndexCountSql, dir) == "3\n");

  // A reader holds the file open: the load keeps the WAL, and the reader
  // reads the committed state during and after it.
  StoreOptions ro;
  ro.read_only = true;
  auto reader = OpenStore(path, ro);
  CHECK(StatsOf(reader.get()).documents == 0);
  LoadOptions o;
  int64_t seen_during = -1;
  o.on_progress = [&](int64_t) {
    if (seen_during < 0) seen_during = StatsOf(reader.get()).documents;
  };
  auto r = Load(writer.get(), good, "good.jsonl", o);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(seen_during == 0);
  CHECK(StatsOf(reader.get()).documents == 2);
  CHECK(GraphTexts(reader.get()) == GraphTexts(writer.get()));
  CHECK(Sqlite(path, "PRAGMA journal_mode;", dir) == "wal\n");
}

TEST_CASE("load: a document whose lines are split across the input is loaded whole") {
  const std::string a1 = Line("a", "2020-01-01", "AAA", "sanctions", "BBB");
  const std::string a2 = Line("a", "2020-01-01", "AAA", "meets", "CCC");
  const std::string a3 = Line("a", "2020-03-01", "AAA", "lifts_sanctions", "BBB");
  const std::string b1 = Line("b", "2020-02-01", "BBB", "meets", "CCC");
  const std::string c1 = Line("c", "2020-02-01", "CCC", "visits", "AAA");
  auto lines = [](std::initializer_list<std::string> ls) {
    std::string out;
    for (const auto& l : ls) out += l + "\n";
    return out;
  };
  const std::string split = lines({a1, b1, a2, c1, a3});
  const std::string grouped = lines({a1, a2, a3, b1, c1});
  for (const Backend& backend : kBackends) {
    CAPTURE(backend.name);
    test::TempDir dir;
    auto store = OpenStore(BackendPath(backend, dir));
    auto reference = OpenStore(":memory:");
    LoadStats first = MustLoad(store.get(), split);
    MustLoad(reference.get(), grouped);
    CHECK(first.documents_new == 3);
    CHECK(first.evidence_added == 5);
    CHECK(GraphTexts(store.get()) == GraphTexts(reference.get()));
    CHECK(StatsOf(store.get()).evidence == 5);
    CHECK(store->CheckIntegrity().ok());
    auto sanctions = store->EvidenceFor("AAA", "sanctions", "BBB");
    REQUIRE(sanctions.ok());
    CHECK(sanctions->size() == 1);

    // The same lines in another order are the same documents: unchanged.
    LoadStats again = MustLoad(store.get(), grouped);
    CHECK(again.documents_unchanged == 3);
    CHECK(again.evidence_added == 0);
    again = MustLoad(store.get(), split);
    CHECK(again.documents_unchanged == 3);
    CHECK(again.documents_changed == 0);

    // A split document with a line more has changed; b is unchanged.
    const std::string a4 = Line("a", "2020-04-01", "AAA", "visits", "CCC");
    LoadStats changed = MustLoad(store.get(), lines({a1, b1, a2, a3, a4}));
    MustLoad(reference.get(), lines({a1, a2, a3, a4, b1}));
    CHECK(changed.documents_changed == 1);
    CHECK(changed.documents_unchanged == 1);
    CHECK(changed.evidence_added == 4);
    CHECK(GraphTexts(store.get()) == GraphTexts(reference.get()));
    CHECK(StatsOf(store.get()).evidence == 6);
    CHECK(store->CheckIntegrity().ok());
    if (backend.file) {
      // Each document's evidence is one contiguous id range.
      CHECK(Sqlite(BackendPath(backend, dir), kScatteredDocumentsSql, dir) == "0\n");
    }
  }
}

TEST_CASE("load: documents in any interleaving give the store that grouped input gives") {
  // Differential: the same documents as shuffled lines (so documents come
  // split, in any order) and grouped, first into an empty file store, then
  // a second version with changed, unchanged and new documents.
  const std::vector<std::string> entities = {"AAA", "BBB", "CCC", "DDD"};
  const std::vector<std::string> relations = {"meets", "sanctions", "lifts_sanctions", "visits",
                                              "cuts_ties", "restores_ties"};
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    // Version 1: documents d0..d5 with 1-4 lines; version 2 changes some.
    std::vector<std::vector<std::string>> v1(6), v2;
    auto line = [&](size_t doc) {
      size_t a = pick(entities.size()), b = pick(entities.size() - 1);
      if (b >= a) ++b;
      return Line("d" + std::to_string(doc), "2020-0" + std::to_string(1 + pick(9)) + "-01",
                  entities[a], relations[pick(relations.size())], entities[b],
                  R"(,"sentence":)" + std::to_string(pick(5)));
    };
    for (size_t d = 0; d < v1.size(); ++d) {
      for (size_t k = 0, n = 1 + pick(4); k < n; ++k) v1[d].push_back(line(d));
    }
    v2 = v1;
    v2[1].push_back(line(1));              // changed: a line more
    v2[2].pop_back();                      // changed: a line less (maybe none: not in the file)
    v2[3] = {line(3)};                     // changed: replaced
    v2.push_back({line(6), line(6)});      // new
    auto grouped = [](const std::vector<std::vector<std::string>>& docs) {
      std::string out;
      for (const auto& d : docs) {
        for (const auto& l : d) out += l + "\n";
      }
      return out;
    };
    auto shuffled = [&](const std::vector<std::vector<std::string>>& docs) {
      std::vector<std::string> lines;
      for (const auto& d : docs) lines.insert(lines.end(), d.begin(), d.end());
      std::shuffle(lines.begin(), lines.end(), rng);
      std::string out;
      for (const auto& l : lines) out += l + "\n";
      return out;
    };
    test::TempDir dir;
    auto store = OpenStore(dir.File("s.db"));
    auto reference = OpenStore(":memory:");
    LoadStats got = MustLoad(store.get(), shuffled(v1));
    LoadStats want = MustLoad(reference.get(), grouped(v1));
    CHECK(got.documents_new == want.documents_new);
    CHECK(got.evidence_added == want.evidence_added);
    CHECK(GraphTexts(store.get()) == GraphTexts(reference.get()));
    got = MustLoad(store.get(), shuffled(v2));
    want = MustLoad(reference.get(), grouped(v2));
    CHECK(got.documents_new == want.documents_new);
    CHECK(got.documents_changed == want.documents_changed);
    CHECK(got.documents_unchanged == want.documents_unchanged);
    CHECK(got.evidence_added == want.evidence_added);
    CHECK(GraphTexts(store.get()) == GraphTexts(reference.get()));
    CHECK(StatsOf(store.get()).evidence == StatsOf(reference.get()).evidence);
    CHECK(StatsOf(store.get()).documents == StatsOf(reference.get()).documents);
    CHECK(store->CheckIntegrity().ok());
    CHECK(Sqlite(dir.File("s.db"), kScatteredDocumentsSql, dir) == "0\n");
  }
}

TEST_CASE("load: evidence text stays right when the input's blocks are reused") {
  // Evidence text and speaker are kept where the input block was parsed
  // until a document is written; blocks of one line or a few are reused
  // all the time. Documents span blocks, come split (written, then taken
  // back and written whole) and are already in the store.
  const char* const kEvidenceSql =
      "SELECT d.doc_id, v.sentence, v.text, v.speaker FROM evidence_rows v "
      "JOIN documents d ON d.id = v.document_ref ORDER BY 1, 2, 3, 4;\n";
  for (uint32_t seed = 1; seed <= 6; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    int serial = 0;
    auto line = [&](size_t doc) {
      const std::string n = std::to_string(++serial);
      const std::string text = "Text " + n + " of d" + std::to_string(doc) +
                               std::string(pick(40), 'x') + " \\u00e4 \\\"quoted\\\"";
      const std::string speaker = pick(3) == 0 ? "Speaker " + n : "";
      return Line("d" + std::to_string(doc), "2020-01-01", "AAA", "meets", "BBB",
                  R"(,"sentence":)" + n + R"(,"evidence":{"text":")" + text +
                      R"(","start":0,"end":4},"speaker":")" + speaker + "\"");
    };
    std::vector<std::string> v1;
    for (size_t d = 0; d < 8; ++d) {
      for (size_t k = 0, n = 1 + pick(5); k < n; ++k) v1.push_back(line(d));
    }
    std::vector<std::string> v2 = v1;
    v2.push_back(line(2));  // d2 changes
    v2.push_back(line(9));  // d9 is new
    auto text_of = [](std::vector<std::string> lines, std::mt19937* shuffle) {
      if (shuffle != nullptr) std::shuffle(lines.begin(), lines.end(), *shuffle);
      std::string out;
      for (const auto& l : lines) out += l + "\n";
      return out;
    };
    test::TempDir dir;
    auto store = OpenStore(dir.File("s.db"));
    auto reference = OpenStore(dir.File("r.db"));
    LoadOptions small;
    small.chunk_bytes = seed % 2 == 0 ? 64 : 500;  // a line, or a few
    small.parse_threads = 1 + static_cast<int>(seed % 3);
    for (const auto* version : {&v1, &v2}) {
      auto got = Load(store.get(), text_of(*version, &rng), "t.jsonl", small);
      REQUIRE_MESSAGE(got.ok(), got.status().ToString());
      MustLoad(reference.get(), text_of(*version, nullptr));
      const std::string want = Sqlite(dir.File("r.db"), kEvidenceSql, dir);
      CHECK(Contains(want, "Text 1 of d0"));
      CHECK(Contains(want, "Speaker "));
      CHECK(Sqlite(dir.File("s.db"), kEvidenceSql, dir) == want);
    }
    CHECK(GraphTexts(store.get()) == GraphTexts(reference.get()));
  }
}

TEST_CASE("load: a later document names an entity an earlier one gave as a bare id") {
  // The first document is written before the second is read.
  auto store = OpenStore(":memory:");
  const std::string text =
      Line("d1", "2020-01-01", "XYZ", "meets", "QQQ") + "\n" +
      R"({"doc":{"id":"d2"},"subject":{"id":"XYZ","name":"Republic of Xyz","kind":"breakaway"},)"
      R"("relation":"visits","object":"QQQ"})" "\n";
  MustLoad(store.get(), text);
  auto all = store->AllEntities();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK((*all)[1].id == "XYZ");
  CHECK((*all)[1].name == "Republic of Xyz");
  CHECK((*all)[1].kind == EntityKind::kBreakaway);
  auto id = store->ResolveEntity("republic of xyz");
  REQUIRE(id.ok());
  CHECK(*id == "XYZ");
}

TEST_CASE("load: triples from memory (geokg ingest) take the same path as JSONL") {
  // Above the bulk threshold, so the vector goes through the deferred-index path too.
  std::string text;
  std::vector<Triple> triples;
  for (int i = 0; i < 21000; ++i) {
    const std::string line =
        Line("doc" + std::to_string(i / 7), "2019-0" + std::to_string(1 + i % 9) + "-02",
             "E" + std::to_string(i % 43), i % 4 ? "meets" : "recognises",
             "E" + std::to_string((i * 11 + 5) % 47),
             i % 9 ? R"(,"extractor":"x")" : R"(,"modality":"future")");
    text += line + "\n";
    auto t = ParseTripleJson(line);
    REQUIRE(t.ok());
    triples.push_back(*t);
  }
  test::TempDir dir;
  auto from_vector = OpenStore(dir.File("v.db"));
  auto r = from_vector->LoadTriples(triples);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(r->evidence_added == 21000);
  auto from_text = OpenStore(":memory:");
  MustLoad(from_text.get(), text);
  CHECK(GraphTexts(from_vector.get()) == GraphTexts(from_text.get()));
  CHECK(StatsOf(from_vector.get()).evidence == StatsOf(from_text.get()).evidence);
  CHECK(from_vector->CheckIntegrity().ok());
  // The same document hashes: the JSONL of the same triples is a no-op.
  LoadStats again = MustLoad(from_vector.get(), text);
  CHECK(again.documents_unchanged == 3000);
  CHECK(again.evidence_added == 0);
}

TEST_CASE("load: input parsed in blocks on threads gives the same result, errors and skips") {
  // Several 1 MiB blocks; bad lines in different blocks, blank and CRLF lines.
  std::string text;
  for (int i = 0; i < 30000; ++i) {
    if (i == 9000 || i == 21000) {
      text += "{\"doc\": broken\n";
      continue;
    }
    if (i % 1000 == 7) text += "  \r\n";
    text += Line("doc" + std::to_string(i / 6), "2020-0" + std::to_string(1 + i % 9) + "-11",
                 "E" + std::to_string(i % 29), i % 3 ? "meets" : "sanctions",
                 "E" + std::to_string((i * 7 + 2) % 31),
                 R"(,"evidence":{"text":"Some words to make the lines longer."})") +
            (i % 2 ? "\r\n" : "\n");
  }
  std::vector<std::vector<std::string>> graphs;
  std::vector<std::vector<int64_t>> skips;
  for (int threads : {1, 3}) {
    CAPTURE(threads);
    auto store = OpenStore(":memory:");
    LoadOptions strict;
    strict.parse_threads = threads;
    auto bad = Load(store.get(), text, "big.jsonl", strict);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.status().message().rfind("big.jsonl:9010: invalid JSON", 0) == 0);
    CHECK(StatsOf(store.get()).evidence == 0);
    LoadOptions o;
    o.parse_threads = threads;
    o.skip_bad = true;
    std::vector<int64_t> lines;
    o.on_skip = [&lines](int64_t line, const std::string&) { lines.push_back(line); };
    auto r = Load(store.get(), text, "big.jsonl", o);
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
    CHECK(r->skipped == 2);
    CHECK(r->triples == 29998);
    skips.push_back(lines);
    graphs.push_back(GraphTexts(store.get()));
  }
  CHECK(skips[0] == std::vector<int64_t>{9010, 21022});
  CHECK(skips[1] == skips[0]);
  CHECK(graphs[1] == graphs[0]);
}

TEST_CASE("crash safety: kill -9 during a large load leaves a consistent store; a re-run completes it") {
  test::TempDir dir;
  const std::string big = dir.File("big.jsonl");
  {
    std::ofstream out(big);
    for (int i = 0; i < 60000; ++i) {
      out << Line("doc" + std::to_string(i / 10), "2020-01-" + std::to_string(10 + i % 20),
                  "E" + std::to_string(i % 97), i % 3 ? "meets" : "sanctions",
                  "E" + std::to_string((i * 7 + 1) % 89),
                  R"(,"sentence":)" + std::to_string(i % 10) +
                      R"(,"evidence":{"text":"A reasonably long evidence sentence to make the file grow."})")
          << "\n";
    }
  }
  const std::string small = dir.File("small.jsonl");
  test::WriteFile(small, Line("first", "2019-05-05", "AAA", "meets", "BBB") + "\n");
  const std::string data = test::SourcePath("data");

  // Reference: the uninterrupted run.
  const std::string clean = dir.File("clean.db");
  REQUIRE(test::RunCli("load --data '" + data + "' --db '" + clean + "' '" + small + "'").exit_code == 0);
  REQUIRE(test::RunCli("load --data '" + data + "' --db '" + clean + "' '" + big + "'").exit_code == 0);
  auto want = test::RunCli("stats --format json --db '" + clean + "'");
  REQUIRE(want.exit_code == 0);

  const std::string db = dir.File("killed.db");
  REQUIRE(test::RunCli("load --data '" + data + "' --db '" + db + "' '" + small + "'").exit_code == 0);
  auto after_small = test::RunCli("stats --format json --db '" + db + "'");

  // Start the load with a small page cache (so the WAL grows mid-transaction)
  // and kill it once it reports progress inside its write transaction.
  int err_pipe[2];
  REQUIRE(pipe(err_pipe) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(err_pipe[1], 2);
    close(err_pipe[0]);
    close(err_pipe[1]);
    const std::string cli = test::CliPath();
    execl(cli.c_str(), cli.c_str(), "load", "--progress", "--data", data.c_str(), "--db",
          db.c_str(), big.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(err_pipe[1]);
  std::string err;
  char buf[256];
  ssize_t n;
  while ((n = read(err_pipe[0], buf, sizeof buf)) > 0) {
    err.append(buf, static_cast<size_t>(n));
    if (Contains(err, "triples written")) break;
  }
  // Let it write a little more, then pull the plug.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(err_pipe[0]);
  CAPTURE(err);
  REQUIRE(WIFSIGNALED(status));  // it was killed, not finished
  CHECK(WTERMSIG(status) == SIGKILL);

  {
    auto store = Store::Open(db);
    REQUIRE_MESSAGE(store.ok(), store.status().ToString());
    CHECK((*store)->CheckIntegrity().ok());
  }
  auto interrupted = test::RunCli("stats --format json --db '" + db + "'");
  auto strip = [](std::string s) {  // the counts, without path and file size
    for (const char* key : {"\"store\":", "\"file_bytes\":"}) {
      auto a = s.find(key);
      if (a == std::string::npos) continue;
      auto b = s.find(',', a);
      s.erase(a, b - a + 1);
    }
    return s;
  };
  CHECK(interrupted.exit_code == 0);
  CHECK(strip(interrupted.out) == strip(after_small.out));  // nothing of the killed load shows

  auto rerun = test::RunCli("load --data '" + data + "' --db '" + db + "' '" + big + "'");
  CHECK(rerun.exit_code == 0);
  auto got = test::RunCli("stats --format json --db '" + db + "'");
  // Same counts as the clean run (file sizes may differ).
  CHECK(strip(got.out) == strip(want.out));
}

TEST_CASE("crash safety: a first load killed mid-write is rolled back by the next reader") {
  // The first load into an empty store writes with a rollback journal. A
  // child process loads with a tiny page cache (so pages reach the file
  // mid-transaction) and kills itself inside the transaction: the file is
  // left with a hot journal that only a writer can roll back.
  test::TempDir dir;
  const std::string path = dir.File("first.db");
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += Line("doc" + std::to_string(i / 10), "2020-01-15", "E" + std::to_string(i % 97),
                 "meets", "E" + std::to_string((i * 7 + 1) % 89),
                 R"(,"evidence":{"text":"A reasonably long evidence sentence to make the file grow."})") +
            "\n";
  }
  { OpenStore(path); }  // schema and vocabulary, committed
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    StoreOptions small;
    small.cache_kib = 256;
    auto s = Store::Open(path, small);
    if (!s.ok()) _exit(2);
    LoadOptions o;
    o.on_progress = [](int64_t written) {
      if (written >= 15000) kill(getpid(), SIGKILL);
    };
    std::istringstream in(text);
    (void)(*s)->LoadTriples(in, "big.jsonl", o);
    _exit(3);  // not reached: killed inside the transaction
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  std::error_code ec;
  REQUIRE(std::filesystem::file_size(path + "-journal", ec) > 0);  // a hot journal

  StoreOptions ro;
  ro.read_only = true;
  auto reader = Store::Open(path, ro);
  REQUIRE_MESSAGE(reader.ok(), reader.status().ToString());
  CHECK(StatsOf(reader->get()).documents == 0);
  CHECK(StatsOf(reader->get()).evidence == 0);
  CHECK((*reader)->CheckIntegrity().ok());
  CHECK(Sqlite(path, "PRAGMA journal_mode;", dir) == "wal\n");
  // A re-run completes it.
  auto store = OpenStore(path);
  LoadStats r = MustLoad(store.get(), text);
  CHECK(r.documents_new == 2000);
  CHECK(StatsOf(store.get()).evidence == 20000);
  CHECK(store->CheckIntegrity().ok());
}

}  // TEST_SUITE
