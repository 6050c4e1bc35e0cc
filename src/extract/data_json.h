#pragma once

// Loading the extractor's JSON data files (data/clean, data/segment,
// data/dates) with errors that name the file and the entry. Private to
// src/extract (it exposes rapidjson).

#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "geokg/status.h"

namespace geokg::extract::util {

// Reads and parses `path` into `doc`; the root must be an object. Errors:
// IOError (cannot read), InvalidArgument "<path>:<line>: <parse error>".
Status LoadJsonObject(const std::string& path, rapidjson::Document* doc);

// The *.json files of `dir`, sorted by name. NotFound if `dir` is missing.
Result<std::vector<std::string>> ListJsonFiles(const std::string& dir);

// InvalidArgument "<file>: <what> #<index+1> "<name>": <msg>".
Status EntryError(std::string_view file, std::string_view what, size_t index, std::string_view name,
                  std::string_view msg);

// Reads an optional string member into *out; false if present but not a string.
bool OptString(const rapidjson::Value& obj, const char* key, std::string* out);

// Reads an optional list of non-empty strings; returns "" or an error message.
std::string OptStringList(const rapidjson::Value& obj, const char* key,
                          std::vector<std::string>* out);

}  // namespace geokg::extract::util
