#include "driver/Pipeline.h"

#include "diagnostics/DiagnosticReporter.h"
#include "driver/DepFile.h"
#include "driver/ModuleMerge.h"
#include "driver/ProgressLine.h"
#include "emit/CppEmitter.h"
#include "emit/CppEmitterInternal.h"
#include "emit/DdlEmitter.h"
#include "emit/EmbeddedMigrations.h"
#include "emit/MermaidEmitter.h"
#include "emit/OutputFiles.h"
#include "emit/python/PythonEmitter.h"
#include "emit/template/TemplateCheck.h"
#include "emit/template/TemplateData.h"
#include "emit/template/TemplateRender.h"
#include "frontend/CollectModelsAction.h"
#include "frontend/CompileCommands.h"
#include "frontend/ModelSet.h"
#include "frontend/ParseJobs.h"
#include "frontend/ParseRunner.h"
#include "ir/SchemaJson.h"
#include "live/CatalogCheck.h"
#include "migrate/DownMigration.h"
#include "migrate/MigrationWriter.h"
#include "migrate/RowsAtStake.h"
#include "migrate/SchemaDiff.h"
#include "validate/Linker.h"
#include "validate/Validator.h"

#include <algorithm>
#include <future>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>
#include <optional>
#include <ormc/sql/migration_files.hpp>
#include <set>
#include <thread>

