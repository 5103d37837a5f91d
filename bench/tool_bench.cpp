// The tool against clang itself, and generated code against plain structs, in compile time:
//   ormc on a translation unit vs clang++ -fsyntax-only on the same unit (target <= 0.9x: ormc
//   skips function bodies and parses each set of headers once);
//   compiling a unit that uses 50 generated models as an application does vs the same unit
//   written by hand against sqlite3 (wall and peak memory), and the whole build with the
//   generated source, -O2 and -O0.
// Each case runs the real processes; ratios are printed against the baseline of the same run.
#include "ratio_reporter.hpp"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

namespace {

/// Runs `command` through the shell; returns the peak resident memory, in MB, of the largest
/// process it ran (the compiler, for a compile).
double run(const std::string& command) {
  pid_t child = fork();
  if (child == 0) {
    execl("/bin/sh", "sh", "-c", (command + " >/dev/null 2>&1").c_str(), nullptr);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (child < 0 || wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0)
    throw std::runtime_error("failed: " + command);
  return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports kilobytes
}

double cpu_seconds(const rusage& usage) {
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// Runs `first` and `second` at the same time, one per core, so that whatever else the machine
/// does slows both alike; returns each one's CPU time (user + system), in seconds. On this
/// project's shared 2-core machines the same unit's wall time varies by a third between runs
/// a minute apart, which a ratio of runs made at different times cannot see through.
std::pair<double, double> run_together(const std::string& first, const std::string& second) {
  pid_t children[2];
  const std::string* commands[2] = {&first, &second};
  for (int i = 0; i < 2; ++i) {
    children[i] = fork();
    if (children[i] == 0) {
      execl("/bin/sh", "sh", "-c", (*commands[i] + " >/dev/null 2>&1").c_str(), nullptr);
      _exit(127);
    }
    if (children[i] < 0) throw std::runtime_error("fork failed: " + *commands[i]);
  }
  double cpu[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    int status = 0;
    rusage usage{};
    if (wait4(children[i], &status, 0, &usage) != children[i] || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
      throw std::runtime_error("failed: " + *commands[i]);
    cpu[i] = cpu_seconds(usage);
  }
  return {cpu[0], cpu[1]};
}

const std::string kIncludes = std::string("-I") + ORMC_BENCH_FIFTY_DIR + " -I" +
                              ORMC_BENCH_GENERATED_DIR + " -I" + ORMC_BENCH_RUNTIME_INCLUDE +
                              " -I" + ORMC_BENCH_SQL_INCLUDE + " -I" +
                              ORMC_BENCH_ANNOTATIONS_INCLUDE;
const std::string kModels = std::string(ORMC_BENCH_FIFTY_DIR) + "/models.hpp";

void command_case(benchmark::State& state, const std::string& command) {
  double peak = 0;
  for (auto _ : state)
    peak = run(command);
  state.counters["peak_rss_mb"] = peak;
}

/// The ormc unit and the hand-written one compiled together (run_together()), each repetition.
void paired_case(benchmark::State& state, const std::string& ormc, const std::string& by_hand) {
  for (auto _ : state) {
    auto [ormc_cpu, by_hand_cpu] = run_together(ormc, by_hand);
    state.counters["ormc_cpu_s"] = ormc_cpu;
    state.counters["by_hand_cpu_s"] = by_hand_cpu;
    state.counters["ormc_over_by_hand"] = ormc_cpu / by_hand_cpu;
  }
}

void add(const std::string& name, const std::string& command, int repetitions = 5) {
  benchmark::RegisterBenchmark(name.c_str(), command_case, command)
      ->Iterations(1)
      ->Repetitions(repetitions)
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
  // An application unit that uses each of the 50 models (create_schema, insert, get,
  // where().all(), update), compiled with the compiler the project builds with; beside the same
  // unit written by hand against sqlite3, and the plain structs alone.
  std::string fifty = ORMC_BENCH_FIFTY_DIR;
  std::string generated = ORMC_BENCH_GENERATED_DIR;
  // ormc_generate(... SOURCES_PER_HEADER 2) in bench/CMakeLists.txt: the models' code in two parts.
  std::string sources[] = {generated + "/models.ormc.cpp", generated + "/models.ormc-2.cpp"};
  for (const char* level : {"-O2", "-O0"}) {
    std::string compile = std::string(ORMC_BENCH_CXX) + " -std=c++20 " + level + " -c " +
                          kIncludes + " -o " + tmp + "/";
    std::string suffix = std::string(level) == "-O2" ? "" : "_O0";
    add("compile/fifty_models/plain" + suffix, compile + "plain.o " + fifty + "/use_plain.cpp", 2);
    add("compile/fifty_models/sqlite_by_hand" + suffix,
        compile + "sqlite.o " + fifty + "/use_sqlite.cpp", 2);
    add("compile/fifty_models/ormc_unit" + suffix,
        compile + "unit.o " + fifty + "/use_generated.cpp", 2);
    // The same two units compiled at the same time, one per core: their CPU times compared
    // under the same conditions (the cases above compare runs made a minute apart).
    if (suffix.empty())
      benchmark::RegisterBenchmark("compile/fifty_models/paired", paired_case,
                                   compile + "unit_p.o " + fifty + "/use_generated.cpp",
                                   compile + "sqlite_p.o " + fifty + "/use_sqlite.cpp")
          ->Iterations(1)
          ->Repetitions(5)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    // What the build compiles besides: the generated sources, once for the program.
    add("compile/fifty_models/ormc_generated_sources" + suffix,
        compile + "part1.o " + sources[0] + " && " + compile + "part2.o " + sources[1], 2);
    // The whole build of the unit and both sources, as `make -j2` runs it: three compiles,
    // two at a time.
    add("build/fifty_models/ormc_unit_and_sources_j2" + suffix,
        "printf '%s\\n' '" + compile + "unit2.o " + fifty + "/use_generated.cpp' '" + compile +
            "part1b.o " + sources[0] + "' '" + compile + "part2b.o " + sources[1] +
            "' | xargs -P 2 -I CMD sh -c CMD",
        2);
  }

  // 200 models: how the cost grows. Their code is generated here, before any timing.
  std::string two_hundred = ORMC_BENCH_TWO_HUNDRED_DIR;
  std::string generated200 = tmp + "/gen200";
  std::string includes200 = "-I" + two_hundred + " -I" + generated200 + " -I" +
                            ORMC_BENCH_RUNTIME_INCLUDE + " -I" + ORMC_BENCH_SQL_INCLUDE + " -I" +
                            ORMC_BENCH_ANNOTATIONS_INCLUDE;
  run(std::string(ORMC_BENCH_ORMC) + " --output-dir " + generated200 + " --sources-per-input=2 " +
      two_hundred + "/models.hpp -- -std=c++20 " + includes200);
  {
    std::string compile =
        std::string(ORMC_BENCH_CXX) + " -std=c++20 -O2 -c " + includes200 + " -o " + tmp + "/";
    add("compile/two_hundred_models/sqlite_by_hand",
        compile + "sqlite200.o " + two_hundred + "/use_sqlite.cpp", 1);
    add("compile/two_hundred_models/ormc_unit",
        compile + "unit200.o " + two_hundred + "/use_generated.cpp", 1);
    add("build/two_hundred_models/ormc_unit_and_sources_j2",
        "printf '%s\\n' '" + compile + "unit200b.o " + two_hundred + "/use_generated.cpp' '" +
            compile + "part200a.o " + generated200 + "/models.ormc.cpp' '" + compile +
            "part200b.o " + generated200 + "/models.ormc-2.cpp' | xargs -P 2 -I CMD sh -c CMD",
        1);
  }

  bench::RatioReporter reporter({
      {"tool/parse/ormc", "tool/parse/clang_syntax_only", 0.9, ""},
      {"tool/generate/ormc", "tool/parse/clang_syntax_only", 0, "(parse + all outputs)"},
      {"compile/fifty_models/ormc_unit", "compile/fifty_models/sqlite_by_hand", 1.2, ""},
      {"compile/fifty_models/ormc_unit", "compile/fifty_models/sqlite_by_hand", 1.2, "",
       "peak_rss_mb"},
      {"compile/fifty_models/paired", "compile/fifty_models/paired", 1.2,
       "(compiled together; median of 5)", "ormc_cpu_s", "by_hand_cpu_s", "ormc_over_by_hand"},
      {"build/fifty_models/ormc_unit_and_sources_j2", "compile/fifty_models/sqlite_by_hand", 2.0,
       ""},
      {"compile/fifty_models/ormc_generated_sources", "compile/fifty_models/sqlite_by_hand", 0,
       "(report only)"},
      {"compile/fifty_models/ormc_generated_sources", "compile/fifty_models/sqlite_by_hand", 0,
       "(report only)", "peak_rss_mb"},
      {"compile/fifty_models/sqlite_by_hand", "compile/fifty_models/plain", 0, "(report only)"},
      {"compile/fifty_models/ormc_unit_O0", "compile/fifty_models/sqlite_by_hand_O0", 0,
       "(report only)"},
      {"build/fifty_models/ormc_unit_and_sources_j2_O0", "compile/fifty_models/sqlite_by_hand_O0",
       0, "(report only)"},
      {"compile/two_hundred_models/ormc_unit", "compile/two_hundred_models/sqlite_by_hand", 1.2,
       ""},
      {"compile/two_hundred_models/ormc_unit", "compile/two_hundred_models/sqlite_by_hand", 1.2, "",
       "peak_rss_mb"},
      {"build/two_hundred_models/ormc_unit_and_sources_j2",
       "compile/two_hundred_models/sqlite_by_hand", 2.0, ""},
      // Growth from 50 to 200 models (4x the models): near 4 is linear.
      {"compile/two_hundred_models/ormc_unit", "compile/fifty_models/ormc_unit", 0,
       "(growth, 4x models)"},
      {"compile/two_hundred_models/sqlite_by_hand", "compile/fifty_models/sqlite_by_hand", 0,
       "(growth, 4x models)"},
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
