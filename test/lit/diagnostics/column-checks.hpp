// Options that do not fit the column's type.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <optional>
#include <string>

struct [[clang::annotate("ormc:table")]] T {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: column-checks.hpp:[[@LINE+1]]:65: error: max_length applies to std::string columns, not to 'n' of type 'std::int32_t' [max-length-type]
  [[clang::annotate("ormc:column(max_length=3)")]] std::int32_t n;
  // CHECK-DAG: column-checks.hpp:[[@LINE+1]]:66: error: default value 'x' does not fit column 'm' of type 'std::int32_t' [default-type]
  [[clang::annotate("ormc:column(default=\"x\")")]] std::int32_t m;
  // CHECK-DAG: column-checks.hpp:[[@LINE+1]]:64: error: default value 'null' does not fit column 's' of type 'std::string' [default-type]
  [[clang::annotate("ormc:column(default=null)")]] std::string s;
};
