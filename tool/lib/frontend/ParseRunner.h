// Runs the planned parses on a pool of threads. Each parse has its own ClangTool and buffers
// clang's diagnostics, which are then printed in job order, so -j never changes what is printed.
#pragma once

#include "frontend/ModelSet.h"
#include "frontend/ParseJobs.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace ormc::frontend {

struct ParseRunOptions {
  unsigned threads = 1;
  bool colors = false;
  /// Called (serialized) after each job finishes, with the count finished so far.
  std::function<void(std::size_t finished, std::size_t total, const ParseJob& job)> onFinished;
};

struct ParseRunResult {
  bool ok = true;                     // every parse succeeded
  std::string compilerDiagnostics;    // clang's own output, in job order
  std::set<std::string> dependencies; // absolute paths of every file read, inputs included
};

/// `inputFiles` are all inputs of the run (models are attributed to the innermost one).
ParseRunResult runParseJobs(const std::vector<ParseJob>& jobs,
                            const std::vector<std::string>& inputFiles, ModelSet& models,
                            const ParseRunOptions& options);

} // namespace ormc::frontend
