// Evaluation: extracted triples against gold annotations (geokg eval).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include <rapidjson/document.h>

#include "geokg/extract.h"

#include "data_json.h"

namespace geokg {

namespace {

struct Tuple {
  std::string subject, relation, object, polarity;
  bool operator<(const Tuple& o) const {
    return std::tie(subject, relation, object, polarity) <
           std::tie(o.subject, o.relation, o.object, o.polarity);
  }
  // Gold entries may leave subject or object empty: they match anything.
  bool Matches(const Tuple& pred) const {
    return relation == pred.relation && polarity == pred.polarity &&
           (subject.empty() || subject == pred.subject) &&
           (object.empty() || object == pred.object);
  }
  std::string ToString() const {
    std::string s =
        (subject.empty() ? "*" : subject) + " " + relation + " " + (object.empty() ? "*" : object);
    if (polarity == "negative") s += " (negative)";
    return s;
  }
};

struct GoldDoc {
  ArticleInput article;
  std::set<Tuple> gold;
};

struct PloverAliases {
  std::map<std::string, std::string> aliases;
  std::string organisation_code = "IGO";
};

std::string Str(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  return it != obj.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

Result<PloverAliases> LoadPloverAliases(const std::string& path) {
  rapidjson::Document d;
  Status s = extract::util::LoadJsonObject(path, &d);
  if (!s.ok()) return s;
  PloverAliases a;
  auto al = d.FindMember("aliases");
  if (al == d.MemberEnd() || !al->value.IsObject()) {
    return Status::InvalidArgument(path + ": missing \"aliases\" object");
  }
  for (auto& kv : al->value.GetObject()) {
    if (!kv.value.IsString()) {
      return Status::InvalidArgument(path + ": alias \"" + kv.name.GetString() +
                                     "\" must map to a string");
    }
    a.aliases[kv.name.GetString()] = kv.value.GetString();
  }
  if (std::string code = Str(d, "organisation_code"); !code.empty()) a.organisation_code = code;
  return a;
}

std::string OneLine(const std::string& text) {
  std::string s = text.substr(0, 400);
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s + (text.size() > 400 ? " ..." : "");
}

}  // namespace

double EvalCounts::precision() const {
  return pred_tp + fp ? static_cast<double>(pred_tp) / static_cast<double>(pred_tp + fp) : 0.0;
}
double EvalCounts::recall() const {
  return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0.0;
}
double EvalCounts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

struct Evaluation::Impl {
  EvalOptions options;
  const RelationVocabulary* vocab = nullptr;
  const EntityCatalog* catalog = nullptr;
  PloverAliases aliases;
  std::vector<GoldDoc> docs;
  std::map<std::string, size_t> by_id;
  size_t skipped_lines = 0;
  std::map<std::string, std::vector<Triple>> predicted;
  std::map<std::string, std::string> doc_lang;

  bool plover() const { return options.format == GoldFormat::kPlover; }

  // The CAMEO actor code of the PLOVER gold ("USAGOV", "IGO", "JAP") as an
  // entity id: the first three letters, through the catalog's ids.
  std::string ActorFromCameo(const std::string& code) const {
    if (code.empty()) return "";
    std::string c3 = code.substr(0, 3);
    if (c3 == aliases.organisation_code) return c3;
    if (catalog != nullptr) {
      if (const EntityRecord* e = catalog->FindById(c3)) {
        return e->kind == EntityKind::kOrganisation ? aliases.organisation_code : e->id;
      }
    }
    return c3;
  }

  Result<std::string> ResolveName(const std::string& name) const {
    if (name.empty() || catalog == nullptr) return name;
    if (const EntityRecord* e = catalog->FindById(name)) return e->id;
    auto r = catalog->Resolve(name);
    if (!r.ok()) return r.status();
    return (*r)->id;
  }

