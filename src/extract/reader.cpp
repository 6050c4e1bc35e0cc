// DocumentReader: files, directories, JSONL collections, HTML and stdin.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "geokg/extract.h"

#include "html_text.h"
#include "text_util.h"

namespace geokg {

namespace fs = std::filesystem;

namespace {

// Larger files are not read (they would be rejected as documents anyway).
constexpr uintmax_t kMaxFileBytes = uintmax_t{256} << 20;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

bool IsJsonlName(const fs::path& p) {
  std::string ext = Lower(p.extension().string());
  return ext == ".jsonl" || ext == ".ndjson";
}

bool IsHtmlName(const fs::path& p) {
  std::string ext = Lower(p.extension().string());
  return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

// "2022-08-15T10:00:00Z" -> "2022-08-15"; "" if not an ISO date at all.
std::string NormalizeDate(std::string_view d) {
  if (d.size() > 10 && (d[10] == 'T' || d[10] == ' ')) d = d.substr(0, 10);
  return CheckIsoDate(d) ? std::string(d) : std::string();
}

// Fills `out` from one JSONL line; returns a non-ok Status for a bad line.
Status ParseArticleLine(std::string_view line, ArticleInput* out) {
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  if (d.HasParseError()) {
    return Status::InvalidArgument(std::string("not valid JSON (") +
                                   rapidjson::GetParseError_En(d.GetParseError()) + " at column " +
                                   std::to_string(d.GetErrorOffset() + 1) + ")");
  }
  if (!d.IsObject()) return Status::InvalidArgument("not a JSON object");
  auto get = [&](const char* key, std::string* dst) -> Status {
    auto it = d.FindMember(key);
    if (it == d.MemberEnd() || it->value.IsNull()) return Status::OK();
    if (it->value.IsString()) {
      dst->assign(it->value.GetString(), it->value.GetStringLength());
    } else if (std::string_view(key) == "id" && it->value.IsInt64()) {
      *dst = std::to_string(it->value.GetInt64());
    } else {
      return Status::InvalidArgument(std::string("field \"") + key + "\" must be a string");
    }
    return Status::OK();
  };
  for (auto [key, dst] :
       {std::pair{"id", &out->id}, std::pair{"text", &out->text}, std::pair{"lang", &out->lang},
        std::pair{"url", &out->url}, std::pair{"title", &out->title}}) {
    Status s = get(key, dst);
    if (!s.ok()) return s;
  }
  if (d.FindMember("text") == d.MemberEnd()) {
    return Status::InvalidArgument("field \"text\" is required");
  }
  std::string date;
  Status s = get("date", &date);
  if (!s.ok()) return s;
  if (!date.empty()) {
    out->date = NormalizeDate(date);
    if (out->date.empty()) {
      return Status::InvalidArgument("field \"date\" is not an ISO date: \"" + date + "\"");
    }
  }
  return Status::OK();
}

class PathReader : public DocumentReader {
 public:
  explicit PathReader(std::vector<std::string> args) : args_(std::move(args)) {}

  bool Next(ArticleInput* out) override {
    for (;;) {
      *out = ArticleInput();
      if (jsonl_ != nullptr) {
        if (NextJsonl(out)) return true;
        continue;
      }
      if (!pending_.empty()) {
        auto [path, id] = pending_.front();
        pending_.pop_front();
        if (OpenFile(path, id, out)) return true;
        continue;
      }
      if (arg_ >= args_.size()) return false;
      const std::string& arg = args_[arg_++];
      if (arg == "-") {
        if (OpenStdin(out)) return true;
        continue;
      }
      std::error_code ec;
      fs::file_status st = fs::status(arg, ec);
      if (ec || !fs::exists(st)) {
        out->id = arg;
        out->origin = arg;
        out->read_status = Status::NotFound("no such file or directory");
        return true;
      }
      if (fs::is_directory(st)) {
        ExpandDirectory(arg, out);
        if (!out->read_status.ok()) return true;
        continue;
      }
      if (OpenFile(arg, fs::path(arg).lexically_normal().string(), out)) return true;
    }
  }

 private:
  void ExpandDirectory(const std::string& dir, ArticleInput* out) {
    std::vector<std::pair<std::string, std::string>> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') {  // hidden files and folders
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) {
        files.emplace_back(p.string(), p.lexically_relative(dir).generic_string());
      }
    }
    if (ec) {
      out->id = dir;
      out->origin = dir;
      out->read_status = Status::IOError("cannot list directory: " + ec.message());
      return;
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    for (auto& f : files) pending_.push_back(std::move(f));
  }

  // Reads a file as a document (true) or starts reading it as JSONL (false).
  bool OpenFile(const std::string& path, const std::string& id, ArticleInput* out) {
    out->id = id;
    out->origin = path;
    if (IsJsonlName(path)) {
      StartJsonl(std::make_unique<std::ifstream>(path, std::ios::binary), path, id, out);
      return !out->read_status.ok();
    }
    std::error_code ec;
    uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > kMaxFileBytes) {
      out->read_status =
          Status::InvalidArgument("file too large (" + std::to_string(size >> 20) + " MiB)");
      return true;
    }
    auto text = extract::util::ReadWholeFile(path);
    if (!text.ok()) {
      out->read_status = Status::IOError("cannot read file");
      return true;
    }
    // A collection without the .jsonl extension: first line is an article object.
    if (!text->empty() && (*text)[0] == '{') {
      std::string_view first(*text);
      first = first.substr(0, first.find('\n'));
      ArticleInput probe;
      if (ParseArticleLine(first, &probe).ok()) {
        StartJsonl(std::make_unique<std::istringstream>(std::move(*text)), path, id, out);
        return !out->read_status.ok();
      }
    }
    FillText(std::move(*text), IsHtmlName(path), out);
    return true;
  }

