// An unterminated string points at its opening quote.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] T {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: unterminated-string.hpp:[[@LINE+1]]:42: error: unterminated string [annotation-syntax]
  [[clang::annotate("ormc:column(default=\"abc)")]] std::string a;
};
