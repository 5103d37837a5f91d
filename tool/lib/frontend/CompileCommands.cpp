#include "frontend/CompileCommands.h"

#include "frontend/ClangCompat.h"

#include <algorithm>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace ormc::frontend {
using namespace clang::tooling;

namespace {
std::unique_ptr<CompilationDatabase> wrap(std::unique_ptr<CompilationDatabase> db) {
  db = expandResponseFiles(std::move(db), llvm::vfs::getRealFileSystem());
  db = inferMissingCompileCommands(std::move(db));
  return inferTargetAndDriverMode(std::move(db));
}

/// Clang's builtin headers (stddef.h, ...), found where the LLVM ormc was built against put them.
std::string resourceDir() {
#ifdef ORMC_CLANG_RESOURCE_DIR
  if (llvm::sys::fs::is_directory(ORMC_CLANG_RESOURCE_DIR)) return ORMC_CLANG_RESOURCE_DIR;
#endif
  return {};
}
} // namespace

CompilationsResult loadCompilations(const std::string& buildPath,
                                    const std::vector<std::string>& sources,
                                    std::unique_ptr<CompilationDatabase> fixed) {
  CompilationsResult result;
  if (fixed) {
    result.database = std::move(fixed);
    return result;
  }
  std::string message;
  std::unique_ptr<CompilationDatabase> db;
  if (!buildPath.empty()) {
    db = CompilationDatabase::loadFromDirectory(buildPath, message);
    if (!db) {
      result.error = "cannot load a compilation database from '" + buildPath + "': " + message;
      return result;
    }
  } else if (!sources.empty()) {
    db = CompilationDatabase::autoDetectFromSource(sources.front(), message);
  }
  if (!db) {
    result.warning = "no compile_commands.json found (pass -p <build dir> or -- <flags>); "
                     "parsing with -std=c++20";
    result.database =
        std::make_unique<FixedCompilationDatabase>(".", std::vector<std::string>{"-std=c++20"});
    return result;
  }
  result.database = wrap(std::move(db));
  return result;
}

ArgumentsAdjuster ormcArgumentsAdjuster() {
  return [](const CommandLineArguments& args, llvm::StringRef) {
    CommandLineArguments extra{"-Wno-pragma-once-outside-header", "-Wno-unknown-warning-option"};
    bool hasResourceDir = false;
    for (const std::string& arg : args)
      if (compat::startsWith(arg, "-resource-dir")) hasResourceDir = true;
    std::string dir = resourceDir();
    if (!hasResourceDir && !dir.empty()) extra.push_back("-resource-dir=" + dir);
    // Flags go before a `--`, after which everything is an input file.
    CommandLineArguments out = args;
    out.insert(std::find(out.begin(), out.end(), "--"), extra.begin(), extra.end());
    return out;
  };
}

} // namespace ormc::frontend
