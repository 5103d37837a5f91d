// Members the generated code cannot read and write are errors; annotations that would do nothing
// are warnings.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

struct [[clang::annotate("ormc:table")]] T {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: members.hpp:[[@LINE+1]]:7: error: bit-field 'flags' cannot be a column [unsupported-member]
  int flags : 3;
  // CHECK-DAG: members.hpp:[[@LINE+1]]:84: error: member 'both' is both ignored and a column [conflicting-annotations]
  [[clang::annotate("ormc:ignore")]] [[clang::annotate("ormc:column(index)")]] int both;
  // CHECK-DAG: members.hpp:[[@LINE+1]]:41: error: 'ormc:table' applies to structs, not to data members [misplaced-annotation]
  [[clang::annotate("ormc:table")]] int t;

private:
  // CHECK-DAG: members.hpp:[[@LINE+1]]:7: error: column 'secret' must be public: the generated code reads and writes it [unsupported-member]
  int secret;
};

// CHECK-DAG: members.hpp:[[@LINE+1]]:39: error: 'ormc:id' applies to data members, not to a struct [misplaced-annotation]
struct [[clang::annotate("ormc:id")]] U {
  // CHECK-DAG: members.hpp:[[@LINE+1]]:42: warning: 'ormc:column' has no effect: 'U' is not annotated with ormc:table or ormc:mixin [member-outside-table]
  [[clang::annotate("ormc:column")]] int x;
};

// CHECK-DAG: members.hpp:[[@LINE+1]]:40: warning: 'ormc:table' has no effect here; ormc annotations apply to structs, their data members and member functions, and ormc:schema to namespaces [misplaced-annotation]
[[clang::annotate("ormc:table")]] void f();

// CHECK-DAG: members.hpp:[[@LINE+1]]:61: error: a class template cannot be a table; annotate a concrete struct [unsupported-table]
template <class X> struct [[clang::annotate("ormc:table")]] Box {
  X value;
};
