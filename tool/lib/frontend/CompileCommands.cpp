#include "frontend/CompileCommands.h"

#include "compat/ClangCompat.h"

#include <algorithm>
#include <clang/Driver/Options.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
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
/// The command without the options clang's driver does not know: a compile database written
/// for GCC holds flags such as -fconcepts-diagnostics-depth that would stop the parse.
CommandLineArguments withoutUnknownOptions(const CommandLineArguments& args) {
  if (args.empty()) return args;
  std::vector<const char*> argv;
  for (std::size_t i = 1; i < args.size(); ++i)
    argv.push_back(args[i].c_str());
  unsigned missingIndex = 0, missingCount = 0;
  const llvm::opt::OptTable& table = clang::driver::getDriverOptTable();
  llvm::opt::InputArgList parsed = table.ParseArgs(argv, missingIndex, missingCount);
  std::vector<bool> unknown(args.size(), false);
  for (const llvm::opt::Arg* arg : parsed.filtered(clang::driver::options::OPT_UNKNOWN))
    unknown[arg->getIndex() + 1] = true;
  CommandLineArguments out;
  for (std::size_t i = 0; i < args.size(); ++i)
    if (!unknown[i]) out.push_back(args[i]);
  return out;
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
    CommandLineArguments extra{"-Wno-pragma-once-outside-header", "-Wno-unknown-warning-option",
                               "-Wno-ignored-optimization-argument"};
    bool hasResourceDir = false;
    for (const std::string& arg : args)
      if (compat::startsWith(arg, "-resource-dir")) hasResourceDir = true;
    std::string dir = resourceDir();
    if (!hasResourceDir && !dir.empty()) extra.push_back("-resource-dir=" + dir);
    // Flags go before a `--`, after which everything is an input file.
    CommandLineArguments out = withoutUnknownOptions(args);
    out.insert(std::find(out.begin(), out.end(), "--"), extra.begin(), extra.end());
    return out;
  };
}

} // namespace ormc::frontend
