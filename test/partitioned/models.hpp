// Partitioned tables of each kind, as an application writes them: events by month, orders by
// region (list), readings by the hash of their key.
#pragma once

#include <chrono>
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace parts {

struct ORMC_TABLE(partition_by = "range(created_at)", partitions_ahead = 2) Event {
  ORMC_ID() std::int64_t id = 0;
  ORMC_ID() std::chrono::system_clock::time_point created_at;
  std::string kind;
};

struct ORMC_TABLE(partition_by = "list(region)") ORMC_PARTITION(name = eu, values = "de, fr")
    ORMC_PARTITION(name = us, values = "us") Order {
  ORMC_ID() std::string region;
  ORMC_ID() std::int64_t id = 0;
};

struct ORMC_TABLE(partition_by = "hash(id)", partitions = 4) Reading {
  ORMC_ID(assigned) std::int64_t id = 0;
  double value = 0;
};

} // namespace parts
