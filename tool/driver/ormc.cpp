// ormc: reads annotated C++ structs and writes their persistence layer. This file only parses
// options and runs the pipeline in tool/lib; see docs/architecture.md.
#include "driver/Pipeline.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/InitLLVM.h>

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
    emit("emit", cl::desc("Print one artifact to stdout: ir, sqlite, postgresql, cpp or mermaid"),
         cl::value_desc("artifact"), cl::cat(category));
cl::opt<std::string> schemaName("schema-name",
                                cl::desc("Stem of the schema files (default: schema)"),
                                cl::init("schema"), cl::cat(category));
cl::opt<std::string>
    modelsNamespace("namespace",
                    cl::desc("Namespace of the Models container (default: the models' own)"),
                    cl::cat(category));
cl::opt<bool> werror("werror", cl::desc("Treat ormc's warnings as errors"), cl::cat(category));
} // namespace

int main(int argc, const char** argv) {
  llvm::InitLLVM init(argc, argv);
  std::string error;
  // Everything after `--` is compiler flags for every input, as for other clang tools.
  auto fixed = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv, error);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "ormc: generate a persistence layer from annotated C++ structs\n");
  ormc::driver::Options options;
  options.sources = sources;
  options.buildPath = buildPath;
  options.outputDir = outputDir;
  options.emit = emit;
  options.schemaName = schemaName;
  options.modelsNamespace = modelsNamespace;
  options.warningsAsErrors = werror;
  options.fixedCompilations = std::move(fixed);
  options.fixedCompilationsError = error;
  return ormc::driver::run(options);
}