namespace ormc::driver {
namespace {

std::string absolutePath(const std::string& path) {
  llvm::SmallString<256> out(path);
  llvm::sys::fs::make_absolute(out);
  llvm::sys::path::remove_dots(out, /*remove_dot_dot=*/true);
  return out.str().str();
}

std::string checkOptions(const Options& options) {
  int outputs = !options.outputDir.empty() + !options.emit.empty() + !options.fragment.empty();
  if (!options.migrationsDir.empty()) {
    if (!options.emit.empty() || !options.fragment.empty())
      return "--migrations-dir writes files; it cannot go with --emit or --fragment";
    bool plain = !options.migrationName.empty();
    for (char c : options.migrationName)
      plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!plain)
      return "--migration-name must be lower-case letters, digits and '_', not '" +
             options.migrationName + "'";
    outputs = 1; // --output-dir is optional beside it
  }
  if (!options.checkDatabaseUrl.empty()) {
    if (!options.emit.empty() || !options.fragment.empty())
      return "--check-db compares the models with a database; it cannot go with --emit or "
             "--fragment";
    outputs = 1; // --output-dir and --migrations-dir are optional beside it
  }
  if (!options.embedMigrations.empty() && options.migrationsDir.empty())
    return "--embed-migrations compiles a migrations directory in; it goes with --migrations-dir";
  if (!options.databaseUrl.empty() && options.migrationsDir.empty())
    return "--db counts the rows a migration would lose; it goes with --migrations-dir";
  if (outputs != 1)
    return "give exactly one of --output-dir=<dir>, --emit=ir|sqlite|postgresql|cpp|python|mermaid "
           "or "
           "--fragment=<file>";
  if (options.merge && !options.fragment.empty())
    return "--merge reads fragments; it cannot write one";
  if (!options.merge &&
      (options.keepGoing || options.keepFirstTable || !options.mergeSummary.empty()))
    return "--keep-going, --on-table-conflict and --merge-summary are for --merge";
  if (options.depFile.empty() && !options.depFileTarget.empty())
    return "--depfile-target needs --depfile";
  if (options.merge && options.fixedCompilations)
    return "--merge reads fragments, not sources; compiler flags after -- do not apply";
  if (!options.emit.empty() && options.emit != "ir" && options.emit != "sqlite" &&
      options.emit != "cpp" && options.emit != "postgresql" && options.emit != "mermaid" &&
      options.emit != "python" && options.emit != "template-data")
    return "unknown --emit value '" + options.emit +
           "'; expected ir, sqlite, postgresql, cpp, python, mermaid or template-data";
  for (const std::string& target : options.targets)
    if (target != "cpp" && target != "python")
      return "unknown --target '" + target + "'; expected cpp or python";
  if (!options.templates.empty() && options.outputDir.empty())
    return "--template renders into --output-dir; give one";
  std::map<std::string, std::string> templateByOutput;
  for (const std::string& path : options.templates) {
    std::string output = emit::templateOutputName(path);
    if (output.empty())
      return "--template '" + path +
             "': a template's name is the file it writes and '.mustache' "
             "(openapi.yaml.mustache writes openapi.yaml)";
    auto [it, fresh] = templateByOutput.emplace(output, path);
    if (!fresh)
      return "templates '" + it->second + "' and '" + path + "' would both write '" + output + "'";
  }
  if (options.schemaName.empty() || options.schemaName.find('/') != std::string::npos)
    return "--schema-name must be a plain file stem";
  if (options.sourcesPerInput < 1 || options.sourcesPerInput > 64)
    return "--sources-per-input must be between 1 and 64, not " +
           std::to_string(options.sourcesPerInput);
  for (const std::string& source : options.sources)
    if (!options.merge && emit::generatedHeaderName(source) == options.schemaName + ".ormc.hpp")
      return "input '" + source + "' would generate the same file as the schema; pass " +
             "--schema-name=<other stem>";
  return {};
}

/// billing/models.hpp and crm/models.hpp would overwrite each other's models.ormc.hpp.
std::string outputCollision(const std::vector<std::string>& inputs) {
  std::map<std::string, std::string> byOutput;
  for (const std::string& input : inputs) {
    auto [it, fresh] = byOutput.emplace(emit::generatedHeaderName(input), input);
    if (!fresh && it->second != input)
      return "inputs '" + it->second + "' and '" + input + "' would both generate '" + it->first +
             "'; rename one, or generate each folder's models into an output directory of its "
             "own";
  }
  return {};
}

/// The files of one --target, by name.
std::map<std::string, std::string> targetFiles(const ir::Schema& schema, const Options& options,
                                               const std::string& target) {
  if (target == "python") return emit::emitPython(schema, options.schemaName);
  emit::CppOptions cpp;
  cpp.outputDir = absolutePath(options.outputDir);
  cpp.schemaName = options.schemaName;
  cpp.modelsNamespace = options.modelsNamespace;
  cpp.sourcesPerInput = options.sourcesPerInput;
  return emit::emitCpp(schema, cpp);
}

/// A --template file, read and checked.
struct Template {
  std::string path;
  std::string output; // the file it writes
  std::string text;
};

/// Reads and checks each --template; false after reporting what is wrong with any of them.
bool loadTemplates(const Options& options, DiagnosticReporter& reporter,
                   std::vector<Template>& out) {
  for (const std::string& path : options.templates) {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer) {
      reporter.reportError("cannot read template '" + path + "': " + buffer.getError().message());
      return false;
    }
    Template t{absolutePath(path), emit::templateOutputName(path), (*buffer)->getBuffer().str()};
    for (const Finding& f : emit::checkTemplate(t.text, t.path))
      reporter.report(f);
    out.push_back(std::move(t));
  }
  return reporter.errors() == 0;
}

/// Everything ormc writes for --output-dir, by file name: each target's and template's files
/// (made at once, one thread each: they are pure functions of the same IR), the DDL and
/// schema.json. `error` is set when a template would write one of ormc's own files.
std::map<std::string, std::string> outputFiles(const ir::Schema& schema, const Options& options,
                                               const std::vector<Template>& templates,
                                               std::string& error) {
  std::vector<std::future<std::map<std::string, std::string>>> parts;
  for (const std::string& target : options.targets)
    parts.push_back(std::async(std::launch::async, targetFiles, std::cref(schema),
                               std::cref(options), std::cref(target)));
  const nlohmann::json data = emit::templateData(schema, options.schemaName);
  std::vector<std::future<std::string>> rendered;
  for (const Template& t : templates)
    rendered.push_back(
        std::async(std::launch::async, [&data, &t] { return emit::renderTemplate(t.text, data); }));
  std::map<std::string, std::string> files;
  for (auto& part : parts)
    files.merge(part.get());
  for (Dialect dialect : sql::all_dialects()) {
    const sql::Renderer& renderer = sql::renderer(dialect);
    files[options.schemaName + "." + std::string(renderer.name()) + ".sql"] =
        emit::emitSchemaSql(schema, renderer);
  }
  files[options.schemaName + ".json"] = ir::toJson(schema, ir::LocationPolicy::Omit).dump(2) + "\n";
  for (std::size_t i = 0; i < templates.size(); ++i) {
    std::string text = rendered[i].get();
    if (files.count(templates[i].output) && error.empty())
      error = "template '" + templates[i].path + "' would write '" + templates[i].output +
              "', which ormc writes itself; rename the template";
    files.emplace(templates[i].output, std::move(text));
  }
  return files;
}

