// Plans the clang parses for one ormc run. Model headers that share a compile command are parsed
// together, as one translation unit that includes each of them, so a set of headers costs one
// parse of what they have in common (the standard library, say), not one per header.
#pragma once

#include <clang/Tooling/CompilationDatabase.h>
#include <string>
#include <vector>

namespace ormc::frontend {

struct ParseJob {
  /// Absolute path of the file clang parses: an input, or a virtual file including `inputs`.
  std::string mainFile;
  /// Contents of the virtual main file; empty when mainFile is the input itself.
  std::string umbrellaContents;
  /// The inputs this parse covers, in the order the user gave them.
  std::vector<std::string> inputs;
  clang::tooling::CompileCommand command;
};

struct ParsePlan {
  std::vector<ParseJob> jobs;
  std::vector<std::string> inputsWithoutCommand;
};

/// `inputs` are absolute paths. Source files (.cpp, ...) are parsed as themselves, with their
/// own commands; headers with identical commands (same directory, same flags) are grouped.
ParsePlan planParseJobs(const clang::tooling::CompilationDatabase& compilations,
                        const std::vector<std::string>& inputs);

} // namespace ormc::frontend
