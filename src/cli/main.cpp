// geokg: the command-line front end. A thin layer over the public headers:
// it parses flags into the library's option structs and maps Status values
// to exit codes (0 ok, 1 runtime error, 2 usage error).

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

#ifndef GEOKG_DEFAULT_DATA_DIR
#define GEOKG_DEFAULT_DATA_DIR "data"
#endif
#ifndef GEOKG_VERSION
#define GEOKG_VERSION "0.0.0"
#endif

namespace {

using geokg::cli::Command;

std::vector<Command> AllCommands() {
  std::vector<Command> commands;
  geokg::cli::RegisterStoreCommands(&commands);
  geokg::cli::RegisterExtractCommands(&commands);
  geokg::cli::RegisterGraphCommands(&commands);
  geokg::cli::RegisterQueryCommands(&commands);
  geokg::cli::RegisterExportCommands(&commands);
  return commands;
}

void PrintHelp(const std::vector<Command>& commands) {
  std::cout << "geokg " GEOKG_VERSION
               ": a knowledge graph of geopolitical relations from news text\n\n"
               "usage: geokg COMMAND [OPTIONS] [ARGS]\n\ncommands:\n";
  for (const auto& c : commands) {
    std::cout << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ')
              << c.summary << "\n";
  }
  std::cout << "\noptions for every command:\n"
               "  --db PATH     the store file (default: geokg.db)\n"
               "  --data DIR    lexicons and relations.json (default: $GEOKG_DATA or the\n"
               "                data/ folder geokg was built with)\n"
               "  --help        the command's own help\n\n"
               "Run 'geokg COMMAND --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<Command> commands = AllCommands();
  std::vector<std::string> tokens(argv + 1, argv + argc);
  if (tokens.empty() || tokens[0] == "--help" || tokens[0] == "-h" || tokens[0] == "help") {
    PrintHelp(commands);
    return tokens.empty() ? geokg::cli::kExitUsage : geokg::cli::kExitOk;
  }
  if (tokens[0] == "--version") {
    std::cout << "geokg " GEOKG_VERSION "\n";
    return geokg::cli::kExitOk;
  }
  const Command* command = nullptr;
  for (const auto& c : commands) {
    if (c.name == tokens[0]) command = &c;
  }
  if (command == nullptr) {
    std::cerr << "geokg: unknown command '" << tokens[0] << "'. Run 'geokg --help' for the list.\n";
    return geokg::cli::kExitUsage;
  }
  std::vector<std::string> rest(tokens.begin() + 1, tokens.end());
  for (const auto& t : rest) {
    if (t == "--help" || t == "-h") {
      std::cout << command->usage;
      if (command->usage.empty() || command->usage.back() != '\n') std::cout << "\n";
      return geokg::cli::kExitOk;
    }
  }
  geokg::cli::Args::Spec spec = command->spec;
  spec.valued.insert({"--db", "--data"});
  auto args = geokg::cli::Args::Parse(rest, spec);
  if (!args.ok()) return geokg::cli::UsageError(command->name, args.status().message());

  geokg::cli::Global global;
  global.db_path = args->GetOr("--db", global.db_path);
  if (auto d = args->Get("--data")) {
    global.data_dir = *d;
  } else if (const char* env = std::getenv("GEOKG_DATA"); env != nullptr && *env != '\0') {
    global.data_dir = env;
  } else {
    global.data_dir = GEOKG_DEFAULT_DATA_DIR;
  }
  return command->run(*args, global);
}
