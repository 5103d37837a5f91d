// Where each input's compiler flags come from: a compile_commands.json (headers without an entry
// borrow the flags of a nearby source file, as clangd does) or the flags after `--`.
#pragma once

#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <memory>
#include <string>
#include <vector>

namespace ormc::frontend {

struct CompilationsResult {
  std::unique_ptr<clang::tooling::CompilationDatabase> database;
  std::string warning; // non-empty when ormc fell back to default flags
  std::string error;   // non-empty when no database could be loaded
};

/// `fixed` is the database from the flags after `--`, if there were any.
CompilationsResult loadCompilations(const std::string& buildPath,
                                    const std::vector<std::string>& sources,
                                    std::unique_ptr<clang::tooling::CompilationDatabase> fixed);

/// Adjusts every command: drops options clang does not know (GCC-only flags), adds clang's
/// builtin headers (so users need no -resource-dir) and silences warnings about flags that only
/// matter to code generation and about #pragma once in a header parsed as the main file.
clang::tooling::ArgumentsAdjuster ormcArgumentsAdjuster();

} // namespace ormc::frontend
