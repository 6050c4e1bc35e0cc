#pragma once

// The command-line program's own plumbing: subcommand registry, argument
// parsing and error reporting. Uses only the public geokg headers.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/status.h"

namespace geokg::cli {

// Exit codes: 0 ok, 1 runtime error, 2 usage error.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

// Parsed arguments of one subcommand.
class Args {
 public:
  struct Spec {
    std::set<std::string> valued;  // options that take a value: "--db"
    std::set<std::string> flags;   // boolean options: "--skip-bad"
  };
  // Parses `tokens` (after the subcommand name). Accepts "--opt value",
  // "--opt=value" and "-" as a positional; "--" ends options. Fails with
  // InvalidArgument on an unknown option or a missing value.
  static Result<Args> Parse(const std::vector<std::string>& tokens, const Spec& spec);

  bool Has(const std::string& flag) const { return flags_.count(flag) > 0; }
  // Last value given for an option, or nullopt.
  std::optional<std::string> Get(const std::string& opt) const;
  std::string GetOr(const std::string& opt, const std::string& fallback) const;
  // Every value given for a repeatable option, in order.
  std::vector<std::string> GetAll(const std::string& opt) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::set<std::string> flags_;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

// Options every subcommand accepts (written into the library's option structs).
struct Global {
  std::string db_path = "geokg.db";  // --db PATH
  std::string data_dir;              // --data DIR (lexicons, relations.json)
};

struct Command {
  std::string name;     // "load"
  std::string summary;  // one line for `geokg --help`
  std::string usage;    // full `geokg NAME --help` text
  Args::Spec spec;      // its options, besides --db, --data and --help
  std::function<int(const Args&, const Global&)> run;
};

// Each command file contributes its commands here.
void RegisterStoreCommands(std::vector<Command>* commands);
void RegisterExtractCommands(std::vector<Command>* commands);
void RegisterGraphCommands(std::vector<Command>* commands);
void RegisterQueryCommands(std::vector<Command>* commands);
void RegisterExportCommands(std::vector<Command>* commands);

// Prints "geokg: <message>" on stderr and returns the exit code for the
// status (2 for InvalidArgument raised by the user's arguments, else 1).
int Fail(const Status& status);
int UsageError(const std::string& command, const std::string& message);

// Output helpers shared by the commands.
// A JSON string literal for `text`, quotes included, control bytes escaped.
std::string JsonQuote(std::string_view text);
// Display width of UTF-8 text in code points (good enough for Latin and Cyrillic).
size_t DisplayWidth(std::string_view text);
// A CSV field, quoted per RFC 4180 when it holds a comma, quote or line break.
std::string CsvField(std::string_view text);

// Parses a floating-point or integer flag value; InvalidArgument names the flag.
Result<double> ParseDouble(const std::string& flag, const std::string& text);
Result<long long> ParseInt(const std::string& flag, const std::string& text);

}  // namespace geokg::cli
