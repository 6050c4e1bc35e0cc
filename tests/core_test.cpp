#include <doctest/doctest.h>

#include "geokg/model.h"
#include "geokg/ontology.h"
#include "geokg/triple.h"
#include "test_util.h"

using namespace geokg;

TEST_CASE("CheckIsoDate accepts day, month and year precision only") {
  struct Case {
    const char* text;
    std::optional<DatePrecision> want;
  };
  const Case cases[] = {
      {"2022-07-15", DatePrecision::kDay}, {"2022-07", DatePrecision::kMonth},
      {"2019", DatePrecision::kYear},      {"", DatePrecision::kUnknown},
      {"2022-13", std::nullopt},           {"2022-02-30", std::nullopt},
      {"22-07-15", std::nullopt},          {"2022/07/15", std::nullopt},
      {"2022-07-15T10:00", std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(CheckIsoDate(c.text) == c.want);
  }
}

TEST_CASE("ParseTripleJson reads the contract and TripleToJson writes it back") {
  const std::string line =
      R"({"doc":{"id":"d1","url":"https://x/1","title":"T","date":"2022-08-15","lang":"de"},)"
      R"("sentence":6,"subject":{"id":"PRK","name":"North Korea","kind":"state"},)"
      R"("relation":"recognises","object":{"id":"DPR","name":"Donetsk People's Republic",)"
      R"("kind":"breakaway"},"polarity":"positive","modality":"asserted","date":"2022-07",)"
      R"("date_precision":"month","confidence":0.9,"evidence":{"text":"Nordkorea erkannte an",)"
      R"("start":10,"end":31},"cameo":"054","plover":"SUPPORT"})";
  auto t = ParseTripleJson(line);
  REQUIRE(t.ok());
  CHECK(t->doc.id == "d1");
  CHECK(t->doc.lang == "de");
  CHECK(t->sentence == 6);
  CHECK(t->subject.id == "PRK");
  CHECK(t->object.kind == EntityKind::kBreakaway);
  CHECK(t->relation == "recognises");
  CHECK(t->date == "2022-07");
  CHECK(t->date_precision == DatePrecision::kMonth);
  CHECK(t->confidence == doctest::Approx(0.9));
  CHECK(t->evidence.start == 10);
  CHECK(t->evidence.end == 31);

  auto again = ParseTripleJson(TripleToJson(*t));
  REQUIRE(again.ok());
  CHECK(TripleToJson(*again) == TripleToJson(*t));
  CHECK(again->evidence.text == "Nordkorea erkannte an");
}

TEST_CASE("ParseTripleJson defaults the event date to the article date") {
  auto t = ParseTripleJson(
      R"({"doc":{"id":"d","date":"2023-01-02"},"subject":"UKR","relation":"cuts_ties","object":"PRK"})");
  REQUIRE(t.ok());
  CHECK(t->date == "2023-01-02");
  CHECK(t->date_precision == DatePrecision::kDay);
  CHECK(t->polarity == Polarity::kPositive);
  CHECK(t->modality == Modality::kAsserted);
  CHECK(t->confidence == doctest::Approx(1.0));
}

TEST_CASE("ParseTripleJson names the faulty field") {
  struct Case {
    const char* line;
    const char* fragment;
  };
  const Case cases[] = {
      {R"({"doc":{"id":"d"},"subject":"A","relation":"meets"})", "\"object\" is required"},
      {R"({"subject":"A","relation":"meets","object":"B"})", "\"doc\" is required"},
      {R"({"doc":{"id":"d"},"subject":"A","relation":"meets","object":"B","polarity":"maybe"})",
       "polarity"},
      {R"({"doc":{"id":"d"},"subject":"A","relation":"meets","object":"B","date":"July"})",
       "\"date\""},
      {R"({"doc":{"id":"d"},"subject":"A","relation":"meets","object":"B","confidence":2})",
       "confidence"},
      {R"({"doc":{"id":"d"},"subject":{"id":"A","kind":"city"},"relation":"meets","object":"B"})",
       "subject.kind"},
      {R"({"doc":{"id":"d"},"subject":"A","relation":"meets","object":"B"} trailing)",
       "invalid JSON"},
      {R"({"doc":{"id":"d"},"subject":"A","relation":)", "invalid JSON"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    auto t = ParseTripleJson(c.line);
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().IsInvalidArgument());
    CHECK(t.status().message().find(c.fragment) != std::string::npos);
  }
}

TEST_CASE("the bundled relation vocabulary loads and is consistent") {
  auto vocab = RelationVocabulary::LoadFile(test::SourcePath("data/relations.json"));
  REQUIRE_MESSAGE(vocab.ok(), vocab.status().ToString());
  for (const char* name :
       {"recognises", "cuts_ties", "restores_ties", "meets", "visits", "signs_agreement",
        "cooperates", "supports", "aids", "sells_weapons_to", "sanctions", "condemns", "accuses",
        "threatens", "attacks", "invades", "occupies", "expels_diplomats", "protests", "praises",
        "demands", "allies_with", "negotiates_with", "sends_message", "joins", "leaves",
        "withdraws_recognition", "lifts_sanctions"}) {
    CAPTURE(name);
    CHECK(vocab->Find(name) != nullptr);
  }
  const RelationType* cut = vocab->Find("cuts_ties");
  REQUIRE(cut != nullptr);
  CHECK(cut->opposite == "restores_ties");
  CHECK(cut->lasting);
  CHECK(cut->symmetric);
  CHECK(vocab->Find("visits")->lasting == false);
  CHECK(vocab->Find("sanctions")->goldstein < 0);
  CHECK(vocab->Find("nonsense") == nullptr);
}

TEST_CASE("RelationVocabulary rejects inconsistent files with the entry named") {
  struct Case {
    const char* json;
    const char* fragment;
  };
  const std::string ok_fields =
      R"("cameo":"040","plover":"CONSULT","quad_class":"verbal_cooperation","goldstein":1,)"
      R"("symmetric":true,"lasting":false)";
  const std::string dup = R"({"relations":[{"name":"meets",)" + ok_fields + R"(},{"name":"meets",)" +
                          ok_fields + "}]}";
  const std::string bad_opp =
      R"({"relations":[{"name":"meets","opposite":"parts",)" + ok_fields + "}]}";
  const std::string no_cameo =
      R"({"relations":[{"name":"meets","plover":"X","quad_class":"verbal_cooperation","goldstein":1,"symmetric":true,"lasting":false}]})";
  const std::string far = R"({"relations":[{"name":"meets","cameo":"040","plover":"CONSULT",)"
                          R"("quad_class":"verbal_cooperation","goldstein":11,"symmetric":true,"lasting":false}]})";
  const Case cases[] = {
      {dup.c_str(), "duplicate name"},
      {bad_opp.c_str(), "unknown opposite"},
      {no_cameo.c_str(), "missing \"cameo\""},
      {far.c_str(), "goldstein"},
      {"{\"relations\": [\n{]}", "rel.json:2"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.json);
    auto v = RelationVocabulary::Parse(c.json, "rel.json");
    REQUIRE_FALSE(v.ok());
    CHECK(v.status().message().find(c.fragment) != std::string::npos);
  }
}

TEST_CASE("NormalizeKey folds case, diacritics and punctuation") {
  CHECK(NormalizeKey("Pjöngjang") == "pjongjang");
  CHECK(NormalizeKey("  Côte d’Ivoire ") == "cote divoire");
  CHECK(NormalizeKey("Côte d'Ivoire") == NormalizeKey("COTE D IVOIRE").substr(0, 0) + "cote divoire");
  CHECK(NormalizeKey("Weißes Haus") == "weisses haus");
  CHECK(NormalizeKey("U.S.") == "u s");
}