  // One gold tuple of a line; an error message (without file and line) if unusable.
  Result<Tuple> GoldTuple(const rapidjson::Value& g) const {
    Tuple t;
    if (!g.IsObject()) return Status::InvalidArgument("a gold entry must be an object");
    if (plover()) {
      t.subject = ActorFromCameo(Str(g, "source"));
      t.object = ActorFromCameo(Str(g, "target"));
      t.relation = Str(g, "plover");
      if (auto a = aliases.aliases.find(t.relation); a != aliases.aliases.end()) {
        t.relation = a->second;
      }
      t.polarity = "positive";
      return t;
    }
    for (auto [field, out] : {std::pair{"subject", &t.subject}, std::pair{"object", &t.object}}) {
      auto id = ResolveName(Str(g, field));
      if (!id.ok())
        return Status::InvalidArgument(std::string(field) + ": " + id.status().message());
      *out = *id;
    }
    t.relation = Str(g, "relation");
    t.polarity = Str(g, "polarity").empty() ? "positive" : Str(g, "polarity");
    const RelationType* type = vocab->Find(t.relation);
    if (type == nullptr) return Status::InvalidArgument("unknown relation \"" + t.relation + "\"");
    if (type->symmetric && !t.object.empty() && t.object < t.subject)
      std::swap(t.subject, t.object);
    return t;
  }

  Tuple PredictedTuple(const Triple& t) const {
    Tuple p;
    if (plover()) {
      auto actor = [&](const EntityRef& r) {
        return r.kind == EntityKind::kOrganisation ? aliases.organisation_code : r.id;
      };
      p.subject = actor(t.subject);
      p.object = actor(t.object);
      p.relation = t.plover;
      // CAMEO codes an announced or intended act as "express intent to ..." (03x),
      // which PLOVER types AGREE: "will visit", "agreed to cooperate".
      if (t.modality == Modality::kFuture || t.modality == Modality::kIntended)
        p.relation = "AGREE";
      p.polarity = "positive";
      return p;
    }
    p.subject = t.subject.id;
    p.object = t.object.id;
    p.relation = t.relation;
    p.polarity = std::string(ToString(t.polarity));
    const RelationType* type = vocab->Find(t.relation);
    if (type != nullptr && type->symmetric && p.object < p.subject) std::swap(p.subject, p.object);
    return p;
  }

