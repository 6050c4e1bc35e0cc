#include "segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "data_json.h"
#include "text_util.h"

namespace geokg::extract {

using namespace util;  // NOLINT(google-build-using-namespace): private helpers

struct Segmenter::Impl {
  std::map<std::string, SegmentRules, std::less<>> rules;
  std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> sentence_proto;
  std::unique_ptr<icu::BreakIterator> word_proto;
};

struct Segmenter::Scratch::State {
  std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> sentence;
  std::unique_ptr<icu::BreakIterator> word;
  std::string buffer;
};

Segmenter::Scratch::Scratch() : state(std::make_unique<State>()) {}
Segmenter::Scratch::~Scratch() = default;

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

namespace {

// Loads a list into a set; returns "" or an error message.
std::string LoadSet(const rapidjson::Value& obj, const char* key,
                    std::set<std::string, std::less<>>* out, bool lower) {
  std::vector<std::string> list;
  std::string err = OptStringList(obj, key, &list);
  if (!err.empty()) return err;
  for (auto& s : list) {
    if (FindInvalidUtf8(s) != std::string_view::npos) {
      return std::string("\"") + key + "\": \"" + s + "\" is not valid UTF-8";
    }
    out->insert(lower ? ToLowerUtf8(s) : s);
  }
  return "";
}

bool IsOpener(unsigned char c) { return c == '(' || c == '"' || c == '\'' || c == '['; }

// Strips opening quotes/brackets (ASCII and „ “ « ‚) from the front of a token.
std::string_view StripOpeners(std::string_view tok) {
  for (;;) {
    if (!tok.empty() && IsOpener(static_cast<unsigned char>(tok[0]))) {
      tok.remove_prefix(1);
    } else if (tok.size() >= 3 &&
               (tok.substr(0, 3) == "\xE2\x80\x9E" || tok.substr(0, 3) == "\xE2\x80\x9C" ||
                tok.substr(0, 3) == "\xE2\x80\x9A")) {
      tok.remove_prefix(3);
    } else if (tok.size() >= 2 && tok.substr(0, 2) == "\xC2\xAB") {
      tok.remove_prefix(2);
    } else {
      return tok;
    }
  }
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// True if `tok` is one letter (any script) followed by nothing else.
bool IsSingleLetter(std::string_view tok) {
  if (tok.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(tok.data()), i, static_cast<int32_t>(tok.size()), c);
  return c >= 0 && u_isalpha(c) && static_cast<size_t>(i) == tok.size();
}

}  // namespace

Result<Segmenter> Segmenter::LoadDir(
    const std::string& dir, const std::map<std::string, std::vector<std::string>>& month_words) {
  auto files = ListJsonFiles(dir);
  if (!files.ok()) return files.status();
  Segmenter seg;
  UErrorCode status = U_ZERO_ERROR;
  seg.impl_->word_proto.reset(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    return Status::Unsupported(std::string("ICU word break iterator: ") + u_errorName(status));
  }
  for (const auto& path : *files) {
    rapidjson::Document d;
    Status s = LoadJsonObject(path, &d);
    if (!s.ok()) return s;
    SegmentRules rules;
    if (!OptString(d, "lang", &rules.lang) || rules.lang.size() != 2) {
      return Status::InvalidArgument(path + ": \"lang\" must be a two-letter language code");
    }
    if (seg.impl_->rules.count(rules.lang)) {
      return Status::InvalidArgument(path + ": language \"" + rules.lang + "\" defined twice");
    }
    std::string err;
    auto abbr = d.FindMember("abbreviations");
    if (abbr != d.MemberEnd()) {
      if (!abbr->value.IsObject()) {
        return Status::InvalidArgument(path + ": \"abbreviations\" must be an object");
      }
      if (err.empty()) err = LoadSet(abbr->value, "no_break", &rules.no_break, false);
      if (err.empty()) {
        err =
            LoadSet(abbr->value, "no_break_unless_starter", &rules.no_break_unless_starter, false);
      }
      for (const auto& a : rules.no_break) {
        if (err.empty() && a.back() != '.') err = "abbreviation \"" + a + "\" must end in '.'";
      }
      for (const auto& a : rules.no_break_unless_starter) {
        if (err.empty() && a.back() != '.') err = "abbreviation \"" + a + "\" must end in '.'";
      }
    }
    if (err.empty()) err = LoadSet(d, "sentence_starters", &rules.sentence_starters, false);
    if (err.empty()) err = LoadSet(d, "stopwords", &rules.stopwords, true);
    if (!err.empty()) return Status::InvalidArgument(path + ": " + err);
    auto sli = d.FindMember("single_letter_initials");
    if (sli != d.MemberEnd()) {
      if (!sli->value.IsBool()) {
        return Status::InvalidArgument(path + ": \"single_letter_initials\" must be true or false");
      }
      rules.single_letter_initials = sli->value.GetBool();
    }
    if (auto m = month_words.find(rules.lang); m != month_words.end()) {
      for (const auto& w : m->second) rules.month_words.insert(ToLowerUtf8(w));
    }
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale(rules.lang.c_str()), status));
    if (U_FAILURE(status)) {
      return Status::Unsupported(path + ": ICU sentence break iterator for \"" + rules.lang +
                                 "\": " + u_errorName(status));
    }
    seg.impl_->sentence_proto[rules.lang] = std::move(bi);
    seg.impl_->rules[rules.lang] = std::move(rules);
  }
  if (seg.impl_->rules.empty()) return Status::NotFound(dir + ": no segmentation files (*.json)");
  return seg;
}

