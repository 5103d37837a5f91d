// ormc:table(partition_by=...) that cannot be read, and partition options without it: located
// errors at the key.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>

// CHECK-DAG: partition-annotations.hpp:[[@LINE+1]]:8: error: partition_by="range created_at": write "range(member)", "list(member)" or "hash(member)" [malformed-value]
struct ORMC_TABLE(partition_by = "range created_at") Event {
  ORMC_ID() std::int64_t id = 0;
};

// CHECK-DAG: partition-annotations.hpp:[[@LINE+1]]:8: error: partitions applies to a partitioned table; add partition_by="range(member)", "list(member)" or "hash(member)" [conflicting-annotations]
struct ORMC_TABLE(partitions = 4) Reading {
  ORMC_ID() std::int64_t id = 0;
};
