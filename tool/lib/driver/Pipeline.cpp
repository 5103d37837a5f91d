#include "driver/Pipeline.h"

#include "diagnostics/DiagnosticReporter.h"
#include "emit/CppEmitter.h"
#include "emit/DdlEmitter.h"
#include "emit/MermaidEmitter.h"
#include "emit/OutputFiles.h"
#include "frontend/CollectModelsAction.h"
#include "frontend/CompileCommands.h"
#include "frontend/ModelSet.h"
#include "ir/SchemaJson.h"
#include "validate/Validator.h"

#include <clang/Tooling/Tooling.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>

namespace ormc::driver {
namespace {

std::string absolutePath(const std::string& path) {
  llvm::SmallString<256> out(path);
  llvm::sys::fs::make_absolute(out);
  llvm::sys::path::remove_dots(out, /*remove_dot_dot=*/true);
  return out.str().str();
}

std::string checkOptions(const Options& options) {
  if (options.outputDir.empty() == options.emit.empty())
    return "give exactly one of --output-dir=<dir> or --emit=ir|sqlite|postgresql|cpp|mermaid";
  if (!options.emit.empty() && options.emit != "ir" && options.emit != "sqlite" &&
      options.emit != "cpp" && options.emit != "postgresql" && options.emit != "mermaid")
    return "unknown --emit value '" + options.emit +
           "'; expected ir, sqlite, postgresql, cpp or mermaid";
  if (options.schemaName.empty() || options.schemaName.find('/') != std::string::npos)
    return "--schema-name must be a plain file stem";
  for (const std::string& source : options.sources)
    if (emit::generatedHeaderName(source) == options.schemaName + ".ormc.hpp")
      return "input '" + source + "' would generate the same file as the schema; pass " +
             "--schema-name=<other stem>";
  return {};
}

/// Everything ormc writes for --output-dir, by file name.
std::map<std::string, std::string> outputFiles(const ir::Schema& schema, const Options& options) {
  emit::CppOptions cpp;
  cpp.outputDir = absolutePath(options.outputDir);
  cpp.schemaName = options.schemaName;
  cpp.modelsNamespace = options.modelsNamespace;
  std::map<std::string, std::string> files = emit::emitCpp(schema, cpp);
  for (const emit::SqlDialect* dialect : emit::allDialects())
    files[options.schemaName + "." + std::string(dialect->name()) + ".sql"] =
        emit::emitSchemaSql(schema, *dialect);
  files[options.schemaName + ".json"] = ir::toJson(schema, ir::LocationPolicy::Omit).dump(2) + "\n";
  return files;
}

void printArtifact(const ir::Schema& schema, const Options& options) {
  llvm::raw_ostream& out = llvm::outs();
  if (options.emit == "ir") {
    out << ir::toJson(schema, ir::LocationPolicy::Include).dump(2) << "\n";
  } else if (options.emit == "sqlite") {
    out << emit::emitSchemaSql(schema, emit::sqliteDialect());
  } else if (options.emit == "mermaid") {
    out << emit::emitMermaid(schema);
  } else if (options.emit == "postgresql") {
    out << emit::emitSchemaSql(schema, emit::postgresDialect());
  } else {
    emit::CppOptions cpp;
    llvm::SmallString<256> cwd;
    llvm::sys::fs::current_path(cwd);
    cpp.outputDir = cwd.str().str();
    cpp.schemaName = options.schemaName;
    cpp.modelsNamespace = options.modelsNamespace;
    for (const auto& [name, contents] : emit::emitCpp(schema, cpp))
      out << "// ===== " << name << " =====\n" << contents;
  }
}

} // namespace

int run(Options& options) {
  DiagnosticReporter reporter(llvm::errs(), llvm::sys::Process::StandardErrHasColors());
  if (std::string problem = checkOptions(options); !problem.empty()) {
    reporter.reportError(problem);
    return 1;
  }
  auto compilations = frontend::loadCompilations(options.buildPath, options.sources,
                                                 std::move(options.fixedCompilations));
  if (!compilations.error.empty()) {
    reporter.reportError(compilations.error);
    return 1;
  }
  if (!compilations.warning.empty())
    llvm::errs() << "ormc: warning: " << compilations.warning << "\n";

  std::vector<std::string> inputs;
  for (const std::string& source : options.sources)
    inputs.push_back(absolutePath(source));
  for (const std::string& input : inputs)
    if (!llvm::sys::fs::exists(input)) {
      reporter.reportError("no such file: '" + input + "'");
      return 1;
    }

  clang::tooling::ClangTool tool(*compilations.database, inputs);
  tool.appendArgumentsAdjuster(frontend::ormcArgumentsAdjuster());
  frontend::ModelSet models(inputs);
  auto factory = frontend::collectModelsActionFactory(models);
  int parseStatus = tool.run(factory.get());

  Findings findings = models.findings();
  ir::Schema schema = models.schema();
  if (!hasErrors(findings) && parseStatus == 0) {
    Findings problems = validate::validateSchema(schema);
    findings.insert(findings.end(), problems.begin(), problems.end());
  }
  for (Finding& f : findings) {
    if (options.warningsAsErrors && f.severity == Severity::Warning) f.severity = Severity::Error;
    reporter.report(f);
  }
  if (reporter.errors() != 0 || parseStatus != 0) return 1;

  if (!options.emit.empty()) {
    printArtifact(schema, options);
    return 0;
  }
  emit::WriteResult written =
      emit::writeFilesIfChanged(options.outputDir, outputFiles(schema, options));
  if (!written.ok) {
    reporter.reportError(written.error);
    return 1;
  }
  return 0;
}

} // namespace ormc::driver
