// Partitioned tables: what PostgreSQL would refuse, and partitions that are not well-formed, as
// located errors before any DDL is written.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

// CHECK-DAG: partition.hpp:[[@LINE+1]]:8: error: the primary key of partitioned table 'visit' must include its partition key 'at': PostgreSQL enforces a key within each partition only; mark 'at' ormc:id too (a composite key) [partition-key]
struct ORMC_TABLE(partition_by = "range(at)") Visit {
  // CHECK-DAG: partition.hpp:[[@LINE+1]]:26: note: the key is here
  ORMC_ID() std::int64_t id = 0;
  std::chrono::system_clock::time_point at;
};

// CHECK-DAG: partition.hpp:[[@LINE+1]]:8: error: range partitions are by time: 'day' of 'Tally' must be a non-optional std::chrono time_point stored natively (TIMESTAMPTZ), not 'std::int64_t' [partition-key]
struct ORMC_TABLE(partition_by = "range(day)") Tally {
  ORMC_ID() std::int64_t day = 0;
};

// CHECK-DAG: partition.hpp:[[@LINE+1]]:8: error: partition_by="hash(...)" needs partitions=N, 2 to 1024 [partition-definition]
struct ORMC_TABLE(partition_by = "hash(id)") Bucket {
  ORMC_ID() std::int64_t id = 0;
};

// CHECK-DAG: partition.hpp:[[@LINE+2]]:92: error: partition 'b' of 'Shard': 'x' is not an integer, as 'region' is [partition-definition]
// CHECK-DAG: partition.hpp:[[@LINE+1]]:92: error: partition 'b' of 'Shard': '1' is in another partition already [partition-definition]
struct ORMC_TABLE(partition_by = "list(region)") ORMC_PARTITION(name = a, values = "1, 2") ORMC_PARTITION(name = b, values = "1, x") Shard {
  ORMC_ID() std::int32_t region = 0;
  // CHECK-DAG: partition.hpp:[[@LINE+1]]:35: error: unique column 'code' of partitioned table 'shard' must include its partition key 'region': declare ormc:unique(region, code) on the struct instead [partition-key]
  ORMC_COLUMN(unique) std::string code;
};

// CHECK-DAG: partition.hpp:[[@LINE+1]]:8: error: 'Empty' is partitioned by list but declares no partition; add ormc:partition(name=..., values="a, b") [partition-definition]
struct ORMC_TABLE(partition_by = "list(id)") Empty {
  ORMC_ID() std::int64_t id = 0;
};

// CHECK-DAG: partition.hpp:[[@LINE+1]]:21: error: ormc:partition applies to a table partitioned by list; give 'Stray' partition_by="list(member)" [partition-definition]
struct ORMC_TABLE() ORMC_PARTITION(name = a, values = "1") Stray {
  ORMC_ID() std::int64_t id = 0;
};

// CHECK-DAG: partition.hpp:[[@LINE+1]]:8: error: partition_by: 'tenant' is not a data member of 'Ghost' [unknown-member]
struct ORMC_TABLE(partition_by = "hash(tenant)", partitions = 2) Ghost {
  ORMC_ID() std::int64_t id = 0;
};

// Counts past int, or more partitions ahead than a schema should make at once, are refused
// before any DDL runs.
// CHECK-DAG: partition.hpp:[[@LINE+1]]:8: error: partition_by="hash(...)" needs partitions=N, 2 to 1024 [partition-definition]
struct ORMC_TABLE(partition_by = "hash(id)", partitions = 99999999999) Huge {
  ORMC_ID() std::int64_t id = 0;
};

// CHECK-DAG: partition.hpp:[[@LINE+1]]:8: error: partitions_ahead=5000: at most 1000 partitions past the current one; make later ones with create_partitions() [partition-definition]
struct ORMC_TABLE(partition_by = "range(at)", partitions_ahead = 5000) Far {
  ORMC_ID() std::int64_t id = 0;
  ORMC_ID() std::chrono::system_clock::time_point at;
};