void printArtifact(const ir::Schema& schema, const Options& options) {
  llvm::raw_ostream& out = llvm::outs();
  if (options.emit == "ir") {
    out << ir::toJson(schema, ir::LocationPolicy::Include).dump(2) << "\n";
  } else if (options.emit == "sqlite") {
    out << emit::emitSchemaSql(schema, sql::renderer(Dialect::sqlite));
  } else if (options.emit == "mermaid") {
    out << emit::emitMermaid(schema);
  } else if (options.emit == "postgresql") {
    out << emit::emitSchemaSql(schema, sql::renderer(Dialect::postgresql));
  } else if (options.emit == "template-data") {
    out << emit::templateData(schema, options.schemaName).dump(2) << "\n";
  } else if (options.emit == "python") {
    out << emit::emitPython(schema,
                            options.schemaName)[emit::pythonModelsFileName(options.schemaName)];
  } else {
    emit::CppOptions cpp;
    llvm::SmallString<256> cwd;
    llvm::sys::fs::current_path(cwd);
    cpp.outputDir = cwd.str().str();
    cpp.schemaName = options.schemaName;
    cpp.modelsNamespace = options.modelsNamespace;
    cpp.sourcesPerInput = options.sourcesPerInput;
    for (const auto& [name, contents] : emit::emitCpp(schema, cpp))
      out << "// ===== " << name << " =====\n" << contents;
  }
}

/// The IR of the inputs, parsed with clang; `dependencies` receives every file the parses read.
std::unique_ptr<frontend::ModelSet> parseInputs(Options& options,
                                                const std::vector<std::string>& inputs,
                                                DiagnosticReporter& reporter,
                                                std::set<std::string>& dependencies) {
  auto compilations = frontend::loadCompilations(options.buildPath, options.sources,
                                                 std::move(options.fixedCompilations));
  if (!compilations.error.empty()) {
    reporter.reportError(compilations.error);
    return nullptr;
  }
  if (!compilations.warning.empty())
    llvm::errs() << "ormc: warning: " << compilations.warning << "\n";

  frontend::ParsePlan plan = frontend::planParseJobs(*compilations.database, inputs);
  for (const std::string& input : plan.inputsWithoutCommand)
    reporter.reportError("no compile command for '" + input + "'");
  if (!plan.inputsWithoutCommand.empty()) return nullptr;

  frontend::ParseRunOptions run;
  run.threads =
      options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  run.colors = llvm::sys::Process::StandardErrHasColors();
  ProgressLine progress(options.progress, plan.jobs.size());
  run.onFinished = [&](std::size_t finished, std::size_t total, const frontend::ParseJob& job) {
    progress.update(finished, total, job);
  };
  auto models = std::make_unique<frontend::ModelSet>(inputs);
  frontend::ParseRunResult result = frontend::runParseJobs(plan.jobs, inputs, *models, run);
  progress.finish();
  llvm::errs() << result.compilerDiagnostics;
  if (!result.ok) {
    // clang has reported why; ormc's own findings still follow, they may explain more.
    for (const Finding& f : models->findings())
      reporter.report(f);
    if (reporter.errors() == 0) reporter.reportError("the inputs did not compile; nothing written");
    return nullptr;
  }
  dependencies = std::move(result.dependencies);
  return models;
}

