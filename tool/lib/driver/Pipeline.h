// One ormc run: parse the inputs, build and validate the IR, emit, and report.
#pragma once

#include <clang/Tooling/CompilationDatabase.h>
#include <memory>
#include <string>
#include <vector>

namespace ormc::driver {

struct Options {
  std::vector<std::string> sources;
  std::string buildPath;
  std::string outputDir;
  std::string emit; // "", "ir", "sqlite", "postgresql", "cpp" or "mermaid"
  bool warningsAsErrors = false; // --werror
  std::string schemaName = "schema";
  std::string modelsNamespace;
  std::unique_ptr<clang::tooling::CompilationDatabase> fixedCompilations; // from `-- flags`
  std::string fixedCompilationsError;
};

/// Runs ormc; returns the process exit code (0 on success, 1 if anything was reported as error).
/// Files are written only when no error was found.
int run(Options& options);

} // namespace ormc::driver
