// naming= takes one of the rules ormc knows; anything else is located at the value.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

// CHECK: naming-rule.hpp:[[@LINE+1]]:45: error: invalid value for 'naming': expected one of snake_case, PascalCase, camelCase [malformed-value]
struct [[clang::annotate("ormc:table(naming=kebab)")]] Track {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