/// The IR of previously extracted fragments (--merge).
/// --merge: each fragment file as a module, read or with why it could not be.
std::vector<ModuleInput> readModules(const std::vector<std::string>& given,
                                     const std::vector<std::string>& files) {
  std::vector<ModuleInput> modules;
  for (std::size_t i = 0; i < files.size(); ++i) {
    ModuleInput module{given[i], std::nullopt, ""};
    auto buffer = llvm::MemoryBuffer::getFile(files[i]);
    if (!buffer) {
      module.readError =
          "cannot read IR fragment '" + files[i] + "': " + buffer.getError().message();
    } else {
      try {
        module.fragment = ir::schemaFromJson((*buffer)->getBuffer().str());
      } catch (const ir::IrFormatError& e) {
        module.readError = "'" + files[i] + "' is not an ormc IR fragment: " + e.what();
      }
    }
    modules.push_back(std::move(module));
  }
  return modules;
}

/// --embed-migrations: the directory's ormc.sum and migrations as C++ sources; 1 on errors.
int embedMigrations(const ir::Schema& schema, const std::string& dir, const Options& options,
                    DiagnosticReporter& reporter) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
    std::string name = llvm::sys::path::filename(it->path()).str();
    if (name != "ormc.sum" && !sql::parse_migration_file_name(name)) continue;
    auto buffer = llvm::MemoryBuffer::getFile(it->path());
    if (!buffer) {
      reporter.reportError("cannot read '" + it->path() + "': " + buffer.getError().message());
      return 1;
    }
    files[name] = (*buffer)->getBuffer().str();
  }
  if (ec) {
    reporter.reportError("cannot list '" + dir + "': " + ec.message());
    return 1;
  }
  std::string stem = absolutePath(options.embedMigrations);
  std::string ns = emit::containerNamespace(schema, options.modelsNamespace);
  emit::WriteResult written = emit::writeFilesIfChanged(
      llvm::sys::path::parent_path(stem).str(),
      emit::embeddedMigrations(files, llvm::sys::path::filename(stem).str(),
                               ns.empty() ? "" : emit::namespaceOpening(schema, ns)));
  if (!written.ok) {
    reporter.reportError(written.error);
    return 1;
  }
  return 0;
}

