// What the database benchmarks share: sizes from the environment, the PostgreSQL server to use,
// and how a case is registered (one iteration per repetition: each is a whole workload).
#pragma once

#include <benchmark/benchmark.h>
#include <cstddef>
#include <cstdlib>
#include <string>

namespace bench {

inline std::size_t env_size(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? static_cast<std::size_t>(std::strtoull(v, nullptr, 10)) : fallback;
}

/// ORMC_BENCH_POSTGRES_URL, else the test suite's ORMC_TEST_POSTGRES_URL; "" for none.
inline std::string postgres_url() {
  for (const char* name : {"ORMC_BENCH_POSTGRES_URL", "ORMC_TEST_POSTGRES_URL"})
    if (const char* v = std::getenv(name); v && *v) return v;
  return "";
}

inline void add(const char* name, void (*fn)(benchmark::State&), int repetitions) {
  benchmark::RegisterBenchmark(name, fn)
      ->Iterations(1)
      ->Repetitions(repetitions)
      ->ReportAggregatesOnly(false)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

} // namespace bench
