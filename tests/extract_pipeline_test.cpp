// Tests of the extractor pipeline (include/geokg/extract.h): readers,
// validation, language id, cleaning, segmentation, dates, streaming, and
// the seed article end to end.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "geokg/extract.h"
#include "geokg/triple.h"

#include "test_util.h"

namespace geokg {
namespace {

using test::SourcePath;
using test::TempDir;
using test::WriteFile;

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    ExtractOptions options;
    options.threads = 2;
    auto e = Extractor::Load(SourcePath("data"), options);
    if (!e.ok()) FAIL("cannot load the extractor: " << e.status().ToString());
    return std::move(*e);
  }();
  return *extractor;
}

std::vector<std::string> SentencesOf(const std::string& text, const std::string& lang,
                                     const std::string& date = "") {
  ArticleInput in;
  in.id = "t";
  in.text = text;
  in.lang = lang;
  in.date = date;
  auto a = TheExtractor().Analyze(in);
  REQUIRE_MESSAGE(a.ok(), a.status().ToString());
  std::vector<std::string> out;
  for (const auto& s : a->sentences) {
    // Offsets point into the original text.
    CHECK(text.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start)) ==
          s.text);
    out.push_back(s.text);
  }
  return out;
}

std::string ReadAll(const std::string& path) { return test::ReadFile(path); }