/// --migrations-dir: the migration from the directory's snapshot to `schema`; 1 on errors.
int writeMigration(const ir::Schema& schema, const Options& options, DiagnosticReporter& reporter) {
  std::string dir = absolutePath(options.migrationsDir);
  ir::Schema before;
  std::string snapshot = dir + "/schema.json";
  if (llvm::sys::fs::exists(snapshot)) {
    auto buffer = llvm::MemoryBuffer::getFile(snapshot);
    try {
      if (!buffer) throw ir::IrFormatError(buffer.getError().message());
      before = ir::schemaFromSnapshot((*buffer)->getBuffer().str());
    } catch (const ir::IrFormatError& e) {
      reporter.reportError("cannot read the last migration's snapshot '" + snapshot +
                           "': " + e.what());
      return 1;
    }
    validate::linkSchema(before);
  }
  std::map<std::string, std::string> sums;
  std::int64_t version = 1;
  std::string sumFile = dir + "/ormc.sum";
  if (llvm::sys::fs::exists(sumFile)) {
    auto buffer = llvm::MemoryBuffer::getFile(sumFile);
    std::string error = buffer ? "" : buffer.getError().message();
    std::optional<std::map<std::string, std::string>> read;
    if (buffer) read = sql::read_migration_sum((*buffer)->getBuffer(), error);
    if (!read) {
      reporter.reportError("cannot read '" + sumFile + "': " + error);
      return 1;
    }
    sums = std::move(*read);
    for (const auto& [file, checksum] : sums)
      if (auto name = sql::parse_migration_file_name(file))
        version = std::max(version, name->version + 1);
  } else if (llvm::sys::fs::exists(snapshot)) {
    reporter.reportError("'" + snapshot +
                         "' has no ormc.sum beside it; it lists the migrations "
                         "written so far");
    return 1;
  }
  migrate::SchemaDiff diff = migrate::diffSchemas(before, schema, options.allowDataLoss);
  if (!options.databaseUrl.empty() && !diff.atStake.empty()) {
    std::string error;
    std::unique_ptr<live::LiveDatabase> database =
        live::openLiveDatabase(options.databaseUrl, error);
    if (!database) {
      reporter.reportError("--db: " + error);
      return 1;
    }
    migrate::noteRowsAtStake(diff, *database);
  }
  for (const Finding& f : diff.findings)
    reporter.report(f);
  if (reporter.errors() != 0) return 1;
  if (diff.steps.empty()) {
    llvm::errs() << "ormc: no schema changes since migration " << (version - 1)
                 << "; nothing written to " << options.migrationsDir << "\n";
  } else {
    // The way back, where it is exact: the diff the other way, renames reversed.
    std::string inexact = migrate::inexactReason(diff);
    ir::Schema back = migrate::withRenamesReversed(before, diff);
    migrate::SchemaDiff backDiff = migrate::diffSchemas(schema, back, /*allowDataLoss=*/true);
    for (const Finding& f : backDiff.findings)
      if (inexact.empty() && f.severity == Severity::Error) inexact = f.message;
    migrate::WayBack wayBack{back, backDiff};
    emit::WriteResult written = emit::writeFilesIfChanged(
        dir, migrate::migrationFiles(schema, diff, version, options.migrationName, sums,
                                     inexact.empty() ? &wayBack : nullptr));
    if (!written.ok) {
      reporter.reportError(written.error);
      return 1;
    }
    llvm::errs() << "ormc: wrote migration " << version << " (" << options.migrationName << ") to "
                 << options.migrationsDir
                 << (inexact.empty() ? ", with its down migration"
                                     : "; no down migration: " + inexact)
                 << "\n";
  }
  return options.embedMigrations.empty() ? 0 : embedMigrations(schema, dir, options, reporter);
}

/// --check-db: the live database's tables against the models; 1 when they differ.
int checkDatabase(const ir::Schema& schema, const Options& options, DiagnosticReporter& reporter) {
  std::string error;
  std::unique_ptr<live::LiveDatabase> database =
      live::openLiveDatabase(options.checkDatabaseUrl, error);
  if (!database) {
    reporter.reportError("--check-db: " + error);
    return 1;
  }
  Findings differences = live::checkDatabase(schema, *database);
  for (const Finding& f : differences)
    reporter.report(f);
  if (!differences.empty()) {
    llvm::errs() << "ormc: the database differs from the models (" << differences.size()
                 << " difference" << (differences.size() == 1 ? "" : "s")
                 << "); migrate it (docs/migrations.md)\n";
    return 1;
  }
  llvm::errs() << "ormc: the database matches the models (" << schema.models.size() << " table"
               << (schema.models.size() == 1 ? "" : "s") << ")\n";
  return 0;
}

bool writeOne(const std::string& path, const std::string& contents, DiagnosticReporter& reporter) {
  llvm::SmallString<256> directory(absolutePath(path));
  std::string name = llvm::sys::path::filename(directory).str();
  llvm::sys::path::remove_filename(directory);
  emit::WriteResult written = emit::writeFilesIfChanged(directory.str().str(), {{name, contents}});
  if (!written.ok) reporter.reportError(written.error);
  return written.ok;
}

} // namespace

