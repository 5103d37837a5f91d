// A composite key is referenced by all of its columns, which ormc:belongs_to and many_to_many do
// not do: both are located errors naming the key's members. A join table's two columns need two
// names.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

// CHECK-DAG: composite-key.hpp:[[@LINE+1]]:42: note: 'Line' is declared here
struct [[clang::annotate("ormc:table")]] Line {
  [[clang::annotate("ormc:id")]] std::int64_t invoice = 0;
  [[clang::annotate("ormc:id")]] std::int64_t number = 0;
};

struct [[clang::annotate("ormc:table")]] Note {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  // CHECK-DAG: composite-key.hpp:[[@LINE+1]]:27: error: ormc:belongs_to on 'line' references 'Line', whose key is composite (invoice, number); a reference needs a one-column key [composite-key-reference]
  [[clang::annotate("ormc:belongs_to(Line)")]] std::int64_t line = 0;
};

// CHECK-DAG: composite-key.hpp:[[@LINE+1]]:66: error: ormc:many_to_many(Line) references 'Line', whose key is composite (invoice, number); a reference needs a one-column key [composite-key-reference]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:many_to_many(Line)")]] Tagged {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};

// CHECK-DAG: composite-key.hpp:[[@LINE+1]]:66: error: join table 'same_tagged' would have two columns named 'x'; give source_column and target_column different names [duplicate-column]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:many_to_many(Tagged, source_column=x, target_column=x)")]] Same {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};
