#pragma once

// The ontology: the relation vocabulary (data/relations.json) and the entity
// catalog (data/entities/*.json). Both are data files, validated on load;
// adding a relation or an entity needs no C++ change. docs/ontology.md
// describes the files. Loaded objects are immutable and safe to share
// between threads.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/model.h"
#include "geokg/status.h"

namespace geokg {

struct RelationType {
  std::string name;         // "cuts_ties"
  std::string cameo;        // CAMEO code, "161"
  std::string plover;       // PLOVER event type, "SANCTION"
  std::string quad_class;   // "verbal_cooperation" | "material_cooperation" |
                            // "verbal_conflict" | "material_conflict"
  double goldstein = 0.0;   // Goldstein weight, -10 (conflict) .. +10 (cooperation)
  bool symmetric = false;   // A rel B implies B rel A (meets, cooperates)
  bool lasting = false;     // a state that holds until ended (recognises), vs an event (visits)
  std::string opposite;     // the relation that ends this one ("restores_ties"), or ""
  std::string label_en;     // short English label for diagrams ("cuts ties with")
  std::string label_de;     // short German label ("bricht Beziehungen ab zu")
  std::string description;  // one sentence for the docs
};

class RelationVocabulary {
 public:
  // Loads and validates a vocabulary file. Errors (InvalidArgument) name the
  // file and the offending entry: missing field, duplicate name, unknown
  // opposite, opposite that does not point back, goldstein out of range.
  static Result<RelationVocabulary> LoadFile(const std::string& path);
  // Same, from a JSON text; `source_name` is used in error messages.
  static Result<RelationVocabulary> Parse(std::string_view json, std::string_view source_name);

  // nullptr if there is no relation of that name.
  const RelationType* Find(std::string_view name) const;
  const std::vector<RelationType>& types() const { return types_; }
  // The vocabulary file's version string.
  const std::string& version() const { return version_; }

 private:
  std::vector<RelationType> types_;
  std::map<std::string, size_t, std::less<>> by_name_;
  std::string version_;
};

// One entity of the catalog with its names in every language.
struct EntityRecord {
  std::string id;    // "RUS", "DPR", "UN"
  std::string name;  // canonical English name
  EntityKind kind = EntityKind::kState;
  // lang -> proper names and short forms ("Russland", "Russische Föderation").
  std::map<std::string, std::vector<std::string>> names;
  // lang -> adjective / demonym stems ("russisch" in "de", "Russian" in "en").
  std::map<std::string, std::vector<std::string>> adjectives;
  // lang -> capitals and seats of power used as metonyms ("Moskau", "Kreml").
  std::map<std::string, std::vector<std::string>> metonyms;
  // lang -> plural nouns for its people, used as actors ("Russians", "Russen").
  std::map<std::string, std::vector<std::string>> demonyms;
  std::vector<std::string> codes;  // other codes that denote it (CAMEO "RUS", ISO alpha-2 "RU")
};

// A person who holds or held an office that stands for an entity.
struct PersonRecord {
  std::string name;                                        // "Vladimir Putin"
  std::map<std::string, std::vector<std::string>> names;   // lang -> forms ("Wladimir Putin", "Putin")
  struct Role {
    std::string entity;  // entity id the office stands for
    std::string role;    // "head_of_state", "head_of_government", "foreign_minister", ...
    std::string from;    // ISO date the office began ("" if unknown)
    std::string to;      // ISO date it ended ("" while held)
  };
  std::vector<Role> roles;
};

class EntityCatalog {
 public:
  // Loads every *.json file of `dir` (entities and people) and validates
  // them: unique ids, known kinds, people's roles pointing at known
  // entities, well-formed dates. Errors name the file and the entry.
  static Result<EntityCatalog> LoadDir(const std::string& dir);

  const std::vector<EntityRecord>& entities() const { return entities_; }
  const std::vector<PersonRecord>& people() const { return people_; }

  // nullptr if no entity has that id (or that code, see EntityRecord::codes).
  const EntityRecord* FindById(std::string_view id) const;

  // Resolves a name a user typed (any language, any alias, adjective,
  // demonym, metonym, id or code; case and diacritics ignored) to an entity.
  // A person's name form resolves to the entity of the office they hold now,
  // or else held last. NotFound lists the nearest names ("did you mean: ...").
  Result<const EntityRecord*> Resolve(std::string_view name) const;

  // Up to `k` known names closest to `name` by edit distance on the lookup
  // key, one per entity, closest first, each as spelled in the catalog and
  // followed by the entity id: "Nordkorea (PRK)".
  std::vector<std::string> NearestNames(std::string_view name, size_t k) const;

  // Every person one of whose name forms has the lookup key of `name`
  // ("Putin", "Wladimir Putin"); empty if none. Several people may share a
  // form ("Kim"): RoleOn picks the one in office on a date.
  std::vector<const PersonRecord*> FindPeople(std::string_view name) const;

  // The role `person` held on `date` (ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY":
  // a role counts if it overlaps that day, month or year); with an empty
  // `date`, a role still held (empty "to"). Among several, the one that began
  // last. nullptr if none.
  static const PersonRecord::Role* RoleOn(const PersonRecord& person, std::string_view date);

 private:
  std::vector<EntityRecord> entities_;
  std::vector<PersonRecord> people_;
  std::map<std::string, size_t, std::less<>> by_id_;   // id and codes -> index
  std::map<std::string, size_t, std::less<>> by_key_;  // NormalizeKey(name) -> index
  std::multimap<std::string, size_t, std::less<>> people_by_key_;  // NormalizeKey(form) -> person
  std::map<std::string, std::string, std::less<>> spelling_;  // key -> first name spelled so
};

// The lookup key for names: Unicode case-folded, diacritics removed
// ("Pjöngjang" -> "pjongjang"), ß -> ss, runs of space and punctuation
// folded to one space, trimmed.
std::string NormalizeKey(std::string_view text);

}  // namespace geokg
