// Workload W of the benchmarks: one table, the column types most applications have.
#pragma once
#include <chrono>
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace bench {
struct ORMC_TABLE() Person {
  ORMC_ID() std::int64_t id = 0;
  std::string name;
  std::string email;
  std::int32_t age = 0;
  double score = 0;
  std::chrono::system_clock::time_point created_at{};
};
} // namespace bench
