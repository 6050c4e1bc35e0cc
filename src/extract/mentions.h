#pragma once

// Entity mention recognition within one sentence (internal to src/extract).
//
// The sentence is tokenised with byte offsets; a token trie built from the
// entity catalog (names, metonyms, adjectives, people, per language) finds
// candidate mentions, which are then grown into actor phrases with the
// language's lexicon (data/lang/<lang>.json): adjective + agent noun
// ("die russische Regierung" -> RUS), headed noun phrases ("der russische
// Präsident Wladimir Putin" is one mention), group expressions ("die beiden
// Länder", "die Volksrepubliken") and coordination ("Russland und Syrien").
//
// Thread safety: a built MentionFinder is immutable; Find() is const.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geokg/ontology.h"
#include "geokg/status.h"

namespace geokg::extract {

struct Token {
  std::string text;  // surface form
  std::string key;       // lexicon key: case-folded word, diacritics kept; punctuation as is
  std::string name_key;  // catalog key: NormalizeKey of the word (diacritics removed)
  size_t start = 0;  // byte offset in the sentence
  size_t end = 0;    // one past the last byte
  bool word = false;       // letters or digits
  bool upper = false;      // first letter is upper case
  bool all_upper = false;  // every letter upper case (acronyms: "US", "U.S.")
};

// Splits `text` into word and punctuation tokens. "U.S." stays one token,
// English "'s" is split off ("Russia's" -> "Russia", "'s"); hyphens are tokens.
std::vector<Token> Tokenize(std::string_view text);

// A language's lexicon, loaded from data/lang/<lang>.json.
struct Lexicon {
  std::string lang;
  bool verb_second = false;  // German-style V2 / verb-final clauses; false: SVO
  std::vector<std::string> adjective_endings;  // generated on adjective stems ("", "e", "en", ...)
  std::vector<std::string> genitive_suffixes;  // generated on names ("s": "Russlands")
  std::vector<std::string> noun_endings;       // generated on agent nouns ("en": "Präsidenten")
  size_t acronym_max_length = 4;               // all-caps names this short match case-sensitively
  std::set<std::string, std::less<>> determiners, prepositions, agent_prepositions,
      locative_prepositions, between_prepositions, coordinators, subordinators,
      relative_pronouns, clause_coordinators, passive_auxiliaries, negations,
      negation_verbs, possessives, implicit_subject_pronouns,
      oblique,    // German determiners that mark a non-subject ("dem", "den")
      apposition_determiners,  // ", ein Verbündeter der USA," opens an apposition
      topic_prepositions,      // "Gespräche über einen Truppenabzug": the noun is a topic
      threat_cues,  // "threatened to attack X": the embedded relation becomes a threat
      claim_nouns,  // "claims that X attacked Y": the clause after them is not asserted
      reported_future,  // "said it would send": in reported speech a future, not a hypothesis
      accusation_cues,  // "accused Iran of supplying ...": the act is reported by the accuser
      modifiers;  // English words skipped between a preposition and its noun ("eastern")
  std::map<std::string, std::string, std::less<>> modality_cues;  // key -> modality name
  std::set<std::string, std::less<>> reporting_verbs, reporting_preps, demand_cues;
  // Agent nouns as key sequences ("foreign ministry" -> {"foreign", "ministry"}).
  std::vector<std::vector<std::string>> agent_nouns;
  struct Group {
    std::vector<std::vector<std::string>> forms;  // key sequences
    std::vector<std::string> members;             // fixed entity ids, or empty
    std::string resolve;                          // "last_two_states" or ""
  };
  std::vector<Group> groups;
  std::vector<std::vector<std::string>> non_actor_expressions;  // key sequences

  // Loads and validates one lexicon file; errors name the file and entry.
  static Result<Lexicon> LoadFile(const std::string& path);
};

// Lexicon key sequence of a phrase, tokenised like a sentence (words only).
std::vector<std::string> PhraseKeys(std::string_view phrase);
// Catalog key sequence of a name (NormalizeKey folding per word).
std::vector<std::string> NameKeys(std::string_view phrase);

enum class MentionType { kName, kMetonym, kAdjective, kPerson, kAgent, kGroup };

struct Mention {
  size_t begin = 0, end = 0;          // token range [begin, end)
  std::vector<std::string> entities;  // entity ids (two or more for groups and coordinations)
  MentionType type = MentionType::kName;
  bool actor = true;         // can fill an argument of a verb (adjectives alone cannot)
  bool discourse = false;    // resolved from discourse ("die beiden Länder")
  std::string gov_prep;      // key of the preposition governing it, "" if none
  bool genitive = false;     // German genitive name ("Russlands") or English "'s"
  std::string surface;       // the mention's text (for speakers)
  size_t head_begin = SIZE_MAX;  // agent noun heading a genitive ("Außenminister Indiens"), if any
};

class MentionFinder {
 public:
  // Builds the matcher for one language from the catalog and the lexicon.
  static Result<MentionFinder> Build(const EntityCatalog& catalog, const Lexicon& lexicon);

  // Mentions of `tokens` in order, non-overlapping, coordinated mentions
  // merged. `recent_states` (most recent last) resolves "both countries";
  // `date` (ISO, may be empty) picks people's roles.
  std::vector<Mention> Find(const std::vector<Token>& tokens, std::string_view date,
                            const std::vector<std::string>& recent_states) const;

  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  struct Entry {
    std::string entity;  // entity id; for people the person index as "#<n>"
    MentionType type;
    bool case_sensitive;  // short acronym: match upper case only
    bool genitive;
  };
  struct Node {
    std::unordered_map<std::string, size_t> next;
    std::vector<Entry> entries;
  };
  // Longest trie match at token `i`; returns the end token and the entries.
  size_t MatchAt(const std::vector<Token>& tokens, size_t i, const std::vector<Entry>** out) const;
  void Add(const std::vector<std::string>& keys, Entry entry);
  std::string PersonEntity(size_t person, std::string_view date) const;

  std::vector<Node> nodes_;
  const EntityCatalog* catalog_ = nullptr;
  std::shared_ptr<const Lexicon> lexicon_;
  std::vector<std::vector<std::string>> agent_forms_;  // agent nouns with endings
  // First keys of the multi-word forms scanned at every token (non-actor
  // expressions, group forms, agent forms): most tokens start none of them.
  std::unordered_set<std::string> non_actor_first_, group_first_, agent_first_;
};

// Next non-punctuation helpers shared with relations.cpp.
bool IsQuote(const Token& t);

}  // namespace geokg::extract
