#pragma once

// Helpers shared by the tests: paths into the source tree, temporary
// directories that clean up after themselves, running the built CLI.

#include <filesystem>
#include <string>

namespace geokg::test {

// Absolute path of a file in the source tree, e.g. SourcePath("data/relations.json").
std::string SourcePath(const std::string& relative);

// The built geokg binary.
std::string CliPath();

// A fresh directory under the system temp dir, removed with everything in it
// when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path` (overwrites).
void WriteFile(const std::string& path, const std::string& content);
std::string ReadFile(const std::string& path);

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs the CLI with `args` (a shell-quoted string), optional stdin text.
RunResult RunCli(const std::string& args, const std::string& stdin_text = "");

}  // namespace geokg::test