  bool OpenStdin(ArticleInput* out) {
    out->id = "stdin";
    out->origin = "-";
    // Peek: a JSONL collection starts with '{'.
    int c = std::cin.peek();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      std::cin.get();
      c = std::cin.peek();
    }
    if (c == '{') {
      jsonl_owned_.reset();
      jsonl_ = &std::cin;
      jsonl_name_ = "-";
      jsonl_id_ = "stdin";
      jsonl_line_ = 0;
      return false;
    }
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    FillText(ss.str(), false, out);
    return true;
  }

  static void FillText(std::string text, bool html_name, ArticleInput* out) {
    if (html_name || extract::LooksLikeHtml(text)) {
      extract::HtmlText h = extract::ExtractHtmlText(text);
      out->text = std::move(h.text);
      out->title = std::move(h.title);
      out->lang = std::move(h.lang);
      out->date = std::move(h.date);
    } else {
      out->text = std::move(text);
    }
  }

  void StartJsonl(std::unique_ptr<std::istream> in, const std::string& path, const std::string& id,
                  ArticleInput* out) {
    if (!*in) {
      out->read_status = Status::IOError("cannot open file");
      return;
    }
    jsonl_owned_ = std::move(in);
    jsonl_ = jsonl_owned_.get();
    jsonl_name_ = path;
    jsonl_id_ = id;
    jsonl_line_ = 0;
  }

  // Next article of the open JSONL stream (true), or false at its end.
  bool NextJsonl(ArticleInput* out) {
    while (std::getline(*jsonl_, line_)) {
      ++jsonl_line_;
      if (!line_.empty() && line_.back() == '\r') line_.pop_back();
      if (line_.find_first_not_of(" \t") == std::string::npos) continue;
      out->origin = jsonl_name_ + ":" + std::to_string(jsonl_line_);
      Status s = ParseArticleLine(line_, out);
      if (out->id.empty()) out->id = jsonl_id_ + ":" + std::to_string(jsonl_line_);
      if (!s.ok()) out->read_status = s;
      return true;
    }
    jsonl_ = nullptr;
    jsonl_owned_.reset();
    return false;
  }

  std::vector<std::string> args_;
  size_t arg_ = 0;
  std::deque<std::pair<std::string, std::string>> pending_;  // (path, id) of a directory's files
  std::unique_ptr<std::istream> jsonl_owned_;
  std::istream* jsonl_ = nullptr;
  std::string jsonl_name_, jsonl_id_, line_;
  int64_t jsonl_line_ = 0;
};

}  // namespace

Result<std::unique_ptr<DocumentReader>> DocumentReader::Open(
    const std::vector<std::string>& paths) {
  if (paths.empty()) return Status::NotFound("no input paths");
  return std::unique_ptr<DocumentReader>(std::make_unique<PathReader>(paths));
}

std::string ContentHash(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  uint64_t h = extract::util::Fnv1a64(text);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[h & 0xF];
    h >>= 4;
  }
  return out;
}

}  // namespace geokg
