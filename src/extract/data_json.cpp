#include "data_json.h"

#include <algorithm>
#include <filesystem>

#include <rapidjson/error/en.h>

#include "text_util.h"

namespace geokg::extract::util {

Status LoadJsonObject(const std::string& path, rapidjson::Document* doc) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  doc->Parse(text->data(), text->size());
  if (doc->HasParseError()) {
    size_t offset = std::min(doc->GetErrorOffset(), text->size());
    size_t line =
        1 + std::count(text->begin(), text->begin() + static_cast<ptrdiff_t>(offset), '\n');
    return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " +
                                   rapidjson::GetParseError_En(doc->GetParseError()));
  }
  if (!doc->IsObject()) return Status::InvalidArgument(path + ": not a JSON object");
  return Status::OK();
}

Result<std::vector<std::string>> ListJsonFiles(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::NotFound(dir + ": no such directory");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path().string());
    }
  }
  if (ec) return Status::IOError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

Status EntryError(std::string_view file, std::string_view what, size_t index, std::string_view name,
                  std::string_view msg) {
  std::string s(file);
  s += ": ";
  s += what;
  s += " #" + std::to_string(index + 1);
  if (!name.empty()) s += " \"" + std::string(name) + "\"";
  s += ": ";
  s += msg;
  return Status::InvalidArgument(std::move(s));
}

bool OptString(const rapidjson::Value& obj, const char* key, std::string* out) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || it->value.IsNull()) return true;
  if (!it->value.IsString()) return false;
  out->assign(it->value.GetString(), it->value.GetStringLength());
  return true;
}

std::string OptStringList(const rapidjson::Value& obj, const char* key,
                          std::vector<std::string>* out) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return "";
  if (!it->value.IsArray()) return std::string("\"") + key + "\" must be a list of strings";
  size_t i = 0;
  for (const auto& v : it->value.GetArray()) {
    if (!v.IsString() || v.GetStringLength() == 0) {
      return std::string("\"") + key + "\" item " + std::to_string(i + 1) +
             " must be a non-empty string";
    }
    out->emplace_back(v.GetString(), v.GetStringLength());
    ++i;
  }
  return "";
}

}  // namespace geokg::extract::util
