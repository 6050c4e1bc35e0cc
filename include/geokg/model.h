#pragma once

// The data model shared by every stage: entities, documents, relation
// triples (the extractor's output and the store's input) and the aggregated
// edges the store derives from them. Plain value types; no I/O here.
// The JSON form of a Triple is in triple.h; the README documents it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geokg {

enum class EntityKind {
  kState,         // a UN member or observer state: id is ISO 3166-1 alpha-3 ("RUS")
  kBreakaway,     // a breakaway or partly recognised entity: stable id ("DPR", "XKX", "TWN")
  kOrganisation,  // an international organisation: stable id ("UN", "NATO", "WFP")
  kOther,         // anything else a loaded triple names (kept, never invented by the extractor)
};
std::string_view ToString(EntityKind kind);  // "state", "breakaway", "organisation", "other"
std::optional<EntityKind> ParseEntityKind(std::string_view text);

enum class Polarity { kPositive, kNegative };
std::string_view ToString(Polarity p);  // "positive", "negative"
std::optional<Polarity> ParsePolarity(std::string_view text);

enum class Modality {
  kAsserted,      // stated as fact by the article
  kReported,      // attributed to a speaker ("X said that ...")
  kFuture,        // announced for the future ("will", "wird")
  kHypothetical,  // possible or conditional ("could", "könnte", "if")
  kIntended,      // wanted or planned ("plans to", "wants to", "will")
  kDemanded,      // called for by someone ("urged X to", "fordert")
};
std::string_view ToString(Modality m);  // "asserted", "reported", ...
std::optional<Modality> ParseModality(std::string_view text);

enum class DatePrecision { kDay, kMonth, kYear, kUnknown };
std::string_view ToString(DatePrecision p);  // "day", "month", "year", "unknown"
std::optional<DatePrecision> ParseDatePrecision(std::string_view text);

// Checks an ISO date of the given precision: "2022-07-15" (day), "2022-07"
// (month), "2022" (year), "" (unknown). Returns the precision the text has,
// or nullopt if it is not such a date.
std::optional<DatePrecision> CheckIsoDate(std::string_view text);

struct EntityRef {
  std::string id;    // stable id: ISO alpha-3 for states, e.g. "PRK"
  std::string name;  // canonical English name, e.g. "North Korea"
  EntityKind kind = EntityKind::kOther;
};

struct DocumentInfo {
  std::string id;     // stable document id (required)
  std::string url;    // may be empty
  std::string title;  // may be empty
  std::string date;   // article date, ISO "YYYY-MM-DD" or shorter; may be empty
  std::string lang;   // "de", "en"; may be empty
  std::string hash;   // content hash of the article text; empty if unknown (the store derives one)
};

struct Evidence {
  std::string text;     // the sentence (or clause) the triple was read from
  int64_t start = 0;    // UTF-8 byte offset of `text` in the article text
  int64_t end = 0;      // one past the last byte
};

// One relation read from one sentence of one article.
struct Triple {
  DocumentInfo doc;
  int sentence = 0;  // 0-based sentence index within the article
  EntityRef subject;
  std::string relation;  // a name from the relation vocabulary, e.g. "recognises"
  EntityRef object;
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  std::string date;  // event date, ISO, as precise as `date_precision` says
  DatePrecision date_precision = DatePrecision::kUnknown;
  double confidence = 0.0;  // 0..1
  Evidence evidence;
  std::string cameo;      // CAMEO code of the relation type, e.g. "054"
  std::string plover;     // PLOVER event type, e.g. "SUPPORT"
  std::string speaker;    // reported speech: who said it (name or entity id); may be empty
  std::string extractor;  // extractor name and version, e.g. "geokg-0.1.0"; may be empty
};

// The store's aggregate of all positive evidence for (subject, relation, object)
// during one validity interval. A lasting relation that was ended and resumed
// has one Edge per interval; one-off events have one Edge per triple key.
struct Edge {
  int64_t id = 0;
  std::string subject;  // entity id
  std::string relation;
  std::string object;  // entity id
  std::string first_seen;  // earliest event date among its evidence
  std::string last_seen;   // latest event date among its evidence
  std::string valid_from;  // start of validity (lasting relations); = first_seen otherwise
  std::string valid_to;    // end of validity, "" while it holds
  int64_t evidence_count = 0;  // evidence rows behind the edge
  int64_t source_count = 0;    // distinct documents behind the edge
  double confidence = 0.0;     // aggregated confidence 0..1
  std::string status;          // "active", "ended" (closed by its opposite), "event"
  std::string cameo;
  std::string plover;
  double goldstein = 0.0;
  bool symmetric = false;
};

struct Entity {
  std::string id;
  std::string name;
  EntityKind kind = EntityKind::kOther;
  std::vector<std::string> aliases;  // other names, any language
};

// A selection of the graph: what snapshots, queries and exports exchange.
struct GraphData {
  std::vector<Entity> nodes;
  std::vector<Edge> edges;  // every subject/object is in `nodes`
};

}  // namespace geokg