TEST_SUITE("extract_pipeline") {
  TEST_CASE("sentence segmentation keeps abbreviations, ordinals and initials together") {
    struct Case {
      const char* lang;
      const char* text;
      std::vector<std::string> sentences;
    };
    const Case cases[] = {
        {"de",
         "Das sagte Dr. Schmidt in Berlin. Danach reiste er ab.",
         {"Das sagte Dr. Schmidt in Berlin.", "Danach reiste er ab."}},
        {"de",
         "Mehrere Staaten, z. B. Syrien und Nordkorea, erkannten die Gebiete an. Kiew "
         "protestierte.",
         {"Mehrere Staaten, z. B. Syrien und Nordkorea, erkannten die Gebiete an.",
          "Kiew protestierte."}},
        {"de",
         "Beteiligt waren u. a. Frankreich und Italien. Berlin schwieg.",
         {"Beteiligt waren u. a. Frankreich und Italien.", "Berlin schwieg."}},
        {"de",
         "Die Ukraine brach am 13. Juli die Beziehungen ab. Pjöngjang reagierte nicht.",
         {"Die Ukraine brach am 13. Juli die Beziehungen ab.", "Pjöngjang reagierte nicht."}},
        {"de",
         "Russland sagte das Treffen ab. Die Ukraine begrüßte das.",
         {"Russland sagte das Treffen ab.", "Die Ukraine begrüßte das."}},
        {"de",
         "Der Vertrag wurde am 1. März 2022 unterzeichnet. Er gilt ab sofort.",
         {"Der Vertrag wurde am 1. März 2022 unterzeichnet.", "Er gilt ab sofort."}},
        {"en",
         "Dr. Smith met the minister. They talked.",
         {"Dr. Smith met the minister.", "They talked."}},
        {"en",
         "The U.S. State Department condemned the move. Russia disagreed.",
         {"The U.S. State Department condemned the move.", "Russia disagreed."}},
        {"en",
         "Talks were held in the U.S. The ministers agreed.",
         {"Talks were held in the U.S.", "The ministers agreed."}},
        {"en",
         "The deal was signed on Jan. 5 in Geneva. It took effect at once.",
         {"The deal was signed on Jan. 5 in Geneva.", "It took effect at once."}},
        {"en",
         "Resolution No. 2334 was adopted. Israel rejected it.",
         {"Resolution No. 2334 was adopted.", "Israel rejected it."}},
        {"en",
         "George W. Bush visited Kyiv. He left on Monday.",
         {"George W. Bush visited Kyiv.", "He left on Monday."}},
    };
    for (const auto& c : cases) {
      SUBCASE(c.text) { CHECK(SentencesOf(c.text, c.lang) == c.sentences); }
    }
  }

  TEST_CASE("hard-wrapped text joins lines, one-paragraph-per-line text does not") {
    std::string wrapped =
        "Die Ukraine hat nach der Anerkennung der Separatistengebiete durch\n"
        "Nordkorea die diplomatischen Beziehungen zu Pjoengjang abgebrochen,\n"
        "wie das Aussenministerium in Kiew am Mittwoch mitteilte. Russland\n"
        "begruesste die Entscheidung der nordkoreanischen Regierung sehr.\n";
    auto s = SentencesOf(wrapped, "de");
    REQUIRE(s.size() == 2);
    CHECK(s[0].find("durch\nNordkorea") != std::string::npos);
    auto lines = SentencesOf(
        "Ukraine cuts ties with North Korea over recognition of regions\nJuly 13, 2022\n"
        "Ukraine said on Wednesday it had severed diplomatic relations with North Korea.\n",
        "en");
    CHECK(lines.size() == 3);
  }

  TEST_CASE("cleaning drops boilerplate and keeps article offsets") {
    struct Case {
      const char* lang;
      const char* line;
    };
    const Case boilerplate[] = {
        {"de",
         "Registrieren Sie sich jetzt, um kostenlosen und unbegrenzten Zugriff auf Reuters.com zu "
         "erhalten"},
        {"en", "Register now for FREE unlimited access to Reuters.com"},
        {"de", "Weiterlesen"},
        {"en", "Read more"},
        {"de", "Wir verwenden Cookies, um Ihnen ein optimales Nutzungserlebnis zu bieten."},
        {"en", "We use cookies to personalise content and ads."},
        {"de", "+++ 07:15 Uhr: Russland meldet Geländegewinne im Donbass +++"},
        {"en", "+++ 10:45 Germany halts Nord Stream 2 certification +++"},
        {"de", "Berichterstattung von Josh Smith. Redaktion von Diane Craft und Lincoln Fest"},
        {"en", "Reporting by Pavel Polityuk; Editing by Alex Richardson"},
        {"en", "(Reporting by Steve Holland; Editing by Howard Goller)"},
        {"de", "So arbeitet die Redaktion"},
        {"de", "Unsere Kriterien: Thomson Reuters Trust-Prinzipien."},
        {"en", "Our Standards: The Thomson Reuters Trust Principles."},
        {"de",
         "„Bierfan. Engagierter Popkulturwissenschaftler. Kaffee-Ninja. Böser Zombie-Fan. "
         "Organisator.“"},
        {"en", "Sign up here for our daily newsletter."},
    };
    for (const auto& c : boilerplate) {
      SUBCASE(c.line) { CHECK(SentencesOf(c.line, c.lang).empty()); }
    }
    SUBCASE("teaser lists after More Stories / Mehr zum Thema") {
      CHECK(SentencesOf("Russland erkannte die Gebiete an.\nMehr zum Thema\nUkraine bricht "
                        "Beziehungen zu Syrien ab.\nSyrien erkennt Gebiete an.",
                        "de") == std::vector<std::string>{"Russland erkannte die Gebiete an."});
      CHECK(SentencesOf("Russia recognised the regions.\nMore Stories\nUkraine cuts ties with "
                        "Syria.\nChina condemns U.S. arms sales to Taiwan.",
                        "en") == std::vector<std::string>{"Russia recognised the regions."});
    }
    SUBCASE("datelines are cut from the sentence, offsets stay those of the article") {
      const std::string de = "Einleitung.\nBERLIN (dpa) - Deutschland erkennt Kosovo an.";
      auto s = SentencesOf(de, "de");
      REQUIRE(s.size() == 2);
      CHECK(s[1] == "Deutschland erkennt Kosovo an.");
      const std::string en = "KYIV, July 13 (Reuters) - Ukraine cut ties with North Korea.";
      CHECK(SentencesOf(en, "en") ==
            std::vector<std::string>{"Ukraine cut ties with North Korea."});
      CHECK(SentencesOf("SEOUL (Reuters) – Kim sandte eine Nachricht an Putin.", "de") ==
            std::vector<std::string>{"Kim sandte eine Nachricht an Putin."});
    }
    SUBCASE("a trailing Weiterlesen is cut from a paragraph") {
      CHECK(SentencesOf("Nordkorea erkannte die Gebiete an. Weiterlesen", "de") ==
            std::vector<std::string>{"Nordkorea erkannte die Gebiete an."});
      CHECK(SentencesOf("Kuleba condemned the decision. Read more", "en") ==
            std::vector<std::string>{"Kuleba condemned the decision."});
    }
  }

  TEST_CASE("cleaning: the literal prefilters read from the patterns skip no matching line") {
    // Lines that the regex rules match only through case folding, a quote or
    // symbol first, or a literal deep in the pattern: each must still go.
    const std::pair<const char*, const char*> boilerplate[] = {
        {"en", "SIGN UP HERE for our daily newsletter."},
        {"en", "\u017Fign up here for our daily newsletter."},  // long s folds to s
        {"en", "COPYRIGHT 2022 Reuters"},
        {"en", "\u00A9 2022 AFP"},
        {"en", "(c) dpa-infocom"},
        {"de", "Foto: Michael Kappeler/dpa"},
        {"de", "\u201EBierfan. Kaffee-Ninja. Twitter-Fan.\u201C"},
        {"de", "Lesen Sie mehr: So reagiert Moskau"},
        {"en", "Related Coverage"},
    };
    for (const auto& [lang, line] : boilerplate) {
      SUBCASE(line) { CHECK(SentencesOf(line, lang).empty()); }
    }
    SUBCASE("article lines that only start like boilerplate stay") {
      CHECK(SentencesOf("Fotos zeigen, dass Russland Truppen verlegt.", "de").size() == 1);
      CHECK(SentencesOf("Signing the treaty, Russia recognised the regions.", "en").size() == 1);
    }
  }

  TEST_CASE("the seed article: no sentence from boilerplate, teasers or datelines") {
    const std::string text = ReadAll(SourcePath("data/sample/articles/000_feed063c7223cddc.txt"));
    REQUIRE(!text.empty());
    auto s = SentencesOf(text, "", "2022-08-15");
    REQUIRE(s.size() == 8);
    CHECK(s.front().rfind("Der russische Präsident Wladimir Putin", 0) == 0);
    CHECK(s.back().rfind("Die Ukraine, die sich einer russischen Invasion", 0) == 0);
    for (const auto& sentence : s) {
      for (const char* junk :
           {"Registrieren", "Reuters", "Weiterlesen", "Berichterstattung", "Trust-Prinzipien",
            "Bierfan", "More Stories", "Hongkong", "Hai", "Welternährungsprogramm"}) {
        CHECK_MESSAGE(sentence.find(junk) == std::string::npos, junk << " in: " << sentence);
      }
    }
  }

  TEST_CASE("the seed article end to end: evidence only from article sentences") {
    ArticleInput in;
    in.id = "seed";
    in.text = ReadAll(SourcePath("data/sample/articles/000_feed063c7223cddc.txt"));
    in.date = "2022-08-15";
    auto triples = TheExtractor().Extract(in);
    REQUIRE_MESSAGE(triples.ok(), triples.status().ToString());
    for (const auto& t : *triples) {
      CHECK(t.doc.id == "seed");
      CHECK(t.doc.lang == "de");
      CHECK(in.text.substr(static_cast<size_t>(t.evidence.start),
                           static_cast<size_t>(t.evidence.end - t.evidence.start)) ==
            t.evidence.text);
      for (const char* junk : {"Registrieren", "Reuters", "Hongkong", "Jamaikas", "Gaza"}) {
        CHECK(t.evidence.text.find(junk) == std::string::npos);
      }
      CHECK(!t.date.empty());
      CHECK(t.extractor == TheExtractor().version());
    }
    if (TheExtractor().has_relation_stage()) {
      // North Korea recognised the people's republics "im Juli" (July 2022),
      // Ukraine cut ties with Pyongyang: both must be there.
      bool recognition = false, cut = false;
      for (const auto& t : *triples) {
        if (t.subject.id == "PRK" && t.relation == "recognises") {
          recognition = true;
          CHECK(t.date == "2022-07");
          CHECK(t.date_precision == DatePrecision::kMonth);
        }
        if (t.relation == "cuts_ties") cut = true;
      }
      CHECK(recognition);
      CHECK(cut);
    }
  }

  TEST_CASE("dates are resolved against the article date") {
    struct Case {
      const char* lang;
      const char* text;
      const char* article_date;
      const char* date;
      DatePrecision precision;
    };
    const Case cases[] = {
        {"de", "Das geschah am 24. Februar.", "2022-08-15", "2022-02-24", DatePrecision::kDay},
        {"de", "Das geschah am 24. Februar 2022.", "2023-01-01", "2022-02-24", DatePrecision::kDay},
        {"de", "Nordkorea erkannte im Juli die Gebiete an.", "2022-08-15", "2022-07",
         DatePrecision::kMonth},
        {"de", "Nordkorea erkannte im Oktober die Gebiete an.", "2022-08-15", "2021-10",
         DatePrecision::kMonth},
        {"de", "Das Abkommen wurde 2019 unterzeichnet.", "2022-08-15", "2019",
         DatePrecision::kYear},
        {"de", "Die Medien berichteten am Montag.", "2022-08-17", "2022-08-15",
         DatePrecision::kDay},
        {"de", "Die Medien berichteten am Montag.", "2022-08-15", "2022-08-15",
         DatePrecision::kDay},
        {"de", "Das Treffen war gestern.", "2022-08-15", "2022-08-14", DatePrecision::kDay},
        {"de", "Er reiste vergangene Woche nach Kiew.", "2022-08-15", "2022-08-08",
         DatePrecision::kDay},
        {"de", "Das Treffen ist am kommenden Freitag.", "2022-08-15", "2022-08-19",
         DatePrecision::kDay},
        {"de", "Der Vertrag vom 24.02.2022 gilt.", "2022-08-15", "2022-02-24", DatePrecision::kDay},
        {"de", "Sie brachen im vergangenen Jahr ab.", "2022-08-15", "2021", DatePrecision::kYear},
        {"en", "Russia invaded on 24 February 2022.", "2022-08-15", "2022-02-24",
         DatePrecision::kDay},
        {"en", "Russia invaded on February 24, 2022.", "2022-08-15", "2022-02-24",
         DatePrecision::kDay},
        {"en", "The deal was signed on Sept. 15.", "2020-09-20", "2020-09-15", DatePrecision::kDay},
        {"en", "Talks began in December.", "2022-08-15", "2021-12", DatePrecision::kMonth},
        {"en", "Talks began in May.", "2022-08-15", "2022-05", DatePrecision::kMonth},
        {"en", "The minister met Kim on Monday.", "2022-08-18", "2022-08-15", DatePrecision::kDay},
        {"en", "The minister met Kim yesterday.", "2022-03-01", "2022-02-28", DatePrecision::kDay},
        {"en", "They cut ties last week.", "2022-08-15", "2022-08-08", DatePrecision::kDay},
        {"en", "They cut ties last month.", "2022-01-10", "2021-12", DatePrecision::kMonth},
        {"en", "They cut ties last year.", "2022-01-10", "2021", DatePrecision::kYear},
        {"en", "The talks were held on 2022-03-07 in Antalya.", "", "2022-03-07",
         DatePrecision::kDay},
    };
    for (const auto& c : cases) {
      SUBCASE(c.text) {
        auto dates = TheExtractor().FindDates(c.text, c.lang, c.article_date);
        REQUIRE(dates.size() == 1);
        CHECK(dates[0].date == c.date);
        CHECK(dates[0].precision == c.precision);
        std::string_view text(c.text);
        CHECK(dates[0].start < dates[0].end);
        CHECK(static_cast<size_t>(dates[0].end) <= text.size());
      }
    }
    SUBCASE("ambiguous month words and relative dates without an article date") {
      CHECK(TheExtractor().FindDates("Russia may cut ties.", "en", "2022-08-15").empty());
      CHECK(TheExtractor().FindDates("Theresa May visited Kyiv.", "en", "2022-08-15").empty());
      CHECK(TheExtractor().FindDates("Das Treffen war gestern.", "de", "").empty());
      CHECK(TheExtractor().FindDates("Kim sprach am Montag.", "de", "").empty());
    }
  }

  TEST_CASE("language identification: German, English, neither") {
    const Extractor& e = TheExtractor();
    CHECK(e.DetectLanguage("Die Ukraine hat die Beziehungen zu Nordkorea abgebrochen, wie das "
                           "Außenministerium in Kiew am Mittwoch mitteilte.") == "de");
    CHECK(e.DetectLanguage("Ukraine has cut ties with North Korea, the foreign ministry in Kyiv "
                           "said on Wednesday.") == "en");
    CHECK(e.DetectLanguage("L'Ukraine a rompu ses relations diplomatiques avec la Corée du Nord, a "
                           "annoncé mercredi le ministère des affaires étrangères.") == "");
    CHECK(e.DetectLanguage("1234 5678 !!!") == "");
  }

  TEST_CASE("bad documents fail with a clear message, good ones go on") {
    struct Case {
      const char* name;
      std::string text;
      const char* lang;
      const char* message;
    };
    const Case cases[] = {
        {"empty", "", "", "empty document"},
        {"blank", " \n\t\n", "", "empty document"},
        {"binary", std::string("PK\x03\x04\0\0\x01\x02", 8), "", "binary data"},
        {"invalid utf-8", "Russland erkennt \xC3\x28 Kosovo an.", "de", "invalid UTF-8 at byte 17"},
        {"overlong utf-8", "Russland \xC0\xAF an.", "de", "invalid UTF-8 at byte 9"},
        {"french", "La Russie a reconnu les deux républiques populaires, a annoncé le Kremlin.", "",
         "language not recognised"},
        {"unsupported language", "Rusia reconoce a Kosovo.", "es", "unsupported language \"es\""},
    };
    for (const auto& c : cases) {
      SUBCASE(c.name) {
        ArticleInput in;
        in.id = c.name;
        in.text = c.text;
        in.lang = c.lang;
        auto r = TheExtractor().Extract(in);
        REQUIRE(!r.ok());
        CHECK(r.status().IsInvalidArgument());
        CHECK_MESSAGE(r.status().message().find(c.message) != std::string::npos,
                      r.status().message());
      }
    }
  }

  TEST_CASE("document readers: files, directories, JSONL, HTML; bad ones reported") {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "in" / "sub");
    WriteFile(dir.File("in/b.txt"), "Russland erkennt die Volksrepubliken an.\n");
    WriteFile(dir.File("in/a.txt"), "15. August 2022\nDie Ukraine bricht die Beziehungen ab.\n");
    WriteFile(dir.File("in/sub/c.html"),
              "<!DOCTYPE html><html lang=\"en\"><head><title>T</title>"
              "<meta property=\"article:published_time\" content=\"2022-07-13T10:00:00Z\">"
              "<script>var x = 'Russia recognises Kosovo.';</script></head><body>"
              "<nav>Home World</nav><p>Ukraine cut ties with North Korea.</p>"
              "<p>Russia &amp; Syria objected.</p><footer>Privacy terms</footer></body></html>");
    WriteFile(dir.File("in/.hidden.txt"), "not read");
    WriteFile(dir.File("docs.jsonl"),
              "{\"id\":\"j1\",\"text\":\"Syria recognised the regions.\",\"date\":\"2022-06-29\","
              "\"lang\":\"en\",\"url\":\"u\",\"title\":\"t\"}\n"
              "{\"id\":\"j2\",\"text\": broken\n"
              "\n"
              "{\"text\":\"Kein Id.\",\"date\":\"2022-06-29T08:00:00+02:00\"}\n");
    auto reader =
        DocumentReader::Open({dir.File("in"), dir.File("docs.jsonl"), dir.File("missing.txt")});
    REQUIRE(reader.ok());
    std::vector<ArticleInput> docs;
    ArticleInput in;
    while ((*reader)->Next(&in)) docs.push_back(in);
    REQUIRE(docs.size() == 7);
    CHECK(docs[0].id == "a.txt");
    CHECK(docs[1].id == "b.txt");
    CHECK(docs[2].id == "sub/c.html");
    CHECK(docs[2].text.find("Ukraine cut ties with North Korea.") != std::string::npos);
    CHECK(docs[2].text.find("Russia & Syria objected.") != std::string::npos);
    CHECK(docs[2].text.find("Kosovo") == std::string::npos);
    CHECK(docs[2].text.find("Home") == std::string::npos);
    CHECK(docs[2].text.find("Privacy") == std::string::npos);
    CHECK(docs[2].date == "2022-07-13");
    CHECK(docs[2].lang == "en");
    CHECK(docs[2].title == "T");
    CHECK(docs[3].id == "j1");
    CHECK(docs[3].date == "2022-06-29");
    CHECK(docs[3].read_status.ok());
    CHECK(!docs[4].read_status.ok());
    CHECK(docs[4].origin == dir.File("docs.jsonl") + ":2");
    CHECK(docs[5].read_status.ok());
    CHECK(docs[5].id == dir.File("docs.jsonl") + ":4");
    CHECK(docs[5].date == "2022-06-29");
    CHECK(docs[6].read_status.IsNotFound());

    // A date on a header line becomes the article date; --date fills the rest.
    ExtractOptions options;
    options.default_date = "2022-08-01";
    options.threads = 1;
    auto e = Extractor::Load(SourcePath("data"), options);
    REQUIRE(e.ok());
    auto a0 = (*e)->Analyze(docs[0]);
    REQUIRE(a0.ok());
    CHECK(a0->doc.date == "2022-08-15");
    auto a1 = (*e)->Analyze(docs[1]);
    REQUIRE(a1.ok());
    CHECK(a1->doc.date == "2022-08-01");
    CHECK(a1->doc.hash == ContentHash(docs[1].text));
    CHECK(a1->doc.hash.size() == 16);
  }

  TEST_CASE("ExtractStream keeps input order on several threads and reports bad documents") {
    TempDir dir;
    std::string jsonl;
    for (int i = 0; i < 60; ++i) {
      if (i == 17) {
        jsonl += "{\"id\": \"bad\", \"text\": 12}\n";
        continue;
      }
      jsonl += "{\"id\":\"d" + std::to_string(i) + "\",\"lang\":\"" + (i % 2 ? "en" : "de") +
               "\",\"text\":\"" +
               (i % 2 ? "Russia recognised Kosovo. " : "Russland erkennt Kosovo an. ") +
               std::string(static_cast<size_t>(i % 7) * 30, 'x') + "\"}\n";
    }
    WriteFile(dir.File("c.jsonl"), jsonl);
    for (int threads : {1, 4}) {
      CAPTURE(threads);
      ExtractOptions options;
      options.threads = threads;
      options.max_in_flight = 3;
      auto e = Extractor::Load(SourcePath("data"), options);
      REQUIRE(e.ok());
      auto reader = DocumentReader::Open({dir.File("c.jsonl")});
      REQUIRE(reader.ok());
      std::vector<std::string> ids;
      int failed = 0;
      Status s = (*e)->ExtractStream(reader->get(), [&](ExtractedArticle&& a) {
        if (!a.status.ok()) {
          ++failed;
          CHECK(a.origin == dir.File("c.jsonl") + ":18");
          CHECK(a.status.message().find("\"text\" must be a string") != std::string::npos);
        } else {
          ids.push_back(a.doc.id);
        }
        return Status::OK();
      });
      CHECK(s.ok());
      CHECK(failed == 1);
      REQUIRE(ids.size() == 59);
      for (size_t i = 0, n = 0; i < 60; ++i) {
        if (i == 17) continue;
        CHECK(ids[n++] == "d" + std::to_string(i));
      }
      // A sink error stops the run and is returned.
      auto reader2 = DocumentReader::Open({dir.File("c.jsonl")});
      REQUIRE(reader2.ok());
      int seen = 0;
      s = (*e)->ExtractStream(reader2->get(), [&](ExtractedArticle&&) {
        return ++seen == 5 ? Status::IOError("disk full") : Status::OK();
      });
      CHECK(s.IsIOError());
      CHECK(seen == 5);
    }
  }

  TEST_CASE("data files are validated with errors naming file and entry") {
    struct Case {
      const char* file;
      const char* content;
      const char* message;
    };
    const Case cases[] = {
        {"clean/zz.json",
         R"({"rules":[{"name":"x","action":"drop","match":"prefix","pattern":"a"}]})",
         "rule #1 \"x\": unknown action \"drop\""},
        {"clean/zz.json",
         R"({"rules":[{"name":"r","action":"drop_line","match":"regex","pattern":"(a"}]})",
         "rule #1 \"r\": bad regex"},
        {"clean/zz.json", R"({"rules":[{"name":"x","action":"drop_line","match":"prefix"}]})",
         "rule #1 \"x\": empty \"pattern\""},
        {"clean/zz.json", "{\"rules\": [\n{\"name\": }\n]}", "zz.json:2:"},
        {"segment/en.json", R"({"lang":"en","abbreviations":{"no_break":["Dr"]}})",
         "abbreviation \"Dr\" must end in '.'"},
        {"dates/en.json", R"({"lang":"en","months":[["Jan"]],"weekdays":[]})",
         "\"months\" must be a list of 12 lists"},
    };
    for (const auto& c : cases) {
      SUBCASE(c.message) {
        TempDir dir;
        std::filesystem::copy(SourcePath("data"), dir.path() / "data",
                              std::filesystem::copy_options::recursive);
        WriteFile((dir.path() / "data" / c.file).string(), c.content);
        auto e = Extractor::Load((dir.path() / "data").string());
        REQUIRE(!e.ok());
        CHECK(e.status().IsInvalidArgument());
        CHECK_MESSAGE(e.status().message().find(c.message) != std::string::npos,
                      e.status().message());
        CHECK(e.status().message().find(std::filesystem::path(c.file).filename().string()) !=
              std::string::npos);
      }
    }
  }
  // ------------------------------------------------------------------ CLI

  TEST_CASE("geokg extract: the seed article, JSONL on stdout, nothing from boilerplate") {
    auto r = test::RunCli("extract --date 2022-08-15 '" +
                          SourcePath("data/sample/articles/000_feed063c7223cddc.txt") + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    std::istringstream lines(r.out);
    std::string line;
    int n = 0;
    bool recognises_dpr = false;
    while (std::getline(lines, line)) {
      auto t = ParseTripleJson(line);
      REQUIRE_MESSAGE(t.ok(), line);
      ++n;
      CHECK(t->doc.date == "2022-08-15");
      CHECK(t->doc.hash.size() == 16);
      for (const char* junk : {"Registrieren", "Reuters", "Hongkong", "Jamaikas", "Gaza"}) {
        CHECK(t->evidence.text.find(junk) == std::string::npos);
      }
      if (t->subject.id == "PRK" && t->relation == "recognises" && t->object.id == "DPR") {
        recognises_dpr = true;
      }
    }
    if (TheExtractor().has_relation_stage()) {
      CHECK(n > 0);
      CHECK(recognises_dpr);
    }
  }

  TEST_CASE("geokg extract: bad inputs are reported by name and the run goes on") {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "in");
    WriteFile(dir.File("in/1_good.txt"), "Die Ukraine brach die Beziehungen zu Syrien ab.\n");
    WriteFile(dir.File("in/2_empty.txt"), "");
    WriteFile(dir.File("in/3_binary.bin"), std::string("\x7f"
                                                       "ELF\x02\x01\x01\0\0\0",
                                                       10));
    WriteFile(dir.File("in/4_latin1.txt"), "Die T\xfcrkei erkennt Kosovo an.\n");
    WriteFile(dir.File("in/5_french.txt"),
              "La Russie a reconnu les deux républiques, a dit le Kremlin.\n");
    WriteFile(dir.File("c.jsonl"),
              "{\"id\":\"ok\",\"text\":\"Russia recognised Kosovo.\"}\n{oops\n");
    auto r = test::RunCli("extract --threads 2 '" + dir.File("in") + "' '" + dir.File("c.jsonl") +
                          "' '" + dir.File("nope.txt") + "'");
    CHECK(r.exit_code == 0);
    for (const std::string& expected :
         {dir.File("in/2_empty.txt") + ": empty document", dir.File("in/3_binary.bin") + ": binary",
          dir.File("in/4_latin1.txt") + ": invalid UTF-8 at byte 5",
          dir.File("in/5_french.txt") + ": language not recognised",
          dir.File("c.jsonl") + ":2: not valid JSON", dir.File("nope.txt") + ": no such file"}) {
      CHECK_MESSAGE(r.err.find(expected) != std::string::npos, expected << "\nstderr:\n" << r.err);
    }
    // Nothing readable at all: exit 1.
    auto bad = test::RunCli("extract '" + dir.File("in/2_empty.txt") + "'");
    CHECK(bad.exit_code == 1);
    // Usage errors: exit 2.
    CHECK(test::RunCli("extract --date 15.08.2022 -").exit_code == 2);
    CHECK(test::RunCli("extract --threads many -").exit_code == 2);
  }

  TEST_CASE("geokg extract: the same output on one thread and on several, stdin JSONL") {
    const std::string dir = SourcePath("data/sample/articles");
    auto one = test::RunCli("extract --threads 1 --date 2022-08-15 '" + dir + "'");
    auto many = test::RunCli("extract --threads 4 --date 2022-08-15 '" + dir + "'");
    CHECK(one.exit_code == 0);
    CHECK(one.out == many.out);
    auto in = test::RunCli("extract -", test::ReadFile(SourcePath("data/sample/articles.jsonl")));
    CHECK(in.exit_code == 0);
    CHECK(in.err.empty());
    if (TheExtractor().has_relation_stage()) {
      CHECK(in.out.find("\"id\":\"sample-000\"") != std::string::npos);
    }
  }

  TEST_CASE("geokg eval: precision, recall, F1; symmetric relations in either direction") {
    TempDir dir;
    WriteFile(dir.File("gold.jsonl"),
              "{\"id\":\"g1\",\"lang\":\"en\",\"date\":\"2023-03-10\",\"text\":\"Iran and Saudi "
              "Arabia agreed to restore diplomatic relations.\",\"triples\":[{\"subject\":\"Saudi "
              "Arabia\",\"relation\":\"restores_ties\",\"object\":\"Iran\"}]}\n"
              "{\"id\":\"g2\",\"lang\":\"de\",\"text\":\"Die Ukraine brach die Beziehungen zu "
              "Nordkorea ab.\",\"triples\":[{\"subject\":\"UKR\",\"relation\":\"cuts_ties\","
              "\"object\":\"Nordkorea\"},{\"subject\":\"UKR\",\"relation\":\"recognises\","
              "\"object\":\"XKX\"}]}\n");
    auto r = test::RunCli("eval --gold '" + dir.File("gold.jsonl") + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("overall:") != std::string::npos);
    CHECK(r.out.find("by relation:") != std::string::npos);
    CHECK(r.out.find("by language:") != std::string::npos);
    if (TheExtractor().has_relation_stage()) {
      // restores_ties is symmetric: IRN-SAU matches the gold SAU-IRN.
      CHECK(r.out.find("(tp 2, fp ") != std::string::npos);
      CHECK(r.out.find("restores_ties          P 1.000  R 1.000") != std::string::npos);
      CHECK(r.out.find("misses (1):\n  g2 [de] UKR recognises XKX") != std::string::npos);
      CHECK(r.out.find("Die Ukraine brach die Beziehungen zu Nordkorea ab.") != std::string::npos);
    }
    auto bad = test::RunCli("eval --gold '" + dir.File("missing.jsonl") + "'");
    CHECK(bad.exit_code == 1);
    CHECK(test::RunCli("eval").exit_code == 2);
  }

  TEST_CASE("geokg eval --gold-format plover: CAMEO actors, type aliases, empty targets") {
    TempDir dir;
    WriteFile(dir.File("plover.jsonl"),
              "{\"id\":\"p1\",\"text\":\"Ukraine cut diplomatic ties with North Korea on "
              "Wednesday.\",\"gold\":[{\"source\":\"UKRGOV\",\"target\":\"PRK\",\"plover\":"
              "\"SANCTION\"}]}\n"
              "{\"id\":\"p2\",\"text\":\"Russia condemned the sanctions.\",\"gold\":[{\"source\":"
              "\"RUSGOV\",\"target\":\"\",\"plover\":\"DISAPPROVE\"}]}\n");
    auto r = test::RunCli("eval --gold-format plover --gold '" + dir.File("plover.jsonl") + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("by PLOVER type:") != std::string::npos);
    // DISAPPROVE is scored as ACCUSE (data/eval/plover_aliases.json).
    CHECK(r.out.find("ACCUSE") != std::string::npos);
    CHECK(r.out.find("DISAPPROVE") == std::string::npos);
    CHECK(test::RunCli("eval --gold-format xml --gold x").exit_code == 2);
  }

  TEST_CASE("Evaluation: PLOVER scoring of given predictions (mirrors, wildcards, non-events)") {
    TempDir dir;
    WriteFile(dir.File("gold.jsonl"),
              R"({"id":"d1","lang":"en","text":"Jordan and Britain agreed.","gold":[{"source":"JORGOV","target":"","plover":"AGREE"},{"source":"GBRGOV","target":"","plover":"AGREE"}]}
{"id":"d2","lang":"en","text":"Israel and Lebanon negotiated.","gold":[{"source":"ISRGOV","target":"LBNGOV","plover":"CONSULT"}]}
{"id":"d3","lang":"en","text":"Russia did not attack Ukraine.","gold":[{"source":"RUSMIL","target":"UKR","plover":"FIGHT"}]}
{not json
)");
    std::vector<std::string> warnings;
    EvalOptions options;
    options.format = GoldFormat::kPlover;
    options.plover_aliases = SourcePath("data/eval/plover_aliases.json");
    auto eval = Evaluation::Open(dir.File("gold.jsonl"), options, TheExtractor(),
                                 [&](const std::string& m) { warnings.push_back(m); });
    REQUIRE_MESSAGE(eval.ok(), eval.status().ToString());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("gold.jsonl:4:") != std::string::npos);
    auto triple = [](const char* s, const char* rel, const char* plover, const char* o,
                     Polarity pol = Polarity::kPositive) {
      Triple t;
      t.subject = {s, s, EntityKind::kState};
      t.object = {o, o, EntityKind::kState};
      t.relation = rel;
      t.plover = plover;
      t.polarity = pol;
      t.evidence.text = std::string(s) + " " + rel + " " + o;
      return t;
    };
    auto article = [](const char* id, std::vector<Triple> triples) {
      ExtractedArticle a;
      a.doc.id = id;
      a.doc.lang = "en";
      a.triples = std::move(triples);
      return a;
    };
    // One symmetric prediction covers both directions of d1.
    (*eval)->Add(article("d1", {triple("JOR", "agrees_with", "AGREE", "GBR")}));
    // The unmatched mirror LBN->ISR is no false alarm.
    (*eval)->Add(article("d2", {triple("ISR", "negotiates_with", "CONSULT", "LBN")}));
    // A negated attack is no event (a miss); the condemnation is a false alarm.
    (*eval)->Add(article("d3", {triple("RUS", "attacks", "ASSAULT", "UKR", Polarity::kNegative),
                                triple("UKR", "condemns", "ACCUSE", "RUS")}));
    EvalReport r = (*eval)->Score();
    CHECK(r.documents == 3);
    CHECK(r.skipped_lines == 1);
    CHECK(r.overall.tp == 3);
    CHECK(r.overall.fn == 1);
    CHECK(r.overall.pred_tp == 2);
    CHECK(r.overall.fp == 1);
    CHECK(r.overall.precision() == doctest::Approx(2.0 / 3.0));
    CHECK(r.overall.recall() == doctest::Approx(0.75));
    CHECK(r.by_type["AGREE"].tp == 2);
    CHECK(r.by_type["AGREE"].pred_tp == 1);
    REQUIRE(r.misses.size() == 1);
    CHECK(r.misses[0].tuple == "RUS ASSAULT UKR");  // FIGHT is scored as ASSAULT
    REQUIRE(r.false_alarms.size() == 1);
    CHECK(r.false_alarms[0].tuple == "UKR ACCUSE RUS");
    CHECK(r.false_alarms[0].doc == "d3");
  }

  TEST_CASE("Evaluation: geokg gold names resolve in any language; bad lines are skipped") {
    TempDir dir;
    WriteFile(dir.File("gold.jsonl"),
              R"({"id":"g1","lang":"de","text":"x","triples":[{"subject":"Nordkorea","relation":"cuts_ties","object":"Ukraine"}]}
{"id":"g2","lang":"en","text":"y","triples":[{"subject":"Atlantis","relation":"meets","object":"RUS"}]}
{"id":"g3","lang":"en","text":"z","triples":[{"subject":"RUS","relation":"befriends","object":"CHN"}]}
)");
    std::vector<std::string> warnings;
    auto eval = Evaluation::Open(dir.File("gold.jsonl"), {}, TheExtractor(),
                                 [&](const std::string& m) { warnings.push_back(m); });
    REQUIRE_MESSAGE(eval.ok(), eval.status().ToString());
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].find(":2: subject:") != std::string::npos);
    CHECK(warnings[1].find(":3: unknown relation \"befriends\"") != std::string::npos);
    ExtractedArticle a;
    a.doc.id = "g1";
    a.doc.lang = "de";
    Triple t;
    t.subject = {"UKR", "Ukraine", EntityKind::kState};
    t.object = {"PRK", "North Korea", EntityKind::kState};
    t.relation = "cuts_ties";  // symmetric: UKR-PRK matches the gold PRK-UKR
    a.triples.push_back(t);
    (*eval)->Add(a);
    EvalReport r = (*eval)->Score();
    CHECK(r.documents == 1);
    CHECK(r.overall.tp == 1);
    CHECK(r.overall.fp == 0);
    CHECK(r.by_lang["de"].tp == 1);
    auto none = Evaluation::Open(dir.File("missing.jsonl"), {}, TheExtractor(),
                                 [](const std::string&) {});
    CHECK(none.status().IsIOError());
  }

  TEST_CASE("geokg ingest: extracts into the store and prints a summary") {
    TempDir dir;
    auto r = test::RunCli("ingest --db '" + dir.File("g.db") + "' '" +
                          SourcePath("data/sample/articles.jsonl") + "'");
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("ingest: 11 documents (0 skipped)") != std::string::npos);
    CHECK(r.err.find("\r") == std::string::npos);  // no progress bar: stderr is not a terminal
    CHECK(std::filesystem::exists(dir.File("g.db")));
    // Re-ingesting the same documents leaves them unchanged.
    auto again = test::RunCli("ingest --db '" + dir.File("g.db") + "' '" +
                              SourcePath("data/sample/articles.jsonl") + "'");
    CHECK(again.exit_code == 0);
    if (TheExtractor().has_relation_stage()) {
      CHECK(again.err.find(" 0 evidence rows added") != std::string::npos);
    }
    CHECK(test::RunCli("ingest").exit_code == 2);
  }
}

}  // namespace
}  // namespace geokg
