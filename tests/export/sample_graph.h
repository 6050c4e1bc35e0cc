#pragma once

// A small graph for the export tests and the HTML fixture: every entity
// kind, every relation class, an ended relation, a symmetric one, and names
// that break careless writers (quotes, <, &, a newline, a backslash, a
// control character, invalid UTF-8, Hebrew, Arabic, Cyrillic, CJK).

#include <string>
#include <vector>

#include "geokg/model.h"
#include "geokg/store.h"

namespace geokg::test {

inline Entity MakeEntity(std::string id, std::string name, EntityKind kind,
                         std::vector<std::string> aliases = {}) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.kind = kind;
  e.aliases = std::move(aliases);
  return e;
}

inline Edge MakeEdge(int64_t id, std::string s, std::string rel, std::string o, std::string from,
                     std::string to, std::string status, int64_t evidence, bool symmetric = false) {
  Edge e;
  e.id = id;
  e.subject = std::move(s);
  e.relation = std::move(rel);
  e.object = std::move(o);
  e.first_seen = from;
  e.last_seen = to.empty() ? from : to;
  e.valid_from = status == "event" ? "" : from;
  e.valid_to = status == "ended" ? to : "";
  e.status = std::move(status);
  e.evidence_count = evidence;
  e.source_count = (evidence + 1) / 2;
  e.confidence = 0.875;
  e.symmetric = symmetric;
  return e;
}

// Names with characters that need escaping somewhere.
inline const std::string kTrickyName = "Tom \"Q\" <b>&amp; Co,\nLtd";
inline const std::string kHebrewName = "\xD7\x99\xD7\xA9\xD7\xA8\xD7\x90\xD7\x9C";  // ישראל
inline const std::string kArabicName =
    "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xB9\xD9\x88\xD8\xAF\xD9\x8A\xD8\xA9";  // السعودية
inline const std::string kCyrillicAlias = "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F";  // Россия
inline const std::string kChineseName = "\xE4\xB8\xAD\xE5\x9B\xBD";  // 中国
inline const std::string kEvidenceSentence =
    "North Korea recognised the independence of the Donetsk People's Republic.";

inline GraphData SampleGraph() {
  GraphData g;
  g.nodes = {
      MakeEntity("RUS", "Russia", EntityKind::kState, {"Russland", kCyrillicAlias}),
      MakeEntity("UKR", "Ukraine", EntityKind::kState, {"Ukraine"}),
      MakeEntity("DPR", "Donetsk People's Republic", EntityKind::kBreakaway, {"DNR", "DVR"}),
      MakeEntity("PRK", "North Korea", EntityKind::kState, {"Nordkorea"}),
      MakeEntity("UN", "United Nations", EntityKind::kOrganisation, {"Vereinte Nationen"}),
      MakeEntity("QX1", kTrickyName, EntityKind::kOther),
      MakeEntity("ISR", kHebrewName, EntityKind::kState, {"Israel"}),
      MakeEntity("SAU", kArabicName, EntityKind::kState, {"Saudi Arabia"}),
      MakeEntity("CHN", kChineseName, EntityKind::kState, {"China"}),
      MakeEntity("BSL", std::string("back\\N slash \x01 bad\xFF byte"), EntityKind::kOther),
  };
  g.edges = {
      MakeEdge(101, "PRK", "recognises", "DPR", "2022-07-13", "", "active", 3),
      MakeEdge(102, "UKR", "cuts_ties", "PRK", "2022-07-13", "", "active", 2, true),
      MakeEdge(103, "RUS", "recognises", "DPR", "2022-02-21", "", "active", 12),
      MakeEdge(104, "SAU", "cuts_ties", "QX1", "2017-06-05", "2021-01-05", "ended", 5, true),
      MakeEdge(105, "RUS", "invades", "UKR", "2022-02-24", "2022-03", "event", 40),
      MakeEdge(106, "UN", "aids", "UKR", "2022-03-01", "2023-05-02", "event", 7),
      MakeEdge(107, "CHN", "meets", "RUS", "2023-03-21", "", "event", 1, true),
      MakeEdge(108, "ISR", "condemns", "BSL", "2023", "", "event", 1),
      MakeEdge(109, "RUS", "supports", "DPR", "2014-05", "", "active", 4),
  };
  return g;
}

inline EvidenceRow MakeRow(std::string doc, std::string url, std::string title, std::string s,
                           std::string rel, std::string o, std::string date, std::string text) {
  EvidenceRow r;
  r.doc.id = std::move(doc);
  r.doc.url = std::move(url);
  r.doc.title = std::move(title);
  r.doc.date = date;
  r.doc.lang = "en";
  r.subject = std::move(s);
  r.relation = std::move(rel);
  r.object = std::move(o);
  r.date = std::move(date);
  r.date_precision = DatePrecision::kDay;
  r.confidence = 0.9;
  r.evidence.text = std::move(text);
  r.evidence.end = static_cast<int64_t>(r.evidence.text.size());
  return r;
}

inline std::vector<EvidenceRow> SampleEvidence() {
  return {
      MakeRow("d1", "https://example.org/news/1", "Pyongyang recognises breakaway republics", "PRK",
              "recognises", "DPR", "2022-07-13", kEvidenceSentence),
      MakeRow("d2", "https://example.org/de/2", "Nordkorea erkennt an", "PRK", "recognises", "DPR",
              "2022-07-14",
              "Nordkorea hat die Unabh\xC3\xA4ngigkeit der Volksrepublik Donezk anerkannt."),
      MakeRow("d3", "javascript:alert(1)", "<script>alert(1)</script>", "UKR", "cuts_ties", "PRK",
              "2022-07-13", "Ukraine cut ties with North Korea </script><b>bold</b> & more."),
      // Stored the other way round: the symmetric edge UKR-PRK still takes it.
      MakeRow("d4", "https://example.org/news/4", "Ties cut", "PRK", "cuts_ties", "UKR",
              "2022-07-15", "Pyongyang and Kyiv broke off relations."),
      MakeRow("d5", "", "", "RUS", "invades", "UKR", "2022-02-24",
              "Russia invaded Ukraine on 24 February 2022."),
      MakeRow("d6", "https://example.org/x", "unmatched", "UKR", "meets", "UN", "2022-01-01",
              "A row that belongs to no edge of the selection."),
  };
}

}  // namespace geokg::test