  void ScoreDocument(const GoldDoc& d, EvalReport* report) const;
};

Evaluation::Evaluation(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Evaluation::~Evaluation() = default;

Result<std::unique_ptr<Evaluation>> Evaluation::Open(
    const std::string& gold_path, const EvalOptions& options, const Extractor& extractor,
    const std::function<void(const std::string&)>& warn) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->vocab = &extractor.vocabulary();
  impl->catalog = extractor.catalog();
  if (impl->plover() && !options.plover_aliases.empty()) {
    auto a = LoadPloverAliases(options.plover_aliases);
    if (!a.ok()) return a.status();
    impl->aliases = std::move(*a);
  }
  std::ifstream in(gold_path, std::ios::binary);
  if (!in) return Status::IOError(gold_path + ": cannot open");
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = gold_path + ":" + std::to_string(line_no);
    rapidjson::Document v;
    v.Parse(line.data(), line.size());
    if (v.HasParseError() || !v.IsObject()) {
      warn(where + ": " +
           (v.HasParseError() ? "invalid JSON at column " + std::to_string(v.GetErrorOffset() + 1)
                              : std::string("not a JSON object")) +
           " (skipped)");
      ++impl->skipped_lines;
      continue;
    }
    GoldDoc d;
    d.article.id = Str(v, "id").empty() ? where : Str(v, "id");
    d.article.text = Str(v, "text");
    d.article.lang = Str(v, "lang");
    d.article.date = Str(v, "date");
    d.article.origin = where;
    auto list = v.FindMember(impl->plover() ? "gold" : "triples");
    bool line_ok = true;
    if (list != v.MemberEnd() && list->value.IsArray()) {
      for (auto& g : list->value.GetArray()) {
        auto t = impl->GoldTuple(g);
        if (!t.ok()) {
          warn(where + ": " + t.status().message() + " (line skipped)");
          line_ok = false;
          break;
        }
        if (!t->relation.empty()) d.gold.insert(std::move(*t));
      }
    }
    if (!line_ok) {
      ++impl->skipped_lines;
      continue;
    }
    impl->by_id[d.article.id] = impl->docs.size();
    impl->docs.push_back(std::move(d));
  }
  if (impl->docs.empty()) return Status::InvalidArgument(gold_path + ": no gold documents");
  return std::unique_ptr<Evaluation>(new Evaluation(std::move(impl)));
}

std::unique_ptr<DocumentReader> Evaluation::GoldTexts() const {
  class GoldReader : public DocumentReader {
   public:
    explicit GoldReader(const std::vector<GoldDoc>& d) : docs_(d) {}
    bool Next(ArticleInput* out) override {
      if (i_ >= docs_.size()) return false;
      *out = docs_[i_++].article;
      return true;
    }

   private:
    const std::vector<GoldDoc>& docs_;
    size_t i_ = 0;
  };
  return std::make_unique<GoldReader>(impl_->docs);
}

void Evaluation::Add(const ExtractedArticle& article) {
  if (!article.status.ok()) return;
  impl_->doc_lang[article.doc.id] = article.doc.lang;
  auto& list = impl_->predicted[article.doc.id];
  list.insert(list.end(), article.triples.begin(), article.triples.end());
}

void Evaluation::Impl::ScoreDocument(const GoldDoc& d, EvalReport* report) const {
  auto lang_it = doc_lang.find(d.article.id);
  std::string lang = lang_it != doc_lang.end() ? lang_it->second : d.article.lang;
  if (lang.empty()) lang = "?";
  // Each prediction is one tuple, or in PLOVER mode two for a symmetric
  // relation (PLOVER codes "A and B agreed" as A->B and B->A); `owner` ties a
  // tuple to its prediction, which is correct if any of its tuples matches.
  struct Pred {
    Tuple tuple;
    const Triple* triple;
    size_t owner;
  };
  std::vector<Pred> preds;
  std::set<Tuple> seen;
  size_t n_owners = 0;
  if (auto it = predicted.find(d.article.id); it != predicted.end()) {
    for (const auto& t : it->second) {
      if (plover() && t.polarity == Polarity::kNegative) continue;  // a negated event is no event
      // Neither is a possibility or a demand on someone else.
      if (plover() &&
          (t.modality == Modality::kHypothetical || t.modality == Modality::kDemanded)) {
        continue;
      }
      Tuple p = PredictedTuple(t);
      if (!seen.insert(p).second) continue;
      size_t owner = n_owners++;
      preds.push_back({p, &t, owner});
      const RelationType* type = vocab->Find(t.relation);
      if (plover() && type != nullptr && type->symmetric && p.subject != p.object) {
        Tuple mirror = p;
        std::swap(mirror.subject, mirror.object);
        if (seen.insert(mirror).second) preds.push_back({mirror, &t, owner});
      }
    }
  }
  std::vector<bool> used(preds.size(), false);
  std::vector<const Tuple*> gold_sorted;
  for (const auto& g : d.gold) gold_sorted.push_back(&g);
  std::stable_sort(gold_sorted.begin(), gold_sorted.end(), [](const Tuple* a, const Tuple* b) {
    return (!a->subject.empty() && !a->object.empty()) >
           (!b->subject.empty() && !b->object.empty());
  });
  for (const Tuple* g : gold_sorted) {
    bool hit = false;
    for (size_t k = 0; k < preds.size() && !hit; ++k) {
      if (!used[k] && g->Matches(preds[k].tuple)) {
        used[k] = true;
        hit = true;
      }
    }
    for (EvalCounts* c :
         {&report->overall, &report->by_type[g->relation], &report->by_lang[lang]}) {
      ++(hit ? c->tp : c->fn);
    }
    if (!hit)
      report->misses.push_back({d.article.id, lang, g->ToString(), OneLine(d.article.text)});
  }
  std::vector<bool> owner_hit(n_owners, false);
  for (size_t k = 0; k < preds.size(); ++k) {
    if (used[k]) owner_hit[preds[k].owner] = true;
  }
  for (size_t k = 0; k < preds.size(); ++k) {
    const Pred& p = preds[k];
    if (k > 0 && preds[k - 1].owner == p.owner) continue;  // the mirror of the one before
    bool hit = owner_hit[p.owner];
    for (EvalCounts* c :
         {&report->overall, &report->by_type[p.tuple.relation], &report->by_lang[lang]}) {
      ++(hit ? c->pred_tp : c->fp);
    }
    if (!hit) {
      report->false_alarms.push_back(
          {d.article.id, lang, p.tuple.ToString(), OneLine(p.triple->evidence.text)});
    }
  }
}

EvalReport Evaluation::Score() const {
  EvalReport report;
  report.documents = impl_->docs.size();
  report.skipped_lines = impl_->skipped_lines;
  for (const auto& d : impl_->docs) impl_->ScoreDocument(d, &report);
  return report;
}

}  // namespace geokg
