// Tests of the relation stage (src/extract/relations.h, mentions.h): the
// lexicon and pattern loaders, mention finding, the seed article, and the
// golden sentences of tests/golden/extract_{en,de}.jsonl.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <rapidjson/document.h>

#include "../src/extract/mentions.h"
#include "../src/extract/relations.h"
#include "geokg/ontology.h"
#include "test_util.h"

namespace geokg::extract {
namespace {

using test::SourcePath;

struct World {
  std::shared_ptr<const EntityCatalog> catalog;
  std::shared_ptr<const RelationVocabulary> vocab;
  std::unique_ptr<RelationExtractor> extractor;
};

const World& TheWorld() {
  static World world = [] {
    World w;
    auto cat = EntityCatalog::LoadDir(SourcePath("data/entities"));
    if (!cat.ok()) FAIL("cannot load the catalog: " << cat.status().ToString());
    auto vocab = RelationVocabulary::LoadFile(SourcePath("data/relations.json"));
    if (!vocab.ok()) FAIL("cannot load the vocabulary: " << vocab.status().ToString());
    w.catalog = std::make_shared<EntityCatalog>(std::move(*cat));
    w.vocab = std::make_shared<RelationVocabulary>(std::move(*vocab));
    auto ex = RelationExtractor::Load(SourcePath("data"), w.catalog, w.vocab);
    if (!ex.ok()) FAIL("cannot load the relation extractor: " << ex.status().ToString());
    w.extractor = std::make_unique<RelationExtractor>(std::move(*ex));
    return w;
  }();
  return world;
}

using Key = std::tuple<std::string, std::string, std::string, std::string>;  // s, r, o, polarity

// Symmetric relations compare in either direction.
Key Normalize(std::string s, const std::string& r, std::string o, const std::string& pol) {
  const RelationType* type = TheWorld().vocab->Find(r);
  if (type != nullptr && type->symmetric && o < s) std::swap(s, o);
  return {s, r, o, pol};
}

std::set<Key> Keys(const std::vector<RawRelation>& rels) {
  std::set<Key> out;
  for (const auto& r : rels) {
    out.insert(Normalize(r.subject.id, r.relation, r.object.id, std::string(ToString(r.polarity))));
  }
  return out;
}

std::vector<RawRelation> Run(const std::string& text, const std::string& lang,
                             const std::string& date, DiscourseState* state = nullptr) {
  SentenceInput in;
  in.text = text;
  in.lang = lang;
  in.doc_date = date;
  return TheWorld().extractor->Extract(in, state);
}

std::string Describe(const std::set<Key>& keys) {
  std::string s;
  for (const auto& [a, r, b, p] : keys) s += "(" + a + " " + r + " " + b + " " + p + ") ";
  return s.empty() ? "nothing" : s;
}

std::string ReadText(const std::string& path) { return test::ReadFile(path); }

// A copy of data/ in a temp dir whose files a test may break.
struct DataCopy {
  test::TempDir dir;
  DataCopy() {
    namespace fs = std::filesystem;
    for (const char* sub : {"lang", "patterns"}) {
      fs::create_directories(dir.path() / sub);
      for (const char* lang : {"de", "en"}) {
        std::string rel = std::string(sub) + "/" + lang + ".json";
        test::WriteFile(dir.File(rel), ReadText(SourcePath("data/" + rel)));
      }
    }
  }
  std::string Root() const { return dir.path().string(); }
};

TEST_SUITE("extract_relations") {
  TEST_CASE("the tokenizer keeps byte offsets, acronyms and possessives") {
    auto tokens = Tokenize("Russia’s U.S. envoy met „Kim“.");
    std::vector<std::string> texts;
    for (const auto& t : tokens) texts.push_back(t.text);
    CHECK(texts == std::vector<std::string>{"Russia", "’s", "U.S.", "envoy", "met", "„", "Kim", "“", "."});
    const std::string text = "Russia’s U.S. envoy met „Kim“.";
    for (const auto& t : tokens) CHECK(text.substr(t.start, t.end - t.start) == t.text);
    CHECK(tokens[2].all_upper);
    CHECK(tokens[1].key == "'s");
    // Lexicon keys keep umlauts so that "würde" (modal) and "wurde" (passive) differ.
    CHECK(Tokenize("würde")[0].key != Tokenize("wurde")[0].key);
  }

  TEST_CASE("mentions: headed phrases, people by date, agent nouns, groups, acronyms") {
    struct Case {
      const char* lang;
      const char* date;
      const char* text;
      std::vector<std::vector<std::string>> actors;  // entity sets of actor mentions, in order
    };
    const std::vector<Case> cases = {
        {"de", "2022-08-15", "Der russische Präsident Wladimir Putin sagte dem nordkoreanischen Führer Kim Jong Un etwas.",
         {{"RUS"}, {"PRK"}}},
        {"en", "2022-08-15", "The Chinese foreign ministry said Russian forces left.", {{"CHN"}, {"RUS"}}},
        {"de", "2022-08-15", "Die ukrainische Regierung und das russische Außenministerium", {{"UKR", "RUS"}}},
        {"de", "2022-08-15", "die beiden Volksrepubliken in der Ostukraine", {{"DPR", "LPR"}}},
        {"en", "2022-08-15", "Russia and Syria", {{"RUS", "SYR"}}},
        {"en", "2015-06-01", "Obama spoke.", {{"USA"}}},
        {"en", "2023-06-01", "Obama spoke.", {}},  // no longer in office
        {"en", "2022-08-15", "Tell us about the plan.", {}},  // "us" is no acronym
        {"en", "2022-08-15", "Jordan Henderson and the Washington Post", {}},
        {"de", "2022-08-15", "Die Europäische Union und die Vereinigten Staaten", {{"EU", "USA"}}},
        // Weapons act for the adjective's state as subject or passive agent only;
        // before a preposition the adjective stays an attribute of the noun cue.
        {"en", "2022-10-11", "Russian missiles hit Kyiv.", {{"RUS"}, {"UKR"}}},
        {"en", "2022-10-11", "Kyiv was hit by Russian missiles.", {{"UKR"}, {"RUS"}}},
        {"en", "2022-10-11", "Russian strikes on Kyiv", {{"UKR"}}},
        {"en", "2022-10-11", "Ukraine shot down Russian missiles over Kyiv.", {{"UKR"}, {"UKR"}}},
        {"de", "2024-09-20", "Israelische Luftangriffe töteten Menschen im Libanon.", {{"ISR"}, {"LBN"}}},
        {"de", "2024-09-20", "Israelische Luftangriffe auf den Libanon", {{"LBN"}}},
    };
    const World& w = TheWorld();
    for (const auto& c : cases) {
      SUBCASE(c.text) {
        auto lex = Lexicon::LoadFile(SourcePath(std::string("data/lang/") + c.lang + ".json"));
        REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
        auto finder = MentionFinder::Build(*w.catalog, *lex);
        REQUIRE(finder.ok());
        auto mentions = finder->Find(Tokenize(c.text), c.date, {});
        std::vector<std::vector<std::string>> actors;
        for (const auto& m : mentions) {
          if (m.actor) actors.push_back(m.entities);
        }
        CHECK(actors == c.actors);
      }
    }
  }

  TEST_CASE("every relation of the vocabulary has patterns in every language") {
    for (const char* lang : {"de", "en"}) {
      rapidjson::Document d;
      std::string text = ReadText(SourcePath(std::string("data/patterns/") + lang + ".json"));
      d.Parse(text.c_str());
      REQUIRE(d.IsObject());
      std::set<std::string> covered;
      for (auto& p : d["patterns"].GetArray()) covered.insert(p["relation"].GetString());
      for (const auto& r : TheWorld().vocab->types()) {
        CHECK_MESSAGE(covered.count(r.name), lang << " has no pattern for " << r.name);
      }
    }
  }

  TEST_CASE("loading reports the file and the entry at fault") {
    const World& w = TheWorld();
    SUBCASE("unknown relation in a pattern") {
      DataCopy copy;
      std::string text = ReadText(copy.dir.File("patterns/en.json"));
      auto pos = text.find("\"relation\": \"recognises\"");
      REQUIRE(pos != std::string::npos);
      text.replace(pos, 24, "\"relation\": \"recognizes\"");
      test::WriteFile(copy.dir.File("patterns/en.json"), text);
      auto ex = RelationExtractor::Load(copy.Root(), w.catalog, w.vocab);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("patterns/en.json") != std::string::npos);
      CHECK(ex.status().message().find("recognises.verb") != std::string::npos);
      CHECK(ex.status().message().find("unknown relation \"recognizes\"") != std::string::npos);
    }
    SUBCASE("a lexicon without agent nouns") {
      DataCopy copy;
      test::WriteFile(copy.dir.File("lang/de.json"),
                      R"({"lang": "de", "word_order": "v2", "determiners": [], "prepositions": [],
                          "agent_prepositions": [], "coordinators": [], "subordinators": [],
                          "relative_pronouns": [], "passive_auxiliaries": [], "negations": [],
                          "reporting_verbs": []})");
      auto ex = RelationExtractor::Load(copy.Root(), w.catalog, w.vocab);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("lang/de.json") != std::string::npos);
      CHECK(ex.status().message().find("agent_nouns") != std::string::npos);
    }
    SUBCASE("a preposition the lexicon does not know") {
      DataCopy copy;
      std::string text = ReadText(copy.dir.File("patterns/de.json"));
      auto pos = text.find("\"object_preps\": [\"mit\"]");
      REQUIRE(pos != std::string::npos);
      text.replace(pos, 23, "\"object_preps\": [\"mitt\"]");
      test::WriteFile(copy.dir.File("patterns/de.json"), text);
      auto ex = RelationExtractor::Load(copy.Root(), w.catalog, w.vocab);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("\"mitt\" is not a preposition") != std::string::npos);
    }
    SUBCASE("a pattern modality that is not one a cue can set") {
      DataCopy copy;
      std::string text = ReadText(copy.dir.File("patterns/en.json"));
      auto pos = text.find("\"modality\": \"intended\"", text.find("\"joins.apply\""));
      REQUIRE(pos != std::string::npos);
      text.replace(pos, 22, "\"modality\": \"asserted\"");
      test::WriteFile(copy.dir.File("patterns/en.json"), text);
      auto ex = RelationExtractor::Load(copy.Root(), w.catalog, w.vocab);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("joins.apply") != std::string::npos);
      CHECK(ex.status().message().find("\"modality\" must be") != std::string::npos);
    }
    SUBCASE("an object or subject mode that is not one of the choices") {
      DataCopy copy;
      std::string de = ReadText(copy.dir.File("patterns/de.json"));
      auto pos = de.find("\"object\": \"adjacent\"", de.find("\"sends_message.told\""));
      REQUIRE(pos != std::string::npos);
      de.replace(pos, 20, "\"object\": \"adjacant\"");
      test::WriteFile(copy.dir.File("patterns/de.json"), de);
      auto ex = RelationExtractor::Load(copy.Root(), w.catalog, w.vocab);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("patterns/de.json") != std::string::npos);
      CHECK(ex.status().message().find("sends_message.told") != std::string::npos);
      CHECK(ex.status().message().find("\"object\" must be required, adjacent or none") !=
            std::string::npos);

      DataCopy copy2;
      std::string en = ReadText(copy2.dir.File("patterns/en.json"));
      pos = en.find("\"subject\": \"modifier_or_clause\"", en.find("\"recognises.noun\""));
      REQUIRE(pos != std::string::npos);
      en.replace(pos, 31, "\"subject\": 1");
      test::WriteFile(copy2.dir.File("patterns/en.json"), en);
      ex = RelationExtractor::Load(copy2.Root(), w.catalog, w.vocab);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("patterns/en.json") != std::string::npos);
      CHECK(ex.status().message().find("recognises.noun") != std::string::npos);
      CHECK(ex.status().message().find(
                "\"subject\" must be clause, modifier or modifier_or_clause") !=
            std::string::npos);
    }
    SUBCASE("place prepositions only on verb patterns") {
      DataCopy copy;
      std::string text = ReadText(copy.dir.File("patterns/en.json"));
      auto pos = text.find("\"object_preps\": [\"of\"]", text.find("\"annexes.noun\""));
      REQUIRE(pos != std::string::npos);
      text.insert(pos, "\"place_preps\": [\"in\"], ");
      test::WriteFile(copy.dir.File("patterns/en.json"), text);
      auto ex = RelationExtractor::Load(copy.Root(), w.catalog, w.vocab);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("annexes.noun") != std::string::npos);
      CHECK(ex.status().message().find("\"place_preps\" need a verb pattern") != std::string::npos);
    }
    SUBCASE("threat cues need the threatens relation") {
      DataCopy copy;
      test::WriteFile(copy.dir.File("relations.json"),
                      R"({"format": "geokg-relations", "version": "1", "relations": [
                          {"name": "meets", "cameo": "040", "plover": "CONSULT", "quad_class": "verbal_cooperation", "goldstein": 1.0,
                           "symmetric": true, "lasting": false, "opposite": ""}]})");
      auto vocab = RelationVocabulary::LoadFile(copy.dir.File("relations.json"));
      REQUIRE_MESSAGE(vocab.ok(), vocab.status().message());
      auto shared = std::make_shared<const RelationVocabulary>(std::move(*vocab));
      auto ex = RelationExtractor::Load(copy.Root(), w.catalog, shared);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("\"threat_cues\" need the relation \"threatens\"") !=
            std::string::npos);
    }
    SUBCASE("a JSON syntax error names the line") {
      DataCopy copy;
      test::WriteFile(copy.dir.File("patterns/en.json"), "{\n \"lang\": \"en\",\n \"patterns\": [\n}\n");
      auto ex = RelationExtractor::Load(copy.Root(), w.catalog, w.vocab);
      REQUIRE_FALSE(ex.ok());
      CHECK(ex.status().message().find("patterns/en.json:4") != std::string::npos);
    }
  }

  TEST_CASE("seed article: the required relations and nothing from the boilerplate") {
    const std::string date = "2022-08-15";
    struct Case {
      const char* text;
      std::vector<Key> required;
    };
    const std::vector<Case> cases = {
        {"SEOUL (Reuters) – Der russische Präsident Wladimir Putin sagte dem nordkoreanischen Führer "
         "Kim Jong Un, dass die beiden Länder „umfassende und konstruktive bilaterale Beziehungen mit "
         "gemeinsamen Anstrengungen ausbauen werden“, berichteten die staatlichen Medien von "
         "Pjöngjang am Montag.",
         {{"RUS", "sends_message", "PRK", "positive"}}},
        {"Kim sandte auch eine Nachricht an Putin, in der er sagte, dass die Freundschaft zwischen "
         "Russland und Nordkorea im Zweiten Weltkrieg mit dem Sieg über Japan, das die koreanische "
         "Halbinsel besetzte, kristallisiert wurde.",
         {{"PRK", "sends_message", "RUS", "positive"}}},
        {"Kim sagte voraus, dass die Zusammenarbeit zwischen Russland und Nordkorea auf der "
         "Grundlage eines Abkommens wachsen würde, das 2019 bei seinem Treffen mit Putin "
         "unterzeichnet wurde.",
         {Normalize("PRK", "signs_agreement", "RUS", "positive")}},
        {"Nordkorea erkannte im Juli die Existenz von zwei abtrünnigen, von Russland unterstützten "
         "„Volksrepubliken“ in der Ostukraine als unabhängige Staaten an, und Beamte hoben die "
         "Möglichkeit hervor, nordkoreanische Arbeiter in die Regionen zu entsenden, um beim Bau und "
         "anderen Arbeiten zu helfen. Weiterlesen",
         {{"PRK", "recognises", "DPR", "positive"},
          {"PRK", "recognises", "LPR", "positive"},
          {"RUS", "supports", "DPR", "positive"},
          {"RUS", "supports", "LPR", "positive"}}},
        {"Die Ukraine, die sich einer russischen Invasion widersetzt, die von Moskau als "
         "„militärische Spezialoperation“ bezeichnet wird, brach wegen des Umzugs sofort die "
         "Beziehungen zu Pjöngjang ab.",
         {Normalize("UKR", "cuts_ties", "PRK", "positive"), {"RUS", "invades", "UKR", "positive"}}},
    };
    auto state = TheWorld().extractor->NewDiscourseState();
    for (const auto& c : cases) {
      auto got = Keys(Run(c.text, "de", date, state.get()));
      for (const auto& k : c.required) {
        CHECK_MESSAGE(got.count(k), c.text << "\n  got: " << Describe(got));
      }
      // No wrong-direction or self-made extras for the relations asked for.
      CHECK_FALSE(got.count({"PRK", "supports", "DPR", "positive"}));
    }
    const std::vector<std::string> boilerplate = {
        "Registrieren Sie sich jetzt, um kostenlosen und unbegrenzten Zugriff auf Reuters.com zu erhalten",
        "Berichterstattung von Josh Smith. Redaktion von Diane Craft und Lincoln Fest",
        "Unsere Kriterien: Thomson Reuters Trust-Prinzipien.",
        "„Bierfan. Engagierter Popkulturwissenschaftler. Kaffee-Ninja. Böser Zombie-Fan. Organisator.“",
        "More Stories",
        "Journalisten im Fall von Volksverhetzung in Hongkong verurteilt",
        "Ein Hai enthauptet einen Teenager vor der Küste Jamaikas",
        "Das Welternährungsprogramm stoppt seine Bewegung in Gaza, nachdem wiederholt auf ein "
        "Hilfsfahrzeug geschossen wurde",
    };
    for (const auto& b : boilerplate) {
      CHECK_MESSAGE(Run(b, "de", date, state.get()).empty(), b);
    }
  }

  TEST_CASE("voice, polarity, modality and speakers") {
    struct Case {
      const char* lang;
      const char* text;
      const char* subject;
      const char* relation;
      const char* object;
      Polarity polarity;
      Modality modality;
      const char* speaker;
    };
    const std::vector<Case> cases = {
        {"en", "Kosovo was recognised by Israel in 2020.", "ISR", "recognises", "XKX",
         Polarity::kPositive, Modality::kAsserted, ""},
        {"de", "Kosovo wurde 2020 von Israel anerkannt.", "ISR", "recognises", "XKX",
         Polarity::kPositive, Modality::kAsserted, ""},
        {"en", "Serbia has never recognised Kosovo.", "SRB", "recognises", "XKX",
         Polarity::kNegative, Modality::kAsserted, ""},
        {"de", "Serbien erkennt den Kosovo nicht an.", "SRB", "recognises", "XKX",
         Polarity::kNegative, Modality::kAsserted, ""},
        {"en", "Germany will deliver tanks to Ukraine.", "DEU", "sells_weapons_to", "UKR",
         Polarity::kPositive, Modality::kFuture, ""},
        {"de", "Die Ukraine will ein Sicherheitsabkommen mit Deutschland unterzeichnen.", "UKR",
         "signs_agreement", "DEU", Polarity::kPositive, Modality::kIntended, ""},
        {"en", "Russia said on Monday it had recognised the Donetsk People's Republic.", "RUS",
         "recognises", "DPR", Polarity::kPositive, Modality::kReported, "RUS"},
        {"de", "Russland habe die Volksrepublik Donezk anerkannt, berichteten russische Medien.", "RUS",
         "recognises", "DPR", Polarity::kPositive, Modality::kReported, "RUS"},
        {"en", "The United Nations urged Russia to withdraw its troops from Ukraine.", "UN", "demands",
         "RUS", Polarity::kPositive, Modality::kAsserted, ""},
        {"en", "The United Nations urged Russia to withdraw its troops from Ukraine.", "RUS",
         "withdraws_from", "UKR", Polarity::kPositive, Modality::kDemanded, ""},
        {"de", "Die Vereinten Nationen forderten Russland auf, seine Truppen aus der Ukraine abzuziehen.",
         "RUS", "withdraws_from", "UKR", Polarity::kPositive, Modality::kDemanded, ""},
        {"de", "Nordkorea bestritt, Waffen an Russland zu liefern.", "PRK", "sells_weapons_to", "RUS",
         Polarity::kNegative, Modality::kAsserted, ""},
    };
    for (const auto& c : cases) {
      SUBCASE((std::string(c.text) + " " + c.relation).c_str()) {
        auto rels = Run(c.text, c.lang, "2022-08-15");
        const RawRelation* found = nullptr;
        for (const auto& r : rels) {
          if (r.subject.id == c.subject && r.relation == c.relation && r.object.id == c.object) found = &r;
        }
        REQUIRE_MESSAGE(found != nullptr, "got: " << Describe(Keys(rels)));
        CHECK(found->polarity == c.polarity);
        CHECK(ToString(found->modality) == ToString(c.modality));
        CHECK(found->speaker == c.speaker);
        CHECK(found->confidence > 0.0);
        CHECK(found->end > found->start);
      }
    }
  }

  TEST_CASE("confidence: active verb > passive > nominalisation > attributive") {
    auto conf = [](const char* text, const char* lang) {
      auto rels = Run(text, lang, "2022-08-15");
      REQUIRE_MESSAGE(rels.size() == 1, text << " got: " << Describe(Keys(rels)));
      return rels[0].confidence;
    };
    double active = conf("Russia invaded Ukraine.", "en");
    double passive = conf("Ukraine was invaded by Russia.", "en");
    double noun = conf("Russia's invasion of Ukraine continued.", "en");
    double attributive = conf("Die von Russland besetzte Ukraine.", "de");
    CHECK(active > passive);
    CHECK(passive > noun);
    CHECK(noun > attributive);
  }

  TEST_CASE("discourse: 'both countries' resolves to the two states named last") {
    auto state = TheWorld().extractor->NewDiscourseState();
    Run("Russia and China signed an agreement on Tuesday.", "en", "2023-03-21", state.get());
    auto rels = Run("Both countries agreed to expand trade.", "en", "2023-03-21", state.get());
    CHECK(Keys(rels) == std::set<Key>{Normalize("RUS", "agrees_with", "CHN", "positive")});
    for (const auto& r : rels) CHECK(r.confidence <= 0.6);
    // Without discourse memory the group resolves to nothing.
    CHECK(Run("Both countries agreed to expand trade.", "en", "2023-03-21").empty());
  }

  TEST_CASE("golden sentences (tests/golden/extract_{en,de}.jsonl)") {
    size_t total = 0;
    size_t failed = 0;
    for (const char* lang : {"en", "de"}) {
      std::ifstream in(SourcePath(std::string("tests/golden/extract_") + lang + ".jsonl"));
      REQUIRE(in);
      std::string line;
      std::string last_doc;
      auto state = TheWorld().extractor->NewDiscourseState();
      while (std::getline(in, line)) {
        if (line.empty()) continue;
        rapidjson::Document d;
        d.Parse(line.c_str());
        REQUIRE_MESSAGE(d.IsObject(), line);
        std::string id = d["id"].GetString();
        std::string doc = d.HasMember("doc") ? d["doc"].GetString() : "";
        if (doc.empty() || doc != last_doc) state = TheWorld().extractor->NewDiscourseState();
        last_doc = doc;
        std::set<Key> expected;
        std::map<Key, std::string> expected_modality;  // optional "modality" of a triple
        for (auto& t : d["triples"].GetArray()) {
          Key k = Normalize(t["subject"].GetString(), t["relation"].GetString(),
                            t["object"].GetString(), t["polarity"].GetString());
          expected.insert(k);
          if (t.HasMember("modality")) expected_modality[k] = t["modality"].GetString();
        }
        auto rels = Run(d["text"].GetString(), d["lang"].GetString(), d["date"].GetString(),
                        state.get());
        auto got = Keys(rels);
        bool modality_ok = true;
        for (const auto& r : rels) {
          Key k = Normalize(r.subject.id, r.relation, r.object.id, std::string(ToString(r.polarity)));
          auto want = expected_modality.find(k);
          if (want == expected_modality.end() || want->second == ToString(r.modality)) continue;
          modality_ok = false;
          CHECK_MESSAGE(want->second == ToString(r.modality),
                        id << ": " << r.relation << " has modality " << ToString(r.modality)
                           << ", expected " << want->second);
        }
        ++total;
        if (got != expected || !modality_ok) ++failed;
        CHECK_MESSAGE(got == expected, id << ": " << d["text"].GetString() << "\n  expected: "
                                          << Describe(expected) << "\n  got:      " << Describe(got));
      }
    }
    CHECK(total >= 150);
    MESSAGE("golden sentences: " << total - failed << "/" << total << " pass");
  }

  // Throwaway measurement on the PLOVER gold standard dev sets (human codings);
  // run with -tc='*PLOVER*' --no-skip. Not tuned on: it shows general gaps.
  TEST_CASE("dev set precision and recall against PLOVER codings" * doctest::skip()) {
    // PLOVER 2016 names in the dev files vs the vocabulary's PLOVER 2021 names.
    auto same_type = [](std::string gold, std::string ours) {
      auto canon = [](std::string t) {
        if (t == "REQUEST") return std::string("DEMAND");
        if (t == "ACCUSE") return std::string("DISAPPROVE");
        if (t == "FIGHT") return std::string("ASSAULT");
        return t;
      };
      return canon(gold) == canon(ours);
    };
    for (const char* file : {"plover_gsr_dev.jsonl", "plover_gsr_dev_de.jsonl"}) {
      std::string path = std::string("/work/shared/eval/dev/") + file;
      std::ifstream in(path);
      if (!in) {
        MESSAGE("no dev file " << path);
        continue;
      }
      size_t predicted = 0, correct = 0, gold_total = 0, gold_found = 0;
      std::string name = file;
      std::string lang = name.find("_de.jsonl") != std::string::npos ? "de" : "en";
      std::string line;
      while (std::getline(in, line)) {
        rapidjson::Document d;
        d.Parse(line.c_str());
        if (!d.IsObject()) continue;
        auto rels = Run(d["text"].GetString(), lang, "");
        struct Gold {
          std::string src, tgt, type;
          bool found = false;
        };
        std::vector<Gold> gold;
        for (auto& g : d["gold"].GetArray()) {
          Gold x;
          x.src = g["source"].IsString() ? std::string(g["source"].GetString()).substr(0, 3) : "";
          x.tgt = g["target"].IsString() ? std::string(g["target"].GetString()).substr(0, 3) : "";
          x.type = g["plover"].IsString() ? g["plover"].GetString() : "";
          gold.push_back(x);
        }
        // CAMEO country codes that differ from ISO alpha-3.
        auto cameo = [](std::string c) {
          if (c == "JAP") return std::string("JPN");
          if (c == "ITL") return std::string("ITA");
          if (c == "VTN") return std::string("VNM");
          return c;
        };
        for (auto& g : gold) {
          g.src = cameo(g.src);
          g.tgt = cameo(g.tgt);
        }
        auto code = [&](const EntityRef& e) {
          return e.kind == EntityKind::kOrganisation ? std::string("IGO") : e.id.substr(0, 3);
        };
        for (const auto& r : rels) {
          // Only events the text reports as having happened.
          if (r.polarity != Polarity::kPositive ||
              (r.modality != Modality::kAsserted && r.modality != Modality::kReported)) {
            continue;
          }
          const RelationType* type = TheWorld().vocab->Find(r.relation);
          ++predicted;
          bool ok = false;
          for (auto& g : gold) {
            if (g.src == code(r.subject) && (g.tgt.empty() || g.tgt == code(r.object)) &&
                same_type(g.type, type->plover)) {
              ok = true;
              g.found = true;
            }
          }
          if (ok) ++correct;
        }
        for (const auto& g : gold) {
          ++gold_total;
          if (g.found) ++gold_found;
        }
      }
      MESSAGE(name << ": predicted " << predicted << ", correct " << correct << ", precision "
                   << (predicted ? double(correct) / predicted : 0.0) << ", recall "
                   << (gold_total ? double(gold_found) / gold_total : 0.0) << " (" << gold_found << "/"
                   << gold_total << ")");
      CHECK(true);
    }
  }
}

}  // namespace
}  // namespace geokg::extract