int run(Options& options) {
  DiagnosticReporter reporter(llvm::errs(), llvm::sys::Process::StandardErrHasColors());
  if (std::string problem = checkOptions(options); !problem.empty()) {
    reporter.reportError(problem);
    return 1;
  }
  std::vector<std::string> inputs;
  for (const std::string& source : options.sources)
    inputs.push_back(absolutePath(source));
  if (!options.merge)
    for (const std::string& input : inputs)
      if (!llvm::sys::fs::exists(input)) {
        reporter.reportError("no such file: '" + input + "'");
        return 1;
      }

  std::vector<Template> templates;
  if (!loadTemplates(options, reporter, templates)) {
    reporter.reportError("a template has errors; nothing written");
    return 1;
  }
  std::set<std::string> dependencies;
  for (const Template& t : templates) // so that editing a template reruns ormc
    dependencies.insert(t.path);
  Findings findings;
  ir::Schema schema;
  std::string failedModules; // --keep-going left them out: the rest is written, the exit is 1
  unsigned leftOutErrors = 0;
  if (options.merge) {
    MergeResult merged =
        mergeModules(readModules(options.sources, inputs),
                     options.keepFirstTable ? TableConflict::KeepFirst : TableConflict::Error,
                     options.keepGoing);
    dependencies.insert(inputs.begin(), inputs.end());
    if (!options.mergeSummary.empty() &&
        !writeOne(options.mergeSummary, mergeSummaryJson(merged), reporter))
      return 1;
    // Errors, but of modules left out: what the others make is still written.
    for (const Finding& f : merged.leftOut)
      reporter.report(f);
    leftOutErrors = reporter.errors();
    findings = std::move(merged.findings);
    schema = std::move(merged.schema);
    for (const ModuleSummary& m : merged.modules)
      if (m.failed) failedModules += (failedModules.empty() ? "" : ", ") + m.name;
  } else {
    std::unique_ptr<frontend::ModelSet> models =
        parseInputs(options, inputs, reporter, dependencies);
    if (!models) return 1;
    findings = models->findings();
    schema = models->schema();
  }
  if (options.pgvector) ir::preferPgvector(schema);
  // A fragment is checked as a whole only when merged (mergeModules() checks it): its models may
  // refer to others'.
  if (!options.merge && !hasErrors(findings) && options.fragment.empty()) {
    // Unresolved relations are left out of the checks that follow, so both kinds report.
    Findings problems = validate::linkSchema(schema);
    Findings more = validate::validateSchema(schema);
    problems.insert(problems.end(), more.begin(), more.end());
    findings.insert(findings.end(), problems.begin(), problems.end());
  }
  for (Finding& f : findings) {
    if (options.warningsAsErrors && f.severity == Severity::Warning) f.severity = Severity::Error;
    reporter.report(f);
  }
  if (reporter.errors() != leftOutErrors) return 1;

  if (!options.fragment.empty()) {
    if (!writeOne(options.fragment, ir::toJson(schema, ir::LocationPolicy::Include).dump(1) + "\n",
                  reporter))
      return 1;
  } else if (!options.emit.empty()) {
    printArtifact(schema, options);
  } else if (!options.outputDir.empty()) {
    if (std::string collision = outputCollision(schema.inputFiles); !collision.empty()) {
      reporter.reportError(collision);
      return 1;
    }
    std::string error;
    std::map<std::string, std::string> files = outputFiles(schema, options, templates, error);
    if (!error.empty()) {
      reporter.reportError(error);
      return 1;
    }
    emit::WriteResult written = emit::writeFilesIfChanged(options.outputDir, files);
    if (!written.ok) {
      reporter.reportError(written.error);
      return 1;
    }
  }
  if (!options.migrationsDir.empty() && writeMigration(schema, options, reporter) != 0) return 1;
  if (!options.checkDatabaseUrl.empty() && checkDatabase(schema, options, reporter) != 0) return 1;
  if (!options.depFile.empty()) {
    std::string target = options.depFileTarget;
    if (target.empty())
      target = !options.fragment.empty()
                   ? absolutePath(options.fragment)
                   : absolutePath(options.outputDir) + "/" + options.schemaName + ".ormc.hpp";
    if (!writeOne(options.depFile, makeDepFile(target, dependencies), reporter)) return 1;
  }
  if (!failedModules.empty()) {
    llvm::errs() << "ormc: left out, having failed: " << failedModules
                 << "; the schema holds every other module's tables\n";
    return 1;
  }
  return 0;
}

} // namespace ormc::driver
