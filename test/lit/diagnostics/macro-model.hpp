// Models declared by a project's own macros: an error points at what the user wrote, with a
// note at the macro's definition when the macro's own text declares the member.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <map>
#include <vector>

#define DECLARE_TABLE(Name, Members)                                                          \
  struct [[clang::annotate("ormc:table")]] Name {                                             \
    [[clang::annotate("ormc:id")]] std::int64_t id;                                           \
    Members                                                                                   \
  };
#define DECLARE_LOOKUP_TABLE(Name)                                                             \
  struct [[clang::annotate("ormc:table")]] Name {                                             \
    [[clang::annotate("ormc:id")]] std::int64_t id;                                           \
    std::map<int, int> lookup;                                                                \
  };

DECLARE_TABLE(Thing,
              // CHECK-DAG: macro-model.hpp:[[@LINE+1]]:34: error: unsupported type 'std::vector<float>' for column 'tags'{{.*}} [unsupported-type]
              std::vector<float> tags;)

// CHECK-DAG: macro-model.hpp:[[@LINE+1]]:1: error: unsupported type 'std::map<int, int>' for column 'lookup'{{.*}} [unsupported-type]
DECLARE_LOOKUP_TABLE(Lookup)
// CHECK-DAG: macro-model.hpp:17:24: note: declared in the expansion of macro 'DECLARE_LOOKUP_TABLE'
