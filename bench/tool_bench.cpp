// The tool against clang itself, and generated code against plain structs, in compile time:
//   ormc on a translation unit vs clang++ -fsyntax-only on the same unit (target <= 0.9x: ormc
//   skips function bodies and parses each set of headers once);
//   compiling a unit that uses 50 generated models vs the same unit with the plain structs.
// Each case runs the real processes; ratios are printed against the baseline of the same run.
#include "ratio_reporter.hpp"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace {

void run(const std::string& command) {
  if (std::system((command + " >/dev/null 2>&1").c_str()) != 0)
    throw std::runtime_error("failed: " + command);
}

const std::string kIncludes = std::string("-I") + ORMC_BENCH_FIFTY_DIR + " -I" +
                              ORMC_BENCH_GENERATED_DIR + " -I" + ORMC_BENCH_RUNTIME_INCLUDE +
                              " -I" + ORMC_BENCH_ANNOTATIONS_INCLUDE;
const std::string kModels = std::string(ORMC_BENCH_FIFTY_DIR) + "/models.hpp";

void command_case(benchmark::State& state, const std::string& command) {
  for (auto _ : state)
    run(command);
}

void add(const std::string& name, const std::string& command) {
  benchmark::RegisterBenchmark(name.c_str(), command_case, command)
      ->Iterations(1)
      ->Repetitions(5)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

} // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string tmp = "/tmp/ormc-tool-bench";
  run("mkdir -p " + tmp);
  // The unit ormc and clang both read: the 50 annotated models.
  add("tool/parse/clang_syntax_only", std::string(ORMC_BENCH_CLANGXX) +
                                          " -std=c++20 -fsyntax-only -x c++-header " + kIncludes +
                                          " " + kModels);
  add("tool/parse/ormc",
      std::string(ORMC_BENCH_ORMC) + " --emit=ir " + kModels + " -- -std=c++20 " + kIncludes);
  add("tool/generate/ormc", std::string(ORMC_BENCH_ORMC) + " --output-dir " + tmp + "/gen " +
                                kModels + " -- -std=c++20 " + kIncludes);
  // Compile time of an application unit, with the compiler the project builds with.
  std::string compile =
      std::string(ORMC_BENCH_CXX) + " -std=c++20 -O2 -c " + kIncludes + " -o " + tmp + "/unit.o ";
  add("compile/fifty_models/plain", compile + ORMC_BENCH_FIFTY_DIR + "/use_plain.cpp");
  add("compile/fifty_models/ormc", compile + ORMC_BENCH_FIFTY_DIR + "/use_generated.cpp");

  bench::RatioReporter reporter({
      {"tool/parse/ormc", "tool/parse/clang_syntax_only", 0.9, ""},
      {"tool/generate/ormc", "tool/parse/clang_syntax_only", 0, "(parse + all outputs)"},
      {"compile/fifty_models/ormc", "compile/fifty_models/plain", 0, "(report only)"},
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
