// A compiler error in the input stops ormc with the compiler's own message and no output.
// RUN: rm -rf %t && not %ormc --output-dir %t %s -- %flags 2>&1 | FileCheck %s
// RUN: not ls %t
#pragma once

struct [[clang::annotate("ormc:table")]] T {
  [[clang::annotate("ormc:id")]] long id;
  // CHECK: compile-error.hpp:[[@LINE+1]]:3: error: unknown type name 'Strin'
  Strin name;
};
// clang's count closes its diagnostics, and ormc's verdict comes last.
// CHECK:      {{^}}1 error generated.
// CHECK-NEXT: error: the inputs did not compile; nothing written
