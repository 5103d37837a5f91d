// One ormc run: parse the inputs (or read IR fragments), build and validate the IR, emit, and
// report.
#pragma once

#include <clang/Tooling/CompilationDatabase.h>
#include <memory>
#include <string>
#include <vector>

namespace ormc::driver {

struct Options {
  std::vector<std::string> sources; // model headers or sources; IR fragments with --merge
  std::string buildPath;
  std::string outputDir;
  std::string emit; // "", "ir", "sqlite", "postgresql", "cpp", "python" or "mermaid"
  std::vector<std::string> targets{"cpp"}; // --target: languages written to --output-dir
  std::vector<std::string> templates;      // --template: Mustache files rendered into it
  bool warningsAsErrors = false;           // --werror
  std::string schemaName = "schema";
  std::string modelsNamespace;
  unsigned jobs = 0;            // parallel parses; 0 = one per core
  unsigned sourcesPerInput = 1; // --sources-per-input: generated sources per model header
  enum class Progress { Auto, Always, Never } progress = Progress::Auto;
  std::string depFile;         // --depfile: where to write the inputs' dependencies
  std::string depFileTarget;   // --depfile-target: the rule's target (default: depFile's output)
  std::string fragment;        // --fragment: write the IR of these inputs here, emit nothing
  bool merge = false;          // --merge: sources are IR fragments to merge and emit
  bool keepGoing = false;      // --keep-going: with --merge, leave failing modules out
  bool keepFirstTable = false; // --on-table-conflict=keep-first: a warning, not an error
  std::string mergeSummary;    // --merge-summary: what each module contributed, as JSON
  std::string migrationsDir;   // --migrations-dir: write the next migration there
  std::string migrationName = "migration"; // --migration-name
  bool allowDataLoss = false;              // --allow-data-loss: migrations may drop
  std::string databaseUrl;      // --db: count the rows a migration's data loss would take
  std::string checkDatabaseUrl; // --check-db: compare this database with the models
  std::string embedMigrations;  // --embed-migrations: <stem>.hpp/.cpp holding the migrations
  bool pgvector = false;        // --pgvector: vector columns without a storage are pgvector's
  std::unique_ptr<clang::tooling::CompilationDatabase> fixedCompilations; // from `-- flags`
  std::string fixedCompilationsError;
};

/// Runs ormc; returns the process exit code (0 on success, 1 if anything was reported as error).
/// Files are written only when no error was found.
int run(Options& options);

} // namespace ormc::driver
