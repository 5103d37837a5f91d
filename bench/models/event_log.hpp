// An event log as the partition benchmark writes it: the same rows in a table partitioned by
// month and in a plain table, each with an index on the time.
#pragma once

#include <chrono>
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace bench {

struct ORMC_TABLE(partition_by = "range(at)", partitions_ahead = 1) MonthlyEvent {
  ORMC_ID() std::int64_t id = 0;
  ORMC_ID() ORMC_COLUMN(index) std::chrono::system_clock::time_point at;
  std::string kind;
  std::int64_t amount = 0;
};

struct ORMC_TABLE() PlainEvent {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(index) std::chrono::system_clock::time_point at;
  std::string kind;
  std::int64_t amount = 0;
};

} // namespace bench
