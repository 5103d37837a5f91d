// Two columns with one name: an error at the second, a note at the first.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

struct [[clang::annotate("ormc:table")]] T {
  // CHECK-DAG: duplicate-column.hpp:[[@LINE+1]]:47: note: previous column 'id' is here
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: duplicate-column.hpp:[[@LINE+1]]:60: error: column name 'id' is already used in table 't' [duplicate-column]
  [[clang::annotate("ormc:column(name=id)")]] std::int64_t other;
};
