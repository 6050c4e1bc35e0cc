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
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/ontology.h"
#include "geokg/status.h"

namespace geokg::extract {

// 64-bit hash of a lexicon or catalog key. Tokens carry the hashes of
// their keys so that a sentence's lookups hash each token once.
inline uint64_t HashKey(std::string_view key) {
  const char* p = key.data();
  const size_t n = key.size();
  auto mix = [](uint64_t h, uint64_t w) {
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 31);
  };
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  if (n >= 8) {
    uint64_t w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::memcpy(&w, p + i, 8);
      h = mix(h, w);
    }
    if (i < n) {  // the last 8 bytes, overlapping
      std::memcpy(&w, p + n - 8, 8);
      h = mix(h, w);
    }
  } else if (n >= 4) {
    uint32_t a, b;  // first and last 4 bytes, overlapping
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    h = mix(h, a | uint64_t{b} << 32);
  } else if (n > 0) {
    h = mix(h, uint64_t{static_cast<unsigned char>(p[0])} |
                   uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
                   uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
  }
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  h ^= h >> 32;
  return h;
}

// A hash table from (context number, key) to a number, for the per-token
// lookups of the mention finder (context: a trie node; 0 for plain sets).
// Open addressing with small slots (most probes miss), keys apart; no
// allocation on lookup. Copyable.
class KeyTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  // The value of (ctx, key), whose HashKey is `hash`, or kNone.
  uint32_t Find(uint32_t ctx, std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return kNone;
    const size_t h0 = Slot0(ctx, hash);
    const size_t bit = (h0 >> 40) & filter_mask_;
    if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return kNone;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h0 & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.value == kNone) return kNone;
      if (s.hash == hash && s.ctx == ctx && keys_[i] == key) return s.value;
    }
  }
  // Adds (ctx, key) -> value unless present; returns the value stored.
  uint32_t Insert(uint32_t ctx, std::string_view key, uint32_t value);
  size_t size() const { return used_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t ctx = 0;
    uint32_t value = kNone;  // kNone: empty slot
  };
  static size_t Slot0(uint32_t ctx, uint64_t hash) {
    return static_cast<size_t>(hash ^ (uint64_t{ctx} * 0x9E3779B97F4A7C15ull));
  }
  std::vector<Slot> slots_;        // size a power of two, at most half full
  std::vector<std::string> keys_;  // the key of slots_[i]
  size_t used_ = 0;
  // One bit per entry (high bits of Slot0), 16 bits per slot: a small
  // array that stays in cache and rules out most absent keys.
  std::vector<uint64_t> filter_;
  size_t filter_mask_ = 0;
};

// A set of lexicon keys: iterates in sorted order like std::set (load code
// depends on it), answers count() by hashing.
class WordSet {
 public:
  using const_iterator = std::set<std::string, std::less<>>::const_iterator;
  // True if `key` was not yet in the set.
  bool insert(std::string key);
  size_t count(std::string_view key) const { return contains(key, HashKey(key)) ? 1 : 0; }
  bool contains(std::string_view key) const { return contains(key, HashKey(key)); }
  // `hash` must be HashKey(key).
  bool contains(std::string_view key, uint64_t hash) const {
    return !sorted_.empty() && index_.Find(0, key, hash) != KeyTable::kNone;
  }
  const_iterator begin() const { return sorted_.begin(); }
  const_iterator end() const { return sorted_.end(); }
  size_t size() const { return sorted_.size(); }
  bool empty() const { return sorted_.empty(); }

 private:
  std::set<std::string, std::less<>> sorted_;
  KeyTable index_;
};

struct Token {
  std::string text;            // surface form
  std::string key;             // lexicon key: case-folded word, diacritics kept; punctuation as is
  std::string name_key;        // catalog key: NormalizeKey of the word (diacritics removed)
  size_t start = 0;            // byte offset in the sentence
  size_t end = 0;              // one past the last byte
  bool word = false;           // letters or digits
  bool upper = false;          // first letter is upper case
  bool all_upper = false;      // every letter upper case (acronyms: "US", "U.S.")
  uint64_t key_hash = 0;       // HashKey(key), set by Tokenize
  uint64_t name_key_hash = 0;  // HashKey(name_key), set by Tokenize
};

