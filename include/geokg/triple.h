#pragma once

// The triple contract: one JSON object per line (JSONL), shared by
// `geokg extract`, `geokg load` and the store. The README documents the
// fields; model.h has the C++ form.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "geokg/model.h"
#include "geokg/status.h"

namespace geokg {

// Parses one JSONL line. Required: doc.id, subject.id, relation, object.id.
// Defaults: polarity "positive", modality "asserted", confidence 1.0,
// date = doc.date. Returns InvalidArgument naming the offending field if the
// line is not valid JSON, a field has the wrong type or an enumerated field
// has an unknown value. The relation name is not checked against a vocabulary
// here (the store does that).
Result<Triple> ParseTripleJson(std::string_view line);

// A parsed triple whose strings point into the buffer it was parsed from
// (ParseTripleJsonInSitu): no copies, no allocation. Fields, defaults and
// checks are those of Triple and ParseTripleJson.
struct TripleView {
  struct Doc {
    std::string_view id, url, title, date, lang, hash;
  };
  struct Entity {
    std::string_view id, name;
    EntityKind kind = EntityKind::kOther;
  };
  Doc doc;
  int sentence = 0;
  Entity subject;
  std::string_view relation;
  Entity object;
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  std::string_view date;  // doc.date if the line has none
  DatePrecision date_precision = DatePrecision::kUnknown;
  double confidence = 1.0;
  std::string_view evidence_text;
  int64_t evidence_start = 0;
  int64_t evidence_end = 0;
  std::string_view cameo, plover, speaker, extractor;
};

// Parses one JSONL line in place (the fast path of `geokg load`): `line`
// points at `size` bytes followed by a writable byte that the parser may
// overwrite (a '\n' or '\0'); the bytes are modified (strings are unescaped in
// place) and `out`'s views point into them, so `line` must outlive `out`.
// Same errors as ParseTripleJson; on error `out` is unspecified.
Status ParseTripleJsonInSitu(char* line, size_t size, TripleView* out);

// The view's fields as a Triple (copies the strings).
Triple ToTriple(const TripleView& view);
// A view of `triple`'s strings (valid while `triple` lives and is unchanged).
TripleView ToView(const Triple& triple);

// Serialises a triple as one line of JSON (no trailing newline). Fields with
// empty values that are optional in the contract are left out.
std::string TripleToJson(const Triple& triple);

}  // namespace geokg
