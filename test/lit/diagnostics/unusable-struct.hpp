// Structs the generated code could not use, found while reading the source: each is a located
// error, never broken output.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

namespace app {
// CHECK-DAG: unusable-struct.hpp:[[@LINE+1]]:66: error: a packed struct cannot be a table: the generated code binds its members by reference, which a packed member cannot be [unsupported-table]
struct [[clang::annotate("ormc:table")]] __attribute__((packed)) Packed {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  char tag;
};

#pragma pack(push, 1)
// CHECK-DAG: unusable-struct.hpp:[[@LINE+1]]:42: error: a packed struct cannot be a table: {{.*}} [unsupported-table]
struct [[clang::annotate("ormc:table")]] Pragma {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
#pragma pack(pop)

struct [[clang::annotate("ormc:table")]] Fine {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK-DAG: unusable-struct.hpp:[[@LINE+1]]:7: error: 'app::Models' has the name of the generated Models container of the tables in this namespace; rename it, or put the container elsewhere with --namespace [generated-name]
class Models {};

} // namespace app
