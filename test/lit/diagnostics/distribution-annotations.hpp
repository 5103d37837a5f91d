// ormc:table(...) keys of a distributed engine that contradict each other: located errors at
// the key, before the models are read further.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>

// CHECK-DAG: distribution-annotations.hpp:[[@LINE+1]]:8: error: a table is distributed by a column or copied to every node as a reference table, not both: remove 'reference' or 'distribute_by' [conflicting-annotations]
struct ORMC_TABLE(distribute_by = id, reference) Both {
  ORMC_ID() std::int64_t id = 0;
};

// CHECK-DAG: distribution-annotations.hpp:[[@LINE+1]]:8: error: colocate_with applies to a table distributed by a column; add distribute_by=<member> [conflicting-annotations]
struct ORMC_TABLE(colocate_with = Tenant) Loose {
  ORMC_ID() std::int64_t id = 0;
};
