// A composite key is referenced by all of its columns: ormc:references on the struct names the
// members that hold it. ormc:belongs_to on one member and a generated many_to_many join table
// cannot, and a reference that does not fit the key is a located error naming both sides.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <string>

// CHECK-DAG: composite-key.hpp:[[@LINE+1]]:42: note: 'Line' is declared here
struct [[clang::annotate("ormc:table")]] Line {
  [[clang::annotate("ormc:id")]] std::int64_t invoice = 0;
  // CHECK-DAG: composite-key.hpp:[[@LINE+1]]:47: note: 'Line' key is here
  [[clang::annotate("ormc:id")]] std::int64_t number = 0;
};

struct [[clang::annotate("ormc:table")]] Note {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  // CHECK-DAG: composite-key.hpp:[[@LINE+1]]:27: error: ormc:belongs_to on 'line' references 'Line', whose key is composite (invoice, number); name the members that hold it on the struct: ormc:references(Line, line, ...) [composite-key-reference]
  [[clang::annotate("ormc:belongs_to(Line)")]] std::int64_t line = 0;
};

// CHECK-DAG: composite-key.hpp:[[@LINE+1]]:66: error: ormc:many_to_many(Line) references 'Line', whose key is composite (invoice, number); a generated join table needs one-column keys; join through a model of your own (through=) [composite-key-reference]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:many_to_many(Line)")]] Tagged {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};

// CHECK-DAG: composite-key.hpp:[[@LINE+1]]:66: error: join table 'same_tagged' would have two columns named 'x'; give source_column and target_column different names [duplicate-column]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:many_to_many(Tagged, source_column=x, target_column=x)")]] Same {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};

// One member for a key of two.
// CHECK-DAG: composite-key.hpp:[[@LINE+1]]:66: error: ormc:references(Line) on 'Short' names 1 member (line_invoice) but the key of 'Line' has 2 (invoice, number) [reference-columns]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:references(Line, line_invoice)")]] Short {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  std::int64_t line_invoice = 0;
};

// A member of another type than the key column in its place; a member named twice.
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:references(Line, invoice, label)")]]
    [[clang::annotate("ormc:references(Line, invoice, invoice, name=again, inverse=agains)")]] Mixed {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  std::int64_t invoice = 0;
  // CHECK-DAG: composite-key.hpp:[[@LINE+1]]:15: error: 'Mixed::label' has type 'std::string' but references 'Line::number' of type 'std::int64_t'; a foreign key has the type of the key it references [reference-type]
  std::string label;
};
// CHECK-DAG: composite-key.hpp:[[@LINE-6]]:29: error: ormc:references(Line) names 'invoice' twice; each key column needs a member of its own [reference-columns]
