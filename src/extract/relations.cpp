#include "relations.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "mentions.h"

namespace geokg::extract {

namespace {

using rapidjson::Value;
using KeySet = std::set<std::string, std::less<>>;

// A pattern's `requires`/`excludes`: single words, and phrases of several
// words ("air defence") that match consecutive words (hyphens skipped).
struct WordList {
  KeySet words;
  std::vector<std::vector<std::string>> phrases;
  bool empty() const { return words.empty() && phrases.empty(); }
};

// The relation an act becomes under a lexicon threat cue ("threatened to attack").
const std::string kThreatRelation = "threatens";

// A lexicon word list holds the token's key (through the hash Tokenize computed).
bool In(const WordSet& set, const Token& t) { return set.contains(t.key, t.key_hash); }

// ------------------------------------------------------------------ patterns

enum class PatternKind { kVerb, kNoun };
enum class ObjectMode { kRequired, kAdjacent, kNone };
enum class SubjectMode { kClause, kModifier, kModifierOrClause };
enum class FormKind { kPlain, kSplit, kParticiple, kAttributive };

struct Pattern {
  std::string id;
  std::string relation;
  PatternKind kind = PatternKind::kVerb;
  std::string particle;  // key of the separable particle for split forms
  WordList requires_words, excludes_words;
  KeySet implicit_object_verbs;
  size_t window = 8;
  std::vector<std::string> object_preps{""};  // "" = direct object
  std::vector<std::string> subject_preps;     // nominal: "by X", "durch X"
  std::vector<std::string>
      agent_preps;  // passive agents besides "by"/"von" ("ins Außenministerium einbestellt")
  // Verbs: a state named as the place of the act is the object when there is
  // no other ("killed 12 people in Lebanon").
  std::vector<std::string> place_preps;
  ObjectMode object = ObjectMode::kRequired;
  SubjectMode subject = SubjectMode::kClause;
  double confidence = 0.9;
  bool symmetric = false;
  bool reciprocal = false;  // holds both ways: "India and Pakistan exchanged fire"
  bool no_reciprocal =
      false;  // symmetric, yet two subjects alone do not make it ("X and Y hosted talks")
  bool adjective_object = false;     // "condemned the Russian invasion" -> object RUS
  std::optional<Modality> modality;  // fixed by the cue itself ("applied for membership": intended)
  std::set<EntityKind> object_kinds;  // empty: any kind
};

struct Form {
  size_t pattern;
  std::vector<std::string> keys;
  FormKind kind;
};

struct LanguageModel {
  std::shared_ptr<const Lexicon> lexicon;
  std::unique_ptr<MentionFinder> finder;
  std::vector<Pattern> patterns;
  // Forms by HashKey of their first key, looked up per token with the token's hash
  // (collisions are harmless: every key of a form is compared).
  std::unordered_map<uint64_t, std::vector<Form>> forms_by_first_key;
};

Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status PatternError(const std::string& source, size_t index, const std::string& id,
                    const std::string& msg) {
  std::string s = source + ": pattern #" + std::to_string(index + 1);
  if (!id.empty()) s += " \"" + id + "\"";
  return Status::InvalidArgument(s + ": " + msg);
}

bool ReadPhrases(const Value& v, const char* key, std::vector<std::vector<std::string>>* out,
                 std::string* err) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd()) return true;
  if (!it->value.IsArray()) {
    *err = std::string("\"") + key + "\" must be a list of strings";
    return false;
  }
  for (auto& s : it->value.GetArray()) {
    if (!s.IsString() || PhraseKeys(s.GetString()).empty()) {
      *err = std::string("\"") + key + "\" must hold non-empty phrases";
      return false;
    }
    out->push_back(PhraseKeys(s.GetString()));
  }
  return true;
}

bool ReadWords(const Value& v, const char* key, KeySet* out, std::string* err) {
  std::vector<std::vector<std::string>> phrases;
  if (!ReadPhrases(v, key, &phrases, err)) return false;
  for (auto& p : phrases) {
    if (p.size() != 1) {
      *err = std::string("\"") + key + "\" entries must be single words";
      return false;
    }
    out->insert(p[0]);
  }
  return true;
}

// Sets *out to the choice that string member `key` of `v` names; false if
// it names none of them (an absent member leaves *out as it is).
template <typename E>
bool ReadChoice(const Value& v, const char* key,
                std::initializer_list<std::pair<const char*, E>> choices, E* out) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd()) return true;
  if (!it->value.IsString()) return false;
  const std::string_view name(it->value.GetString(), it->value.GetStringLength());
  for (const auto& [choice, value] : choices) {
    if (name == choice) {
      *out = value;
      return true;
    }
  }
  return false;
}

bool ReadWordList(const Value& v, const char* key, WordList* out, std::string* err) {
  std::vector<std::vector<std::string>> phrases;
  if (!ReadPhrases(v, key, &phrases, err)) return false;
  for (auto& p : phrases) {
    if (p.size() == 1) {
      out->words.insert(p[0]);
    } else {
      out->phrases.push_back(std::move(p));
    }
  }
  return true;
}

