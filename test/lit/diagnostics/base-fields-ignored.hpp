// Data members of a base class are not columns (mixins will make them so); say so, do not drop
// them silently. A warning alone still produces output.
// RUN: %ormc --emit=sqlite %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

struct Audit {
  std::int64_t created_at = 0;
};
// CHECK: base-fields-ignored.hpp:[[@LINE+1]]:49: warning: data members of base 'Audit' are not columns of 'Item'; annotate 'Audit' with ormc:mixin to make them columns [base-fields-ignored]
struct [[clang::annotate("ormc:table")]] Item : Audit {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
// CHECK: CREATE TABLE IF NOT EXISTS "item" (
// CHECK-NEXT: "id" INTEGER PRIMARY KEY NOT NULL

// With --werror the warning is an error, and nothing is written.
// RUN: rm -rf %t && not %ormc --werror --output-dir %t %s -- %flags 2>&1 | FileCheck %s --check-prefix=WERROR
// RUN: not ls %t
// WERROR: base-fields-ignored.hpp:11:49: error: data members of base 'Audit' are not columns of 'Item'; annotate 'Audit' with ormc:mixin to make them columns [base-fields-ignored]
