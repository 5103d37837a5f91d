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
// CHECK-DAG: duplicate-accessor.hpp:[[@LINE+1]]:58: error: 'v2::Event' and 'v1::Event' would both be 'Models::events'; name one with ormc:table(accessor=...) [duplicate-accessor]
struct [[clang::annotate("ormc:table(name=events_v2)")]] Event {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
} // namespace v2

// accessor= names the Models member, so both can share a schema.
// RUN: sed 's/name=events_v2)/name=events_v2, accessor=events_v2)/' %s > %t.hpp
// RUN: %ormc --emit=cpp %t.hpp -- %flags | FileCheck %t.hpp --check-prefix=FIXED
// FIXED: ormc::Table<::v2::Event> events_v2;
