#pragma once

// The triple contract: one JSON object per line (JSONL), shared by
// `geokg extract`, `geokg load` and the store. The README documents the
// fields; model.h has the C++ form.

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

// Serialises a triple as one line of JSON (no trailing newline). Fields with
// empty values that are optional in the contract are left out.
std::string TripleToJson(const Triple& triple);

}  // namespace geokg
