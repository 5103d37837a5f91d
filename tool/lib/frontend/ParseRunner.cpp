#include "frontend/ParseRunner.h"

#include "frontend/CollectModelsAction.h"
#include "frontend/CompileCommands.h"

#include <atomic>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/raw_ostream.h>
#include <mutex>
#include <thread>

namespace ormc::frontend {
namespace {
using namespace clang::tooling;

/// Hands one planned command to ClangTool, whatever file it asks for.
class JobCompilationDatabase : public CompilationDatabase {
public:
  explicit JobCompilationDatabase(CompileCommand command) : command_(std::move(command)) {}
  std::vector<CompileCommand> getCompileCommands(llvm::StringRef) const override {
    return {command_};
  }

private:
  CompileCommand command_;
};

struct JobOutcome {
  bool ok = false;
  std::string diagnostics;
  std::vector<std::string> dependencies;
};

JobOutcome runJob(const ParseJob& job, const std::vector<std::string>& inputFiles, ModelSet& models,
                  bool colors) {
  JobOutcome outcome;
  JobCompilationDatabase database(job.command);
  // A file system of its own: the shared real one changes the process's working directory for
  // each command, which parses on other threads would see.
  ClangTool tool(database, {job.mainFile}, std::make_shared<clang::PCHContainerOperations>(),
                 llvm::vfs::createPhysicalFileSystem());
  tool.appendArgumentsAdjuster(ormcArgumentsAdjuster());
  if (!job.umbrellaContents.empty()) tool.mapVirtualFile(job.mainFile, job.umbrellaContents);

  llvm::raw_string_ostream diagnostics(outcome.diagnostics);
  clang::DiagnosticOptions* diagnosticOptions = new clang::DiagnosticOptions();
  diagnosticOptions->ShowColors = colors;
  clang::TextDiagnosticPrinter printer(diagnostics, diagnosticOptions);
  tool.setDiagnosticConsumer(&printer);

  std::vector<std::string> read;
  auto factory = collectModelsActionFactory(models, inputFiles, read, &diagnostics);
  tool.setPrintErrorMessage(false); // "Error while processing": ormc says what failed itself
  outcome.ok = tool.run(factory.get()) == 0;
  diagnostics.flush();
  for (const std::string& file : read) {
    llvm::SmallString<256> path(file);
    if (!llvm::sys::path::is_absolute(path)) {
      path = job.command.Directory;
      llvm::sys::path::append(path, file);
    }
    llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
    if (path != job.mainFile || job.umbrellaContents.empty())
      outcome.dependencies.push_back(path.str().str());
  }
  return outcome;
}
} // namespace

ParseRunResult runParseJobs(const std::vector<ParseJob>& jobs,
                            const std::vector<std::string>& inputFiles, ModelSet& models,
                            const ParseRunOptions& options) {
  std::vector<JobOutcome> outcomes(jobs.size());
  std::atomic<std::size_t> next{0};
  std::size_t finished = 0;
  std::mutex progress;
  auto worker = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      outcomes[i] = runJob(jobs[i], inputFiles, models, options.colors);
      std::lock_guard<std::mutex> lock(progress);
      ++finished;
      if (options.onFinished) options.onFinished(finished, jobs.size(), jobs[i]);
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(options.threads, jobs.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool)
    thread.join();

  ParseRunResult result;
  for (JobOutcome& outcome : outcomes) {
    result.ok = result.ok && outcome.ok;
    result.compilerDiagnostics += outcome.diagnostics;
    result.dependencies.insert(outcome.dependencies.begin(), outcome.dependencies.end());
  }
  return result;
}

} // namespace ormc::frontend
