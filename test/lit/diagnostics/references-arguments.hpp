// ormc:references takes the target model, then the members that hold its key; each must be a
// column of the struct.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

struct [[clang::annotate("ormc:table")]] Line {
  [[clang::annotate("ormc:id")]] std::int64_t invoice = 0;
  [[clang::annotate("ormc:id")]] std::int64_t number = 0;
};

// CHECK-DAG: references-arguments.hpp:[[@LINE+1]]:92: error: 'nowhere' is not a column of 'Lost' [unknown-member]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:references(Line, invoice, nowhere)")]] Lost {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  std::int64_t invoice = 0;
};

// CHECK-DAG: references-arguments.hpp:[[@LINE+1]]:66: error: 'ormc:references' needs the target model, then the members that hold its key: 'ormc:references(InvoiceLine, invoice_id, line_number)' [missing-argument]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:references(Line)")]] Bare {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
};

// On a data member it is misplaced: a member's own foreign key is ormc:belongs_to.
struct [[clang::annotate("ormc:table")]] Misplaced {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  // CHECK-DAG: references-arguments.hpp:[[@LINE+1]]:{{[0-9]+}}: error: 'ormc:references' applies to structs, not to data members [misplaced-annotation]
  [[clang::annotate("ormc:references(Line, invoice)")]] std::int64_t invoice = 0;
};
