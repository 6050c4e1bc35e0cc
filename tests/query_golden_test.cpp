// Golden tests of the saved queries: every queries/NAME.cypher runs against a
// store loaded from data/sample/triples.jsonl (with data/relations.json and
// the entity catalog), with the parameters of its `// params:` header line;
// the TSV output must equal queries/expected/NAME.tsv byte for byte.
//
// To regenerate the expected files after an intended change, run
//   GEOKG_UPDATE_GOLDEN=1 build/tests/geokg_tests -tc='saved queries*'
// and review the diff of queries/expected/.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "geokg/graph.h"
#include "geokg/ontology.h"
#include "geokg/query.h"
#include "geokg/store.h"

#include "test_util.h"

using namespace geokg;

namespace {

// The sample store, loaded once for all saved queries.
std::unique_ptr<QueryEngine> SampleEngine() {
  auto store = Store::Open(":memory:");
  REQUIRE_MESSAGE(store.ok(), store.status().message());
  auto vocab = RelationVocabulary::LoadFile(test::SourcePath("data/relations.json"));
  REQUIRE_MESSAGE(vocab.ok(), vocab.status().message());
  REQUIRE((*store)->ImportVocabulary(*vocab).ok());
  auto catalog = EntityCatalog::LoadDir(test::SourcePath("data/entities"));
  REQUIRE_MESSAGE(catalog.ok(), catalog.status().message());
  REQUIRE((*store)->ImportCatalog(*catalog).ok());
  std::ifstream in(test::SourcePath("data/sample/triples.jsonl"));
  REQUIRE(in.good());
  auto stats = (*store)->LoadTriples(in, "data/sample/triples.jsonl");
  REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  auto snap = Snapshot::FromStore(**store);
  REQUIRE_MESSAGE(snap.ok(), snap.status().message());
  return std::make_unique<QueryEngine>(std::make_shared<const Snapshot>(std::move(snap).value()));
}

std::vector<std::filesystem::path> SavedQueries() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(test::SourcePath("queries"))) {
    if (entry.path().extension() == ".cypher") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("saved queries: each is documented and matches its expected result") {
    const auto files = SavedQueries();
    REQUIRE(files.size() >= 10);
    const auto engine = SampleEngine();
    const bool update = std::getenv("GEOKG_UPDATE_GOLDEN") != nullptr;
    for (const auto& file : files) {
      const std::string name = file.stem().string();
      CAPTURE(name);
      const std::string text = test::ReadFile(file.string());
      // Each saved query starts with a comment saying what it answers.
      CHECK((text.rfind("//", 0) == 0 || text.rfind("/*", 0) == 0));
      auto params = ParamsFromHeader(text);
      REQUIRE_MESSAGE(params.ok(), params.status().message());
      auto query = Query::Parse(text);
      REQUIRE_MESSAGE(query.ok(), query.status().message());
      for (const auto& p : query->Parameters()) {
        CHECK_MESSAGE(params->count(p) == 1,
                      std::string("no value for $" + p + " in the params: header"));
      }
      auto result = engine->Run(*query, *params);
      REQUIRE_MESSAGE(result.ok(), result.status().message());
      std::ostringstream out;
      REQUIRE(WriteQueryResult(*result, "tsv", out).ok());
      const std::string expected_path = test::SourcePath("queries/expected/" + name + ".tsv");
      if (update) {
        test::WriteFile(expected_path, out.str());
        continue;
      }
      REQUIRE_MESSAGE(std::filesystem::exists(expected_path),
                      std::string("missing " + expected_path + "; actual output:\n" + out.str()));
      CHECK(out.str() == test::ReadFile(expected_path));
      // Golden files that hold only a header would prove little.
      CHECK_MESSAGE(!result->rows.empty(), "saved query returns no rows on the sample store");
    }
  }

  TEST_CASE("saved queries: the CLI runs them read-only with header and --param values") {
    test::TempDir dir;
    const std::string db = dir.File("sample.db");
    auto load = test::RunCli("load --db '" + db + "' '" +
                             test::SourcePath("data/sample/triples.jsonl") + "'");
    REQUIRE_MESSAGE(load.exit_code == 0, load.err);
    const auto before = std::filesystem::last_write_time(db);

    // Header parameters, TSV output: the golden file.
    auto r = test::RunCli("query --db '" + db + "' --format tsv -f '" +
                          test::SourcePath("queries/recognised_by.cypher") + "'");
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out == test::ReadFile(test::SourcePath("queries/expected/recognised_by.tsv")));

    // --entity resolves a name in any language; --param overrides the header.
    auto de = test::RunCli("query --db '" + db + "' --format csv -f '" +
                           test::SourcePath("queries/recognised_by.cypher") +
                           "' --entity 'entity=Volksrepublik Lugansk'");
    CHECK_MESSAGE(de.exit_code == 0, de.err);
    auto id =
        test::RunCli("query --db '" + db + "' --format csv -f '" +
                     test::SourcePath("queries/recognised_by.cypher") + "' --param entity=LPR");
    CHECK(id.exit_code == 0);
    CHECK(de.out == id.out);
    CHECK(de.out.find("Russia") != std::string::npos);

    // Inline query, JSON.
    auto json = test::RunCli("query --db '" + db +
                             "' --format json \"MATCH (a {id: 'SUR'})-[r]->(b) RETURN type(r) AS t "
                             "ORDER BY t\"");
    CHECK(json.exit_code == 0);
    CHECK(json.out == "[\n {\"t\":\"recognises\"},\n {\"t\":\"withdraws_recognition\"}\n]\n");

    // A syntax error: exit 2, the line and a caret.
    auto bad = test::RunCli("query --db '" + db + "' 'MATCH (a RETURN a'");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err ==
          "geokg: syntax error at line 1, column 10: expected ')' to close the node "
          "pattern but found 'RETURN'\n  MATCH (a RETURN a\n           ^\n");
    // A write query is refused and the store is untouched.
    auto write = test::RunCli("query --db '" + db + "' 'MATCH (a) DETACH DELETE a'");
    CHECK(write.exit_code == 2);
    CHECK(write.err.find("geokg queries are read-only") != std::string::npos);
    // A missing parameter is a usage error naming it.
    auto missing = test::RunCli("query --db '" + db + "' 'MATCH (a {id: $x}) RETURN a'");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("$x") != std::string::npos);
    // The row limit is a runtime error.
    auto limit = test::RunCli("query --db '" + db + "' --max-rows 3 'MATCH (a)--(b) RETURN a'");
    CHECK(limit.exit_code == 1);
    CHECK(limit.err.find("row limit exceeded") != std::string::npos);
    CHECK(std::filesystem::last_write_time(db) == before);

    auto help = test::RunCli("query --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("usage: geokg query") != std::string::npos);
  }

}  // TEST_SUITE