Status LoadPatterns(const std::string& path, const RelationVocabulary& vocab, LanguageModel* lm) {
  auto text = ReadText(path);
  if (!text.ok()) return text.status();
  rapidjson::Document d;
  d.Parse(text->data(), text->size());
  if (d.HasParseError()) {
    size_t off = std::min(d.GetErrorOffset(), text->size());
    size_t line = 1 + std::count(text->begin(), text->begin() + off, '\n');
    return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " +
                                   rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) return Status::InvalidArgument(path + ": not a JSON object");
  auto lang = d.FindMember("lang");
  if (lang == d.MemberEnd() || !lang->value.IsString() ||
      lang->value.GetString() != lm->lexicon->lang) {
    return Status::InvalidArgument(path + ": \"lang\" must be \"" + lm->lexicon->lang + "\"");
  }
  auto list = d.FindMember("patterns");
  if (list == d.MemberEnd() || !list->value.IsArray()) {
    return Status::InvalidArgument(path + ": missing \"patterns\" list");
  }
  const Lexicon& lex = *lm->lexicon;
  std::set<std::string> ids;
  size_t index = 0;
  for (auto& v : list->value.GetArray()) {
    Pattern p;
    std::string err;
    if (!v.IsObject()) return PatternError(path, index, "", "must be an object");
    if (auto it = v.FindMember("id"); it != v.MemberEnd() && it->value.IsString()) {
      p.id = it->value.GetString();
    }
    if (p.id.empty()) return PatternError(path, index, "", "missing \"id\"");
    if (!ids.insert(p.id).second) return PatternError(path, index, p.id, "duplicate id");
    auto rel = v.FindMember("relation");
    if (rel == v.MemberEnd() || !rel->value.IsString()) {
      return PatternError(path, index, p.id, "missing \"relation\"");
    }
    p.relation = rel->value.GetString();
    const RelationType* type = vocab.Find(p.relation);
    if (type == nullptr) {
      return PatternError(path, index, p.id, "unknown relation \"" + p.relation + "\"");
    }
    p.symmetric = type->symmetric;
    std::string kind = "verb";
    if (auto it = v.FindMember("kind"); it != v.MemberEnd() && it->value.IsString()) {
      kind = it->value.GetString();
    }
    if (kind == "verb") {
      p.kind = PatternKind::kVerb;
    } else if (kind == "noun") {
      p.kind = PatternKind::kNoun;
      p.subject = SubjectMode::kModifier;
    } else {
      return PatternError(path, index, p.id, "\"kind\" must be \"verb\" or \"noun\"");
    }
    if (auto it = v.FindMember("particle"); it != v.MemberEnd()) {
      if (!it->value.IsString() || PhraseKeys(it->value.GetString()).size() != 1) {
        return PatternError(path, index, p.id, "\"particle\" must be one word");
      }
      p.particle = PhraseKeys(it->value.GetString())[0];
    }
    std::vector<std::vector<std::string>> cues, split, participles;
    if (!ReadPhrases(v, "cues", &cues, &err) || !ReadPhrases(v, "split_cues", &split, &err) ||
        !ReadPhrases(v, "participles", &participles, &err) ||
        !ReadWordList(v, "requires", &p.requires_words, &err) ||
        !ReadWordList(v, "excludes", &p.excludes_words, &err) ||
        !ReadWords(v, "implicit_object_verbs", &p.implicit_object_verbs, &err)) {
      return PatternError(path, index, p.id, err);
    }
    if (cues.empty() && split.empty() && participles.empty()) {
      return PatternError(path, index, p.id, "needs \"cues\", \"split_cues\" or \"participles\"");
    }
    if (!split.empty() && p.particle.empty()) {
      return PatternError(path, index, p.id, "\"split_cues\" need a \"particle\"");
    }
    for (auto [key, out] :
         {std::pair{"object_preps", &p.object_preps}, std::pair{"subject_preps", &p.subject_preps},
          std::pair{"agent_preps", &p.agent_preps}, std::pair{"place_preps", &p.place_preps}}) {
      auto it = v.FindMember(key);
      if (it == v.MemberEnd()) continue;
      if (!it->value.IsArray())
        return PatternError(path, index, p.id, std::string(key) + " must be a list");
      out->clear();
      for (auto& s : it->value.GetArray()) {
        if (!s.IsString())
          return PatternError(path, index, p.id, std::string(key) + " must hold strings");
        std::string word = s.GetString();
        if (word.empty()) {
          out->push_back("");
          continue;
        }
        auto keys = PhraseKeys(word);
        if (keys.size() != 1 || !lex.prepositions.count(keys[0])) {
          return PatternError(path, index, p.id,
                              std::string(key) + ": \"" + word +
                                  "\" is not a preposition of the lexicon (add it to "
                                  "\"prepositions\" in data/lang/" +
                                  lex.lang + ".json)");
        }
        out->push_back(keys[0]);
      }
    }
    if (!p.place_preps.empty() &&
        (p.kind != PatternKind::kVerb ||
         std::find(p.place_preps.begin(), p.place_preps.end(), "") != p.place_preps.end())) {
      return PatternError(path, index, p.id,
                          "\"place_preps\" need a verb pattern and prepositions");
    }
    if (p.kind == PatternKind::kNoun && v.FindMember("subject_preps") == v.MemberEnd()) {
      // Default agent phrase of a noun: "durch Russland", "by Russia".
      for (const auto& prep : lex.agent_prepositions) {
        if (std::find(p.object_preps.begin(), p.object_preps.end(), prep) == p.object_preps.end()) {
          p.subject_preps.push_back(prep);
        }
      }
    }
    if (!ReadChoice(
            v, "object",
            {std::pair{"required", ObjectMode::kRequired},
             std::pair{"adjacent", ObjectMode::kAdjacent}, std::pair{"none", ObjectMode::kNone}},
            &p.object)) {
      return PatternError(path, index, p.id, "\"object\" must be required, adjacent or none");
    }
    if (auto it = v.FindMember("reciprocal"); it != v.MemberEnd()) {
      if (!it->value.IsBool())
        return PatternError(path, index, p.id, "\"reciprocal\" must be true or false");
      p.reciprocal = it->value.GetBool();
      p.no_reciprocal = !p.reciprocal;
    }
    if (p.object == ObjectMode::kNone && !p.symmetric && !p.reciprocal) {
      return PatternError(path, index, p.id,
                          "\"object\": \"none\" needs a symmetric relation or \"reciprocal\"");
    }
    if (!ReadChoice(v, "subject",
                    {std::pair{"clause", SubjectMode::kClause},
                     std::pair{"modifier", SubjectMode::kModifier},
                     std::pair{"modifier_or_clause", SubjectMode::kModifierOrClause}},
                    &p.subject)) {
      return PatternError(path, index, p.id,
                          "\"subject\" must be clause, modifier or modifier_or_clause");
    }
    if (auto it = v.FindMember("adjective_object"); it != v.MemberEnd()) {
      if (!it->value.IsBool())
        return PatternError(path, index, p.id, "\"adjective_object\" must be true or false");
      p.adjective_object = it->value.GetBool();
    }
    if (auto it = v.FindMember("modality"); it != v.MemberEnd()) {
      auto m = it->value.IsString() ? ParseModality(it->value.GetString()) : std::nullopt;
      if (!m || *m == Modality::kAsserted || *m == Modality::kReported) {
        return PatternError(path, index, p.id,
                            "\"modality\" must be future, intended, hypothetical or demanded");
      }
      p.modality = *m;
    }
    if (auto it = v.FindMember("object_kinds"); it != v.MemberEnd()) {
      if (!it->value.IsArray())
        return PatternError(path, index, p.id, "\"object_kinds\" must be a list");
      for (auto& k : it->value.GetArray()) {
        auto kind = k.IsString() ? ParseEntityKind(k.GetString()) : std::nullopt;
        if (!kind) return PatternError(path, index, p.id, "\"object_kinds\": unknown entity kind");
        p.object_kinds.insert(*kind);
      }
    }
    if (auto it = v.FindMember("window"); it != v.MemberEnd()) {
      if (!it->value.IsUint())
        return PatternError(path, index, p.id, "\"window\" must be a number");
      p.window = it->value.GetUint();
    }
    auto conf = v.FindMember("confidence");
    if (conf == v.MemberEnd() || !conf->value.IsNumber() || conf->value.GetDouble() <= 0 ||
        conf->value.GetDouble() > 1) {
      return PatternError(path, index, p.id, "needs a \"confidence\" in (0, 1]");
    }
    p.confidence = conf->value.GetDouble();
    size_t pi = lm->patterns.size();
    auto add = [&](std::vector<std::string> keys, FormKind fk) {
      std::string first = keys[0];
      lm->forms_by_first_key[HashKey(first)].push_back({pi, std::move(keys), fk});
    };
    for (auto& c : cues) add(c, FormKind::kPlain);
    for (auto& c : split) add(c, FormKind::kSplit);
    for (auto& c : participles) {
      add(c, FormKind::kParticiple);
      for (const auto& ending : lex.adjective_endings) {
        if (ending.empty()) continue;
        auto inflected = c;
        inflected.back() += ending;
        add(inflected, FormKind::kAttributive);
      }
    }
    lm->patterns.push_back(std::move(p));
    ++index;
  }
  return Status::OK();
}

// ------------------------------------------------------------------ clauses

enum class ClauseType { kMain, kRelative, kSubordinate, kComplement, kContinuation, kAttribution };

struct Clause {
  size_t begin = 0, end = 0;  // token range
  ClauseType type = ClauseType::kMain;
  int parent = -1;          // continuation: the main clause it continues
  int antecedent = -1;      // relative: mention index of the antecedent (subject)
  bool infinitive = false;  // "zu"/"to" clause after a comma
  bool apposition = false;  // ", ein Verbündeter der USA," describes the mention before
  bool claim = false;       // complement of a claim noun ("claims that ..."): not asserted
  std::string speaker;      // reported: the speaker's entity id (or "")
  bool reported = false;
};

struct Match {
  size_t pattern;
  size_t begin, end;  // cue token range
  FormKind kind;
};

// Relation candidates before deduplication.
struct Candidate {
  std::string subject, relation, object;
  Polarity polarity;
  Modality modality;
  double confidence;
  std::string speaker;
  size_t start, end;
};

}  // namespace

// ------------------------------------------------------------------ extractor

struct RelationExtractor::Impl {
  std::shared_ptr<const EntityCatalog> catalog;
  std::shared_ptr<const RelationVocabulary> vocab;
  std::map<std::string, LanguageModel, std::less<>> languages;

  std::vector<RawRelation> Run(const SentenceInput& in, DiscourseState* state) const;
};

RelationExtractor::RelationExtractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RelationExtractor::RelationExtractor(RelationExtractor&&) noexcept = default;
RelationExtractor& RelationExtractor::operator=(RelationExtractor&&) noexcept = default;
RelationExtractor::~RelationExtractor() = default;

Result<RelationExtractor> RelationExtractor::Load(const std::string& data_dir,
                                                  std::shared_ptr<const EntityCatalog> catalog,
                                                  std::shared_ptr<const RelationVocabulary> vocab) {
  namespace fs = std::filesystem;
  if (!catalog || !vocab)
    return Status::InvalidArgument("relation extractor needs a catalog and a vocabulary");
  auto impl = std::make_unique<Impl>();
  impl->catalog = catalog;
  impl->vocab = vocab;
  fs::path lang_dir = fs::path(data_dir) / "lang";
  fs::path pattern_dir = fs::path(data_dir) / "patterns";
  std::error_code ec;
  if (!fs::is_directory(pattern_dir, ec)) {
    return Status::NotFound("pattern directory " + pattern_dir.string() + " does not exist");
  }
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(pattern_dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& pattern_file : files) {
    std::string lang = pattern_file.stem().string();
    fs::path lex_file = lang_dir / (lang + ".json");
    auto lex = Lexicon::LoadFile(lex_file.string());
    if (!lex.ok()) return lex.status();
    if (lex->lang != lang) {
      return Status::InvalidArgument(lex_file.string() + ": \"lang\" must be \"" + lang + "\"");
    }
    if (!lex->threat_cues.empty() && vocab->Find(kThreatRelation) == nullptr) {
      return Status::InvalidArgument(lex_file.string() + ": \"threat_cues\" need the relation \"" +
                                     kThreatRelation + "\" in the vocabulary");
    }
    LanguageModel lm;
    lm.lexicon = std::make_shared<Lexicon>(std::move(*lex));
    auto finder = MentionFinder::Build(*catalog, *lm.lexicon);
    if (!finder.ok()) return finder.status();
    lm.finder = std::make_unique<MentionFinder>(std::move(*finder));
    Status s = LoadPatterns(pattern_file.string(), *vocab, &lm);
    if (!s.ok()) return s;
    impl->languages.emplace(lang, std::move(lm));
  }
  if (impl->languages.empty())
    return Status::NotFound("no pattern files in " + pattern_dir.string());
  return RelationExtractor(std::move(impl));
}

