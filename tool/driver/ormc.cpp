// ormc: reads annotated C++ structs and writes their persistence layer. This file only parses
// options and runs the pipeline in tool/lib; see docs/architecture.md.
#include "driver/Import.h"
#include "driver/Pipeline.h"
#include "emit/Version.h"

#include <algorithm>
#include <clang/Basic/Version.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/raw_ostream.h>

namespace {
namespace cl = llvm::cl;

cl::OptionCategory category("ormc options");
cl::list<std::string> sources(cl::Positional, cl::desc("<model headers or sources>"), cl::OneOrMore,
                              cl::cat(category));
cl::opt<std::string> buildPath("p", cl::desc("Build directory holding compile_commands.json"),
                               cl::cat(category));
cl::opt<std::string> outputDir("output-dir",
                               cl::desc("Write generated headers, schema.*.sql and schema.json"),
                               cl::value_desc("dir"), cl::cat(category));
cl::opt<std::string>
    emit("emit",
         cl::desc("Print one artifact to stdout: ir, sqlite, postgresql, cpp, python or mermaid"),
         cl::value_desc("artifact"), cl::cat(category));
cl::list<std::string>
    templates("template",
              cl::desc("Render this Mustache file with the models into --output-dir, as its name "
                       "without .mustache (docs/templates.md); repeatable"),
              cl::value_desc("file.mustache"), cl::cat(category));
cl::list<std::string>
    targets("target",
            cl::desc("Languages --output-dir gets, beside the SQL and schema.json: cpp (the "
                     "default), python; a list (--target=cpp,python) or repeated"),
            cl::value_desc("language"), cl::CommaSeparated, cl::cat(category));
cl::opt<std::string> schemaName("schema-name",
                                cl::desc("Stem of the schema files (default: schema)"),
                                cl::init("schema"), cl::cat(category));
cl::opt<std::string>
    modelsNamespace("namespace",
                    cl::desc("Namespace of the Models container (default: the models' own)"),
                    cl::cat(category));
cl::opt<bool> werror("werror", cl::desc("Treat ormc's warnings as errors"), cl::cat(category));
cl::opt<bool> pgvector("pgvector",
                       cl::desc("Store vector columns as pgvector's vector(N) on PostgreSQL"),
                       cl::cat(category));
cl::opt<unsigned>
    jobs("j", cl::desc("Parse this many translation units at once (default: one per core)"),
         cl::value_desc("N"), cl::init(0), cl::cat(category));
cl::opt<unsigned> sourcesPerInput(
    "sources-per-input",
    cl::desc("Split each input's generated source into N files, compiled in parallel (default 1)"),
    cl::value_desc("N"), cl::init(1), cl::cat(category));
cl::opt<std::string> progress("progress",
                              cl::desc("Show progress: auto (a line on a terminal), always, never"),
                              cl::value_desc("when"), cl::init("auto"), cl::cat(category));
cl::opt<std::string> depFile("depfile",
                             cl::desc("Write a Makefile depfile of every file the parse read"),
                             cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> depFileTarget("depfile-target",
                                   cl::desc("Target named in the depfile (default: the output)"),
                                   cl::value_desc("path"), cl::cat(category));
cl::opt<std::string>
    fragment("fragment", cl::desc("Write the inputs' IR as a fragment for --merge; emit nothing"),
             cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> migrationsDir(
    "migrations-dir",
    cl::desc("Write the next migration (SQL per dialect, ormc.sum, schema.json snapshot) there"),
    cl::value_desc("dir"), cl::cat(category));
cl::opt<std::string> migrationName("migration-name",
                                   cl::desc("Name of the migration written (default: migration)"),
                                   cl::init("migration"), cl::value_desc("name"),
                                   cl::cat(category));
cl::opt<bool> allowDataLoss(
    "allow-data-loss",
    cl::desc("Let --migrations-dir drop the tables and columns the models no longer have"),
    cl::cat(category));
cl::opt<std::string>
    database("db",
             cl::desc("With --migrations-dir: count in this database the rows each dropped table "
                      "or column would lose (sqlite:<file>, read-only; postgresql://...)"),
             cl::value_desc("url"), cl::cat(category));
cl::opt<std::string> checkDatabase(
    "check-db",
    cl::desc("Compare this database's tables, columns, types, nullability, indexes, unique "
             "constraints and foreign keys with the models; exit 1 on any difference"),
    cl::value_desc("url"), cl::cat(category));
cl::opt<std::string> embedMigrations(
    "embed-migrations",
    cl::desc("With --migrations-dir: write <stem>.hpp and <stem>.cpp holding the directory's "
             "migrations, for ormc::migrate(db, migrations())"),
    cl::value_desc("stem"), cl::cat(category));
cl::opt<bool> merge("merge", cl::desc("Inputs are IR fragments: merge, check and emit them"),
                    cl::cat(category));
cl::opt<bool> keepGoing("keep-going",
                        cl::desc("With --merge: leave out each module (fragment) that cannot be "
                                 "read or checked, write the rest, list the failed ones, exit 1"),
                        cl::cat(category));
cl::opt<std::string> onTableConflict(
    "on-table-conflict",
    cl::desc("With --merge: a table two modules define differently is an 'error' (default), or "
             "with 'keep-first' a warning that keeps the first module's"),
    cl::init("error"), cl::value_desc("error|keep-first"), cl::cat(category));
cl::opt<std::string> mergeSummary(
    "merge-summary",
    cl::desc("With --merge: write what each module contributed (tables, columns), what it "
             "shared and what failed, as JSON"),
    cl::value_desc("file"), cl::cat(category));
// `ormc import --db URL`: a subcommand with options of its own.
cl::SubCommand importCommand("import", "Write annotated structs for an existing database's tables");
cl::opt<std::string> importDatabase("db",
                                    cl::desc("The database (sqlite:<file>, postgresql://...)"),
                                    cl::value_desc("url"), cl::Required, cl::sub(importCommand));
cl::opt<std::string>
    importSchema("schema", cl::desc("PostgreSQL schema to import (default: the current one)"),
                 cl::value_desc("name"), cl::sub(importCommand));
cl::opt<std::string>
    importNamespace("namespace",
                    cl::desc("Namespace of the structs (default: the header's stem, or db)"),
                    cl::value_desc("name"), cl::sub(importCommand));
cl::opt<std::string> importOutput("o", cl::desc("The header to write (default: stdout)"),
                                  cl::value_desc("file"), cl::sub(importCommand));
cl::opt<bool> importOverwrite("overwrite", cl::desc("Replace a header that differs"),
                              cl::sub(importCommand));

/// Names the LLVM the binary was compiled against and the libclang-cpp it runs with (asked of
/// the library at run time), so a test can prove which LLVM a build really uses.
void printVersion(llvm::raw_ostream& out) {
  out << "ormc " << ormc::emit::kOrmcVersion << "\n"
      << "  built against LLVM " << LLVM_VERSION_STRING << "\n"
      << "  running " << clang::getClangFullVersion() << "\n";
}
} // namespace

int main(int argc, const char** argv) {
  llvm::InitLLVM init(argc, argv);
  std::string error;
  // Everything after `--` is compiler flags for every input, as for other clang tools.
  auto fixed = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv, error);
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter(printVersion);
  cl::ParseCommandLineOptions(argc, argv,
                              "ormc: generate a persistence layer from annotated C++ structs\n");
  if (importCommand) {
    ormc::driver::ImportOptions import;
    import.databaseUrl = importDatabase;
    import.schema = importSchema;
    import.cppNamespace = importNamespace;
    import.output = importOutput;
    import.overwrite = importOverwrite;
    return ormc::driver::runImport(import);
  }
  ormc::driver::Options options;
  options.sources = sources;
  options.buildPath = buildPath;
  options.outputDir = outputDir;
  options.migrationsDir = migrationsDir;
  options.migrationName = migrationName;
  options.allowDataLoss = allowDataLoss;
  options.databaseUrl = database;
  options.checkDatabaseUrl = checkDatabase;
  options.embedMigrations = embedMigrations;
  options.emit = emit;
  options.templates.assign(templates.begin(), templates.end());
  if (!targets.empty()) {
    options.targets.clear();
    for (const std::string& target : targets) // each once, in the order given
      if (std::find(options.targets.begin(), options.targets.end(), target) ==
          options.targets.end())
        options.targets.push_back(target);
  }
  options.schemaName = schemaName;
  options.modelsNamespace = modelsNamespace;
  options.warningsAsErrors = werror;
  options.pgvector = pgvector;
  options.jobs = jobs;
  options.sourcesPerInput = sourcesPerInput;
  if (progress == "always")
    options.progress = ormc::driver::Options::Progress::Always;
  else if (progress == "never")
    options.progress = ormc::driver::Options::Progress::Never;
  else if (progress != "auto") {
    llvm::errs() << "ormc: error: --progress must be auto, always or never\n";
    return 1;
  }
  options.depFile = depFile;
  options.depFileTarget = depFileTarget;
  options.fragment = fragment;
  options.merge = merge;
  options.keepGoing = keepGoing;
  options.mergeSummary = mergeSummary;
  if (onTableConflict == "keep-first") {
    options.keepFirstTable = true;
  } else if (onTableConflict != "error") {
    llvm::errs() << "ormc: error: --on-table-conflict must be error or keep-first\n";
    return 1;
  }
  options.fixedCompilations = std::move(fixed);
  options.fixedCompilationsError = error;
  return ormc::driver::run(options);
}
