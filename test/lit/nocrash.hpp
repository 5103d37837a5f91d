// Inputs that must never crash ormc: every one gives an error or is ignored, and ormc exits.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

// CHECK-DAG: error: expected annotation kind after 'ormc:'
struct [[clang::annotate("ormc:")]] Empty {};
// CHECK-DAG: error: expected annotation kind after 'ormc:'
struct [[clang::annotate("ormc:(")]] Paren {};
// CHECK-DAG: error: expected key name
struct [[clang::annotate("ormc:table(,)")]] Comma {};
// CHECK-DAG: error: unknown escape sequence
struct [[clang::annotate("ormc:table(name=\"\\q\")")]] Escape {};
// CHECK-DAG: error: expected a value after '='
struct [[clang::annotate("ormc:table(name=)")]] NoValue {};
// CHECK-DAG: error: only named structs and classes can be tables
union [[clang::annotate("ormc:table")]] U { int a; };
struct [[clang::annotate("ormc:table")]] Anonymous {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: error: unsupported type 'struct (unnamed struct at
  struct { int a; } inner;
  // CHECK-DAG: error: anonymous members cannot be columns
  union { int b; float c; };
};
struct [[clang::annotate("ormc:table(name=\"\xff\")")]] HighBytes {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