std::unique_ptr<DiscourseState> RelationExtractor::NewDiscourseState() const {
  return std::make_unique<DiscourseState>();
}

std::vector<RawRelation> RelationExtractor::Extract(const SentenceInput& sentence,
                                                    DiscourseState* state) const {
  return impl_->Run(sentence, state);
}

namespace {

// All the per-sentence analysis the matcher needs.
class SentenceAnalysis {
 public:
  SentenceAnalysis(const LanguageModel& lm, const EntityCatalog& catalog,
                   const std::vector<Token>& tokens, std::vector<Mention> mentions)
      : lm_(lm),
        lex_(*lm.lexicon),
        catalog_(catalog),
        tokens_(tokens),
        mentions_(std::move(mentions)) {
    mention_at_.assign(tokens_.size(), -1);
    for (size_t m = 0; m < mentions_.size(); ++m) {
      for (size_t t = mentions_[m].begin; t < mentions_[m].end; ++t)
        mention_at_[t] = static_cast<int>(m);
    }
    Segment();
  }

  std::vector<Candidate> Run() {
#ifdef GEOKG_RELATIONS_DEBUG
    for (const Clause& c : clauses_) {
      std::fprintf(stderr,
                   "  clause type=%d parent=%d ante=%d rep=%d spk=%s:", static_cast<int>(c.type),
                   c.parent, c.antecedent, c.reported, c.speaker.c_str());
      for (size_t i = c.begin; i < c.end; ++i) std::fprintf(stderr, " %s", tokens_[i].text.c_str());
      std::fprintf(stderr, "\n");
    }
    for (const Mention& m : mentions_) {
      std::fprintf(stderr, "  mention [%zu,%zu) %s type=%d actor=%d gov=%s gen=%d:", m.begin, m.end,
                   m.surface.c_str(), static_cast<int>(m.type), m.actor, m.gov_prep.c_str(),
                   m.genitive);
      for (const auto& e : m.entities) std::fprintf(stderr, " %s", e.c_str());
      std::fprintf(stderr, "\n");
    }
#endif
    std::vector<Match> matches = FindCues();
    std::vector<Candidate> out;
    for (const Match& m : matches) Apply(m, &out);
    return out;
  }

  const std::vector<Mention>& mentions() const { return mentions_; }

