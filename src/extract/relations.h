#pragma once

// Relation extraction within one sentence: finds entity mentions (via
// mentions.h), splits the sentence into clauses and matches the relation
// patterns of data/patterns/<lang>.json against them. The patterns, the
// lexicons (data/lang/<lang>.json) and the entity catalog are data; adding a
// relation or a language needs no C++ change (docs/patterns.md).
//
// Thread safety: a loaded RelationExtractor is immutable; Extract() is const
// and may be called from several threads at once, each with its own
// DiscourseState (one per document).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/model.h"
#include "geokg/ontology.h"
#include "geokg/status.h"

namespace geokg::extract {

// One sentence of an article, as the pipeline hands it over.
struct SentenceInput {
  std::string_view text;      // the sentence, UTF-8
  std::string_view lang;      // "de" | "en"
  std::string_view doc_date;  // article date, ISO ("2022-07-15"); may be "" (people then
                              // resolve by their current role)
  int64_t offset = 0;         // byte offset of `text` in the article
  int index = 0;              // 0-based sentence index within the article
};

// Per-document memory: the states named last, for "die beiden Länder" /
// "both countries". Create one per document with NewDiscourseState() and feed
// the sentences of that document in order. Not thread-safe; not shared.
struct DiscourseState;

// One relation read from a sentence. Subject and object are distinct catalog
// entities.
struct RawRelation {
  EntityRef subject;
  std::string relation;  // a name from the relation vocabulary
  EntityRef object;
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  double confidence = 0;  // 0..1
  std::string speaker;    // reported speech: the speaker (entity id or name); may be empty
  size_t start = 0, end = 0;  // byte span of the relation cue within the sentence
};

class RelationExtractor {
 public:
  // Loads data_dir/lang/*.json and data_dir/patterns/*.json and validates
  // them against `vocab` (every pattern names a known relation). Errors
  // (InvalidArgument, NotFound, IOError) name the file and the entry.
  static Result<RelationExtractor> Load(const std::string& data_dir,
                                        std::shared_ptr<const EntityCatalog> catalog,
                                        std::shared_ptr<const RelationVocabulary> vocab);

  RelationExtractor(RelationExtractor&&) noexcept;
  RelationExtractor& operator=(RelationExtractor&&) noexcept;
  ~RelationExtractor();

  // A fresh per-document state.
  std::unique_ptr<DiscourseState> NewDiscourseState() const;

  // The relations of one sentence, in order of their cue. `state` may be
  // nullptr (no discourse memory); otherwise it is read and updated.
  // Sentences in a language without patterns yield nothing.
  std::vector<RawRelation> Extract(const SentenceInput& sentence, DiscourseState* state) const;

  struct Impl;

 private:
  explicit RelationExtractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg::extract

// DiscourseState is complete here so that std::unique_ptr<DiscourseState> can
// be destroyed in any translation unit.
namespace geokg::extract {
struct DiscourseState {
  std::vector<std::string> recent_states;  // entity ids, most recent last
  std::vector<std::string> recent_people;  // entity ids behind people named, most recent last
};
}  // namespace geokg::extract
