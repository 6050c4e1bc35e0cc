// Tests of the entity catalog: the loader's validation and lookups, and the
// bundled data in data/entities/ (coverage, ids, names in both languages,
// no name shared by two entities, consistent dates of office).

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "geokg/ontology.h"
#include "test_util.h"

using namespace geokg;

namespace {

const Result<EntityCatalog>& Bundled() {
  static const Result<EntityCatalog> catalog =
      EntityCatalog::LoadDir(test::SourcePath("data/entities"));
  return catalog;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Every lookup key an entity claims: id, canonical name, names, adjectives,
// demonyms and metonyms in every language.
std::set<std::string> EntityKeys(const EntityRecord& e) {
  std::set<std::string> keys = {NormalizeKey(e.id), NormalizeKey(e.name)};
  for (const auto* lists : {&e.names, &e.adjectives, &e.metonyms, &e.demonyms}) {
    for (const auto& [lang, list] : *lists) {
      for (const auto& n : list) keys.insert(NormalizeKey(n));
    }
  }
  return keys;
}

std::set<std::string> PersonKeys(const PersonRecord& p) {
  std::set<std::string> keys = {NormalizeKey(p.name)};
  for (const auto& [lang, list] : p.names) {
    for (const auto& n : list) keys.insert(NormalizeKey(n));
  }
  return keys;
}

// A catalog directory with one file, for the loader's error cases.
Result<EntityCatalog> LoadOne(const test::TempDir& dir, const std::string& file,
                              const std::string& json) {
  test::WriteFile(dir.File(file), json);
  return EntityCatalog::LoadDir(dir.path().string());
}

const char* const kTwoStates =
    R"({"entities":[{"id":"RUS","name":"Russia","kind":"state",)"
    R"("names":{"en":["Russia"],"de":["Russland"]},"adjectives":{"de":["russisch"]},)"
    R"("metonyms":{"de":["Kreml"]},"demonyms":{"de":["Russen"]},"codes":["RU"]},)"
    R"({"id":"UKR","name":"Ukraine","kind":"state","names":{"de":["Ukraine"]}}]})";

}  // namespace

TEST_SUITE("ontology") {

TEST_CASE("NormalizeKey folds case, diacritics, ß, apostrophes and punctuation") {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"Pjöngjang", "pjongjang"},         {"Weißes Haus", "weisses haus"},
      {"Côte d'Ivoire", "cote divoire"},  {"Cote d’Ivoire", "cote divoire"},
      {"U.S.", "u s"},                    {"  Guinea-Bissau ", "guinea bissau"},
      {"ÉLYSÉE-Palast", "elysee palast"}, {"Erdoğan", "erdogan"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(NormalizeKey(c.in) == c.want);
  }
}

TEST_CASE("the bundled catalog loads and covers every state") {
  const auto& cat = Bundled();
  REQUIRE_MESSAGE(cat.ok(), cat.status().ToString());
  size_t states = 0, breakaways = 0, organisations = 0;
  for (const auto& e : cat->entities()) {
    CAPTURE(e.id);
    switch (e.kind) {
      case EntityKind::kState: {
        ++states;
        CHECK(e.id.size() == 3);
        CHECK(std::all_of(e.id.begin(), e.id.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
        // ISO alpha-2 code among the codes, adjectives in both languages.
        CHECK(std::any_of(e.codes.begin(), e.codes.end(), [](const std::string& c) {
          return c.size() == 2 && std::isupper(static_cast<unsigned char>(c[0]));
        }));
        break;
      }
      case EntityKind::kBreakaway:
        ++breakaways;
        break;
      case EntityKind::kOrganisation:
        ++organisations;
        break;
      case EntityKind::kOther:
        FAIL("kind other in the catalog");
    }
    CHECK(e.names.count("en") == 1);
    CHECK(e.names.count("de") == 1);
  }
  CHECK(states >= 195);  // 193 UN members + Palestine + Holy See
  CHECK(breakaways >= 11);
  CHECK(organisations >= 30);
  CHECK(cat->people().size() >= 200);
  for (const char* id : {"PSE", "VAT", "PRK", "KOR", "SSD", "TLS", "MKD", "SWZ", "CIV"}) {
    CAPTURE(id);
    const EntityRecord* e = cat->FindById(id);
    REQUIRE(e != nullptr);
    CHECK(e->kind == EntityKind::kState);
  }
}

TEST_CASE("every code finds its own entity, except the documented AU") {
  const auto& cat = Bundled();
  REQUIRE(cat.ok());
  // "AU" is the African Union's id and Australia's alpha-2 code; ids win.
  const std::set<std::string> kShadowed = {"AU"};
  for (const auto& e : cat->entities()) {
    CAPTURE(e.id);
    CHECK(cat->FindById(e.id) == &e);
    for (const auto& code : e.codes) {
      CAPTURE(code);
      if (kShadowed.count(code)) {
        CHECK(cat->FindById(code) != &e);
      } else {
        CHECK(cat->FindById(code) == &e);
      }
    }
  }
  CHECK(cat->FindById("AU")->kind == EntityKind::kOrganisation);
}

TEST_CASE("Resolve maps English and German names, adjectives and metonyms to ids") {
  const auto& cat = Bundled();
  REQUIRE(cat.ok());
  struct Case {
    const char* name;
    const char* id;
  };
  const Case cases[] = {
      // states, English
      {"North Korea", "PRK"}, {"DPRK", "PRK"}, {"Democratic People's Republic of Korea", "PRK"},
      {"South Korea", "KOR"}, {"Republic of Korea", "KOR"}, {"United States", "USA"},
      {"U.S.", "USA"}, {"America", "USA"}, {"Britain", "GBR"}, {"Great Britain", "GBR"},
      {"UK", "GBR"}, {"People's Republic of China", "CHN"}, {"PRC", "CHN"},
      {"Ivory Coast", "CIV"}, {"Côte d'Ivoire", "CIV"}, {"Türkiye", "TUR"}, {"Turkey", "TUR"},
      {"Czechia", "CZE"}, {"Burma", "MMR"}, {"DR Congo", "COD"}, {"Congo-Brazzaville", "COG"},
      {"Holy See", "VAT"}, {"the Vatican", "VAT"}, {"State of Palestine", "PSE"},
      {"Palestinian Authority", "PSE"}, {"Georgia", "GEO"}, {"Jordan", "JOR"},
      // states, German (with inflected forms)
      {"Nordkorea", "PRK"}, {"Nordkoreas", "PRK"}, {"Russland", "RUS"}, {"Russlands", "RUS"},
      {"Russischen Föderation", "RUS"}, {"Vereinigte Staaten", "USA"},
      {"Vereinigten Staaten", "USA"}, {"USA", "USA"}, {"Vereinigtes Königreich", "GBR"},
      {"Großbritannien", "GBR"}, {"Ukraine", "UKR"}, {"Türkei", "TUR"}, {"Chinas", "CHN"},
      {"Niederlanden", "NLD"}, {"Elfenbeinküste", "CIV"}, {"Weißrussland", "BLR"},
      {"Demokratischen Republik Kongo", "COD"}, {"Heiligen Stuhl", "VAT"},
      {"Vereinigten Arabischen Emirate", "ARE"}, {"Tschad", "TCD"},
      // adjectives and demonyms
      {"Russian", "RUS"}, {"russisch", "RUS"}, {"nordkoreanisch", "PRK"},
      {"US-amerikanisch", "USA"}, {"britisch", "GBR"}, {"North Korean", "PRK"},
      {"Israelis", "ISR"}, {"Palästinenser", "PSE"}, {"Russen", "RUS"},
      // metonyms
      {"Pjöngjang", "PRK"}, {"Pyongyang", "PRK"}, {"Kiew", "UKR"}, {"Kyjiw", "UKR"},
      {"Kyiv", "UKR"}, {"Moskau", "RUS"}, {"Kreml", "RUS"}, {"the Kremlin", "RUS"},
      {"Weißes Haus", "USA"}, {"Weißen Hauses", "USA"}, {"White House", "USA"},
      {"Peking", "CHN"}, {"Beijing", "CHN"}, {"Tokio", "JPN"}, {"Downing Street", "GBR"},
      {"Élysée-Palast", "FRA"}, {"Elysee", "FRA"}, {"Teheran", "IRN"}, {"Damaskus", "SYR"},
      {"Ankara", "TUR"}, {"Washington", "USA"},
      // breakaway entities
      {"Volksrepublik Donezk", "DPR"}, {"Donezker Volksrepublik", "DPR"}, {"DVR", "DPR"},
      {"Donetsk People's Republic", "DPR"}, {"Volksrepublik Luhansk", "LPR"}, {"LVR", "LPR"},
      {"Luhansk People's Republic", "LPR"}, {"Kosovo", "XKX"}, {"Taiwan", "TWN"},
      {"Taipeh", "TWN"}, {"Abchasien", "ABK"}, {"South Ossetia", "SOS"},
      {"Transnistrien", "PMR"}, {"Nordzypern", "TRNC"}, {"Westsahara", "ESH"},
      {"Somaliland", "SOL"}, {"Bergkarabach", "NKR"},
      // organisations
      {"Vereinte Nationen", "UN"}, {"Vereinten Nationen", "UN"}, {"United Nations", "UN"},
      {"UN-Sicherheitsrat", "UNSC"}, {"Weltsicherheitsrat", "UNSC"},
      {"Welternährungsprogramm", "WFP"}, {"World Food Programme", "WFP"},
      {"Europäischen Union", "EU"}, {"Nato", "NATO"}, {"Afrikanische Union", "AU"},
      {"IAEO", "IAEA"}, {"Internationale Atomenergiebehörde", "IAEA"}, {"IWF", "IMF"},
      {"Weltbank", "WB"}, {"OSZE", "OSCE"}, {"Europarat", "COE"}, {"Arabische Liga", "LAS"},
      {"Golf-Kooperationsrat", "GCC"}, {"Shanghaier Organisation für Zusammenarbeit", "SCO"},
      {"Internationaler Strafgerichtshof", "ICC"}, {"Internationalen Gerichtshof", "ICJ"},
      {"Internationales Komitee vom Roten Kreuz", "ICRC"}, {"EU-Kommission", "EUCOM"},
      {"Weltgesundheitsorganisation", "WHO"}, {"Opec", "OPEC"}, {"UNHCR", "UNHCR"},
      // people resolve to the entity of their current (or last) office
      {"Wladimir Putin", "RUS"}, {"Vladimir Putin", "RUS"}, {"Selenskyj", "UKR"},
      {"Zelenskyy", "UKR"}, {"Kim Jong Un", "PRK"}, {"Kim Jong-un", "PRK"}, {"Xi Jinping", "CHN"},
      {"Sergej Lawrow", "RUS"}, {"Netanjahu", "ISR"}, {"Baschar al-Assad", "SYR"},
      {"Chamenei", "IRN"}, {"Lukaschenko", "BLR"}, {"Erdoğan", "TUR"}, {"Erdogan", "TUR"},
      {"Ursula von der Leyen", "EU"}, {"António Guterres", "UN"}, {"Mark Rutte", "NATO"},
      {"Jens Stoltenberg", "NATO"}, {"Friedrich Merz", "DEU"}, {"Donald Trump", "USA"},
      // ids and codes
      {"PRK", "PRK"}, {"KP", "PRK"}, {"JAP", "JPN"}, {"ITL", "ITA"}, {"IGOUNO", "UN"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto r = cat->Resolve(c.name);
    REQUIRE_MESSAGE(r.ok(), r.status().ToString());
    CHECK((*r)->id == c.id);
  }
}

TEST_CASE("Resolve ignores case and diacritics and explains a miss") {
  const auto& cat = Bundled();
  REQUIRE(cat.ok());
  for (const char* name : {"NORDKOREA", "nordkorea", "Pjongjang", "weisses haus", "Turkei"}) {
    CAPTURE(name);
    CHECK(cat->Resolve(name).ok());
  }
  auto miss = cat->Resolve("Nordkore");
  REQUIRE_FALSE(miss.ok());
  CHECK(miss.status().code() == Status::Code::kNotFound);
  CHECK(Contains(miss.status().message(), "did you mean"));
  CHECK(Contains(miss.status().message(), "Nordkorea (PRK)"));
  CHECK_FALSE(cat->Resolve("Atlantis").ok());
}

TEST_CASE("NearestNames suggests catalog spellings, one per entity, nearest first") {
  const auto& cat = Bundled();
  REQUIRE(cat.ok());
  struct Case {
    const char* typo;
    const char* first;
  };
  const Case cases[] = {
      {"Nordkore", "Nordkorea (PRK)"},        {"Russlnd", "Russland (RUS)"},
      {"Ukriane", "Ukraine (UKR)"},
      {"Welternährungsprogram", "Welternährungsprogramm (WFP)"},
      {"Wladimir Putn", "Wladimir Putin (RUS)"}, {"Pjöngjan", "Pjöngjang (PRK)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.typo);
    auto near = cat->NearestNames(c.typo, 3);
    REQUIRE_FALSE(near.empty());
    CHECK(near.front() == std::string(c.first));
    CHECK(near.size() <= 3);
    std::set<std::string> ids;
    for (const auto& n : near) ids.insert(n.substr(n.rfind('(')));
    CHECK(ids.size() == near.size());
  }
  CHECK(cat->NearestNames("zzzzzzzzzzzzzzzz", 5).empty());
}

TEST_CASE("FindPeople and RoleOn date offices") {
  const auto& cat = Bundled();
  REQUIRE(cat.ok());
  auto one = [&](const char* name) -> const PersonRecord& {
    auto people = cat->FindPeople(name);
    REQUIRE_MESSAGE(people.size() == 1, name);
    return *people.front();
  };
  const PersonRecord& putin = one("Wladimir Putin");
  CHECK(putin.name == "Vladimir Putin");
  CHECK(&one("Putin") == &putin);
  struct Case {
    const char* person;
    const char* date;
    const char* entity;  // nullptr: no office on that date
    const char* role;
  };
  const Case cases[] = {
      {"Putin", "2010-06-01", "RUS", "head_of_government"},
      {"Putin", "2022", "RUS", "head_of_state"},
      {"Putin", "", "RUS", "head_of_state"},
      {"Putin", "1995", nullptr, nullptr},
      {"Donald Trump", "2018-03", "USA", "head_of_state"},
      {"Donald Trump", "2022-07-01", nullptr, nullptr},
      {"Donald Trump", "2025-06-01", "USA", "head_of_state"},
      {"Selenskyj", "2019-05-20", "UKR", "head_of_state"},
      {"Selenskyj", "2019-05-19", nullptr, nullptr},
      {"Mark Rutte", "2020", "NLD", "head_of_government"},
      {"Mark Rutte", "2025", "NATO", "secretary_general"},
      {"Annalena Baerbock", "2023", "DEU", "foreign_minister"},
      {"Wang Yi", "2023-03", nullptr, nullptr},  // Qin Gang's months
      {"Wang Yi", "2024", "CHN", "foreign_minister"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.person);
    CAPTURE(c.date);
    const PersonRecord::Role* role = EntityCatalog::RoleOn(one(c.person), c.date);
    if (c.entity == nullptr) {
      CHECK(role == nullptr);
      continue;
    }
    REQUIRE(role != nullptr);
    CHECK(role->entity == c.entity);
    CHECK(role->role == c.role);
  }
  // "Kim" names two leaders of North Korea; the date tells them apart.
  auto kims = cat->FindPeople("Kim");
  REQUIRE(kims.size() == 2);
  std::set<std::string> in_2005, in_2015;
  for (const PersonRecord* p : kims) {
    if (EntityCatalog::RoleOn(*p, "2005")) in_2005.insert(p->name);
    if (EntityCatalog::RoleOn(*p, "2015")) in_2015.insert(p->name);
  }
  CHECK(in_2005 == std::set<std::string>{"Kim Jong Il"});
  CHECK(in_2015 == std::set<std::string>{"Kim Jong Un"});
  CHECK(cat->FindPeople("Atlantis").empty());
}

TEST_CASE("no lookup key names two entities, except the documented ones") {
  const auto& cat = Bundled();
  REQUIRE(cat.ok());
  // Deliberate sharing, documented in docs/entities.md. Keep this list short.
  const std::set<std::string> kAllowed = {};
  std::map<std::string, std::set<std::string>> owners;  // key -> entity ids
  for (const auto& e : cat->entities()) {
    for (const auto& k : EntityKeys(e)) owners[k].insert(e.id);
  }
  // A person's forms must not shadow an entity's name, and forms shared by
  // several people must not lead to different entities.
  std::map<std::string, std::set<std::string>> person_entities;
  for (const auto& p : cat->people()) {
    for (const auto& k : PersonKeys(p)) {
      CAPTURE(p.name);
      CAPTURE(k);
      CHECK_MESSAGE(owners.count(k) == 0, "person form is also an entity name");
      for (const auto& r : p.roles) person_entities[k].insert(r.entity);
    }
  }
  std::map<std::string, std::vector<std::string>> people_by_key;
  for (const auto& p : cat->people()) {
    for (const auto& k : PersonKeys(p)) people_by_key[k].push_back(p.name);
  }
  std::vector<std::string> collisions;
  for (const auto& [k, ids] : owners) {
    if (ids.size() > 1 && !kAllowed.count(k)) collisions.push_back(k);
  }
  for (const auto& [k, names] : people_by_key) {
    if (names.size() > 1 && person_entities[k].size() > 1 && !kAllowed.count(k)) {
      collisions.push_back(k);
    }
  }
  CHECK_MESSAGE(collisions.empty(),
                "keys naming several entities: " << [&] {
                  std::string s;
                  for (const auto& c : collisions) s += "\"" + c + "\" ";
                  return s;
                }());
}

TEST_CASE("bundled people: names in both languages, ordered dates, one holder per office") {
  const auto& cat = Bundled();
  REQUIRE(cat.ok());
  struct Term {
    std::string from, to, person;
  };
  std::map<std::string, std::vector<Term>> offices;  // "USA head_of_state" -> terms
  for (const auto& p : cat->people()) {
    CAPTURE(p.name);
    CHECK(p.names.count("en") == 1);
    CHECK(p.names.count("de") == 1);
    for (const auto& r : p.roles) {
      CHECK_FALSE(r.from.empty());
      offices[r.entity + " " + r.role].push_back({r.from, r.to, p.name});
    }
  }
  // Terms of one office may touch (hand-over day) but not overlap; at most
  // one holder is current.
  for (auto& [office, terms] : offices) {
    CAPTURE(office);
    std::sort(terms.begin(), terms.end(),
              [](const Term& a, const Term& b) { return a.from < b.from; });
    for (size_t i = 0; i + 1 < terms.size(); ++i) {
      CAPTURE(terms[i].person);
      CAPTURE(terms[i + 1].person);
      REQUIRE_FALSE(terms[i].to.empty());
      CHECK(terms[i].to.substr(0, terms[i + 1].from.size()) <= terms[i + 1].from);
    }
  }
}

TEST_CASE("LoadDir reads entities, codes and demonyms from every file") {
  test::TempDir dir;
  test::WriteFile(dir.File("a.json"), kTwoStates);
  test::WriteFile(dir.File("b.json"),
                  R"({"people":[{"name":"Vladimir Putin","names":{"de":["Wladimir Putin"]},)"
                  R"("roles":[{"entity":"RUS","role":"head_of_state","from":"2012-05-07"}]}]})");
  test::WriteFile(dir.File("notes.txt"), "not json, not read");
  auto cat = EntityCatalog::LoadDir(dir.path().string());
  REQUIRE_MESSAGE(cat.ok(), cat.status().ToString());
  CHECK(cat->entities().size() == 2);
  CHECK(cat->people().size() == 1);
  CHECK(cat->FindById("RU") == cat->FindById("RUS"));
  CHECK(cat->FindById("XX") == nullptr);
  for (const char* name : {"Russen", "Kreml", "russisch", "Wladimir Putin", "Vladimir Putin"}) {
    CAPTURE(name);
    auto r = cat->Resolve(name);
    REQUIRE(r.ok());
    CHECK((*r)->id == "RUS");
  }
  CHECK(cat->FindById("RUS")->demonyms.at("de") == std::vector<std::string>{"Russen"});
}

TEST_CASE("LoadDir errors name the file and the entry") {
  struct Case {
    const char* what;
    const char* json;
    std::vector<const char*> fragments;
  };
  const Case cases[] = {
      {"unknown kind",
       R"({"entities":[{"id":"XPR","name":"X","kind":"province"}]})",
       {"bad.json", "entity #1 \"XPR\"", "province"}},
      {"duplicate id",
       R"({"entities":[{"id":"RUS","name":"Russia","kind":"state"}]})",
       {"bad.json", "entity #1 \"RUS\"", "duplicate id"}},
      {"state id not alpha-3",
       R"({"entities":[{"id":"Russia","name":"Russia","kind":"state"}]})",
       {"bad.json", "\"Russia\"", "alpha-3"}},
      {"missing name",
       R"({"entities":[{"id":"XKX","kind":"breakaway"}]})",
       {"bad.json", "entity #1 \"XKX\"", "missing \"name\""}},
      {"names not lists",
       R"({"entities":[{"id":"XKX","name":"Kosovo","kind":"breakaway","names":{"en":"Kosovo"}}]})",
       {"bad.json", "\"XKX\"", "names.en"}},
      {"role at unknown entity",
       R"({"people":[{"name":"A B","roles":[{"entity":"ATL","role":"head_of_state"}]}]})",
       {"bad.json", "person #1 \"A B\"", "unknown entity \"ATL\""}},
      {"bad date",
       R"({"people":[{"name":"A B","roles":[{"entity":"RUS","role":"x","from":"2022-13-01"}]}]})",
       {"bad.json", "person #1 \"A B\"", "bad date \"2022-13-01\""}},
      {"role ends before it begins",
       R"({"people":[{"name":"A B","roles":[{"entity":"RUS","role":"x","from":"2022",)"
       R"("to":"2020"}]}]})",
       {"bad.json", "person #1 \"A B\"", "before it begins"}},
      {"no roles",
       R"({"people":[{"name":"A B","roles":[]}]})",
       {"bad.json", "person #1 \"A B\"", "roles"}},
      {"malformed JSON",
       "{\"entities\":[\n{\"id\":\"X\",\n]}",
       {"bad.json:3"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    test::TempDir dir;
    test::WriteFile(dir.File("a.json"), kTwoStates);
    auto cat = LoadOne(dir, "bad.json", c.json);
    REQUIRE_FALSE(cat.ok());
    CHECK(cat.status().code() == Status::Code::kInvalidArgument);
    for (const char* f : c.fragments) {
      CAPTURE(f);
      CHECK(Contains(cat.status().message(), f));
    }
  }
  auto missing = EntityCatalog::LoadDir("/nonexistent/geokg/entities");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
}

}  // TEST_SUITE("ontology")