 private:
  // ---- segmentation
  void Segment() {
    Clause cur;
    cur.begin = 0;
    if (!tokens_.empty() && In(lex_.subordinators, tokens_[0])) cur.type = ClauseType::kSubordinate;
    int last_main = -1;
    auto close = [&](size_t end) {
      cur.end = end;
      if (cur.end > cur.begin) {
        clauses_.push_back(cur);
        if (cur.type == ClauseType::kMain || cur.type == ClauseType::kContinuation) {
          if (cur.type == ClauseType::kMain) last_main = static_cast<int>(clauses_.size()) - 1;
        }
      }
    };
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      bool boundary = t.key == ";" || t.key == ":" || t.key == "(" || t.key == ")" ||
                      t.text == "\u2013" || t.text == "\u2014";
      bool in_mention = mention_at_[i] >= 0;
      if (t.key == "," && !in_mention) {
        size_t n = i + 1;
        while (n < tokens_.size() && IsQuote(tokens_[n])) ++n;
        if (n >= tokens_.size()) break;
        bool prep_relative = In(lex_.prepositions, tokens_[n]) && n + 1 < tokens_.size() &&
                             In(lex_.relative_pronouns, tokens_[n + 1]) &&
                             !(n + 2 < tokens_.size() && mention_at_[n + 2] >= 0 &&
                               mentions_[mention_at_[n + 2]].begin == n + 2);
        if ((In(lex_.relative_pronouns, tokens_[n]) && !StartsMention(n + 1)) || prep_relative) {
          // ", die sich ... widersetzt": a relative clause; its antecedent is the
          // mention just before the comma.
          close(i);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = ClauseType::kRelative;
          if (!prep_relative && i > 0 && mention_at_[i - 1] >= 0)
            cur.antecedent = mention_at_[i - 1];
          size_t j = i;
          while (j > 0 && IsQuote(tokens_[j - 1])) --j;
          if (!prep_relative && j > 0 && mention_at_[j - 1] >= 0)
            cur.antecedent = mention_at_[j - 1];
          continue;
        }
        if (In(lex_.apposition_determiners, tokens_[n]) && i > 0 && mention_at_[i - 1] >= 0 &&
            mentions_[mention_at_[i - 1]].actor) {
          // "Pakistan, ein wichtiger Verbündeter der USA, hat ...": an apposition
          // describes its antecedent; it holds no relation of the clause.
          close(i);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = ClauseType::kRelative;
          cur.apposition = true;
          continue;
        }
        if (In(lex_.subordinators, tokens_[n])) {
          bool reporting = SegmentHasReporting(cur.begin, i);
          bool claim = i > cur.begin && In(lex_.claim_nouns, tokens_[i - 1]);
          close(i);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = reporting && !claim ? ClauseType::kComplement : ClauseType::kSubordinate;
          cur.claim = claim;
          continue;
        }
        if (In(lex_.clause_coordinators, tokens_[n])) {
          close(i);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = ClauseType::kMain;
          continue;
        }
        // A comma followed by a reporting verb: trailing attribution (", said X").
        if (StartsAttribution(n)) {
          close(i);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = ClauseType::kAttribution;
          continue;
        }
        // An infinitive after a relative clause depends on it ("Unternehmen,
        // denen vorgeworfen wird, Russland zu unterstützen").
        if (cur.type == ClauseType::kRelative && IsInfinitiveSegment(i + 1)) {
          close(i);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = ClauseType::kContinuation;
          cur.parent = static_cast<int>(clauses_.size()) - 1;
          cur.infinitive = true;
          continue;
        }
        if (cur.type == ClauseType::kRelative || cur.type == ClauseType::kSubordinate ||
            cur.type == ClauseType::kComplement) {
          bool reporting_before = SegmentHasReporting(cur.begin, i);
          close(i);
          ClauseType prev = cur.type;
          cur = Clause();
          cur.begin = i + 1;
          if (prev == ClauseType::kComplement || reporting_before) {
            cur.type = ClauseType::kMain;
          } else if (last_main >= 0) {
            cur.type = ClauseType::kContinuation;
            cur.parent = last_main;
          } else {
            cur.type = ClauseType::kMain;
          }
          continue;
        }
        // A comma after a reporting verb opens its complement
        // ("sagte am Montag, Russland werde ...").
        if (lex_.verb_second && SegmentHasReporting(cur.begin, i) && !StartsAttribution(n)) {
          close(i);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = ClauseType::kComplement;
          continue;
        }
        // Infinitive clause: ", sich aus der Ukraine zurückzuziehen", ", to ...".
        if (IsInfinitiveSegment(i + 1)) {
          close(i);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = ClauseType::kContinuation;
          cur.parent = clauses_.empty() ? -1 : static_cast<int>(clauses_.size()) - 1;
          cur.infinitive = true;
          continue;
        }
        continue;
      }
      if (boundary && !in_mention) {
        close(i);
        cur = Clause();
        cur.begin = i + 1;
        cur.type = ClauseType::kMain;
        continue;
      }
      // English: "claims that ...", "allegations that ...": what follows is claimed.
      if (!lex_.verb_second && t.key == "that" && i > cur.begin && mention_at_[i] < 0 &&
          In(lex_.claim_nouns, tokens_[i - 1])) {
        close(i);
        cur = Clause();
        cur.begin = i + 1;
        cur.type = ClauseType::kSubordinate;
        cur.claim = true;
        continue;
      }
      // English: a reporting verb followed by a clause without comma
      // ("Russia said on Monday it had ...", "said that ...").
      if (!lex_.verb_second && t.key == "that" && i > cur.begin &&
          SegmentHasReporting(cur.begin, i) && mention_at_[i] < 0) {
        close(i);
        cur = Clause();
        cur.begin = i + 1;
        cur.type = ClauseType::kComplement;
        continue;
      }
      if (!lex_.verb_second && In(lex_.reporting_verbs, t) && i + 1 < tokens_.size() &&
          cur.type != ClauseType::kAttribution &&
          !(StartsMention(i + 1) && mentions_[mention_at_[i + 1]].end < tokens_.size() &&
            tokens_[mentions_[mention_at_[i + 1]].end].key == "that")) {
        size_t n = i + 1;
        if (n < tokens_.size() && In(lex_.subordinators, tokens_[n])) ++n;
        if (n < tokens_.size() && tokens_[n].key != "," && tokens_[n].key != "." &&
            OpensComplement(n)) {
          close(i + 1);
          cur = Clause();
          cur.begin = i + 1;
          cur.type = ClauseType::kComplement;
          continue;
        }
      }
      // English subordinators without a comma ("... after it recognised ..."),
      // only when an actor or pronoun follows.
      if (!lex_.verb_second && In(lex_.subordinators, t) && i > cur.begin && t.key != "that" &&
          i + 1 < tokens_.size() &&
          (StartsMention(i + 1) || In(lex_.implicit_subject_pronouns, tokens_[i + 1]) ||
           (i + 2 < tokens_.size() && In(lex_.determiners, tokens_[i + 1]) &&
            StartsMention(i + 2)))) {
        close(i);
        cur = Clause();
        cur.begin = i;
        cur.type = ClauseType::kSubordinate;
        continue;
      }
    }
    close(tokens_.size());
    // Reported speech: complements take the speaker of the clause before;
    // a trailing attribution reports everything before it.
    for (size_t c = 0; c < clauses_.size(); ++c) {
      Clause& cl = clauses_[c];
      if (cl.type == ClauseType::kComplement && c > 0) {
        cl.reported = true;
        cl.speaker = FirstActorEntity(clauses_[c - 1]);
        // Nested complements keep the speaker of their parent.
      }
    }
    for (size_t c = 1; c < clauses_.size(); ++c) {
      if (clauses_[c].type == ClauseType::kRelative ||
          clauses_[c].type == ClauseType::kSubordinate ||
          clauses_[c].type == ClauseType::kContinuation) {
        if (clauses_[c - 1].reported && !clauses_[c].reported) {
          clauses_[c].reported = true;
          clauses_[c].speaker = clauses_[c - 1].speaker;
        }
      }
    }
    if (!clauses_.empty() && clauses_.back().type == ClauseType::kAttribution) {
      std::string speaker = AnyEntity(clauses_.back());
      for (size_t c = 0; c + 1 < clauses_.size(); ++c) {
        if (!clauses_[c].reported) {
          clauses_[c].reported = true;
          clauses_[c].speaker = speaker;
        }
      }
    }
    // "laut X", "according to X", "X zufolge".
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (!In(lex_.reporting_preps, tokens_[i])) continue;
      std::string speaker;
      if (i + 1 < tokens_.size() && mention_at_[i + 1] >= 0) {
        speaker = mentions_[mention_at_[i + 1]].entities[0];
      } else if (i + 2 < tokens_.size() && mention_at_[i + 2] >= 0) {
        speaker = mentions_[mention_at_[i + 2]].entities[0];
      } else if (i > 0 && mention_at_[i - 1] >= 0) {
        speaker = mentions_[mention_at_[i - 1]].entities[0];
      }
      for (Clause& cl : clauses_) {
        if (!cl.reported) {
          cl.reported = true;
          cl.speaker = speaker;
        }
      }
      break;
    }
  }

  bool StartsMention(size_t i) const {
    return i < tokens_.size() && mention_at_[i] >= 0 && mentions_[mention_at_[i]].begin == i;
  }

  bool SegmentHasReporting(size_t begin, size_t end) const {
    for (size_t i = begin; i < end && i < tokens_.size(); ++i) {
      if (In(lex_.reporting_verbs, tokens_[i])) return true;
    }
    return false;
  }

  bool StartsAttribution(size_t n) const {
    // ", said the ministry", ", berichteten die staatlichen Medien", ", Russia said."
    for (size_t i = n; i < tokens_.size() && i < n + 8; ++i) {
      if (tokens_[i].key == ",") return false;
      if (In(lex_.reporting_verbs, tokens_[i])) {
        for (size_t j = i + 1; j < tokens_.size(); ++j) {
          if (tokens_[j].key == "," || In(lex_.subordinators, tokens_[j])) return false;
        }
        return true;
      }
    }
    return false;
  }

  bool IsInfinitiveSegment(size_t begin) const {
    for (size_t i = begin; i < tokens_.size() && i < begin + 12; ++i) {
      const std::string& k = tokens_[i].key;
      if (k == "," || k == ".") return false;
      if (lex_.verb_second) {
        if (k == "zu" && i + 1 < tokens_.size() && tokens_[i + 1].word && !tokens_[i + 1].upper)
          return true;
        if (tokens_[i].word && !tokens_[i].upper && k.size() > 6 &&
            k.find("zu") != std::string::npos && (k.ends_with("en") || k.ends_with("ern")) &&
            i + 1 < tokens_.size() && !tokens_[i + 1].word) {
          // "zurückzuziehen", "anzuerkennen": particle + zu + verb at the end
          size_t pos = k.find("zu");
          if (pos > 1 && pos + 4 < k.size()) return true;
        }
      } else if (i == begin && k == "to") {
        return true;
      }
    }
    return false;
  }

  std::string FirstActorEntity(const Clause& cl) const {
    for (size_t i = cl.begin; i < cl.end; ++i) {
      if (mention_at_[i] < 0) continue;
      const Mention& m = mentions_[mention_at_[i]];
      if (m.actor && m.gov_prep.empty()) return m.entities[0];
    }
    return "";
  }

  std::string AnyEntity(const Clause& cl) const {
    for (size_t i = cl.begin; i < cl.end; ++i) {
      if (mention_at_[i] >= 0) return mentions_[mention_at_[i]].entities[0];
    }
    return "";
  }

  // ---- cues
  std::vector<Match> FindCues() const {
    std::vector<Match> out;
    // Every relation joins two different entities named in this sentence's
    // mentions (subjects, objects and speakers all come from them): with
    // fewer, no cue can yield one, so none is looked up.
    const std::string* one_entity = nullptr;
    bool two_entities = false;
    for (const Mention& m : mentions_) {
      for (const auto& id : m.entities) {
        if (one_entity == nullptr) one_entity = &id;
        two_entities = two_entities || id != *one_entity;
      }
    }
    if (!two_entities) return out;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      // A cue inside an entity mention is part of a name.
      if (!tokens_[i].word || mention_at_[i] >= 0) continue;
      auto it = lm_.forms_by_first_key.find(tokens_[i].key_hash);
      if (it == lm_.forms_by_first_key.end()) continue;
      // Per pattern the longest form; among equals attributive > participle > plain.
      std::map<size_t, Match> best;
      auto rank = [](FormKind k) {
        return k == FormKind::kAttributive  ? 3
               : k == FormKind::kParticiple ? 2
               : k == FormKind::kSplit      ? 1
                                            : 0;
      };
      for (const Form& f : it->second) {
        if (i + f.keys.size() > tokens_.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < f.keys.size(); ++k) {
          if (tokens_[i + k].key != f.keys[k]) ok = false;
        }
        if (!ok) continue;
        Match m{f.pattern, i, i + f.keys.size(), f.kind};
        auto b = best.find(f.pattern);
        if (b == best.end() || m.end > b->second.end ||
            (m.end == b->second.end && rank(m.kind) > rank(b->second.kind))) {
          best[f.pattern] = m;
        }
      }
      for (auto& [pattern, m] : best) out.push_back(m);
    }
    return out;
  }

  int ClauseOf(size_t token) const {
    for (size_t c = 0; c < clauses_.size(); ++c) {
      if (token >= clauses_[c].begin && token < clauses_[c].end) return static_cast<int>(c);
    }
    return -1;
  }

  // English: a threat verb governs a cue right after it ("threatened sanctions")
  // or through an infinitive ("threatened on Sunday to launch strikes").
  bool ThreatGoverns(size_t i, const Match& match) const {
    if (i >= match.begin || match.begin - i > 6) return false;
    if (match.begin - i <= 2) return true;
    for (size_t j = i + 1; j < match.begin; ++j) {
      if (tokens_[j].key == "to") return true;
    }
    return false;
  }

  // Does `phrase` start at token i (hyphens between its words skipped)?
  bool PhraseAt(size_t i, const std::vector<std::string>& phrase, size_t end) const {
    for (const auto& key : phrase) {
      while (i < end && tokens_[i].key == "-") ++i;
      if (i >= end || tokens_[i].key != key) return false;
      ++i;
    }
    return true;
  }

  bool HasWordNear(const Clause& cl, const Match& m, const WordList& list, size_t window) const {
    const KeySet& words = list.words;
    size_t lo = m.begin > window ? m.begin - window : 0;
    size_t hi = m.end + window;
    // A relative clause sees the clause of its antecedent ("eines Abkommens ...,
    // das ... unterzeichnet wurde").
    size_t start = std::max(lo, cl.begin);
    if (cl.type == ClauseType::kRelative) {
      int ci = ClauseOf(cl.begin);
      if (ci > 0) start = clauses_[ci - 1].begin;
    }
    for (size_t i = start; i < std::min(hi, cl.end); ++i) {
      const std::string& k = tokens_[i].key;
      if (words.count(k)) return true;
      for (const auto& phrase : list.phrases) {
        if (PhraseAt(i, phrase, std::min(hi, cl.end))) return true;
      }
      // German compounds: "Freihandelsabkommen" ends in "abkommen".
      if (lex_.verb_second) {
        for (const auto& w : words) {
          if (w.size() >= 5 && k.size() > w.size() && k.ends_with(w)) return true;
        }
      }
    }
    return false;
  }

  bool Oblique(const Mention& m) const {
    if (!lex_.verb_second) return false;
    if (m.head_begin != SIZE_MAX) return false;  // "der Präsident der Ukraine" heads itself
    size_t j = m.begin;
    while (j > 0) {
      const Token& t = tokens_[j - 1];
      if (In(lex_.oblique, t)) return true;
      // "Stellungen der palästinensischen Sicherheitskräfte": a genitive attribute.
      if ((t.key == "der" || t.key == "des") && j >= 2 && tokens_[j - 2].word &&
          tokens_[j - 2].upper && mention_at_[j - 2] < 0 && j - 2 > 0) {
        return true;
      }
      if (In(lex_.determiners, t) || (t.word && !t.upper) || IsQuote(t)) {
        --j;
        if (m.begin - j > 3) break;
        continue;
      }
      break;
    }
    return false;
  }

  // Mentions of a clause in order (indices into mentions_).
  std::vector<int> ClauseMentions(const Clause& cl) const {
    std::vector<int> out;
    for (size_t m = 0; m < mentions_.size(); ++m) {
      if (mentions_[m].begin >= cl.begin && mentions_[m].begin < cl.end)
        out.push_back(static_cast<int>(m));
    }
    return out;
  }

  // The clause's subject: en: the nearest free actor before `before`; de: the
  // first free nominative actor.
  int ClauseSubject(const Clause& cl, size_t before, const std::set<int>& exclude) const {
    int best = -1;
    if (!lex_.verb_second && before > 0 && before < tokens_.size() &&
        tokens_[before - 1].key == "to") {
      // "Ukraine's bid to join": the possessor is the subject of the infinitive.
      for (int mi : ClauseMentions(cl)) {
        if (mentions_[mi].end <= before) best = mi;
      }
      if (best >= 0 && mentions_[best].genitive && !exclude.count(best)) return best;
      best = -1;
    }
    bool infinitive = before > 0 && before < tokens_.size() && tokens_[before - 1].key == "to";
    // "congratulated Finland on joining": a gerund after a preposition takes the object as subject,
    // the mention right before the preposition ("firms accused of supplying": none).
    if (!lex_.verb_second && before > 0 && before < tokens_.size() &&
        tokens_[before].key.ends_with("ing") && In(lex_.prepositions, tokens_[before - 1]) &&
        !In(lex_.subordinators, tokens_[before - 1])) {
      int mi = before >= 2 ? mention_at_[before - 2] : -1;
      // "Finland was congratulated by Sweden on joining": a passive agent is not the
      // one joining; the clause subject is, found below.
      if (mi < 0 || !lex_.agent_prepositions.count(mentions_[mi].gov_prep)) {
        const bool ok = mi >= 0 && mentions_[mi].actor && !exclude.count(mi) &&
                        mentions_[mi].begin >= cl.begin && mentions_[mi].begin < cl.end;
        return ok ? mi : -1;
      }
      infinitive = true;
    }
    for (int mi : ClauseMentions(cl)) {
      const Mention& m = mentions_[mi];
      if (!m.actor || (!m.gov_prep.empty() && !SubordinatorSubject(m, before)) ||
          exclude.count(mi) || Oblique(m)) {
        continue;
      }
      if (lex_.verb_second) return mi;
      // English: "derecognised Taiwan ... after establishing": Taiwan is an
      // object, not the subject of what follows (except "urged Russia to ...").
      if (!infinitive && InObjectPosition(m)) continue;
      if (m.end <= before) best = mi;
    }
    return best;
  }

  // After an English reporting verb: does a clause start at `n` ("said Russia
  // would ...", "said on Monday it ...") or an object ("announced new sanctions")?
  bool OpensComplement(size_t n) const {
    const Token& t = tokens_[n];
    if (StartsMention(n) || t.upper || !t.word || In(lex_.implicit_subject_pronouns, t) ||
        In(lex_.prepositions, t) || In(lex_.subordinators, t)) {
      return true;
    }
    if (In(lex_.determiners, t)) {
      size_t j = n + 1;
      while (j < tokens_.size() && In(lex_.modifiers, tokens_[j])) ++j;
      return j < tokens_.size() && StartsMention(j);
    }
    return false;
  }

  // English "after Russia invaded", "before China had signed": the word that
  // looked like a preposition is a subordinator when the verb follows the mention.
  bool SubordinatorSubject(const Mention& m, size_t cue) const {
    if (lex_.verb_second || !lex_.subordinators.count(m.gov_prep) || m.end > cue ||
        cue - m.end > 2) {
      return false;
    }
    for (size_t j = m.end; j < cue; ++j) {
      const Token& t = tokens_[j];
      if (!t.word || t.upper || In(lex_.prepositions, t) || In(lex_.determiners, t)) return false;
    }
    return true;
  }

  bool InObjectPosition(const Mention& m) const {
    size_t j = m.begin;
    while (j > 0 && (In(lex_.determiners, tokens_[j - 1]) || In(lex_.modifiers, tokens_[j - 1])))
      --j;
    if (j == 0) return false;
    const Token& t = tokens_[j - 1];
    return t.word && !t.upper && !In(lex_.coordinators, t) && !In(lex_.subordinators, t) &&
           !In(lex_.clause_coordinators, t) && !In(lex_.relative_pronouns, t) &&
           !In(lex_.reporting_verbs, t) && !lex_.modality_cues.count(t.key) &&
           !In(lex_.negations, t) && !In(lex_.prepositions, t);
  }

  int FallbackSubject(const Clause& cl, bool* fallback) const {
    *fallback = true;
    if (cl.type == ClauseType::kRelative && cl.antecedent >= 0 && mentions_[cl.antecedent].actor) {
      return cl.antecedent;
    }
    if (cl.type == ClauseType::kContinuation && cl.parent >= 0) {
      const Clause& parent = clauses_[cl.parent];
      if (cl.infinitive) {
        // "X forderte Y auf, ... abzuziehen": the one asked is the subject.
        // Likewise "X warf Y vor, ... zu haben": the one accused.
        bool demand = false;
        for (size_t i = parent.begin; i < parent.end; ++i) {
          auto mc = lex_.modality_cues.find(tokens_[i].key);
          if (mc != lex_.modality_cues.end() && mc->second == "demanded") demand = true;
          if (In(lex_.accusation_cues, tokens_[i])) demand = true;
        }
        if (demand) {
          int last = -1;
          for (int mi : ClauseMentions(parent)) {
            if (mentions_[mi].actor && mentions_[mi].gov_prep.empty()) last = mi;
          }
          int first = ClauseSubject(parent, parent.end, {});
          if (last >= 0 && last != first) return last;
          return -1;
        }
      }
      int s = ClauseSubject(parent, parent.end, {});
      if (s >= 0) return s;
      if (parent.type == ClauseType::kRelative && parent.antecedent >= 0) return parent.antecedent;
    }
    return -1;
  }

  int MainSubject() const {
    for (const Clause& cl : clauses_) {
      if (cl.type != ClauseType::kMain) continue;
      int s = ClauseSubject(cl, cl.end, {});
      if (s >= 0) return s;
    }
    return -1;
  }

  bool KindAllowed(const Pattern& p, const Mention& m) const {
    if (p.object_kinds.empty()) return true;
    for (const auto& id : m.entities) {
      const EntityRecord* e = catalog_.FindById(id);
      if (e == nullptr || !p.object_kinds.count(e->kind)) return false;
    }
    return true;
  }

  // "killed 12 people in Lebanon": a state named as the place of an active
  // act, governed by one of the pattern's place_preps. English: after the cue,
  // which must take an object of its own first ("soldiers killed in Ukraine"
  // is a reduced passive); German: anywhere in the clause.
  int PlaceObject(const Pattern& p, const Clause& cl, const Match& match,
                  const std::set<int>& used) const {
    if (!lex_.verb_second) {
      size_t t = match.end;
      while (t < cl.end && In(lex_.determiners, tokens_[t])) ++t;
      bool own_object = t < cl.end && tokens_[t].word && mention_at_[t] < 0 &&
                        !In(lex_.prepositions, tokens_[t]) && !In(lex_.subordinators, tokens_[t]);
      // "killed at least 12 people"
      for (size_t n = t; n < cl.end && n < t + 3; ++n) {
        if (std::isdigit(static_cast<unsigned char>(tokens_[n].text[0]))) own_object = true;
      }
      if (!own_object) return -1;
    }
    for (int mi : ClauseMentions(cl)) {
      const Mention& m = mentions_[mi];
      if (used.count(mi) || !m.actor || m.entities.size() != 1) continue;
      if (std::find(p.place_preps.begin(), p.place_preps.end(), m.gov_prep) ==
          p.place_preps.end()) {
        continue;
      }
      if (!lex_.verb_second && m.begin < match.end) continue;
      const EntityRecord* e = catalog_.FindById(m.entities[0]);
      if (e == nullptr || (e->kind != EntityKind::kState && e->kind != EntityKind::kBreakaway)) {
        continue;
      }
      return mi;
    }
    return -1;
  }

  bool PrepAllowed(const Pattern& p, const Mention& m) const {
    return std::find(p.object_preps.begin(), p.object_preps.end(), m.gov_prep) !=
           p.object_preps.end();
  }

  // The adjective/genitive/name directly before a noun cue ("russische
  // Invasion", "Russia's invasion", "US-Sanktionen"); -1 if none. Sets
  // *possessive when a possessive pronoun stands there instead.
  int Modifier(const Match& m_cue, bool* possessive) const {
    *possessive = false;
    size_t j = m_cue.begin;
    size_t skipped = 0;
    while (j > 0 && skipped < 3) {
      const Token& t = tokens_[j - 1];
      if (mention_at_[j - 1] >= 0) {
        // German names modify a noun only as genitive or compound ("Russlands
        // Angriff", "US-Sanktionen"); "bei Belarus Protest" is not one.
        const Mention& m = mentions_[mention_at_[j - 1]];
        bool hyphen = j < m_cue.begin && tokens_[j].key == "-";
        if (lex_.verb_second && m.type != MentionType::kAdjective && !m.genitive && !hyphen)
          return -1;
        return mention_at_[j - 1];
      }
      if (In(lex_.possessives, t)) {
        *possessive = true;
        return -1;
      }
      if (t.key == "-" || IsQuote(t) ||
          (t.word && !t.upper && !In(lex_.determiners, t) && !In(lex_.prepositions, t) &&
           (lex_.verb_second || In(lex_.modifiers, t) || t.key.ends_with("scale")))) {
        --j;
        ++skipped;
        continue;
      }
      break;
    }
    return -1;
  }

  void Apply(const Match& match, std::vector<Candidate>* out) const {
    const Pattern& p = lm_.patterns[match.pattern];
    int ci = ClauseOf(match.begin);
    if (ci < 0) return;
    const Clause& cl = clauses_[ci];
    if (cl.type == ClauseType::kAttribution || cl.apposition) return;
    const Token& cue = tokens_[match.begin];
    // "the alliance's border": a possessor, not an event.
    if (match.end < tokens_.size() && tokens_[match.end].key == "'s") return;
    // "to protest the decision": an English infinitive, not the noun.
    if (!lex_.verb_second && p.kind == PatternKind::kNoun && match.begin > 0 &&
        tokens_[match.begin - 1].key == "to") {
      return;
    }
    if (lex_.verb_second) {
      // German capitalises nouns: "Angriff" is a noun cue, "griff ... an" a verb.
      bool sentence_start = match.begin == 0 || (match.begin == 1 && IsQuote(tokens_[0]));
      if (p.kind == PatternKind::kNoun && !cue.upper) return;
      if (p.kind == PatternKind::kVerb && cue.upper && !sentence_start) return;
    }
    if (!lex_.verb_second && p.kind == PatternKind::kVerb && match.kind == FormKind::kPlain &&
        match.begin > 0) {
      // "the attacks", "Russia's support", "Russian strikes": a noun, not a verb.
      const Token& prev = tokens_[match.begin - 1];
      int pm = mention_at_[match.begin - 1];
      if (lex_.determiners.count(prev.key) || lex_.possessives.count(prev.key) ||
          (pm >= 0 && (mentions_[pm].type == MentionType::kAdjective || mentions_[pm].genitive))) {
        return;
      }
    }
    // Separable verbs need their particle later in the clause, at its end.
    if (match.kind == FormKind::kSplit) {
      bool found = false;
      for (size_t i = match.end; i < cl.end; ++i) {
        if (tokens_[i].key == p.particle &&
            (i + 1 >= cl.end || !tokens_[i + 1].word || In(lex_.coordinators, tokens_[i + 1]))) {
          found = true;
        }
      }
      if (!found) return;
    }
    if (!p.requires_words.empty() && !HasWordNear(cl, match, p.requires_words, p.window)) return;
    if (!p.excludes_words.empty() && HasWordNear(cl, match, p.excludes_words, p.window)) return;

    double conf = p.confidence;
    std::vector<std::string> subjects, objects;
    const bool mutual =
        (p.symmetric && !p.no_reciprocal) || p.reciprocal;  // two coordinated subjects suffice
    bool reciprocal = false;
    bool discourse = false;
    std::set<int> used;

    auto take = [&](int mi, std::vector<std::string>* dst) {
      used.insert(mi);
      const Mention& m = mentions_[mi];
      if (m.discourse) discourse = true;
      *dst = m.entities;
    };
    // German: an adjective before the subject describes it, not the object
    // ("Britische Flugzeuge haben ... Iraker getötet").
    size_t adjective_from = 0;
    auto first_object = [&](size_t from, size_t to, bool adjacent) -> int {
      for (int mi : ClauseMentions(cl)) {
        const Mention& m = mentions_[mi];
        if (used.count(mi) || m.begin < from || m.begin >= to) continue;
        bool adjective_ok = p.adjective_object && (m.type == MentionType::kAdjective || m.genitive);
        if (!m.actor && !adjective_ok) continue;
        if (!m.actor && m.begin < adjective_from) continue;
        if (!KindAllowed(p, m)) continue;
        if (adjacent) {
          size_t gap = 0;
          for (size_t t = from; t < m.begin; ++t) {
            if (!In(lex_.determiners, tokens_[t])) ++gap;
          }
          if (gap > 0) return -1;
          // "called on China": the preposition belongs to the cue.
          if (m.gov_prep.empty() || (from == match.end && match.end > match.begin + 1 &&
                                     tokens_[match.end - 1].key == m.gov_prep)) {
            return mi;
          }
        }
        if (PrepAllowed(p, m)) return mi;
        if (adjacent) return -1;
      }
      return -1;
    };

    if (p.kind == PatternKind::kNoun) {
      bool possessive = false;
      int mod = Modifier(match, &possessive);
      if (mod >= 0) {
        take(mod, &subjects);
      } else {
        for (const std::string& prep : p.subject_preps) {
          for (int mi : ClauseMentions(cl)) {
            const Mention& m = mentions_[mi];
            if (m.begin >= match.end && m.begin <= match.end + 6 && m.gov_prep == prep && m.actor) {
              take(mi, &subjects);
              break;
            }
          }
          if (!subjects.empty()) break;
        }
      }
      if (subjects.empty() && possessive) {
        int s = MainSubject();
        if (s >= 0) {
          take(s, &subjects);
          conf = std::min(conf, 0.6);
        }
      }
      // Object: "of X", "der Ukraine", "gegen X", "zwischen X und Y".
      for (int mi : ClauseMentions(cl)) {
        const Mention& m = mentions_[mi];
        if (used.count(mi) || m.begin < match.end || m.begin > match.end + 6) continue;
        if (lex_.between_prepositions.count(m.gov_prep) && m.entities.size() >= 2 && mutual) {
          if (subjects.empty()) {
            subjects = m.entities;
            reciprocal = true;
          } else {
            objects = m.entities;
          }
          used.insert(mi);
          break;
        }
        bool direct =
            std::find(p.object_preps.begin(), p.object_preps.end(), "") != p.object_preps.end();
        // A prepositional object follows: the bare genitive is the subject.
        bool prep_object_follows = false;
        for (int mj : ClauseMentions(cl)) {
          const Mention& n = mentions_[mj];
          if (n.begin > m.begin && n.begin <= match.end + 8 && !n.gov_prep.empty() &&
              PrepAllowed(p, n)) {
            prep_object_follows = true;
          }
        }
        if (subjects.empty() && (!direct || prep_object_follows) && m.gov_prep.empty() &&
            (m.genitive || m.actor) && m.begin <= match.end + 3) {
          // "Beitritt Finnlands zur Nato", "Abzug der russischen Truppen aus ...".
          take(mi, &subjects);
          continue;
        }
        bool usable =
            m.actor || m.genitive || (p.adjective_object && m.type == MentionType::kAdjective);
        if (usable && PrepAllowed(p, m) && KindAllowed(p, m)) {
          take(mi, &objects);
          break;
        }
        if (m.actor && m.gov_prep.empty()) break;  // another argument's noun phrase
      }
      if (objects.empty() && lex_.verb_second) {
        // German puts prepositional objects before the noun too ("legte bei Belarus Protest ein").
        for (int mi : ClauseMentions(cl)) {
          const Mention& m = mentions_[mi];
          if (used.count(mi) || m.end > match.begin || m.end + 5 < match.begin) continue;
          if (m.actor && !m.gov_prep.empty() && PrepAllowed(p, m) && KindAllowed(p, m)) {
            take(mi, &objects);
            break;
          }
        }
      }
      if (subjects.empty() && p.subject == SubjectMode::kModifierOrClause) {
        int s = ClauseSubject(cl, match.begin, used);
        bool fb = false;
        if (s < 0) s = FallbackSubject(cl, &fb);
        if (s >= 0 && !used.count(s)) {
          take(s, &subjects);
          if (fb) conf = std::min(conf, 0.6);
        }
      }
      if (objects.empty() && !p.implicit_object_verbs.empty() && !subjects.empty()) {
        bool implicit = false;
        for (size_t i = cl.begin; i < cl.end; ++i) {
          if (p.implicit_object_verbs.count(tokens_[i].key)) implicit = true;
        }
        if (implicit) {
          int s = ClauseSubject(cl, match.begin, used);
          bool fb = false;
          if (s < 0) s = FallbackSubject(cl, &fb);
          if (s >= 0) {
            take(s, &objects);
            conf = std::min(conf, 0.6);
          }
        }
      }
      if (objects.empty() && mutual && subjects.size() >= 2 && !reciprocal) reciprocal = true;
      conf = std::min(conf, 0.7);
    } else {
      bool participle = match.kind == FormKind::kParticiple || match.kind == FormKind::kAttributive;
      // English "Finland was congratulated on ...": a past form listed as a cue is
      // a participle after a passive auxiliary ("was attacking" stays active).
      // "is allied with" (no direct object) stays a state, not a passive.
      bool direct_object =
          std::find(p.object_preps.begin(), p.object_preps.end(), "") != p.object_preps.end();
      if (!lex_.verb_second && match.kind == FormKind::kPlain && match.end == match.begin + 1 &&
          direct_object && !tokens_[match.begin].key.ends_with("ing")) {
        for (size_t i = match.begin > cl.begin + 2 ? match.begin - 2 : cl.begin; i < match.begin;
             ++i) {
          if (In(lex_.passive_auxiliaries, tokens_[i]) && mention_at_[i] < 0) participle = true;
        }
      }
      bool passive = false;
      int agent = -1;
      if (participle) {
        // Agent phrase "by X" / "von X" within the clause.
        for (int mi : ClauseMentions(cl)) {
          const Mention& m = mentions_[mi];
          bool agent_prep = lex_.agent_prepositions.count(m.gov_prep) ||
                            std::find(p.agent_preps.begin(), p.agent_preps.end(), m.gov_prep) !=
                                p.agent_preps.end();
          if (!m.actor || !agent_prep || m.gov_prep.empty()) continue;
          if (!lex_.verb_second && !(m.begin > match.end && m.begin <= match.end + 3)) continue;
          if (lex_.verb_second && m.end > match.begin) continue;
          agent = mi;
        }
        bool aux = false;
        if (lex_.verb_second) {
          for (size_t i = cl.begin; i < cl.end; ++i) {
            if (In(lex_.passive_auxiliaries, tokens_[i])) aux = true;
          }
        } else {
          for (size_t i = match.begin > 4 ? match.begin - 4 : 0; i < match.begin; ++i) {
            if (i >= cl.begin && In(lex_.passive_auxiliaries, tokens_[i])) aux = true;
          }
          if (agent >= 0) aux = true;  // "separatists backed by Russia"
          // "companies accused of helping Russia": a reduced relative clause, a
          // passive without auxiliary whose agent is not named.
          size_t b = match.begin;
          if (!aux && match.kind == FormKind::kParticiple && b > cl.begin &&
              mention_at_[b - 1] < 0 && tokens_[b - 1].word && !tokens_[b - 1].upper &&
              match.end < cl.end && In(lex_.prepositions, tokens_[match.end])) {
            return;
          }
        }
        // Attributive participle: "von Russland unterstützten Volksrepubliken",
        // "Russian-backed separatists".
        bool attributive = false;
        int attr_subject = -1;
        if (match.kind == FormKind::kAttributive ||
            (!lex_.verb_second && match.begin > 1 && tokens_[match.begin - 1].key == "-")) {
          size_t j = match.begin;
          while (j > 0 && (IsQuote(tokens_[j - 1]) || tokens_[j - 1].key == "-")) --j;
          if (j > 0 && mention_at_[j - 1] >= 0) {
            const Mention& m = mentions_[mention_at_[j - 1]];
            if (lex_.agent_prepositions.count(m.gov_prep) || m.type == MentionType::kAdjective ||
                !lex_.verb_second) {
              attributive = true;
              attr_subject = mention_at_[j - 1];
            }
          }
          if (!attributive && match.kind == FormKind::kAttributive) participle = false;
        }
        if (attributive) {
          take(attr_subject, &subjects);
          // The head noun follows: skip quotes and adjectives.
          size_t j = match.end;
          while (j < cl.end && j < match.end + 3 && mention_at_[j] < 0 &&
                 (IsQuote(tokens_[j]) || In(lex_.modifiers, tokens_[j]) ||
                  (lex_.verb_second && tokens_[j].word && !tokens_[j].upper))) {
            ++j;
          }
          if (j < tokens_.size() && mention_at_[j] >= 0 && mentions_[mention_at_[j]].actor) {
            take(mention_at_[j], &objects);
          }
          conf = std::min(conf, 0.6);
        } else if (aux && participle) {
          passive = true;
          if (agent >= 0) {
            take(agent, &subjects);
            int patient = ClauseSubject(cl, match.begin, used);
            if (patient < 0) {
              bool fb = false;
              patient = FallbackSubject(cl, &fb);
              if (fb) conf = std::min(conf, 0.6);
            }
            if (patient >= 0 && !used.count(patient)) take(patient, &objects);
            // Passive of a prepositional relation: object via its preposition.
            if (p.object_preps.size() && p.object_preps[0] != "") {
              objects.clear();
              int o = first_object(cl.begin, cl.end, false);
              if (o >= 0) take(o, &objects);
            }
          } else if (p.symmetric) {
            // "das bei seinem Treffen mit Putin unterzeichnet wurde": partner via
            // "mit", the other side via the possessive.
            int o = first_object(cl.begin, cl.end, false);
            bool poss = false;
            for (size_t i = cl.begin; i < cl.end; ++i) {
              if (In(lex_.possessives, tokens_[i])) poss = true;
            }
            if (o >= 0 && poss && !mentions_[o].gov_prep.empty()) {
              take(o, &objects);
              int s = MainSubject();
              if (s >= 0 && !used.count(s)) take(s, &subjects);
              conf = std::min(conf, 0.6);
            }
          }
          conf = std::min(conf, 0.8);
        }
      }
      if (!passive && subjects.empty() && objects.empty()) {
        // Active voice. An infinitive clause has no subject of its own
        // ("bestritt, Russland Raketen geliefert zu haben").
        int s = cl.infinitive ? -1 : ClauseSubject(cl, match.begin, used);
        bool fb = false;
        if (s < 0) {
          s = FallbackSubject(cl, &fb);
          if (s < 0 && cl.reported && !cl.speaker.empty()) {
            // "Russia said it had recognised ...": the pronoun is the speaker.
            for (size_t i = cl.begin; i < match.begin; ++i) {
              if (In(lex_.implicit_subject_pronouns, tokens_[i])) {
                subjects = {cl.speaker};
                fb = true;
                break;
              }
            }
          }
        }
        if (s >= 0) take(s, &subjects);
        if (fb) conf = std::min(conf, 0.7);
        if (p.object != ObjectMode::kNone) {
          int o = -1;
          if (lex_.verb_second) {
            if (s >= 0 && mentions_[s].begin >= cl.begin) adjective_from = mentions_[s].end;
            o = first_object(cl.begin, cl.end, false);
            if (p.object == ObjectMode::kAdjacent) o = first_object(match.end, cl.end, true);
          } else {
            o = first_object(match.end, cl.end, p.object == ObjectMode::kAdjacent);
          }
          if (o >= 0) take(o, &objects);
        }
        if (objects.empty() && !subjects.empty() && !p.place_preps.empty() &&
            match.kind != FormKind::kAttributive) {
          int o = PlaceObject(p, cl, match, used);
          if (o >= 0) {
            take(o, &objects);
            conf = std::min(conf, 0.6);
          }
        }
        if (objects.empty() && mutual && subjects.size() >= 2) reciprocal = true;
      }
    }
    if (subjects.empty()) return;
    if (objects.empty() && mutual && subjects.size() >= 2) reciprocal = true;
    if (objects.empty() && !reciprocal) return;
    if (discourse) {
      // "Iraq and Oman ... were thanked by both sides": a group that resolves to the
      // other participants themselves was resolved wrongly.
      for (const auto& e : subjects) {
        if (std::find(objects.begin(), objects.end(), e) != objects.end()) return;
      }
      conf = std::min(conf, 0.6);
    }

    // Polarity, modality, speaker.
    Polarity polarity = Polarity::kPositive;
    Modality modality = Modality::kAsserted;
    bool threat = false;  // "threatened to impose sanctions on X": a threat, not the act
    int accuser = -1;     // "accused Iran of supplying": the accuser reports the act
    auto scan = [&](size_t from, size_t to) {
      for (size_t i = from; i < to; ++i) {
        const std::string& k = tokens_[i].key;
        if (i >= match.begin && i < match.end) continue;  // the cue itself ("lehnte ... ab")
        if (In(lex_.negations, tokens_[i]) || In(lex_.negation_verbs, tokens_[i])) {
          // English negation binds the next verb ("did not recognise", "refused to
          // negotiate"); German negation stands anywhere in its clause.
          // A noun cue sits deeper in its phrase ("vetoed a new package of EU aid").
          size_t reach = p.kind == PatternKind::kNoun ? 8 : 4;
          if (lex_.verb_second || (i < match.begin && match.begin - i <= reach)) {
            polarity = Polarity::kNegative;
          }
        }
        auto mc = lex_.modality_cues.find(k);
        if (mc != lex_.modality_cues.end() && modality == Modality::kAsserted) {
          bool before = i < match.begin;
          // "wird anerkannt" is a passive, not a future.
          bool participle = match.kind == FormKind::kParticiple;
          if ((before || lex_.verb_second) && !(participle && mc->second == "future")) {
            modality = *ParseModality(mc->second);
            if (cl.reported && In(lex_.reported_future, tokens_[i])) modality = Modality::kFuture;
          }
        }
        if (In(lex_.demand_cues, tokens_[i]) && i < match.begin) modality = Modality::kDemanded;
        if (In(lex_.threat_cues, tokens_[i]) && (lex_.verb_second || ThreatGoverns(i, match))) {
          threat = true;
        }
        if (In(lex_.accusation_cues, tokens_[i]) && accuser < 0 &&
            (lex_.verb_second || i < match.begin)) {
          int ci = ClauseOf(i);
          accuser = ci < 0
                        ? -1
                        : ClauseSubject(clauses_[ci], lex_.verb_second ? clauses_[ci].end : i, {});
          if (accuser < 0) accuser = -2;  // an accusation without a named accuser
        }
      }
    };
    size_t scope_end = lex_.verb_second ? cl.end : match.begin;
    scan(cl.begin, scope_end);
    if (p.modality && modality == Modality::kAsserted) modality = *p.modality;
    if (!lex_.verb_second && p.kind == PatternKind::kNoun) {
      // "The meeting between Russia and Ukraine was cancelled."
      for (size_t i = match.end; i < cl.end && i < match.end + 8; ++i) {
        if (In(lex_.negation_verbs, tokens_[i]) && i > 0 &&
            In(lex_.passive_auxiliaries, tokens_[i - 1])) {
          polarity = Polarity::kNegative;
        }
      }
    }
    if (p.kind == PatternKind::kNoun && modality == Modality::kAsserted) {
      // "Verhandlungen über einen Truppenabzug", "talks on sanctions": a topic, not an event.
      size_t j = match.begin;
      while (j > cl.begin && (In(lex_.determiners, tokens_[j - 1]) || mention_at_[j - 1] >= 0 ||
                              tokens_[j - 1].key == "-" ||
                              (tokens_[j - 1].word && !tokens_[j - 1].upper &&
                               !In(lex_.prepositions, tokens_[j - 1])))) {
        --j;
        if (match.begin - j > 4) break;
      }
      if (j > cl.begin && In(lex_.topic_prepositions, tokens_[j - 1]))
        modality = Modality::kHypothetical;
    }
    if (cl.infinitive && cl.parent >= 0) {
      const Clause& parent = clauses_[cl.parent];
      scan(parent.begin, parent.end);
    }
    if (cl.claim && modality == Modality::kAsserted) modality = Modality::kHypothetical;
    // The threatened act is not reported as done; the threat is the relation.
    const std::string& relation = threat && !reciprocal ? kThreatRelation : p.relation;
    if (relation != p.relation) conf = std::min(conf, 0.7);
    if (threat && reciprocal)
      modality = Modality::kHypothetical;  // threatened each other: not done
    if (relation == "demands" || relation == kThreatRelation) {
      if (modality == Modality::kDemanded) modality = Modality::kAsserted;
    }
    std::string speaker;
    if (cl.reported) {
      speaker = cl.speaker;
      if (modality == Modality::kAsserted) modality = Modality::kReported;
    }
    // "Ukraine allegedly attacked": the actor is not its own accuser.
    if (accuser >= 0 && mentions_[accuser].entities == subjects) accuser = -2;
    if (accuser != -1 && modality == Modality::kAsserted) {
      modality = accuser >= 0 ? Modality::kReported : Modality::kHypothetical;
    }
    if (accuser >= 0 && (modality == Modality::kReported || modality == Modality::kHypothetical)) {
      speaker = mentions_[accuser].entities[0];
      conf = std::min(conf, 0.7);
    }

    auto emit = [&](const std::string& s, const std::string& o) {
      if (s == o || s.empty() || o.empty()) return;
      out->push_back({s, relation, o, polarity, modality, conf, speaker, tokens_[match.begin].start,
                      tokens_[match.end - 1].end});
    };
    // A symmetric relation is stored once per pair; a reciprocal pattern of a
    // directed relation ("clashed with") holds both ways.
    const bool both_ways = p.reciprocal && !p.symmetric && relation == p.relation;
    if (reciprocal && objects.empty()) {
      for (size_t a = 0; a < subjects.size(); ++a) {
        for (size_t b = a + 1; b < subjects.size(); ++b) {
          emit(subjects[a], subjects[b]);
          if (both_ways) emit(subjects[b], subjects[a]);
        }
      }
    } else {
      for (const auto& s : subjects) {
        for (const auto& o : objects) {
          emit(s, o);
          if (both_ways) emit(o, s);
        }
      }
    }
  }

  const LanguageModel& lm_;
  const Lexicon& lex_;
  const EntityCatalog& catalog_;
  const std::vector<Token>& tokens_;
  std::vector<Mention> mentions_;
  std::vector<int> mention_at_;
  std::vector<Clause> clauses_;
};

}  // namespace