std::unique_ptr<Segmenter::Scratch> Segmenter::NewScratch() const {
  auto scratch = std::make_unique<Scratch>();
  for (const auto& [lang, proto] : impl_->sentence_proto) {
    scratch->state->sentence[lang].reset(proto->clone());
  }
  scratch->state->word.reset(impl_->word_proto->clone());
  return scratch;
}

std::vector<std::string> Segmenter::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, r] : impl_->rules) out.push_back(lang);
  return out;
}

const SegmentRules* Segmenter::rules(std::string_view lang) const {
  auto it = impl_->rules.find(lang);
  return it == impl_->rules.end() ? nullptr : &it->second;
}

namespace {

// Should the ICU boundary at `b` of `buf` stay a sentence break?
bool KeepBreak(std::string_view buf, size_t b, const SegmentRules& rules) {
  size_t q = b;
  while (q > 0 && IsSpace(buf[q - 1])) --q;
  if (q == 0 || buf[q - 1] != '.') return true;
  size_t t = q;
  while (t > 0 && !IsSpace(buf[t - 1])) --t;
  std::string_view tok = StripOpeners(buf.substr(t, q - t));  // ends in '.'
  if (tok.size() < 2) return true;
  size_t n = b;
  while (n < buf.size() && IsSpace(buf[n])) ++n;
  size_t ne = n;
  while (ne < buf.size() && !IsSpace(buf[ne])) ++ne;
  std::string_view next = StripOpeners(buf.substr(n, ne - n));
  while (!next.empty() &&
         (next.back() == ',' || next.back() == '.' || next.back() == ';' || next.back() == ':')) {
    next.remove_suffix(1);
  }
  if (rules.no_break.count(tok)) return false;
  std::string_view stem = tok.substr(0, tok.size() - 1);
  if (rules.single_letter_initials && IsSingleLetter(stem)) return false;
  if (AllDigits(stem) && stem.size() <= 2 && !next.empty() &&
      rules.month_words.count(ToLowerUtf8(next))) {
    return false;
  }
  if (rules.no_break_unless_starter.count(tok)) {
    return !next.empty() && rules.sentence_starters.count(next) > 0;
  }
  return true;
}

bool HasAlnum(std::string_view s) {
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

}  // namespace

std::vector<ByteSpan> Segmenter::Sentences(std::string_view text,
                                           const std::vector<TextPiece>& pieces,
                                           std::string_view lang, Scratch* scratch) const {
  std::vector<ByteSpan> out;
  const SegmentRules* rules = this->rules(lang);
  auto bi_it = scratch->state->sentence.find(lang);
  if (rules == nullptr || bi_it == scratch->state->sentence.end()) return out;
  icu::BreakIterator* bi = bi_it->second.get();
  UText ut = UTEXT_INITIALIZER;
  size_t i = 0;
  while (i < pieces.size()) {
    // A paragraph: pieces joined by soft line ends.
    size_t j = i;
    while (j + 1 < pieces.size() && !pieces[j].hard_end) ++j;
    const size_t ps = pieces[i].start, pe = pieces[j].end;
    std::string& buf = scratch->state->buffer;
    buf.assign(text.substr(ps, pe - ps));
    // Gaps between the joined pieces are whitespace (line breaks); blank
    // them so ICU does not treat the line break as a paragraph end.
    for (size_t k = i; k < j; ++k) {
      for (size_t g = pieces[k].end; g < pieces[k + 1].start; ++g) buf[g - ps] = ' ';
    }
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&ut, buf.data(), static_cast<int64_t>(buf.size()), &status);
    bi->setText(&ut, status);
    if (U_FAILURE(status)) {
      i = j + 1;
      continue;
    }
    size_t sent_start = 0;
    for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
      auto bb = static_cast<size_t>(b);
      if (bb < buf.size() && !KeepBreak(buf, bb, *rules)) continue;
      size_t s = sent_start, e = bb;
      TrimSpan(buf, &s, &e);
      if (s < e && HasAlnum(std::string_view(buf).substr(s, e - s))) {
        out.push_back({ps + s, ps + e});
      }
      sent_start = bb;
    }
    i = j + 1;
  }
  utext_close(&ut);
  return out;
}

std::vector<WordToken> Segmenter::Words(std::string_view text, Scratch* scratch) const {
  std::vector<WordToken> out;
  UText ut = UTEXT_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  icu::BreakIterator* bi = scratch->state->word.get();
  bi->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    return out;
  }
  int32_t prev = bi->first();
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; prev = b, b = bi->next()) {
    WordToken tok;
    tok.start = static_cast<size_t>(prev);
    tok.end = static_cast<size_t>(b);
    int32_t rule = bi->getRuleStatus();
    if (rule >= UBRK_WORD_NONE && rule < UBRK_WORD_NONE_LIMIT) {
      // Spaces and punctuation: keep punctuation as a token, drop spaces.
      size_t s = tok.start, e = tok.end;
      TrimSpan(text, &s, &e);
      if (s == e) continue;
    } else if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      tok.number = true;
    } else {
      tok.word = true;
    }
    out.push_back(tok);
  }
  utext_close(&ut);
  return out;
}

}  // namespace geokg::extract