// Splits `text` into word and punctuation tokens. "U.S." stays one token,
// English "'s" is split off ("Russia's" -> "Russia", "'s"); hyphens are tokens.
std::vector<Token> Tokenize(std::string_view text);

// A language's lexicon, loaded from data/lang/<lang>.json.
struct Lexicon {
  std::string lang;
  bool verb_second = false;                    // German-style V2 / verb-final clauses; false: SVO
  std::vector<std::string> adjective_endings;  // generated on adjective stems ("", "e", "en", ...)
  std::vector<std::string> genitive_suffixes;  // generated on names ("s": "Russlands")
  std::vector<std::string> noun_endings;       // generated on agent nouns ("en": "Präsidenten")
  size_t acronym_max_length = 4;               // all-caps names this short match case-sensitively
  WordSet determiners, prepositions, agent_prepositions, locative_prepositions,
      between_prepositions, coordinators, subordinators, relative_pronouns, clause_coordinators,
      passive_auxiliaries, negations, negation_verbs, possessives, implicit_subject_pronouns,
      oblique,                 // German determiners that mark a non-subject ("dem", "den")
      apposition_determiners,  // ", ein Verbündeter der USA," opens an apposition
      topic_prepositions,      // "Gespräche über einen Truppenabzug": the noun is a topic
      threat_cues,  // "threatened to attack X": the embedded relation becomes a threat
      claim_nouns,  // "claims that X attacked Y": the clause after them is not asserted
      reported_future,  // "said it would send": in reported speech a future, not a hypothesis
      accusation_cues,  // "accused Iran of supplying ...": the act is reported by the accuser
      non_actor_prefixes,  // "anti-Syria", "pro-Russian": the name is no actor or object
      seat_nouns,  // "die Regierung in Seoul", "the authorities in Kyiv": the place's state acts
      modifiers;  // English words skipped between a preposition and its noun ("eastern")
  std::map<std::string, std::string, std::less<>> modality_cues;  // key -> modality name
  WordSet reporting_verbs, reporting_preps, demand_cues;
  // Agent nouns as key sequences ("foreign ministry" -> {"foreign", "ministry"}).
  std::vector<std::vector<std::string>> agent_nouns;
  // Weapons and strikes that act for the state of an adjective before them when
  // the phrase is a clause subject or a passive agent ("Russian missiles hit",
  // "Israeli air strikes killed", "by Russian missiles"); key sequences.
  std::vector<std::vector<std::string>> instrument_nouns;
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
  bool actor = true;             // can fill an argument of a verb (adjectives alone cannot)
  bool discourse = false;        // resolved from discourse ("die beiden Länder")
  std::string gov_prep;          // key of the preposition governing it, "" if none
  bool genitive = false;         // German genitive name ("Russlands") or English "'s"
  std::string surface;           // the mention's text (for speakers)
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
    std::vector<Entry> entries;
  };
  // Longest trie match at token `i`; returns the end token and the entries.
  size_t MatchAt(const std::vector<Token>& tokens, size_t i, const std::vector<Entry>** out) const;
  void Add(const std::vector<std::string>& keys, Entry entry);
  std::string PersonEntity(size_t person, std::string_view date) const;

  std::vector<Node> nodes_;
  KeyTable edges_;  // (node, catalog key) -> child node
  const EntityCatalog* catalog_ = nullptr;
  std::shared_ptr<const Lexicon> lexicon_;
  std::vector<std::vector<std::string>> agent_forms_;  // agent nouns with endings
  std::vector<std::vector<std::string>> instrument_forms_;  // instrument nouns with endings
  // First keys of the multi-word forms scanned at every token (non-actor
  // expressions, group forms, agent forms): most tokens start none of them.
  WordSet non_actor_first_, group_first_, agent_first_, instrument_first_;
};

// Next non-punctuation helpers shared with relations.cpp.
bool IsQuote(const Token& t);

}  // namespace geokg::extract
