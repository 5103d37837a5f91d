// A many_to_many 'through' a model uses that model's columns: naming join columns too is an error.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

struct [[clang::annotate("ormc:table")]] Tagged {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};

struct [[clang::annotate("ormc:table")]] Link {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  [[clang::annotate("ormc:belongs_to(Via)")]] std::int64_t via_id = 0;
  [[clang::annotate("ormc:belongs_to(Tagged)")]] std::int64_t tagged_id = 0;
};
// CHECK: through-columns.hpp:[[@LINE+1]]:101: error: 'source_column' names a generated join table's; with 'through' the join table is that model's [conflicting-annotations]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:many_to_many(Tagged, through=Link, source_column=v)")]] Via {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};