std::vector<RawRelation> RelationExtractor::Impl::Run(const SentenceInput& in,
                                                      DiscourseState* state) const {
  auto lang_it = languages.find(in.lang);
  if (lang_it == languages.end()) return {};
  const LanguageModel& lm = lang_it->second;
  std::vector<Token> tokens = Tokenize(in.text);
  static const std::vector<std::string> kNone;
  std::vector<Mention> mentions =
      lm.finder->Find(tokens, in.doc_date, state ? state->recent_states : kNone);
  SentenceAnalysis analysis(lm, *catalog, tokens, mentions);
  std::vector<Candidate> candidates = analysis.Run();

  // One relation per (subject, relation, object, polarity): the most confident.
  std::vector<RawRelation> out;
  std::map<std::tuple<std::string, std::string, std::string, int>, size_t> index;
  for (const Candidate& c : candidates) {
    auto key = std::make_tuple(c.subject, c.relation, c.object, static_cast<int>(c.polarity));
    auto it = index.find(key);
    if (it != index.end()) {
      if (out[it->second].confidence < c.confidence) out[it->second].confidence = c.confidence;
      continue;
    }
    const EntityRecord* s = catalog->FindById(c.subject);
    const EntityRecord* o = catalog->FindById(c.object);
    if (s == nullptr || o == nullptr) continue;
    RawRelation r;
    r.subject = {s->id, s->name, s->kind};
    r.object = {o->id, o->name, o->kind};
    r.relation = c.relation;
    r.polarity = c.polarity;
    r.modality = c.modality;
    r.confidence = c.confidence;
    r.speaker = c.speaker;
    r.start = c.start;
    r.end = c.end;
    index.emplace(key, out.size());
    out.push_back(std::move(r));
  }
  if (state != nullptr) {
    const Lexicon& lex = *lm.lexicon;
    for (const Mention& m : analysis.mentions()) {
      // Only states named as actors or partners count for "both countries"
      // ("der Sieg über Japan" does not).
      if (m.discourse || !(m.gov_prep.empty() || lex.between_prepositions.count(m.gov_prep)))
        continue;
      for (const auto& id : m.entities) {
        const EntityRecord* e = catalog->FindById(id);
        if (e == nullptr || (e->kind != EntityKind::kState && e->kind != EntityKind::kBreakaway))
          continue;
        auto& recent = state->recent_states;
        recent.erase(std::remove(recent.begin(), recent.end(), id), recent.end());
        recent.push_back(id);
      }
    }
    if (state->recent_states.size() > 8) {
      state->recent_states.erase(state->recent_states.begin(), state->recent_states.end() - 8);
    }
  }
  return out;
}

}  // namespace geokg::extract
