#include "cli.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace geokg::cli {

Result<Args> Args::Parse(const std::vector<std::string>& tokens, const Spec& spec) {
  Args args;
  bool options_done = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& tok = tokens[i];
    if (options_done || tok.size() < 2 || tok[0] != '-' || tok == "-") {
      args.positionals_.push_back(tok);
      continue;
    }
    if (tok == "--") {
      options_done = true;
      continue;
    }
    std::string name = tok;
    std::optional<std::string> inline_value;
    if (auto eq = tok.find('='); eq != std::string::npos && tok.rfind("--", 0) == 0) {
      name = tok.substr(0, eq);
      inline_value = tok.substr(eq + 1);
    }
    if (spec.flags.count(name)) {
      if (inline_value) return Status::InvalidArgument("option " + name + " takes no value");
      args.flags_.insert(name);
    } else if (spec.valued.count(name)) {
      if (inline_value) {
        args.values_[name].push_back(*inline_value);
      } else if (i + 1 < tokens.size()) {
        args.values_[name].push_back(tokens[++i]);
      } else {
        return Status::InvalidArgument("option " + name + " needs a value");
      }
    } else {
      return Status::InvalidArgument("unknown option " + name);
    }
  }
  return args;
}

std::optional<std::string> Args::Get(const std::string& opt) const {
  auto it = values_.find(opt);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::string Args::GetOr(const std::string& opt, const std::string& fallback) const {
  auto v = Get(opt);
  return v ? *v : fallback;
}

std::vector<std::string> Args::GetAll(const std::string& opt) const {
  auto it = values_.find(opt);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

int Fail(const Status& status) {
  std::cerr << "geokg: " << status.message() << "\n";
  return status.IsInvalidArgument() ? kExitUsage : kExitError;
}

int UsageError(const std::string& command, const std::string& message) {
  std::cerr << "geokg " << command << ": " << message << "\n"
            << "Try 'geokg " << command << " --help'.\n";
  return kExitUsage;
}

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

size_t DisplayWidth(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Result<double> ParseDouble(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    return Status::InvalidArgument(flag + " expects a number, not \"" + text + "\"");
  }
  return v;
}

Result<long long> ParseInt(const std::string& flag, const std::string& text) {
  long long v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
    return Status::InvalidArgument(flag + " expects a whole number, not \"" + text + "\"");
  }
  return v;
}

}  // namespace geokg::cli
