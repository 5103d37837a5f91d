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
/// Whether the command already says which language its input is.
bool namesLanguage(const CommandLineArguments& args) {
  for (const std::string& arg : args)
    if (arg == "-x" || compat::startsWith(arg, "-x") || compat::startsWith(arg, "--language"))
      return true;
  return false;
}

/// `-include file` through to the front end: the driver would swap in a `file.gch` beside it,
/// and a GCC precompiled header (target_precompile_headers) is no PCH clang can read.
CommandLineArguments withForcedIncludesPassedThrough(const CommandLineArguments& args) {
  CommandLineArguments out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string file;
    if (args[i] == "-include" && i + 1 < args.size())
      file = args[++i];
    else if (compat::startsWith(args[i], "-include") && args[i].size() > 8 &&
             !compat::startsWith(args[i], "-include-"))
      file = args[i].substr(8);
    else {
      out.push_back(args[i]);
      continue;
    }
    out.insert(out.end(), {"-Xclang", "-include", "-Xclang", file});
  }
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
  return [](const CommandLineArguments& args, llvm::StringRef file) {
    // ormc parses to read declarations, not to police warnings: none may fail the parse, and
    // GCC options clang knows but does not use are no reason to warn.
    CommandLineArguments extra{"-Wno-pragma-once-outside-header", "-Wno-unknown-warning-option",
                               "-Wno-ignored-optimization-argument", "-Wno-error",
                               "-Qunused-arguments"};
    bool hasResourceDir = false;
    for (const std::string& arg : args)
      if (compat::startsWith(arg, "-resource-dir")) hasResourceDir = true;
    std::string dir = resourceDir();
    if (!hasResourceDir && !dir.empty()) extra.push_back("-resource-dir=" + dir);
    // Flags go before a `--`, after which everything is an input file.
    CommandLineArguments out = withForcedIncludesPassedThrough(withoutUnknownOptions(args));
    out.insert(std::find(out.begin(), out.end(), "--"), extra.begin(), extra.end());
    // A header is C++ unless the command says otherwise (clang takes `.h` for C). `-x` applies
    // to the inputs after it, so it goes right before the file.
    if (!namesLanguage(out) && !out.empty()) {
      auto at = std::find(out.begin(), out.end(), "--"); // inputs follow it
      if (at == out.end()) {
        auto input = std::find(out.rbegin(), out.rend(), file.str());
        at = input == out.rend() ? out.begin() + 1 : std::prev(input.base());
      }
      out.insert(at, {"-x", "c++"});
    }
    return out;
  };
}

} // namespace ormc::frontend
