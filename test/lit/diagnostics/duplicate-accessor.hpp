// Two models whose Models members would share a name, though their tables differ.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

namespace v1 {
// CHECK-DAG: duplicate-accessor.hpp:[[@LINE+1]]:58: note: 'v1::Event' is here
struct [[clang::annotate("ormc:table(name=events_v1)")]] Event {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
} // namespace v1
namespace v2 {
// CHECK-DAG: duplicate-accessor.hpp:[[@LINE+1]]:58: error: 'v2::Event' and 'v1::Event' would both be 'Models::events'; rename one struct [duplicate-accessor]
struct [[clang::annotate("ormc:table(name=events_v2)")]] Event {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
} // namespace v2
