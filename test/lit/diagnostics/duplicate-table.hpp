// Two models with one table name: an error at the second, a note at the first.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

namespace a {
// CHECK-DAG: duplicate-table.hpp:[[@LINE+1]]:42: note: 'a::Item' is here
struct [[clang::annotate("ormc:table")]] Item {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
} // namespace a
namespace b {
// CHECK-DAG: duplicate-table.hpp:[[@LINE+1]]:42: error: table name 'item' of 'b::Item' is already used by 'a::Item' [duplicate-table]
struct [[clang::annotate("ormc:table")]] Item {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
} // namespace b
